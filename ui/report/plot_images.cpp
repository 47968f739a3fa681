// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/plot_images.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>
#include <QImage>
#include <cmath>

#include "ui/plots/latency_cdf_plot.h"
#include "ui/plots/phase_breakdown_plot.h"
#include "ui/plots/plot_theme.h"

namespace rs::ui {
namespace {

QFont reportFont() {
  // A pixel size, not points: the image must not change with the screen's DPI.
  QFont font(QStringLiteral("sans-serif"));
  font.setStyleHint(QFont::SansSerif);
  font.setPixelSize(13);
  return font;
}

}  // namespace

QSize PlotImageFormat::pixelSize() const {
  return {static_cast<int>(std::lround(logicalSize.width() * scale)),
          static_cast<int>(std::lround(logicalSize.height() * scale))};
}

QByteArray renderPlotPng(const std::function<void(QCustomPlot&)>& fill, const PlotImageFormat& format) {
  // QCustomPlot is a widget and lives on the GUI thread only. A report written on a worker thread (the desktop
  // application exports in the background) has each plot drawn there, one plot per queued call, so the
  // window keeps handling its events between plots.
  if (QCoreApplication::instance() && QThread::currentThread() != QCoreApplication::instance()->thread()) {
    QByteArray png;
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [&] { png = renderPlotPng(fill, format); }, Qt::BlockingQueuedConnection);
    return png;
  }
  QCustomPlot plot;
  plot.resize(format.logicalSize);
  fill(plot);
  // After the fill: theme and font reach the legend entries and notes it created.
  applyPlotTheme(plot, lightPlotTheme());
  applyPlotFont(plot, reportFont());
  const QPixmap pixmap = plot.toPixmap(format.logicalSize.width(), format.logicalSize.height(), format.scale);
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  if (!pixmap.toImage().save(&buffer, "PNG")) return {};
  return png;
}

QByteArray latencyTimelinePng(const std::vector<roam::HandoffRecord>& records, roam::Definition definition,
                              const PlotImageFormat& format, TimelineFill* fill) {
  return renderPlotPng(
      [&](QCustomPlot& plot) {
        const TimelineFill result = plotLatencyTimeline(plot, records, definition);
        if (fill) *fill = result;
      },
      format);
}

QByteArray latencyCdfPng(const std::vector<roam::HandoffRecord>& records, roam::Definition definition,
                         const PlotImageFormat& format) {
  return renderPlotPng([&](QCustomPlot& plot) { plotLatencyCdf(plot, records, definition); }, format);
}

QByteArray phaseBreakdownPng(const std::vector<roam::HandoffRecord>& records, const PlotImageFormat& format) {
  return renderPlotPng([&](QCustomPlot& plot) { plotPhaseBreakdown(plot, records); }, format);
}

}  // namespace rs::ui
