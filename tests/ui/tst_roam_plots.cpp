// SPDX-License-Identifier: GPL-3.0-or-later
// The roam plot functions (ui/plots) on HandoffRecord values built directly:
// graph and bar counts, that the drawn points are the records' latencies, the
// CDF's shape, that stacked bars add up to the phase durations, the empty
// plot's note, refilling, the palette and themes, and deterministic PNGs.
#include <qcustomplot.h>

#include <QtTest>
#include <set>

#include "core/analysis/roam/roam_report.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/synthetic_records.h"
#include "ui/plots/latency_cdf_plot.h"
#include "ui/plots/latency_timeline_plot.h"
#include "ui/plots/phase_breakdown_plot.h"
#include "ui/plots/plot_frame.h"
#include "ui/plots/plot_palette.h"
#include "ui/plots/plot_theme.h"
#include "ui/report/plot_images.h"

using rs::roam::Definition;
using rs::roam::HandoffRecord;
using rs::roam::Method;
using rs::roam::PhaseKind;
using rs::test::kRecordsBaseNs;
using rs::test::makeRecord;
using rs::test::msNs;

namespace {

QStringList graphNames(const QCustomPlot& plot) {
  QStringList names;
  for (int i = 0; i < plot.graphCount(); ++i) names << plot.graph(i)->name();
  return names;
}

QList<QPair<double, double>> points(const QCPGraph* g) {
  QList<QPair<double, double>> out;
  for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) out.append({it->key, it->value});
  return out;
}

QStringList notes(QCustomPlot& plot) {
  QStringList out;
  for (int i = 0; i < plot.itemCount(); ++i)
    if (auto* t = qobject_cast<QCPItemText*>(plot.item(i))) out << t->text();
  return out;
}

QList<QCPBars*> bars(QCustomPlot& plot) {
  QList<QCPBars*> out;
  for (int i = 0; i < plot.plottableCount(); ++i)
    if (auto* b = qobject_cast<QCPBars*>(plot.plottable(i))) out << b;
  return out;
}

double barValueAt(const QCPBars* b, double key) {
  double sum = 0;
  for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it)
    if (it->key == key) sum += it->value;
  return sum;
}

}  // namespace

class RoamPlots : public QObject {
  Q_OBJECT
 private slots:
  void emptyPlotsSayNoHandoffs() {
    const std::vector<HandoffRecord> none;
    QCustomPlot plot;
    const auto fill = rs::ui::plotLatencyTimeline(plot, none, Definition::AuthToM4);
    QCOMPARE(plot.plottableCount(), 0);
    QCOMPARE(notes(plot), QStringList{rs::ui::noHandoffsText()});
    QCOMPARE(fill.successes + fill.failures, std::size_t{0});
    QVERIFY(!plot.legend->visible());

    QCOMPARE(rs::ui::plotLatencyCdf(plot, none, Definition::AuthToM4), std::size_t{0});
    QCOMPARE(plot.plottableCount(), 0);
    QCOMPARE(notes(plot), QStringList{rs::ui::noHandoffsText()});

    QCOMPARE(rs::ui::plotPhaseBreakdown(plot, none), std::size_t{0});
    QCOMPARE(plot.plottableCount(), 0);
    QCOMPARE(notes(plot), QStringList{rs::ui::noHandoffsText()});

    // Drawn, the empty plot's axis rect still spans the width (an empty legend in the layout would squeeze it).
    plot.toPixmap(600, 300, 1.0);
    QVERIFY2(plot.axisRect()->width() > 400, qPrintable(QString::number(plot.axisRect()->width())));
  }

  void timelineOneGraphPerMethodAndFailuresApart() {
    const auto records = rs::test::mixedRecords();
    QCustomPlot plot;
    const auto fill = rs::ui::plotLatencyTimeline(plot, records, Definition::AuthToM4);
    // Method order: psk, full-802.1x; ft-over-air has no auth-to-m4 (its successes are "without definition").
    QCOMPARE(graphNames(plot), (QStringList{"psk", "psk failed (attempt duration)", "full-802.1x"}));
    QCOMPARE(fill.originNs, records.front().startNs);
    QCOMPARE(fill.successes, std::size_t{5});
    QCOMPARE(fill.failures, std::size_t{1});
    QCOMPARE(fill.withoutDefinition, std::size_t{2});
    QVERIFY(notes(plot).isEmpty());
    QVERIFY(plot.legend->visible());

    QList<QPair<double, double>> expectedPsk, expectedFailed, expectedEap;
    for (const HandoffRecord& r : records) {
      const double x = static_cast<double>(r.startNs - fill.originNs) / 1e9;
      if (!r.success) {
        expectedFailed.append({x, rs::roam::toMilliseconds(r.endNs - r.startNs)});
        continue;
      }
      auto it = r.latencyNs.find(Definition::AuthToM4);
      if (it == r.latencyNs.end()) continue;
      (r.method == Method::Psk ? expectedPsk : expectedEap).append({x, rs::roam::toMilliseconds(it->second)});
    }
    QCOMPARE(points(plot.graph(0)), expectedPsk);
    QCOMPARE(points(plot.graph(1)), expectedFailed);
    QCOMPARE(points(plot.graph(2)), expectedEap);
    QCOMPARE(expectedPsk.size(), 4);
    QCOMPARE(expectedPsk[1].second, 40.0);

    // Successes are discs in the method's colour, failures crosses.
    QCOMPARE(plot.graph(0)->pen().color(), rs::ui::methodColor(Method::Psk));
    QCOMPARE(plot.graph(0)->scatterStyle().shape(), QCPScatterStyle::ssDisc);
    QCOMPARE(plot.graph(1)->pen().color(), rs::ui::methodColor(Method::Psk));
    QCOMPARE(plot.graph(1)->scatterStyle().shape(), QCPScatterStyle::ssCross);
    QCOMPARE(plot.graph(2)->pen().color(), rs::ui::methodColor(Method::Full8021X));
    QCOMPARE(plot.graph(0)->lineStyle(), QCPGraph::lsNone);
    // Every point is inside the axes' ranges.
    for (int g = 0; g < plot.graphCount(); ++g) {
      for (const auto& [x, y] : points(plot.graph(g))) {
        QVERIFY(plot.xAxis->range().contains(x));
        QVERIFY(plot.yAxis->range().contains(y));
      }
    }
    QVERIFY(plot.yAxis->label().contains("auth-to-m4"));
    QVERIFY(plot.yAxis->label().contains("(ms)"));
  }

  void timelineOneRecordAndExplicitOrigin() {
    const std::vector<HandoffRecord> one{makeRecord(
        Method::FtOverDs, true, kRecordsBaseNs + msNs(2500), {{Definition::FtActionToReassocResp, msNs(12.5)}},
        {{PhaseKind::FtAction, msNs(6)}, {PhaseKind::Reassociation, msNs(5)}})};
    QCustomPlot plot;
    const auto fill = rs::ui::plotLatencyTimeline(plot, one, Definition::FtActionToReassocResp, kRecordsBaseNs);
    QCOMPARE(graphNames(plot), QStringList{"ft-over-ds"});
    QCOMPARE(points(plot.graph(0)), (QList<QPair<double, double>>{{2.5, 12.5}}));
    QCOMPARE(fill.originNs, kRecordsBaseNs);
    QVERIFY(plot.xAxis->range().contains(2.5));
    QVERIFY(plot.xAxis->range().size() > 0);

    // A definition none of the records has: no graph, a note that says so.
    rs::ui::plotLatencyTimeline(plot, one, Definition::DataToData);
    QCOMPARE(plot.graphCount(), 0);
    QCOMPARE(notes(plot), QStringList{"no handoff with a data-to-data latency"});
  }

  void refillingReplacesThePreviousContent() {
    const auto records = rs::test::mixedRecords();
    QCustomPlot plot;
    rs::ui::plotPhaseBreakdown(plot, records);
    rs::ui::plotLatencyTimeline(plot, records, Definition::AuthToM4);
    rs::ui::plotLatencyTimeline(plot, records, Definition::AuthToM4);
    QCOMPARE(plot.plottableCount(), 3);
    QCOMPARE(plot.graphCount(), 3);
    QCOMPARE(plot.itemCount(), 0);
    QVERIFY(!dynamic_cast<QCPAxisTickerText*>(plot.xAxis->ticker().data()));
    rs::ui::plotLatencyCdf(plot, {}, Definition::AuthToM4);
    QCOMPARE(plot.plottableCount(), 0);
    QCOMPARE(plot.itemCount(), 1);
    QVERIFY(!plot.legend->visible());
    QCOMPARE(plot.plotLayout()->rowCount(), 1);  // the legend's row is gone with the legend
    rs::ui::plotLatencyCdf(plot, records, Definition::AuthToM4);
    rs::ui::plotLatencyCdf(plot, records, Definition::AuthToM4);
    QCOMPARE(plot.plotLayout()->rowCount(), 2);  // one legend row, however often refilled
  }

  void empiricalCdfSteps_data() {
    QTest::addColumn<QList<qint64>>("latenciesMs");
    QTest::addColumn<QList<double>>("stepMs");
    QTest::addColumn<QList<double>>("fractions");
    QTest::newRow("one value") << QList<qint64>{7} << QList<double>{7} << QList<double>{1};
    QTest::newRow("unsorted, distinct") << QList<qint64>{30, 10, 20, 40} << QList<double>{10, 20, 30, 40}
                                        << QList<double>{0.25, 0.5, 0.75, 1};
    QTest::newRow("ties make one step") << QList<qint64>{60, 40, 60, 38, 60} << QList<double>{38, 40, 60}
                                        << QList<double>{0.2, 0.4, 1};
  }
  void empiricalCdfSteps() {
    QFETCH(QList<qint64>, latenciesMs);
    QFETCH(QList<double>, stepMs);
    QFETCH(QList<double>, fractions);
    std::vector<std::int64_t> ns;
    for (qint64 ms : latenciesMs) ns.push_back(ms * 1'000'000);
    const auto steps = rs::ui::empiricalCdf(ns);
    QCOMPARE(static_cast<qsizetype>(steps.size()), stepMs.size());
    for (qsizetype i = 0; i < stepMs.size(); ++i) {
      QCOMPARE(steps[static_cast<std::size_t>(i)].latencyMs, stepMs[i]);
      QCOMPARE(steps[static_cast<std::size_t>(i)].fraction, fractions[i]);
    }
    QVERIFY(rs::ui::empiricalCdf({}).empty());
  }

  void cdfPerMethodMonotonicEndingAtOne() {
    const auto records = rs::test::mixedRecords();
    QCustomPlot plot;
    QCOMPARE(rs::ui::plotLatencyCdf(plot, records, Definition::AuthToM4), std::size_t{2});
    QCOMPARE(graphNames(plot), (QStringList{"psk", "full-802.1x"}));
    for (int g = 0; g < plot.graphCount(); ++g) {
      const QCPGraph* graph = plot.graph(g);
      QCOMPARE(graph->lineStyle(), QCPGraph::lsStepLeft);
      const auto p = points(graph);
      QVERIFY(p.size() >= 2);
      QCOMPARE(p.front().second, 0.0);
      QCOMPARE(p.back().second, 1.0);
      QCOMPARE(p.front().first, p[1].first);  // the first step rises at the smallest latency
      for (qsizetype i = 1; i < p.size(); ++i) {
        QVERIFY(p[i].first >= p[i - 1].first);
        QVERIFY(p[i].second >= p[i - 1].second);
      }
    }
    // The psk steps are the distinct successful psk latencies (38, 40, 60, 60 ms): 38, 40, 60.
    QList<double> pskKeys;
    for (const auto& [x, y] : points(plot.graph(0)).mid(1)) pskKeys << x;
    std::set<double> expected;
    for (const HandoffRecord& r : records)
      if (r.success && r.method == Method::Psk)
        expected.insert(rs::roam::toMilliseconds(r.latencyNs.at(Definition::AuthToM4)));
    QCOMPARE(pskKeys, QList<double>(expected.begin(), expected.end()));
    QCOMPARE(points(plot.graph(0)).mid(1), (QList<QPair<double, double>>{{38.0, 0.25}, {40.0, 0.5}, {60.0, 1.0}}));
    QCOMPARE(points(plot.graph(1)), (QList<QPair<double, double>>{{150.0, 0.0}, {150.0, 1.0}}));
    QCOMPARE(plot.yAxis->range().lower, -0.02);
    QCOMPARE(plot.yAxis->range().upper, 1.05);

    // Failed attempts never enter a CDF: a definition only failures would have gives the note.
    std::vector<HandoffRecord> failedOnly{records[3]};
    QCOMPARE(rs::ui::plotLatencyCdf(plot, failedOnly, Definition::AuthToM4), std::size_t{0});
    QCOMPARE(notes(plot), QStringList{"no successful handoff with a auth-to-m4 latency"});
  }

  void phaseBarsStackToThePhaseDurations() {
    const auto records = rs::test::mixedRecords();
    QCustomPlot plot;
    // Phases in the records: scan, authentication, reassociation, eap, four-way, group-key (no ft-action).
    QCOMPARE(rs::ui::plotPhaseBreakdown(plot, records), std::size_t{6});
    const auto b = bars(plot);
    QStringList names;
    for (const QCPBars* set : b) names << set->name();
    QCOMPARE(names, (QStringList{"scan", "authentication", "reassociation", "eap", "four-way", "group-key"}));
    QCOMPARE(b[0]->barBelow(), nullptr);
    for (qsizetype i = 1; i < b.size(); ++i) QCOMPARE(b[i]->barBelow(), b[i - 1]);
    const PhaseKind kinds[] = {PhaseKind::Scan, PhaseKind::Authentication, PhaseKind::Reassociation,
                               PhaseKind::Eap,  PhaseKind::FourWay,        PhaseKind::GroupKey};
    for (qsizetype i = 0; i < b.size(); ++i) QCOMPARE(b[i]->brush().color(), rs::ui::phaseColor(kinds[i]));

    for (std::size_t i = 0; i < records.size(); ++i) {
      const double key = static_cast<double>(i + 1);
      double stacked = 0;
      for (const QCPBars* set : b) stacked += barValueAt(set, key);
      double phases = 0;
      for (const auto& p : records[i].phases) phases += rs::roam::toMilliseconds(p.endNs - p.startNs);
      QCOMPARE(stacked, phases);
    }
    // Record 2 (index 1) has a scan of 80 ms at the bottom of its bar.
    QCOMPARE(barValueAt(b[0], 2.0), 80.0);
    // Record 4 failed: its tick label is marked.
    auto* ticker = dynamic_cast<QCPAxisTickerText*>(plot.xAxis->ticker().data());
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(4.0), QStringLiteral("4 ✗"));
    QCOMPARE(ticker->ticks().value(2.0), QStringLiteral("2"));
    QCOMPARE(ticker->ticks().size(), static_cast<int>(records.size()));
    QVERIFY(plot.yAxis->range().upper >= 4000.0 + 3.0);
  }

  void phaseBarsForManyRecordsLabelOnlySomeTicks() {
    std::vector<HandoffRecord> many;
    for (int i = 0; i < 200; ++i)
      many.push_back(makeRecord(Method::Psk, true, kRecordsBaseNs + msNs(100.0 * i),
                                {{Definition::AuthToM4, msNs(30 + i % 7)}},
                                {{PhaseKind::Authentication, msNs(1)}, {PhaseKind::FourWay, msNs(20 + i % 5)}}));
    QCustomPlot plot;
    QCOMPARE(rs::ui::plotPhaseBreakdown(plot, many), std::size_t{2});
    auto* ticker = dynamic_cast<QCPAxisTickerText*>(plot.xAxis->ticker().data());
    QVERIFY(ticker);
    QVERIFY(ticker->ticks().size() <= 31);
    QVERIFY(ticker->ticks().contains(1.0));
    QVERIFY(ticker->ticks().contains(200.0));
    QCOMPARE(bars(plot)[1]->dataCount(), 200);
    QCOMPARE(rs::ui::plotLatencyTimeline(plot, many, Definition::AuthToM4).successes, std::size_t{200});
    QCOMPARE(plot.graph(0)->dataCount(), 200);
  }

  void paletteDistinctPerMethod() {
    std::set<QRgb> colours;
    for (int m = 0; m <= static_cast<int>(Method::Sae); ++m)
      colours.insert(rs::ui::methodColor(static_cast<Method>(m)).rgb());
    QCOMPARE(colours.size(), std::size_t{9});
    std::set<QRgb> phases;
    for (int p = 0; p <= static_cast<int>(PhaseKind::GroupKey); ++p)
      phases.insert(rs::ui::phaseColor(static_cast<PhaseKind>(p)).rgb());
    QCOMPARE(phases.size(), std::size_t{7});
    // Mid-luminance: readable on the light and on the dark theme's background.
    for (int m = 0; m <= static_cast<int>(Method::Sae); ++m) {
      const int l = rs::ui::methodColor(static_cast<Method>(m)).lightness();
      QVERIFY2(l > 60 && l < 200, qPrintable(QString::number(l)));
    }
  }

  void themesRecolourFrameAndNotes() {
    QCustomPlot plot;
    rs::ui::plotLatencyTimeline(plot, {}, Definition::AuthToM4);
    const auto dark = rs::ui::darkPlotTheme();
    rs::ui::applyPlotTheme(plot, dark);
    QCOMPARE(plot.xAxis->labelColor(), dark.foreground);
    QCOMPARE(plot.yAxis->tickLabelColor(), dark.foreground);
    QCOMPARE(qobject_cast<QCPItemText*>(plot.item(0))->color(), dark.foreground);
    // A note made after the theme takes the theme's text colour too.
    rs::ui::plotLatencyCdf(plot, {}, Definition::AuthToM4);
    QCOMPARE(qobject_cast<QCPItemText*>(plot.item(0))->color(), dark.foreground);

    QPalette darkPalette;
    darkPalette.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    darkPalette.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
    darkPalette.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    darkPalette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    const auto fromPalette = rs::ui::plotThemeFor(darkPalette);
    QCOMPARE(fromPalette.background, QColor(0x18, 0x18, 0x18));
    QCOMPARE(fromPalette.grid, dark.grid);
    QPalette lightPalette;
    lightPalette.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    lightPalette.setColor(QPalette::WindowText, QColor(0x10, 0x10, 0x10));
    QCOMPARE(rs::ui::plotThemeFor(lightPalette).grid, rs::ui::lightPlotTheme().grid);
  }

  void renderedPngHasTheFixedSizeAndIsDeterministic() {
    const auto records = rs::test::mixedRecords();
    rs::ui::PlotImageFormat format;
    format.logicalSize = QSize(400, 200);
    format.scale = 2.0;
    const QByteArray a = rs::ui::phaseBreakdownPng(records, format);
    const QByteArray b = rs::ui::phaseBreakdownPng(records, format);
    QVERIFY(a.startsWith("\x89PNG\r\n\x1a\n"));
    QImage image;
    QVERIFY(image.loadFromData(a, "PNG"));
    QCOMPARE(image.size(), QSize(800, 400));
    QCOMPARE(a, b);
    // The plot is drawn, not blank: more than the background colour in the image.
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
      for (int x = 0; x < image.width(); x += 4) colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 5);
    QVERIFY(colours.count(rs::ui::phaseColor(PhaseKind::FourWay).rgb()));
  }
};

RS_OFFSCREEN_TEST_MAIN(RoamPlots)
#include "tst_roam_plots.moc"
