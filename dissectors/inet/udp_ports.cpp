// SPDX-License-Identifier: GPL-3.0-or-later
// Well-known UDP ports and the dissector of their payload. Payloads of ports
// not listed go to dissectData. Add a row when a protocol's dissector lands
// (ISAKMP 500/4500 in a later issue). Beside the table, the
// run-time "Decode As" choices (Wireshark's -d udp.port==N,proto).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "dissectors/inet/udp.h"

namespace rs::inet {

std::span<const UdpPortEntry> udpPortTable() {
  static constexpr std::array<UdpPortEntry, 6> kTable{{
      {434, dissectMobileIp},  // Mobile IPv4 registration (RFC 3344 3.1)
      {1812, dissectRadius},  // RADIUS authentication (RFC 2865 3)
      {1813, dissectRadius},  // RADIUS accounting (RFC 2866 3)
      {1645, dissectRadius},  // pre-standard RADIUS authentication port, still in use
      {1646, dissectRadius},  // pre-standard RADIUS accounting port
      {3799, dissectRadius},  // RADIUS Dynamic Authorization: Disconnect, CoA (RFC 5176 3)
  }};
  return kTable;
}

namespace {

struct NamedDissector {
  std::string_view name;  // Wireshark's protocol filter name
  PayloadDissector dissect;
};
constexpr NamedDissector kByName[] = {
    {"radius", dissectRadius},
    {"mip", dissectMobileIp},
    {"data", dissectData},
};

// Decode As choices by port. Written only while options are applied, before
// an analysis (see udp.h); read-only while frames are dissected.
std::map<std::uint16_t, PayloadDissector>& decodeAsTable() {
  static std::map<std::uint16_t, PayloadDissector> table;
  return table;
}

PayloadDissector byName(std::string_view name) {
  for (const auto& d : kByName)
    if (d.name == name) return d.dissect;
  return nullptr;
}

}  // namespace

bool registerUdpDecodeAs(std::uint16_t port, std::string_view dissectorName) {
  const PayloadDissector d = byName(dissectorName);
  if (!d) return false;
  decodeAsTable()[port] = d;
  return true;
}

void clearUdpDecodeAs() { decodeAsTable().clear(); }

PayloadDissector udpDecodeAsDissector(std::uint16_t sourcePort, std::uint16_t destinationPort) {
  const auto& table = decodeAsTable();
  if (table.empty()) return nullptr;
  if (auto it = table.find(destinationPort); it != table.end()) return it->second;
  if (auto it = table.find(sourcePort); it != table.end()) return it->second;
  return nullptr;
}

std::vector<std::uint16_t> udpDecodeAsPorts(std::string_view dissectorName) {
  std::vector<std::uint16_t> ports;
  const PayloadDissector d = byName(dissectorName);
  for (const auto& [port, dissect] : decodeAsTable())
    if (dissect == d) ports.push_back(port);
  return ports;
}

std::vector<std::string_view> udpDissectorNames() {
  std::vector<std::string_view> names;
  for (const auto& d : kByName) names.push_back(d.name);
  return names;
}

bool applyUdpDecodeAs(std::string_view spec, std::string& error) {
  constexpr std::string_view kPrefix = "udp.port==";
  const auto fail = [&](std::string_view why) {
    error = fmt::format("--decode-as '{}': {} (expected udp.port==PORT,PROTOCOL, e.g. udp.port==11812,radius)",
                        spec, why);
    return false;
  };
  if (spec.substr(0, kPrefix.size()) != kPrefix) return fail("only udp.port==... is supported");
  const std::string_view rest = spec.substr(kPrefix.size());
  const std::size_t comma = rest.find(',');
  if (comma == std::string_view::npos) return fail("missing ',PROTOCOL'");
  const std::string_view portText = rest.substr(0, comma);
  const std::string_view name = rest.substr(comma + 1);
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
  if (ec != std::errc{} || end != portText.data() + portText.size() || portText.empty() || port == 0 ||
      port > 65535)
    return fail(fmt::format("'{}' is not a port number 1-65535", portText));
  if (!registerUdpDecodeAs(static_cast<std::uint16_t>(port), name)) {
    std::string known;
    for (auto n : udpDissectorNames()) known += (known.empty() ? "" : ", ") + std::string(n);
    return fail(fmt::format("unknown protocol '{}' (known: {})", name, known));
  }
  return true;
}

}  // namespace rs::inet
