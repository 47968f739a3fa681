// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison plots (ui/plots/run_comparison_plot) on HandoffRecord values
// built directly: graph names and order (pinned run first, per method, failed
// attempts apart), point counts and values against each run's own origin,
// the CDF steps per run and method, the styles that tell the runs apart, and
// the notes for nothing pinned and nothing to draw.
#include <qcustomplot.h>

#include <QtTest>

#include "core/analysis/roam/roam_report.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/synthetic_records.h"
#include "ui/plots/plot_frame.h"
#include "ui/plots/run_comparison_plot.h"

using rs::roam::Definition;
using rs::roam::HandoffRecord;
using rs::roam::Method;
using rs::roam::PhaseKind;
using rs::test::kRecordsBaseNs;
using rs::test::makeRecord;
using rs::test::msNs;
using rs::ui::ComparedRun;

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

// Two psk handoffs at 1 s and 3 s after `originNs`, both 20 ms auth-to-m4, given out of start order, and an
// FT handoff the definition does not apply to.
std::vector<HandoffRecord> currentRecords(std::int64_t originNs) {
  const std::vector<std::pair<PhaseKind, std::int64_t>> phases{{PhaseKind::Authentication, msNs(1)},
                                                               {PhaseKind::FourWay, msNs(19)}};
  return {makeRecord(Method::Psk, true, originNs + 3'000'000'000, {{Definition::AuthToM4, msNs(20)}}, phases),
          makeRecord(Method::Psk, true, originNs + 1'000'000'000, {{Definition::AuthToM4, msNs(20)}}, phases),
          makeRecord(Method::FtOverAir, true, originNs + 2'000'000'000,
                     {{Definition::FtAuthToReassocResp, msNs(12)}}, phases)};
}

}  // namespace

class RunComparisonPlot : public QObject {
  Q_OBJECT
 private slots:
  void nothingPinnedSaysHowToPin() {
    const std::vector<HandoffRecord> current = currentRecords(0);
    QCustomPlot plot;
    const ComparedRun none;
    QCOMPARE(rs::ui::plotTimelineComparison(plot, none, {QStringLiteral("now"), &current, 0}, Definition::AuthToM4),
             std::size_t{0});
    QCOMPARE(plot.graphCount(), 0);
    QVERIFY(notes(plot).join(' ').contains(QStringLiteral("Pin run for comparison")));
    QCOMPARE(rs::ui::plotCdfComparison(plot, none, {QStringLiteral("now"), &current, 0}, Definition::AuthToM4),
             std::size_t{0});
    QVERIFY(notes(plot).join(' ').contains(QStringLiteral("no run pinned")));

    const std::vector<HandoffRecord> empty;
    QCOMPARE(rs::ui::plotTimelineComparison(plot, {QStringLiteral("a"), &empty, 0}, {QStringLiteral("b"), &empty, 0},
                                            Definition::AuthToM4),
             std::size_t{0});
    QCOMPARE(notes(plot), QStringList{rs::ui::noHandoffsText()});
    // Records, but none with the definition: said so, no empty legend.
    QCOMPARE(rs::ui::plotCdfComparison(plot, {QStringLiteral("a"), &current, 0}, {QStringLiteral("b"), &empty, 0},
                                       Definition::DataToData),
             std::size_t{0});
    QVERIFY(notes(plot).join(' ').contains(QStringLiteral("data-to-data")));
    QVERIFY(!plot.legend->visible());
  }

  void timelineShowsBothRunsFromTheirOwnOrigins() {
    const std::vector<HandoffRecord> pinned = rs::test::mixedRecords();
    const std::int64_t currentOrigin = 5'000'000'000;
    const std::vector<HandoffRecord> current = currentRecords(currentOrigin);
    QCustomPlot plot;
    const std::size_t graphs =
        rs::ui::plotTimelineComparison(plot, {QStringLiteral("A (pinned)"), &pinned, kRecordsBaseNs},
                                       {QStringLiteral("B"), &current, currentOrigin}, Definition::AuthToM4);
    // Pinned: psk successes, the failed psk attempt, full-802.1x; FT has no auth-to-m4. Current: psk.
    const QStringList expected{"A (pinned): psk", "A (pinned): psk failed (attempt duration)",
                               "A (pinned): full-802.1x", "B: psk"};
    QCOMPARE(graphNames(plot), expected);
    QCOMPARE(graphs, std::size_t{4});
    using P = QPair<double, double>;
    QCOMPARE(points(plot.graph(0)), (QList<P>{{0.5, 38.0}, {2.0, 40.0}, {9.0, 60.0}, {15.0, 60.0}}));
    QCOMPARE(points(plot.graph(1)).size(), 1);
    QCOMPARE(points(plot.graph(1)).first().first, 6.0);
    QCOMPARE(points(plot.graph(2)), (QList<P>{{13.0, 150.0}}));
    QCOMPARE(points(plot.graph(3)), (QList<P>{{1.0, 20.0}, {3.0, 20.0}}));  // sorted by start
    // The runs look different, the methods keep their colour.
    QCOMPARE(plot.graph(0)->scatterStyle().shape(), QCPScatterStyle::ssCircle);
    QCOMPARE(plot.graph(3)->scatterStyle().shape(), QCPScatterStyle::ssDisc);
    QCOMPARE(plot.graph(0)->pen().color(), plot.graph(3)->pen().color());
    QVERIFY(plot.legend->visible());
    QVERIFY(plot.xAxis->range().contains(15.0) && plot.xAxis->range().contains(0.5));
    QVERIFY(plot.yAxis->range().upper > 150.0);
  }

  void cdfHasAStepLinePerRunAndMethod() {
    const std::vector<HandoffRecord> pinned = rs::test::mixedRecords();
    const std::vector<HandoffRecord> current = currentRecords(0);
    QCustomPlot plot;
    const std::size_t graphs = rs::ui::plotCdfComparison(plot, {QStringLiteral("A"), &pinned, kRecordsBaseNs},
                                                         {QStringLiteral("B"), &current, 0}, Definition::AuthToM4);
    QCOMPARE(graphNames(plot), (QStringList{"A: psk", "A: full-802.1x", "B: psk"}));
    QCOMPARE(graphs, std::size_t{3});
    using P = QPair<double, double>;
    // psk 38, 40, 60, 60 ms: a rise from (38, 0), then 1/4, 2/4 and 4/4.
    QCOMPARE(points(plot.graph(0)), (QList<P>{{38.0, 0.0}, {38.0, 0.25}, {40.0, 0.5}, {60.0, 1.0}}));
    QCOMPARE(points(plot.graph(1)), (QList<P>{{150.0, 0.0}, {150.0, 1.0}}));
    QCOMPARE(points(plot.graph(2)), (QList<P>{{20.0, 0.0}, {20.0, 1.0}}));
    QCOMPARE(plot.graph(0)->pen().style(), Qt::DashLine);
    QCOMPARE(plot.graph(2)->pen().style(), Qt::SolidLine);
    QCOMPARE(plot.graph(0)->lineStyle(), QCPGraph::lsStepLeft);
    // Refilling replaces everything the last fill drew.
    rs::ui::plotCdfComparison(plot, {QStringLiteral("A"), &pinned, kRecordsBaseNs}, {QStringLiteral("B"), &current, 0},
                              Definition::AuthToM4);
    QCOMPARE(plot.graphCount(), 3);
    int entries = 0;  // the legend's grid counts its empty cells too
    for (int i = 0; i < plot.legend->itemCount(); ++i) entries += plot.legend->item(i) ? 1 : 0;
    QCOMPARE(entries, 3);
  }
};

RS_OFFSCREEN_TEST_MAIN(RunComparisonPlot)
#include "tst_run_comparison_plot.moc"
