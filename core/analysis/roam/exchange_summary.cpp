// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/exchange_summary.h"

namespace rs::roam {

std::map<ExchangeKind, ExchangeStats> exchangeStats(const std::vector<HandoffRecord>& records, Method method) {
  std::map<ExchangeKind, std::vector<std::int64_t>> latencies;
  std::map<ExchangeKind, ExchangeStats> out;
  for (const HandoffRecord& r : records) {
    if (r.method != method) continue;
    for (const Exchange& x : r.exchanges) {
      latencies[x.kind].push_back(x.latencyNs());
      out[x.kind].retries += static_cast<std::size_t>(x.retries);
    }
  }
  for (auto& [kind, values] : latencies) out[kind].latency = latencyStats(std::move(values));
  return out;
}

}  // namespace rs::roam
