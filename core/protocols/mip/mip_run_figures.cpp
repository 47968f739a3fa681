// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/mip_run_figures.h"

#include <algorithm>
#include <map>

#include "core/analysis/roam/latency_summary.h"

namespace rs::mip {

wlan::RunFigures runFigures(const std::vector<mipreg::RegistrationRecord>& records, const MipRunSummary& summary) {
  wlan::RunFigures f;
  std::map<std::string, std::vector<std::int64_t>> byKind;
  for (const auto& r : records) {
    if (r.trigger == mipreg::Trigger::Replayed) continue;  // an attacker's, not the mobile's
    ++f.roams;
    const auto latency = r.latencyNs.find(mipreg::Figure::Registration);
    if (!r.success || latency == r.latencyNs.end()) {
      ++f.roamsFailed;
      continue;
    }
    byKind[std::string(mipreg::triggerName(r.trigger)) + "/" + std::string(mipreg::authName(r.auth))].push_back(
        latency->second);
  }
  for (auto& [name, values] : byKind) {
    std::sort(values.begin(), values.end());
    wlan::MethodFigures m;
    m.method = name;
    m.roams = values.size();
    m.handoffNs = roam::nearestRankPercentile(values, 50);
    f.methods.push_back(std::move(m));
  }
  f.events = summary.events;
  return f;
}

}  // namespace rs::mip
