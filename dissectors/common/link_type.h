// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// pcap LINKTYPE_* values (tcpdump.org/linktypes.html) that RoamScope reads and writes.
#include <cstdint>
#include <string_view>

namespace rs {

enum class LinkType : std::uint16_t {
  Ethernet = 1,
  Raw = 101,        // raw IPv4 or IPv6, version nibble decides
  Ieee80211 = 105,
  LinuxSll = 113,
  Prism = 119,      // IEEE 802.11 plus the Prism monitor header (or AVS)
  Radiotap = 127,
  Ppi = 192,
  Ipv4 = 228,
  Ipv6 = 229,
  LinuxSll2 = 276,
};

bool isSupportedLinkType(std::uint32_t value);
std::string_view linkTypeName(std::uint32_t value);  // "IEEE 802.11 plus radiotap header", ...

}  // namespace rs
