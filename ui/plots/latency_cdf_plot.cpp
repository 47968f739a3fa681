// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/latency_cdf_plot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <map>

#include "core/analysis/roam/roam_report.h"
#include "ui/plots/plot_frame.h"
#include "ui/plots/plot_palette.h"

namespace rs::ui {

std::vector<CdfStep> empiricalCdf(std::vector<std::int64_t> latenciesNs) {
  std::vector<CdfStep> steps;
  if (latenciesNs.empty()) return steps;
  std::sort(latenciesNs.begin(), latenciesNs.end());
  const double n = static_cast<double>(latenciesNs.size());
  for (std::size_t i = 0; i < latenciesNs.size(); ++i) {
    // Equal values make one step: only the last of a run carries the share.
    if (i + 1 < latenciesNs.size() && latenciesNs[i + 1] == latenciesNs[i]) continue;
    steps.push_back({roam::toMilliseconds(latenciesNs[i]), static_cast<double>(i + 1) / n});
  }
  return steps;
}

CdfCurve cdfCurve(std::vector<std::int64_t> latenciesNs) {
  const std::vector<CdfStep> steps = empiricalCdf(std::move(latenciesNs));
  CdfCurve curve;
  if (steps.empty()) return curve;
  curve.latenciesMs = {steps.front().latencyMs};
  curve.fractions = {0.0};
  for (const CdfStep& s : steps) {
    curve.latenciesMs.push_back(s.latencyMs);
    curve.fractions.push_back(s.fraction);
  }
  curve.maxMs = steps.back().latencyMs;
  return curve;
}

std::size_t plotLatencyCdf(QCustomPlot& plot, const std::vector<roam::HandoffRecord>& records,
                           roam::Definition definition) {
  resetPlot(plot);
  const QString definitionText = QString::fromUtf8(roam::definitionName(definition));
  plot.xAxis->setLabel(QStringLiteral("latency, %1 (ms)").arg(definitionText));
  plot.yAxis->setLabel(QStringLiteral("share of successful handoffs ≤ latency"));
  plot.yAxis->setRange(-0.02, 1.05);
  if (records.empty()) {
    showPlotNote(plot, noHandoffsText());
    return 0;
  }

  std::map<roam::Method, std::vector<std::int64_t>> byMethod;
  for (const roam::HandoffRecord& r : records) {
    if (!r.success) continue;
    if (auto it = r.latencyNs.find(definition); it != r.latencyNs.end()) byMethod[r.method].push_back(it->second);
  }
  if (byMethod.empty()) {
    showPlotNote(plot, QStringLiteral("no successful handoff with a %1 latency").arg(definitionText));
    return 0;
  }

  double maxMs = 0;
  for (auto& [method, values] : byMethod) {
    const CdfCurve curve = cdfCurve(std::move(values));
    maxMs = std::max(maxMs, curve.maxMs);
    QCPGraph* g = plot.addGraph();
    g->setName(QString::fromUtf8(roam::methodName(method)));
    // Step-left holds each value until the next key: F(x) is right-continuous, as an empirical CDF is.
    g->setLineStyle(QCPGraph::lsStepLeft);
    g->setPen(QPen(methodColor(method), 2));
    // Sorted by construction; the first two points share a key, so no re-sort may swap them.
    g->setData(curve.latenciesMs, curve.fractions, true);
  }
  plot.xAxis->setRange(0, std::max(maxMs * 1.1, 1.0));
  showLegendBelow(plot);
  return byMethod.size();
}

}  // namespace rs::ui
