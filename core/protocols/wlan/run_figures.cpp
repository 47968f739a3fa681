// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/run_figures.h"

#include <algorithm>

#include "core/analysis/roam/latency_summary.h"

namespace rs::wlan {
namespace {

std::optional<std::int64_t> median(std::vector<std::int64_t> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  return roam::nearestRankPercentile(v, 50);
}

}  // namespace

RunFigures runFigures(const std::vector<roam::HandoffRecord>& records, const WlanRunSummary& summary) {
  RunFigures f;
  struct Samples {
    std::vector<std::int64_t> handoff, preparation;
    std::map<roam::Definition, std::vector<std::int64_t>> latency;
  };
  std::map<std::string, Samples> byMethod;
  for (const auto& r : records) {
    if (!r.from) continue;  // a join, not a roam
    ++f.roams;
    if (!r.success) {
      ++f.roamsFailed;
      continue;
    }
    Samples& s = byMethod[std::string(roam::methodName(r.method))];
    s.handoff.push_back(r.endNs - r.startNs);
    // Phases that ended before the attempt's first frame were prepared through the old AP.
    std::int64_t prepStart = r.startNs;
    for (const auto& p : r.phases)
      if (p.kind != roam::PhaseKind::Scan && p.endNs <= r.startNs) prepStart = std::min(prepStart, p.startNs);
    if (prepStart < r.startNs) s.preparation.push_back(r.startNs - prepStart);
    for (const auto& [d, ns] : r.latencyNs) s.latency[d].push_back(ns);
  }
  for (auto& [name, s] : byMethod) {
    MethodFigures m;
    m.method = name;
    m.roams = s.handoff.size();
    m.handoffNs = *median(s.handoff);
    m.preparationNs = median(s.preparation);
    if (!s.preparation.empty()) m.preparationMaxNs = *std::max_element(s.preparation.begin(), s.preparation.end());
    for (auto& [d, v] : s.latency) m.latencyNs[d] = *median(v);
    f.methods.push_back(std::move(m));
  }
  std::uint64_t uplinkSent = 0, uplinkSkipped = 0, downlinkReceived = 0;
  for (const auto& s : summary.stations) {
    uplinkSent += s.uplinkSent;
    uplinkSkipped += s.uplinkSkipped;
    downlinkReceived += s.downlinkReceived;
  }
  f.voiceOffered = uplinkSent + uplinkSkipped + summary.server.downlinkSent;
  const std::uint64_t delivered = summary.server.uplinkReceived + downlinkReceived;
  f.voiceLost = f.voiceOffered > delivered ? f.voiceOffered - delivered : 0;
  f.events = summary.events;
  return f;
}

}  // namespace rs::wlan
