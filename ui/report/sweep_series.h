// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a sweep plots, read from the sweep's table (its cells as the CSV holds
// them), so the CLI's HTML report and the desktop application's Sweep dock
// draw the same lines: the median handoff (handoff_ms) — for a Mobile IP
// sweep the median registration latency (registration_ms) — against the last
// swept parameter, one series per setting of the other parameters and method
// used ("full → full-802.1x", "dynamic → movement/aaa-dynamic"). Rows without a method (runs with no successful roam)
// are not drawn; when a drawn row's last parameter is not a number there is
// no plot, only the table.
#include <cstddef>

#include "ui/report/sweep_report.h"

namespace rs::ui {

// Sets report.xLabel, yLabel and series from report.header and report.rows, whose first `axisCount`
// columns are the swept parameters (as `simulate --sweep` writes them).
void addSweepSeries(SweepReport& report, std::size_t axisCount);

}  // namespace rs::ui
