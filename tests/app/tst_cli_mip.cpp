// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli dissect on Mobile IP: the summary lines of a built seed-001
// exchange (registration messages on UDP 434, agent discovery in ICMP),
// display filters on mip.* and roamscope.mip.* fields, and the JSON tree.
#include <QTemporaryDir>
#include <QtTest>

#include "tests/app/cli_suite.h"
#include "tests/dissectors/mip/mip_exchange.h"
#include "tests/support/capture_frames.h"
#include "tests/support/program_run.h"

namespace {

using rs::test::runCli;


}  // namespace

class CliMip : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString pcap_;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    pcap_ = dir_.filePath("mip.pcap");
    std::string error;
    QVERIFY2(rs::test::writePcap(pcap_.toStdString(), 1, rs::test::makeMipExchange().frames, &error), error.c_str());
  }

  void summaryLines() {
    const auto r = runCli({"dissect", pcap_});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 9);
    QVERIFY(lines[1].contains("Mobile IP Advertisement (Normal router advertisement)"));
    QVERIFY(lines[2].contains("MobileIP") && lines[2].contains("Reg Request: HoA=10.1.0.5 HA=10.1.0.1 CoA=192.0.2.5"));
    QVERIFY(lines[3].contains("Reg Reply: HoA=10.1.0.5 HA=10.1.0.1, Code=0"));
    QVERIFY(lines[8].contains("Code=131"));
  }

  void displayFilters() {
    // The messages that carry the Skey' extension: initial and re-keying request and reply.
    auto r = runCli({"dissect", pcap_, "-Y", "roamscope.mip.skey_prime.spi == 0x00001002"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts).size(), 4);
    r = runCli({"dissect", pcap_, "-Y", "mip.code == 131 || icmp.mip.h == 1"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts).size(), 2);
  }

  void jsonTree() {
    const auto r = runCli({"dissect", pcap_, "--frame", "3", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    for (const char* needle : {"\"mip.nai\"", "User@example.com", "\"mip.ext.cvse.vendor_id\"",
                               "\"roamscope.mip.skey.spi\"", "\"roamscope.mip.mschapv2.nt_response\"",
                               "\"mip.auth.spi\""})
      QVERIFY2(r.out.contains(needle), needle);
  }
};

QTEST_GUILESS_MAIN(CliMip)
#include "tst_cli_mip.moc"
