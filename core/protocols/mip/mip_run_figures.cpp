// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/mip_run_figures.h"

#include <algorithm>

#include "core/analysis/roam/latency_summary.h"

namespace rs::mip {

std::vector<mipreg::Figure> sweepHopFigures() {
  std::vector<mipreg::Figure> hops;
  for (mipreg::Figure f : mipreg::kFigures)
    if (f != mipreg::Figure::Registration && f != mipreg::Figure::MovementToRegistered) hops.push_back(f);
  return hops;
}

MipRunFigures runFigures(const std::vector<mipreg::RegistrationRecord>& records, const MipRunSummary& summary) {
  MipRunFigures f;
  std::map<std::string, std::map<mipreg::Figure, std::vector<std::int64_t>>> byKind;
  for (const auto& r : records) {
    if (r.trigger == mipreg::Trigger::Replayed) continue;  // an attacker's, not the mobile's
    ++f.registrations;
    if (!r.success || !r.latencyNs.count(mipreg::Figure::Registration)) {
      ++f.failed;
      continue;
    }
    auto& figures = byKind[std::string(mipreg::triggerName(r.trigger)) + "/" + std::string(mipreg::authName(r.auth))];
    for (const auto& [figure, ns] : r.latencyNs) figures[figure].push_back(ns);
  }
  const std::vector<mipreg::Figure> hops = sweepHopFigures();
  for (auto& [name, figures] : byKind) {
    RegistrationKindFigures k;
    k.kind = name;
    for (auto& [figure, values] : figures) {
      std::sort(values.begin(), values.end());
      const std::int64_t median = roam::nearestRankPercentile(values, 50);
      if (figure == mipreg::Figure::Registration) {
        k.registrations = values.size();
        k.registrationNs = median;
      } else if (std::find(hops.begin(), hops.end(), figure) != hops.end()) {
        k.hopNs[figure] = median;
      }
    }
    f.kinds.push_back(std::move(k));
  }
  f.events = summary.events;
  return f;
}

}  // namespace rs::mip
