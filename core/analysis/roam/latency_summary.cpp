// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/latency_summary.h"

#include <algorithm>

namespace rs::roam {

std::int64_t nearestRankPercentile(const std::vector<std::int64_t>& sorted, int p) {
  if (sorted.empty()) return 0;
  const std::size_t n = sorted.size();
  // rank = ceil(p * n / 100), in integers to stay exact.
  std::size_t rank = (static_cast<std::size_t>(p) * n + 99) / 100;
  rank = std::clamp<std::size_t>(rank, 1, n);
  return sorted[rank - 1];
}

LatencyStats latencyStats(std::vector<std::int64_t> values) {
  LatencyStats s;
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.count = values.size();
  s.minNs = values.front();
  s.maxNs = values.back();
  s.medianNs = nearestRankPercentile(values, 50);
  s.p90Ns = nearestRankPercentile(values, 90);
  s.p99Ns = nearestRankPercentile(values, 99);
  return s;
}

std::vector<MethodSummary> summarizeByMethod(const std::vector<HandoffRecord>& records) {
  std::map<Method, MethodSummary> byMethod;
  std::map<Method, std::map<Definition, std::vector<std::int64_t>>> values;
  for (const HandoffRecord& r : records) {
    MethodSummary& m = byMethod[r.method];
    m.method = r.method;
    ++m.handoffs;
    ++(r.success ? m.succeeded : m.failed);
    for (const auto& [d, ns] : r.latencyNs) values[r.method][d].push_back(ns);
  }
  std::vector<MethodSummary> out;
  for (auto& [method, summary] : byMethod) {
    for (auto& [d, v] : values[method]) summary.latency[d] = latencyStats(std::move(v));
    out.push_back(std::move(summary));
  }
  return out;
}

}  // namespace rs::roam
