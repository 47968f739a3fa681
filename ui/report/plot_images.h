// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's plots as PNG images: the same plot functions the GUI's docks
// call, drawn off screen into a pixmap of a fixed size and scale with a fixed
// font and the light theme, so the bytes do not depend on the desktop.
// QCustomPlot is a widget: a QApplication must exist (the CLI creates one on
// the offscreen platform). Called on another thread, each plot is drawn on the
// GUI thread through a blocking queued call, so that thread must never wait
// for the caller.
#include <QByteArray>
#include <QSize>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/analysis/roam/handoff_record.h"
#include "ui/plots/latency_timeline_plot.h"

class QCustomPlot;

namespace rs::ui {

struct PlotImageFormat {
  QSize logicalSize{880, 380};  // CSS pixels of the <img>
  double scale = 2.0;           // device pixel ratio: the PNG is logicalSize * scale pixels
  QSize pixelSize() const;
};

// Runs `fill` on a fresh off-screen QCustomPlot and returns the PNG.
QByteArray renderPlotPng(const std::function<void(QCustomPlot&)>& fill, const PlotImageFormat& format);

QByteArray latencyTimelinePng(const std::vector<roam::HandoffRecord>& records, roam::Definition definition,
                              const PlotImageFormat& format, TimelineFill* fill = nullptr);
QByteArray latencyCdfPng(const std::vector<roam::HandoffRecord>& records, roam::Definition definition,
                         const PlotImageFormat& format);
QByteArray phaseBreakdownPng(const std::vector<roam::HandoffRecord>& records, const PlotImageFormat& format);

}  // namespace rs::ui
