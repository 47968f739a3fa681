// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the time of each handoff went: one stacked bar per handoff attempt
// (failed ones included), one segment per phase (scan, authentication,
// ft-action, reassociation, eap, four-way, group-key), the segment's height
// the phase's duration. The bar's height is the sum of the phases, not the
// wall time of the attempt: gaps between phases are not drawn.
#include <cstddef>
#include <vector>

#include "core/analysis/roam/handoff_record.h"

class QCustomPlot;

namespace rs::ui {

// Fills `plot` (cleared first): one QCPBars per phase kind that occurs, in
// PhaseKind order from the bottom up, each stacked on the previous one, named
// after the phase. x = the attempt's number in `records` (1, 2, ...), as in
// the report's table; a failed attempt's tick label carries a "✗". Returns the
// number of bar sets.
std::size_t plotPhaseBreakdown(QCustomPlot& plot, const std::vector<roam::HandoffRecord>& records);

}  // namespace rs::ui
