// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli simulate end to end: a preset runs and writes its capture,
// report, trace and keys; the same seed gives the same capture; a bad scenario
// or sweep gets one line naming the file and key, with exit code 2 or 1; a
// sweep writes one row per run and method.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "tests/app/cli_suite.h"
#include "tests/support/program_run.h"

namespace {

using rs::test::runCli;
using rs::test::preset;
using rs::test::contents;

using Run = rs::test::ProgramRun;


}  // namespace

class TestCliSimulate : public QObject {
  Q_OBJECT
 private slots:
  void presetWritesEverything() {
    QTemporaryDir dir;
    const QString pcap = dir.filePath("run.pcapng"), json = dir.filePath("truth.json"), trace = dir.filePath("t.txt"),
                  keys = dir.filePath("80211_keys");
    const Run r = runCli({"simulate", preset("wlan-psk-seed000.json"), "--duration", "12", "--pcap", pcap, "--report",
                          json, "--trace", trace, "--keys-out", keys});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("seed000-fast-reassociation success"), r.out.constData());
    QVERIFY(r.out.contains("Capture: "));
    QVERIFY(contents(pcap).size() > 10000);
    const auto report = QJsonDocument::fromJson(contents(json)).object();
    QCOMPARE(report.value("handoffs").toArray().size(), 2);
    QCOMPARE(report.value("handoffs").toArray()[1].toObject().value("method").toString(),
             QString("seed000-fast-reassociation"));
    const QByteArray traceText = contents(trace);
    QVERIFY(traceText.contains("PTKSA for 02:00:00:00:01:00 established before re-association"));
    // Key derivations show their inputs and outputs, secrets masked without --show-keys.
    QVERIFY(traceText.contains("PTK = PRF-384(PMK, \"Pairwise key expansion\""));
    QVERIFY(traceText.contains("out KCK = "));
    QVERIFY(traceText.contains("\xe2\x80\xa6(16 bytes)"));
    QVERIFY(contents(keys).contains("\"tk\",\""));
  }

  // --show-keys reveals what the trace masks by default: the full 16-octet KCK in hex.
  void showKeysRevealsDerivations() {
    QTemporaryDir dir;
    const QString trace = dir.filePath("t.txt");
    QCOMPARE(runCli({"simulate", preset("wlan-psk-full.json"), "--duration", "1", "--trace", trace, "--show-keys"}).exitCode, 0);
    const QByteArray text = contents(trace);
    QVERIFY(text.contains("out KCK = "));
    QVERIFY(!text.contains("\xe2\x80\xa6(16 bytes)"));
    QVERIFY(QRegularExpression("out KCK = [0-9a-f]{32}\n").match(QString::fromUtf8(text)).hasMatch());
  }

  void sameSeedSameCapture() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng");
    QCOMPARE(runCli({"simulate", preset("wlan-8021x-seed000.json"), "--duration", "9", "--seed", "3", "--pcap", a}).exitCode, 0);
    QCOMPARE(runCli({"simulate", preset("wlan-8021x-seed000.json"), "--duration", "9", "--seed", "3", "--pcap", b}).exitCode, 0);
    QVERIFY(contents(a).size() > 10000);
    QCOMPARE(contents(a), contents(b));  // EAP-TLS included: OpenSSL's randomness is seeded from the run
  }

  void badScenarioNamesFileAndKey() {
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.json");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"nodes": [{"name": "sta", "role": "station"}], "methods": {"wlan": {"security": "wep"}}})");
    f.close();
    const Run r = runCli({"simulate", bad});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("bad.json: /methods/wlan/security: expected one of \"psk\", \"eap-tls\", found \"wep\""),
             r.err.constData());
    const Run missing = runCli({"simulate", dir.filePath("none.json")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("none.json"));
    const QString noAp = dir.filePath("noap.json");
    QFile g(noAp);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(R"({"nodes": [{"name": "sta", "role": "station"}]})");
    g.close();
    const Run r2 = runCli({"simulate", noAp});
    QCOMPARE(r2.exitCode, 2);
    QVERIFY2(r2.err.contains("noap.json: the WLAN system needs at least one node of role access-point"), r2.err.constData());
  }

  void sweepWritesOneRowPerRunAndMethod() {
    QTemporaryDir dir;
    const QString csv = dir.filePath("sweep.csv");
    const Run r = runCli({"simulate", preset("wlan-psk-full.json"), "--duration", "20", "--sweep",
                          "methods.wlan.handoff=full,seed000,ft-over-air", "--sweep-out", csv});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = contents(csv).trimmed().split('\n');
    QCOMPARE(lines.size(), 4);  // header + one method per run
    QVERIFY(lines[0].startsWith("methods.wlan.handoff,seed,roams,failed,method,"));
    QVERIFY(lines[1].startsWith("full,1,2,0,psk,2,"));
    QVERIFY(lines[2].startsWith("seed000,1,2,0,seed000-fast-reassociation,2,"));
    QVERIFY(lines[3].startsWith("ft-over-air,1,2,0,ft-over-air,2,"));
  }

  // The sweep report: self-contained HTML (well-formed XML) with the plot embedded and every row in the table.
  void sweepHtmlReportHasPlotAndTable() {
    QTemporaryDir dir;
    const QString html = dir.filePath("sweep.html");
    const Run ok = runCli({"simulate", preset("wlan-psk-full.json"), "--duration", "9", "--sweep",
                           "methods.wlan.handoff=full,seed000", "--sweep", "methods.wlan.roam.hysteresis_db=5,6",
                           "--sweep-out", html});
    QCOMPARE(ok.exitCode, 0);
    const QByteArray text = contents(html);
    QVERIFY(text.startsWith("<!DOCTYPE html>"));
    QVERIFY(text.contains("<img src=\"data:image/png;base64,"));
    QVERIFY(!text.contains("<script"));
    QXmlStreamReader xml(text.mid(text.indexOf("<html")));
    int rows = 0;
    bool inTable = false;
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isStartElement() && xml.name() == QLatin1String("table")) inTable = xml.attributes().value("id") == QLatin1String("sweep-table");
      if (inTable && xml.isStartElement() && xml.name() == QLatin1String("tr")) ++rows;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(rows, 1 + 4);  // header + 2 x 2 runs, one method each (the first roam happens at 7.3 s)
  }

  void badSweepIsAUsageError() {
    const Run noEquals = runCli({"simulate", preset("wlan-psk-full.json"), "--sweep", "methods.wlan.handoff"});
    QCOMPARE(noEquals.exitCode, 1);
    QVERIFY(noEquals.err.contains("is not KEY=V1,V2"));
    const Run unknownLink = runCli({"simulate", preset("wlan-psk-full.json"), "--sweep", "links.ds-nowhere.delay_us=5"});
    QCOMPARE(unknownLink.exitCode, 1);
    QVERIFY2(unknownLink.err.contains("/links: expected the name or index of an entry, found \"ds-nowhere\""),
             unknownLink.err.constData());
    const Run withPcap = runCli({"simulate", preset("wlan-psk-full.json"), "--sweep", "seed=1,2", "--pcap", "x.pcapng"});
    QCOMPARE(withPcap.exitCode, 1);
  }
};

QTEST_GUILESS_MAIN(TestCliSimulate)
#include "tst_cli_simulate.moc"
