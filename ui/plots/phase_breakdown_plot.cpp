// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/phase_breakdown_plot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>

#include "core/analysis/roam/roam_report.h"
#include "ui/plots/plot_frame.h"
#include "ui/plots/plot_palette.h"

namespace rs::ui {
namespace {

constexpr std::size_t kPhaseKinds = roam::kPhaseKindCount;
// Beyond this many attempts, only every k-th tick gets a label so they stay readable.
constexpr std::size_t kMaxTickLabels = 30;

}  // namespace

std::size_t plotPhaseBreakdown(QCustomPlot& plot, const std::vector<roam::HandoffRecord>& records) {
  resetPlot(plot);
  plot.xAxis->setLabel(QStringLiteral("record # as in the table (✗ failed)"));
  plot.yAxis->setLabel(QStringLiteral("phase duration (ms, stacked)"));
  if (records.empty()) {
    showPlotNote(plot, noHandoffsText());
    return 0;
  }

  // Per phase kind, the attempts that have it (x) and the time spent in it (every occurrence summed).
  // Attempts without the phase get no bar of it rather than a zero-height one drawn as a line.
  std::array<QVector<double>, kPhaseKinds> phaseKeys, phaseMs;
  QVector<double> totals;
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::array<double, kPhaseKinds> ms{};
    std::array<bool, kPhaseKinds> has{};
    for (const roam::Phase& p : records[i].phases) {
      const auto k = static_cast<std::size_t>(p.kind);
      ms[k] += roam::toMilliseconds(p.endNs - p.startNs);
      has[k] = true;
    }
    double total = 0;
    for (std::size_t k = 0; k < kPhaseKinds; ++k) {
      if (!has[k]) continue;
      phaseKeys[k].push_back(static_cast<double>(i + 1));
      phaseMs[k].push_back(ms[k]);
      total += ms[k];
    }
    totals.push_back(total);
  }

  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  const std::size_t labelEvery = (records.size() + kMaxTickLabels - 1) / kMaxTickLabels;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i % labelEvery == 0 || i + 1 == records.size())
      ticker->addTick(static_cast<double>(i + 1),
                      QString::number(i + 1) + (records[i].success ? QString() : QStringLiteral(" ✗")));
  }
  plot.xAxis->setTicker(ticker);
  plot.xAxis->setRange(0.4, static_cast<double>(records.size()) + 0.6);

  if (std::all_of(phaseKeys.begin(), phaseKeys.end(), [](const QVector<double>& k) { return k.isEmpty(); })) {
    showPlotNote(plot, QStringLiteral("no phases recorded"));
    return 0;
  }

  QCPBars* below = nullptr;
  std::size_t sets = 0;
  for (std::size_t k = 0; k < kPhaseKinds; ++k) {
    if (phaseKeys[k].isEmpty()) continue;
    const auto kind = static_cast<roam::PhaseKind>(k);
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setName(QString::fromUtf8(roam::phaseName(kind)));
    bars->setWidth(0.6);
    bars->setPen(QPen(phaseColor(kind).darker(130), 1));
    bars->setBrush(phaseColor(kind));
    bars->setData(phaseKeys[k], phaseMs[k], true);
    if (below) bars->moveAbove(below);
    below = bars;
    ++sets;
  }
  const double highest = *std::max_element(totals.begin(), totals.end());
  plot.yAxis->setRange(0, std::max(highest * 1.15, 1.0));
  showLegendBelow(plot);
  return sets;
}

}  // namespace rs::ui
