// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The PHY-independent summary of a capture header ("802.11 radio information",
// Wireshark's wlan_radio layer): derived from radiotap or PPI, described the
// same way for both.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dissectors/common/dissection.h"

namespace rs {

struct RadiotapHeader;

// Values of wlan_radio.phy (Wireshark's PHDR_802_11_PHY_* numbering).
enum class WlanPhy : std::uint32_t {
  Unknown = 0,
  Fhss = 1,
  Infrared = 2,
  Dsss = 3,
  Ieee80211b = 4,
  Ieee80211a = 5,
  Ieee80211g = 6,
  Ieee80211n = 7,
  Ieee80211ac = 8,
  Ieee80211ad = 9,
  Ieee80211ah = 10,
  Ieee80211ax = 11,
};

struct RadioInfo {
  WlanPhy phy = WlanPhy::Unknown;
  std::optional<bool> shortPreamble;      // 802.11b, from the radiotap Flags
  std::optional<std::uint32_t> mode11g;   // 0 = no proprietary mode
  std::optional<std::uint32_t> turbo11a;  // 0 = normal channel
  std::optional<std::uint8_t> legacyRate;  // 500 kb/s units
  std::optional<std::uint8_t> mcsIndex;    // 802.11n
  std::optional<std::uint8_t> bandwidth;   // 802.11n: 0 = 20 MHz, 1 = 40 MHz, 2 = 20L, 3 = 20U
  std::optional<bool> shortGi;             // 802.11n
  std::optional<std::uint16_t> frequency;  // MHz
  std::optional<std::int8_t> signalDbm;
  std::optional<std::int8_t> noiseDbm;
  std::optional<std::uint64_t> tsf;
  std::optional<bool> lastPartOfAmpdu;  // from the radiotap A-MPDU status, when known
  std::optional<bool> ampduDelimiterCrcError;
  std::optional<std::uint32_t> ampduId;
  bool reducedWidth = false;  // half/quarter-rate channel: other symbol timings

  // Mb/s: the legacy rate or the 802.11n MCS rate (IEEE 802.11-2016 19.5).
  std::optional<double> dataRateMbps() const;
  // PPDU duration in µs for DSSS/HR-DSSS (IEEE 802.11-2016 16.3.4, 15.3.3) and
  // OFDM/ERP-OFDM (17.3.2.5 / 18.4.3) and HT-mixed (19.4.3) PPDUs; nullopt for other PHYs.
  std::optional<std::uint32_t> durationUs(std::size_t mpduLength) const;
  std::optional<std::uint32_t> preambleUs() const;
  // 802.11n data bits per symbol (all streams) when MCS index and bandwidth are known.
  std::optional<unsigned> htDataBitsPerSymbol() const;
};

// Wireshark's classification of the channel flags into a PHY (the "ALLTURBO"
// combinations: 2 GHz only = DSSS, 2 GHz+CCK = 11b, 2 GHz+OFDM or dynamic
// CCK-OFDM = 11g, 5 GHz+OFDM = 11a, 2 GHz+GFSK = FHSS, turbo variants).
void applyChannelFlags(std::uint16_t channelFlags, std::optional<std::uint8_t> radiotapFlags, RadioInfo& info);

RadioInfo radioInfoFromRadiotap(const RadiotapHeader& header);

// Rate rendering as tshark prints FT_FLOAT fields ("1", "5.5", "7.22222").
std::string formatRate(double mbps);

// Appends the wlan_radio layer. `mpduLength` includes the FCS when the capture
// has it (the PPDU carries it).
void addWlanRadioLayer(const RadioInfo& info, std::size_t mpduLength, std::size_t source, Dissection& out);

}  // namespace rs
