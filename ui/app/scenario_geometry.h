// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the scenario view draws, computed without widgets (so it is tested on
// its own): where every node of a scenario goes, its wired links, the walk
// paths of the mobile nodes, and which AP each station is associated with at
// a virtual time. Scene coordinates are metres with y pointing down (the
// scenario's y axis flipped), so the view only scales.
//
// Radio nodes (stations, APs) stand where the scenario puts them. Wired-only
// nodes (switches, servers) have no radio, so their position means nothing to
// the run; they are laid out schematically in rows above the APs, one row per
// hop from the nearest AP (AP - switch - RADIUS server), as the distribution
// system connects them.
#include <QLineF>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <map>
#include <optional>
#include <vector>

#include "core/analysis/roam/handoff_record.h"
#include "core/sim/node.h"
#include "core/sim/scenario.h"

namespace rs::ui {

// Metres (x, y) of the scenario -> scene point.
inline QPointF toScene(const sim::Position& p) { return {p.x, -p.y}; }

struct ScenarioLayout {
  struct NodeMark {
    sim::NodeId id = sim::kNoNode;
    QString name;
    sim::NodeRole role = sim::NodeRole::Station;
    QPointF at;                      // scene; a mobile node's start (it moves)
    std::optional<unsigned> channel;  // access points
    bool schematic = false;          // placed by the layout, not by the scenario
  };
  struct LinkMark {
    QString name;
    sim::NodeId a = sim::kNoNode;
    sim::NodeId b = sim::kNoNode;
    sim::SimTime delay = 0;  // one way
  };
  struct PathMark {
    sim::NodeId node = sim::kNoNode;
    QPolygonF waypoints;  // scene
  };
  std::vector<NodeMark> nodes;  // in NodeId order
  std::vector<LinkMark> links;
  std::vector<PathMark> paths;
  QRectF bounds;  // every node and waypoint

  const NodeMark* node(sim::NodeId id) const { return id < nodes.size() ? &nodes[id] : nullptr; }
  const NodeMark* nodeByMac(const MacAddress& mac, const sim::Scenario& scenario) const;
};

ScenarioLayout layoutScenario(const sim::Scenario& scenario);

// The BSSID each station is associated with at `timeNs` by the run's records: the `to` of the last
// successful join or roam that completed by then. A station absent from the map is not associated.
std::map<MacAddress, MacAddress> associationsAt(const std::vector<roam::HandoffRecord>& records, std::int64_t timeNs);
// The target BSSID of each station's attempt still in progress (opened, neither completed nor failed):
// a run's records as they stand now, so only meaningful at the run's current time.
std::map<MacAddress, MacAddress> attemptsInProgress(const std::vector<roam::HandoffRecord>& records);

}  // namespace rs::ui
