// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/plot_frame.h"

#include <qcustomplot.h>

namespace rs::ui {
namespace {

// Entries per legend row before it wraps: nine methods with their failure graphs would not fit in one.
constexpr int kLegendColumns = 6;

}  // namespace

void resetPlot(QCustomPlot& plot) {
  plot.clearPlottables();
  plot.clearItems();
  plot.xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  plot.yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  plot.xAxis->setScaleType(QCPAxis::stLinear);  // a plot that went logarithmic (registration_plots.cpp) goes back
  plot.yAxis->setScaleType(QCPAxis::stLinear);
  plot.xAxis->setRange(0, 1);
  plot.yAxis->setRange(0, 1);
  plot.legend->setVisible(false);
  // Back into the axis rect's inset layout, where a hidden legend takes no room; drop the row it had.
  QCPLayoutInset* inset = plot.axisRect()->insetLayout();
  if (auto* row = qobject_cast<QCPLayoutGrid*>(plot.legend->layout()); row && row->layout() == plot.plotLayout()) {
    row->take(plot.legend);
    inset->addElement(plot.legend, Qt::AlignTop | Qt::AlignRight);
    plot.plotLayout()->remove(row);
    plot.plotLayout()->simplify();
  }
}

void showLegendBelow(QCustomPlot& plot) {
  if (plot.legend->layout() == plot.axisRect()->insetLayout()) {
    plot.axisRect()->insetLayout()->take(plot.legend);
    auto* row = new QCPLayoutGrid;
    plot.plotLayout()->addElement(plot.plotLayout()->rowCount(), 0, row);
    row->setMargins(QMargins(4, 0, 4, 4));
    row->addElement(0, 0, plot.legend);
    plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot.legend->setWrap(kLegendColumns);
    // The row takes only the legend's height; the axis rect gets the rest.
    plot.plotLayout()->setRowStretchFactor(plot.plotLayout()->rowCount() - 1, 0.001);
  }
  plot.legend->setVisible(true);
}

QCPItemText* showPlotNote(QCustomPlot& plot, const QString& text) {
  auto* note = new QCPItemText(&plot);
  note->setClipToAxisRect(false);
  note->position->setType(QCPItemPosition::ptAxisRectRatio);
  note->position->setCoords(0.5, 0.5);
  note->setPositionAlignment(Qt::AlignCenter);
  note->setText(text);
  note->setColor(plot.xAxis->labelColor());
  note->setFont(plot.xAxis->labelFont());
  return note;
}

QString noHandoffsText() { return QStringLiteral("no handoffs"); }

}  // namespace rs::ui
