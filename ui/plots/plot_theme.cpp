// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/plot_theme.h"

#include <qcustomplot.h>

namespace rs::ui {
namespace {

QList<QCPAxis*> allAxes(QCustomPlot& plot) {
  QList<QCPAxis*> axes;
  for (QCPAxisRect* rect : plot.axisRects()) axes += rect->axes();
  return axes;
}

QList<QCPItemText*> textItems(QCustomPlot& plot) {
  QList<QCPItemText*> texts;
  for (int i = 0; i < plot.itemCount(); ++i)
    if (auto* t = qobject_cast<QCPItemText*>(plot.item(i))) texts += t;
  return texts;
}

}  // namespace

PlotTheme lightPlotTheme() {
  return {QColor(0xff, 0xff, 0xff), QColor(0x20, 0x20, 0x20), QColor(0xdc, 0xdc, 0xdc), QColor(0xff, 0xff, 0xff, 0xe0)};
}

PlotTheme darkPlotTheme() {
  return {QColor(0x1e, 0x1f, 0x22), QColor(0xe0, 0xe0, 0xe0), QColor(0x3c, 0x3e, 0x43), QColor(0x1e, 0x1f, 0x22, 0xe0)};
}

PlotTheme plotThemeFor(const QPalette& palette) {
  // A dark window has light text: compare the lightness of the two instead of trusting a style name.
  const bool dark = palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
  PlotTheme theme = dark ? darkPlotTheme() : lightPlotTheme();
  theme.background = palette.color(QPalette::Base);
  theme.foreground = palette.color(QPalette::Text);
  theme.legendBackground = theme.background;
  theme.legendBackground.setAlpha(0xe0);
  return theme;
}

void applyPlotTheme(QCustomPlot& plot, const PlotTheme& theme) {
  plot.setBackground(QBrush(theme.background));
  for (QCPAxisRect* rect : plot.axisRects()) rect->setBackground(QBrush(theme.background));
  const QPen axisPen(theme.foreground, 1);
  for (QCPAxis* axis : allAxes(plot)) {
    axis->setBasePen(axisPen);
    axis->setTickPen(axisPen);
    axis->setSubTickPen(axisPen);
    axis->setTickLabelColor(theme.foreground);
    axis->setLabelColor(theme.foreground);
    axis->grid()->setPen(QPen(theme.grid, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(theme.grid, 1, Qt::SolidLine));
  }
  plot.legend->setBrush(QBrush(theme.legendBackground));
  plot.legend->setBorderPen(QPen(theme.grid, 1));
  plot.legend->setTextColor(theme.foreground);
  for (QCPItemText* text : textItems(plot)) text->setColor(theme.foreground);
}

void applyPlotFont(QCustomPlot& plot, const QFont& font) {
  plot.setFont(font);
  for (QCPAxis* axis : allAxes(plot)) {
    axis->setTickLabelFont(font);
    axis->setLabelFont(font);
  }
  plot.legend->setFont(font);
  for (QCPItemText* text : textItems(plot)) text->setFont(font);
}

}  // namespace rs::ui
