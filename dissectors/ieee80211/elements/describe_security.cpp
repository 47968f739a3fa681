// SPDX-License-Identifier: GPL-3.0-or-later
// Describers for the security elements: RSNE (9.4.2.25), RSNXE, the WPA1
// vendor element, and the RSN KDEs of EAPOL-Key Key Data (12.7.2), with
// tshark's field names (wlan.rsn.*, wlan.wfa.ie.wpa.*, wlan.rsn.ie.*).
#include <fmt/format.h>

#include "dissectors/ieee80211/elements/describe_support.h"
#include "dissectors/ieee80211/elements/kde.h"
#include "dissectors/ieee80211/elements/suite_selector.h"

namespace rs::ieee80211::detail {
namespace {

using enum BitKind;

constexpr BitField kRsnCapabilityBits[] = {
    {"wlan.rsn.capabilities.preauth", "RSN Pre-Auth capabilities", 0x0001, Bool},
    {"wlan.rsn.capabilities.no_pairwise", "RSN No Pairwise capabilities", 0x0002, Bool},
    {"wlan.rsn.capabilities.ptksa_replay_counter", "RSN PTKSA Replay Counter capabilities", 0x000c, Hex},
    {"wlan.rsn.capabilities.gtksa_replay_counter", "RSN GTKSA Replay Counter capabilities", 0x0030, Hex},
    {"wlan.rsn.capabilities.mfpr", "Management Frame Protection Required", 0x0040, Bool},
    {"wlan.rsn.capabilities.mfpc", "Management Frame Protection Capable", 0x0080, Bool},
    {"wlan.rsn.capabilities.jmr", "Joint Multi-band RSNA", 0x0100, Bool},
    {"wlan.rsn.capabilities.peerkey", "PeerKey Enabled", 0x0200, Bool},
    {"wlan.rsn.capabilities.extended_key_id_iaf", "Extended Key ID for Individually Addressed Frames", 0x2000,
     Bool},
};

constexpr BitField kGtkKdeBits[] = {
    {"wlan.rsn.ie.gtk_kde.key_id", "Key ID", 0x03, Hex},
    {"wlan.rsn.ie.gtk_kde.tx", "Tx", 0x04, Bool},
    {"wlan.rsn.ie.gtk_kde.res1", "Reserved", 0xf8, Hex},
};

constexpr BitField kRsnxBits[] = {
    {"wlan.rsnx.length", "RSNX Length", 0x0f, Dec},
    {"wlan.rsnx.protected_twt_operations_support", "Protected TWT Operations Support", 0x10, Dec},
    {"wlan.rsnx.sae_hash_to_element", "SAE Hash to element", 0x20, Dec},
    {"wlan.rsnx.reserved", "Reserved", 0xc0, Hex},
};

std::string ouiText(std::uint32_t oui) {
  const std::uint8_t o[3] = {static_cast<std::uint8_t>(oui >> 16), static_cast<std::uint8_t>(oui >> 8),
                             static_cast<std::uint8_t>(oui)};
  const std::string_view name = ouiName(oui);
  return name.empty() ? toColonHex(o) : fmt::format("{} ({})", toColonHex(o), name);
}

// Names of one suite selector's fields: the suite itself, its OUI and type.
struct SuiteNames {
  std::string_view suite;
  std::string_view oui;
  std::string_view type;
  std::string_view label;
  bool akm;
};

void addSuite(Field& parent, const SuiteNames& n, SuiteSelector s, std::size_t off) {
  const std::string_view meaning = n.akm ? akmSuiteName(s) : cipherSuiteName(s);
  Field& suite = parent.addUint(std::string(n.suite), fmt::format("{}: {} {}", n.label, ouiText(s.oui), meaning),
                                s.value(), off, 4);
  suite.addUint(std::string(n.oui), fmt::format("{} OUI: {}", n.label, ouiText(s.oui)), s.oui, off, 3);
  suite.addUint(std::string(n.type), fmt::format("{} type: {} ({})", n.label, meaning, s.type), s.type, off + 3, 1);
}

SuiteSelector readSuite(ByteReader& r) {
  SuiteSelector s;
  s.oui = r.u24be();
  s.type = r.u8();
  return s;
}

// Count (2, LE) + list of suites under a "*.list" node; false if cut short.
bool describeSuiteList(Field& tag, Dissection& out, ByteReader& r, std::string_view countName,
                       std::string_view countLabel, std::string_view listName, std::string_view listLabel,
                       const SuiteNames& names) {
  const std::size_t at = r.offset();
  const std::uint16_t count = r.u16le();
  if (r.failed()) return markShort(tag, out, r, countLabel);
  tag.addUint(std::string(countName), fmt::format("{}: {}", countLabel, count), count, at, 2);
  Field& list = tag.add(makeLayer(std::string(listName), std::string(listLabel), r.offset(),
                                  std::min<std::size_t>(std::size_t{count} * 4, r.remaining())));
  for (std::uint16_t i = 0; i < count; ++i) {
    const std::size_t off = r.offset();
    const SuiteSelector s = readSuite(r);
    if (r.failed()) return markShort(tag, out, r, listLabel);
    addSuite(list, names, s, off);
  }
  return true;
}

constexpr SuiteNames kGcs{"wlan.rsn.gcs", "wlan.rsn.gcs.oui", "wlan.rsn.gcs.type", "Group Cipher Suite", false};
constexpr SuiteNames kPcs{"wlan.rsn.pcs", "wlan.rsn.pcs.oui", "wlan.rsn.pcs.type", "Pairwise Cipher Suite", false};
constexpr SuiteNames kAkms{"wlan.rsn.akms", "wlan.rsn.akms.oui", "wlan.rsn.akms.type",
                           "Auth Key Management (AKM) Suite", true};
constexpr SuiteNames kGmcs{"wlan.rsn.gmcs", "wlan.rsn.gmcs.oui", "wlan.rsn.gmcs.type",
                           "Group Management Cipher Suite", false};
constexpr SuiteNames kWpaMcs{"wlan.wfa.ie.wpa.mcs", "wlan.wfa.ie.wpa.mcs.oui", "wlan.wfa.ie.wpa.mcs.type",
                             "Multicast Cipher Suite", false};
constexpr SuiteNames kWpaUcs{"wlan.wfa.ie.wpa.ucs", "wlan.wfa.ie.wpa.ucs.oui", "wlan.wfa.ie.wpa.ucs.type",
                             "Unicast Cipher Suite", false};
// tshark 4.0 names the WPA1 AKM type "wlan.wfa.ie.wpa.type" in its output.
constexpr SuiteNames kWpaAkms{"wlan.wfa.ie.wpa.akms", "wlan.wfa.ie.wpa.akms.oui", "wlan.wfa.ie.wpa.type",
                              "Auth Key Management (AKM) Suite", true};

void addFlat(Field& tag, std::uint64_t value, int bits, std::size_t off, std::size_t len,
             std::span<const BitField> fields) {
  Field holder = makeLayer({}, {}, off, len);
  addBitFields(holder, value, bits, fields);
  for (auto& c : holder.children) tag.add(std::move(c));
}

}  // namespace

bool describeRsne(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  ByteReader r(e.data, dataOffset(e));
  std::size_t off = r.offset();
  const std::uint16_t version = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "RSN Version");
  tag.addUint("wlan.rsn.version", fmt::format("RSN Version: {}", version), version, off, 2);
  // Every field after Version may be absent at the tail (9.4.2.25.1).
  if (r.empty()) return true;
  off = r.offset();
  const SuiteSelector group = readSuite(r);
  if (r.failed()) return markShort(tag, out, r, "Group Cipher Suite");
  addSuite(tag, kGcs, group, off);
  if (r.empty()) return true;
  if (!describeSuiteList(tag, out, r, "wlan.rsn.pcs.count", "Pairwise Cipher Suite Count", "wlan.rsn.pcs.list",
                         "Pairwise Cipher Suite List", kPcs))
    return false;
  if (r.empty()) return true;
  if (!describeSuiteList(tag, out, r, "wlan.rsn.akms.count", "Auth Key Management (AKM) Suite Count",
                         "wlan.rsn.akms.list", "Auth Key Management (AKM) List", kAkms))
    return false;
  if (r.empty()) return true;
  off = r.offset();
  const std::uint16_t caps = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "RSN Capabilities");
  addFlagsWord(tag, "wlan.rsn.capabilities", "RSN Capabilities", caps, 16, off, kRsnCapabilityBits);
  if (r.empty()) return true;
  off = r.offset();
  const std::uint16_t pmkidCount = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "PMKID Count");
  tag.addUint("wlan.rsn.pmkid.count", fmt::format("PMKID Count: {}", pmkidCount), pmkidCount, off, 2);
  Field& list = tag.add(makeLayer("wlan.rsn.pmkid.list", "PMKID List", r.offset(),
                                  std::min<std::size_t>(std::size_t{pmkidCount} * 16, r.remaining())));
  for (std::uint16_t i = 0; i < pmkidCount; ++i) {
    off = r.offset();
    const ByteView pmkid = r.bytes(16);
    if (r.failed()) return markShort(tag, out, r, "PMKID List");
    // tshark 4.0 registers the RSNE PMKID as "wlan.pmkid.akms".
    list.addBytes("wlan.pmkid.akms", fmt::format("PMKID: {}", toColonHex(pmkid)), pmkid, off);
  }
  if (r.empty()) return true;
  off = r.offset();
  const SuiteSelector gm = readSuite(r);
  if (r.failed()) return markShort(tag, out, r, "Group Management Cipher Suite");
  addSuite(tag, kGmcs, gm, off);
  return true;
}

bool describeRsnx(const ElementView& e, Field& tag, Dissection&, const ElementContext&) {
  const std::size_t off = dataOffset(e);
  if (e.data.empty()) return true;
  addFlagsWord(tag, "wlan.rsnx", "RSNX", e.data[0], 8, off, kRsnxBits);
  if (e.data.size() > 1)
    tag.addBytes("wlan.tag.data", fmt::format("Tag Data: {}", toColonHex(e.data.subspan(1))), e.data.subspan(1),
                 off + 1);
  return true;
}

bool describeWpaIe(const ElementView&, Field& tag, Dissection& out, std::size_t off, ByteView body) {
  ByteReader r(body, off);
  const std::uint16_t version = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "WPA Version");
  tag.addUint("wlan.wfa.ie.wpa.version", fmt::format("WPA Version: {}", version), version, off, 2);
  if (r.empty()) return true;
  std::size_t at = r.offset();
  const SuiteSelector group = readSuite(r);
  if (r.failed()) return markShort(tag, out, r, "Multicast Cipher Suite");
  addSuite(tag, kWpaMcs, group, at);
  if (r.empty()) return true;
  if (!describeSuiteList(tag, out, r, "wlan.wfa.ie.wpa.ucs.count", "Unicast Cipher Suite Count",
                         "wlan.wfa.ie.wpa.ucs.list", "Unicast Cipher Suite List", kWpaUcs))
    return false;
  if (r.empty()) return true;
  if (!describeSuiteList(tag, out, r, "wlan.wfa.ie.wpa.akms.count", "Auth Key Management (AKM) Suite Count",
                         "wlan.wfa.ie.wpa.akms.list", "Auth Key Management (AKM) List", kWpaAkms))
    return false;
  if (r.empty()) return true;
  at = r.offset();
  const std::uint16_t caps = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "WPA Capabilities");
  tag.addText(fmt::format("WPA Capabilities: {}", hexString(caps, 4)), at, 2);
  return true;
}

bool describeKde(const ElementView&, Field& tag, Dissection& out, std::uint8_t dataType, std::size_t off,
                 ByteView body) {
  tag.addUint("wlan.rsn.ie.kde.data_type", fmt::format("Data Type: {} Key ({})", kdeName(dataType), dataType),
              dataType, off - 1, 1);
  ByteReader r(body, off);
  switch (dataType) {
    case kde::kGtk: {
      // 12.7.2 Figure 12-36: flags octet, reserved octet, GTK.
      const std::uint8_t flags = r.u8();
      const std::uint8_t reserved = r.u8();
      if (r.failed()) return markShort(tag, out, r, "GTK KDE");
      addFlat(tag, flags, 8, off, 1, kGtkKdeBits);
      tag.addUint("wlan.rsn.ie.gtk_kde.res2", fmt::format("Reserved: {}", hexString(reserved, 2)), reserved, off + 1,
                  1, 2);
      const ByteView gtk = r.rest();
      tag.addBytes("wlan.rsn.ie.gtk_kde.gtk", fmt::format("GTK: {}", toColonHex(gtk)), gtk, off + 2);
      return true;
    }
    case kde::kMacAddress: {
      const ByteView mac = r.bytes(6);
      if (r.failed()) return markShort(tag, out, r, "MAC address KDE");
      tag.addBytes("wlan.rsn.ie.mac_address_kde.mac_address", fmt::format("MAC Address: {}", toColonHex(mac)), mac,
                   off);
      return true;
    }
    case kde::kPmkid: {
      const ByteView pmkid = r.bytes(16);
      if (r.failed()) return markShort(tag, out, r, "PMKID KDE");
      tag.addBytes("wlan.rsn.ie.pmkid", fmt::format("PMKID: {}", toColonHex(pmkid)), pmkid, off);
      return true;
    }
    case kde::kNonce: {
      const ByteView nonce = r.bytes(32);
      if (r.failed()) return markShort(tag, out, r, "Nonce KDE");
      tag.addBytes("wlan.rsn.ie.key_nonce_kde.nonce", fmt::format("Key Nonce: {}", toColonHex(nonce)), nonce, off);
      return true;
    }
    case kde::kLifetime: {
      const std::uint32_t lifetime = r.u32be();
      if (r.failed()) return markShort(tag, out, r, "Lifetime KDE");
      tag.addUint("wlan.rsn.ie.key_lifetime_kde.lifetime", fmt::format("Key Lifetime: {}", lifetime), lifetime, off,
                  4);
      return true;
    }
    case kde::kError: {
      const std::uint16_t reserved = r.u16be();
      const std::uint16_t type = r.u16be();
      if (r.failed()) return markShort(tag, out, r, "Error KDE");
      tag.addUint("wlan.rsn.ie.error_kde.reserved", fmt::format("Reserved: {}", hexString(reserved, 4)), reserved, off,
                  2, 4);
      tag.addUint("wlan.rsn.ie.error_kde.error_type", fmt::format("Error Type: {}", hexString(type, 4)), type,
                  off + 2, 2, 4);
      return true;
    }
    case kde::kIgtk:
    case kde::kBigtk: {
      // 12.7.2 Figure 12-42 (IGTK) and its BIGTK twin: Key ID (2), IPN/BIPN (6), key.
      const bool igtk = dataType == kde::kIgtk;
      const std::uint16_t keyId = r.u16le();
      const std::uint64_t pn = r.u48le();
      if (r.failed()) return markShort(tag, out, r, igtk ? "IGTK KDE" : "BIGTK KDE");
      const ByteView key = r.rest();
      tag.addUint(igtk ? "wlan.rsn.ie.igtk.kde.keyid" : "wlan.rsn.ie.bigtk_kde.key_id",
                  fmt::format("{}: {}", igtk ? "KeyId" : "Key ID", keyId), keyId, off, 2);
      tag.addUint(igtk ? "wlan.rsn.ie.igtk.kde.ipn" : "wlan.rsn.ie.bigtk_kde.bipn",
                  fmt::format("{}: {}", igtk ? "IPN" : "BIPN", pn), pn, off + 2, 6);
      tag.addBytes(igtk ? "wlan.rsn.ie.igtk.kde.igtk" : "wlan.rsn.ie.bigtk_kde.bigtk",
                   fmt::format("{}: {}", igtk ? "IGTK" : "BIGTK", toColonHex(key)), key, off + 8);
      return true;
    }
    case kde::kKeyId: {
      const std::uint8_t id = r.u8();
      if (r.failed()) return markShort(tag, out, r, "Key ID KDE");
      tag.addUint("wlan.rsn.ie.ptk.keyid", fmt::format("KeyID: {}", id & 0x03), id & 0x03u, off, 1);
      return true;
    }
    case kde::kOci: {
      const std::uint8_t opClass = r.u8(), primary = r.u8(), seg1 = r.u8();
      if (r.failed()) return markShort(tag, out, r, "OCI KDE");
      tag.addUint("wlan.rsn.ie.oci_kde.operating_class", fmt::format("Operating Class: {}", opClass), opClass, off, 1);
      tag.addUint("wlan.rsn.ie.oci_kde.primary_channel_number", fmt::format("Primary Channel Number: {}", primary),
                  primary, off + 1, 1);
      tag.addUint("wlan.rsn.ie.oci_kde.frequency_segment_1_channel_number",
                  fmt::format("Frequency Segment 1 Channel Number: {}", seg1), seg1, off + 2, 1);
      return true;
    }
    default:
      if (!body.empty())
        tag.addBytes("wlan.rsn.ie.unknown", fmt::format("RSN Unknown: {}", toColonHex(body)), body, off);
      return true;
  }
}

}  // namespace rs::ieee80211::detail
