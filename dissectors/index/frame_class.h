// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The indexing pass: what the packet list, the statistics and the roam
// analysis need from every frame, computed without building a field tree and
// without allocating. A million frames must classify in a fraction of a second,
// so this walks headers directly and stops at the first layer it does not need.
// The full tree is built on demand by dispatch.h's dissectFrame.
#include <cstdint>
#include <string_view>

#include "dissectors/common/bytes.h"

namespace rs {

// Protocols seen in a frame, one bit each (a frame.protocols-like set).
enum ProtocolBit : std::uint32_t {
  kProtoRadiotap = 1u << 0,
  kProtoPpi = 1u << 1,
  kProtoWlan = 1u << 2,
  kProtoEth = 1u << 3,
  kProtoSll = 1u << 4,
  kProtoLlc = 1u << 5,
  kProtoEapol = 1u << 6,
  kProtoEap = 1u << 7,
  kProtoArp = 1u << 8,
  kProtoIpv4 = 1u << 9,
  kProtoIpv6 = 1u << 10,
  kProtoUdp = 1u << 11,
  kProtoTcp = 1u << 12,
  kProtoIcmp = 1u << 13,
  kProtoIcmpv6 = 1u << 14,
  kProtoPreauth = 1u << 15,     // EAPOL carried in RSN pre-authentication (EtherType 0x88c7)
  kProtoEncrypted = 1u << 16,   // 802.11 protected body (undecrypted payload)
  kProtoEapolKey = 1u << 17,    // EAPOL-Key frame (handshake message)
  kProtoLastBit = 17,
};

// Short protocol name for a bit ("eapol", "ip", ...), as in tshark's frame.protocols.
std::string_view protocolBitName(std::uint32_t bit);

// Address slots, in the order Wireshark names them.
enum AddressSlot : std::uint8_t { kAddrRa, kAddrTa, kAddrDa, kAddrSa, kAddrBssid, kAddrCount };

struct FrameClass {
  std::uint32_t protocols = 0;        // ProtocolBit set
  std::uint16_t typeSubtype = 0xffff; // wlan.fc.type_subtype, 0xffff when not an 802.11 frame
  std::uint8_t fcFlags = 0;           // wlan.flags (ToDS, FromDS, retry, protected, ...)
  std::uint8_t addressMask = 0;       // bit n set: addresses[n] is present
  std::uint64_t addresses[kAddrCount] = {};  // 48-bit MAC addresses, first octet most significant
  std::uint16_t channelMhz = 0;       // from radiotap/PPI, 0 when absent
  std::int8_t signalDbm = 0;
  bool hasSignal = false;
  bool truncated = false;             // a header the classifier needed ran past the frame
  std::uint16_t etherType = 0;        // of the MSDU / Ethernet payload, 0 when none
  std::uint8_t ipProtocol = 0;        // IPv4 protocol / IPv6 next header, 0 when none

  bool has(AddressSlot s) const { return addressMask & (1u << s); }
};

// Classifies a frame of the given pcap link type. Never reads outside `frame`.
void classifyFrame(std::uint32_t linkType, ByteView frame, FrameClass& out);

// The 802.11 MPDU inside a frame of link type 105, 119 (Prism/AVS), 127 (radiotap) or 192 (PPI),
// without the radio header and without a trailing FCS; empty for other link
// types or a broken radio header.
ByteView locateIeee80211(std::uint32_t linkType, ByteView frame);

}  // namespace rs
