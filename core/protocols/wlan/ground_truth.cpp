// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/ground_truth.h"

#include <algorithm>
#include <stdexcept>

namespace rs::wlan {

using roam::Definition;
using roam::PhaseKind;

void GroundTruth::scan(const MacAddress& sta, sim::SimTime start, sim::SimTime end, std::vector<int> channels) {
  StationState& s = stations_[sta];
  s.scan = roam::Phase{PhaseKind::Scan, start, end};
  s.scanChannels = std::move(channels);
}

void GroundTruth::begin(const MacAddress& sta, std::optional<roam::Endpoint> from, roam::Endpoint to,
                        roam::Method method, sim::SimTime start) {
  StationState& s = stations_[sta];
  roam::HandoffRecord r;
  r.sta = sta;
  r.from = std::move(from);
  r.to = std::move(to);
  r.method = method;
  r.startNs = start;
  r.endNs = start;
  // The analysis gives an attempt the scan burst that ended at most 2 s before it (docs/latency.md).
  if (s.scan && start - s.scan->endNs <= sim::seconds(2)) {
    r.phases.push_back(*s.scan);
    r.scanChannels = s.scanChannels;
  }
  s.scan.reset();
  for (const auto& p : s.prepared) r.phases.push_back(p);
  s.prepared.clear();
  records_.push_back(std::move(r));
  s.open = records_.size() - 1;
}

roam::HandoffRecord& GroundTruth::openRecord(const MacAddress& sta) {
  StationState& s = stations_[sta];
  if (!s.open) throw std::logic_error("ground truth: no attempt open for " + sta.toString());
  return records_[*s.open];
}

bool GroundTruth::attemptOpen(const MacAddress& sta) const {
  const auto it = stations_.find(sta);
  return it != stations_.end() && it->second.open.has_value();
}

void GroundTruth::phase(const MacAddress& sta, PhaseKind kind, sim::SimTime start, sim::SimTime end) {
  roam::HandoffRecord& r = openRecord(sta);
  for (auto& p : r.phases)
    if (p.kind == kind) {
      p.startNs = std::min(p.startNs, start);
      p.endNs = std::max(p.endNs, end);
      return;
    }
  r.phases.push_back(roam::Phase{kind, start, end});
}

void GroundTruth::preparedPhase(const MacAddress& sta, PhaseKind kind, sim::SimTime start, sim::SimTime end) {
  auto& prepared = stations_[sta].prepared;
  for (auto& p : prepared)
    if (p.kind == kind) {
      p.startNs = std::min(p.startNs, start);
      p.endNs = std::max(p.endNs, end);
      return;
    }
  prepared.push_back(roam::Phase{kind, start, end});
}

void GroundTruth::requestResponse(const MacAddress& sta, sim::SimTime request, sim::SimTime response) {
  openRecord(sta).latencyNs[Definition::RequestToResponse] = response - request;
}

void GroundTruth::setMethod(const MacAddress& sta, roam::Method method) { openRecord(sta).method = method; }

void GroundTruth::complete(const MacAddress& sta, sim::SimTime end) {
  StationState& s = stations_[sta];
  roam::HandoffRecord& r = openRecord(sta);
  r.success = true;
  r.endNs = end;
  const roam::Phase* auth = r.phase(PhaseKind::Authentication);
  const roam::Phase* reassoc = r.phase(PhaseKind::Reassociation);
  const roam::Phase* scan = r.phase(PhaseKind::Scan);
  const roam::Phase* exchange = r.phase(PhaseKind::Seed000Exchange);
  if (r.method == roam::Method::FtOverAir) {
    if (auth) r.latencyNs[Definition::FtAuthToReassocResp] = end - auth->startNs;
  } else if (r.method == roam::Method::Seed000) {
    if (auth) r.latencyNs[Definition::AuthToM4] = end - auth->startNs;
    if (exchange) r.latencyNs[Definition::ReassocToLastKey] = end - exchange->startNs;
  } else if (r.phase(PhaseKind::FourWay)) {
    if (auth) r.latencyNs[Definition::AuthToM4] = end - auth->startNs;
    if (reassoc) r.latencyNs[Definition::ReassocToLastKey] = end - reassoc->startNs;
  }
  if (reassoc) r.latencyNs[Definition::RequestToResponse] = reassoc->endNs - reassoc->startNs;
  if (scan) r.latencyNs[Definition::TotalWithScan] = end - scan->startNs;
  // A roam's data-to-data waits for the first data frame through the new AP; a join has none.
  s.awaitingData = r.from && s.lastData ? s.open : std::nullopt;
  s.bssid = r.to.bssid;
  s.open.reset();
}

void GroundTruth::fail(const MacAddress& sta, sim::SimTime end, std::string stage, std::optional<std::uint16_t> code,
                       std::string reason) {
  StationState& s = stations_[sta];
  roam::HandoffRecord& r = openRecord(sta);
  r.success = false;
  r.endNs = end;
  r.failure = roam::Failure{std::move(stage), code, std::move(reason)};
  s.open.reset();
}

void GroundTruth::data(const MacAddress& sta, const MacAddress& bssid, sim::SimTime start) {
  StationState& s = stations_[sta];
  if (s.bssid != bssid) return;  // through an AP the station is no longer (or not yet) associated with
  if (s.awaitingData && !s.open) {
    roam::HandoffRecord& r = records_[*s.awaitingData];
    if (s.lastData) r.latencyNs[Definition::DataToData] = start - *s.lastData;
    s.awaitingData.reset();
  }
  s.lastData = start;
}

void GroundTruth::finish(sim::SimTime end) {
  for (auto& [sta, s] : stations_)
    if (s.open) fail(sta, end, "incomplete", std::nullopt, "the run ended before the attempt completed");
}

}  // namespace rs::wlan
