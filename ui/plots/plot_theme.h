// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Colours of a plot's frame (background, axes, text, grid) for a light or a
// dark surroundings. The data colours come from plot_palette.h and stay the
// same in both themes; only the frame follows the theme.
#include <QColor>
#include <QFont>
#include <QPalette>

class QCustomPlot;

namespace rs::ui {

struct PlotTheme {
  QColor background;
  QColor foreground;  // axes, tick labels, axis labels, legend text, "no handoffs"
  QColor grid;
  QColor legendBackground;
};

PlotTheme lightPlotTheme();
PlotTheme darkPlotTheme();
// The theme matching a widget palette (the GUI follows the desktop's light or dark mode).
PlotTheme plotThemeFor(const QPalette& palette);

// Recolours everything already in the plot; the plot functions read the
// foreground back from the axes, so a theme applied before or after them holds.
void applyPlotTheme(QCustomPlot& plot, const PlotTheme& theme);
// One font for tick labels, axis labels, legend and notes (the report fixes it
// so the rendered images do not depend on the desktop's font settings).
void applyPlotFont(QCustomPlot& plot, const QFont& font);

}  // namespace rs::ui
