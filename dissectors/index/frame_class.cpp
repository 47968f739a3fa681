// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/index/frame_class.h"

#include "dissectors/common/link_type.h"
#include "dissectors/prism/prism.h"
#include "dissectors/radiotap/radiotap.h"

namespace rs {
namespace {

// Every read below is guarded by an explicit length check against `end`; the
// classifier trades ByteReader's latching for straight-line code because it
// runs once per frame on multi-million-frame files.
inline std::uint16_t be16(const std::uint8_t* p) { return static_cast<std::uint16_t>((p[0] << 8) | p[1]); }
inline std::uint16_t le16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
inline std::uint64_t mac48(const std::uint8_t* p) {
  return (std::uint64_t{p[0]} << 40) | (std::uint64_t{p[1]} << 32) | (std::uint64_t{p[2]} << 24) |
         (std::uint64_t{p[3]} << 16) | (std::uint64_t{p[4]} << 8) | std::uint64_t{p[5]};
}

struct Cursor {
  const std::uint8_t* p;
  std::size_t n;  // bytes available from p
};

void setAddr(FrameClass& out, AddressSlot slot, const std::uint8_t* p) {
  out.addresses[slot] = mac48(p);
  out.addressMask = static_cast<std::uint8_t>(out.addressMask | (1u << slot));
}

void classifyIpPayload(std::uint8_t proto, FrameClass& out) {
  out.ipProtocol = proto;
  switch (proto) {
    case 1: out.protocols |= kProtoIcmp; break;
    case 6: out.protocols |= kProtoTcp; break;
    case 17: out.protocols |= kProtoUdp; break;
    case 58: out.protocols |= kProtoIcmpv6; break;
    default: break;
  }
}

void classifyIpv6(Cursor c, FrameClass& out) {
  out.protocols |= kProtoIpv6;
  if (c.n < 40) { out.truncated = true; return; }
  std::uint8_t next = c.p[6];
  std::size_t off = 40;
  // Walk the extension headers that share the generic (next, length) layout.
  for (int guard = 0; guard < 8; ++guard) {
    if (next != 0 && next != 43 && next != 60 && next != 44) break;
    if (c.n < off + 8) { out.truncated = true; return; }
    const std::uint8_t hdrNext = c.p[off];
    off += next == 44 ? 8 : (std::size_t{c.p[off + 1]} + 1) * 8;
    next = hdrNext;
  }
  classifyIpPayload(next, out);
}

void classifyEtherType(std::uint16_t type, Cursor c, FrameClass& out) {
  out.etherType = type;
  switch (type) {
    case 0x88c7: out.protocols |= kProtoPreauth; [[fallthrough]];
    case 0x888e:
      out.protocols |= kProtoEapol;
      if (c.n < 4) { out.truncated = true; return; }
      if (c.p[1] == 0) out.protocols |= kProtoEap;
      if (c.p[1] == 3) out.protocols |= kProtoEapolKey;
      return;
    case 0x0806: out.protocols |= kProtoArp; return;
    case 0x0800:
      out.protocols |= kProtoIpv4;
      if (c.n < 20) { out.truncated = true; return; }
      // Only the first fragment carries the transport header.
      if ((be16(c.p + 6) & 0x1fff) == 0) classifyIpPayload(c.p[9], out);
      return;
    case 0x86dd: classifyIpv6(c, out); return;
    default: return;
  }
}

void classifyLlc(Cursor c, FrameClass& out) {
  if (c.n < 3) { out.truncated = true; return; }
  out.protocols |= kProtoLlc;
  if (c.p[0] == 0xaa && c.p[1] == 0xaa && c.p[2] == 0x03) {
    if (c.n < 8) { out.truncated = true; return; }
    classifyEtherType(be16(c.p + 6), Cursor{c.p + 8, c.n - 8}, out);
  }
}

void classifyIeee80211(Cursor c, FrameClass& out) {
  out.protocols |= kProtoWlan;
  if (c.n < 2) { out.truncated = true; return; }
  const std::uint8_t fc0 = c.p[0];
  const std::uint8_t flags = c.p[1];
  const unsigned type = (fc0 >> 2) & 3;
  const unsigned subtype = fc0 >> 4;
  out.typeSubtype = static_cast<std::uint16_t>((type << 4) | subtype);
  out.fcFlags = flags;
  if (c.n < 10) { out.truncated = true; return; }
  setAddr(out, kAddrRa, c.p + 4);

  if (type == 1) {  // control: only RA, plus TA for the frames that carry one
    const bool hasTa = subtype == 4 || subtype == 5 || subtype == 8 || subtype == 9 || subtype == 10 ||
                       subtype == 11 || subtype == 14 || subtype == 15;
    if (hasTa) {
      if (c.n < 16) { out.truncated = true; return; }
      setAddr(out, kAddrTa, c.p + 10);
    }
    return;
  }
  if (c.n < 24) { out.truncated = true; return; }
  const std::uint8_t* a1 = c.p + 4;
  const std::uint8_t* a2 = c.p + 10;
  const std::uint8_t* a3 = c.p + 16;
  setAddr(out, kAddrTa, a2);
  std::size_t hdr = 24;
  if (type == 0) {
    setAddr(out, kAddrDa, a1);
    setAddr(out, kAddrSa, a2);
    setAddr(out, kAddrBssid, a3);
    return;
  }
  if (type != 2) return;  // extension frames: RA/TA only

  const bool toDs = flags & 0x01;
  const bool fromDs = flags & 0x02;
  if (toDs && fromDs) {
    if (c.n < 30) { out.truncated = true; return; }
    setAddr(out, kAddrDa, a3);
    setAddr(out, kAddrSa, c.p + 24);
    hdr = 30;
  } else if (toDs) {
    setAddr(out, kAddrBssid, a1);
    setAddr(out, kAddrSa, a2);
    setAddr(out, kAddrDa, a3);
  } else if (fromDs) {
    setAddr(out, kAddrDa, a1);
    setAddr(out, kAddrBssid, a2);
    setAddr(out, kAddrSa, a3);
  } else {
    setAddr(out, kAddrDa, a1);
    setAddr(out, kAddrSa, a2);
    setAddr(out, kAddrBssid, a3);
  }
  const bool qos = subtype & 0x08;
  bool amsdu = false;
  if (qos) {
    if (c.n < hdr + 2) { out.truncated = true; return; }
    amsdu = c.p[hdr] & 0x80;
    hdr += 2;
    if (flags & 0x80) hdr += 4;  // +HTC
  }
  if (subtype & 0x04) return;  // Null / QoS Null / CF-only subtypes carry no body
  if (c.n < hdr) { out.truncated = true; return; }
  if (flags & 0x40) {
    out.protocols |= kProtoEncrypted;
    return;
  }
  if (amsdu) return;  // A-MSDU subframes: the full dissector walks them
  classifyLlc(Cursor{c.p + hdr, c.n - hdr}, out);
}

void classifyEthernet(Cursor c, FrameClass& out) {
  out.protocols |= kProtoEth;
  if (c.n < 14) { out.truncated = true; return; }
  std::uint16_t type = be16(c.p + 12);
  std::size_t off = 14;
  if (type == 0x8100 || type == 0x88a8) {  // one VLAN tag
    if (c.n < 18) { out.truncated = true; return; }
    type = be16(c.p + 16);
    off = 18;
  }
  if (type < 0x0600) {  // IEEE 802.3 length field: LLC follows
    classifyLlc(Cursor{c.p + off, c.n - off}, out);
    return;
  }
  classifyEtherType(type, Cursor{c.p + off, c.n - off}, out);
}

}  // namespace

std::string_view protocolBitName(std::uint32_t bit) {
  switch (bit) {
    case kProtoRadiotap: return "radiotap";
    case kProtoPpi: return "ppi";
    case kProtoWlan: return "wlan";
    case kProtoEth: return "eth";
    case kProtoSll: return "sll";
    case kProtoLlc: return "llc";
    case kProtoEapol: return "eapol";
    case kProtoEap: return "eap";
    case kProtoArp: return "arp";
    case kProtoIpv4: return "ip";
    case kProtoIpv6: return "ipv6";
    case kProtoUdp: return "udp";
    case kProtoTcp: return "tcp";
    case kProtoIcmp: return "icmp";
    case kProtoIcmpv6: return "icmpv6";
    case kProtoPreauth: return "preauth";
    case kProtoEncrypted: return "encrypted";
    case kProtoEapolKey: return "eapol-key";
    default: return "?";
  }
}

ByteView locateIeee80211(std::uint32_t linkType, ByteView frame) {
  switch (static_cast<LinkType>(linkType)) {
    case LinkType::Ieee80211: return frame;
    case LinkType::Prism: {
      const auto prism = parsePrism(frame);
      return prism ? frame.subspan(prism->msglen) : ByteView{};
    }
    case LinkType::Radiotap: {
      RadiotapQuick rt;
      if (!radiotapQuickInfo(frame, rt)) return {};
      ByteView mpdu = frame.subspan(rt.headerLength);
      if (rt.fcsAtEnd) mpdu = mpdu.size() >= 4 ? mpdu.first(mpdu.size() - 4) : ByteView{};
      return mpdu;
    }
    case LinkType::Ppi: {
      if (frame.size() < 8) return {};
      const std::size_t len = le16(frame.data() + 2);
      const std::uint32_t dlt = frame[4] | (frame[5] << 8) | (frame[6] << 16) | (std::uint32_t{frame[7]} << 24);
      if (len < 8 || len > frame.size() || dlt != 105) return {};
      return frame.subspan(len);
    }
    default: return {};
  }
}

void classifyFrame(std::uint32_t linkType, ByteView frame, FrameClass& out) {
  out = FrameClass{};
  Cursor c{frame.data(), frame.size()};
  switch (static_cast<LinkType>(linkType)) {
    case LinkType::Radiotap: {
      out.protocols |= kProtoRadiotap;
      RadiotapQuick rt;
      if (!radiotapQuickInfo(frame, rt)) { out.truncated = true; return; }
      out.channelMhz = rt.hasFrequency ? rt.frequency : 0;
      out.hasSignal = rt.hasSignal;
      out.signalDbm = rt.dbmSignal;
      std::size_t n = frame.size() - rt.headerLength;
      if (rt.fcsAtEnd) n = n >= 4 ? n - 4 : 0;
      return classifyIeee80211(Cursor{c.p + rt.headerLength, n}, out);
    }
    case LinkType::Ppi: {
      out.protocols |= kProtoPpi;
      if (c.n < 8) { out.truncated = true; return; }
      const std::size_t len = le16(c.p + 2);
      if (len < 8 || len > c.n) { out.truncated = true; return; }
      if ((c.p[4] | (c.p[5] << 8) | (c.p[6] << 16) | (std::uint32_t{c.p[7]} << 24)) != 105) return;
      return classifyIeee80211(Cursor{c.p + len, c.n - len}, out);
    }
    case LinkType::Ieee80211: return classifyIeee80211(c, out);
    case LinkType::Prism: {
      const ByteView mpdu = locateIeee80211(linkType, frame);
      if (mpdu.empty()) { out.truncated = true; return; }
      return classifyIeee80211(Cursor{mpdu.data(), mpdu.size()}, out);
    }
    case LinkType::Ethernet: return classifyEthernet(c, out);
    case LinkType::LinuxSll:
      out.protocols |= kProtoSll;
      if (c.n < 16) { out.truncated = true; return; }
      return classifyEtherType(be16(c.p + 14), Cursor{c.p + 16, c.n - 16}, out);
    case LinkType::LinuxSll2:
      out.protocols |= kProtoSll;
      if (c.n < 20) { out.truncated = true; return; }
      return classifyEtherType(be16(c.p), Cursor{c.p + 20, c.n - 20}, out);
    case LinkType::Raw:
      if (c.n >= 1 && (c.p[0] >> 4) == 6) return classifyEtherType(0x86dd, c, out);
      return classifyEtherType(0x0800, c, out);
    case LinkType::Ipv4: return classifyEtherType(0x0800, c, out);
    case LinkType::Ipv6: return classifyEtherType(0x86dd, c, out);
  }
}

}  // namespace rs
