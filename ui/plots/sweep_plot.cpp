// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/sweep_plot.h"

#include <qcustomplot.h>

#include <algorithm>

#include "ui/plots/plot_frame.h"

namespace rs::ui {
namespace {

// Distinct hues in a fixed order, so a series keeps its colour from run to run.
const QColor kSeriesColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e), QColor(0x8c, 0x56, 0x4b),
                                QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f)};

// Logarithmic when every value is positive and they span more than a decade.
void scaleAxis(QCPAxis* axis, double lo, double hi) {
  if (lo > 0 && hi / lo > 10) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    axis->setRange(lo / 1.5, hi * 1.5);
  } else {
    const double pad = (hi - lo) * 0.05 + (hi == lo ? 1 : 0);
    axis->setRange(std::min(0.0, lo - pad), hi + pad);
  }
}

}  // namespace

std::size_t plotSweep(QCustomPlot& plot, const std::vector<SweepSeries>& series, const QString& xLabel,
                      const QString& yLabel) {
  resetPlot(plot);
  plot.xAxis->setLabel(xLabel);
  plot.yAxis->setLabel(yLabel);
  double xLo = 1e300, xHi = -1e300, yLo = 1e300, yHi = -1e300;
  std::size_t drawn = 0;
  for (const SweepSeries& s : series) {
    if (s.x.isEmpty()) continue;
    QCPGraph* g = plot.addGraph();
    g->setName(s.name);
    const QColor colour = kSeriesColors[drawn % std::size(kSeriesColors)];
    g->setPen(QPen(colour, 2));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 6));
    g->setData(s.x, s.y, true);
    for (double v : s.x) xLo = std::min(xLo, v), xHi = std::max(xHi, v);
    for (double v : s.y) yLo = std::min(yLo, v), yHi = std::max(yHi, v);
    ++drawn;
  }
  if (drawn == 0) {
    showPlotNote(plot, QStringLiteral("no numeric sweep to plot"));
    return 0;
  }
  scaleAxis(plot.xAxis, xLo, xHi);
  scaleAxis(plot.yAxis, yLo, yHi);
  showLegendBelow(plot);
  // Series names are long ("pmk-cache → full-802.1x"): three to a row, laid out again.
  plot.legend->setWrap(3);
  plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
  return drawn;
}

}  // namespace rs::ui
