// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/registration_plots.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <limits>

#include "ui/plots/plot_frame.h"
#include "ui/plots/plot_palette.h"

namespace rs::ui {
namespace {

using mipreg::Auth;
using mipreg::Figure;
constexpr std::array kAuths{Auth::Static, Auth::AaaDynamic, Auth::SkeyPrime, Auth::SkeyRekey};
constexpr std::array kHops{Figure::MnToFa,      Figure::FaAaaRoundTrip, Figure::FaToHa,
                           Figure::AaaRoundTrip, Figure::HomeAgentKeys,  Figure::HaToMn};
constexpr std::size_t kMaxTickLabels = 30;  // beyond, every k-th bar gets a label so they stay readable

double ms(std::int64_t ns) { return static_cast<double>(ns) / 1e6; }

QString noRegistrationsText() { return QStringLiteral("no registrations"); }

}  // namespace

std::size_t plotRegistrationLatency(QCustomPlot& plot, const std::vector<mipreg::RegistrationRecord>& records) {
  resetPlot(plot);
  plot.xAxis->setLabel(QStringLiteral("time since the first registration (s)"));
  plot.yAxis->setLabel(QStringLiteral("registration latency (ms)"));
  if (records.empty()) {
    showPlotNote(plot, noRegistrationsText());
    return 0;
  }
  std::int64_t origin = records.front().startNs;
  for (const auto& r : records) origin = std::min(origin, r.startNs);
  std::size_t drawn = 0;
  double highest = 1, lowest = std::numeric_limits<double>::max(), latest = 1;
  for (Auth auth : kAuths) {
    QVector<double> x, y, failedX, failedY;
    for (const auto& r : records) {
      if (r.auth != auth) continue;
      const auto it = r.latencyNs.find(Figure::Registration);
      if (r.success && it != r.latencyNs.end()) {
        x.push_back(ms(r.startNs - origin) / 1e3);
        y.push_back(ms(it->second));
      } else {
        // A failure has no latency: a cross at how long the MN waited, where it happened.
        failedX.push_back(ms(r.startNs - origin) / 1e3);
        failedY.push_back(ms(r.endNs - r.startNs));
      }
    }
    for (const auto& v : {y, failedY})
      if (!v.isEmpty()) {
        highest = std::max(highest, *std::max_element(v.begin(), v.end()));
        lowest = std::min(lowest, *std::min_element(v.begin(), v.end()));
      }
    for (const auto& v : {x, failedX})
      if (!v.isEmpty()) latest = std::max(latest, *std::max_element(v.begin(), v.end()));
    const QColor color = registrationAuthColor(auth);
    if (!x.isEmpty()) {
      QCPGraph* g = plot.addGraph();
      g->setName(QString::fromUtf8(mipreg::authName(auth)));
      g->setLineStyle(QCPGraph::lsNone);
      g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 7));
      g->setData(x, y, true);
      drawn += static_cast<std::size_t>(x.size());
    }
    if (!failedX.isEmpty()) {
      QCPGraph* g = plot.addGraph();
      g->setName(QString::fromUtf8(mipreg::authName(auth)) + QStringLiteral(" failed (time waited)"));
      g->setLineStyle(QCPGraph::lsNone);
      g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 2), Qt::NoBrush, 9));
      g->setData(failedX, failedY, true);
      drawn += static_cast<std::size_t>(failedX.size());
    }
  }
  plot.xAxis->setRange(-latest * 0.03, latest * 1.05);
  // A failed registration waits seconds where a good one takes milliseconds: past a factor of 50 a linear
  // axis would flatten every success onto zero, so the axis turns logarithmic.
  if (lowest > 0 && highest / lowest > 50) {
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    plot.yAxis->setRange(lowest / 2, highest * 2);
  } else {
    plot.yAxis->setRange(0, highest * 1.15);
  }
  showLegendBelow(plot);
  return drawn;
}

std::size_t plotRegistrationHops(QCustomPlot& plot, const std::vector<mipreg::RegistrationRecord>& records) {
  resetPlot(plot);
  plot.xAxis->setLabel(QStringLiteral("registration # as in the table (✗ failed)"));
  plot.yAxis->setLabel(QStringLiteral("hop latency (ms, stacked)"));
  if (records.empty()) {
    showPlotNote(plot, noRegistrationsText());
    return 0;
  }
  std::array<QVector<double>, kHops.size()> keys, values;
  double highest = 1;
  for (std::size_t i = 0; i < records.size(); ++i) {
    double total = 0;
    for (std::size_t h = 0; h < kHops.size(); ++h) {
      const auto it = records[i].latencyNs.find(kHops[h]);
      if (it == records[i].latencyNs.end()) continue;
      keys[h].push_back(static_cast<double>(i + 1));
      values[h].push_back(ms(it->second));
      total += ms(it->second);
    }
    highest = std::max(highest, total);
  }
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  const std::size_t labelEvery = (records.size() + kMaxTickLabels - 1) / kMaxTickLabels;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (i % labelEvery == 0 || i + 1 == records.size())
      ticker->addTick(static_cast<double>(i + 1),
                      QString::number(i + 1) + (records[i].success ? QString() : QStringLiteral(" ✗")));
  plot.xAxis->setTicker(ticker);
  plot.xAxis->setRange(0.4, static_cast<double>(records.size()) + 0.6);
  QCPBars* below = nullptr;
  std::size_t sets = 0;
  for (std::size_t h = 0; h < kHops.size(); ++h) {
    if (keys[h].isEmpty()) continue;
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setName(QString::fromUtf8(mipreg::figureName(kHops[h])));
    bars->setWidth(0.6);
    const QColor color = registrationHopColor(kHops[h]);
    bars->setPen(QPen(color.darker(130), 1));
    bars->setBrush(color);
    bars->setData(keys[h], values[h], true);
    if (below) bars->moveAbove(below);
    below = bars;
    ++sets;
  }
  if (sets == 0) showPlotNote(plot, QStringLiteral("no hop figures recorded"));
  plot.yAxis->setRange(0, highest * 1.15);
  showLegendBelow(plot);
  return sets;
}

}  // namespace rs::ui
