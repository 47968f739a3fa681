// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/run_comparison_plot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <map>

#include "core/analysis/roam/roam_report.h"
#include "ui/plots/latency_cdf_plot.h"
#include "ui/plots/plot_frame.h"
#include "ui/plots/plot_palette.h"

namespace rs::ui {
namespace {

struct Series {
  QVector<double> keys, values;
};

// The pinned run is the reference: hollow markers and dashed lines; the current one filled and solid.
enum class Role { Pinned, Current };

QCPScatterStyle pointStyle(Role role, const QColor& color, bool failed) {
  if (failed)
    return QCPScatterStyle(role == Role::Pinned ? QCPScatterStyle::ssCross : QCPScatterStyle::ssPlus, 9);
  return role == Role::Pinned ? QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 1.5), Qt::NoBrush, 8)
                              : QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 7);
}

QPen linePen(Role role, const QColor& color) {
  QPen pen(color, 2);
  if (role == Role::Pinned) pen.setStyle(Qt::DashLine);
  return pen;
}

bool hasRecords(const ComparedRun& run) { return run.records && !run.records->empty(); }

struct TimelineRange {
  double minX = 0, maxX = 0, maxMs = 0;
  bool any = false;
  void add(double x, double ms) {
    minX = any ? std::min(minX, x) : x;
    maxX = any ? std::max(maxX, x) : x;
    maxMs = std::max(maxMs, ms);
    any = true;
  }
};

std::size_t addTimelineRun(QCustomPlot& plot, const ComparedRun& run, Role role, roam::Definition definition,
                           TimelineRange& range) {
  if (!run.records) return 0;
  std::map<roam::Method, Series> ok, failed;
  for (const roam::HandoffRecord& r : *run.records) {
    const double x = static_cast<double>(r.startNs - run.originNs) / 1e9;
    Series* series = nullptr;
    double ms = 0;
    if (r.success) {
      const auto it = r.latencyNs.find(definition);
      if (it == r.latencyNs.end()) continue;  // as in plotLatencyTimeline: the definition does not apply
      series = &ok[r.method];
      ms = roam::toMilliseconds(it->second);
    } else {
      series = &failed[r.method];  // a failed attempt has no latency: drawn at its attempt duration
      ms = roam::toMilliseconds(r.endNs - r.startNs);
    }
    series->keys.push_back(x);
    series->values.push_back(ms);
    range.add(x, ms);
  }
  std::size_t graphs = 0;
  auto add = [&](const Series& s, const QString& name, const QColor& color, bool isFailure) {
    QCPGraph* g = plot.addGraph();
    g->setName(comparedGraphName(run.label, name));
    g->setLineStyle(QCPGraph::lsNone);
    g->setPen(QPen(color, isFailure ? 2 : 1.5));
    g->setScatterStyle(pointStyle(role, color, isFailure));
    g->setData(s.keys, s.values);  // sorts: a run's records need not be in start order
    ++graphs;
  };
  for (int m = 0; m < roam::kMethodCount; ++m) {
    const auto method = static_cast<roam::Method>(m);
    const QString name = QString::fromUtf8(roam::methodName(method));
    if (const auto it = ok.find(method); it != ok.end()) add(it->second, name, methodColor(method), false);
    if (const auto it = failed.find(method); it != failed.end())
      add(it->second, name + QStringLiteral(" failed (attempt duration)"), methodColor(method), true);
  }
  return graphs;
}

std::size_t addCdfRun(QCustomPlot& plot, const ComparedRun& run, Role role, roam::Definition definition,
                      double& maxMs) {
  if (!run.records) return 0;
  std::map<roam::Method, std::vector<std::int64_t>> byMethod;
  for (const roam::HandoffRecord& r : *run.records) {
    if (!r.success) continue;
    if (const auto it = r.latencyNs.find(definition); it != r.latencyNs.end()) byMethod[r.method].push_back(it->second);
  }
  for (auto& [method, values] : byMethod) {
    const CdfCurve curve = cdfCurve(std::move(values));  // the same shape as plotLatencyCdf
    maxMs = std::max(maxMs, curve.maxMs);
    QCPGraph* g = plot.addGraph();
    g->setName(comparedGraphName(run.label, QString::fromUtf8(roam::methodName(method))));
    g->setLineStyle(QCPGraph::lsStepLeft);
    g->setPen(linePen(role, methodColor(method)));
    g->setData(curve.latenciesMs, curve.fractions, true);
  }
  return byMethod.size();
}

// Both plots say first why they are empty: nothing pinned yet is the usual case.
bool noteWhenEmpty(QCustomPlot& plot, const ComparedRun& pinned, const ComparedRun& current) {
  if (!pinned.records) {
    showPlotNote(plot,
                 QStringLiteral("no run pinned: pin one (View > Pin run for comparison), then run or open another"));
    return true;
  }
  if (!hasRecords(pinned) && !hasRecords(current)) {
    showPlotNote(plot, noHandoffsText());
    return true;
  }
  return false;
}

// Entries carry the run's label as well as the method: two to a row, so a long name is not cut off.
void showTwoColumnLegend(QCustomPlot& plot) {
  showLegendBelow(plot);
  plot.legend->setWrap(2);
}

}  // namespace

QString comparedGraphName(const QString& runLabel, const QString& graphName) {
  return runLabel + QStringLiteral(": ") + graphName;
}

std::size_t plotTimelineComparison(QCustomPlot& plot, const ComparedRun& pinned, const ComparedRun& current,
                                   roam::Definition definition) {
  resetPlot(plot);
  const QString definitionText = QString::fromUtf8(roam::definitionName(definition));
  plot.xAxis->setLabel(QStringLiteral("handoff start (s from each run's start)"));
  plot.yAxis->setLabel(QStringLiteral("latency, %1 (ms)").arg(definitionText));
  if (noteWhenEmpty(plot, pinned, current)) return 0;
  TimelineRange range;
  const std::size_t graphs = addTimelineRun(plot, pinned, Role::Pinned, definition, range) +
                             addTimelineRun(plot, current, Role::Current, definition, range);
  if (graphs == 0) {
    showPlotNote(plot, QStringLiteral("no handoff with a %1 latency in either run").arg(definitionText));
    return 0;
  }
  const double pad = std::max((range.maxX - range.minX) * 0.05, 0.5);
  plot.xAxis->setRange(std::min(range.minX, 0.0) - pad, range.maxX + pad);
  plot.yAxis->setRange(0, std::max(range.maxMs * 1.15, 1.0));
  showTwoColumnLegend(plot);
  return graphs;
}

std::size_t plotCdfComparison(QCustomPlot& plot, const ComparedRun& pinned, const ComparedRun& current,
                              roam::Definition definition) {
  resetPlot(plot);
  const QString definitionText = QString::fromUtf8(roam::definitionName(definition));
  plot.xAxis->setLabel(QStringLiteral("latency, %1 (ms)").arg(definitionText));
  plot.yAxis->setLabel(QStringLiteral("share of successful handoffs ≤ latency"));
  plot.yAxis->setRange(-0.02, 1.05);
  if (noteWhenEmpty(plot, pinned, current)) return 0;
  double maxMs = 0;
  const std::size_t graphs = addCdfRun(plot, pinned, Role::Pinned, definition, maxMs) +
                             addCdfRun(plot, current, Role::Current, definition, maxMs);
  if (graphs == 0) {
    showPlotNote(plot, QStringLiteral("no successful handoff with a %1 latency in either run").arg(definitionText));
    return 0;
  }
  plot.xAxis->setRange(0, std::max(maxMs * 1.1, 1.0));
  showTwoColumnLegend(plot);
  return graphs;
}

}  // namespace rs::ui
