// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Latency per handoff over time: x = the attempt's start, y = its latency
// under one definition (docs/latency.md), one graph per method. A failed
// attempt has no latency; it is drawn as a cross at its attempt duration
// (first to last frame) in a second graph of its method, so failures show
// where they happened without being mistaken for latencies.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/analysis/roam/handoff_record.h"

class QCustomPlot;

namespace rs::ui {

struct TimelineFill {
  std::int64_t originNs = 0;          // x = 0 (seconds are counted from here)
  std::size_t successes = 0;          // points drawn at their latency
  std::size_t failures = 0;           // crosses drawn at their attempt duration
  std::size_t withoutDefinition = 0;  // successful handoffs the definition does not apply to (not drawn)
};

// Fills `plot` (cleared first). Graphs in Method order: "<method>" for the
// successes, then "<method> failed (attempt duration)" when the method has failed attempts.
// originNs: time zero of the x axis; default the earliest attempt's start.
TimelineFill plotLatencyTimeline(QCustomPlot& plot, const std::vector<roam::HandoffRecord>& records,
                                 roam::Definition definition, std::optional<std::int64_t> originNs = std::nullopt);

}  // namespace rs::ui
