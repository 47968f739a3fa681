// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sticky client (docs/diagnostics.md): while a station is associated with AP A,
// another AP of the same SSID is heard (Beacon / Probe Response, radiotap signal)
// at least `marginDb` stronger than A, continuously for at least `minDurationNs`.
// The capture's receiver stands in for the station's own view of the air, which
// is what an engineer looking at the capture has too. One watch per station;
// memory is bounded by kMaxCandidates other APs.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/analysis/roam/ap_directory.h"
#include "core/analysis/roam/handoff_record.h"

namespace rs::roam {

struct StickyClientConfig {
  int marginDb = 10;                          // how much stronger the other AP must be
  std::int64_t minDurationNs = 2'000'000'000;  // for how long, without interruption
  // A stronger AP not heard for longer than this ends its run (beacons come every ~102 ms).
  std::int64_t maxGapNs = 1'000'000'000;
};

class StickyClientWatch {
 public:
  static constexpr std::size_t kMaxCandidates = 16;

  explicit StickyClientWatch(const StickyClientConfig& config) : config_(config) {}

  // An advertisement heard while the station is associated with `current`, whose directory entry is `home`
  // (its last known signal from the frames it sent the station is the fallback when none of its beacons was
  // heard). Advertisements of `current` itself or of another ESS are ignored.
  void heard(const ApAdvertisement& a, const MacAddress& current, const ApInfo& home,
             std::optional<int> currentSignalDbm);
  // The station is associated with `current`: a watch of another AP starts over.
  void follow(const MacAddress& current);
  // The station's association changed or ended: start over.
  void reset();
  // The longest run of at least minDurationNs so far, as a "sticky-client" diagnostic.
  std::optional<Diagnostic> finding() const;

 private:
  struct Run {
    MacAddress bssid;
    std::int64_t startNs = 0;
    std::int64_t lastNs = 0;
    int currentDbm = 0;   // A's signal at the last comparison
    int strongerDbm = 0;  // the other AP's at the last comparison
    int minMarginDb = 0;
  };
  void close(const Run& r);
  bool qualifies(const Run& r) const { return r.lastNs - r.startNs >= config_.minDurationNs; }

  StickyClientConfig config_;
  std::optional<MacAddress> watched_;
  std::vector<Run> runs_;   // active runs, one per stronger AP
  std::optional<Run> best_;  // the longest finished qualifying run
};

}  // namespace rs::roam
