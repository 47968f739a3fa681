// SPDX-License-Identifier: GPL-3.0-or-later
// Describers for the common, non-security elements: SSID, rates, DS Parameter
// Set, TIM, Country, ERP, HT Capabilities/Operation, Extended and RM Enabled
// Capabilities (IEEE 802.11-2016 9.4.2.2-9.4.2.57), with tshark's field names.
#include <fmt/format.h>

#include "dissectors/ieee80211/elements/describe_support.h"

namespace rs::ieee80211::detail {
namespace {

using enum BitKind;

std::string rateText(std::uint8_t b) {
  const unsigned halfMbps = b & 0x7f;
  const std::string rate = halfMbps % 2 ? fmt::format("{}.5", halfMbps / 2) : fmt::format("{}", halfMbps / 2);
  return fmt::format("{}{}", rate, (b & 0x80) ? "(B)" : "");
}

constexpr BitField kTimBitmapControl[] = {
    {"wlan.tim.bmapctl.multicast", "Multicast", 0x01, Bool},
    {"wlan.tim.bmapctl.offset", "Bitmap Offset", 0xfe, Hex},
};

constexpr BitField kErpBits[] = {
    {"wlan.erp_info.erp_present", "Non ERP Present", 0x01, Bool},
    {"wlan.erp_info.use_protection", "Use Protection", 0x02, Bool},
    {"wlan.erp_info.barker_preamble_mode", "Barker Preamble Mode", 0x04, Bool},
    {"wlan.erp_info.reserved", "Reserved", 0xf8, Hex},
};

constexpr BitField kHtCapabilityBits[] = {
    {"wlan.ht.capabilities.ldpccoding", "HT LDPC coding capability", 0x0001, Bool},
    {"wlan.ht.capabilities.width", "HT Support channel width", 0x0002, Bool},
    {"wlan.ht.capabilities.sm", "HT SM Power Save", 0x000c, Hex},
    {"wlan.ht.capabilities.green", "HT Green Field", 0x0010, Bool},
    {"wlan.ht.capabilities.short20", "HT Short GI for 20MHz", 0x0020, Bool},
    {"wlan.ht.capabilities.short40", "HT Short GI for 40MHz", 0x0040, Bool},
    {"wlan.ht.capabilities.txstbc", "HT Tx STBC", 0x0080, Bool},
    {"wlan.ht.capabilities.rxstbc", "HT Rx STBC", 0x0300, Hex},
    {"wlan.ht.capabilities.delayedblockack", "HT Delayed Block ACK", 0x0400, Bool},
    {"wlan.ht.capabilities.amsdu", "HT Max A-MSDU length", 0x0800, Bool},
    {"wlan.ht.capabilities.dsscck", "HT DSSS/CCK mode in 40MHz", 0x1000, Bool},
    {"wlan.ht.capabilities.psmp", "HT PSMP Support", 0x2000, Bool},
    {"wlan.ht.capabilities.40mhzintolerant", "HT Forty MHz Intolerant", 0x4000, Bool},
    {"wlan.ht.capabilities.lsig", "HT L-SIG TXOP Protection support", 0x8000, Bool},
};

constexpr BitField kAmpduBits[] = {
    {"wlan.ht.ampduparam.maxlength", "Maximum Rx A-MPDU Length", 0x03, Hex},
    {"wlan.ht.ampduparam.mpdudensity", "MPDU Density", 0x1c, Hex},
    {"wlan.ht.ampduparam.reserved", "Reserved", 0xe0, Hex},
};

constexpr BitField kHtExtendedBits[] = {
    {"wlan.htex.capabilities.pco", "Transmitter supports PCO", 0x0001, Bool},
    {"wlan.htex.capabilities.transtime", "Time needed to transition between 20MHz and 40MHz", 0x0006, Hex},
    {"wlan.htex.capabilities.mcs", "MCS Feedback capability", 0x0300, Hex},
    {"wlan.htex.capabilities.htc", "High Throughput", 0x0400, Bool},
    {"wlan.htex.capabilities.rdresponder", "Reverse Direction Responder", 0x0800, Bool},
};

constexpr BitField kHtInfo1[] = {
    {"wlan.ht.info.secchanoffset", "Secondary channel offset", 0x03, Hex},
    {"wlan.ht.info.chanwidth", "Supported channel width", 0x04, Bool},
    {"wlan.ht.info.rifs", "Reduced Interframe Spacing (RIFS)", 0x08, Bool},
    {"wlan.ht.info.reserved_b4_b7", "Reserved", 0xf0, Hex},
};
constexpr BitField kHtInfo2[] = {
    {"wlan.ht.info.ht_protection", "HT Protection", 0x0003, Hex},
    {"wlan.ht.info.greenfield", "Non-greenfield STAs present", 0x0004, Bool},
    {"wlan.ht.info.reserved_b11", "Reserved", 0x0008, Hex},
    {"wlan.ht.info.obssnonht", "OBSS non-HT STAs present", 0x0010, Bool},
    {"wlan.ht.info.chan_center_freq_seg_2", "Channel Center Frequency Segment 2", 0x1fe0, Dec},
    {"wlan.ht.info.reserved_b21_b23", "Reserved", 0xe000, Hex},
};
constexpr BitField kHtInfo3[] = {
    {"wlan.ht.info.reserved_b24_b29", "Reserved", 0x003f, Hex},
    {"wlan.ht.info.dualbeacon", "Dual beacon", 0x0040, Bool},
    {"wlan.ht.info.dualcts", "Dual Clear To Send (CTS) protection", 0x0080, Bool},
    {"wlan.ht.info.secondarybeacon", "Beacon ID", 0x0100, Bool},
    {"wlan.ht.info.lsigprotsupport", "L-SIG TXOP Protection Full Support", 0x0200, Bool},
    {"wlan.ht.info.pco.active", "Phased Coexistence Operation (PCO)", 0x0400, Bool},
    {"wlan.ht.info.pco.phase", "Phased Coexistence Operation (PCO) Phase", 0x0800, Bool},
    {"wlan.ht.info.reserved_b36_b39", "Reserved", 0xf000, Hex},
};

// Extended Capabilities octets 0-3 (9.4.2.27 Table 9-135): the bits that
// matter for roaming (BSS Transition, WNM Sleep Mode, ...).
constexpr BitField kExtCap0[] = {
    {"wlan.extcap.b0", "20/40 BSS Coexistence Management Support", 0x01, Bool},
    {"wlan.extcap.b1", "Reserved (was On-demand beacon)", 0x02, Hex},
    {"wlan.extcap.b2", "Extended Channel Switching", 0x04, Bool},
    {"wlan.extcap.b3", "Reserved (was WAVE indication)", 0x08, Hex},
    {"wlan.extcap.b4", "PSMP Capability", 0x10, Bool},
    {"wlan.extcap.b5", "Reserved", 0x20, Hex},
    {"wlan.extcap.b6", "S-PSMP Support", 0x40, Bool},
    {"wlan.extcap.b7", "Event", 0x80, Bool},
};
constexpr BitField kExtCap1[] = {
    {"wlan.extcap.b8", "Diagnostics", 0x01, Bool},
    {"wlan.extcap.b9", "Multicast Diagnostics", 0x02, Bool},
    {"wlan.extcap.b10", "Location Tracking", 0x04, Bool},
    {"wlan.extcap.b11", "FMS", 0x08, Bool},
    {"wlan.extcap.b12", "Proxy ARP Service", 0x10, Bool},
    {"wlan.extcap.b13", "Collocated Interference Reporting", 0x20, Bool},
    {"wlan.extcap.b14", "Civic Location", 0x40, Bool},
    {"wlan.extcap.b15", "Geospatial Location", 0x80, Bool},
};
constexpr BitField kExtCap2[] = {
    {"wlan.extcap.b16", "TFS", 0x01, Bool},
    {"wlan.extcap.b17", "WNM Sleep Mode", 0x02, Bool},
    {"wlan.extcap.b18", "TIM Broadcast", 0x04, Bool},
    {"wlan.extcap.b19", "BSS Transition", 0x08, Bool},
    {"wlan.extcap.b20", "QoS Traffic Capability", 0x10, Bool},
    {"wlan.extcap.b21", "AC Station Count", 0x20, Bool},
    {"wlan.extcap.b22", "Multiple BSSID", 0x40, Bool},
    {"wlan.extcap.b23", "Timing Measurement", 0x80, Bool},
};
constexpr BitField kExtCap3[] = {
    {"wlan.extcap.b24", "Channel Usage", 0x01, Bool},
    {"wlan.extcap.b25", "SSID List", 0x02, Bool},
    {"wlan.extcap.b26", "DMS", 0x04, Bool},
    {"wlan.extcap.b27", "UTC TSF Offset", 0x08, Bool},
    {"wlan.extcap.b28", "TPU Buffer STA Support", 0x10, Bool},
    {"wlan.extcap.b29", "TDLS Peer PSM Support", 0x20, Bool},
    {"wlan.extcap.b30", "TDLS channel switching", 0x40, Bool},
    {"wlan.extcap.b31", "Interworking", 0x80, Bool},
};

// RM Enabled Capabilities octet 0 (9.4.2.45 Table 9-157).
constexpr BitField kRmCap0[] = {
    {"wlan.rmcap.b0", "Link Measurement", 0x01, Bool},
    {"wlan.rmcap.b1", "Neighbor Report", 0x02, Bool},
    {"wlan.rmcap.b2", "Parallel Measurements", 0x04, Bool},
    {"wlan.rmcap.b3", "Repeated Measurements", 0x08, Bool},
    {"wlan.rmcap.b4", "Beacon Passive Measurement", 0x10, Bool},
    {"wlan.rmcap.b5", "Beacon Active Measurement", 0x20, Bool},
    {"wlan.rmcap.b6", "Beacon Table Measurement", 0x40, Bool},
    {"wlan.rmcap.b7", "Beacon Measurement Reporting Conditions", 0x80, Bool},
};

// Supported MCS Set (9.4.2.56.4), shared by HT Capabilities and HT Operation.
bool describeMcsSet(Field& tag, Dissection& out, ByteReader& r) {
  const std::size_t off = r.offset();
  ByteReader set = r.sub(16);
  if (set.failed()) return markShort(tag, out, r, "Supported MCS Set");
  Field& mcs = tag.add(makeLayer("wlan.ht.mcsset", "Rx Supported Modulation and Coding Scheme Set", off, 16));
  Field& mask = mcs.add(makeLayer("wlan.ht.mcsset.rxbitmask", "Rx Modulation and Coding Scheme (One bit per modulation)",
                                  off, 10));
  ByteReader w0(set.view().subspan(0, 4), off), w4(set.view().subspan(4, 4), off + 4),
      w6(set.view().subspan(6, 4), off + 6);
  const std::uint32_t v0 = w0.u32le(), v4 = w4.u32le(), v6 = w6.u32le();
  struct Part { const char* name; const char* label; std::uint32_t word; std::uint32_t mask; std::size_t at; };
  const Part parts[] = {
      {"wlan.ht.mcsset.rxbitmask.0to7", "Rx Bitmask Bits 0-7", v0, 0x000000ff, off},
      {"wlan.ht.mcsset.rxbitmask.8to15", "Rx Bitmask Bits 8-15", v0, 0x0000ff00, off},
      {"wlan.ht.mcsset.rxbitmask.16to23", "Rx Bitmask Bits 16-23", v0, 0x00ff0000, off},
      {"wlan.ht.mcsset.rxbitmask.24to31", "Rx Bitmask Bits 24-31", v0, 0xff000000, off},
      {"wlan.ht.mcsset.rxbitmask.32", "Rx Bitmask Bit 32", v4, 0x00000001, off + 4},
      {"wlan.ht.mcsset.rxbitmask.33to38", "Rx Bitmask Bits 33-38", v4, 0x0000007e, off + 4},
      {"wlan.ht.mcsset.rxbitmask.39to52", "Rx Bitmask Bits 39-52", v4, 0x001fff80, off + 4},
      {"wlan.ht.mcsset.rxbitmask.53to76", "Rx Bitmask Bits 53-76", v6, 0x1fffffe0, off + 6},
  };
  for (const auto& p : parts) {
    const std::uint32_t v = (p.word & p.mask) >> std::countr_zero(p.mask);
    mask.addUint(p.name, fmt::format("{}: {}", p.label, hexString(v, 8)), v, p.at, 4, 8);
  }
  ByteReader tail(set.view().subspan(10), off + 10);
  const std::uint16_t highest = tail.u16le();
  mcs.addUint("wlan.ht.mcsset.highestdatarate", fmt::format("Highest Supported Data Rate: {}", hexString(highest & 0x3ff, 4)),
              highest & 0x3ffu, off + 10, 2, 4);
  static constexpr BitField kTxBits[] = {
      {"wlan.ht.mcsset.txsetdefined", "Tx Supported MCS Set", 0x0001, Bool},
      {"wlan.ht.mcsset.txrxmcsnotequal", "Tx and Rx MCS Set", 0x0002, Bool},
      {"wlan.ht.mcsset.txmaxss", "Maximum Number of Tx Spatial Streams Supported", 0x000c, Hex},
      {"wlan.ht.mcsset.txunequalmod", "Unequal Modulation", 0x0010, Bool},
  };
  ByteReader txr(set.view().subspan(12), off + 12);
  const std::uint16_t tx = txr.u16le();
  Field holder = makeLayer({}, {}, off + 12, 2);
  addBitFields(holder, tx, 16, kTxBits);
  for (auto& c : holder.children) mcs.add(std::move(c));
  return true;
}

}  // namespace

bool describeSsid(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  std::string text;
  for (auto b : e.data) text += (b >= 0x20 && b < 0x7f) ? static_cast<char>(b) : '.';
  tag.addBytes("wlan.ssid", fmt::format("SSID: {}", text), e.data, dataOffset(e));
  if (e.data.size() > 32) {
    tag.malformed = true;
    out.markMalformed(tag, fmt::format("SSID length {} exceeds 32", e.data.size()), e.offset + 1);
    return false;
  }
  return true;
}

bool describeRates(const ElementView& e, Field& tag, Dissection&, const ElementContext&) {
  const char* name = e.id == 1 ? "wlan.supported_rates" : "wlan.extended_supported_rates";
  const char* label = e.id == 1 ? "Supported Rates" : "Extended Supported Rates";
  std::size_t off = dataOffset(e);
  for (auto b : e.data) {
    tag.addUint(name, fmt::format("{}: {} (0x{:02x})", label, rateText(b), b), b, off++, 1, 2);
  }
  return true;
}

bool describeDsParameter(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  ByteReader r(e.data, dataOffset(e));
  const std::uint8_t channel = r.u8();
  if (r.failed()) return markShort(tag, out, r, "Current Channel");
  tag.addUint("wlan.ds.current_channel", fmt::format("Current Channel: {}", channel), channel, dataOffset(e), 1);
  return true;
}

bool describeTim(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  // 9.4.2.6: DTIM Count, DTIM Period, Bitmap Control, Partial Virtual Bitmap.
  ByteReader r(e.data, dataOffset(e));
  const std::size_t off = r.offset();
  const std::uint8_t count = r.u8();
  const std::uint8_t period = r.u8();
  const std::uint8_t control = r.u8();
  if (r.failed()) return markShort(tag, out, r, "TIM");
  tag.addUint("wlan.tim.dtim_count", fmt::format("DTIM count: {}", count), count, off, 1);
  tag.addUint("wlan.tim.dtim_period", fmt::format("DTIM period: {}", period), period, off + 1, 1);
  addFlagsWord(tag, "wlan.tim.bmapctl", "Bitmap control", control, 8, off + 2, kTimBitmapControl);
  const ByteView bitmap = r.rest();
  if (!bitmap.empty())
    tag.addBytes("wlan.tim.partial_virtual_bitmap", fmt::format("Partial Virtual Bitmap: {}", toColonHex(bitmap)),
                 bitmap, off + 3);
  // Bit j of bitmap octet i is AID 8 * (N1 + i) + j, N1 = 2 * Bitmap Offset.
  const unsigned n1 = 2u * (control >> 1);
  for (std::size_t i = 0; i < bitmap.size(); ++i)
    for (unsigned j = 0; j < 8; ++j)
      if (bitmap[i] & (1u << j)) {
        const auto aid = static_cast<std::uint64_t>(8u * (n1 + i) + j);
        tag.addUint("wlan.tim.aid", fmt::format("Association ID: {}", hexString(aid, 2)), aid, off + 3 + i, 1, 2);
      }
  return true;
}

bool describeCountry(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  // 9.4.2.9: Country String (2 letters + environment), triplets, optional pad octet.
  ByteReader r(e.data, dataOffset(e));
  const std::size_t off = r.offset();
  const ByteView code = r.bytes(2);
  const std::uint8_t environment = r.u8();
  if (r.failed()) return markShort(tag, out, r, "Country String");
  const std::string codeText(code.begin(), code.end());
  tag.addString("wlan.country_info.code", fmt::format("Code: {}", codeText), codeText, off, 2);
  tag.addUint("wlan.country_info.environment", fmt::format("Environment: {}", environment), environment, off + 2, 1);
  while (r.remaining() >= 3) {
    const std::size_t at = r.offset();
    const std::uint8_t a = r.u8(), b = r.u8(), c = r.u8();
    if (a >= 201) {  // Operating (regulatory) triplet: extension identifier >= 201
      Field& t = tag.add(makeLayer("wlan.country_info.rrc", "Country Info: Operating triplet", at, 3));
      t.addUint("wlan.country_info.rrc.oei", fmt::format("Operating Extension Identifier: {}", a), a, at, 1);
      t.addUint("wlan.country_info.rrc.oc", fmt::format("Operating Class: {}", b), b, at + 1, 1);
      t.addUint("wlan.country_info.rrc.cc", fmt::format("Coverage Class: {}", c), c, at + 2, 1);
    } else {
      Field& t = tag.add(makeLayer("wlan.country_info.fnm",
                                   fmt::format("Country Info: First Channel Number: {}, Number of Channels: {}, "
                                               "Maximum Transmit Power Level: {} dBm",
                                               a, b, static_cast<std::int8_t>(c)),
                                   at, 3));
      t.addUint("wlan.country_info.fnm.fcn", fmt::format("First Channel Number: {}", a), a, at, 1);
      t.addUint("wlan.country_info.fnm.nc", fmt::format("Number of Channels: {}", b), b, at + 1, 1);
      t.addInt("wlan.country_info.fnm.mtpl", fmt::format("Maximum Transmit Power Level: {} dBm", static_cast<std::int8_t>(c)),
               static_cast<std::int8_t>(c), at + 2, 1);
    }
  }
  if (!r.empty()) {
    const std::size_t at = r.offset();
    const ByteView pad = r.rest();
    tag.addBytes("wlan.country_info.padding", fmt::format("Padding: {}", toColonHex(pad)), pad, at);
  }
  return true;
}

bool describeErp(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  ByteReader r(e.data, dataOffset(e));
  const std::uint8_t erp = r.u8();
  if (r.failed()) return markShort(tag, out, r, "ERP Information");
  addFlagsWord(tag, "wlan.erp_info", "ERP Information", erp, 8, dataOffset(e), kErpBits);
  return true;
}

bool describeHtCapabilities(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  // 9.4.2.56: HT Capability Information (2), A-MPDU Parameters (1), Supported
  // MCS Set (16), HT Extended Capabilities (2), TxBF (4), ASEL (1).
  ByteReader r(e.data, dataOffset(e));
  std::size_t off = r.offset();
  const std::uint16_t info = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "HT Capability Information");
  addFlagsWord(tag, "wlan.ht.capabilities", "HT Capabilities Info", info, 16, off, kHtCapabilityBits);
  off = r.offset();
  const std::uint8_t ampdu = r.u8();
  if (r.failed()) return markShort(tag, out, r, "A-MPDU Parameters");
  addFlagsWord(tag, "wlan.ht.ampduparam", "A-MPDU Parameters", ampdu, 8, off, kAmpduBits);
  if (!describeMcsSet(tag, out, r)) return false;
  off = r.offset();
  const std::uint16_t ext = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "HT Extended Capabilities");
  addFlagsWord(tag, "wlan.htex.capabilities", "HT Extended Capabilities", ext, 16, off, kHtExtendedBits);
  off = r.offset();
  const std::uint32_t txbf = r.u32le();
  if (r.failed()) return markShort(tag, out, r, "Transmit Beamforming Capabilities");
  tag.addUint("wlan.txbf", fmt::format("Transmit Beam Forming (TxBF) Capabilities: {}", hexString(txbf, 8)), txbf, off,
              4, 8);
  off = r.offset();
  const std::uint8_t asel = r.u8();
  if (r.failed()) return markShort(tag, out, r, "ASEL Capability");
  tag.addUint("wlan.asel", fmt::format("Antenna Selection (ASEL) Capabilities: {}", hexString(asel, 2)), asel, off, 1, 2);
  return true;
}

bool describeHtOperation(const ElementView& e, Field& tag, Dissection& out, const ElementContext&) {
  // 9.4.2.57: Primary Channel, HT Operation Information (5), Basic HT-MCS Set (16).
  ByteReader r(e.data, dataOffset(e));
  const std::size_t off = r.offset();
  const std::uint8_t primary = r.u8();
  const std::uint8_t info1 = r.u8();
  const std::uint16_t info2 = r.u16le();
  const std::uint16_t info3 = r.u16le();
  if (r.failed()) return markShort(tag, out, r, "HT Operation Information");
  tag.addUint("wlan.ht.info.primarychannel", fmt::format("Primary Channel: {}", primary), primary, off, 1);
  addFlagsWord(tag, "wlan.ht.info.delim1", "HT Information Subset (1 of 3)", info1, 8, off + 1, kHtInfo1);
  addFlagsWord(tag, "wlan.ht.info.delim2", "HT Information Subset (2 of 3)", info2, 16, off + 2, kHtInfo2);
  addFlagsWord(tag, "wlan.ht.info.delim3", "HT Information Subset (3 of 3)", info3, 16, off + 4, kHtInfo3);
  return describeMcsSet(tag, out, r);
}

bool describeExtendedCapabilities(const ElementView& e, Field& tag, Dissection&, const ElementContext&) {
  // tshark reads octets 7 and 8 together as one 16-bit word when octet 8 is
  // present (bit 63-64 "Max Number Of MSDUs In A-MSDU" straddles them).
  const std::size_t off = dataOffset(e);
  const std::span<const BitField> bits[] = {kExtCap0, kExtCap1, kExtCap2, kExtCap3};
  std::size_t i = 0;
  while (i < e.data.size()) {
    if (i == 7 && e.data.size() > 8) {
      const auto word = static_cast<std::uint16_t>(e.data[7] | (e.data[8] << 8));
      tag.addUint("wlan.extcap", fmt::format("Extended Capabilities: {} (octets 8 & 9)", hexString(word, 4)), word,
                  off + 7, 2, 4);
      i += 2;
      continue;
    }
    const std::uint8_t v = e.data[i];
    Field& octet = tag.addUint("wlan.extcap", fmt::format("Extended Capabilities: {} (octet {})", hexString(v, 2), i + 1),
                               v, off + i, 1, 2);
    if (i < std::size(bits)) addBitFields(octet, v, 8, bits[i]);
    ++i;
  }
  return true;
}

bool describeRmCapabilities(const ElementView& e, Field& tag, Dissection&, const ElementContext&) {
  const std::size_t off = dataOffset(e);
  for (std::size_t i = 0; i < e.data.size(); ++i) {
    const std::uint8_t v = e.data[i];
    Field& octet = tag.addUint("wlan.rmcap", fmt::format("RM Capabilities: {} (octet {})", hexString(v, 2), i + 1), v,
                               off + i, 1, 2);
    if (i == 0) addBitFields(octet, v, 8, kRmCap0);
  }
  return true;
}

}  // namespace rs::ieee80211::detail
