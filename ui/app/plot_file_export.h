// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A plot of the Latency plots dock as a file: PNG (pixels) or SVG (vectors,
// for papers and slides), by the file's extension. A tab with several plots
// (the comparison) is written as one image with the plots stacked top to
// bottom: one file holds what the tab shows, in the shape of a figure.
#include <QList>
#include <QSize>
#include <QString>
#include <optional>

class QCustomPlot;

namespace rs::ui {

// For file dialogs: "PNG image (*.png);;SVG image (*.svg)".
QString plotFileFilter();

// Draws `plots` into `path` at `size` pixels (PNG) or user units (SVG), each plot getting an equal share of
// the height. nullopt on success, else what went wrong and what to do about it, for the status bar.
std::optional<QString> savePlotsImage(const QList<QCustomPlot*>& plots, const QString& path, QSize size);

}  // namespace rs::ui
