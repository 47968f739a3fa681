// SPDX-License-Identifier: GPL-3.0-or-later
// The Latency plots dock on the offscreen platform: preset scenarios run to
// 10 s of virtual time through the main window, then the graphs and bars of
// every tab counted against what the handoff records imply (one timeline and
// CDF series per method, one bar set per phase kind), the Handoffs dock's
// latency definition followed, redraws coalesced, and a pinned run of one
// preset compared with a run of another.
#include <qcustomplot.h>

#include <QComboBox>
#include <QDockWidget>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <set>

#include "core/analysis/roam/roam_report.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/latency_plots_widget.h"
#include "ui/app/main_window.h"
#include "ui/plots/plot_frame.h"

using rs::roam::Definition;
using rs::roam::HandoffRecord;
using rs::ui::LatencyPlotsWidget;
using rs::ui::MainWindow;

namespace {

QString preset(const char* name) {
  return QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/") + QString::fromLatin1(name);
}
// Long enough for the join and the first roam, short enough for a quick test (as tst_main_window).
constexpr rs::sim::SimTime kDuration = rs::sim::seconds(10);
constexpr int kRunTimeoutMs = 120000;

bool runPreset(MainWindow& w, const QString& path) {
  w.controller().setDurationOverride(kDuration);
  if (!w.openScenario(path)) return false;
  w.controller().runToEnd();
  return QTest::qWaitFor([&] { return w.controller().isFinished(); }, kRunTimeoutMs);
}

// Waits for the coalesced redraw the run's last handoff change scheduled.
bool redrawn(const LatencyPlotsWidget& plots) {
  return QTest::qWaitFor([&] { return !plots.isRedrawPending(); }, 10000);
}

// Graph name -> number of points.
std::map<QString, int> graphPoints(const QCustomPlot& plot) {
  std::map<QString, int> out;
  for (int i = 0; i < plot.graphCount(); ++i) out[plot.graph(i)->name()] = plot.graph(i)->data()->size();
  return out;
}

QStringList notes(QCustomPlot& plot) {
  QStringList out;
  for (int i = 0; i < plot.itemCount(); ++i)
    if (auto* t = qobject_cast<QCPItemText*>(plot.item(i))) out << t->text();
  return out;
}

QString methodText(const HandoffRecord& r) { return QString::fromUtf8(rs::roam::methodName(r.method)); }

// What the timeline must show: per method, successful handoffs with a latency under `d`, and per method
// "<method> failed (attempt duration)" for failed attempts; `prefix` names the run in a comparison.
std::map<QString, int> expectedTimeline(const std::vector<HandoffRecord>& records, Definition d,
                                        const QString& prefix = {}) {
  std::map<QString, int> out;
  for (const HandoffRecord& r : records) {
    if (r.success && r.latencyNs.count(d)) ++out[prefix + methodText(r)];
    if (!r.success) ++out[prefix + methodText(r) + QStringLiteral(" failed (attempt duration)")];
  }
  return out;
}

// What the CDF must show: per method with successful latencies, a first point at (min, 0) and one point per
// distinct latency.
std::map<QString, int> expectedCdf(const std::vector<HandoffRecord>& records, Definition d,
                                   const QString& prefix = {}) {
  std::map<QString, std::set<std::int64_t>> distinct;
  for (const HandoffRecord& r : records)
    if (r.success && r.latencyNs.count(d)) distinct[prefix + methodText(r)].insert(r.latencyNs.at(d));
  std::map<QString, int> out;
  for (const auto& [name, values] : distinct) out[name] = static_cast<int>(values.size()) + 1;
  return out;
}

}  // namespace

class TestLatencyPlotsDock : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_latency_plots_dock")));
  }

  // The dock exists, is listed in the View menu with its actions, and shows "no handoffs" before a run.
  void dockIsInTheWindow() {
    MainWindow w;
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("latencyPlotsDock")));
    LatencyPlotsWidget* plots = w.latencyPlots();
    QVERIFY(plots);
    QCOMPARE(plots->tabs()->count(), int{LatencyPlotsWidget::TabCount});
    QVERIFY(plots->source() == &w.controller());
    QCOMPARE(notes(*plots->timelinePlot()), QStringList{rs::ui::noHandoffsText()});
    QVERIFY(notes(*plots->comparisonTimelinePlot()).join(' ').contains(QStringLiteral("no run pinned")));
    QVERIFY(!plots->clearPinAction()->isEnabled());
  }

  // Every tab holds what the records imply: a timeline and a CDF series per method, one bar set per phase
  // kind with one bar per record that has the phase.
  void tabsShowTheRunsRecords() {
    MainWindow w;
    QVERIFY(runPreset(w, preset("wlan-psk-seed000.json")));
    LatencyPlotsWidget& plots = *w.latencyPlots();
    QVERIFY(redrawn(plots));
    const std::vector<HandoffRecord>& records = w.controller().handoffs();
    QCOMPARE(records.size(), std::size_t{2});  // the join and the seed-000 roam
    const Definition d = plots.definition();
    QCOMPARE(d, Definition::ReassocToLastKey);

    const auto timeline = graphPoints(*plots.timelinePlot());
    QCOMPARE(timeline, expectedTimeline(records, d));
    QCOMPARE(timeline.size(), std::size_t{2});  // psk (the join) and seed000-fast-reassociation
    // The points are the records' latencies at their start in virtual seconds (the packet list's times).
    for (int i = 0; i < plots.timelinePlot()->graphCount(); ++i) {
      const QCPGraph* g = plots.timelinePlot()->graph(i);
      for (const HandoffRecord& r : records) {
        if (methodText(r) != g->name()) continue;
        QCOMPARE(g->data()->begin()->key, static_cast<double>(r.startNs) / 1e9);
        QCOMPARE(g->data()->begin()->value, rs::roam::toMilliseconds(r.latencyNs.at(d)));
      }
    }
    QCOMPARE(graphPoints(*plots.cdfPlot()), expectedCdf(records, d));

    std::map<QString, int> phaseBars;
    for (const HandoffRecord& r : records) {
      std::set<QString> kinds;
      for (const auto& p : r.phases) kinds.insert(QString::fromUtf8(rs::roam::phaseName(p.kind)));
      for (const QString& k : kinds) ++phaseBars[k];
    }
    std::map<QString, int> drawnBars;
    for (int i = 0; i < plots.phasePlot()->plottableCount(); ++i) {
      auto* bars = qobject_cast<QCPBars*>(plots.phasePlot()->plottable(i));
      QVERIFY(bars);
      drawnBars[bars->name()] = bars->data()->size();
    }
    QVERIFY(phaseBars.size() >= 3);
    QCOMPARE(drawnBars, phaseBars);
  }

  // The Handoffs dock's combo box chooses the plots' definition too: under data-to-data only the roam has a
  // latency (the join has no data before it).
  void plotsFollowTheLatencyDefinition() {
    MainWindow w;
    QVERIFY(runPreset(w, preset("wlan-psk-seed000.json")));
    LatencyPlotsWidget& plots = *w.latencyPlots();
    QComboBox* box = w.definitionBox();
    box->setCurrentIndex(box->findText(QStringLiteral("data-to-data")));
    QCOMPARE(plots.definition(), Definition::DataToData);
    QVERIFY(plots.isRedrawPending());
    QVERIFY(redrawn(plots));
    const auto& records = w.controller().handoffs();
    const auto timeline = graphPoints(*plots.timelinePlot());
    QCOMPARE(timeline, expectedTimeline(records, Definition::DataToData));
    QCOMPARE(timeline.size(), std::size_t{1});
    QCOMPARE(plots.timelinePlot()->graph(0)->data()->begin()->value,
             rs::roam::toMilliseconds(records[1].latencyNs.at(Definition::DataToData)));
    QVERIFY(plots.timelinePlot()->yAxis->label().contains(QStringLiteral("data-to-data")));
    QCOMPARE(graphPoints(*plots.cdfPlot()), expectedCdf(records, Definition::DataToData));
  }

  // A burst of handoff changes schedules one redraw; the plots change only when it runs.
  void handoffChangesAreCoalesced() {
    MainWindow w;
    QVERIFY(runPreset(w, preset("wlan-psk-seed000.json")));
    LatencyPlotsWidget& plots = *w.latencyPlots();
    QVERIFY(redrawn(plots));
    // Refill the timeline with nothing, as a stale plot would look, then announce changes.
    rs::ui::resetPlot(*plots.timelinePlot());
    QCOMPARE(plots.timelinePlot()->graphCount(), 0);
    for (int i = 0; i < 50; ++i) emit w.controller().handoffsChanged();
    QVERIFY(plots.isRedrawPending());
    QCOMPARE(plots.timelinePlot()->graphCount(), 0);  // nothing redrawn per signal
    QVERIFY(redrawn(plots));
    QCOMPARE(plots.timelinePlot()->graphCount(), 2);
    // Without a source the plots say so.
    plots.setSource(nullptr);
    plots.redrawNow();
    QCOMPARE(notes(*plots.timelinePlot()), QStringList{rs::ui::noHandoffsText()});
    QCOMPARE(plots.phasePlot()->plottableCount(), 0);
  }

  // Pin a full 802.1X run, run seed 000 on the same walk: the comparison shows both runs, each series with
  // as many points as its records imply, the pinned one named with "(pinned)".
  void pinnedRunIsComparedWithTheCurrentOne() {
    MainWindow w;
    LatencyPlotsWidget& plots = *w.latencyPlots();
    plots.pinCurrentRun();  // nothing to pin yet
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("Nothing to pin")),
             qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(!plots.hasPin());

    QVERIFY(runPreset(w, preset("wlan-8021x-full.json")));
    const std::vector<HandoffRecord> full = w.controller().handoffs();
    QVERIFY(!full.empty());
    plots.pinAction()->trigger();
    QVERIFY(plots.hasPin());
    QCOMPARE(plots.pinnedLabel(), QStringLiteral("wlan-8021x-full"));
    QCOMPARE(plots.pinnedRecords().size(), full.size());
    QCOMPARE(plots.tabs()->currentIndex(), int{LatencyPlotsWidget::ComparisonTab});
    QVERIFY(plots.clearPinAction()->isEnabled());

    QVERIFY(runPreset(w, preset("wlan-8021x-seed000.json")));
    QVERIFY(redrawn(plots));
    const std::vector<HandoffRecord>& seed = w.controller().handoffs();
    QVERIFY(!seed.empty());
    QCOMPARE(plots.runLabel(), QStringLiteral("wlan-8021x-seed000"));
    const Definition d = plots.definition();
    const QString pinnedPrefix = QStringLiteral("wlan-8021x-full (pinned): ");
    const QString currentPrefix = QStringLiteral("wlan-8021x-seed000: ");

    std::map<QString, int> expected = expectedTimeline(full, d, pinnedPrefix);
    expected.merge(expectedTimeline(seed, d, currentPrefix));
    const auto timeline = graphPoints(*plots.comparisonTimelinePlot());
    QCOMPARE(timeline, expected);
    // Both runs are there, and the current run's seed-000 roam is told apart from the pinned full 802.1X.
    QVERIFY(timeline.count(currentPrefix + QStringLiteral("seed000-fast-reassociation")));
    QVERIFY(std::any_of(timeline.begin(), timeline.end(),
                        [&](const auto& g) { return g.first.startsWith(pinnedPrefix); }));
    QVERIFY(plots.comparisonTimelinePlot()->legend->visible());

    std::map<QString, int> expectedCdfs = expectedCdf(full, d, pinnedPrefix);
    expectedCdfs.merge(expectedCdf(seed, d, currentPrefix));
    QCOMPARE(graphPoints(*plots.comparisonCdfPlot()), expectedCdfs);
    // The pinned run's lines are dashed, the current run's solid.
    for (int i = 0; i < plots.comparisonCdfPlot()->graphCount(); ++i) {
      const QCPGraph* g = plots.comparisonCdfPlot()->graph(i);
      QCOMPARE(g->pen().style(), g->name().startsWith(pinnedPrefix) ? Qt::DashLine : Qt::SolidLine);
    }

    plots.clearPinAction()->trigger();
    QVERIFY(!plots.hasPin());
    QCOMPARE(plots.comparisonTimelinePlot()->graphCount(), 0);
  }

 private:
  QTemporaryDir settingsDir_;
};

RS_OFFSCREEN_TEST_MAIN(TestLatencyPlotsDock)
#include "tst_latency_plots_dock.moc"
