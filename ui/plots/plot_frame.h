// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every roam plot does before and around its data: clear what an earlier
// fill left behind (so a dock widget can refill the same QCustomPlot), show
// the legend, and say in the plot itself when there is nothing to draw.
#include <QString>

class QCustomPlot;
class QCPItemText;

namespace rs::ui {

// Removes plottables and items, restores plain numeric tickers on linear axes and hides the
// legend (an empty legend in the layout would squeeze the axis rect to its own
// tiny width). The theme and fonts stay.
void resetPlot(QCustomPlot& plot);

// Shows the legend in a row below the axis rect, wrapped over several lines
// when long: inside the axis rect it would hide data (tall bars, early points).
void showLegendBelow(QCustomPlot& plot);

// A note centred in the axis rect ("no handoffs"), in the axes' text colour.
QCPItemText* showPlotNote(QCustomPlot& plot, const QString& text);

// The note of an empty plot; tests and the GUI look for this text.
QString noHandoffsText();

}  // namespace rs::ui
