// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A parameter sweep as a line plot: one series per method (or configuration),
// the swept parameter on x and a latency on y, both on logarithmic axes when
// the values span decades (the AS round trip from 1 to 200 ms, a handoff from
// 0.2 ms to 1.2 s), so a flat method and one that grows with the round trip
// read at a glance.
#include <QString>
#include <QVector>
#include <vector>

class QCustomPlot;

namespace rs::ui {

struct SweepSeries {
  QString name;
  QVector<double> x;  // the swept value
  QVector<double> y;  // milliseconds
};

// Returns the number of series drawn (those with at least one point).
std::size_t plotSweep(QCustomPlot& plot, const std::vector<SweepSeries>& series, const QString& xLabel,
                      const QString& yLabel);

}  // namespace rs::ui
