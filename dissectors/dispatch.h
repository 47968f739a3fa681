// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How dissectors hand a payload to the next one. Each protocol family
// implements its entry point in its own folder; this header is the only place
// that knows the whole chain (link type -> 802.11/Ethernet -> LLC/EtherType ->
// EAPOL/ARP/IP -> UDP/TCP).
//
// Every entry point dissects `frame` from `offset` to its end, appends its
// layer(s) to `out` and calls the next entry point for its payload. Offsets in
// the fields are absolute within `frame`. `source` is the Dissection source
// index of `frame` (0 for the captured frame, n for decryptedSources[n-1]).
#include <cstddef>
#include <cstdint>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"
#include "dissectors/common/link_type.h"

namespace rs {

struct PayloadContext {
  ByteView frame;
  std::size_t offset = 0;
  std::size_t source = 0;
  // The bytes are a datagram quoted inside an ICMP error (RFC 792: the IP
  // header plus the first 8 octets), so lengths that run past them and
  // checksums over missing bytes are expected, not malformed.
  bool quoted = false;
};

// Whole frame for a pcap link type.
Dissection dissectFrame(std::uint32_t linkType, ByteView frame);
void dissectLinkLayer(std::uint32_t linkType, const PayloadContext& ctx, Dissection& out);

// Link layers.
void dissectRadiotap(const PayloadContext& ctx, Dissection& out);   // then 802.11
void dissectPpi(const PayloadContext& ctx, Dissection& out);        // then 802.11
void dissectPrism(const PayloadContext& ctx, Dissection& out);      // then 802.11
void dissectIeee80211(const PayloadContext& ctx, Dissection& out);  // MAC header + body
void dissectEthernet(const PayloadContext& ctx, Dissection& out);
void dissectLinuxSll(const PayloadContext& ctx, Dissection& out);
void dissectLinuxSll2(const PayloadContext& ctx, Dissection& out);

// An MSDU carried by 802.11 data frames (LLC/SNAP first); also the entry
// point for payloads decrypted by core/ (CCMP, TKIP).
void dissectLlc(const PayloadContext& ctx, Dissection& out);
// Payload by EtherType: EAPOL 0x888e, RSN pre-authentication 0x88c7, ARP, IPv4, IPv6.
void dissectEtherType(std::uint16_t etherType, const PayloadContext& ctx, Dissection& out);

// Upper layers.
void dissectEapol(const PayloadContext& ctx, Dissection& out);
void dissectArp(const PayloadContext& ctx, Dissection& out);
void dissectIpv4(const PayloadContext& ctx, Dissection& out);
void dissectIpv6(const PayloadContext& ctx, Dissection& out);
void dissectIpPayload(std::uint8_t protocol, const PayloadContext& ctx, Dissection& out);  // UDP, TCP, ICMP
void dissectIcmp(const PayloadContext& ctx, Dissection& out);
void dissectUdp(const PayloadContext& ctx, Dissection& out);
void dissectTcp(const PayloadContext& ctx, Dissection& out);
// RADIUS (RFC 2865/2866/5176) on UDP 1812/1813/1645/1646/3799 or a Decode As
// port; EAP-Message contents go on to the EAP dissector.
void dissectRadius(const PayloadContext& ctx, Dissection& out);
// Mobile IPv4 registration request/reply (RFC 3344) on UDP 434 or a Decode As port.
void dissectMobileIp(const PayloadContext& ctx, Dissection& out);
// Bytes no dissector claims ("data" layer, like tshark's).
void dissectData(const PayloadContext& ctx, Dissection& out);

}  // namespace rs
