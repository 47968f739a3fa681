// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The network-layer packet inside a frame of any supported link type, with the
// link-layer addresses around it. Different capture points wrap the same
// datagram in different link headers (Ethernet on a bridge, Linux cooked
// capture on "any", 802.11 + LLC/SNAP on the air), so matching frames across
// capture points and following a station's IP traffic both start here.
// Zero-copy, never reads outside the frame, no allocation.
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/inet/llc.h"

namespace rs {

struct NetworkPacket {
  std::uint16_t etherType = 0;  // IEEE 802 EtherType of the payload (0x0800 IPv4, 0x0806 ARP, ...)
  // From the network-layer header on, without link padding: an IPv4 datagram is
  // cut at its Total Length, an IPv6 packet at 40 + Payload Length, an
  // Ethernet/IPv4 ARP packet at 28 bytes (Ethernet pads short frames to 60 bytes).
  ByteView payload;
  std::optional<MacAddress> source;       // the link-layer source (SA for 802.11)
  std::optional<MacAddress> destination;  // DA; absent in Linux cooked captures (they carry only one address)
};

// Ethernet II (one 802.1Q tag skipped), Linux SLL/SLL2, raw IPv4/IPv6 (link types
// 101, 228, 229) and unprotected 802.11 data frames carrying LLC/SNAP (inside
// radiotap, PPI, Prism/AVS or bare). nullopt for anything else: management and
// control frames, protected (undecrypted) bodies, A-MSDUs, 802.3 length frames.
std::optional<NetworkPacket> locateNetworkPacket(std::uint32_t linkType, ByteView frame);

// The packet in an 802.11 data frame's (decrypted) body, which starts with LLC/SNAP.
std::optional<NetworkPacket> networkPacketOfMsdu(const ieee80211::MacHeader& header, ByteView msdu);
// The same with the MSDU's LLC/SNAP header already parsed (`snap` = inet::parseLlcSnap(msdu)), for callers that
// read it for other purposes too.
std::optional<NetworkPacket> networkPacketOfMsdu(const ieee80211::MacHeader& header, ByteView msdu,
                                                 const std::optional<inet::LlcSnap>& snap);

}  // namespace rs
