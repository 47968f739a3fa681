// SPDX-License-Identifier: GPL-3.0-or-later
// Well-known UDP ports and the dissector of their payload. Payloads of ports
// not listed go to dissectData. Add a row when a protocol's dissector lands
// (RADIUS 1812/1813, Mobile IP 434, ISAKMP 500/4500 in later issues).
#include "dissectors/inet/udp.h"

namespace rs::inet {

std::span<const UdpPortEntry> udpPortTable() {
  static constexpr std::array<UdpPortEntry, 0> kTable{};
  return kTable;
}

}  // namespace rs::inet
