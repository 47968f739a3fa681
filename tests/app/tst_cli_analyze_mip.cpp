// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli analyze on a Mobile IP capture: simulate writes the emulated
// pcapng and its ground-truth registration report, analyze reads the capture
// back; the registrations it finds and their latency must be the simulation's.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/app/cli_suite.h"
#include "tests/support/program_run.h"

namespace {

using rs::test::runCli;
using rs::test::preset;

using Run = rs::test::ProgramRun;



QJsonObject readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace

class CliAnalyzeMip : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString pcap_;
  QJsonObject truth_;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    pcap_ = dir_.filePath("mip.pcapng");
    const QString report = dir_.filePath("truth.json");
    const Run r = runCli({"simulate", preset("mip-dynamic.json"), "--pcap", pcap_, "--report", report});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    truth_ = readJson(report);
    QVERIFY(!truth_.value("registrations").toArray().isEmpty());
  }

  void registrationsJson() {
    const QString out = dir_.filePath("registrations.json");
    const Run r = runCli({"analyze", pcap_, "--registrations", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("Mobile IP registrations"));
    const QJsonObject j = readJson(out);
    QCOMPARE(j.value("format").toString(), QStringLiteral("roamscope-registration-report"));
    const QJsonArray analyzed = j.value("registrations").toArray();
    const QJsonArray truth = truth_.value("registrations").toArray();
    QCOMPARE(analyzed.size(), truth.size());
    const auto registration = [](const QJsonArray& a) {
      return a.first().toObject().value("latency_ms").toObject().value("registration").toDouble(-1);
    };
    QVERIFY(registration(analyzed) > 0);
    QCOMPARE(registration(analyzed), registration(truth));
    QCOMPARE(analyzed.first().toObject().value("auth").toString(), QStringLiteral("aaa-dynamic"));
  }

  void registrationsCsv() {
    const QString out = dir_.filePath("registrations.csv");
    const Run r = runCli({"analyze", pcap_, "--registrations", out});
    QCOMPARE(r.exitCode, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QVERIFY(lines.first().startsWith("start,nai,home_address"));
    QCOMPARE(lines.size() - 2, truth_.value("registrations").toArray().size());  // header, trailing newline
  }

  void registrationsHtml() {
    const QString out = dir_.filePath("registrations.html");
    const Run r = runCli({"analyze", pcap_, "--registrations", out});
    QCOMPARE(r.exitCode, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray html = f.readAll();
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QCOMPARE(html.count("<img "), 2);
    // One row per registration in its table, as many as the simulation's.
    const qsizetype table = html.indexOf("id=\"registration-table\"");
    QVERIFY(table > 0);
    QCOMPARE(html.mid(table).count("<tr>") - 1, truth_.value("registrations").toArray().size());
  }

  void badExtension() {
    const Run r = runCli({"analyze", pcap_, "--registrations", dir_.filePath("registrations.txt")});
    QCOMPARE(r.exitCode, 1);  // kExitUsage
    QVERIFY(r.err.contains("--registrations"));
  }
};

QTEST_GUILESS_MAIN(CliAnalyzeMip)
#include "tst_cli_analyze_mip.moc"
