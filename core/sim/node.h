// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A node of the emulated network: who it is (role), where it is, and its
// addresses. Behaviour lives in the protocol layer (core/protocols/), which
// looks nodes up by id or name.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/sim/event_descriptor.h"
#include "dissectors/common/mac_address.h"

namespace rs::sim {

// The roles of DESIGN.md "Emulation core" (the seeds' vocabulary).
enum class NodeRole : std::uint8_t {
  Station,  // station / mobile node
  AccessPoint,
  AuthenticationServer,  // 802.1X authentication server (RADIUS)
  HomeAgent,
  ForeignAgent,
  HomeAaa,     // AAA server of the home domain
  VisitedAaa,  // AAA server of the visited domain
  DomainController,
  StationaryUnit,
  SaDatabase,
  HamAccessPoint,  // home-agent-managed AP of the HAM/FAM seed
  FamAccessPoint,  // foreign-agent-managed AP of the HAM/FAM seed
  RoamingCoordinator,
  ApplicationServer,
  Switch,  // distribution-system bridge joining wired links
};

// "station", "access-point", ... as written in scenario files.
std::string_view nodeRoleName(NodeRole role);
std::optional<NodeRole> nodeRoleFromName(std::string_view name);
// Every role name, comma-separated, for error messages.
std::string nodeRoleNames();

// Metres in a right-handed plane (z for height).
struct Position {
  double x = 0;
  double y = 0;
  double z = 0;
  bool operator==(const Position&) const = default;
};
double distance(const Position& a, const Position& b);

struct Node {
  NodeId id = kNoNode;
  std::string name;
  NodeRole role = NodeRole::Station;
  Position position;  // where it stands when it has no mobility path
  MacAddress mac;
  std::optional<std::uint32_t> ipv4;  // host order (10.0.0.1 = 0x0a000001)
  // The channel an access point operates on (Simulation::mediumOnChannel finds
  // its medium); stations pick theirs by scanning.
  std::optional<unsigned> channel;
};

// "10.0.0.1" <-> 0x0a000001; nullopt on anything but four decimal octets 0..255.
std::optional<std::uint32_t> parseIpv4Address(std::string_view text);
std::string formatIpv4Address(std::uint32_t address);

}  // namespace rs::sim
