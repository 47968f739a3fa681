// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Names for the timeline's lanes where the frame source knows its nodes: the
// emulated run's topology gives every node's MAC and IPv4 address, so a lane
// reads "ap2" instead of 02:00:00:00:00:02 and a node seen by its MAC on one
// capture point and by its IPv4 address on another is one lane. Captures
// have no such directory; their lanes are named by address.
#include <QString>
#include <map>

#include "ui/app/timeline_endpoints.h"

namespace rs::sim {
class Topology;
}

namespace rs::ui {

struct NodeName {
  QString name;
  int rank = 0;  // the node's place in the topology: lanes of known nodes are ordered by it
};

class NodeNames {
 public:
  void add(const NodeAddress& address, NodeName name) { names_[address] = std::move(name); }
  const NodeName* find(const NodeAddress& address) const {
    const auto it = names_.find(address);
    return it == names_.end() ? nullptr : &it->second;
  }
  bool empty() const { return names_.empty(); }

 private:
  std::map<NodeAddress, NodeName> names_;
};

// Every node's MAC (when set) and IPv4 address, ranked by node id (the scenario's order: station, APs, servers).
NodeNames nodeNamesOf(const sim::Topology& topology);

}  // namespace rs::ui
