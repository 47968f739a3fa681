// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's plots, embedded as PNG data URIs with captions naming the
// latency definition they use (linked to the glossary), and the glossary.
#include <vector>

#include "core/analysis/roam/roam_report.h"
#include "ui/report/html_writer.h"
#include "ui/report/plot_images.h"

namespace rs::ui {

// The definitions that get a timeline and a CDF (from handoff records): the
// --definition one; else every definition at least one successful handoff has, in report order; with
// none of those, the budget's definition (or reassoc-to-last-key) so the
// report still shows its empty plots.
std::vector<roam::Definition> plottedDefinitions(const std::vector<roam::HandoffRecord>& records,
                                                 const roam::ReportContext& context);

void writeFigures(HtmlWriter& w, const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& context,
                  const PlotImageFormat& format);
void writeGlossary(HtmlWriter& w);

}  // namespace rs::ui
