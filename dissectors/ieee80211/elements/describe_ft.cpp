// SPDX-License-Identifier: GPL-3.0-or-later
// Describers for the Fast BSS Transition elements: MDE (9.4.2.47), FTE with
// its subelements (9.4.2.48) and Timeout Interval (9.4.2.49).
#include <fmt/format.h>

#include "dissectors/ieee80211/elements/describe_support.h"
#include "dissectors/ieee80211/elements/ft_elements.h"

namespace rs::ieee80211::detail {
namespace {

using enum BitKind;

constexpr BitField kFtCapabilityBits[] = {
    {"wlan.mobility_domain.ft_capab.ft_over_ds", "Fast BSS Transition over DS", 0x01, Hex},
    {"wlan.mobility_domain.ft_capab.resource_req", "Resource Request Protocol Capability", 0x02, Hex},
    {"wlan.mobility_domain.ft_capab.reserved", "Reserved", 0xfc, Hex},
};

constexpr BitField kMicControlBits[] = {
    {"wlan.ft.mic_control.reserved", "Reserved", 0x00ff, Hex},
    {"wlan.ft.mic_control.element_count", "Element Count", 0xff00, Dec},
};

std::string_view subelementName(std::uint8_t id) {
  switch (id) {
    case ftsub::kR1khId: return "PMK-R1 key holder identifier (R1KH-ID)";
    case ftsub::kGtk: return "GTK subelement";
    case ftsub::kR0khId: return "PMK-R0 key holder identifier (R0KH-ID)";
    case ftsub::kIgtk: return "IGTK";
    case 5: return "OCI";
    default: return "Unknown";
  }
}

bool describeFtGtk(Field& sub, Field& tag, Dissection& out, ByteView data, std::size_t off) {
  ByteReader r(data, off);
  const std::uint16_t keyInfo = r.u16le();
  const std::uint8_t keyLength = r.u8();
  const ByteView rsc = r.bytes(8);
  if (r.failed()) return markShort(tag, out, r, "GTK subelement");
  sub.addUint("wlan.ft.subelem.gtk.key_info", fmt::format("Key Info: {}", hexString(keyInfo, 4)), keyInfo, off, 2, 4);
  sub.addUint("wlan.ft.subelem.gtk.key_id", fmt::format("Key ID: {}", keyInfo & 0x3), keyInfo & 0x3u, off, 2);
  sub.addUint("wlan.ft.subelem.gtk.key_length", fmt::format("Key Length: {}", keyLength), keyLength, off + 2, 1);
  sub.addBytes("wlan.ft.subelem.gtk.rsc", fmt::format("RSC: {}", toColonHex(rsc)), rsc, off + 3);
  const ByteView key = r.rest();
  sub.addBytes("wlan.ft.subelem.gtk.key_encrypted", fmt::format("GTK (encrypted): {}", toColonHex(key)), key, off + 11);
  return true;
}

bool describeFtIgtk(Field& sub, Field& tag, Dissection& out, ByteView data, std::size_t off) {
  ByteReader r(data, off);
  const std::uint16_t keyId = r.u16le();
  const ByteView ipn = r.bytes(6);
  const std::uint8_t keyLength = r.u8();
  if (r.failed()) return markShort(tag, out, r, "IGTK subelement");
  sub.addUint("wlan.ft.subelem.igtk.key_id", fmt::format("Key ID: {}", keyId), keyId, off, 2);
  sub.addBytes("wlan.ft.subelem.igtk.ipn", fmt::format("IPN: {}", toColonHex(ipn)), ipn, off + 2);
  sub.addUint("wlan.ft.subelem.igtk.key_length", fmt::format("Key Length: {}", keyLength), keyLength, off + 8, 1);
  const ByteView key = r.rest();
  sub.addBytes("wlan.ft.subelem.igtk.key", fmt::format("Wrapped Key (IGTK): {}", toColonHex(key)), key, off + 9);
  return true;
}

}  // namespace

bool describeMde(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  ByteReader r(e.data, dataOffset(e));
  const std::size_t off = r.offset();
  const std::uint16_t mdid = r.u16le();
  const std::uint8_t capab = r.u8();
  if (r.failed()) return markShort(tag, out, r, "Mobility Domain element");
  tag.addUint("wlan.mobility_domain.mdid", fmt::format("Mobility Domain Identifier: {}", hexString(mdid, 4)), mdid, off,
              2, 4);
  addFlagsWord(tag, "wlan.mobility_domain.ft_capab", "FT Capability and Policy", capab, 8, off + 2, kFtCapabilityBits);
  return true;
}

bool describeFte(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  ByteReader r(e.data, dataOffset(e));
  const std::size_t off = r.offset();
  const std::uint16_t micControl = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "MIC Control");
  addFlagsWord(tag, "wlan.ft.mic_control", "MIC Control", micControl, 16, off, kMicControlBits);
  const ByteView mic = r.bytes(16);
  if (r.failed()) return markShort(tag, out, r, "MIC");
  tag.addBytes("wlan.ft.mic", fmt::format("MIC: {}", toColonHex(mic)), mic, off + 2);
  const ByteView anonce = r.bytes(32);
  if (r.failed()) return markShort(tag, out, r, "ANonce");
  tag.addBytes("wlan.ft.anonce", fmt::format("ANonce: {}", toColonHex(anonce)), anonce, off + 18);
  const ByteView snonce = r.bytes(32);
  if (r.failed()) return markShort(tag, out, r, "SNonce");
  tag.addBytes("wlan.ft.snonce", fmt::format("SNonce: {}", toColonHex(snonce)), snonce, off + 50);
  while (!r.empty()) {
    const std::size_t at = r.offset();
    const std::uint8_t id = r.u8();
    const std::uint8_t len = r.u8();
    if (r.failed()) return markShort(tag, out, r, "FTE subelement header");
    Field& sub = tag.addText(fmt::format("Subelement: {}", subelementName(id)), at, std::min<std::size_t>(2u + len, 2 + r.remaining()));
    sub.addUint("wlan.ft.subelem.id", fmt::format("Subelement ID: {}", id), id, at, 1);
    sub.addUint("wlan.ft.subelem.len", fmt::format("Length: {}", len), len, at + 1, 1);
    const ByteView data = r.bytes(len);
    if (r.failed()) return markShort(tag, out, r, "FTE subelement");
    switch (id) {
      case ftsub::kR1khId:
        sub.addBytes("wlan.ft.subelem.r1kh_id", fmt::format("PMK-R1 key holder identifier (R1KH-ID): {}", toColonHex(data)),
                     data, at + 2);
        break;
      case ftsub::kR0khId:
        sub.addBytes("wlan.ft.subelem.r0kh_id", fmt::format("PMK-R0 key holder identifier (R0KH-ID): {}", toColonHex(data)),
                     data, at + 2);
        break;
      case ftsub::kGtk:
        if (!describeFtGtk(sub, tag, out, data, at + 2)) return false;
        break;
      case ftsub::kIgtk:
        if (!describeFtIgtk(sub, tag, out, data, at + 2)) return false;
        break;
      default:
        sub.addBytes("wlan.ft.subelem.data", fmt::format("Data: {}", toColonHex(data)), data, at + 2);
        break;
    }
  }
  return true;
}

bool describeTimeoutInterval(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  ByteReader r(e.data, dataOffset(e));
  const std::size_t off = r.offset();
  const std::uint8_t type = r.u8();
  const std::uint32_t value = r.u32le();
  if (r.failed()) return markShort(tag, out, r, "Timeout Interval");
  static constexpr std::string_view kTypes[] = {"Reserved", "Reassociation deadline interval (TUs)",
                                                "Key lifetime interval (seconds)", "Association Comeback time (TUs)"};
  tag.addUint("wlan.timeout_int.type", fmt::format("Timeout Interval Type: {} ({})", type < 4 ? kTypes[type] : "Reserved", type),
              type, off, 1);
  tag.addUint("wlan.timeout_int.value", fmt::format("Timeout Interval Value: {}", value), value, off + 1, 4);
  return true;
}

}  // namespace rs::ieee80211::detail
