// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/ess_members.h"

#include <algorithm>

namespace rs::roam {

void EssMembers::move(StationTracker* station, std::optional<MacAddress>& filedUnder, const MacAddress* now) {
  if (filedUnder) {
    auto ap = std::find_if(aps_.begin(), aps_.end(), [&](const Members& m) { return m.bssid == *filedUnder; });
    if (ap != aps_.end()) {
      std::erase(ap->stations, station);
      if (ap->stations.empty()) {
        // Order does not matter: each station's watch is independent of the others.
        if (ap != aps_.end() - 1) *ap = std::move(aps_.back());
        aps_.pop_back();
      }
    }
    filedUnder.reset();
  }
  if (!now) return;
  auto ap = std::find_if(aps_.begin(), aps_.end(), [&](const Members& m) { return m.bssid == *now; });
  if (ap == aps_.end()) {
    aps_.push_back(Members{*now, {}});
    ap = aps_.end() - 1;
  }
  ap->stations.push_back(station);
  filedUnder = *now;
}

}  // namespace rs::roam
