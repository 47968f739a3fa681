// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/mobility.h"

#include <algorithm>

namespace rs::sim {

WaypointPath::WaypointPath(SimTime start, std::vector<Waypoint> waypoints)
    : start_(start), waypoints_(std::move(waypoints)) {
  if (waypoints_.empty()) return;
  SimTime t = start_ + waypoints_.front().pause;
  for (std::size_t i = 1; i < waypoints_.size(); ++i) {
    const Waypoint& to = waypoints_[i];
    const double metres = distance(waypoints_[i - 1].position, to.position);
    const SimTime travel = to.speedMps > 0 ? fromSeconds(metres / to.speedMps) : 0;
    legs_.push_back(Leg{t, t + travel});
    t += travel + to.pause;
  }
}

SimTime WaypointPath::arrival() const { return legs_.empty() ? start_ : legs_.back().arrival; }

Position WaypointPath::position(SimTime t) const {
  if (waypoints_.empty()) return {};
  // The first leg whose arrival is not before t; earlier legs are behind us.
  const auto leg =
      std::lower_bound(legs_.begin(), legs_.end(), t, [](const Leg& l, SimTime value) { return l.arrival < value; });
  if (leg == legs_.end()) return waypoints_.back().position;
  const std::size_t i = static_cast<std::size_t>(leg - legs_.begin());
  const Position& from = waypoints_[i].position;
  const Position& to = waypoints_[i + 1].position;
  if (t <= leg->departure) return from;  // still pausing at `from` (or before the start)
  const double f = static_cast<double>(t - leg->departure) / static_cast<double>(leg->arrival - leg->departure);
  return Position{from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f, from.z + (to.z - from.z) * f};
}

}  // namespace rs::sim
