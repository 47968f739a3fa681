// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/common/link_type.h"

namespace rs {

bool isSupportedLinkType(std::uint32_t value) {
  switch (static_cast<LinkType>(value)) {
    case LinkType::Ethernet:
    case LinkType::Raw:
    case LinkType::Ieee80211:
    case LinkType::LinuxSll:
    case LinkType::Prism:
    case LinkType::Radiotap:
    case LinkType::Ppi:
    case LinkType::Ipv4:
    case LinkType::Ipv6:
    case LinkType::LinuxSll2: return true;
  }
  return false;
}

std::string_view linkTypeName(std::uint32_t value) {
  switch (static_cast<LinkType>(value)) {
    case LinkType::Ethernet: return "Ethernet";
    case LinkType::Raw: return "Raw IP";
    case LinkType::Ieee80211: return "IEEE 802.11 Wireless LAN";
    case LinkType::LinuxSll: return "Linux cooked-mode capture v1";
    case LinkType::Radiotap: return "IEEE 802.11 plus radiotap radio header";
    case LinkType::Prism: return "IEEE 802.11 plus Prism monitor header";
    case LinkType::Ppi: return "Per-Packet Information header";
    case LinkType::Ipv4: return "Raw IPv4";
    case LinkType::Ipv6: return "Raw IPv6";
    case LinkType::LinuxSll2: return "Linux cooked-mode capture v2";
  }
  return "unsupported link type";
}

}  // namespace rs
