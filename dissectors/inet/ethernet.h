// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Ethernet II / IEEE 802.3 headers with an optional IEEE 802.1Q tag, and the
// Linux "cooked" capture headers (LINKTYPE_LINUX_SLL and _SLL2) that replace
// them in captures taken on "any" or on non-Ethernet interfaces.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::inet {

inline constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
inline constexpr std::uint16_t kEtherTypeArp = 0x0806;
inline constexpr std::uint16_t kEtherTypeVlan = 0x8100;
inline constexpr std::uint16_t kEtherTypeIpv6 = 0x86dd;
inline constexpr std::uint16_t kEtherTypeEapol = 0x888e;
inline constexpr std::uint16_t kEtherTypePreauth = 0x88c7;
// IEEE 802.3 3.2.6: values up to 1500 are a length (LLC follows), from 1536 an EtherType.
inline constexpr std::uint16_t kMaxIeee8023Length = 1500;
inline constexpr std::uint16_t kMinEtherType = 0x0600;

struct VlanTag {
  std::uint8_t priority = 0;  // PCP
  bool dei = false;
  std::uint16_t id = 0;
};

struct EthernetHeader {
  MacAddress destination;
  MacAddress source;
  std::optional<VlanTag> vlan;   // one 802.1Q tag
  std::uint16_t typeOrLength = 0;  // after the tag, if any
  std::size_t payloadOffset = 14;

  bool isLength() const { return typeOrLength <= kMaxIeee8023Length; }
};

std::optional<EthernetHeader> parseEthernet(ByteView frame);
// destination | source | EtherType | payload (no FCS, no padding).
Bytes buildEthernet(const MacAddress& destination, const MacAddress& source, std::uint16_t etherType,
                    ByteView payload);

// Linux cooked capture. v1: 16 bytes (pkttype, hatype, halen, 8 address bytes,
// protocol); v2: 20 bytes (protocol, reserved, ifindex, hatype, pkttype, halen,
// 8 address bytes). See tcpdump.org/linktypes/LINKTYPE_LINUX_SLL(2).html.
struct LinuxSllHeader {
  int version = 1;
  std::uint16_t packetType = 0;  // 0 to us, 1 broadcast, 2 multicast, 3 otherhost, 4 outgoing
  std::uint16_t arphrdType = 0;  // ARPHRD_* (1 = Ethernet)
  std::uint16_t addressLength = 0;
  ByteView address;              // the first min(halen, 8) address bytes
  std::uint16_t protocol = 0;    // EtherType, or a Linux pseudo protocol below 0x0600
  std::uint32_t interfaceIndex = 0;  // v2 only
  std::size_t payloadOffset = 16;
};

std::optional<LinuxSllHeader> parseLinuxSll(ByteView frame);
std::optional<LinuxSllHeader> parseLinuxSll2(ByteView frame);

}  // namespace rs::inet
