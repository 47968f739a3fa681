// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The roam report as the desktop application writes it, from whatever found
// the records: the emulator's ground truth (as `roamscope-cli simulate
// --report`) or the roam analysis of opened captures (as `roamscope-cli
// analyze --report`). The format comes from the file's extension: JSON, CSV,
// HTML (docs/report-format.md) or PDF (the HTML page printed through Qt's
// print support).
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "capture/merge/clock_offset_estimator.h"
#include "core/analysis/roam/roam_report.h"

namespace rs::ui {

// How the clocks of the analysed captures were aligned, as `analyze` reports it.
struct ReportClocks {
  // Several files merged with estimated clock offsets; nullopt for one file or files merged on their own clocks.
  std::optional<ClockOffsetEstimate> estimate;
  std::vector<std::string> names;  // the files in input order, as the offsets name them
};

struct ReportExtras {
  // Set for captures: the JSON gets "clock_offsets" (null without an estimate) and the HTML and PDF the
  // clock-offset sentences `analyze` prints. Unset for an emulated run, whose report (as `simulate
  // --report`) has no clock_offsets key.
  std::optional<ReportClocks> clocks;
};

// The extensions exportRoamReport understands, for file dialogs: "HTML (*.html);;PDF (*.pdf);;…".
QString reportFileFilter();

// Writes the report on `records` (in the order the table shows them) to `path`. nullopt on success, else
// what went wrong and what to do about it, for the status bar; nothing is written for an unknown extension.
std::optional<QString> exportRoamReport(const std::vector<roam::HandoffRecord>& records,
                                        const roam::ReportContext& context, const QString& path,
                                        const ReportExtras& extras = {});

}  // namespace rs::ui
