// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/latency_timeline_plot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <map>

#include "core/analysis/roam/roam_report.h"
#include "ui/plots/plot_frame.h"
#include "ui/plots/plot_palette.h"

namespace rs::ui {
namespace {

struct Series {
  QVector<double> keys, values;
};

QCPGraph* addSeries(QCustomPlot& plot, const Series& s, const QString& name, const QColor& color, bool failed) {
  QCPGraph* g = plot.addGraph();
  g->setName(name);
  g->setLineStyle(QCPGraph::lsNone);
  g->setPen(QPen(color, failed ? 2 : 1.5));
  g->setScatterStyle(failed ? QCPScatterStyle(QCPScatterStyle::ssCross, 9)
                            : QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 7));
  // Records arrive by start time, so the keys are already sorted.
  g->setData(s.keys, s.values, true);
  return g;
}

}  // namespace

TimelineFill plotLatencyTimeline(QCustomPlot& plot, const std::vector<roam::HandoffRecord>& records,
                                 roam::Definition definition, std::optional<std::int64_t> originNs) {
  resetPlot(plot);
  TimelineFill fill;
  const QString definitionText = QString::fromUtf8(roam::definitionName(definition));
  plot.xAxis->setLabel(originNs ? QStringLiteral("handoff start (s)")
                                : QStringLiteral("handoff start (s after the first attempt)"));
  plot.yAxis->setLabel(QStringLiteral("latency, %1 (ms)").arg(definitionText));
  if (records.empty()) {
    showPlotNote(plot, noHandoffsText());
    return fill;
  }

  std::vector<const roam::HandoffRecord*> byStart;
  for (const roam::HandoffRecord& r : records) byStart.push_back(&r);
  std::stable_sort(byStart.begin(), byStart.end(),
                   [](const auto* a, const auto* b) { return a->startNs < b->startNs; });
  fill.originNs = originNs.value_or(byStart.front()->startNs);

  std::map<roam::Method, Series> ok, failed;
  double maxMs = 0;
  for (const roam::HandoffRecord* r : byStart) {
    const double x = static_cast<double>(r->startNs - fill.originNs) / 1e9;
    if (r->success) {
      auto it = r->latencyNs.find(definition);
      if (it == r->latencyNs.end()) {
        ++fill.withoutDefinition;
        continue;
      }
      Series& s = ok[r->method];
      s.keys.push_back(x);
      s.values.push_back(roam::toMilliseconds(it->second));
      maxMs = std::max(maxMs, s.values.back());
      ++fill.successes;
    } else {
      Series& s = failed[r->method];
      s.keys.push_back(x);
      s.values.push_back(roam::toMilliseconds(r->endNs - r->startNs));
      maxMs = std::max(maxMs, s.values.back());
      ++fill.failures;
    }
  }
  if (fill.successes + fill.failures == 0) {
    showPlotNote(plot, QStringLiteral("no handoff with a %1 latency").arg(definitionText));
    return fill;
  }

  for (int m = 0; m < roam::kMethodCount; ++m) {
    const auto method = static_cast<roam::Method>(m);
    const QString name = QString::fromUtf8(roam::methodName(method));
    if (auto it = ok.find(method); it != ok.end()) addSeries(plot, it->second, name, methodColor(method), false);
    if (auto it = failed.find(method); it != failed.end())
      addSeries(plot, it->second, name + QStringLiteral(" failed (attempt duration)"), methodColor(method), true);
  }

  const double first = static_cast<double>(byStart.front()->startNs - fill.originNs) / 1e9;
  const double last = static_cast<double>(byStart.back()->startNs - fill.originNs) / 1e9;
  const double pad = std::max((last - first) * 0.05, 0.5);
  plot.xAxis->setRange(std::min(first, 0.0) - pad, last + pad);
  plot.yAxis->setRange(0, std::max(maxMs * 1.15, 1.0));
  showLegendBelow(plot);
  return fill;
}

}  // namespace rs::ui
