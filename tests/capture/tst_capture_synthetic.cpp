// SPDX-License-Identifier: GPL-3.0-or-later
// Reader tests on files built byte by byte (capture_builder.h): both pcap byte
// orders and timestamp resolutions, every pcapng block the reader handles, every
// if_tsresol form, and one test per documented error.
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>
#include <cstdint>
#include <string>

#include "capture/file/capture_file.h"
#include "dissectors/common/link_type.h"
#include "tests/capture/capture_builder.h"
#include "tests/capture/capture_test_util.h"

using namespace rs;
using namespace rs::test;

Q_DECLARE_METATYPE(std::string)

namespace {

QByteArray toQ(const Bytes& b) {
  return QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size()));
}
Bytes fromQ(const QByteArray& q) { return Bytes(q.begin(), q.end()); }

}  // namespace

class CaptureSyntheticTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }
  void pcapByteOrdersAndResolutions_data();
  void pcapByteOrdersAndResolutions();
  void unsupportedLinkTypeIsStillRead();
  void pcapngSectionsInterfacesAndBlocks();
  void pcapngMatchesTshark();
  void pcapngTimestampResolutions_data();
  void pcapngTimestampResolutions();
  void damagedFilesGiveOneClearError_data();
  void damagedFilesGiveOneClearError();
  void missingFile();
  void directoryIsNotACapture();
  void permissionDenied();
  void inMemoryCaptureReadsLikeAFile();

 private:
  std::string write(const QString& name, const Bytes& content) {
    const std::string path = dir_.filePath(name).toStdString();
    writeBytes(path, content);
    return path;
  }
  QTemporaryDir dir_;
};

void CaptureSyntheticTest::pcapByteOrdersAndResolutions_data() {
  QTest::addColumn<bool>("bigEndian");
  QTest::addColumn<bool>("nanosecond");
  QTest::newRow("little-endian microseconds a1b2c3d4") << false << false;
  QTest::newRow("big-endian microseconds a1b2c3d4") << true << false;
  QTest::newRow("little-endian nanoseconds a1b23c4d") << false << true;
  QTest::newRow("big-endian nanoseconds a1b23c4d") << true << true;
}

void CaptureSyntheticTest::pcapByteOrdersAndResolutions() {
  QFETCH(bool, bigEndian);
  QFETCH(bool, nanosecond);
  Bytes f = pcapHeader(bigEndian, nanosecond, 127, 262144);
  const std::uint32_t fraction = nanosecond ? 123456789 : 123456;
  append(f, pcapRecord(bigEndian, 1500000000, fraction, pattern(40, 1)));
  append(f, pcapRecord(bigEndian, 1500000001, 0, pattern(10, 2), 1500));  // snapped: 10 of 1500 bytes
  append(f, pcapRecord(bigEndian, 1500000002, 999, {}));                  // zero-length record
  auto opened = openCapture(write(QStringLiteral("byteorder.pcap"), f));
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());
  QCOMPARE(capture->format(), CaptureFormat::Pcap);
  QCOMPARE(capture->sections()[0].bigEndian, bigEndian);
  QCOMPARE(capture->interfaces()[0].tsresol, std::uint8_t(nanosecond ? 9 : 6));
  QCOMPARE(capture->interfaces()[0].snaplen, 262144u);

  const auto frames = readAllFrames(*capture);
  QVERIFY(!capture->error());
  QCOMPARE(frames.size(), std::size_t{3});
  QCOMPARE(frames[0].timestampNs, nanosecond ? 1500000000123456789 : 1500000000123456000);
  QCOMPARE(frames[0].linkType, 127u);
  QVERIFY(std::ranges::equal(frames[0].data, pattern(40, 1)));
  QCOMPARE(frames[1].timestampNs, std::int64_t{1500000001000000000});
  QCOMPARE(frames[1].capturedLength, 10u);
  QCOMPARE(frames[1].originalLength, 1500u);
  QCOMPARE(frames[1].fileOffset, std::uint64_t{24 + 16 + 40});
  QCOMPARE(frames[2].timestampNs, 1500000002000000000 + (nanosecond ? 999 : 999000));
  QCOMPARE(frames[2].capturedLength, 0u);
}

// LINKTYPE_USER0 (147): no dissector knows it, yet its frames are delivered (shown as data).
void CaptureSyntheticTest::unsupportedLinkTypeIsStillRead() {
  QVERIFY(!isSupportedLinkType(147));
  Bytes f = pcapHeader(false, false, 147);
  append(f, pcapRecord(false, 7, 8, pattern(12, 3)));
  Bytes ng = shb(false);
  append(ng, idb(false, 147, 0));
  append(ng, epb(false, 0, 9, pattern(12, 3)));
  for (const Bytes& content : {f, ng}) {
    auto capture = takeCapture(CaptureFile::fromBytes(content, "user0"));
    QVERIFY(capture);
    CaptureFrame frame;
    QVERIFY(capture->next(frame));
    QCOMPARE(frame.linkType, 147u);
    QVERIFY(std::ranges::equal(frame.data, pattern(12, 3)));
    QVERIFY(!capture->next(frame));
    QVERIFY(!capture->error());
  }
}

void CaptureSyntheticTest::pcapngSectionsInterfacesAndBlocks() {
  auto opened = openCapture(write(QStringLiteral("multi.pcapng"), sampleMultiSectionPcapng()));
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());
  QCOMPARE(capture->format(), CaptureFormat::Pcapng);
  const auto frames = readAllFrames(*capture);
  QVERIFY2(!capture->error(), capture->error() ? capture->error()->toString().c_str() : "");
  QCOMPARE(frames.size(), std::size_t{6});

  const auto& sections = capture->sections();
  QCOMPARE(sections.size(), std::size_t{2});
  QCOMPARE(sections[0].bigEndian, false);
  QCOMPARE(sections[0].comment, std::string("section one"));
  QCOMPARE(sections[0].hardware, std::string("test rig"));
  QCOMPARE(sections[0].os, std::string("Linux"));
  QCOMPARE(sections[0].userApplication, std::string("capture builder"));
  QCOMPARE(sections[0].interfaceCount, 3u);
  QCOMPARE(sections[1].bigEndian, true);
  QCOMPARE(sections[1].comment, std::string("section two"));
  QCOMPARE(sections[1].firstInterface, 3u);
  QCOMPARE(sections[1].interfaceCount, 1u);

  const auto& ifs = capture->interfaces();
  QCOMPARE(ifs.size(), std::size_t{4});
  QCOMPARE(ifs[0].name, std::string("eth0"));
  QCOMPARE(ifs[0].description, std::string("wired side"));
  QCOMPARE(ifs[0].linkType, 1u);
  QCOMPARE(ifs[1].name, std::string("wlan0"));
  QCOMPARE(ifs[1].tsresol, std::uint8_t{0x94});
  QCOMPARE(ifs[1].tsOffsetSeconds, std::int64_t{100});
  QCOMPARE(ifs[2].snaplen, 0u);
  QCOMPARE(ifs[3].section, 1u);
  QCOMPARE(ifs[3].localId, 0u);
  QCOMPARE(ifs[3].snaplen, 262144u);

  // EPB, microseconds, comment.
  QCOMPARE(frames[0].interfaceId, 0u);
  QCOMPARE(frames[0].linkType, 1u);
  QCOMPARE(frames[0].timestampNs, std::int64_t{1500000000123456000});
  QCOMPARE(frames[0].comment, std::string_view("hello"));
  QVERIFY(std::ranges::equal(frames[0].data, pattern(20, 1)));
  // EPB, 2^-20 s units + 100 s offset: 12345 / 2^20 s = 11773109.4 ns, floored like tshark.
  QCOMPARE(frames[1].interfaceId, 1u);
  QCOMPARE(frames[1].linkType, 105u);
  QCOMPARE(frames[1].timestampNs, std::int64_t{1500000100011773109});
  QVERIFY(frames[1].comment.empty());
  QVERIFY(std::ranges::equal(frames[1].data, pattern(21, 2)));
  // SPB: interface 0, no timestamp.
  QCOMPARE(frames[2].interfaceId, 0u);
  QCOMPARE(frames[2].hasTimestamp, false);
  QCOMPARE(frames[2].timestampNs, std::int64_t{0});
  QCOMPARE(frames[2].capturedLength, 30u);
  QVERIFY(std::ranges::equal(frames[2].data, pattern(30, 3)));
  // Obsolete packet block (the unknown block before it was skipped).
  QCOMPARE(frames[3].interfaceId, 1u);
  QCOMPARE(frames[3].timestampNs, std::int64_t{1500000101000000953});
  QCOMPARE(frames[3].comment, std::string_view("opb comment"));
  QVERIFY(std::ranges::equal(frames[3].data, pattern(7, 4)));
  // EPB on the nanosecond interface with snaplen 0, original length larger than captured.
  QCOMPARE(frames[4].interfaceId, 2u);
  QCOMPARE(frames[4].timestampNs, std::int64_t{1600000000000000001});
  QCOMPARE(frames[4].capturedLength, 3u);
  QCOMPARE(frames[4].originalLength, 100u);
  // Big-endian second section: its interface 0 is global interface 3.
  QCOMPARE(frames[5].interfaceId, 3u);
  QCOMPARE(frames[5].linkType, 127u);
  QCOMPARE(frames[5].timestampNs, std::int64_t{1600000000123456789});
  QCOMPARE(frames[5].comment, std::string_view("be"));
  QVERIFY(std::ranges::equal(frames[5].data, pattern(9, 6)));

  for (std::size_t i = frames.size(); i-- > 0;) QVERIFY(sameFrame(*capture->frame(i), frames[i]));
}

// The same synthetic file through tshark: timestamps, lengths, comments, link types.
void CaptureSyntheticTest::pcapngMatchesTshark() {
  if (tsharkPath().isEmpty()) QSKIP("tshark not installed");
  const std::string path = write(QStringLiteral("tshark.pcapng"), sampleMultiSectionPcapng());
  const auto allRows =
      tsharkFields(QString::fromStdString(path),
                   {QStringLiteral("frame.time_epoch"), QStringLiteral("frame.len"), QStringLiteral("frame.cap_len"),
                    QStringLiteral("frame.comment"), QStringLiteral("frame.protocols")});
  // tshark 4.0 lists a pcapng custom block as a record of its own, with no
  // protocols; it is not a packet, so it is left out of the comparison.
  std::vector<QStringList> rows;
  for (const QStringList& row : allRows)
    if (row.size() == 5 && !row[4].isEmpty()) rows.push_back(row);
  QCOMPARE(rows.size() + 1, allRows.size());
  auto opened = openCapture(path);
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());
  const auto frames = readAllFrames(*capture);
  QCOMPARE(frames.size(), rows.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const QStringList& row = rows[i];
    // tshark prints no time for a Simple Packet Block.
    const QString time = frames[i].hasTimestamp ? QString::fromStdString(epochText(frames[i].timestampNs)) : QString();
    QCOMPARE(time, row[0]);
    QCOMPARE(QString::number(frames[i].originalLength), row[1]);
    QCOMPARE(QString::number(frames[i].capturedLength), row[2]);
    QCOMPARE(QString::fromUtf8(frames[i].comment.data(), static_cast<qsizetype>(frames[i].comment.size())), row[3]);
  }
}

void CaptureSyntheticTest::pcapngTimestampResolutions_data() {
  QTest::addColumn<int>("tsresol");
  QTest::addColumn<qulonglong>("units");
  QTest::addColumn<qlonglong>("offsetSeconds");
  QTest::addColumn<qlonglong>("expectedNs");
  QTest::newRow("10^0 seconds") << 0 << 1500000000ull << 0ll << 1500000000000000000ll;
  QTest::newRow("10^-3 milliseconds") << 3 << 1500000000123ull << 0ll << 1500000000123000000ll;
  QTest::newRow("10^-6 microseconds (default)") << 6 << 1500000000123456ull << 0ll << 1500000000123456000ll;
  QTest::newRow("10^-9 nanoseconds") << 9 << 1500000000123456789ull << 0ll << 1500000000123456789ll;
  QTest::newRow("10^-12 picoseconds, floored") << 12 << 1234567890123456789ull << 0ll << 1234567890123456ll;
  QTest::newRow("2^-10") << (0x80 | 10) << ((1500000000ull << 10) + 512) << 0ll << 1500000000500000000ll;
  QTest::newRow("2^-30") << (0x80 | 30) << ((1000ull << 30) + (1ull << 29)) << 0ll << 1000500000000ll;
  QTest::newRow("2^-63 (needs 128-bit product)") << (0x80 | 63) << (1ull << 63) << 0ll << 1000000000ll;
  QTest::newRow("if_tsoffset -3600 s") << 6 << 1500003600000001ull << -3600ll << 1500000000000001000ll;
}

void CaptureSyntheticTest::pcapngTimestampResolutions() {
  QFETCH(int, tsresol);
  QFETCH(qulonglong, units);
  QFETCH(qlonglong, offsetSeconds);
  QFETCH(qlonglong, expectedNs);
  Bytes f = shb(false);
  std::vector<Option> opts;
  if (tsresol != 6) opts.push_back(tsresolOption(static_cast<std::uint8_t>(tsresol)));
  if (offsetSeconds != 0) opts.push_back(tsoffsetOption(false, offsetSeconds));
  append(f, idb(false, 1, 65535, opts));
  append(f, epb(false, 0, units, pattern(14, 0)));
  auto opened = CaptureFile::fromBytes(f, "tsresol.pcapng");
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());
  CaptureFrame frame;
  QVERIFY(capture->next(frame));
  QCOMPARE(frame.timestampNs, expectedNs);
}

void CaptureSyntheticTest::damagedFilesGiveOneClearError_data() {
  QTest::addColumn<QByteArray>("content");
  QTest::addColumn<QString>("message");   // substring of the error
  QTest::addColumn<int>("framesBefore");  // -1: opening fails
  QTest::addColumn<qulonglong>("offset");

  const Bytes hdr = pcapHeader(false, false, 105);
  const Bytes good = pcapRecord(false, 1, 2, pattern(10, 1));
  auto pcapWith = [&](const Bytes& tail) {
    Bytes f = hdr;
    append(f, good);
    append(f, tail);
    return toQ(f);
  };
  QTest::newRow("empty file") << QByteArray() << "empty file" << -1 << 0ull;
  QTest::newRow("three bytes") << QByteArray("\xd4\xc3\xb2", 3) << "too short to be a capture file" << -1 << 0ull;
  QTest::newRow("unknown magic") << QByteArray("GIF89a----------------------") << "unknown magic 47 49 46 38" << -1
                                 << 0ull;
  QTest::newRow("gzip") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8) << "gzip" << -1 << 0ull;
  QTest::newRow("truncated pcap global header") << toQ(hdr).left(20) << "truncated pcap global header" << -1 << 0ull;
  {
    Bytes bad = hdr;
    bad[4] = 3;  // version 3.4
    QTest::newRow("pcap version 3") << toQ(bad) << "unsupported pcap version 3.4" << -1 << 4ull;
  }
  QTest::newRow("absurd snaplen") << toQ(pcapHeader(false, false, 105, 0x7FFFFFFF)) << "absurd snaplen 2147483647" << -1
                                  << 16ull;
  QTest::newRow("pcap captured > original")
      << pcapWith(pcapRecord(false, 1, 2, pattern(10, 1), 5))
      << "captured length 10 is larger than the original length 5" << 1 << qulonglong(24 + 26 + 8);
  QTest::newRow("pcap captured > 256 KiB")
      << pcapWith(EndianWriter(false).u32(1).u32(2).u32(300000).u32(300000).take())
      << "captured length 300000 exceeds the maximum of 262144" << 1 << qulonglong(24 + 26 + 8);
  {
    Bytes cut = pcapRecord(false, 1, 2, pattern(10, 1));
    cut.resize(cut.size() - 5);
    QTest::newRow("pcap cut in the middle of a packet")
        << pcapWith(cut) << "cut short in the middle of a packet: record needs 10 bytes of data, 5 left" << 1
        << qulonglong(24 + 26);
  }
  QTest::newRow("pcap cut in a record header")
      << pcapWith(Bytes(7, 0)) << "cut short in a record header" << 1 << qulonglong(24 + 26);

  const Bytes s = shb(false);
  const Bytes i = idb(false, 105, 65535);
  auto ngWith = [&](std::initializer_list<Bytes> blocks) {
    Bytes f = s;
    for (const Bytes& b : blocks) append(f, b);
    return toQ(f);
  };
  QTest::newRow("pcapng truncated section header") << toQ(s).left(20) << "cut short" << -1 << 0ull;
  {
    Bytes bad = s;
    bad[8] = 0x99;
    QTest::newRow("pcapng bad byte-order magic") << toQ(bad) << "byte-order magic" << -1 << 8ull;
  }
  {
    Bytes bad = s;
    bad[12] = 2;  // major version 2
    QTest::newRow("pcapng version 2") << toQ(bad) << "unsupported pcapng version 2.0" << -1 << 12ull;
  }
  const auto base = static_cast<qulonglong>(s.size() + i.size());
  QTest::newRow("pcapng block length 8") << ngWith({i, EndianWriter(false).u32(0x99).u32(8).u32(8).take()})
                                         << "less than the minimum of 12" << 0 << base + 4;
  QTest::newRow("pcapng block length not a multiple of 4")
      << ngWith({i, EndianWriter(false).u32(0x99).u32(14).u32(0).u16(0).take(), Bytes(4, 0)}) << "not a multiple of 4"
      << 0 << base + 4;
  QTest::newRow("pcapng trailing length differs")
      << ngWith({i, EndianWriter(false).u32(0x99).u32(16).u32(0).u32(20).take()})
      << "block length inconsistent: block (type 0x00000099) starts with length 16 but ends with 20" << 0 << base + 12;
  const Bytes goodEpb = epb(false, 0, 5, pattern(10, 1));
  QTest::newRow("pcapng EPB on an undefined interface")
      << ngWith({i, goodEpb, epb(false, 1, 5, pattern(10, 1))})
      << "enhanced packet block references interface 1, but its section defines only 1 (0..0)" << 1
      << base + goodEpb.size() + 8;
  QTest::newRow("pcapng EPB before any interface")
      << ngWith({epb(false, 0, 5, pattern(10, 1))}) << "but no interface is defined in its section" << 0
      << qulonglong(s.size() + 8);
  QTest::newRow("pcapng SPB before any interface")
      << ngWith({spb(false, pattern(10, 1))}) << "simple packet block references interface 0" << 0
      << qulonglong(s.size() + 8);
  {
    Bytes cut = epb(false, 0, 6, pattern(40, 2));
    cut.resize(cut.size() - 9);
    QTest::newRow("pcapng cut in the middle of a packet")
        << ngWith({i, goodEpb, cut}) << "file cut short in the middle of a packet: enhanced packet block" << 1
        << base + goodEpb.size();
  }
  QTest::newRow("pcapng cut in a block header")
      << ngWith({i, goodEpb, Bytes(6, 0)}) << "cut short in a block header: need 12 bytes, 6 left" << 1
      << base + goodEpb.size();
  {
    Bytes tooLong = epb(false, 0, 6, pattern(8, 2));
    tooLong[8 + 12] = 64;  // captured length 64 in a block with room for 8
    tooLong[8 + 16] = 64;
    QTest::newRow("pcapng EPB captured length beyond the block")
        << ngWith({i, tooLong}) << "captured length 64 does not fit in the block" << 0 << base;
  }
  {
    Bytes bad = epb(false, 0, 6, pattern(8, 2));
    bad[8 + 16] = 4;  // original length 4 < captured 8
    QTest::newRow("pcapng EPB captured > original")
        << ngWith({i, bad}) << "captured length 8 is larger than the original length 4" << 0 << base + 8;
  }
  {
    Bytes second = shb(true);
    second[8] = 0x77;
    QTest::newRow("pcapng damaged second section")
        << ngWith({i, goodEpb, goodEpb, second}) << "byte-order magic" << 2 << base + 2 * goodEpb.size() + 8;
  }
}

void CaptureSyntheticTest::damagedFilesGiveOneClearError() {
  QFETCH(QByteArray, content);
  QFETCH(QString, message);
  QFETCH(int, framesBefore);
  QFETCH(qulonglong, offset);
  const std::string path = write(QStringLiteral("damaged.bin"), fromQ(content));
  auto opened = openCapture(path);
  if (framesBefore < 0) {
    const auto* error = std::get_if<FileError>(&opened);
    QVERIFY2(error, "opening should have failed");
    QVERIFY2(QString::fromStdString(error->message).contains(message), error->toString().c_str());
    QCOMPARE(error->offset, std::uint64_t{offset});
    QCOMPARE(error->path, path);
    return;
  }
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());
  const auto frames = readAllFrames(*capture);
  QCOMPARE(int(frames.size()), framesBefore);
  QVERIFY(capture->error().has_value());
  const FileError& error = *capture->error();
  QVERIFY2(QString::fromStdString(error.message).contains(message), error.toString().c_str());
  QCOMPARE(error.offset, std::uint64_t{offset});
  QCOMPARE(error.path, path);
  QVERIFY(!capture->indexAll());
  QVERIFY(!capture->frame(frames.size()).has_value());
}

void CaptureSyntheticTest::missingFile() {
  const std::string path = dir_.filePath(QStringLiteral("does-not-exist.pcap")).toStdString();
  const auto opened = openCapture(path);
  const auto* error = std::get_if<FileError>(&opened);
  QVERIFY(error);
  QCOMPARE(error->message, std::string("file not found"));
  QCOMPARE(error->toString(), path + ": offset 0: file not found");
}

void CaptureSyntheticTest::directoryIsNotACapture() {
  const auto opened = openCapture(dir_.path().toStdString());
  const auto* error = std::get_if<FileError>(&opened);
  QVERIFY(error);
  QVERIFY2(error->message.find("is a directory") != std::string::npos, error->message.c_str());
}

void CaptureSyntheticTest::permissionDenied() {
  std::string path;
  if (::geteuid() == 0) {
    // Root reads any ordinary file; /proc/sys/vm/drop_caches (mode 0200) is
    // write-only even for root, so opening it for reading fails with EACCES.
    path = "/proc/sys/vm/drop_caches";
    if (!QFile::exists(QString::fromStdString(path))) QSKIP("running as root without /proc/sys: no unreadable file");
  } else {
    path = write(QStringLiteral("secret.pcap"), pcapHeader(false, false, 1));
    QVERIFY(QFile::setPermissions(QString::fromStdString(path), QFileDevice::Permissions{}));
  }
  const auto opened = openCapture(path);
  const auto* error = std::get_if<FileError>(&opened);
  QVERIFY(error);
  QCOMPARE(error->message, std::string("permission denied"));
}

void CaptureSyntheticTest::inMemoryCaptureReadsLikeAFile() {
  const Bytes f = sampleMultiSectionPcapng();
  auto fromFile = takeCapture(openCapture(write(QStringLiteral("mem.pcapng"), f)));
  auto fromMemory = takeCapture(CaptureFile::fromBytes(f, "memory"));
  QVERIFY(fromFile && fromMemory);
  QCOMPARE(fromMemory->path(), std::string("memory"));
  const auto a = readAllFrames(*fromFile);
  const auto b = readAllFrames(*fromMemory);
  QCOMPARE(a.size(), b.size());
  for (std::size_t k = 0; k < a.size(); ++k) QVERIFY(sameFrame(a[k], b[k]));
}

QTEST_GUILESS_MAIN(CaptureSyntheticTest)
#include "tst_capture_synthetic.moc"
