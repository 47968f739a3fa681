// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The roam report as one self-contained HTML file (docs/report-format.md,
// "HTML"): the parameters and inputs it was made from, the handoff table,
// per-method statistics and budget classes (the JSON report's figures), the
// plots as embedded PNGs and a glossary of the latency definitions. No
// scripts, no external resources, no generation timestamp: the same inputs
// give the same bytes.
//
// The plots are QCustomPlot widgets drawn off screen: a QApplication must
// exist (QT_QPA_PLATFORM=offscreen is enough).
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/roam/roam_report.h"
#include "ui/report/plot_images.h"

namespace rs::ui {

struct HtmlReportOptions {
  PlotImageFormat plotFormat;
  // How the inputs' clocks were aligned when several files were merged, one sentence per file
  // (capture/merge/clock_offset_report.h: clockOffsetLine); empty: one file, or merged on their own clocks.
  std::vector<std::string> clockOffsetLines;
  // List at most this many records in the per-handoff table (the statistics and plots still cover all of
  // them); unset: every record. The PDF sets it: Qt's text layout of a table grows much faster than its
  // rows, and a 10,000-row table would take minutes and hundreds of pages.
  std::optional<std::size_t> handoffTableRows;
};

// UTF-8 bytes of the document. Inputs are described (size) from context.inputs.
std::string reportHtml(const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& context,
                       const HtmlReportOptions& options = {});

}  // namespace rs::ui
