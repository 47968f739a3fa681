// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which stations are associated with which AP, so that an AP's Beacon or Probe
// Response reaches only the stations it can matter to: those associated with
// another AP of the same ESS (the sticky-client watch compares the two). Asking
// every station about every beacon cost a directory lookup per station per
// beacon; this costs one per AP that has stations. Memory: one entry per AP
// with associated stations, one pointer per station.
#include <optional>
#include <vector>

#include "core/analysis/roam/ap_directory.h"
#include "dissectors/common/mac_address.h"

namespace rs::roam {

class StationTracker;

class EssMembers {
 public:
  // `station` is now associated with `now` (null: with no AP). `filedUnder` is the caller's note of where the
  // station was filed (nullopt: nowhere); it is updated. Call it when the station's association changed.
  void move(StationTracker* station, std::optional<MacAddress>& filedUnder, const MacAddress* now);

  // Calls f(station, home) for every station associated with an AP other than `a.bssid` whose SSID (as the
  // directory knows it) is `a`'s; `home` is that AP's directory entry.
  template <typename F>
  void forEachOfSameEss(const ApAdvertisement& a, const ApDirectory& directory, F&& f) const {
    if (!a.ssid) return;
    for (const Members& m : aps_) {
      if (m.bssid == a.bssid) continue;
      const ApInfo* home = directory.find(m.bssid);
      if (!home || !home->ssid || *home->ssid != *a.ssid) continue;
      for (StationTracker* s : m.stations) f(*s, *home);
    }
  }

 private:
  struct Members {
    MacAddress bssid;
    std::vector<StationTracker*> stations;
  };
  std::vector<Members> aps_;  // only APs with stations; changed once per (re)association, read per beacon
};

}  // namespace rs::roam
