// SPDX-License-Identifier: GPL-3.0-or-later
// Radiotap field tree with Wireshark's field names (radiotap.*), values
// rendered as tshark -T json renders them.
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/radiotap/flag_fields.h"
#include "dissectors/radiotap/radiotap_describe.h"
#include "dissectors/radiotap/wlan_radio.h"

namespace rs {
namespace {

namespace b = radiotap_bit;

// Presence bits as Wireshark lists them (it has no entry for bits 16 and 25).
constexpr FlagBit kPresentBits[] = {
    {"radiotap.present.tsft", "TSFT", 1u << 0},
    {"radiotap.present.flags", "Flags", 1u << 1},
    {"radiotap.present.rate", "Rate", 1u << 2},
    {"radiotap.present.channel", "Channel", 1u << 3},
    {"radiotap.present.fhss", "FHSS", 1u << 4},
    {"radiotap.present.dbm_antsignal", "dBm Antenna Signal", 1u << 5},
    {"radiotap.present.dbm_antnoise", "dBm Antenna Noise", 1u << 6},
    {"radiotap.present.lock_quality", "Lock Quality", 1u << 7},
    {"radiotap.present.tx_attenuation", "TX Attenuation", 1u << 8},
    {"radiotap.present.db_tx_attenuation", "dB TX Attenuation", 1u << 9},
    {"radiotap.present.dbm_tx_power", "dBm TX Power", 1u << 10},
    {"radiotap.present.antenna", "Antenna", 1u << 11},
    {"radiotap.present.db_antsignal", "dB Antenna Signal", 1u << 12},
    {"radiotap.present.db_antnoise", "dB Antenna Noise", 1u << 13},
    {"radiotap.present.rxflags", "RX flags", 1u << 14},
    {"radiotap.present.txflags", "TX flags", 1u << 15},
    {"radiotap.present.data_retries", "data retries", 1u << 17},
    {"radiotap.present.xchannel", "Channel+", 1u << 18},
    {"radiotap.present.mcs", "MCS information", 1u << 19},
    {"radiotap.present.ampdu", "A-MPDU Status", 1u << 20},
    {"radiotap.present.vht", "VHT information", 1u << 21},
    {"radiotap.present.timestamp", "frame timestamp", 1u << 22},
    {"radiotap.present.he", "HE information", 1u << 23},
    {"radiotap.present.he_mu", "HE-MU information", 1u << 24},
    {"radiotap.present.0_length.psdu", "0 Length PSDU", 1u << 26},
    {"radiotap.present.l_sig", "L-SIG", 1u << 27},
    {"radiotap.present.tlv", "TLVs", 1u << 28},
};
constexpr FlagBit kNamespaceBits[] = {
    {"radiotap.present.rtap_ns", "Radiotap NS next", 1u << 29},
    {"radiotap.present.vendor_ns", "Vendor NS next", 1u << 30},
    {"radiotap.present.ext", "Ext", 1u << 31},
};

constexpr FlagBit kFlagsBits[] = {
    {"radiotap.flags.cfp", "CFP", radiotap_flag::kCfp},
    {"radiotap.flags.preamble", "Preamble", radiotap_flag::kShortPreamble},
    {"radiotap.flags.wep", "WEP", radiotap_flag::kWep},
    {"radiotap.flags.frag", "Fragmentation", radiotap_flag::kFragmentation},
    {"radiotap.flags.fcs", "FCS at end", radiotap_flag::kFcsAtEnd},
    {"radiotap.flags.datapad", "Data Pad", radiotap_flag::kDataPad},
    {"radiotap.flags.badfcs", "Bad FCS", radiotap_flag::kBadFcs},
    {"radiotap.flags.shortgi", "Short GI", radiotap_flag::kShortGi},
};
constexpr FlagBit kRxFlagsBits[] = {{"radiotap.rxflags.badplcp", "Bad PLCP", 0x0002}};
// Wireshark files the TX flags under radiotap.rxflags.* names; kept for filter compatibility.
constexpr FlagBit kTxFlagsBits[] = {
    {"radiotap.rxflags.fail", "Fail", 0x0001},     {"radiotap.rxflags.cts", "CTS", 0x0002},
    {"radiotap.rxflags.rts", "RTS/CTS", 0x0004},   {"radiotap.rxflags.noack", "No ACK", 0x0008},
    {"radiotap.rxflags.noseqno", "Has Seqnum", 0x0010}, {"radiotap.rxflags.order", "Order", 0x0020},
};
constexpr FlagBit kXChannelBits[] = {
    {"radiotap.xchannel.flags.turbo", "Turbo", 0x10},
    {"radiotap.xchannel.flags.cck", "Complementary Code Keying (CCK)", 0x20},
    {"radiotap.xchannel.flags.ofdm", "Orthogonal Frequency-Division Multiplexing (OFDM)", 0x40},
    {"radiotap.xchannel.flags.2ghz", "2 GHz spectrum", 0x80},
    {"radiotap.xchannel.flags.5ghz", "5 GHz spectrum", 0x100},
    {"radiotap.channel.xtype.passive", "Passive", 0x200},
    {"radiotap.xchannel.flags.dynamic", "Dynamic CCK-OFDM", 0x400},
    {"radiotap.xchannel.flags.gfsk", "Gaussian Frequency Shift Keying (GFSK)", 0x800},
    {"radiotap.xchannel.flags.gsm", "GSM (900MHz)", 0x1000},
    {"radiotap.xchannel.flags.sturbo", "Static Turbo", 0x2000},
    {"radiotap.xchannel.flags.half", "Half Rate Channel (10MHz Channel Width)", 0x4000},
    {"radiotap.xchannel.flags.quarter", "Quarter Rate Channel (5MHz Channel Width)", 0x8000},
    {"radiotap.xchannel.flags.ht20", "HT Channel (20MHz Channel Width)", 0x10000},
    {"radiotap.xchannel.flags.ht40u", "HT Channel (40MHz Channel Width with Extension channel above)", 0x20000},
    {"radiotap.xchannel.flags.ht40d", "HT Channel (40MHz Channel Width with Extension channel below)", 0x40000},
};
constexpr FlagBit kMcsKnownBits[] = {
    {"radiotap.mcs.have_bw", "Bandwidth", 0x01},      {"radiotap.mcs.have_index", "MCS index", 0x02},
    {"radiotap.mcs.have_gi", "Guard interval", 0x04}, {"radiotap.mcs.have_format", "Format", 0x08},
    {"radiotap.mcs.have_fec", "FEC type", 0x10},      {"radiotap.mcs.have_stbc", "STBC streams", 0x20},
    {"radiotap.mcs.have_ness", "Number of extension spatial streams", 0x40},
};
constexpr FlagBit kAmpduFlagsBits[] = {
    {"radiotap.ampdu.flags.report_zerolen", "Driver reports 0-length subframes in this A-MPDU", 0x01},
    {"radiotap.ampdu.flags.is_zerolen", "This is a 0-length subframe", 0x02},
    {"radiotap.ampdu.flags.lastknown", "Last subframe of this A-MPDU is known", 0x04},
    {"radiotap.ampdu.flags.last", "This is the last subframe of this A-MPDU", 0x08},
    {"radiotap.ampdu.flags.delim_crc_error", "Delimiter CRC error on this subframe", 0x10},
    {"radiotap.ampdu.flags.eof", "EOF on this subframe", 0x40},
    {"radiotap.ampdu.flags.eof_known", "EOF of this A-MPDU is known", 0x80},
};

void describePresentWords(const RadiotapHeader& h, Field& layer) {
  Field& present = layer.addText("Present flags", 4, 4 * h.presentWords.size());
  present.name = "radiotap.present";
  bool vendor = false;  // namespace of the current word, from the previous word's bits 29/30
  for (std::size_t i = 0; i < h.presentWords.size(); ++i) {
    const std::uint32_t w = h.presentWords[i];
    const std::size_t off = 4 + 4 * i;
    Field& word = present.addUint("radiotap.present.word", fmt::format("Present flags word: {}", hexString(w, 8)),
                                  w, off, 4, 8);
    if (!vendor) addFlagBits(word, kPresentBits, w, off, 4);
    addFlagBits(word, kNamespaceBits, w, off, 4);
    if (w & (1u << b::kVendorNamespace)) vendor = true;
    else if (w & (1u << b::kRadiotapNamespace)) vendor = false;
  }
}

void describeMcs(const RadiotapMcs& m, std::size_t off, Field& layer) {
  Field& mcs = layer.addText("MCS information", off, 3);
  mcs.name = "radiotap.mcs";
  Field& known = mcs.addUint("radiotap.mcs.known", fmt::format("Known MCS information: {}", hexString(m.known, 2)),
                             m.known, off, 1, 2);
  addFlagBits(known, kMcsKnownBits, m.known, off, 1);
  const std::size_t f = off + 1;
  if (m.known & 0x01) mcs.addUint("radiotap.mcs.bw", fmt::format("Bandwidth: {}", m.flags & 3), m.flags & 3u, f, 1);
  if (m.known & 0x04) mcs.addUint("radiotap.mcs.gi", fmt::format("Guard interval: {}", (m.flags >> 2) & 1), (m.flags >> 2) & 1u, f, 1);
  if (m.known & 0x08) mcs.addUint("radiotap.mcs.format", fmt::format("Format: {}", (m.flags >> 3) & 1), (m.flags >> 3) & 1u, f, 1);
  if (m.known & 0x10) mcs.addUint("radiotap.mcs.fec", fmt::format("FEC type: {}", (m.flags >> 4) & 1), (m.flags >> 4) & 1u, f, 1);
  if (m.known & 0x20) mcs.addUint("radiotap.mcs.stbc", fmt::format("STBC streams: {}", (m.flags >> 5) & 3), (m.flags >> 5) & 3u, f, 1);
  if (m.known & 0x40) mcs.addUint("radiotap.mcs.ness_bit0", fmt::format("Number of extension spatial streams bit 0: {}", m.flags >> 7), m.flags >> 7, f, 1);
  if (m.known & 0x02) mcs.addUint("radiotap.mcs.index", fmt::format("MCS index: {}", m.index), m.index, off + 2, 1);
}

void describeField(const RadiotapFields& f, const RadiotapFieldSpan& s, Field& layer) {
  const std::size_t off = s.offset;
  switch (s.bit) {
    case b::kTsft:
      layer.addUint("radiotap.mactime", fmt::format("MAC timestamp: {}", *f.tsft), *f.tsft, off, 8);
      break;
    case b::kFlags: {
      Field& fl = layer.addUint("radiotap.flags", fmt::format("Flags: {}", hexString(*f.flags, 2)), *f.flags, off, 1, 2);
      addFlagBits(fl, kFlagsBits, *f.flags, off, 1);
      if (*f.flags & radiotap_flag::kBadFcs) fl.expert = "Bad FCS: the frame check sequence failed";
      break;
    }
    case b::kRate: {
      const double mbps = *f.rate / 2.0;
      layer.addString("radiotap.datarate", fmt::format("Data rate: {:.1f} Mb/s", mbps), formatRate(mbps), off, 1);
      break;
    }
    case b::kChannel: {
      const auto ch = channelFromFrequency(f.channel->frequency);
      layer.addUint("radiotap.channel.freq",
                    ch ? fmt::format("Channel frequency: {} [channel {}]", f.channel->frequency, *ch)
                       : fmt::format("Channel frequency: {}", f.channel->frequency),
                    f.channel->frequency, off, 2);
      Field& fl = layer.addUint("radiotap.channel.flags", fmt::format("Channel flags: {}", hexString(f.channel->flags, 4)),
                                f.channel->flags, off + 2, 2, 4);
      addFlagBits(fl, radiotapChannelFlagBits(), f.channel->flags, off + 2, 2);
      break;
    }
    case b::kFhss:
      layer.addUint("radiotap.fhss.hopset", fmt::format("FHSS Hop Set: {}", f.fhss->hopSet), f.fhss->hopSet, off, 1);
      layer.addUint("radiotap.fhss.pattern", fmt::format("FHSS Pattern: {}", f.fhss->hopPattern), f.fhss->hopPattern, off + 1, 1);
      break;
    case b::kDbmAntSignal:
      layer.addInt("radiotap.dbm_antsignal", fmt::format("Antenna signal: {} dBm", *f.dbmAntennaSignal), *f.dbmAntennaSignal, off, 1);
      break;
    case b::kDbmAntNoise:
      layer.addInt("radiotap.dbm_antnoise", fmt::format("Antenna noise: {} dBm", *f.dbmAntennaNoise), *f.dbmAntennaNoise, off, 1);
      break;
    case b::kLockQuality:
      layer.addUint("radiotap.quality", fmt::format("Signal Quality: {}", *f.lockQuality), *f.lockQuality, off, 2);
      break;
    case b::kTxAttenuation:
      layer.addUint("radiotap.txattenuation", fmt::format("TX attenuation: {}", *f.txAttenuation), *f.txAttenuation, off, 2);
      break;
    case b::kDbTxAttenuation:
      layer.addUint("radiotap.db_txattenuation", fmt::format("dB TX attenuation: {}", *f.dbTxAttenuation), *f.dbTxAttenuation, off, 2);
      break;
    case b::kDbmTxPower:
      layer.addInt("radiotap.txpower", fmt::format("Transmit power: {} dBm", *f.dbmTxPower), *f.dbmTxPower, off, 1);
      break;
    case b::kAntenna:
      layer.addUint("radiotap.antenna", fmt::format("Antenna: {}", *f.antenna), *f.antenna, off, 1);
      break;
    case b::kDbAntSignal:
      layer.addUint("radiotap.db_antsignal", fmt::format("dB antenna signal: {} dB", *f.dbAntennaSignal), *f.dbAntennaSignal, off, 1);
      break;
    case b::kDbAntNoise:
      layer.addUint("radiotap.db_antnoise", fmt::format("dB antenna noise: {} dB", *f.dbAntennaNoise), *f.dbAntennaNoise, off, 1);
      break;
    case b::kRxFlags: {
      Field& fl = layer.addUint("radiotap.rxflags", fmt::format("RX flags: {}", hexString(*f.rxFlags, 4)), *f.rxFlags, off, 2, 4);
      addFlagBits(fl, kRxFlagsBits, *f.rxFlags, off, 2);
      break;
    }
    case b::kTxFlags: {
      Field& fl = layer.addUint("radiotap.txflags", fmt::format("TX flags: {}", hexString(*f.txFlags, 4)), *f.txFlags, off, 2, 4);
      addFlagBits(fl, kTxFlagsBits, *f.txFlags, off, 2);
      break;
    }
    case b::kRtsRetries:
      layer.addUint("radiotap.rts_retries", fmt::format("RTS retries: {}", *f.rtsRetries), *f.rtsRetries, off, 1);
      break;
    case b::kDataRetries:
      layer.addUint("radiotap.data_retries", fmt::format("data retries: {}", *f.dataRetries), *f.dataRetries, off, 1);
      break;
    case b::kXChannel: {
      const auto& x = *f.xChannel;
      layer.addUint("radiotap.xchannel.channel", fmt::format("Channel number: {}", x.channel), x.channel, off + 6, 1);
      layer.addUint("radiotap.xchannel.freq", fmt::format("Channel frequency: {}", x.frequency), x.frequency, off + 4, 2);
      Field& fl = layer.addUint("radiotap.xchannel.flags", fmt::format("Channel flags: {}", hexString(x.flags, 8)), x.flags, off, 4, 8);
      addFlagBits(fl, kXChannelBits, x.flags, off, 4);
      break;
    }
    case b::kMcs: {
      describeMcs(*f.mcs, off, layer);
      RadioInfo ht;
      ht.phy = WlanPhy::Ieee80211n;
      if (f.mcs->known & 0x02) ht.mcsIndex = f.mcs->index;
      if (f.mcs->known & 0x01) ht.bandwidth = static_cast<std::uint8_t>(f.mcs->flags & 0x03);
      if (f.mcs->known & 0x04) ht.shortGi = (f.mcs->flags & 0x04) != 0;
      if (const auto mbps = ht.dataRateMbps())
        layer.addString("radiotap.datarate", fmt::format("Data rate: {} Mb/s", formatRate(*mbps)), formatRate(*mbps), off, 3);
      break;
    }
    case b::kAmpduStatus: {
      const auto& a = *f.ampduStatus;
      Field& t = layer.addText("A-MPDU status", off, 8);
      t.name = "radiotap.ampdu";
      t.addUint("radiotap.ampdu.reference", fmt::format("A-MPDU reference number: {}", a.reference), a.reference, off, 4);
      Field& fl = t.addUint("radiotap.ampdu.flags", fmt::format("A-MPDU flags: {}", hexString(a.flags, 4)), a.flags, off + 4, 2, 4);
      addFlagBits(fl, kAmpduFlagsBits, a.flags, off + 4, 2);
      if (a.flags & 0x0020)  // delimiter CRC value known
        t.addUint("radiotap.ampdu.delim_crc", fmt::format("A-MPDU subframe delimiter CRC: {}", hexString(a.delimiterCrc, 2)), a.delimiterCrc, off + 6, 1, 2);
      break;
    }
    case b::kVht: {
      const auto& v = *f.vht;
      Field& t = layer.addText("VHT information", off, 12);
      t.name = "radiotap.vht";
      t.addUint("radiotap.vht.known", fmt::format("Known VHT information: {}", hexString(v.known, 4)), v.known, off, 2, 4);
      if (v.known & 0x0040) t.addUint("radiotap.vht.bw", fmt::format("Bandwidth: {}", v.bandwidth), v.bandwidth, off + 3, 1);
      for (unsigned u = 0; u < 4; ++u) {
        const unsigned nss = v.mcsNss[u] & 0x0f;
        if (nss == 0) continue;
        Field& user = t.addText(fmt::format("User {}", u), off + 4 + u, 1);
        user.name = "radiotap.vht.user";
        user.addUint(fmt::format("radiotap.vht.mcs.{}", u), fmt::format("MCS index {}: {}", u, v.mcsNss[u] >> 4), v.mcsNss[u] >> 4, off + 4 + u, 1);
        user.addUint(fmt::format("radiotap.vht.nss.{}", u), fmt::format("Spatial streams {}: {}", u, nss), nss, off + 4 + u, 1);
        user.addUint(fmt::format("radiotap.vht.coding.{}", u), fmt::format("Coding {}: {}", u, (v.coding >> u) & 1), (v.coding >> u) & 1u, off + 8, 1);
      }
      if (v.known & 0x0080) t.addUint("radiotap.vht.gid", fmt::format("Group Id: {}", v.groupId), v.groupId, off + 9, 1);
      if (v.known & 0x0100) t.addUint("radiotap.vht.paid", fmt::format("Partial AID: {}", v.partialAid), v.partialAid, off + 10, 2);
      break;
    }
    case b::kTimestamp: {
      const auto& ts = *f.timestamp;
      Field& t = layer.addText("timestamp information", off, 12);
      t.name = "radiotap.timestamp";
      t.addUint("radiotap.timestamp.ts", fmt::format("timestamp: {}", ts.timestamp), ts.timestamp, off, 8);
      if (ts.flags & 0x02) t.addUint("radiotap.timestamp.accuracy", fmt::format("accuracy: {}", ts.accuracy), ts.accuracy, off + 8, 2);
      t.addUint("radiotap.timestamp.unit", fmt::format("time unit: {}", ts.unitPosition & 0x0f), ts.unitPosition & 0x0fu, off + 10, 1);
      t.addUint("radiotap.timestamp.samplingpos", fmt::format("sampling position: {}", ts.unitPosition >> 4), ts.unitPosition >> 4, off + 10, 1);
      t.addUint("radiotap.timestamp.flags.32bit", fmt::format("32-bit counter: {}", ts.flags & 1), ts.flags & 1u, off + 11, 1);
      t.addUint("radiotap.timestamp.flags.accuracy", fmt::format("accuracy field: {}", (ts.flags >> 1) & 1), (ts.flags >> 1) & 1u, off + 11, 1);
      break;
    }
    case b::kHe: {
      Field& t = layer.addText("HE information", off, 12);
      for (unsigned i = 0; i < 6; ++i)
        t.addUint(fmt::format("radiotap.he.data_{}", i + 1), fmt::format("HE Data {}: {}", i + 1, hexString(f.he->data[i], 4)),
                  f.he->data[i], off + 2 * i, 2, 4);
      break;
    }
    case b::kHeMu: {
      const auto& m = *f.heMu;
      Field& t = layer.addText("HE-MU information", off, 12);
      t.addUint("radiotap.he_mu.flags_1", fmt::format("HE-MU Flags 1: {}", hexString(m.flags1, 4)), m.flags1, off, 2, 4);
      t.addUint("radiotap.he_mu.flags_2", fmt::format("HE-MU Flags 2: {}", hexString(m.flags2, 4)), m.flags2, off + 2, 2, 4);
      t.addText(fmt::format("RU channel 1: {}", toColonHex(m.ruChannel1)), off + 4, 4);
      t.addText(fmt::format("RU channel 2: {}", toColonHex(m.ruChannel2)), off + 8, 4);
      break;
    }
    case b::kZeroLengthPsdu:
      layer.addUint("radiotap.0_len_psdu.type", fmt::format("Type: {}", hexString(*f.zeroLengthPsdu, 2)), *f.zeroLengthPsdu, off, 1, 2);
      break;
    case b::kLsig: {
      Field& t = layer.addText("L-SIG", off, 4);
      t.addUint("radiotap.l_sig.data1", fmt::format("Data1: {}", hexString(f.lsig->data1, 4)), f.lsig->data1, off, 2, 4);
      t.addUint("radiotap.l_sig.data2", fmt::format("Data2: {}", hexString(f.lsig->data2, 4)), f.lsig->data2, off + 2, 2, 4);
      break;
    }
    case b::kTlv: {
      for (const RadiotapTlv& tlv : f.tlvs) {
        if (tlv.offset != off) continue;
        Field& t = layer.addText(fmt::format("TLV type {}, length {}", tlv.type, tlv.length), off, 4u + tlv.length);
        t.addUint("radiotap.tlv.type", fmt::format("TLV type: {}", tlv.type), tlv.type, off, 2);
        t.addUint("radiotap.tlv.datalen", fmt::format("TLV datalen: {}", tlv.length), tlv.length, off + 2, 2);
      }
      break;
    }
    default: break;
  }
}

void describeVendorNamespace(const RadiotapVendorNamespace& v, ByteView frame, Field& layer) {
  const std::size_t len = 6u + v.skipLength;
  Field& t = layer.addBytes("radiotap.vendor_namespace", fmt::format("Vendor namespace: {}", toColonHex(v.oui)),
                            frame.subspan(v.headerOffset, len), v.headerOffset);
  // An FT_UINT24 for Wireshark: -T json/-T fields print it in decimal.
  const std::uint32_t oui = (std::uint32_t{v.oui[0]} << 16) | (std::uint32_t{v.oui[1]} << 8) | v.oui[2];
  t.addUint("radiotap.vendor_oui", fmt::format("Vendor OUI: {}", toColonHex(v.oui)), oui, v.headerOffset, 3);
  t.addUint("radiotap.vendor_subns", fmt::format("Vendor sub namespace: {}", v.subNamespace), v.subNamespace, v.headerOffset + 3, 1);
  t.addUint("radiotap.vendor_data_len", fmt::format("Vendor data length: {}", v.skipLength), v.skipLength, v.headerOffset + 4, 2);
  if (v.skipLength) t.addText(fmt::format("Vendor data ({} bytes)", v.skipLength), v.dataOffset, v.skipLength).name = "radiotap.vendor_data";
}

}  // namespace

Field describeRadiotap(const RadiotapHeader& h, ByteView frame) {
  const std::size_t shown = std::min<std::size_t>(h.length, frame.size());
  Field layer = makeLayer("radiotap", fmt::format("Radiotap Header v{}, Length {}", h.version, h.length), 0, shown);
  layer.addUint("radiotap.version", fmt::format("Header revision: {}", h.version), h.version, 0, 1);
  layer.addUint("radiotap.pad", fmt::format("Header pad: {}", h.pad), h.pad, 1, 1);
  layer.addUint("radiotap.length", fmt::format("Header length: {}", h.length), h.length, 2, 2);
  if (!h.presentWords.empty()) describePresentWords(h, layer);

  // Fields and vendor namespaces interleave in header order.
  std::size_t vi = 0;
  for (const RadiotapFieldSpan& s : h.spans) {
    while (vi < h.vendorNamespaces.size() && h.vendorNamespaces[vi].headerOffset < s.offset)
      describeVendorNamespace(h.vendorNamespaces[vi++], frame, layer);
    describeField(h.namespaces[s.namespaceIndex], s, layer);
  }
  while (vi < h.vendorNamespaces.size()) describeVendorNamespace(h.vendorNamespaces[vi++], frame, layer);

  if (h.stoppedAtUnknownField) {
    Field& note = layer.addText(fmt::format("Unknown radiotap field (presence bit {}): the rest of the header is not decoded",
                                            h.unknownBit),
                                0, 0);
    note.name = "radiotap.present.reserved.unknown";
    note.expert = note.label;
  }
  return layer;
}

std::string radiotapErrorText(const RadiotapHeader& h, std::size_t frameSize) {
  switch (h.error) {
    case RadiotapError::None: return {};
    case RadiotapError::Truncated:
      return fmt::format("radiotap header length {} exceeds the frame ({} bytes)", h.length, frameSize);
    case RadiotapError::BadVersion: return fmt::format("radiotap version {} is not 0", h.version);
    case RadiotapError::LengthTooShort: return fmt::format("radiotap header length {} is less than 8", h.length);
    case RadiotapError::PresentOverrun: return "radiotap presence bitmaps run past the header length";
    case RadiotapError::FieldOverrun: return "radiotap data goes past the end of the radiotap header";
    case RadiotapError::BothNamespaces: return "both radiotap and vendor namespace specified in a presence word";
  }
  return {};
}

}  // namespace rs
