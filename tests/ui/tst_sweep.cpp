// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop application's sweep (Run > Sweep…, docs/gui.md "Sweeps") on the
// offscreen platform, with the roamscope-cli this build made as the child:
// a small real sweep started through the dialog (table rows, parameter
// values, plot series and points, the saved CSV and HTML), a long sweep
// cancelled (the child gone, nothing shown, the window usable), a bad key
// refused before anything starts with the CLI's own message, a missing CLI
// and a failing child reported with what to do. Also the pieces on their
// own: the sweep CSV's round trip and the plotted series read from a table,
// and where roamscope-cli is looked for.
#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <qcustomplot.h>

#include "tests/support/program_run.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/main_window.h"
#include "ui/app/roamscope_cli_path.h"
#include "ui/app/sweep_controller.h"
#include "ui/app/sweep_dialog.h"
#include "ui/app/sweep_pane.h"
#include "ui/app/sweep_process.h"
#include "ui/report/sweep_csv.h"
#include "ui/report/sweep_series.h"

using rs::ui::MainWindow;
using rs::ui::SweepDialog;
using rs::ui::SweepProcess;
using rs::ui::SweepRequest;

namespace {

const QString kScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-psk-seed000.json");
const QString kLongScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-8021x-full.json");
const QString kCli = QStringLiteral(ROAMSCOPE_CLI_BINARY);
// Generous: a loaded CI machine must not fail the test. Nothing is timed.
constexpr int kSweepTimeoutMs = 120000;

QByteArray contents(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// An executable file at `path` (a stand-in roamscope-cli for the search order; never run).
bool makeExecutable(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  f.write("#!/bin/sh\nexit 0\n");
  f.close();
  return f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
}

QString column(const QStandardItemModel& model, int column, int row) { return model.index(row, column).data().toString(); }

}  // namespace

class TestSweep : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_sweep")));
    QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli));
    qputenv("ROAMSCOPE_CLI", kCli.toLocal8Bit());
  }

  // RFC 4180 as the CLI writes it: quoted cells (a JSON array value, a quote) come back whole.
  void sweepCsvRoundTrips() {
    const std::vector<std::string> header{"nodes.3.position", "seed", "method", "handoff_ms"};
    const std::vector<std::vector<std::string>> rows{{"[1,2]", "1", "say \"hi\"", ""}, {"[3,4]", "2", "full", "0.5"}};
    const std::string csv = rs::ui::sweepCsv(header, rows);
    QCOMPARE(QByteArray::fromStdString(csv),
             QByteArray("nodes.3.position,seed,method,handoff_ms\n\"[1,2]\",1,\"say \"\"hi\"\"\",\n\"[3,4]\",2,full,0.5\n"));
    const auto table = rs::ui::parseSweepCsv(csv);
    QVERIFY(table);
    QVERIFY(table->header == header);
    QVERIFY(table->rows == rows);

    rs::ui::SweepCsvError error;
    QVERIFY(!rs::ui::parseSweepCsv("a,b\n1,2\n3\n", &error));
    QCOMPARE(error.line, std::size_t{3});
    QVERIFY(!rs::ui::parseSweepCsv("a,b\n\"1,2\n", &error));
    QCOMPARE(error.line, std::size_t{2});
    QVERIFY(!rs::ui::parseSweepCsv("", &error));
  }

  // One series per setting of the first axis and method used, x the last axis; no method, no point; a
  // non-numeric last axis, no plot.
  void seriesAreReadFromTheTable() {
    rs::ui::SweepReport report;
    report.header = {"methods.wlan.handoff", "links.ds-radius.delay_us", "seed", "method", "handoff_ms"};
    report.rows = {{"full", "500", "1", "full-802.1x", "11.969"},   {"full", "1000", "1", "full-802.1x", "17.969"},
                   {"pmk-cache", "500", "1", "full-802.1x", "11.9"}, {"pmk-cache", "500", "1", "pmk-cache", "0.463"},
                   {"pmk-cache", "1000", "1", "", ""}};
    rs::ui::addSweepSeries(report, 2);
    QCOMPARE(report.xLabel, QStringLiteral("links.ds-radius.delay_us"));
    QCOMPARE(report.yLabel, QStringLiteral("median handoff (ms)"));
    QCOMPARE(report.series.size(), std::size_t{3});
    QCOMPARE(report.series[0].name, QStringLiteral("full → full-802.1x"));
    QCOMPARE(report.series[0].x, (QVector<double>{500, 1000}));
    QCOMPARE(report.series[0].y, (QVector<double>{11.969, 17.969}));
    QCOMPARE(report.series[1].name, QStringLiteral("pmk-cache → full-802.1x"));
    QCOMPARE(report.series[2].name, QStringLiteral("pmk-cache → pmk-cache"));
    QCOMPARE(report.series[2].x.size(), 1);

    rs::ui::addSweepSeries(report, 1);  // the handoff method on x: a table only
    QVERIFY(report.series.empty());
    QVERIFY(report.xLabel.isEmpty());
  }

  // A Mobile IP sweep's table: the registration latency is what is drawn, its hop columns are not.
  void mobileIpSeriesDrawTheRegistrationLatency() {
    rs::ui::SweepReport report;
    report.header = {"links.core-aaa.delay_us", "seed", "registrations", "method", "registration_ms", "mn-fa_ms"};
    report.rows = {{"1000", "1", "8", "movement/aaa-dynamic", "16.628", "0.539"},
                   {"50000", "1", "8", "movement/aaa-dynamic", "114.628", "0.539"}};
    rs::ui::addSweepSeries(report, 1);
    QCOMPARE(report.yLabel, QStringLiteral("median registration latency (ms)"));
    QCOMPARE(report.series.size(), std::size_t{1});
    QCOMPARE(report.series[0].name, QStringLiteral("movement/aaa-dynamic"));
    QCOMPARE(report.series[0].y, (QVector<double>{16.628, 114.628}));
  }

  // ROAMSCOPE_CLI first and alone; then ../cli and the executable's folder; then PATH.
  void findsTheCliInItsSearchOrder() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("gui")) && QDir(dir.path()).mkpath(QStringLiteral("cli")) &&
            QDir(dir.path()).mkpath(QStringLiteral("bin")));
    const QString built = dir.filePath(QStringLiteral("cli/roamscope-cli"));
    const QString besides = dir.filePath(QStringLiteral("gui/roamscope-cli"));
    const QString onPath = dir.filePath(QStringLiteral("bin/roamscope-cli"));
    QVERIFY(makeExecutable(built) && makeExecutable(besides) && makeExecutable(onPath));
    rs::ui::CliSearch search{{}, dir.filePath(QStringLiteral("gui")), {dir.filePath(QStringLiteral("bin"))}};
    QCOMPARE(rs::ui::locateRoamscopeCli(search).path, built);
    QVERIFY(QFile::remove(built));
    QCOMPARE(rs::ui::locateRoamscopeCli(search).path, besides);
    QVERIFY(QFile::remove(besides));
    QCOMPARE(rs::ui::locateRoamscopeCli(search).path, onPath);
    QVERIFY(QFile::remove(onPath));
    const rs::ui::CliLocation none = rs::ui::locateRoamscopeCli(search);
    QVERIFY(none.path.isEmpty());
    QVERIFY2(none.error.contains(QStringLiteral("roamscope-cli not found")) && none.error.contains(built) &&
                 none.error.contains(QStringLiteral("ROAMSCOPE_CLI")),
             qPrintable(none.error));

    search.override = kCli;
    QCOMPARE(rs::ui::locateRoamscopeCli(search).path, QFileInfo(kCli).absoluteFilePath());
    search.override = dir.filePath(QStringLiteral("nowhere/roamscope-cli"));
    const rs::ui::CliLocation wrong = rs::ui::locateRoamscopeCli(search);
    QVERIFY(wrong.path.isEmpty());
    QVERIFY2(wrong.error.contains(search.override), qPrintable(wrong.error));
  }

  // Run > Sweep… on the loaded scenario: one axis with two values, 10 s each, started from the dialog.
  void smallSweepFillsTheTableAndThePlot() {
    MainWindow w;
    w.controller().setDurationOverride(rs::sim::seconds(10));
    QVERIFY(w.openScenario(kScenario));
    rs::ui::SweepController& sweep = *w.sweep();
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("sweepDock")));
    SweepDialog* dialog = sweep.openDialog();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->request().scenario, kScenario);  // the loaded one
    QVERIFY(dialog->offeredKeys().contains(QStringLiteral("links.ds-ap1.delay_us")));
    QVERIFY(dialog->offeredKeys().contains(QStringLiteral("methods.wlan.handoff")));
    dialog->setAxis(0, QStringLiteral("links.ds-ap1.delay_us"), QStringLiteral("50,500"));
    dialog->setAxis(1, {}, {});
    dialog->setDurationSeconds(10);
    QSignalSpy progress(&sweep.process(), &SweepProcess::progress);
    QSignalSpy shown(&sweep, &rs::ui::SweepController::resultShown);
    dialog->accept();

    QVERIFY(sweep.isRunning());
    QVERIFY(sweep.progressBar()->isVisibleTo(&w));
    QVERIFY(!sweep.sweepAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1, kSweepTimeoutMs);
    QCOMPARE(sweep.process().state(), QProcess::NotRunning);
    QVERIFY(!sweep.progressBar()->isVisibleTo(&w));
    QVERIFY(sweep.sweepAction()->isEnabled());
    QCOMPARE(progress.count(), 2);  // one line per run
    QCOMPARE(progress.last().at(0).toInt(), 2);
    QCOMPARE(progress.last().at(1).toInt(), 2);

    const rs::ui::SweepPane& pane = *sweep.pane();
    const QStandardItemModel& table = *pane.tableModel();
    QCOMPARE(table.rowCount(), 2);  // one method per run: the join is no roam, the one roam is seed 000's
    QCOMPARE(table.headerData(0, Qt::Horizontal).toString(), QStringLiteral("links.ds-ap1.delay_us"));
    QCOMPARE(table.headerData(4, Qt::Horizontal).toString(), QStringLiteral("method"));
    QCOMPARE(column(table, 0, 0), QStringLiteral("50"));
    QCOMPARE(column(table, 0, 1), QStringLiteral("500"));
    QCOMPARE(column(table, 4, 0), QStringLiteral("seed000-fast-reassociation"));
    QCOMPARE(column(table, 4, 1), QStringLiteral("seed000-fast-reassociation"));

    QCustomPlot& plot = *pane.plot();
    QCOMPARE(plot.graphCount(), 1);
    QCOMPARE(plot.graph(0)->name(), QStringLiteral("seed000-fast-reassociation"));
    QCOMPARE(plot.graph(0)->dataCount(), 2);
    QCOMPARE(plot.graph(0)->data()->at(0)->key, 50.0);
    QCOMPARE(plot.graph(0)->data()->at(1)->key, 500.0);
    QCOMPARE(plot.xAxis->label(), QStringLiteral("links.ds-ap1.delay_us"));
    // The handoff plotted is the table's handoff_ms.
    QCOMPARE(plot.graph(0)->data()->at(0)->value, column(table, 6, 0).toDouble());

    // Save as…: the CSV as the child wrote it, the HTML report with plot and table; other names refused.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("s.csv"));
    QVERIFY(!pane.save(csv));
    const QList<QByteArray> lines = contents(csv).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[1].startsWith("50,"));
    QVERIFY(lines[2].startsWith("500,"));
    const QString html = dir.filePath(QStringLiteral("s.html"));
    QVERIFY(!pane.save(html));
    const QByteArray page = contents(html);
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    QVERIFY(page.contains("<img src=\"data:image/png;base64,"));
    QVERIFY(page.contains("id=\"sweep-table\""));
    QVERIFY(page.contains("--sweep links.ds-ap1.delay_us=50,500"));
    const QString text = dir.filePath(QStringLiteral("s.txt"));
    const auto refused = pane.save(text);
    QVERIFY(refused && refused->contains(QStringLiteral(".csv or .html")));
    QVERIFY(!QFile::exists(text));
    // The window's own run was not touched.
    QCOMPARE(w.controller().scenarioPath(), kScenario);
    QVERIFY(w.controller().isLoaded());
  }

  // Cancel terminates the child: it is gone, nothing of the sweep is shown, the window works as before.
  void cancelStopsTheChildAndShowsNothing() {
    MainWindow w;
    w.controller().setDurationOverride(rs::sim::seconds(10));
    QVERIFY(w.openScenario(kScenario));
    rs::ui::SweepController& sweep = *w.sweep();
    SweepRequest request;
    request.scenario = kLongScenario;
    request.axes = {QStringLiteral("seed=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20")};
    request.durationSeconds = 3600;  // about 3 s of wall time per run, a minute for all of them
    QSignalSpy cancelled(&sweep.process(), &SweepProcess::cancelled);
    QSignalSpy succeeded(&sweep.process(), &SweepProcess::succeeded);
    QVERIFY(sweep.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(sweep.process().state(), QProcess::Running, kSweepTimeoutMs);
    QVERIFY(sweep.cancelButton()->isVisibleTo(&w));
    sweep.cancelButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(sweep.process().state(), QProcess::NotRunning, kSweepTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, kSweepTimeoutMs);
    QCOMPARE(sweep.process().lastExitStatus(), QProcess::CrashExit);  // stopped by a signal, not finished
    QCOMPARE(succeeded.count(), 0);
    QVERIFY(!sweep.pane()->hasResult());
    QCOMPARE(sweep.pane()->tableModel()->rowCount(), 0);
    QCOMPARE(sweep.pane()->plot()->graphCount(), 0);
    QVERIFY(!sweep.progressBar()->isVisibleTo(&w));
    QVERIFY(!sweep.cancelButton()->isVisibleTo(&w));
    QVERIFY(sweep.sweepAction()->isEnabled());
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
    // Usable: the window's run steps, and a new sweep may start.
    const auto before = w.controller().executedEvents();
    w.controller().stepEvent();
    QCOMPARE(w.controller().executedEvents(), before + 1);
    QVERIFY(sweep.openDialog());
  }

  // A key the scenario has no place for: the dialog stays open with the CLI's message; nothing starts.
  void badKeyIsRefusedBeforeAnythingStarts() {
    MainWindow w;
    QVERIFY(w.openScenario(kScenario));
    rs::ui::SweepController& sweep = *w.sweep();
    SweepDialog* dialog = sweep.openDialog();
    dialog->setAxis(0, QStringLiteral("links.ds-nowhere.delay_us"), QStringLiteral("5,50"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QCOMPARE(sweep.process().state(), QProcess::NotRunning);
    QVERIFY(!sweep.progressBar()->isVisibleTo(&w));
    // Word for word what roamscope-cli says about the same sweep.
    const rs::test::ProgramRun cli = rs::test::runProgram(
        kCli, {QStringLiteral("simulate"), kScenario, QStringLiteral("--sweep"),
               QStringLiteral("links.ds-nowhere.delay_us=5,50"), QStringLiteral("--duration"), QStringLiteral("1")});
    QCOMPARE(cli.exitCode, 1);
    const QString cliMessage = QString::fromUtf8(cli.err).trimmed().remove(QStringLiteral("roamscope-cli: "));
    QVERIFY2(cliMessage.contains(QStringLiteral("/links: expected the name or index of an entry, found \"ds-nowhere\"")),
             qPrintable(cliMessage));
    QCOMPARE(dialog->errorText(), cliMessage);

    // Not KEY=V1,V2: the same, through the controller (a script) rather than the dialog.
    SweepRequest request;
    request.scenario = kScenario;
    request.axes = {QStringLiteral("methods.wlan.handoff")};
    QVERIFY(!sweep.start(request));
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("'methods.wlan.handoff' is not KEY=V1,V2,...")),
             qPrintable(w.statusBar()->currentMessage()));
    QCOMPARE(sweep.process().state(), QProcess::NotRunning);
    // A value the WLAN settings refuse.
    dialog->setAxis(0, QStringLiteral("methods.wlan.handoff"), QStringLiteral("full,warp"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("\"warp\"")), qPrintable(dialog->errorText()));
    QVERIFY(!sweep.pane()->hasResult());
  }

  // No roamscope-cli where ROAMSCOPE_CLI points: a clear error saying what to do, nothing started.
  void missingCliIsAClearError() {
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("roamscope-cli"));
    qputenv("ROAMSCOPE_CLI", missing.toLocal8Bit());
    MainWindow w;
    QVERIFY(w.openScenario(kScenario));
    rs::ui::SweepController& sweep = *w.sweep();
    SweepRequest request;
    request.scenario = kScenario;
    request.axes = {QStringLiteral("seed=1,2")};
    const bool started = sweep.start(request);
    qputenv("ROAMSCOPE_CLI", kCli.toLocal8Bit());
    QVERIFY(!started);
    const QString message = w.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("roamscope-cli not found")) && message.contains(missing) &&
                 message.contains(QStringLiteral("Set ROAMSCOPE_CLI")),
             qPrintable(message));
    QCOMPARE(sweep.pane()->noteText(), message);
    QCOMPARE(sweep.process().state(), QProcess::NotRunning);
    QVERIFY(!sweep.progressBar()->isVisibleTo(&w));
    QVERIFY(sweep.sweepAction()->isEnabled());
  }

  // Values that pass alone but not together (802.1X with the RADIUS server turned into a switch): the
  // child's own error, from its stderr, in the status bar and the dock.
  void failingChildShowsItsError() {
    MainWindow w;
    QVERIFY(w.openScenario(kScenario));
    rs::ui::SweepController& sweep = *w.sweep();
    SweepRequest request;
    request.scenario = kScenario;
    request.axes = {QStringLiteral("methods.wlan.security=psk,eap-tls"), QStringLiteral("nodes.radius.role=switch")};
    request.durationSeconds = 2;
    QSignalSpy failed(&sweep.process(), &SweepProcess::failed);
    QVERIFY(sweep.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kSweepTimeoutMs);
    const QString message = w.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("exit code 2")) &&
                 message.contains(QStringLiteral("802.1X (security \"eap-tls\") needs a node of role authentication-server")),
             qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("run 1/2")));  // progress lines are not the error
    QCOMPARE(sweep.pane()->noteText(), message);
    QVERIFY(!sweep.pane()->hasResult());
    QVERIFY(!sweep.progressBar()->isVisibleTo(&w));
    QVERIFY(sweep.sweepAction()->isEnabled());
  }

 private:
  QTemporaryDir settingsDir_;
};

RS_OFFSCREEN_TEST_MAIN(TestSweep)
#include "tst_sweep.moc"
