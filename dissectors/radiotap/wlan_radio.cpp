// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/radiotap/wlan_radio.h"

#include <fmt/format.h>

#include "dissectors/radiotap/radiotap.h"

namespace rs {
namespace {

namespace cf = channel_flag;

// The flag bits that select a PHY; the others (passive, GSM, ...) do not.
constexpr std::uint16_t kPhySelecting = cf::k2Ghz | cf::k5Ghz | cf::kGfsk | cf::kCck | cf::kOfdm | cf::kDynamic |
                                        cf::kHalf | cf::kQuarter | cf::kTurbo | cf::kStaticTurbo;

bool isDsssRate(std::uint8_t rate500k) { return rate500k == 2 || rate500k == 4 || rate500k == 11 || rate500k == 22; }

std::string_view phyName(WlanPhy phy) {
  switch (phy) {
    case WlanPhy::Unknown: return "Unknown";
    case WlanPhy::Fhss: return "802.11 FHSS";
    case WlanPhy::Infrared: return "802.11 IR";
    case WlanPhy::Dsss: return "802.11 DSSS";
    case WlanPhy::Ieee80211b: return "802.11b (HR/DSSS)";
    case WlanPhy::Ieee80211a: return "802.11a (OFDM)";
    case WlanPhy::Ieee80211g: return "802.11g (ERP)";
    case WlanPhy::Ieee80211n: return "802.11n (HT)";
    case WlanPhy::Ieee80211ac: return "802.11ac (VHT)";
    case WlanPhy::Ieee80211ad: return "802.11ad (DMG)";
    case WlanPhy::Ieee80211ah: return "802.11ah (S1G)";
    case WlanPhy::Ieee80211ax: return "802.11ax (HE)";
  }
  return "Unknown";
}

}  // namespace

void applyChannelFlags(std::uint16_t channelFlags, std::optional<std::uint8_t> radiotapFlags, RadioInfo& info) {
  const bool shortPre = radiotapFlags && (*radiotapFlags & radiotap_flag::kShortPreamble);
  info.reducedWidth = channelFlags & (cf::kHalf | cf::kQuarter);
  switch (channelFlags & kPhySelecting) {
    case cf::k2Ghz | cf::kGfsk: info.phy = WlanPhy::Fhss; break;
    case cf::k2Ghz: info.phy = WlanPhy::Dsss; break;
    case cf::k5Ghz | cf::kOfdm: info.phy = WlanPhy::Ieee80211a, info.turbo11a = 0; break;
    case cf::k5Ghz | cf::kOfdm | cf::kTurbo: info.phy = WlanPhy::Ieee80211a, info.turbo11a = 1; break;
    case cf::k5Ghz | cf::kOfdm | cf::kStaticTurbo: info.phy = WlanPhy::Ieee80211a, info.turbo11a = 2; break;
    case cf::k2Ghz | cf::kCck:
      info.phy = WlanPhy::Ieee80211b;
      if (radiotapFlags) info.shortPreamble = shortPre;
      break;
    case cf::k2Ghz | cf::kOfdm:
    case cf::k2Ghz | cf::kDynamic: info.phy = WlanPhy::Ieee80211g, info.mode11g = 0; break;
    case cf::k2Ghz | cf::kOfdm | cf::kTurbo: info.phy = WlanPhy::Ieee80211g, info.mode11g = 1; break;
    default: break;
  }
}

RadioInfo radioInfoFromRadiotap(const RadiotapHeader& header) {
  RadioInfo info;
  const RadiotapFields& f = header.primary();
  if (f.tsft) info.tsf = *f.tsft;
  // Rates with the high bit set are MCS indexes on some BSDs; Linux never sets it.
  if (f.rate) info.legacyRate = *f.rate;
  if (f.channel) {
    if (f.channel->frequency != 0) info.frequency = f.channel->frequency;
    applyChannelFlags(f.channel->flags, f.flags, info);
  }
  if (f.fhss) info.phy = WlanPhy::Fhss;
  // Every namespace's signal/noise overwrites the previous one, as in Wireshark
  // 4.0: with per-antenna namespaces wlan_radio shows the last antenna's value.
  for (const RadiotapFields& ns : header.namespaces) {
    if (ns.dbmAntennaSignal) info.signalDbm = *ns.dbmAntennaSignal;
    if (ns.dbmAntennaNoise) info.noiseDbm = *ns.dbmAntennaNoise;
  }
  if (f.xChannel && f.xChannel->frequency != 0) info.frequency = f.xChannel->frequency;
  if (f.mcs && f.mcs->known != 0) {
    info.phy = WlanPhy::Ieee80211n;
    info.shortPreamble.reset();
    info.mode11g.reset();
    info.turbo11a.reset();
    if (f.mcs->known & 0x02) info.mcsIndex = f.mcs->index;
    if (f.mcs->known & 0x01) info.bandwidth = static_cast<std::uint8_t>(f.mcs->flags & 0x03);
    if (f.mcs->known & 0x04) info.shortGi = (f.mcs->flags & 0x04) != 0;
  }
  if (f.ampduStatus) {
    const auto& a = *f.ampduStatus;
    if (a.flags & 0x0004) info.lastPartOfAmpdu = (a.flags & 0x0008) != 0;
    info.ampduDelimiterCrcError = (a.flags & 0x0010) != 0;
    info.ampduId = a.reference;
  }
  if (f.vht) info.phy = WlanPhy::Ieee80211ac;
  if (f.he) info.phy = WlanPhy::Ieee80211ax;
  return info;
}

std::optional<double> RadioInfo::dataRateMbps() const {
  if (phy == WlanPhy::Ieee80211n) {
    // IEEE 802.11-2016 Tables 19-27/19-28: data bits per OFDM symbol per stream
    // for MCS 0-7 at 20 and 40 MHz; MCS 8-31 repeat them for 2-4 streams.
    const auto ndbps = htDataBitsPerSymbol();
    if (!ndbps || !shortGi) return std::nullopt;
    const float symbolUs = shortGi.value_or(false) ? 3.6f : 4.0f;  // 19.3.6: TSYMS / TSYM
    return static_cast<double>(static_cast<float>(*ndbps) / symbolUs);
  }
  if (legacyRate) return *legacyRate / 2.0;
  return std::nullopt;
}

std::optional<unsigned> RadioInfo::htDataBitsPerSymbol() const {
  // IEEE 802.11-2016 Tables 19-27/19-28: data bits per OFDM symbol per stream
  // for MCS 0-7 at 20 and 40 MHz; MCS 8-31 repeat them for 2-4 streams.
  static constexpr unsigned kNdbps20[8] = {26, 52, 78, 104, 156, 208, 234, 260};
  static constexpr unsigned kNdbps40[8] = {54, 108, 162, 216, 324, 432, 486, 540};
  if (!mcsIndex || !bandwidth || *mcsIndex > 31) return std::nullopt;
  const unsigned index = mcsIndex.value_or(0);
  const unsigned* perStream = bandwidth.value_or(0) == 1 ? kNdbps40 : kNdbps20;
  return perStream[index % 8] * (index / 8u + 1u);
}

std::optional<std::uint32_t> RadioInfo::preambleUs() const {
  if (phy == WlanPhy::Ieee80211n) {
    if (!htDataBitsPerSymbol() || !shortGi) return std::nullopt;
    // 19.4.3 HT-mixed: L-STF 8 + L-LTF 8 + L-SIG 4 + HT-SIG 8 + HT-STF 4 + 4 µs per HT-LTF
    // (1, 2, 4, 4 HT-LTFs for 1-4 spatial streams, Table 19-13).
    static constexpr unsigned kLtfs[4] = {1, 2, 4, 4};
    return 32u + 4u * kLtfs[mcsIndex.value_or(0) / 8u];
  }
  if (!legacyRate || *legacyRate == 0 || reducedWidth) return std::nullopt;
  const bool dsss = phy == WlanPhy::Dsss || phy == WlanPhy::Ieee80211b ||
                    (phy == WlanPhy::Ieee80211g && isDsssRate(*legacyRate));
  // 16.2.2: long 144+48 µs, short 72+24 µs; unknown counts as short, as Wireshark assumes.
  if (dsss) return shortPreamble.value_or(true) ? 96u : 192u;
  if (phy == WlanPhy::Ieee80211a || phy == WlanPhy::Ieee80211g) return 20u;  // 17.3.2.5: TPREAMBLE + TSIGNAL
  return std::nullopt;
}

std::optional<std::uint32_t> RadioInfo::durationUs(std::size_t mpduLength) const {
  const auto preamble = preambleUs();
  if (!preamble) return std::nullopt;
  if (phy == WlanPhy::Ieee80211n) {
    // Equation 19-89/19-90: NSYM = ceil((16 + 8·LENGTH + 6) / NDBPS) (one BCC encoder);
    // with the short GI the 3.6 µs symbols are rounded up to a 4 µs boundary.
    const std::uint64_t ndbps = htDataBitsPerSymbol().value_or(1);
    const std::uint64_t nsym = (16 + 8 * std::uint64_t{mpduLength} + 6 + ndbps - 1) / ndbps;
    const std::uint64_t data = shortGi.value_or(false) ? 4 * ((nsym * 36 + 39) / 40) : 4 * nsym;
    return static_cast<std::uint32_t>(*preamble + data);
  }
  const std::uint64_t rate = *legacyRate;  // 500 kb/s units
  if (*preamble != 20) {
    // DSSS/HR-DSSS: 8·LENGTH bits at rate/2 Mb/s, rounded up to a whole µs.
    const std::uint64_t bits2 = std::uint64_t{mpduLength} * 16;
    return static_cast<std::uint32_t>(*preamble + (bits2 + rate - 1) / rate);
  }
  // OFDM (17.3.2.5, Equation 17-29): NSYM = ceil((16 + 8·LENGTH + 6) / NDBPS), 4 µs each;
  // NDBPS = rate (Mb/s) · 4 µs = rate500k · 2.
  const std::uint64_t ndbps = rate * 2;
  const std::uint64_t nsym = (16 + 8 * std::uint64_t{mpduLength} + 6 + ndbps - 1) / ndbps;
  return static_cast<std::uint32_t>(*preamble + nsym * 4);
}

std::string formatRate(double mbps) { return fmt::format("{:.6g}", mbps); }

void addWlanRadioLayer(const RadioInfo& info, std::size_t mpduLength, std::size_t source, Dissection& out) {
  Field layer = makeLayer("wlan_radio", "802.11 radio information", 0, 0);
  const auto phy = static_cast<std::uint32_t>(info.phy);
  if (info.phy != WlanPhy::Unknown)  // Wireshark leaves an unknown PHY out
    layer.addUint("wlan_radio.phy", fmt::format("PHY type: {} ({})", phyName(info.phy), phy), phy, 0, 0);
  if (info.shortPreamble)
    layer.addUint("wlan_radio.short_preamble",
                  fmt::format("Short preamble: {}", *info.shortPreamble ? "True" : "False"),
                  *info.shortPreamble ? 1 : 0, 0, 0);
  if (info.mode11g) layer.addUint("wlan_radio.11g.mode", fmt::format("Proprietary mode: {}", *info.mode11g == 0 ? "None" : "Super G"), *info.mode11g, 0, 0);
  if (info.turbo11a) layer.addUint("wlan_radio.11a.turbo_type", fmt::format("Turbo type: {}", *info.turbo11a), *info.turbo11a, 0, 0);
  if (info.mcsIndex) layer.addUint("wlan_radio.11n.mcs_index", fmt::format("MCS index: {}", *info.mcsIndex), *info.mcsIndex, 0, 0);
  if (info.bandwidth) layer.addUint("wlan_radio.11n.bandwidth", fmt::format("Bandwidth: {}", *info.bandwidth), *info.bandwidth, 0, 0);
  if (info.shortGi) layer.addUint("wlan_radio.11n.short_gi", fmt::format("Short GI: {}", *info.shortGi ? "True" : "False"), *info.shortGi ? 1 : 0, 0, 0);
  if (const auto rate = info.dataRateMbps())
    layer.addString("wlan_radio.data_rate", fmt::format("Data rate: {:.1f} Mb/s", *rate), formatRate(*rate), 0, 0);
  if (info.frequency) {
    if (const auto ch = channelFromFrequency(*info.frequency))
      layer.addUint("wlan_radio.channel", fmt::format("Channel: {}", *ch), *ch, 0, 0);
    layer.addUint("wlan_radio.frequency", fmt::format("Frequency: {}MHz", *info.frequency), *info.frequency, 0, 0);
  }
  if (info.signalDbm) layer.addInt("wlan_radio.signal_dbm", fmt::format("Signal strength (dBm): {} dBm", *info.signalDbm), *info.signalDbm, 0, 0);
  if (info.noiseDbm) layer.addInt("wlan_radio.noise_dbm", fmt::format("Noise level (dBm): {} dBm", *info.noiseDbm), *info.noiseDbm, 0, 0);
  if (info.signalDbm && info.noiseDbm)
    layer.addInt("wlan_radio.snr", fmt::format("Signal/noise ratio: {} dB", *info.signalDbm - *info.noiseDbm),
                 *info.signalDbm - *info.noiseDbm, 0, 0);
  if (info.lastPartOfAmpdu)
    layer.addUint("wlan_radio.last_part_of_an_ampdu", fmt::format("Last part of an A-MPDU: {}", *info.lastPartOfAmpdu ? "True" : "False"), *info.lastPartOfAmpdu ? 1 : 0, 0, 0);
  if (info.ampduDelimiterCrcError)
    layer.addUint("wlan_radio.a_mpdu_delim_crc_error", fmt::format("A-MPDU delimiter CRC error: {}", *info.ampduDelimiterCrcError ? "True" : "False"), *info.ampduDelimiterCrcError ? 1 : 0, 0, 0);
  if (info.ampduId) layer.addUint("wlan_radio.a_mpdu_aggregate_id", fmt::format("A-MPDU aggregate ID: {}", *info.ampduId), *info.ampduId, 0, 0);
  if (info.tsf) layer.addUint("wlan_radio.timestamp", fmt::format("TSF timestamp: {}", *info.tsf), *info.tsf, 0, 0);
  if (const auto duration = info.durationUs(mpduLength)) {
    Field& d = layer.addUint("wlan_radio.duration", fmt::format("[Duration: {}µs]", *duration), *duration, 0, 0);
    const std::uint32_t preamble = *info.preambleUs();
    d.addUint("wlan_radio.preamble", fmt::format("[Preamble: {}µs]", preamble), preamble, 0, 0);
    // Like Wireshark 4.0, the TSF is taken as the end of the PPDU, and the start
    // is computed modulo 2^64 (a TSF smaller than the duration wraps).
    if (info.tsf) {
      const std::uint64_t start = *info.tsf - *duration;
      d.addUint("wlan_radio.start_tsf", fmt::format("[Start: {}µs]", start), start, 0, 0);
      d.addUint("wlan_radio.end_tsf", fmt::format("[End: {}µs]", *info.tsf), *info.tsf, 0, 0);
    }
  }
  out.addLayer(std::move(layer), source);
}

}  // namespace rs
