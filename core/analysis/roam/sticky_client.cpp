// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/sticky_client.h"

#include <algorithm>
#include <fmt/format.h>

namespace rs::roam {

void StickyClientWatch::reset() {
  watched_.reset();
  runs_.clear();
  best_.reset();
}

void StickyClientWatch::close(const Run& r) {
  if (qualifies(r) && (!best_ || r.lastNs - r.startNs > best_->lastNs - best_->startNs)) best_ = r;
}

void StickyClientWatch::follow(const MacAddress& current) {
  if (watched_ != current) {
    reset();
    watched_ = current;
  }
}

void StickyClientWatch::heard(const ApAdvertisement& a, const MacAddress& current, const ApInfo& home,
                              std::optional<int> currentSignalDbm) {
  follow(current);
  if (!a.beaconOrProbeResponse || a.bssid == current || !a.ssid || !a.signalDbm) return;
  if (!home.ssid || *home.ssid != *a.ssid) return;  // another ESS: not a roaming candidate
  const std::optional<int> homeDbm = home.signalDbm ? home.signalDbm : currentSignalDbm;
  if (!homeDbm) return;

  auto it = std::find_if(runs_.begin(), runs_.end(), [&](const Run& r) { return r.bssid == a.bssid; });
  if (it != runs_.end() && a.timestampNs - it->lastNs > config_.maxGapNs) {
    close(*it);
    runs_.erase(it);
    it = runs_.end();
  }
  const int margin = *a.signalDbm - *homeDbm;
  if (margin < config_.marginDb) {
    if (it != runs_.end()) {
      close(*it);
      runs_.erase(it);
    }
    return;
  }
  if (it == runs_.end()) {
    if (runs_.size() >= kMaxCandidates) return;
    runs_.push_back(Run{a.bssid, a.timestampNs, a.timestampNs, *homeDbm, *a.signalDbm, margin});
    return;
  }
  it->lastNs = a.timestampNs;
  it->currentDbm = *homeDbm;
  it->strongerDbm = *a.signalDbm;
  it->minMarginDb = std::min(it->minMarginDb, margin);
}

std::optional<Diagnostic> StickyClientWatch::finding() const {
  std::optional<Run> longest = best_;
  for (const Run& r : runs_)
    if (qualifies(r) && (!longest || r.lastNs - r.startNs > longest->lastNs - longest->startNs)) longest = r;
  if (!longest || !watched_) return std::nullopt;
  const std::int64_t duration = longest->lastNs - longest->startNs;
  Diagnostic d;
  d.kind = "sticky-client";
  d.message = fmt::format("stayed on {} ({} dBm) while {} of the same SSID was heard at {} dBm, at least {} dB "
                          "stronger for {:.3f} s",
                          watched_->toString(), longest->currentDbm, longest->bssid.toString(), longest->strongerDbm,
                          longest->minMarginDb, static_cast<double>(duration) / 1e9);
  d.values = {{"current_bssid", watched_->toString()},
              {"current_rssi_dbm", std::int64_t{longest->currentDbm}},
              {"stronger_bssid", longest->bssid.toString()},
              {"stronger_rssi_dbm", std::int64_t{longest->strongerDbm}},
              {"min_margin_db", std::int64_t{longest->minMarginDb}},
              {"duration_ms", static_cast<double>(duration) / 1e6}};
  return d;
}

}  // namespace rs::roam
