// SPDX-License-Identifier: GPL-3.0-or-later
// PcapngWriter and PcapWriter: exact header bytes from the pcapng draft, round
// trips through the reader, determinism, tshark as an independent reader, and
// the failure paths (bad arguments, missing directory, a full disk).
#include <QTemporaryDir>
#include <QtTest>
#include <sstream>
#include <string>

#include "capture/file/capture_file.h"
#include "capture/file/pcap_writer.h"
#include "capture/file/pcapng_writer.h"
#include "tests/capture/capture_builder.h"
#include "tests/capture/capture_test_util.h"
#include "tests/support/fixtures.h"

using namespace rs;
using namespace rs::test;

namespace {

struct Packet {
  std::uint32_t interfaceId;
  std::int64_t timestampNs;
  Bytes data;
  std::string comment;
  std::uint32_t originalLength;
};

// 200 packets alternating between two interfaces: lengths 0..299 (every padding
// case), a comment on every third (UTF-8 included), some snapped (original > captured).
std::vector<Packet> samplePackets() {
  std::vector<Packet> packets;
  for (std::uint32_t k = 0; k < 200; ++k) {
    Packet p;
    p.interfaceId = k % 2;
    p.timestampNs = 1795328162867394000 + std::int64_t{k} * 1000003 + k % 7;
    p.data = pattern((k * 37) % 300, static_cast<std::uint8_t>(k));
    if (k % 3 == 0) p.comment = "roamscope.handoff #" + std::to_string(k) + (k % 2 ? " \u00e9t\u00e9" : "");
    p.originalLength = k % 5 == 0 ? static_cast<std::uint32_t>(p.data.size()) + 100 : 0;
    packets.push_back(std::move(p));
  }
  return packets;
}

bool writeSample(PcapngWriter& w, const std::vector<Packet>& packets) {
  if (w.addInterface(127, "air ch1", 262144, "emulated air, channel 1") != 0u) return false;
  if (w.addInterface(1, "ds") != 1u) return false;
  for (const Packet& p : packets)
    if (!w.writePacket(p.interfaceId, p.timestampNs, p.data, p.comment, p.originalLength)) return false;
  return w.close();
}

std::string errorText(const std::optional<FileError>& e) { return e ? e->toString() : std::string("no error"); }

}  // namespace

class CaptureWriterTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }
  void headerBytesFollowTheDraft();
  void roundTripTwoInterfacesWithComments();
  void outputIsDeterministic();
  void tsharkReadsWriterOutput();
  void fixtureRewrittenAsPcapngKeepsEveryFrame();
  void rejectsBadArguments();
  void missingDirectory();
  void fullDiskIsReported();
  void pcapWriterRoundTrip();

 private:
  std::string path(const QString& name) const { return dir_.filePath(name).toStdString(); }
  QTemporaryDir dir_;
};

// Expected bytes written out by hand from draft-ietf-opsawg-pcapng §4.1, §4.2, §4.3.
void CaptureWriterTest::headerBytesFollowTheDraft() {
  std::ostringstream out;
  {
    PcapngWriter w(out);
    QCOMPARE(w.addInterface(105, "w0", 65535), std::optional<std::uint32_t>(0));
    const Bytes data{0xAA, 0xBB, 0xCC};
    QVERIFY(w.writePacket(0, 0x0000000100000002, data, "c"));
    QVERIFY(w.close());
  }
  Bytes expected;
  // SHB: type, length 48, byte-order magic, version 1.0, section length -1,
  // shb_userappl (4) "RoamScope" padded to 12, opt_endofopt, length.
  append(expected, {0x0A, 0x0D, 0x0D, 0x0A, 48, 0, 0, 0, 0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0});
  append(expected, Bytes(8, 0xFF));
  append(expected, {4, 0, 9, 0, 'R', 'o', 'a', 'm', 'S', 'c', 'o', 'p', 'e', 0, 0, 0, 0, 0, 0, 0, 48, 0, 0, 0});
  // IDB: type 1, length 40, link type 105, reserved, snaplen 65535, if_name (2) "w0",
  // if_tsresol (9) = 9, opt_endofopt, length.
  append(expected, {1, 0, 0, 0, 40, 0, 0, 0, 105, 0, 0, 0, 0xFF, 0xFF, 0, 0});
  append(expected, {2, 0, 2, 0, 'w', '0', 0, 0, 9, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0, 0});
  // EPB: type 6, length 48, interface 0, timestamp high 1 / low 2, captured 3,
  // original 3, data padded to 4, opt_comment (1) "c", opt_endofopt, length.
  append(expected, {6, 0, 0, 0, 48, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0});
  append(expected, {0xAA, 0xBB, 0xCC, 0, 1, 0, 1, 0, 'c', 0, 0, 0, 0, 0, 0, 0, 48, 0, 0, 0});
  const std::string bytes = out.str();
  QCOMPARE(QString::fromStdString(toHex(asView(bytes))), QString::fromStdString(toHex(expected)));
}

void CaptureWriterTest::roundTripTwoInterfacesWithComments() {
  const auto packets = samplePackets();
  const std::string file = path(QStringLiteral("roundtrip.pcapng"));
  {
    auto created = PcapngWriter::create(file, "RoamScope test run");
    auto* writer = std::get_if<std::unique_ptr<PcapngWriter>>(&created);
    QVERIFY(writer);
    QVERIFY2(writeSample(**writer, packets), errorText((*writer)->error()).c_str());
  }
  auto opened = openCapture(file);
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());
  QCOMPARE(capture->format(), CaptureFormat::Pcapng);
  const auto frames = readAllFrames(*capture);
  QVERIFY2(!capture->error(), errorText(capture->error()).c_str());
  QCOMPARE(frames.size(), packets.size());
  QCOMPARE(capture->sections().size(), std::size_t{1});
  QCOMPARE(capture->sections()[0].userApplication, std::string("RoamScope"));
  QCOMPARE(capture->sections()[0].comment, std::string("RoamScope test run"));
  QVERIFY(capture->sections()[0].hardware.empty());
  QVERIFY(capture->sections()[0].os.empty());
  const auto& ifs = capture->interfaces();
  QCOMPARE(ifs.size(), std::size_t{2});
  QCOMPARE(ifs[0].name, std::string("air ch1"));
  QCOMPARE(ifs[0].description, std::string("emulated air, channel 1"));
  QCOMPARE(ifs[0].linkType, 127u);
  QCOMPARE(ifs[0].snaplen, 262144u);
  QCOMPARE(ifs[0].tsresol, std::uint8_t{9});
  QCOMPARE(ifs[1].name, std::string("ds"));
  QCOMPARE(ifs[1].linkType, 1u);
  for (std::size_t k = 0; k < frames.size(); ++k) {
    const Packet& p = packets[k];
    const CaptureFrame& f = frames[k];
    QCOMPARE(f.interfaceId, p.interfaceId);
    QCOMPARE(f.linkType, p.interfaceId == 0 ? 127u : 1u);
    QCOMPARE(f.timestampNs, p.timestampNs);
    QVERIFY(std::ranges::equal(f.data, p.data));
    QCOMPARE(f.capturedLength, std::uint32_t(p.data.size()));
    QCOMPARE(f.originalLength, p.originalLength ? p.originalLength : std::uint32_t(p.data.size()));
    QCOMPARE(std::string(f.comment), p.comment);
  }
}

void CaptureWriterTest::outputIsDeterministic() {
  const auto packets = samplePackets();
  const std::string a = path(QStringLiteral("det-a.pcapng"));
  const std::string b = path(QStringLiteral("det-b.pcapng"));
  for (const std::string& file : {a, b}) {
    auto created = PcapngWriter::create(file);
    QVERIFY(std::holds_alternative<std::unique_ptr<PcapngWriter>>(created));
    QVERIFY(writeSample(*std::get<std::unique_ptr<PcapngWriter>>(created), packets));
  }
  std::ostringstream stream;
  {
    PcapngWriter w(stream);
    QVERIFY(writeSample(w, packets));
  }
  const Bytes bytesA = readBytes(a);
  QVERIFY(bytesA.size() > 200 * 32);
  QVERIFY(bytesA == readBytes(b));
  const std::string s = stream.str();
  QVERIFY(bytesA == Bytes(s.begin(), s.end()));
}

void CaptureWriterTest::tsharkReadsWriterOutput() {
  if (tsharkPath().isEmpty()) QSKIP("tshark not installed");
  const auto packets = samplePackets();
  const std::string file = path(QStringLiteral("for-tshark.pcapng"));
  {
    auto created = PcapngWriter::create(file);
    QVERIFY(writeSample(*std::get<std::unique_ptr<PcapngWriter>>(created), packets));
  }
  const auto rows = tsharkFields(
      QString::fromStdString(file),
      {QStringLiteral("frame.comment"), QStringLiteral("frame.interface_name"), QStringLiteral("frame.interface_id"),
       QStringLiteral("frame.time_epoch"), QStringLiteral("frame.len"), QStringLiteral("frame.cap_len")});
  QCOMPARE(rows.size(), packets.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const Packet& p = packets[k];
    const QStringList& row = rows[k];
    QCOMPARE(row.size(), 6);
    QCOMPARE(row[0], QString::fromStdString(p.comment));
    QCOMPARE(row[1], p.interfaceId == 0 ? QStringLiteral("air ch1") : QStringLiteral("ds"));
    QCOMPARE(row[2], QString::number(p.interfaceId));
    QCOMPARE(row[3], QString::fromStdString(epochText(p.timestampNs)));
    QCOMPARE(row[4], QString::number(p.originalLength ? p.originalLength : p.data.size()));
    QCOMPARE(row[5], QString::number(p.data.size()));
  }
}

// Style rule 6: a real capture re-serialized and read back gives the same frames.
void CaptureWriterTest::fixtureRewrittenAsPcapngKeepsEveryFrame() {
  RS_REQUIRE_FIXTURE("roaming/psk/psk.pcap");
  auto source = takeCapture(openCapture(fixturePath("roaming/psk/psk.pcap")));
  QVERIFY(source);
  const std::string file = path(QStringLiteral("psk-rewritten.pcapng"));
  {
    auto created = PcapngWriter::create(file);
    auto& writer = *std::get<std::unique_ptr<PcapngWriter>>(created);
    QCOMPARE(writer.addInterface(source->interfaces()[0].linkType, "hwsim0"), std::optional<std::uint32_t>(0));
    CaptureFrame f;
    while (source->next(f)) QVERIFY(writer.writePacket(0, f.timestampNs, f.data, {}, f.originalLength));
    QVERIFY(writer.close());
  }
  auto copy = takeCapture(openCapture(file));
  QVERIFY(copy);
  const auto original = readAllFrames(*source);
  const auto rewritten = readAllFrames(*copy);
  QCOMPARE(rewritten.size(), original.size());
  QCOMPARE(original.size(), std::size_t{2839});
  for (std::size_t k = 0; k < original.size(); ++k) {
    QCOMPARE(rewritten[k].timestampNs, original[k].timestampNs);
    QCOMPARE(rewritten[k].linkType, original[k].linkType);
    QCOMPARE(rewritten[k].originalLength, original[k].originalLength);
    QVERIFY(std::ranges::equal(rewritten[k].data, original[k].data));
  }
}

void CaptureWriterTest::rejectsBadArguments() {
  const Bytes small(4, 1);
  {
    std::ostringstream out;
    PcapngWriter w(out);
    QVERIFY(!w.writePacket(0, 1, small));
    QVERIFY2(w.error() && w.error()->message.find("only 0 interface(s)") != std::string::npos,
             errorText(w.error()).c_str());
    // A rejected packet does not end the capture.
    QCOMPARE(w.addInterface(1, "x"), std::optional<std::uint32_t>(0));
    QVERIFY(w.writePacket(0, 1, small));
    QVERIFY(w.close());
    const std::string written = out.str();
    auto capture = takeCapture(CaptureFile::fromBytes(Bytes(written.begin(), written.end()), "stream"));
    QVERIFY(capture);
    QVERIFY(capture->indexAll());
    QCOMPARE(capture->indexedFrames(), std::size_t{1});
  }
  {
    // A section comment that cannot be stored leaves no valid file to write into.
    std::ostringstream out;
    PcapngWriter w(out, std::string(70000, 's'));
    QVERIFY(w.error()->message.find("section comment of 70000 bytes") != std::string::npos);
    QVERIFY(!w.addInterface(1, "x"));
    QVERIFY(!w.close());
    QVERIFY(out.str().empty());
  }
  {
    std::ostringstream out;
    PcapngWriter w(out);
    QVERIFY(w.addInterface(1, "x"));
    QVERIFY(!w.writePacket(0, 1, Bytes(kMaxCapturedLength + 1, 0)));
    QVERIFY(w.error()->message.find("exceeds the maximum captured length of 262144") != std::string::npos);
  }
  {
    std::ostringstream out;
    PcapngWriter w(out);
    QVERIFY(w.addInterface(1, "x"));
    QVERIFY(!w.writePacket(0, 1, small, {}, 3));
    QVERIFY(w.error()->message.find("original length 3 is smaller than the 4 captured bytes") != std::string::npos);
  }
  {
    std::ostringstream out;
    PcapngWriter w(out);
    QVERIFY(w.addInterface(1, "x"));
    QVERIFY(!w.writePacket(0, 1, small, std::string(70000, 'c')));
    QVERIFY(w.error()->message.find("packet comment of 70000 bytes") != std::string::npos);
  }
  {
    std::ostringstream out;
    PcapngWriter w(out);
    QVERIFY(!w.addInterface(70000, "x"));
    QVERIFY(w.error()->message.find("link type 70000") != std::string::npos);
  }
}

void CaptureWriterTest::missingDirectory() {
  const std::string file = path(QStringLiteral("no/such/dir/out.pcapng"));
  const auto created = PcapngWriter::create(file);
  const auto* error = std::get_if<FileError>(&created);
  QVERIFY(error);
  QCOMPARE(error->path, file);
  QCOMPARE(error->message, std::string("cannot create file: the directory does not exist"));
}

// /dev/full accepts the open and fails every write with ENOSPC, like a full disk.
void CaptureWriterTest::fullDiskIsReported() {
  if (!QFile::exists(QStringLiteral("/dev/full"))) QSKIP("no /dev/full");
  auto created = PcapngWriter::create("/dev/full");
  auto* writer = std::get_if<std::unique_ptr<PcapngWriter>>(&created);
  QVERIFY(writer);
  PcapngWriter& w = **writer;
  QVERIFY(w.addInterface(127, "air"));
  bool failed = false;
  // The writer buffers; a few MiB force it to the device.
  for (int k = 0; k < 20000 && !failed; ++k) failed = !w.writePacket(0, k, Bytes(200, 0));
  QVERIFY(failed || !w.close());
  QVERIFY(w.error().has_value());
  QCOMPARE(w.error()->path, std::string("/dev/full"));
  QVERIFY2(w.error()->message.find("No space left on device") != std::string::npos, errorText(w.error()).c_str());
  QVERIFY(!w.writePacket(0, 1, Bytes(4, 0)));
  QVERIFY(!w.close());
}

void CaptureWriterTest::pcapWriterRoundTrip() {
  const std::string file = path(QStringLiteral("classic.pcap"));
  const auto packets = samplePackets();
  {
    auto created = PcapWriter::create(file, 127);
    auto* writer = std::get_if<std::unique_ptr<PcapWriter>>(&created);
    QVERIFY(writer);
    for (const Packet& p : packets) QVERIFY((*writer)->writePacket(p.timestampNs, p.data, p.originalLength));
    QVERIFY(!(*writer)->writePacket(-1, {}));  // before 1970: not representable
    QVERIFY((*writer)->error()->message.find("outside the pcap range") != std::string::npos);
  }
  auto capture = takeCapture(openCapture(file));
  QVERIFY(capture);
  QCOMPARE(capture->interfaces()[0].tsresol, std::uint8_t{9});
  const auto frames = readAllFrames(*capture);
  QVERIFY(!capture->error());
  QCOMPARE(frames.size(), packets.size());
  for (std::size_t k = 0; k < frames.size(); ++k) {
    QCOMPARE(frames[k].timestampNs, packets[k].timestampNs);
    QVERIFY(std::ranges::equal(frames[k].data, packets[k].data));
  }
  if (tsharkPath().isEmpty()) return;
  const auto rows =
      tsharkFields(QString::fromStdString(file), {QStringLiteral("frame.time_epoch"), QStringLiteral("frame.len")});
  QCOMPARE(rows.size(), packets.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    QCOMPARE(rows[k][0], QString::fromStdString(epochText(packets[k].timestampNs)));
    QCOMPARE(rows[k][1], QString::number(frames[k].originalLength));
  }
}

QTEST_GUILESS_MAIN(CaptureWriterTest)
#include "tst_capture_writer.moc"
