// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A node walking a path: it starts at the first waypoint at `start`, pauses
// there for that waypoint's pause, then walks in a straight line to the next
// waypoint at the next waypoint's speed, pauses, and so on; after the last
// waypoint it stays put. Position is a pure function of time, so no event is
// needed to move a node and any model can ask "where is it now?".
#include <vector>

#include "core/sim/node.h"
#include "core/sim/sim_time.h"

namespace rs::sim {

struct Waypoint {
  Position position;
  double speedMps = 1.0;  // on the leg that ends here (ignored on the first waypoint)
  SimTime pause = 0;      // time spent standing here before the next leg
};

class WaypointPath {
 public:
  WaypointPath() = default;
  // Waypoints with a speed <= 0 on an arriving leg are rejected by the
  // scenario loader; here such a leg is treated as instantaneous.
  WaypointPath(SimTime start, std::vector<Waypoint> waypoints);

  bool empty() const { return waypoints_.empty(); }
  const std::vector<Waypoint>& waypoints() const { return waypoints_; }
  // Where the node is at time t (the first waypoint before `start`).
  Position position(SimTime t) const;
  // When the node reaches the last waypoint (end of its last leg, before its pause).
  SimTime arrival() const;

 private:
  struct Leg {
    SimTime departure = 0;  // leaves waypoint i-1
    SimTime arrival = 0;    // reaches waypoint i
  };
  SimTime start_ = 0;
  std::vector<Waypoint> waypoints_;
  std::vector<Leg> legs_;  // legs_[i] ends at waypoints_[i + 1]
};

}  // namespace rs::sim
