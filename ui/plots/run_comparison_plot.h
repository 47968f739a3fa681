// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Two runs on the same axes (issue 5: "full 802.1X against seed 000 on the
// same walk"): a pinned copy of an earlier run and the current one. Colour
// still names the method (plot_palette.h), so a method looks the same as in
// every other plot; the run is told apart by the marker and line style —
// the pinned run hollow and dashed, the current one filled and solid — and
// every legend entry starts with the run's label.
#include <QString>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/analysis/roam/handoff_record.h"

class QCustomPlot;

namespace rs::ui {

struct ComparedRun {
  QString label;                                      // scenario or capture file name
  const std::vector<roam::HandoffRecord>* records{};  // handoff records (not handshake-only ones)
  std::int64_t originNs = 0;                          // x = 0 of this run (its source's time origin)
};

// The legend name of run `run`'s graph `graphName` ("wlan-8021x-full (pinned): full-802.1x").
QString comparedGraphName(const QString& runLabel, const QString& graphName);

// Latency per handoff over time of both runs, each run's x counted from its own origin (the same walk
// starts at the same time): per run and method one graph of the successful handoffs at their latency
// under `definition`, then "… failed (attempt duration)" when the method has failed attempts, pinned run
// first. Returns the number of graphs.
std::size_t plotTimelineComparison(QCustomPlot& plot, const ComparedRun& pinned, const ComparedRun& current,
                                   roam::Definition definition);

// The cumulative distribution per method of both runs (empiricalCdf steps, as plotLatencyCdf draws them):
// one graph per run and method with a latency under `definition`, pinned run first. Returns the number of graphs.
std::size_t plotCdfComparison(QCustomPlot& plot, const ComparedRun& pinned, const ComparedRun& current,
                              roam::Definition definition);

}  // namespace rs::ui
