// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli analyze with several files: the clock offset of each file
// estimated from the frames they share, printed on stderr and written to the
// JSON report's "clock_offsets" (right after "inputs"), removed before the
// merge so the records equal the single capture's; --no-clock-offsets; an
// unreadable file among readable ones.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/app/cli_suite.h"
#include "tests/core/roam/roam_scene.h"
#include "tests/core/roam/roam_scene_cast.h"
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

// The whole roam in one file and, from a second adapter on channel 6 whose clock runs 37.25 ms ahead, its part.
struct Files {
  QString whole, late;
};
Files writeFiles(const QTemporaryDir& dir) {
  RoamScene s(kSta);
  attach(s, kAp1, std::nullopt, 100'000);
  s.data(at(1'000'000), kAp1, false);
  attach(s, kAp2, kAp1.bssid, 1'200'000);
  s.data(at(1'250'000), kAp2, true);
  Files f{dir.filePath("whole.pcapng"), dir.filePath("ch6-late.pcapng")};
  std::string error;
  if (!s.write(f.whole.toStdString(), error) || !s.write(f.late.toStdString(), error, 37'250'000, kAp2.mhz))
    qFatal("cannot write the captures: %s", error.c_str());
  return f;
}

QJsonObject readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace

class CliMerge : public QObject {
  Q_OBJECT
 private slots:
  void offsetsEstimatedPrintedAndReported() {
    QTemporaryDir dir;
    const Files f = writeFiles(dir);
    QCOMPARE(runCli({"analyze", f.whole, "--report", dir.filePath("a.json")}).exitCode, 0);
    const Run merged = runCli({"analyze", f.whole, f.late, "--report", dir.filePath("b.json")});
    QCOMPARE(merged.exitCode, 0);
    QVERIFY2(merged.err.contains(QStringLiteral("%1: reference clock").arg(f.whole).toUtf8()), merged.err.constData());
    QVERIFY2(merged.err.contains(QStringLiteral("%1: clock offset +37.250000 ms against %2 (").arg(f.late, f.whole).toUtf8()),
             merged.err.constData());
    QVERIFY(merged.err.contains("clock offsets estimated in "));
    const QJsonObject single = readJson(dir.filePath("a.json"));
    const QJsonObject report = readJson(dir.filePath("b.json"));
    QCOMPARE(report.value("handoffs"), single.value("handoffs"));
    QVERIFY(single.value("clock_offsets").isNull());
    const QJsonArray offsets = report.value("clock_offsets").toArray();
    QCOMPARE(offsets.size(), 2);
    QCOMPARE(offsets[0].toObject().value("reference").toBool(), true);
    QCOMPARE(offsets[1].toObject().value("file").toString(), f.late);
    QCOMPARE(offsets[1].toObject().value("offset_ms").toDouble(), 37.25);
    QCOMPARE(offsets[1].toObject().value("against").toString(), f.whole);
    QVERIFY(offsets[1].toObject().value("matches").toInt() >= 5);
    QCOMPARE(offsets[1].toObject().value("assumed").toBool(), false);
    // Right after "inputs", with the other parameters.
    QFile raw(dir.filePath("b.json"));
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    QVERIFY(text.indexOf("\"inputs\"") < text.indexOf("\"clock_offsets\""));
    QVERIFY(text.indexOf("\"clock_offsets\"") < text.indexOf("\"station\""));
  }

  void noClockOffsetsMergesOnTheFilesOwnClocks() {
    QTemporaryDir dir;
    const Files f = writeFiles(dir);
    const Run r = runCli({"analyze", f.whole, f.late, "--no-clock-offsets", "--report", dir.filePath("b.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.err.contains("clock offset"));
    QVERIFY(r.err.contains("merged 2 files by timestamp; 0 duplicate frame(s)"));  // 37 ms late: not copies
    QVERIFY(readJson(dir.filePath("b.json")).value("clock_offsets").isNull());
  }

  // The garbage file is named in one clear error (exit code 2); the two readable files are still estimated,
  // merged and analysed.
  void unreadableFileAmongOthers() {
    QTemporaryDir dir;
    const Files f = writeFiles(dir);
    const QString garbage = dir.filePath("garbage.pcap");
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("this is not a capture file at all");
    g.close();
    QCOMPARE(runCli({"analyze", f.whole, "--report", dir.filePath("a.json")}).exitCode, 0);
    const Run r = runCli({"analyze", f.whole, garbage, f.late, "--report", dir.filePath("b.json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("garbage.pcap"));
    const QJsonObject report = readJson(dir.filePath("b.json"));
    QCOMPARE(report.value("inputs").toArray().size(), 3);
    const QJsonArray offsets = report.value("clock_offsets").toArray();
    QCOMPARE(offsets.size(), 2);
    QCOMPARE(offsets[1].toObject().value("offset_ms").toDouble(), 37.25);
    QCOMPARE(report.value("handoffs"), readJson(dir.filePath("a.json")).value("handoffs"));
  }
};

QTEST_GUILESS_MAIN(CliMerge)
#include "tst_cli_merge.moc"
