// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report of a parameter sweep (`simulate --sweep ... --sweep-out OUT.html`)
// as one self-contained HTML file: what was swept and how it was run, the
// plot of the median handoff against the last swept parameter (one line per
// setting of the others and method used), and the table of every run.
// Like the roam report: no scripts, no external resources, no timestamp.
#include <string>
#include <vector>

#include "ui/plots/sweep_plot.h"
#include "ui/report/plot_images.h"

namespace rs::ui {

struct SweepReport {
  std::string scenario;                  // the scenario file
  std::vector<std::string> axes;         // "KEY=V1,V2,..." as given
  std::vector<std::string> header;       // the table's columns
  std::vector<std::vector<std::string>> rows;
  QString xLabel;                        // the plotted parameter
  QString yLabel;
  std::vector<SweepSeries> series;       // empty: the table only
};

// A QApplication must exist (the plots are drawn off screen).
std::string sweepReportHtml(const SweepReport& report, const PlotImageFormat& format = {});

}  // namespace rs::ui
