// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ARP (RFC 826): parse any hardware/protocol sizes, build the Ethernet/IPv4 form.
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::inet {

inline constexpr std::uint16_t kArpRequest = 1;
inline constexpr std::uint16_t kArpReply = 2;

struct ArpPacket {
  std::uint16_t hardwareType = 0;
  std::uint16_t protocolType = 0;
  std::uint8_t hardwareSize = 0;
  std::uint8_t protocolSize = 0;
  std::uint16_t opcode = 0;
  ByteView senderHardware, senderProtocol, targetHardware, targetProtocol;

  bool isEthernetIpv4() const {
    return hardwareType == 1 && protocolType == 0x0800 && hardwareSize == 6 && protocolSize == 4;
  }
  // Valid only when isEthernetIpv4().
  std::uint32_t senderIp() const;
  std::uint32_t targetIp() const;
};

std::optional<ArpPacket> parseArp(ByteView data);

struct ArpFields {
  std::uint16_t opcode = kArpRequest;
  MacAddress senderMac;
  std::uint32_t senderIp = 0;
  MacAddress targetMac;  // zero in a request
  std::uint32_t targetIp = 0;
};
// Ethernet (1) / IPv4 (0x0800) ARP, 28 bytes.
Bytes buildArp(const ArpFields& fields);

}  // namespace rs::inet
