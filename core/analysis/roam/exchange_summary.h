// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-method statistics of the request → response exchanges (docs/report-format.md
// "summary" → "exchanges_ms"): for each exchange kind, the nearest-rank latency
// statistics over every exchange of the method's handoff records (successful or
// not: an answer's delay does not depend on how the attempt ended) and the
// retries counted before the answers.
#include <cstddef>
#include <map>
#include <vector>

#include "core/analysis/roam/handoff_record.h"
#include "core/analysis/roam/latency_summary.h"

namespace rs::roam {

struct ExchangeStats {
  LatencyStats latency;
  std::size_t retries = 0;  // sum of Exchange::retries
};

// The exchange kinds that occur in the records of `method`, in ExchangeKind order.
std::map<ExchangeKind, ExchangeStats> exchangeStats(const std::vector<HandoffRecord>& records, Method method);

}  // namespace rs::roam
