// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli analyze end to end: the JSON report's required keys and
// values, CSV, --definition and --sta, the merge of several files, and the
// exit codes for bad options and unreadable inputs (the others still analysed).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "dissectors/ieee80211/mgmt_body.h"
#include "tests/app/cli_suite.h"
#include "tests/core/roam/roam_scene.h"
#include "tests/core/roam/roam_scene_cast.h"
#include "tests/core/roam/seed000_scene.h"
#include "tests/support/fixtures.h"
#include "tests/support/program_run.h"

using rs::MacAddress;
using rs::eapol::KeyMessage;
using rs::test::RequestSecurity;
using rs::test::RoamScene;
using rs::test::SceneAp;

using namespace rs::test::cast;

namespace {

using rs::test::runCli;

using Run = rs::test::ProgramRun;



void attach(RoamScene& s, const SceneAp& ap, std::optional<MacAddress> from, std::int64_t t0) {
  s.authentication(at(t0), ap, false, 0, 1);
  s.authentication(at(t0 + 300), ap, true, 0, 2);
  s.associationRequest(at(t0 + 1'000), ap, from, RequestSecurity{2, false, false});
  s.associationResponse(at(t0 + 1'500), ap, from.has_value(), 0);
  s.keyMessage(at(t0 + 3'000), ap, KeyMessage::Pairwise1, 1);
  s.keyMessage(at(t0 + 4'000), ap, KeyMessage::Pairwise2, 1);
  s.keyMessage(at(t0 + 5'000), ap, KeyMessage::Pairwise3, 2);
  s.keyMessage(at(t0 + 6'000), ap, KeyMessage::Pairwise4, 2);
}

// The station joins AP1 (channel 1) and roams to AP2 (channel 6).
void firstChannel(RoamScene& s) {
  attach(s, kAp1, std::nullopt, 100'000);
  s.data(at(1'000'000), kAp1, false);
}
void secondChannel(RoamScene& s) {
  attach(s, kAp2, kAp1.bssid, 1'200'000);
  s.data(at(1'250'000), kAp2, true);
}
// The roam to AP2 by the seed-000 fast re-association: the 4-way handshake through AP1, open authentication with
// AP2, the three messages.
void seed000ToSecond(RoamScene& s) {
  const rs::test::Seed000Keys keys(kSta, kAp2.bssid);
  rs::test::preReassociationFourWay(s, keys, kAp1, kAp2, at(1'150'000));
  s.authentication(at(1'200'000), kAp2, false, 0, 1);
  s.authentication(at(1'200'300), kAp2, true, 0, 2);
  s.action(at(1'201'000), kAp2, false, rs::test::seed000Message(keys, 1));
  s.action(at(1'201'700), kAp2, true, rs::test::seed000Message(keys, 2));
  s.action(at(1'202'100), kAp2, false, rs::test::seed000Message(keys, 3));
  s.data(at(1'250'000), kAp2, true);
}

QString writeScene(const QTemporaryDir& dir, const QString& name, void (*a)(RoamScene&), void (*b)(RoamScene&)) {
  RoamScene s(kSta);
  if (a) a(s);
  if (b) b(s);
  const QString path = dir.filePath(name);
  std::string error;
  if (!s.write(path.toStdString(), error)) qFatal("cannot write %s: %s", qPrintable(path), error.c_str());
  return path;
}

QJsonObject readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace

class CliAnalyze : public QObject {
  Q_OBJECT
 private slots:
  void jsonReport() {
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "roam.pcapng", firstChannel, secondChannel);
    const QString out = dir.filePath("report.json");
    const Run r = runCli({"analyze", cap, "--report", out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("psk: 2 handoff(s), 2 succeeded, 0 failed"));
    const QJsonObject j = readJson(out);
    QCOMPARE(j.value("version").toInt(), 1);
    const QJsonArray handoffs = j.value("handoffs").toArray();
    QCOMPARE(handoffs.size(), 2);
    for (const auto& v : handoffs) {
      const QJsonObject h = v.toObject();
      for (const char* key : {"sta", "from_bssid", "to_bssid", "method", "outcome", "phases", "latency_ms"})
        QVERIFY2(h.contains(key), key);
      QCOMPARE(h.value("sta").toString(), QStringLiteral("02:bb:00:00:00:01"));
      QCOMPARE(h.value("method").toString(), QStringLiteral("psk"));
      QCOMPARE(h.value("outcome").toString(), QStringLiteral("success"));
      QVERIFY(!h.contains("keys"));  // no keys given
    }
    const QJsonObject roam = handoffs[1].toObject();
    QCOMPARE(roam.value("from_bssid").toString(), QStringLiteral("02:aa:00:00:00:01"));
    QCOMPARE(roam.value("to_bssid").toString(), QStringLiteral("02:aa:00:00:00:02"));
    QCOMPARE(roam.value("to_channel").toInt(), 6);
    QVERIFY(handoffs[0].toObject().value("from_bssid").isNull());
    const QJsonObject latency = roam.value("latency_ms").toObject();
    QCOMPARE(latency.value("auth-to-m4").toDouble(), 6.0);
    QCOMPARE(latency.value("data-to-data").toDouble(), 250.0);
    QCOMPARE(latency.value("reassoc-to-last-key").toDouble(), 5.0);
    QVERIFY(!latency.contains("ft-auth-to-reassoc-resp"));
    const QJsonArray phases = roam.value("phases").toArray();
    QCOMPARE(phases[0].toObject().value("name").toString(), QStringLiteral("authentication"));
    QCOMPARE(phases[0].toObject().value("start").toString(), QStringLiteral("1700000001.200000000"));
    const QJsonArray summary = j.value("summary").toArray();
    QCOMPARE(summary.size(), 1);
    const QJsonObject psk = summary[0].toObject();
    QCOMPARE(psk.value("method").toString(), QStringLiteral("psk"));
    QCOMPARE(psk.value("handoffs").toInt(), 2);
    const QJsonObject authToM4 = psk.value("latency_ms").toObject().value("auth-to-m4").toObject();
    for (const char* key : {"count", "min", "median", "p90", "p99", "max"}) QVERIFY2(authToM4.contains(key), key);
    QCOMPARE(authToM4.value("count").toInt(), 2);
    QCOMPARE(authToM4.value("max").toDouble(), 6.0);
  }

  // The method is named in the table and the statistics, and its definitions are measured.
  void seed000Method() {
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "seed000.pcapng", firstChannel, seed000ToSecond);
    const QString out = dir.filePath("report.json");
    const Run r = runCli({"analyze", cap, "--report", out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("seed000-fast-reassociation success"), qPrintable(r.out));
    QVERIFY(r.out.contains("seed000-fast-reassociation: 1 handoff(s), 1 succeeded, 0 failed"));
    const QJsonObject roam = readJson(out).value("handoffs").toArray()[1].toObject();
    QCOMPARE(roam.value("method").toString(), QStringLiteral("seed000-fast-reassociation"));
    const QJsonObject latency = roam.value("latency_ms").toObject();
    QCOMPARE(latency.value("auth-to-m4").toDouble(), 2.1);
    QCOMPARE(latency.value("reassoc-to-last-key").toDouble(), 1.1);
    QCOMPARE(latency.value("request-to-response").toDouble(), 0.7);
  }

  void csvReportAndDefinition() {
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "roam.pcapng", firstChannel, secondChannel);
    const QString out = dir.filePath("report.csv");
    const Run r = runCli({"analyze", cap, "--definition", "auth-to-m4", "--report", out});
    QCOMPARE(r.exitCode, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].contains(",auth-to-m4_ms,"));
    QVERIFY(!lines[0].contains("data-to-data"));
    QVERIFY(lines[2].startsWith("02:bb:00:00:00:01,02:aa:00:00:00:01,02:aa:00:00:00:02,1,6,-70,-45,psk,success,"));
    QVERIFY(lines[2].contains(",6.000,"));
  }

  // The two channels in two files: merged by timestamp they give the single file's records.
  void mergesFilesByTimestamp() {
    QTemporaryDir dir;
    const QString whole = writeScene(dir, "whole.pcapng", firstChannel, secondChannel);
    const QString ch1 = writeScene(dir, "ch1.pcapng", firstChannel, nullptr);
    const QString ch6 = writeScene(dir, "ch6.pcapng", nullptr, secondChannel);
    const Run single = runCli({"analyze", whole, "--report", dir.filePath("a.json")});
    const Run merged = runCli({"analyze", ch6, ch1, "--report", dir.filePath("b.json")});
    QCOMPARE(single.exitCode, 0);
    QCOMPARE(merged.exitCode, 0);
    QCOMPARE(readJson(dir.filePath("b.json")).value("handoffs"), readJson(dir.filePath("a.json")).value("handoffs"));
  }

  // A second adapter on channel 6 whose clock runs 200 µs late hears the same frames: its offset is
  // estimated against the first file (the reference clock), its copies are dropped and the records are
  // exactly those of the single capture.
  void duplicateFramesFromASecondAdapter() {
    QTemporaryDir dir;
    RoamScene s(kSta);
    firstChannel(s);
    secondChannel(s);
    std::string error;
    const QString whole = dir.filePath("whole.pcapng");
    const QString ch6 = dir.filePath("ch6-late.pcapng");
    QVERIFY(s.write(whole.toStdString(), error));
    QVERIFY(s.write(ch6.toStdString(), error, 200'000, kAp2.mhz));
    QCOMPARE(runCli({"analyze", whole, "--report", dir.filePath("a.json")}).exitCode, 0);
    QCOMPARE(runCli({"analyze", whole, ch6, "--report", dir.filePath("b.json")}).exitCode, 0);
    const QJsonValue single = readJson(dir.filePath("a.json")).value("handoffs");
    QCOMPARE(single.toArray().size(), 2);
    QCOMPARE(readJson(dir.filePath("b.json")).value("handoffs"), single);
  }

  void unreadableInputStillAnalysesTheOthers() {
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "roam.pcapng", firstChannel, secondChannel);
    const QString missing = dir.filePath("missing.pcap");
    const QString garbage = dir.filePath("garbage.pcap");
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("this is not a capture file at all");
    g.close();
    const QString out = dir.filePath("report.json");
    const Run r = runCli({"analyze", missing, cap, garbage, "--report", out});
    QCOMPARE(r.exitCode, 2);
    const QList<QByteArray> errors = r.err.trimmed().split('\n');
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors[0].contains("missing.pcap"));
    QVERIFY(errors[1].contains("garbage.pcap"));
    QCOMPARE(readJson(out).value("handoffs").toArray().size(), 2);
  }

  void badOptionsAreUsageErrors() {
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "roam.pcapng", firstChannel, secondChannel);
    QCOMPARE(runCli({"analyze", cap, "--sta", "not-a-mac"}).exitCode, 1);
    QCOMPARE(runCli({"analyze", cap, "--definition", "no-such-definition"}).exitCode, 1);
    QCOMPARE(runCli({"analyze", cap, "--report", dir.filePath("report.txt")}).exitCode, 1);
    QCOMPARE(runCli({"analyze"}).exitCode, 1);
  }

  // The real psk roaming capture: MICs verified with its key file; a wrong passphrase is exit code 3.
  void keysOnRealCapture() {
    RS_REQUIRE_FIXTURE("roaming/psk/psk.pcap");
    QTemporaryDir dir;
    const QString cap = QString::fromStdString(rs::test::fixturePath("roaming/psk/psk.pcap"));
    const QString keys = QString::fromStdString(rs::test::fixturePath("roaming/psk/80211_keys"));
    const QString out = dir.filePath("report.json");
    const Run good = runCli({"analyze", cap, "--keys", keys, "--report", out});
    QCOMPARE(good.exitCode, 0);
    const QJsonArray handoffs = readJson(out).value("handoffs").toArray();
    QCOMPARE(handoffs.size(), 2);
    for (const auto& h : handoffs)
      QCOMPARE(h.toObject().value("keys").toObject().value("mics_verified").toBool(false), true);
    QCOMPARE(runCli({"analyze", cap, "--psk", "not-the-passphrase", "--ssid", "hwsim-psk"}).exitCode, 3);
  }

  // Default budget: both 5 ms handoffs (reassoc-to-last-key) are ≤20 ms, no diagnostics.
  void defaultBudgetClasses() {
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "roam.pcapng", firstChannel, secondChannel);
    const QString out = dir.filePath("report.json");
    const Run r = runCli({"analyze", cap, "--report", out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("budget classes (reassoc-to-last-key or most specific): ≤20 ms 2, ≤50 ms 0, ≤150 ms 0, "
                           "≤250 ms 0, >250 ms 0"));
    const QJsonObject j = readJson(out);
    QCOMPARE(j.value("version").toInt(), 1);
    for (const auto& v : j.value("handoffs").toArray()) {
      const QJsonObject budget = v.toObject().value("budget").toObject();
      QCOMPARE(budget.value("class").toString(), QStringLiteral("≤20 ms"));
      QCOMPARE(budget.value("definition").toString(), QStringLiteral("reassoc-to-last-key"));
      QCOMPARE(v.toObject().value("diagnostics").toArray().size(), 0);
    }
  }

  // --budget 2,5 --budget-definition auth-to-m4: the 6 ms handoffs are over budget, in every form of the report.
  void budgetOptions() {
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "roam.pcapng", firstChannel, secondChannel);
    const QString out = dir.filePath("report.json");
    const Run r = runCli({"analyze", cap, "--budget", "2,5", "--budget-definition", "auth-to-m4", "--report", out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("    diagnostic over-latency-budget: auth-to-m4 of 6 ms is over the 5 ms budget"));
    const QJsonObject j = readJson(out);
    QCOMPARE(j.value("budget").toObject().value("definition").toString(), QStringLiteral("auth-to-m4"));
    QCOMPARE(j.value("budget").toObject().value("thresholds_ms").toArray(), QJsonArray({2.0, 5.0}));
    const QJsonObject roam = j.value("handoffs").toArray()[1].toObject();
    QCOMPARE(roam.value("budget").toObject().value("class").toString(), QStringLiteral(">5 ms"));
    QCOMPARE(roam.value("budget").toObject().value("latency_ms").toDouble(), 6.0);
    const QJsonObject over = roam.value("diagnostics").toArray()[0].toObject();
    QCOMPARE(over.value("kind").toString(), QStringLiteral("over-latency-budget"));
    QCOMPARE(over.value("budget_ms").toDouble(), 5.0);
    const QJsonObject classes = j.value("summary").toArray()[0].toObject().value("budget_classes").toObject();
    QCOMPARE(classes.value("≤2 ms").toInt(-1), 0);
    QCOMPARE(classes.value("≤5 ms").toInt(-1), 0);
    QCOMPARE(classes.value(">5 ms").toInt(-1), 2);

    const QString csv = dir.filePath("report.csv");
    QCOMPARE(runCli({"analyze", cap, "--budget", "2,5", "--budget-definition", "auth-to-m4", "--report", csv}).exitCode,
             0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].endsWith(",budget_class,diagnostics"));
    QVERIFY(lines[2].endsWith(",>5 ms,over-latency-budget: auth-to-m4 of 6 ms is over the 5 ms budget"));
  }

  void badBudgetIsAUsageError_data() {
    QTest::addColumn<QStringList>("options");
    QTest::newRow("descending") << QStringList{"--budget", "50,20"};
    QTest::newRow("not a number") << QStringList{"--budget", "fast"};
    QTest::newRow("empty item") << QStringList{"--budget", "20,,50"};
    QTest::newRow("zero") << QStringList{"--budget", "0,20"};
    QTest::newRow("unknown definition") << QStringList{"--budget-definition", "no-such-definition"};
  }
  void badBudgetIsAUsageError() {
    QFETCH(QStringList, options);
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "roam.pcapng", firstChannel, secondChannel);
    const Run r = runCli(QStringList{"analyze", cap} + options);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("budget"));
  }

  void stationFilter() {
    QTemporaryDir dir;
    const QString cap = writeScene(dir, "roam.pcapng", firstChannel, secondChannel);
    const QString out = dir.filePath("report.json");
    QCOMPARE(runCli({"analyze", cap, "--sta", "02:bb:00:00:00:99", "--report", out}).exitCode, 0);
    QCOMPARE(readJson(out).value("handoffs").toArray().size(), 0);
    QCOMPARE(runCli({"analyze", cap, "--sta", "02:BB:00:00:00:01", "--report", out}).exitCode, 0);
    QCOMPARE(readJson(out).value("handoffs").toArray().size(), 2);
    QCOMPARE(readJson(out).value("station").toString(), QStringLiteral("02:bb:00:00:00:01"));
  }
};

QTEST_GUILESS_MAIN(CliAnalyze)
#include "tst_cli_analyze.moc"
