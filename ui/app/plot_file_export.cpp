// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/plot_file_export.h"

#include <qcustomplot.h>

#include <QImage>
#include <QSvgGenerator>
#include <QFile>

#include "core/report/output_file.h"

namespace rs::ui {
namespace {

// Each plot rendered by QCustomPlot itself (toPainter keeps its own layout, legend and theme) into its band.
void paintStacked(QCPPainter& painter, const QList<QCustomPlot*>& plots, QSize size) {
  const int count = static_cast<int>(plots.size());
  int top = 0;
  for (int i = 0; i < count; ++i) {
    const int height = i + 1 == count ? size.height() - top : size.height() / count;
    painter.save();
    painter.translate(0, top);
    plots[i]->toPainter(&painter, size.width(), height);
    painter.restore();
    top += height;
  }
}

std::optional<QString> savePng(const QList<QCustomPlot*>& plots, const QString& path, QSize size) {
  QImage image(size, QImage::Format_ARGB32);
  image.fill(Qt::white);
  {
    QCPPainter painter(&image);
    paintStacked(painter, plots, size);
  }
  if (!image.save(path, "PNG"))
    return QStringLiteral("%1: cannot write the image; check that the folder exists and is writable").arg(path);
  return std::nullopt;
}

std::optional<QString> saveSvg(const QList<QCustomPlot*>& plots, const QString& path, QSize size) {
  // QSvgGenerator reports no error when its file cannot be opened: try it first.
  {
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate))
      return QStringLiteral("%1: cannot write the image (%2); choose another folder").arg(path, probe.errorString());
  }
  QSvgGenerator svg;
  svg.setFileName(path);
  svg.setSize(size);
  // The width and height attributes are written in millimetres from this resolution: at CSS's 96 dpi a
  // browser or a vector editor shows the drawing at `size` pixels.
  svg.setResolution(96);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setTitle(QStringLiteral("RoamScope latency plot"));
  svg.setDescription(QStringLiteral("Made by RoamScope"));
  QCPPainter painter;
  if (!painter.begin(&svg)) return QStringLiteral("%1: cannot start the SVG image").arg(path);
  paintStacked(painter, plots, size);
  painter.end();
  return std::nullopt;
}

}  // namespace

QString plotFileFilter() { return QStringLiteral("PNG image (*.png);;SVG image (*.svg)"); }

std::optional<QString> savePlotsImage(const QList<QCustomPlot*>& plots, const QString& path, QSize size) {
  if (plots.isEmpty()) return QStringLiteral("no plot to export: open a tab of the Latency plots dock");
  if (size.width() < 16 || size.height() < 16)
    return QStringLiteral("%1×%2 pixels is too small for a plot").arg(size.width()).arg(size.height());
  const std::string file = path.toStdString();
  if (hasExtension(file, ".png")) return savePng(plots, path, size);
  if (hasExtension(file, ".svg")) return saveSvg(plots, path, size);
  return QStringLiteral("%1: choose a name ending in .png or .svg (the format follows the extension)").arg(path);
}

}  // namespace rs::ui
