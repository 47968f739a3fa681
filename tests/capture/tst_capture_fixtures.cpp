// SPDX-License-Identifier: GPL-3.0-or-later
// Reads every real capture in ../shared/fixtures and compares frame count, link
// type, first/last timestamp and byte totals with what tshark 4.0 reports.
#include <QtTest>
#include <cstdint>
#include <string>

#include "capture/file/capture_file.h"
#include "tests/capture/capture_test_util.h"
#include "tests/support/fixtures.h"

using namespace rs;
using namespace rs::test;

class CaptureFixturesTest : public QObject {
  Q_OBJECT

 private slots:
  void matchesTsharkSummary_data();
  void matchesTsharkSummary();
  void randomAccessEqualsSequentialPass_data() { matchesTsharkSummary_data(); }
  void randomAccessEqualsSequentialPass();
  void matchesTsharkFrameByFrame_data();
  void matchesTsharkFrameByFrame();
};

void CaptureFixturesTest::matchesTsharkSummary_data() {
  QTest::addColumn<QString>("file");
  QTest::addColumn<quint32>("linkType");
  QTest::addColumn<quint32>("snaplen");
  QTest::addColumn<qulonglong>("frames");
  QTest::addColumn<qlonglong>("firstNs");
  QTest::addColumn<qlonglong>("lastNs");
  QTest::addColumn<qulonglong>("totalLength");
  QTest::addColumn<qulonglong>("totalCaptured");
  // Measured with tshark 4.0.17 on Debian 12:
  //   tshark -r F -T fields -e frame.time_epoch -e frame.len -e frame.cap_len -e frame.interface_id
  // (count, first/last time_epoch, sums of len and cap_len); link type and snaplen from capinfos.
  // wpa.cap is Prism (119).
  auto row = [](const char* file, quint32 lt, quint32 snap, qulonglong n, qlonglong first, qlonglong last,
                qulonglong len, qulonglong cap) {
    QTest::newRow(file) << QString::fromLatin1(file) << lt << snap << n << first << last << len << cap;
  };
  row("captures/capture_wds-01.cap", 105, 65535, 139, 1566049275889900000, 1566049439098315000, 18865, 18865);
  row("captures/testm1m2m3.pcap", 127, 262144, 5, 1510136214661794000, 1510136842986288000, 1055, 1055);
  row("captures/wpa-psk-linksys.cap", 105, 65535, 587, 1146709924266136000, 1146709934392341000, 28496, 28496);
  row("captures/wpa.cap", 119, 65535, 13, 1115719266609737000, 1115719266688344000, 3004, 3004);
  row("captures/wpa2-psk-linksys.cap", 105, 65535, 499, 1146709178924134000, 1146709188925741000, 36709, 36709);
  row("captures/wpa2.eapol.cap", 105, 65535, 5, 1148425950635085000, 1148426140092350000, 698, 698);
  row("captures/wpa3-psk.pcap", 127, 262144, 24, 1555458958643331000, 1555458962472550000, 2076, 2076);
  row("peers/eapol-wired-internal-peap.pcap", 276, 262144, 20, 1795328564480234000, 1795328564487323000, 3320, 3320);
  row("peers/ikev1.pcap", 1, 262144, 44, 1795328506965389000, 1795328509104752000, 9328, 9328);
  row("peers/radius-eap-peap-mschapv2.pcap", 1, 262144, 46, 1795328558295179000, 1795328558348911000, 11004, 11004);
  row("peers/radius-mschapv2.pcap", 1, 262144, 10, 1795328460028569000, 1795328460337214000, 1579, 1579);
  row("roaming/eap/eap-br0.pcap", 1, 262144, 1952, 1795328232552184000, 1795328247421294000, 190458, 190458);
  row("roaming/eap/eap-sta.pcap", 1, 262144, 1930, 1795328235859993000, 1795328247421575000, 188472, 188472);
  row("roaming/eap/eap.pcap", 127, 262144, 4260, 1795328234840542000, 1795328247808608000, 411610, 411610);
  row("roaming/ft-psk/ft-psk-br0.pcap", 1, 262144, 1299, 1795328184287175000, 1795328195110763000, 126686, 126686);
  row("roaming/ft-psk/ft-psk-sta.pcap", 1, 262144, 1281, 1795328187217810000, 1795328195111036000, 124986, 124986);
  row("roaming/ft-psk/ft-psk.pcap", 127, 262144, 2789, 1795328186185877000, 1795328195994340000, 271314, 271314);
  row("roaming/psk/psk-br0.pcap", 1, 262144, 1311, 1795328161075621000, 1795328171959094000, 127974, 127974);
  row("roaming/psk/psk-sta.pcap", 1, 262144, 1304, 1795328163693731000, 1795328171959237000, 127368, 127368);
  row("roaming/psk/psk.pcap", 127, 262144, 2839, 1795328162867394000, 1795328172749525000, 274879, 274879);
}

void CaptureFixturesTest::matchesTsharkSummary() {
  QFETCH(QString, file);
  QFETCH(quint32, linkType);
  QFETCH(quint32, snaplen);
  QFETCH(qulonglong, frames);
  QFETCH(qlonglong, firstNs);
  QFETCH(qlonglong, lastNs);
  QFETCH(qulonglong, totalLength);
  QFETCH(qulonglong, totalCaptured);
  RS_REQUIRE_FIXTURE(qPrintable(file));

  auto opened = openCapture(fixturePath(file.toStdString()));
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());
  QCOMPARE(capture->format(), CaptureFormat::Pcap);
  QCOMPARE(capture->interfaces().size(), std::size_t{1});
  QCOMPARE(capture->interfaces()[0].linkType, linkType);
  QCOMPARE(capture->interfaces()[0].snaplen, snaplen);

  std::uint64_t count = 0, length = 0, captured = 0, expectedOffset = 24;
  std::int64_t first = 0, last = 0;
  CaptureFrame f;
  while (capture->next(f)) {
    QCOMPARE(f.index, count);
    QCOMPARE(f.linkType, linkType);
    QCOMPARE(f.interfaceId, 0u);
    QCOMPARE(f.fileOffset, expectedOffset);
    QCOMPARE(f.data.size(), std::size_t{f.capturedLength});
    QVERIFY(f.comment.empty());
    if (count == 0) first = f.timestampNs;
    last = f.timestampNs;
    length += f.originalLength;
    captured += f.capturedLength;
    expectedOffset += 16 + f.capturedLength;
    ++count;
  }
  QVERIFY2(!capture->error(), capture->error() ? capture->error()->toString().c_str() : "");
  QVERIFY(capture->fullyIndexed());
  QCOMPARE(expectedOffset, capture->fileSize());
  QCOMPARE(count, frames);
  QCOMPARE(capture->indexedFrames(), std::size_t{frames});
  QCOMPARE(first, firstNs);
  QCOMPARE(last, lastNs);
  QCOMPARE(length, totalLength);
  QCOMPARE(captured, totalCaptured);
}

void CaptureFixturesTest::randomAccessEqualsSequentialPass() {
  QFETCH(QString, file);
  RS_REQUIRE_FIXTURE(qPrintable(file));
  auto opened = openCapture(fixturePath(file.toStdString()));
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());

  // Random access before any sequential pass extends the index on demand.
  const auto last = capture->frame(3);
  QVERIFY(last.has_value());
  QCOMPARE(capture->indexedFrames(), std::size_t{4});

  const std::vector<CaptureFrame> sequential = readAllFrames(*capture);
  QVERIFY(capture->indexAll());
  QCOMPARE(sequential.size(), capture->indexedFrames());
  QVERIFY(sameFrame(*last, sequential[3]));
  // Backwards, so every access is a jump.
  for (std::size_t i = sequential.size(); i-- > 0;) {
    const auto f = capture->frame(i);
    QVERIFY(f.has_value());
    if (!sameFrame(*f, sequential[i])) QFAIL(qPrintable(QStringLiteral("frame %1 differs").arg(i)));
  }
  QVERIFY(!capture->frame(sequential.size()).has_value());
  // A second sequential pass replays the index and gives the same frames.
  const std::vector<CaptureFrame> again = readAllFrames(*capture);
  QCOMPARE(again.size(), sequential.size());
  for (std::size_t i = 0; i < again.size(); ++i) QVERIFY(sameFrame(again[i], sequential[i]));
}

void CaptureFixturesTest::matchesTsharkFrameByFrame_data() {
  QTest::addColumn<QString>("file");
  QTest::newRow("wpa2-psk-linksys") << QStringLiteral("captures/wpa2-psk-linksys.cap");
  QTest::newRow("eapol-wired-internal-peap") << QStringLiteral("peers/eapol-wired-internal-peap.pcap");
  QTest::newRow("ft-psk air") << QStringLiteral("roaming/ft-psk/ft-psk.pcap");
}

// Every frame's timestamp and lengths against a live tshark run (skipped without tshark).
void CaptureFixturesTest::matchesTsharkFrameByFrame() {
  QFETCH(QString, file);
  RS_REQUIRE_FIXTURE(qPrintable(file));
  if (tsharkPath().isEmpty()) QSKIP("tshark not installed");
  const std::string path = fixturePath(file.toStdString());
  const auto rows =
      tsharkFields(QString::fromStdString(path),
                   {QStringLiteral("frame.time_epoch"), QStringLiteral("frame.len"), QStringLiteral("frame.cap_len")});
  auto opened = openCapture(path);
  auto capture = takeCapture(std::move(opened));
  QVERIFY2(capture, openError(opened).c_str());
  const auto frames = readAllFrames(*capture);
  QCOMPARE(frames.size(), rows.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    QCOMPARE(rows[i].size(), 3);
    QCOMPARE(QString::fromStdString(epochText(frames[i].timestampNs)), rows[i][0]);
    QCOMPARE(QString::number(frames[i].originalLength), rows[i][1]);
    QCOMPARE(QString::number(frames[i].capturedLength), rows[i][2]);
  }
}

QTEST_GUILESS_MAIN(CaptureFixturesTest)
#include "tst_capture_fixtures.moc"
