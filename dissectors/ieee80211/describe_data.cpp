// SPDX-License-Identifier: GPL-3.0-or-later
// Describe step for what follows the MAC header of data frames: the security
// header of protected frames (WEP 12.3.2.2, TKIP 12.5.2.2, CCMP 12.5.3.2), the
// Mesh Control field (9.2.4.7.3) and A-MSDU subframes (9.3.2.2).
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "dissectors/ieee80211/describe_internal.h"

namespace rs::ieee80211::detail {

std::size_t describeProtectionHeader(ByteView frame, std::size_t off, Field& layer, Dissection& out) {
  const std::size_t end = frame.size();
  if (off + 4 > end) {
    out.markMalformed(layer, "protected frame shorter than its security header", end);
    return 0;
  }
  const std::uint8_t keyOctet = frame[off + 3];
  const unsigned keyId = keyOctet >> 6;
  const bool extIv = keyOctet & 0x20;
  if (!extIv) {
    // WEP: IV (3 octets), Key ID octet, then the encrypted body and a 4-octet ICV.
    Field& p = layer.add(makeLayer({}, "WEP parameters", off, 4));
    const unsigned iv = (unsigned{frame[off]} << 16) | (unsigned{frame[off + 1]} << 8) | frame[off + 2];
    p.addUint("wlan.wep.iv", fmt::format("Initialization Vector: {}", hexString(iv, 6)), iv, off, 3, 6);
    p.addUint("wlan.wep.key", fmt::format("Key Index: {}", keyId), keyId, off + 3, 1);
    if (end >= off + 8) {
      const std::size_t icvOff = end - 4;
      const std::uint32_t icv = (std::uint32_t{frame[icvOff]} << 24) | (std::uint32_t{frame[icvOff + 1]} << 16) |
                                (std::uint32_t{frame[icvOff + 2]} << 8) | frame[icvOff + 3];
      p.addUint("wlan.wep.icv", fmt::format("WEP ICV: {} (not verified)", hexString(icv, 8)), icv, icvOff, 4, 8);
    }
    return 4;
  }
  if (off + 8 > end) {
    out.markMalformed(layer, "protected frame shorter than its extended IV header", end);
    return 0;
  }
  // TKIP sets octet 1 to the WEP seed (TSC1 | 0x20) & 0x7f (12.5.2.2); CCMP puts PN1 there.
  const bool tkip = frame[off + 1] == ((frame[off] | 0x20) & 0x7f);
  std::uint64_t counter = 0;
  for (std::size_t i = 7; i >= 4; --i) counter = (counter << 8) | frame[off + i];
  if (tkip)
    counter = (counter << 16) | (std::uint64_t{frame[off]} << 8) | frame[off + 2];  // TSC1 = octet 0, TSC0 = octet 2
  else
    counter = (counter << 16) | (std::uint64_t{frame[off + 1]} << 8) | frame[off];  // PN1, PN0
  // tshark prints the 48-bit TSC/PN in upper-case hex as a string field.
  const std::string value = fmt::format("0x{:012X}", counter);
  Field& p = layer.add(makeLayer({}, tkip ? "TKIP parameters" : "CCMP parameters", off, 8));
  p.addString(tkip ? "wlan.tkip.extiv" : "wlan.ccmp.extiv",
              fmt::format("{} Ext. Initialization Vector: {}", tkip ? "TKIP" : "CCMP", value), value, off, 8);
  p.addUint("wlan.wep.key", fmt::format("Key Index: {}", keyId), keyId, off + 3, 1);
  p.addText("ExtIV: 1 (extended IV present)", off + 3, 1);
  return 8;
}

std::size_t describeMeshControl(ByteView frame, std::size_t off, Field& layer, Dissection& out) {
  const std::size_t end = frame.size();
  if (off + 6 > end) {
    out.markMalformed(layer, "mesh data frame shorter than its Mesh Control field", end);
    return 0;
  }
  const std::uint8_t flags = frame[off];
  const std::size_t extra = (flags & 3) == 1 ? 6 : (flags & 3) == 2 ? 12 : 0;  // Address Extension Mode
  const std::size_t len = 6 + extra;
  if (off + len > end) {
    out.markMalformed(layer, "mesh data frame shorter than its Mesh Control field", end);
    return 0;
  }
  Field& m = layer.add(makeLayer("wlan.mesh.control_field", "Mesh Control Field", off, len));
  m.addUint("wlan.fixed.mesh_flags", fmt::format("Mesh Flags: {}", hexString(flags, 2)), flags, off, 1, 2);
  m.addUint("wlan.fixed.mesh_ttl", fmt::format("Mesh TTL: {}", hexString(frame[off + 1], 2)), frame[off + 1], off + 1,
            1, 2);
  const std::uint32_t seq = std::uint32_t{frame[off + 2]} | (std::uint32_t{frame[off + 3]} << 8) |
                            (std::uint32_t{frame[off + 4]} << 16) | (std::uint32_t{frame[off + 5]} << 24);
  m.addUint("wlan.fixed.mesh_sequence", fmt::format("Sequence Number: {}", hexString(seq, 8)), seq, off + 2, 4, 8);
  if (extra == 6) addMac(m, "wlan.fixed.mesh_addr4", "Mesh Extended Address 4", frame, off + 6);
  if (extra == 12) {
    addMac(m, "wlan.fixed.mesh_addr5", "Mesh Extended Address 5", frame, off + 6);
    addMac(m, "wlan.fixed.mesh_addr6", "Mesh Extended Address 6", frame, off + 12);
  }
  return len;
}

void describeAmsdu(ByteView frame, std::size_t off, std::size_t source, Dissection& out) {
  const std::size_t end = frame.size();
  Field agg = makeLayer("wlan_aggregate", "IEEE 802.11 Aggregate MSDU", off, end > off ? end - off : 0);
  struct Msdu {
    std::size_t offset;
    std::size_t end;
  };
  std::vector<Msdu> msdus;
  std::size_t p = off;
  for (int n = 1; p < end; ++n) {
    // Subframe header: DA, SA, Length (big-endian), then the MSDU, padded to 4 octets (9.3.2.2.2).
    if (p + 14 > end) {
      out.markMalformed(agg, "A-MSDU subframe header truncated", end);
      break;
    }
    const std::size_t len = (std::size_t{frame[p + 12]} << 8) | frame[p + 13];
    const std::size_t msduEnd = p + 14 + len;
    Field& sub = agg.add(makeLayer("wlan_aggregate.a_mdsu.subframe", fmt::format("A-MSDU Subframe #{}", n), p,
                                   std::min(msduEnd, end) - p));
    addMac(sub, "wlan.da", "Destination address", frame, p);
    addMac(sub, "wlan.sa", "Source address", frame, p + 6);
    sub.addUint("wlan_aggregate.a_mdsu.length", fmt::format("A-MSDU Length: {}", len), len, p + 12, 2);
    if (msduEnd > end) {
      out.markMalformed(agg, "A-MSDU subframe length exceeds the frame", end);
      break;
    }
    msdus.push_back({p + 14, msduEnd});
    p = msduEnd;
    if (p < end) p = std::min(end, off + ((p - off + 3) & ~std::size_t{3}));
  }
  out.addLayer(std::move(agg), source);
  for (const Msdu& m : msdus) dissectLlc(PayloadContext{frame.first(m.end), m.offset, source}, out);
}

}  // namespace rs::ieee80211::detail
