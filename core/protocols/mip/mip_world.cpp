// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/mip_world.h"

#include <fmt/format.h>

#include <stdexcept>

#include "dissectors/mip/ntp_time.h"

namespace rs::mip {

MipWorld::MipWorld(sim::Simulation& s, const MipSettings& st, RegistrationTruth& t)
    : sim(s), settings(st), truth(t), mask_(st.prefixLength == 0 ? 0 : ~std::uint32_t{0} << (32 - st.prefixLength)) {
  for (const sim::Node& n : sim.topology().nodes()) {
    if (!n.ipv4) continue;
    if (n.role != sim::NodeRole::Station) hosts_.emplace(*n.ipv4, n.mac);
    if (n.role == sim::NodeRole::HomeAgent || n.role == sim::NodeRole::ForeignAgent) agents_.emplace_back(*n.ipv4, n.mac);
  }
  for (const MobileSettings& m : settings.mobiles)
    if (const auto& home = node(m.node).ipv4) mobiles_.emplace(*home, &m);
}

bool MipWorld::sameSubnet(std::uint32_t a, std::uint32_t b) const { return (a & mask_) == (b & mask_); }

std::optional<MacAddress> MipWorld::backboneNextHop(std::uint32_t address) const {
  const auto& nodes = sim.topology().nodes();
  for (const sim::Node& n : nodes)
    if (n.ipv4 == address && n.role != sim::NodeRole::Station) return n.mac;
  for (const sim::Node& n : nodes) {
    const bool agent = n.role == sim::NodeRole::HomeAgent || n.role == sim::NodeRole::ForeignAgent;
    if (agent && n.ipv4 && sameSubnet(*n.ipv4, address)) return n.mac;
  }
  return std::nullopt;
}

MipWorld::AgentLinks MipWorld::agentLinks(sim::NodeId agent, std::string_view what) const {
  AgentLinks links;
  const sim::Node& self = node(agent);
  if (!self.ipv4) throw std::invalid_argument(fmt::format("{}: the node has no IPv4 address", what));
  links.address = *self.ipv4;
  for (sim::WiredLink* link : sim.linksOf(agent)) {
    if (settings.backbone && link->otherEnd(agent) == *settings.backbone)
      links.backbone = link;
    else
      links.access.push_back(link);
  }
  if (!links.backbone) throw std::invalid_argument(fmt::format("{}: no link to the backbone switch", what));
  return links;
}

const MobileSettings* MipWorld::mobileByHomeAddress(std::uint32_t homeAddress) const {
  for (const MobileSettings& m : settings.mobiles)
    if (node(m.node).ipv4 == homeAddress) return &m;
  return nullptr;
}

std::uint64_t MipWorld::ntpNow(std::int64_t offsetNs) const {
  // Virtual time 0 is the Unix epoch, as in the emulated captures' timestamps.
  const std::int64_t ns = sim.now() + offsetNs;
  const std::int64_t seconds = ns >= 0 ? ns / 1'000'000'000 : (ns - 999'999'999) / 1'000'000'000;
  return unixToNtp(seconds, static_cast<std::uint32_t>(ns - seconds * 1'000'000'000));
}

void MipWorld::noteAaaReply(std::uint32_t client, std::uint16_t port, std::uint8_t identifier, sim::SimTime firstBit) {
  aaaReplies_[{client, port, identifier}] = firstBit;  // an Identifier reused later overwrites: only the latest counts
}

std::optional<sim::SimTime> MipWorld::aaaReplySent(std::uint32_t client, std::uint16_t port,
                                                   std::uint8_t identifier) const {
  const auto it = aaaReplies_.find({client, port, identifier});
  return it == aaaReplies_.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace rs::mip
