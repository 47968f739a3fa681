// SPDX-License-Identifier: GPL-3.0-or-later
// Vendor Specific element (9.4.2.26): OUI, then per-vendor content. The Wi-Fi
// Alliance / Microsoft OUI carries WPA1, WMM and WPS; the 00-0F-AC OUI inside
// EAPOL-Key Key Data carries the RSN KDEs.
#include <fmt/format.h>

#include "dissectors/ieee80211/elements/describe_support.h"
#include "dissectors/ieee80211/elements/suite_selector.h"

namespace rs::ieee80211::detail {
namespace {

using enum BitKind;

constexpr BitField kQosInfoAp[] = {
    {"wlan.wfa.ie.wme.qos_info.ap.u_apsd", "U-APSD", 0x80, Bool},
    {"wlan.wfa.ie.wme.qos_info.ap.parameter_set_count", "Parameter Set Count", 0x0f, Hex},
    {"wlan.wfa.ie.wme.qos_info.ap.reserved", "Reserved", 0x70, Hex},
};
constexpr BitField kQosInfoSta[] = {
    {"wlan.wfa.ie.wme.qos_info.sta.max_sp_length", "Max SP Length", 0x60, Hex},
    {"wlan.wfa.ie.wme.qos_info.sta.ac_be", "AC_BE", 0x08, Bool},
    {"wlan.wfa.ie.wme.qos_info.sta.ac_bk", "AC_BK", 0x04, Bool},
    {"wlan.wfa.ie.wme.qos_info.sta.ac_vi", "AC_VI", 0x02, Bool},
    {"wlan.wfa.ie.wme.qos_info.sta.ac_vo", "AC_VO", 0x01, Bool},
    {"wlan.wfa.ie.wme.qos_info.sta.reserved", "Reserved", 0x90, Hex},
};
constexpr BitField kAciAifsn[] = {
    {"wlan.wfa.ie.wme.acp.aifsn", "AIFSN", 0x0f, Dec},
    {"wlan.wfa.ie.wme.acp.acm", "Admission Control Mandatory", 0x10, Bool},
    {"wlan.wfa.ie.wme.acp.aci", "ACI", 0x60, Dec},
    {"wlan.wfa.ie.wme.acp.reserved", "Reserved", 0x80, Dec},
};
constexpr BitField kEcw[] = {
    {"wlan.wfa.ie.wme.acp.ecw.max", "ECW Max", 0xf0, Dec},
    {"wlan.wfa.ie.wme.acp.ecw.min", "ECW Min", 0x0f, Dec},
};

constexpr std::string_view kAccessCategories[] = {"Best Effort", "Background", "Video", "Voice"};

struct WpsAttribute {
  std::uint16_t type;
  std::string_view name;
  std::string_view label;
  enum { Hex8, Hex16, Text, Raw } kind;
};

// Wi-Fi Simple Configuration Technical Specification, Table 28 (attributes
// seen in beacons and probe frames).
constexpr WpsAttribute kWpsAttributes[] = {
    {0x104a, "wps.version", "Version", WpsAttribute::Hex8},
    {0x1044, "wps.wifi_protected_setup_state", "Wifi Protected Setup State", WpsAttribute::Hex8},
    {0x103a, "wps.request_type", "Request Type", WpsAttribute::Hex8},
    {0x103b, "wps.response_type", "Response Type", WpsAttribute::Hex8},
    {0x1008, "wps.config_methods", "Configuration Methods", WpsAttribute::Hex16},
    {0x1047, "wps.uuid_e", "UUID Enrollee", WpsAttribute::Raw},
    {0x103c, "wps.rf_bands", "RF Bands", WpsAttribute::Hex8},
    {0x1011, "wps.device_name", "Device Name", WpsAttribute::Text},
    {0x1021, "wps.manufacturer", "Manufacturer", WpsAttribute::Text},
    {0x1023, "wps.model_name", "Model Name", WpsAttribute::Text},
    {0x1024, "wps.model_number", "Model Number", WpsAttribute::Text},
    {0x1042, "wps.serial_number", "Serial Number", WpsAttribute::Text},
    {0x1054, "wps.primary_device_type", "Primary Device Type", WpsAttribute::Raw},
    {0x1041, "wps.selected_registrar", "Selected Registrar", WpsAttribute::Hex8},
    {0x1012, "wps.device_password_id", "Device Password ID", WpsAttribute::Hex16},
    {0x1053, "wps.selected_registrar_config_methods", "Selected Registrar Config Methods", WpsAttribute::Hex16},
    {0x1057, "wps.ap_setup_locked", "AP Setup Locked", WpsAttribute::Hex8},
    {0x1049, "wps.vendor_extension", "Vendor Extension", WpsAttribute::Raw},
};

bool qosInfoFromAp(std::uint8_t subtype, const ElementContext& ctx) {
  if (ctx.sender != ElementSender::Unknown) return ctx.sender == ElementSender::AccessPoint;
  // Only APs send the WMM Parameter element (subtype 1); stations send the
  // Information element (subtype 0) in their (re)association requests.
  return subtype == 1;
}

}  // namespace

bool describeWmm(const ElementView&, Field& tag, Dissection& out, const ElementContext& ctx, std::size_t off,
                 ByteView body) {
  // WMM Specification 2.2.1/2.2.2: subtype, version, QoS Info, then (Parameter element) reserved + 4 AC records.
  ByteReader r(body, off);
  const std::uint8_t subtype = r.u8();
  const std::uint8_t version = r.u8();
  if (r.failed()) return markShort(tag, out, r, "WMM header");
  tag.addUint("wlan.wfa.ie.wme.subtype", fmt::format("WME Subtype: {}", subtype), subtype, off, 1);
  tag.addUint("wlan.wfa.ie.wme.version", fmt::format("WME Version: {}", version), version, off + 1, 1);
  if (subtype > 1) return true;  // TSPEC and others: header only
  const std::uint8_t qos = r.u8();
  if (r.failed()) return markShort(tag, out, r, "WMM QoS Info");
  addFlagsWord(tag, "wlan.wfa.ie.wme.qos_info", "WME QoS Info", qos, 8, off + 2,
               qosInfoFromAp(subtype, ctx) ? std::span<const BitField>(kQosInfoAp) : kQosInfoSta);
  if (subtype == 0) return true;
  const std::size_t resAt = r.offset();
  const ByteView reserved = r.bytes(1);
  if (r.failed()) return markShort(tag, out, r, "WMM Parameter element");
  tag.addBytes("wlan.wfa.ie.wme.reserved", "Reserved", reserved, resAt);
  for (int ac = 0; ac < 4; ++ac) {
    const std::size_t at = r.offset();
    const std::uint8_t aciAifsn = r.u8();
    const std::uint8_t ecw = r.u8();
    const std::uint16_t txop = r.u16le();
    if (r.failed()) return markShort(tag, out, r, "WMM AC Parameter record");
    const std::string_view acName = kAccessCategories[(aciAifsn >> 5) & 0x3];
    Field& acp = tag.add(makeLayer("wlan.wfa.ie.wme.acp", fmt::format("Ac Parameters ACI {} ({})", (aciAifsn >> 5) & 0x3,
                                                                      acName),
                                   at, 4));
    addFlagsWord(acp, "wlan.wfa.ie.wme.acp.aci_aifsn", "ACI / AIFSN Field", aciAifsn, 8, at, kAciAifsn);
    Field& ecwField = addFlagsWord(acp, "wlan.wfa.ie.wme.acp.ecw", "ECW", ecw, 8, at + 1, kEcw);
    // CW = 2^ECW - 1 (WMM 2.2.2).
    const unsigned cwMax = (1u << (ecw >> 4)) - 1, cwMin = (1u << (ecw & 0x0f)) - 1;
    ecwField.addUint("wlan.wfa.ie.wme.acp.cw.max", fmt::format("CW Max: {}", cwMax), cwMax, at + 1, 1);
    ecwField.addUint("wlan.wfa.ie.wme.acp.cw.min", fmt::format("CW Min: {}", cwMin), cwMin, at + 1, 1);
    acp.addUint("wlan.wfa.ie.wme.acp.txop_limit", fmt::format("TXOP Limit: {}", txop), txop, at + 2, 2);
  }
  return true;
}

bool describeWps(const ElementView&, Field& tag, Dissection& out, std::size_t off, ByteView body) {
  // WPS attributes are big-endian Type (2), Length (2), Value.
  ByteReader r(body, off);
  while (!r.empty()) {
    const std::size_t at = r.offset();
    const std::uint16_t type = r.u16be();
    const std::uint16_t length = r.u16be();
    const ByteView value = r.bytes(length);
    if (r.failed()) return markShort(tag, out, r, "WPS attribute");
    const WpsAttribute* known = nullptr;
    for (const auto& a : kWpsAttributes)
      if (a.type == type) known = &a;
    Field& attr = tag.addText(known ? std::string(known->label) : fmt::format("WPS attribute {}", hexString(type, 4)),
                              at, 4u + length);
    attr.addUint("wps.type", fmt::format("Data Element Type: {}", hexString(type, 4)), type, at, 2, 4);
    attr.addUint("wps.length", fmt::format("Data Element Length: {}", length), length, at + 2, 2);
    if (!known) continue;
    const std::string name(known->name);
    if (known->kind == WpsAttribute::Hex8 && value.size() == 1) {
      attr.addUint(name, fmt::format("{}: {}", known->label, hexString(value[0], 2)), value[0], at + 4, 1, 2);
    } else if (known->kind == WpsAttribute::Hex16 && value.size() == 2) {
      const auto v = static_cast<std::uint16_t>((value[0] << 8) | value[1]);
      attr.addUint(name, fmt::format("{}: {}", known->label, hexString(v, 4)), v, at + 4, 2, 4);
    } else if (known->kind == WpsAttribute::Text) {
      std::string text(value.begin(), value.end());
      attr.addString(name, fmt::format("{}: {}", known->label, text), text, at + 4, value.size());
    } else {
      attr.addBytes(name, fmt::format("{}: {}", known->label, toColonHex(value)), value, at + 4);
    }
  }
  return true;
}

bool describeVendorSpecific(const ElementView& e, Field& tag, Dissection& out, const ElementContext& ctx) {
  ByteReader r(e.data, dataOffset(e));
  const std::size_t off = r.offset();
  const std::uint32_t oui = r.u24be();
  if (r.failed()) return markShort(tag, out, r, "Vendor OUI");
  const std::string_view org = ouiName(oui);
  const std::uint8_t o[3] = {e.data[0], e.data[1], e.data[2]};
  tag.addUint("wlan.tag.oui", org.empty() ? fmt::format("OUI: {}", toColonHex(o))
                                          : fmt::format("OUI: {} ({})", toColonHex(o), org),
              oui, off, 3);
  if (r.empty()) return true;
  const std::uint8_t type = r.u8();
  tag.addUint("wlan.tag.vendor.oui.type", fmt::format("Vendor Specific OUI Type: {}", type), type, off + 3, 1);
  const ByteView body = r.rest();
  const std::size_t bodyAt = off + 4;
  if (oui == kIeee80211Oui) return describeKde(e, tag, out, type, bodyAt, body);
  if (oui == kWfaOui && (type == 1 || type == 2 || type == 4)) {
    tag.addUint("wlan.wfa.ie.type", fmt::format("Type: {}", hexString(type, 2)), type, off + 3, 1, 2);
    if (type == 1) return describeWpaIe(e, tag, out, bodyAt, body);
    if (type == 2) return describeWmm(e, tag, out, ctx, bodyAt, body);
    return describeWps(e, tag, out, bodyAt, body);
  }
  if (!body.empty())
    tag.addBytes("wlan.tag.vendor.data", fmt::format("Vendor Specific Data: {}", toColonHex(body)), body, bodyAt);
  return true;
}

}  // namespace rs::ieee80211::detail
