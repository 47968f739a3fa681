// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #3, acceptance 2 and 3 on the real roaming captures of
// ../shared/fixtures/roaming (see its README):
//  - the air (NAME.pcap), distribution-system (NAME-br0.pcap) and station
//    (NAME-sta.pcap) captures of one scenario merged with estimated clock
//    offsets give the same handoff records as the air capture alone, and each
//    roam gets its data-plane gap with the ARP exchange as its cause — the
//    ARP times checked against tshark's frame.time_epoch of the ARP frames;
//  - psk.pcap split into two per-channel files (every 10th frame of the other
//    channel in both, the second file's clock 2.5 ms ahead) analyses to exactly
//    the records of psk.pcap.
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <variant>

#include "capture/file/pcap_writer.h"
#include "capture/merge/clock_offset_estimator.h"
#include "capture/merge/clock_offset_report.h"
#include "capture/merge/merged_frame_stream.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "dissectors/index/frame_class.h"
#include "tests/support/fixtures.h"

using namespace rs;
using namespace rs::roam;

namespace {

struct Merged {
  std::vector<HandoffRecord> records;
  ClockOffsetEstimate offsets;
  bool ok = false;
};

// The files merged (offsets estimated when there are several) and analysed in one pass with the keys file.
Merged analyze(const std::vector<std::string>& paths, const std::string& keysFile) {
  Merged m;
  std::vector<std::unique_ptr<CaptureFile>> opened;
  std::vector<CaptureFile*> files;
  for (const std::string& p : paths) {
    auto result = openCapture(p);
    if (!std::holds_alternative<std::unique_ptr<CaptureFile>>(result)) return m;
    opened.push_back(std::move(std::get<std::unique_ptr<CaptureFile>>(result)));
    files.push_back(opened.back().get());
  }
  KeyRing ring;
  std::string error;
  if (!ring.loadWiresharkKeysFile(keysFile, error)) return m;
  m.offsets = estimateClockOffsets(files);
  RoamAnalyzer analyzer(&ring);
  MergedFrameStream stream(files, m.offsets.offsetsNs());
  FrameView f;
  while (stream.next(f)) analyzer.observe(f);
  analyzer.finish();
  m.records = analyzer.recordsByTime();
  m.ok = true;
  for (CaptureFile* file : files) m.ok = m.ok && !file->error();
  return m;
}

std::string fixture(const std::string& scenario, const std::string& suffix) {
  return test::fixturePath("roaming/" + scenario + "/" + scenario + suffix);
}

// What acceptance 2 compares: who, where, how, whether, when, how long.
void compareHandoff(const HandoffRecord& a, const HandoffRecord& b) {
  QCOMPARE(a.sta, b.sta);
  QCOMPARE(a.from.has_value(), b.from.has_value());
  if (a.from) QCOMPARE(a.from->bssid, b.from->bssid);
  QCOMPARE(a.to.bssid, b.to.bssid);
  QCOMPARE(a.method, b.method);
  QCOMPARE(a.success, b.success);
  QCOMPARE(a.startNs, b.startNs);
  QCOMPARE(a.endNs, b.endNs);
  QCOMPARE(a.phases.size(), b.phases.size());
  for (std::size_t i = 0; i < a.phases.size(); ++i) {
    QCOMPARE(a.phases[i].kind, b.phases[i].kind);
    QCOMPARE(a.phases[i].startNs, b.phases[i].startNs);
    QCOMPARE(a.phases[i].endNs, b.phases[i].endNs);
  }
  QCOMPARE(a.latencyNs, b.latencyNs);
  QCOMPARE(a.micsVerified, b.micsVerified);
}

const Diagnostic* findDiagnostic(const HandoffRecord& r, const std::string& kind) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.kind == kind) return &d;
  return nullptr;
}

template <typename T>
std::optional<T> value(const Diagnostic& d, const std::string& key) {
  for (const auto& [k, v] : d.values)
    if (k == key && std::holds_alternative<T>(v)) return std::get<T>(v);
  return std::nullopt;
}

std::int64_t parseEpoch(const QByteArray& text) {
  const QList<QByteArray> parts = text.trimmed().split('.');
  if (parts.size() != 2 || parts[1].size() != 9) return -1;
  return parts[0].toLongLong() * 1'000'000'000 + parts[1].toLongLong();
}

struct TsharkArp {
  std::int64_t ns = 0;
  int opcode = 0;
  QString senderIp, targetIp;
};

// ARP frames tshark sees in a capture (decrypting the air with the scenario's keys), their times moved onto the
// merged clock by the file's estimated offset.
std::vector<TsharkArp> tsharkArps(const std::string& capture, const std::string& keysFile, std::int64_t offsetNs) {
  QStringList args{"-r", QString::fromStdString(capture)};
  std::ifstream keys(keysFile);
  for (std::string line; std::getline(keys, line);) {
    if (line.empty()) continue;
    args << "-o" << QString::fromStdString("uat:80211_keys:" + line);
  }
  args << "-o" << "wlan.enable_decryption:TRUE" << "-Y" << "arp" << "-T" << "fields" << "-e" << "frame.time_epoch"
       << "-e" << "arp.opcode" << "-e" << "arp.src.proto_ipv4" << "-e" << "arp.dst.proto_ipv4";
  QProcess p;
  p.start("tshark", args);
  std::vector<TsharkArp> out;
  if (!p.waitForFinished(120000) || p.exitCode() != 0) return out;
  for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
    const QList<QByteArray> f = line.split('\t');
    if (f.size() != 4) continue;
    out.push_back({parseEpoch(f[0]) - offsetNs, f[1].toInt(), QString::fromLatin1(f[2]), QString::fromLatin1(f[3])});
  }
  return out;
}

std::string epoch(std::int64_t ns) {
  return QStringLiteral("%1.%2").arg(ns / 1'000'000'000).arg(ns % 1'000'000'000, 9, 10, QChar('0')).toStdString();
}

// psk.pcap split by radiotap channel into two pcap files, every 10th frame of the other channel in both, file B's
// clock `offsetNs` ahead.
bool splitByChannel(const std::string& source, const std::string& a, const std::string& b, std::int64_t offsetNs) {
  auto opened = openCapture(source);
  if (!std::holds_alternative<std::unique_ptr<CaptureFile>>(opened)) return false;
  CaptureFile& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
  auto ca = PcapWriter::create(a, 127);
  auto cb = PcapWriter::create(b, 127);
  if (!std::holds_alternative<std::unique_ptr<PcapWriter>>(ca) || !std::holds_alternative<std::unique_ptr<PcapWriter>>(cb))
    return false;
  PcapWriter& wa = *std::get<std::unique_ptr<PcapWriter>>(ca);
  PcapWriter& wb = *std::get<std::unique_ptr<PcapWriter>>(cb);
  CaptureFrame f;
  std::uint64_t otherA = 0, otherB = 0;  // frames of the other channel seen so far, per file
  bool ok = true;
  while (file.next(f)) {
    FrameClass cls;
    classifyFrame(f.linkType, f.data, cls);
    const bool channel1 = cls.channelMhz == 2412;
    if (channel1) {
      ok = ok && wa.writePacket(f.timestampNs, f.data, f.originalLength);
      if (otherB++ % 10 == 0) ok = ok && wb.writePacket(f.timestampNs + offsetNs, f.data, f.originalLength);
    } else {
      ok = ok && wb.writePacket(f.timestampNs + offsetNs, f.data, f.originalLength);
      if (otherA++ % 10 == 0) ok = ok && wa.writePacket(f.timestampNs, f.data, f.originalLength);
    }
  }
  return ok && !file.error() && wa.close() && wb.close();
}

}  // namespace

class TestRoamMergeFixtures : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (QStandardPaths::findExecutable("tshark").isEmpty()) QSKIP("tshark is not installed");
  }

  void airDistributionAndStationMerged_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("roams");
    QTest::newRow("psk") << "psk" << 1;
    QTest::newRow("ft-psk") << "ft-psk" << 1;
    QTest::newRow("eap") << "eap" << 2;
  }
  void airDistributionAndStationMerged() {
    QFETCH(QString, scenario);
    QFETCH(int, roams);
    const std::string name = scenario.toStdString();
    RS_REQUIRE_FIXTURE("roaming/" + name + "/" + name + "-sta.pcap");
    const std::string keys = test::fixturePath("roaming/" + name + "/80211_keys");
    const std::vector<std::string> paths = {fixture(name, ".pcap"), fixture(name, "-br0.pcap"), fixture(name, "-sta.pcap")};
    const Merged air = analyze({paths[0]}, keys);
    const Merged all = analyze(paths, keys);
    QVERIFY(air.ok && all.ok);
    for (std::size_t i = 0; i < all.offsets.files.size(); ++i)
      qInfo("%s", clockOffsetLine(all.offsets, i, paths).c_str());
    qInfo("estimated in %.1f ms", static_cast<double>(all.offsets.elapsedNs) / 1e6);
    // br0 and the station's view share the pings (the same IP datagrams), nothing with the encrypted air.
    QVERIFY(all.offsets.files[1].assumed);
    QCOMPARE(all.offsets.files[2].against, std::optional<std::size_t>{1});
    QVERIFY(all.offsets.files[2].matches > 1000);

    QCOMPARE(all.records.size(), air.records.size());
    int roamsSeen = 0;
    for (std::size_t i = 0; i < all.records.size(); ++i) {
      compareHandoff(all.records[i], air.records[i]);
      const HandoffRecord& r = all.records[i];
      if (!r.from) continue;
      ++roamsSeen;
      const Diagnostic* gap = findDiagnostic(r, "data-plane-gap");
      QVERIFY2(gap, "no data-plane-gap diagnostic on a roam");
      qInfo("%s roam %d: %s", name.c_str(), roamsSeen, gap->message.c_str());
      QCOMPARE(value<std::string>(*gap, "cause"), std::optional<std::string>("arp-resolution"));
      // The Linux station's gap is far longer than the L2 handoff (README: about 1 s).
      const double gapMs = value<double>(*gap, "gap_ms").value_or(0);
      QVERIFY(gapMs > 3 * value<double>(*gap, "l2_handoff_ms").value_or(1e9));
      QVERIFY(gapMs > 100.0);
      // tshark's ARP frames of the three files on the merged clock: the first request after the last packet before
      // the roam is the one the diagnostic names, and its reply the first one back.
      std::vector<TsharkArp> arps;
      for (std::size_t f = 0; f < paths.size(); ++f) {
        const auto some = tsharkArps(paths[f], keys, all.offsets.files[f].offsetNs);
        arps.insert(arps.end(), some.begin(), some.end());
      }
      std::sort(arps.begin(), arps.end(), [](const TsharkArp& a, const TsharkArp& b) { return a.ns < b.ns; });
      QVERIFY(!arps.empty());
      const auto lastBefore = value<std::string>(*gap, "last_packet_before");
      QVERIFY(lastBefore);
      const auto request = std::find_if(arps.begin(), arps.end(), [&](const TsharkArp& a) {
        return a.opcode == 1 && epoch(a.ns) >= *lastBefore;
      });
      QVERIFY(request != arps.end());
      QCOMPARE(value<std::string>(*gap, "arp_request_time"), std::optional<std::string>(epoch(request->ns)));
      QCOMPARE(value<std::string>(*gap, "arp_requester"), std::optional<std::string>(request->senderIp.toStdString()));
      QCOMPARE(value<std::string>(*gap, "arp_target"), std::optional<std::string>(request->targetIp.toStdString()));
      const auto reply = std::find_if(request, arps.end(), [&](const TsharkArp& a) {
        return a.opcode == 2 && a.senderIp == request->targetIp && a.targetIp == request->senderIp;
      });
      QVERIFY(reply != arps.end());
      QCOMPARE(value<std::string>(*gap, "arp_reply_time"), std::optional<std::string>(epoch(reply->ns)));
      // The request falls inside the gap: after the roam, before the traffic resumed.
      QVERIFY(request->ns > r.endNs);
      QVERIFY(epoch(request->ns) <= *value<std::string>(*gap, "first_packet_after"));

      // The air alone, decrypted with the keys, shows the same exchange at the times tshark decrypts it.
      const Diagnostic* airGap = findDiagnostic(air.records[i], "data-plane-gap");
      QVERIFY2(airGap, "no data-plane-gap diagnostic from the decrypted air");
      const auto onAir = tsharkArps(paths[0], keys, 0);
      const auto airBefore = *value<std::string>(*airGap, "last_packet_before");
      const auto airRequest = std::find_if(onAir.begin(), onAir.end(), [&](const TsharkArp& a) {
        return a.opcode == 1 && epoch(a.ns) >= airBefore;
      });
      QVERIFY(airRequest != onAir.end());
      QCOMPARE(value<std::string>(*airGap, "arp_request_time"), std::optional<std::string>(epoch(airRequest->ns)));
      QCOMPARE(value<std::string>(*airGap, "arp_requester"), std::optional<std::string>(airRequest->senderIp.toStdString()));
    }
    QCOMPARE(roamsSeen, roams);
  }

  // Acceptance 3: the same traffic split into two per-channel files with some frames in both gives exactly the
  // records of the single file — the 2.5 ms clock offset of the second file estimated and removed.
  void perChannelSplitGivesTheSingleFilesRecords() {
    RS_REQUIRE_FIXTURE("roaming/psk/psk.pcap");
    QTemporaryDir dir;
    const std::string a = dir.filePath("ch1.pcap").toStdString(), b = dir.filePath("ch6.pcap").toStdString();
    const std::int64_t offsetNs = 2'500'000;
    QVERIFY(splitByChannel(fixture("psk", ".pcap"), a, b, offsetNs));
    const std::string keys = test::fixturePath("roaming/psk/80211_keys");
    const Merged single = analyze({fixture("psk", ".pcap")}, keys);
    const Merged split = analyze({a, b}, keys);
    QVERIFY(single.ok && split.ok);
    QCOMPARE(split.offsets.files[1].offsetNs, offsetNs);
    QVERIFY(split.offsets.files[1].matches > 100);
    qInfo("%s", clockOffsetLine(split.offsets, 1, {a, b}).c_str());
    QCOMPARE(split.records.size(), single.records.size());
    QCOMPARE(single.records.size(), std::size_t{2});
    for (std::size_t i = 0; i < single.records.size(); ++i) {
      const HandoffRecord& x = split.records[i];
      const HandoffRecord& y = single.records[i];
      compareHandoff(x, y);
      QCOMPARE(x.from.has_value() ? x.from->channel : std::nullopt, y.from.has_value() ? y.from->channel : std::nullopt);
      QCOMPARE(x.to.channel, y.to.channel);
      QCOMPARE(x.to.signalDbm, y.to.signalDbm);
      QCOMPARE(x.scanChannels, y.scanChannels);
      QCOMPARE(x.pmkidValid, y.pmkidValid);
      QCOMPARE(x.keyFrames, y.keyFrames);
      QCOMPARE(x.requestFrame, y.requestFrame);
      QCOMPARE(x.m1Retries, y.m1Retries);
      QCOMPARE(x.diagnostics.size(), y.diagnostics.size());
      for (std::size_t d = 0; d < x.diagnostics.size(); ++d) {
        QCOMPARE(x.diagnostics[d].kind, y.diagnostics[d].kind);
        QCOMPARE(x.diagnostics[d].message, y.diagnostics[d].message);
      }
    }
    // The shared frames are exact copies: no spread around the offset.
    QCOMPARE(split.offsets.files[1].spreadNs, std::int64_t{0});
  }
};

QTEST_GUILESS_MAIN(TestRoamMergeFixtures)
#include "tst_roam_merge_fixtures.moc"
