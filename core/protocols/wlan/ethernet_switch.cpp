// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/ethernet_switch.h"

#include <fmt/format.h>

#include <memory>

namespace rs::wlan {

namespace {
// Destination and source address: the part of the MAC header a bridge reads.
constexpr std::size_t kAddressBytes = 12;
}  // namespace

EthernetSwitch::EthernetSwitch(sim::Simulation& sim, sim::NodeId node, sim::SimTime forwardingDelay)
    : sim_(sim), node_(node), forwardingDelay_(forwardingDelay), ports_(sim.linksOf(node)) {
  for (std::size_t port = 0; port < ports_.size(); ++port)
    ports_[port]->setReceiver(node_, [this, port](const sim::WireDelivery& d) { receive(port, d); });
}

const sim::WiredLink* EthernetSwitch::portOf(const MacAddress& mac) const {
  const auto port = lookup(mac);
  return port ? ports_[*port] : nullptr;
}

std::optional<std::size_t> EthernetSwitch::lookup(const MacAddress& destination) const {
  const auto it = table_.find(destination);
  if (it == table_.end() || sim_.now() - it->second.lastSeen > kAgeingTime) return std::nullopt;
  return it->second.port;
}

void EthernetSwitch::learn(const MacAddress& source, std::size_t ingress) {
  // 802.1D 7.8: only individual source addresses are learned.
  if (source.isGroup()) return;
  const std::string& switchName = sim_.topology().node(node_).name;
  auto [it, inserted] = table_.try_emplace(source, Entry{ingress, sim_.now()});
  if (inserted) {
    sim_.trace(node_, sim::TraceKind::Info,
               fmt::format("{}: learned {} on {}", switchName, source.toString(), ports_[ingress]->config().name));
    return;
  }
  Entry& entry = it->second;
  if (entry.port != ingress)
    sim_.trace(node_, sim::TraceKind::Info,
               fmt::format("{}: {} moved from {} to {}", switchName, source.toString(),
                           ports_[entry.port]->config().name, ports_[ingress]->config().name));
  entry = Entry{ingress, sim_.now()};
}

void EthernetSwitch::receive(std::size_t ingress, const sim::WireDelivery& delivery) {
  if (delivery.frame.size() < kAddressBytes) {
    ++filtered_;
    sim_.trace(node_, sim::TraceKind::Error,
               fmt::format("{}: dropped a {}-octet runt from {}", sim_.topology().node(node_).name,
                           delivery.frame.size(), ports_[ingress]->config().name));
    return;
  }
  const MacAddress destination = MacAddress::fromView(delivery.frame.first(6));
  learn(MacAddress::fromView(delivery.frame.subspan(6, 6)), ingress);

  if (!destination.isGroup()) {
    if (const auto egress = lookup(destination)) {
      if (*egress == ingress) {  // 802.1D 7.7.1: the destination is on the segment the frame came from
        ++filtered_;
        return;
      }
      ++forwarded_;
      send(*egress, toBytes(delivery.frame));
      return;
    }
  }
  ++flooded_;
  for (std::size_t port = 0; port < ports_.size(); ++port)
    if (port != ingress) send(port, toBytes(delivery.frame));
}

void EthernetSwitch::send(std::size_t egress, Bytes frame) {
  auto shared = std::make_shared<Bytes>(std::move(frame));
  sim_.scheduler().scheduleAfter(
      forwardingDelay_, sim::EventDescriptor{sim::EventKind::Processing, node_, "switch forward"},
      [this, egress, shared] { ports_[egress]->transmit(node_, std::move(*shared), "switch forward"); });
}

}  // namespace rs::wlan
