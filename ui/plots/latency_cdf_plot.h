// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cumulative distribution of latencies per method under one definition:
// for every latency x, the share of the method's successful handoffs that took
// at most x. Drawn as steps, so each rise is one real handoff (or several with
// the same latency), and y runs from 0 to 1.
#include <QVector>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/analysis/roam/handoff_record.h"

class QCustomPlot;

namespace rs::ui {

struct CdfStep {
  double latencyMs = 0;
  double fraction = 0;  // share of values <= latencyMs
};

// The empirical distribution function: one step per distinct value, ascending,
// the last one at 1. Empty input, empty output.
std::vector<CdfStep> empiricalCdf(std::vector<std::int64_t> latenciesNs);

// The points of one CDF graph: a rise from (smallest latency, 0), then one point per empiricalCdf() step,
// for QCPGraph::lsStepLeft (each value held until the next key: F(x) is right-continuous). `values` not empty.
struct CdfCurve {
  QVector<double> latenciesMs;
  QVector<double> fractions;
  double maxMs = 0;
};
CdfCurve cdfCurve(std::vector<std::int64_t> latenciesNs);

// Fills `plot` (cleared first): one graph per method with a latency under
// `definition`, in Method order, named after the method. Each graph starts at
// (smallest latency, 0) and then holds the empiricalCdf() steps. Returns the
// number of graphs.
std::size_t plotLatencyCdf(QCustomPlot& plot, const std::vector<roam::HandoffRecord>& records,
                           roam::Definition definition);

}  // namespace rs::ui
