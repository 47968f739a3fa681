// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/timeline_node_names.h"

#include "core/sim/topology.h"

namespace rs::ui {

NodeNames nodeNamesOf(const sim::Topology& topology) {
  NodeNames names;
  int rank = 0;
  for (const sim::Node& node : topology.nodes()) {
    const NodeName name{QString::fromStdString(node.name), rank++};
    if (node.mac != MacAddress{}) names.add(NodeAddress::mac(node.mac), name);
    if (node.ipv4) names.add(NodeAddress::ipv4(*node.ipv4), name);
  }
  return names;
}

}  // namespace rs::ui
