// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the nodes of the emulated Mobile IP network share: the run, the
// settings, the ground truth, and the address plan. Addresses are static (no
// ARP on the wire): every node's MAC is known from the scenario, and each
// agent's subnet is its address under the settings' prefix length, so an
// address on the backbone resolves to the node that holds it or to the agent
// that routes its subnet (a mobile's home address: its home agent's).
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/protocols/mip/mip_settings.h"
#include "core/sim/simulation.h"
#include "dissectors/common/mac_address.h"

namespace rs::mip {

class RegistrationTruth;

// The UDP port an agent's RADIUS client sends from (any unprivileged one; replies come back to it).
inline constexpr std::uint16_t kAaaClientPort = 50000;

class MipWorld {
 public:
  MipWorld(sim::Simulation& sim, const MipSettings& settings, RegistrationTruth& truth);

  sim::Simulation& sim;
  const MipSettings& settings;
  RegistrationTruth& truth;

  const sim::Node& node(sim::NodeId id) const { return sim.topology().node(id); }
  bool sameSubnet(std::uint32_t a, std::uint32_t b) const;
  // The backbone MAC a frame to `address` goes to: the node holding it, else
  // the agent whose subnet contains it; nullopt when nothing routes it.
  std::optional<MacAddress> backboneNextHop(std::uint32_t address) const;
  // An agent's links: the one toward the backbone switch, and the others (its subnets or home links).
  // Throws std::invalid_argument naming `what` ("foreign agent fa1") when the node has no address or no
  // backbone link.
  struct AgentLinks {
    std::uint32_t address = 0;
    sim::WiredLink* backbone = nullptr;
    std::vector<sim::WiredLink*> access;
  };
  AgentLinks agentLinks(sim::NodeId agent, std::string_view what) const;
  // The settings of the mobile whose home address is `homeAddress`, or null.
  const MobileSettings* mobileByHomeAddress(std::uint32_t homeAddress) const;
  // The mobile's home address (its node's ipv4).
  std::uint32_t homeAddress(const MobileSettings& mobile) const { return *node(mobile.node).ipv4; }
  // The Identification (RFC 3344 5.7, NTP format) of a clock `offsetNs` off the emulation's at now().
  std::uint64_t ntpNow(std::int64_t offsetNs = 0) const;

  // When the embedded AAA server put its reply to (client address, port, RADIUS Identifier) on its link:
  // the ground truth times the answer on the sender's link, like every other message.
  void noteAaaReply(std::uint32_t client, std::uint16_t port, std::uint8_t identifier, sim::SimTime firstBit);
  std::optional<sim::SimTime> aaaReplySent(std::uint32_t client, std::uint16_t port, std::uint8_t identifier) const;

 private:
  std::uint32_t mask_;
  // Built once (the topology does not change during a run): routing is on every relayed frame.
  std::map<std::uint32_t, MacAddress> hosts_;           // address -> MAC of every node but the mobiles
  std::vector<std::pair<std::uint32_t, MacAddress>> agents_;  // (address, MAC) of every HA and FA
  std::map<std::uint32_t, const MobileSettings*> mobiles_;    // home address -> settings
  std::map<std::tuple<std::uint32_t, std::uint16_t, std::uint8_t>, sim::SimTime> aaaReplies_;
};

}  // namespace rs::mip
