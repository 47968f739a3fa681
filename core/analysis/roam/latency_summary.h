// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-method statistics of the handoff records (docs/report-format.md
// "summary"): counts and, per latency definition, min / median / p90 / p99 /
// max over the successful handoffs. Percentiles use the nearest-rank method,
// so every figure is the latency of a real handoff, never an interpolation.
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "core/analysis/roam/handoff_record.h"

namespace rs::roam {

struct LatencyStats {
  std::size_t count = 0;
  std::int64_t minNs = 0, medianNs = 0, p90Ns = 0, p99Ns = 0, maxNs = 0;
};

struct MethodSummary {
  Method method = Method::Open;
  std::size_t handoffs = 0;
  std::size_t succeeded = 0;
  std::size_t failed = 0;
  std::map<Definition, LatencyStats> latency;
};

// The p-th percentile (0 < p <= 100) of sorted values by nearest rank: the value at rank ceil(p/100 * n).
std::int64_t nearestRankPercentile(const std::vector<std::int64_t>& sorted, int p);
LatencyStats latencyStats(std::vector<std::int64_t> values);
// One entry per method that occurs, in Method order.
std::vector<MethodSummary> summarizeByMethod(const std::vector<HandoffRecord>& records);

}  // namespace rs::roam
