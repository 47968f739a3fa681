// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/roam_analyzer.h"

#include <algorithm>

#include "core/analysis/roam/ft_not_used.h"
#include "core/analysis/roam/key_anomalies.h"
#include "core/analysis/roam/latency_budget.h"

namespace rs::roam {

RoamAnalyzer::RoamAnalyzer(KeyRing* keys, TrackerConfig config) : config_(config) {
  if (keys && !keys->empty()) handshakes_.emplace(*keys);
}

void RoamAnalyzer::observe(const FrameView& frame) {
  // Keys first: a protected group key handshake decrypts with the PTK this pass just derived.
  if (handshakes_) handshakes_->observe(frame);
  // The station's IP traffic and ARP, decrypted with those keys when needed, for the data-plane gap of each roam.
  const WlanFrame wlan = WlanFrame::locate(frame);
  gaps_.observe(frame, wlan, handshakes());
  attachDataPlaneGaps();
  // What APs advertise, and how strongly they are heard, feeds the diagnostics: the directory, and the
  // sticky-client watch of the stations associated in the same ESS.
  if (const auto adv = decodeApAdvertisement(frame, wlan)) {
    directory_.learn(*adv);
    if (adv->beaconOrProbeResponse)
      essMembers_.forEachOfSameEss(*adv, directory_,
                                   [&](StationTracker& tracker, const ApInfo& home) { tracker.hear(*adv, home); });
  }
  if (wlan.mpdu.empty()) {
    // Wired frames: RADIUS exchanges join the running attempt of the station they name.
    if (auto x = radius_.observe(frame); x && (!staFilter_ || x->first == *staFilter_))
      if (auto it = stationIndex_.find(x->first); it != stationIndex_.end())
        it->second.tracker->addExchange(std::move(x->second));
    return;
  }
  const auto event = decodeRoamEvent(frame, wlan, handshakes());
  if (!event || (staFilter_ && event->sta != *staFilter_)) return;
  StationSlot& slot = stationIndex_[event->sta];
  if (!slot.tracker) slot.tracker = &stations_.emplace(event->sta, StationTracker(event->sta, config_)).first->second;
  const std::size_t before = records_.size();
  slot.tracker->observe(*event, records_);
  // A (re)association, a completed handshake or a deauthentication moves the station to another AP's list.
  if (slot.tracker->associationChanges() != slot.filedAtChange) {
    slot.filedAtChange = slot.tracker->associationChanges();
    essMembers_.move(slot.tracker, slot.filedUnder, slot.tracker->associatedWith());
  }
  collect(before);
}

void RoamAnalyzer::finish() {
  const std::size_t before = records_.size();
  for (auto& [sta, tracker] : stations_) tracker.finish(records_);
  collect(before);
  gaps_.finish();
  attachDataPlaneGaps();
}

// Key verdicts, budget class and the diagnostics that need the APs' advertisements, for newly finished records.
void RoamAnalyzer::collect(std::size_t from) {
  for (std::size_t i = from; i < records_.size(); ++i) {
    HandoffRecord& r = records_[i];
    if (handshakes_) checkKeys(r);
    r.budget = classify(config_.budget, r);
    if (r.budget) {
      if (auto over = overBudgetDiagnostic(config_.budget, *r.budget)) r.diagnostics.push_back(std::move(*over));
    }
    if (auto ft = ftAdvertisedNotUsed(r, directory_)) r.diagnostics.push_back(std::move(*ft));
    gaps_.watch(i, r);
  }
}

// By the time a record is finished its last key frame has been observed, so message 2's verdict
// (written back when message 3 arrives without message 1) is already known.
void RoamAnalyzer::checkKeys(HandoffRecord& r) const {
  for (std::uint64_t frame : r.keyFrames) {
    const KeyFrameCheck* c = handshakes_->check(frame);
    if (!c || !c->micValid) continue;
    r.micsVerified = r.micsVerified.value_or(true) && *c->micValid;
  }
  // In an FT reassociation request the PMKID field holds PMKR1Name (IEEE 802.11-2016 13.8.4), which is
  // not a PMKSA's PMKID: checking it as one would report a false mismatch.
  const bool ft = r.method == Method::FtOverAir || r.method == Method::FtOverDs;
  if (r.requestFrame && !ft) {
    if (const auto* checks = handshakes_->rsnePmkidChecks(*r.requestFrame)) {
      for (const PmkidCheck& c : *checks) r.pmkidValid = r.pmkidValid.value_or(false) || c.valid;
    }
  }
  for (Diagnostic& d : keyAnomalyDiagnostics(r, *handshakes_)) r.diagnostics.push_back(std::move(d));
}

void RoamAnalyzer::attachDataPlaneGaps() {
  for (auto& [index, diagnostic] : gaps_.takeReady()) records_[index].diagnostics.push_back(std::move(diagnostic));
}

std::vector<HandoffRecord> RoamAnalyzer::recordsByTime() const {
  std::vector<HandoffRecord> sorted = records_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const HandoffRecord& a, const HandoffRecord& b) { return a.startNs < b.startNs; });
  return sorted;
}

}  // namespace rs::roam
