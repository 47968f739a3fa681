// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/node.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace rs::sim {
namespace {

constexpr std::array<std::pair<NodeRole, std::string_view>, 15> kRoleNames{{
    {NodeRole::Station, "station"},
    {NodeRole::AccessPoint, "access-point"},
    {NodeRole::AuthenticationServer, "authentication-server"},
    {NodeRole::HomeAgent, "home-agent"},
    {NodeRole::ForeignAgent, "foreign-agent"},
    {NodeRole::HomeAaa, "home-aaa"},
    {NodeRole::VisitedAaa, "visited-aaa"},
    {NodeRole::DomainController, "domain-controller"},
    {NodeRole::StationaryUnit, "stationary-unit"},
    {NodeRole::SaDatabase, "sa-database"},
    {NodeRole::HamAccessPoint, "ham-access-point"},
    {NodeRole::FamAccessPoint, "fam-access-point"},
    {NodeRole::RoamingCoordinator, "roaming-coordinator"},
    {NodeRole::ApplicationServer, "application-server"},
    {NodeRole::Switch, "switch"},
}};

}  // namespace

std::string_view nodeRoleName(NodeRole role) {
  for (const auto& [r, name] : kRoleNames)
    if (r == role) return name;
  return "unknown";
}

std::optional<NodeRole> nodeRoleFromName(std::string_view name) {
  for (const auto& [r, n] : kRoleNames)
    if (n == name) return r;
  return std::nullopt;
}

std::string nodeRoleNames() {
  std::string out;
  for (const auto& [r, n] : kRoleNames) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

double distance(const Position& a, const Position& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return std::sqrt(dx * dx + dy * dy + dz * dz);
}

std::optional<std::uint32_t> parseIpv4Address(std::string_view text) {
  std::uint32_t out = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (p == end || *p != '.') return std::nullopt;
      ++p;
    }
    unsigned value = 0;
    const auto [next, ec] = std::from_chars(p, end, value);
    if (ec != std::errc{} || next == p || next - p > 3 || value > 255) return std::nullopt;
    out = (out << 8) | value;
    p = next;
  }
  if (p != end) return std::nullopt;
  return out;
}

std::string formatIpv4Address(std::uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
}

}  // namespace rs::sim
