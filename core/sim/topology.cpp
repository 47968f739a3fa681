// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/topology.h"

namespace rs::sim {

NodeId Topology::addNode(Node node) {
  node.id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(std::move(node));
  paths_.emplace_back();
  return nodes_.back().id;
}

std::optional<NodeId> Topology::find(std::string_view name) const {
  for (const Node& n : nodes_)
    if (n.name == name) return n.id;
  return std::nullopt;
}

std::vector<NodeId> Topology::withRole(NodeRole role) const {
  std::vector<NodeId> out;
  for (const Node& n : nodes_)
    if (n.role == role) out.push_back(n.id);
  return out;
}

void Topology::setPath(NodeId id, WaypointPath path) { paths_.at(id) = std::move(path); }

const WaypointPath* Topology::path(NodeId id) const {
  const WaypointPath& p = paths_.at(id);
  return p.empty() ? nullptr : &p;
}

Position Topology::positionAt(NodeId id, SimTime t) const {
  const WaypointPath& p = paths_.at(id);
  return p.empty() ? nodes_.at(id).position : p.position(t);
}

}  // namespace rs::sim
