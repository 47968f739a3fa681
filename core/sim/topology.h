// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The nodes of a run and where they are. A node with a mobility path is
// wherever its path says at the asked time; other nodes stay at their position.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sim/mobility.h"
#include "core/sim/node.h"

namespace rs::sim {

class Topology {
 public:
  // Adds a node and returns its id (0, 1, ... in call order); `node.id` is ignored.
  NodeId addNode(Node node);
  std::size_t size() const { return nodes_.size(); }
  const Node& node(NodeId id) const { return nodes_.at(id); }
  Node& node(NodeId id) { return nodes_.at(id); }
  const std::vector<Node>& nodes() const { return nodes_; }
  std::optional<NodeId> find(std::string_view name) const;
  // Nodes of one role, in id order.
  std::vector<NodeId> withRole(NodeRole role) const;

  void setPath(NodeId id, WaypointPath path);
  const WaypointPath* path(NodeId id) const;
  Position positionAt(NodeId id, SimTime t) const;

 private:
  std::vector<Node> nodes_;
  std::vector<WaypointPath> paths_;  // parallel to nodes_, empty path = stationary
};

}  // namespace rs::sim
