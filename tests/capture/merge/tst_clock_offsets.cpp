// SPDX-License-Identifier: GPL-3.0-or-later
// Clock-offset estimation and the merge of several captures
// (capture/merge/): synthetic files written with PcapngWriter whose clocks
// differ by a known offset, the offset found from the frames both heard
// (802.11 MPDUs; IP datagrams under different link headers), chained through
// a third file, the "no common frames" case, empty and damaged files, and the
// merged stream on the reference clock with the original timestamps kept.
#include <QTemporaryDir>
#include <QtTest>

#include "capture/file/pcapng_writer.h"
#include "capture/merge/clock_offset_estimator.h"
#include "capture/merge/clock_offset_report.h"
#include "capture/merge/frame_match_keys.h"
#include "capture/merge/merged_frame_stream.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/common/mac_address.h"
#include "tests/capture/capture_test_util.h"

using namespace rs;

namespace {

constexpr std::uint32_t kLinkEthernet = 1;
constexpr std::uint32_t kLinkSll = 113;
constexpr std::uint32_t kLinkRadiotap = 127;
constexpr std::int64_t kBaseNs = 1'700'000'000'000'000'000;

void putMac(ByteWriter& w, std::string_view text) { w.bytes(MacAddress::parse(text)->octets); }

// Radiotap (8-byte header, no fields) + a beacon whose Timestamp field makes it unique (IEEE 802.11-2016 9.3.3.3).
Bytes beacon(std::uint64_t tsf) {
  ByteWriter w;
  w.u8(0).u8(0).u16le(8).u32le(0);                                   // radiotap: version, pad, length, present
  w.u8(0x80).u8(0).u16le(0);                                         // Frame Control: beacon; Duration
  for (int i = 0; i < 6; ++i) w.u8(0xff);                            // DA
  putMac(w, "02:aa:00:00:00:01");  // SA
  putMac(w, "02:aa:00:00:00:01");  // BSSID
  w.u16le(static_cast<std::uint16_t>((tsf & 0xfff) << 4));           // Sequence Control
  w.u64le(tsf).u16le(100).u16le(0x0011);                             // Timestamp, interval, capabilities
  w.u8(0).u8(4);                                                     // SSID element "test"
  for (char c : std::string("test")) w.u8(static_cast<std::uint8_t>(c));
  return w.take();
}

// An 802.11 ACK: identical for every acknowledgement to one address, so it must never count as a match.
Bytes ack() {
  ByteWriter w;
  w.u8(0).u8(0).u16le(8).u32le(0);
  w.u8(0xd4).u8(0).u16le(0);
  putMac(w, "02:aa:00:00:00:01");
  return w.take();
}

// A 48-byte IPv4/UDP datagram 10.0.0.2 → 10.0.0.1 numbered `n`, with `ttl`.
Bytes datagram(std::uint16_t n, std::uint8_t ttl) {
  ByteWriter w;
  w.u8(0x45).u8(0).u16be(48).u16be(n).u16be(0).u8(ttl).u8(17).u16be(0);
  w.u32be(0x0a000002).u32be(0x0a000001);
  w.u16be(5000).u16be(5001).u16be(28).u16be(0);
  for (int i = 0; i < 20; ++i) w.u8(static_cast<std::uint8_t>(n + i));
  return w.take();
}

Bytes ethernet(const Bytes& ip) {
  ByteWriter w;
  putMac(w, "02:aa:00:00:00:01");
  putMac(w, "02:bb:00:00:00:01");
  w.u16be(0x0800);
  w.bytes(ip);
  return w.take();
}

// Linux cooked capture v1 (16 bytes), packet type "outgoing".
Bytes cooked(const Bytes& ip) {
  ByteWriter w;
  w.u16be(4).u16be(1).u16be(6);
  putMac(w, "02:bb:00:00:00:01");
  w.u16be(0);  // the address field is 8 bytes
  w.u16be(0x0800);
  w.bytes(ip);
  return w.take();
}

struct Packet {
  std::int64_t ns;
  Bytes data;
};

bool writeFile(const QString& path, std::uint32_t linkType, std::vector<Packet> packets) {
  std::stable_sort(packets.begin(), packets.end(), [](const Packet& a, const Packet& b) { return a.ns < b.ns; });
  auto created = PcapngWriter::create(path.toStdString());
  auto* writer = std::get_if<std::unique_ptr<PcapngWriter>>(&created);
  if (!writer) return false;
  const auto id = (*writer)->addInterface(linkType, "test");
  if (!id) return false;
  for (const Packet& p : packets)
    if (!(*writer)->writePacket(*id, p.ns, p.data)) return false;
  return (*writer)->close();
}

std::vector<std::unique_ptr<CaptureFile>> openAll(const QStringList& paths) {
  std::vector<std::unique_ptr<CaptureFile>> files;
  for (const QString& p : paths) files.push_back(test::takeCapture(openCapture(p.toStdString())));
  return files;
}

std::vector<CaptureFile*> pointers(const std::vector<std::unique_ptr<CaptureFile>>& files) {
  std::vector<CaptureFile*> out;
  for (const auto& f : files) out.push_back(f.get());
  return out;
}

// Air capture A: beacons every 102.4 ms and ACKs; capture B on another adapter hears every third beacon, its
// clock `offsetNs` ahead, plus jitter of a few µs on a few frames that the median must ignore.
void writeAirPair(const QString& a, const QString& b, std::int64_t offsetNs) {
  std::vector<Packet> pa, pb;
  for (int i = 0; i < 60; ++i) {
    const std::int64_t t = kBaseNs + std::int64_t{i} * 102'400'000;
    pa.push_back({t, beacon(static_cast<std::uint64_t>(i) * 102'400)});
    pa.push_back({t + 1'000, ack()});
    if (i % 3 == 0) {
      const std::int64_t jitter = (i % 9 == 0) ? 3'000 : 0;  // a few late copies
      pb.push_back({t + offsetNs + jitter, beacon(static_cast<std::uint64_t>(i) * 102'400)});
    }
    pb.push_back({t + offsetNs + 50'000, ack()});
    pb.push_back({t + offsetNs + 60'000, beacon(1'000'000 + static_cast<std::uint64_t>(i))});  // only B has these
  }
  QVERIFY(writeFile(a, kLinkRadiotap, pa));
  QVERIFY(writeFile(b, kLinkRadiotap, pb));
}

}  // namespace

class ClockOffsets : public QObject {
  Q_OBJECT
 private slots:
  void knownOffsetFromSharedBeacons() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng");
    writeAirPair(a, b, 37'250'000);
    auto files = openAll({a, b});
    QVERIFY(files[0] && files[1]);
    const ClockOffsetEstimate e = estimateClockOffsets(pointers(files));
    QCOMPARE(e.files.size(), std::size_t{2});
    QVERIFY(e.files[0].reference);
    QCOMPARE(e.files[0].offsetNs, std::int64_t{0});
    QVERIFY(std::llabs(e.files[1].offsetNs - 37'250'000) <= 1'000);  // within 1 µs
    QCOMPARE(e.files[1].offsetNs, std::int64_t{37'250'000});          // the late copies do not move the median
    QCOMPARE(e.files[1].matches, std::size_t{20});                    // beacons only, never the ACKs
    QCOMPARE(e.files[1].spreadNs, std::int64_t{0});
    QCOMPARE(e.files[1].against, std::optional<std::size_t>{0});
    QVERIFY(!e.files[1].assumed);
    QCOMPARE(e.files[0].frames, std::uint64_t{120});
    const std::string line = clockOffsetLine(e, 1, {"a.pcapng", "b.pcapng"});
    QVERIFY2(line.find("+37.250000 ms against a.pcapng (20 common frame(s)") != std::string::npos, line.c_str());
  }

  void negativeOffset() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng");
    writeAirPair(a, b, -1'500'123);
    auto files = openAll({a, b});
    const ClockOffsetEstimate e = estimateClockOffsets(pointers(files));
    QCOMPARE(e.files[1].offsetNs, std::int64_t{-1'500'123});
  }

  // The same datagrams on a bridge (Ethernet, d) and in a station's cooked capture (c) one router hop later (TTL
  // one less): matched from the network layer on. Neither shares a frame with the air captures a/b, so c, the
  // first of their group, is anchored at 0 ("no common frames") and d is placed against c.
  void wiredGroupAcrossLinkTypes() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng"), c = dir.filePath("c.pcapng");
    const std::int64_t offsetB = 37'250'000, offsetCfromB = -12'500'000;
    writeAirPair(a, b, offsetB);
    std::vector<Packet> pc, pd;
    for (std::uint16_t n = 0; n < 40; ++n) {
      const std::int64_t t = kBaseNs + n * 10'000'000 + offsetB;  // on B's clock
      pd.push_back({t, ethernet(datagram(n, 64))});
      pc.push_back({t + offsetCfromB + (n % 2 ? 20'000 : -20'000), cooked(datagram(n, 63))});
    }
    QVERIFY(writeFile(c, kLinkSll, pc));
    const QString d = dir.filePath("d.pcapng");
    QVERIFY(writeFile(d, kLinkEthernet, pd));
    auto files = openAll({a, b, c, d});
    const ClockOffsetEstimate e = estimateClockOffsets(pointers(files));
    QCOMPARE(e.files[1].offsetNs, offsetB);
    QVERIFY(e.files[2].assumed);  // c: the first file of the group that shares nothing with a/b
    QCOMPARE(e.files[2].offsetNs, std::int64_t{0});
    QVERIFY(!e.files[3].assumed);
    QCOMPARE(e.files[3].against, std::optional<std::size_t>{2});
    QCOMPARE(e.files[3].matches, std::size_t{40});
    // d runs 12.5 ms ahead of c (the ±20 µs queueing alternates and cancels in the median).
    QCOMPARE(e.files[3].offsetNs, -offsetCfromB);
    QCOMPARE(e.files[3].spreadNs, std::int64_t{20'000});
    const std::string line = clockOffsetLine(e, 2, {"a", "b", "c", "d"});
    QVERIFY2(line.find("no common frames") != std::string::npos && line.find("offset 0 assumed") != std::string::npos,
             line.c_str());
  }

  // A file that shares frames with B but not with the reference is placed through B: offsets add up.
  void chainedOffsetsAddUp() {
    QTemporaryDir dir;
    std::vector<Packet> pa, pb, pc;
    for (std::uint16_t n = 0; n < 30; ++n) {
      const std::int64_t t = kBaseNs + n * 10'000'000;
      pa.push_back({t, ethernet(datagram(n, 64))});                        // A and B share datagrams 0..29
      pb.push_back({t + 2'000'000, ethernet(datagram(n, 64))});
      pb.push_back({t + 2'000'000 + 5'000, ethernet(datagram(static_cast<std::uint16_t>(n + 100), 64))});
      pc.push_back({t + 7'000'000 + 5'000, cooked(datagram(static_cast<std::uint16_t>(n + 100), 64))});  // only with B
    }
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng"), c = dir.filePath("c.pcapng");
    QVERIFY(writeFile(a, kLinkEthernet, pa));
    QVERIFY(writeFile(b, kLinkEthernet, pb));
    QVERIFY(writeFile(c, kLinkSll, pc));
    auto files = openAll({a, c, b});  // c before b on the command line: the chain still goes a → b → c
    const ClockOffsetEstimate e = estimateClockOffsets(pointers(files));
    QCOMPARE(e.files[2].offsetNs, std::int64_t{2'000'000});
    QCOMPARE(e.files[1].offsetNs, std::int64_t{7'000'000});
    QCOMPARE(e.files[1].against, std::optional<std::size_t>{2});
    QVERIFY(!e.files[1].assumed);
  }

  void noCommonFramesMeansZeroWithANote() {
    QTemporaryDir dir;
    std::vector<Packet> pa, pb;
    for (int i = 0; i < 10; ++i) {
      pa.push_back({kBaseNs + i * 1'000'000, beacon(static_cast<std::uint64_t>(i))});
      pb.push_back({kBaseNs + i * 1'000'000 + 400'000, beacon(static_cast<std::uint64_t>(i + 5000))});
    }
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng");
    QVERIFY(writeFile(a, kLinkRadiotap, pa));
    QVERIFY(writeFile(b, kLinkRadiotap, pb));
    auto files = openAll({a, b});
    const ClockOffsetEstimate e = estimateClockOffsets(pointers(files));
    QCOMPARE(e.files[1].offsetNs, std::int64_t{0});
    QVERIFY(e.files[1].assumed);
    QCOMPARE(e.files[1].matches, std::size_t{0});
    QVERIFY(!e.files[1].against);
    const auto json = clockOffsetsJson(e, {"a", "b"});
    QCOMPARE(json[1]["assumed"].get<bool>(), true);
    QVERIFY(json[1]["against"].is_null());
    QCOMPARE(json[0]["reference"].get<bool>(), true);
  }

  // An empty capture (header only) has nothing to match: offset 0 assumed, the other files still estimated.
  // A file damaged in the middle contributes the frames before the damage.
  void emptyAndDamagedFiles() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng"), empty = dir.filePath("empty.pcapng");
    writeAirPair(a, b, 37'250'000);
    QVERIFY(writeFile(empty, kLinkRadiotap, {}));
    // b cut in the middle of a block.
    Bytes bytes = test::readBytes(b.toStdString());
    bytes.resize(bytes.size() * 2 / 3 + 3);
    const QString cut = dir.filePath("cut.pcapng");
    QVERIFY(test::writeBytes(cut.toStdString(), bytes));
    auto files = openAll({a, empty, cut});
    QVERIFY(files[0] && files[1] && files[2]);
    const ClockOffsetEstimate e = estimateClockOffsets(pointers(files));
    QVERIFY(e.files[1].assumed);
    QCOMPARE(e.files[1].frames, std::uint64_t{0});
    QCOMPARE(e.files[2].offsetNs, std::int64_t{37'250'000});
    QVERIFY(e.files[2].matches > 5 && e.files[2].matches < 20);
    QVERIFY(files[2]->error().has_value());
  }

  // A garbage file does not open (a clear error naming it); it is never handed to the estimator.
  void garbageFileIsAClearError() {
    QTemporaryDir dir;
    const QString g = dir.filePath("garbage.pcap");
    QVERIFY(test::writeBytes(g.toStdString(), Bytes{'n', 'o', 't', ' ', 'a', ' ', 'c', 'a', 'p', 't', 'u', 'r', 'e'}));
    const auto opened = openCapture(g.toStdString());
    QVERIFY(std::holds_alternative<FileError>(opened));
    QVERIFY(test::openError(opened).find("garbage.pcap") != std::string::npos);
  }

  // The merged stream runs on the reference clock, drops B's copies of A's beacons, keeps the original time.
  void mergedStreamOnTheReferenceClock() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng");
    writeAirPair(a, b, 37'250'000);
    auto files = openAll({a, b});
    const ClockOffsetEstimate e = estimateClockOffsets(pointers(files));
    MergedFrameStream stream(pointers(files), e.offsetsNs());
    FrameView f;
    std::int64_t last = 0;
    std::size_t fromB = 0, total = 0;
    while (stream.next(f)) {
      QVERIFY(f.timestampNs >= last);
      last = f.timestampNs;
      ++total;
      const MergedOrigin& o = stream.origin();
      QCOMPARE(o.originalTimestampNs - f.timestampNs, e.files[o.file].offsetNs);
      QCOMPARE(f.capturePoint >> 16, static_cast<std::uint32_t>(o.file));
      if (o.file == 1) ++fromB;
    }
    // B's 20 shared beacons (13 exactly on time, 7 late by 3 µs: inside the 5 ms window) are duplicates, and so
    // are its 60 ACKs: byte-identical to A's 49 µs earlier, nothing tells two ACKs to one address apart.
    QCOMPARE(stream.duplicatesDropped(), std::uint64_t{80});
    QCOMPARE(total, std::size_t{120 + 60});  // A's 120 and B's own 60 beacons
    QCOMPARE(fromB, std::size_t{60});
    // Without offsets B's copies are 37 ms late: outside the window, kept.
    MergedFrameStream raw(pointers(files));
    while (raw.next(f)) {
    }
    QCOMPARE(raw.duplicatesDropped(), std::uint64_t{0});
  }

  // Every prefix of a frame of every link type: the key extraction never reads past the end.
  void truncatedFramesNeverOverread() {
    const std::vector<std::pair<std::uint32_t, Bytes>> frames = {
        {kLinkRadiotap, beacon(7)}, {kLinkEthernet, ethernet(datagram(1, 64))}, {kLinkSll, cooked(datagram(2, 64))}};
    for (const auto& [link, bytes] : frames) {
      for (std::size_t n = 0; n <= bytes.size(); ++n) {
        Bytes prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        std::uint64_t h[2];
        const int k = frameMatchHashes(link, prefix, h);
        QVERIFY(k >= 0 && k <= 2);
      }
    }
  }

  void pairMedianIgnoresOutliers() {
    FileMatchKeys a, b;
    for (std::uint64_t h = 1; h <= 9; ++h) {
      a.keys.push_back({h, 1'000'000 * static_cast<std::int64_t>(h)});
      // 6 copies 2 ms later, 3 far off (a collision-like outlier, a queued frame, one outside the window).
      std::int64_t d = 2'000'000;
      if (h == 3) d = 9'000'000;
      if (h == 5) d = -4'000'000;
      if (h == 7) d = 20'000'000'000;
      b.keys.push_back({h, a.keys.back().timestampNs + d});
    }
    const PairOffset p = estimatePairOffset(a, b);
    QCOMPARE(p.matches, std::size_t{8});  // the one 20 s away is outside the 10 s window
    QCOMPARE(p.medianNs, std::int64_t{2'000'000});
    QCOMPARE(p.spreadNs, std::int64_t{0});
  }
};

QTEST_GUILESS_MAIN(ClockOffsets)
#include "tst_clock_offsets.moc"
