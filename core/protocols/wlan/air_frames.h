// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The MPDUs the emulated ESS puts on the air, built with the dissectors'
// builders: the elements an AP advertises (SSID, rates, DS parameter, RSNE,
// MDE, the seed-000 capability element), the station's RSNE, and data frames
// carrying an LLC/SNAP MSDU, protected with CCMP when a key is given.
#include <cstdint>
#include <optional>
#include <string>

#include "core/crypto/result.h"
#include "core/protocols/wlan/wlan_settings.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mac_header.h"

namespace rs::wlan {

// ESS, Privacy, Short Slot Time (IEEE 802.11-2016 9.4.1.4).
inline constexpr std::uint16_t kEssCapabilities = 0x0411;

// The AKM suite type the ESS uses for a security mode and handoff method:
// 1 802.1X, 2 PSK; FT: 3 FT-802.1X, 4 FT-PSK.
int essAkm(const WlanSettings& s);

// 16 octets (a PMKID, PMKR0Name or PMKR1Name) as the RSNE's PMKID list entry.
ieee80211::Pmkid asPmkid(ByteView name);
// PMKID = Truncate-128(HMAC(PMK, "PMK Name" || AA || SPA)) for the ESS's AKM (IEEE 802.11-2016 12.7.1.3);
// nullopt when it cannot be computed.
std::optional<ieee80211::Pmkid> essPmkid(const WlanSettings& s, ByteView pmk, const MacAddress& aa,
                                         const MacAddress& spa);

// The RSNE of the ESS (CCMP-128 group and pairwise, the ESS's AKM), with
// `pmkid` in the PMKID list when given (a station's (re)association request).
Bytes essRsne(const WlanSettings& s, const std::optional<ieee80211::Pmkid>& pmkid = std::nullopt);

// The Supported Rates element of the ESS (an OFDM-only rate set).
Bytes ratesElement();

// Elements of a Beacon / Probe Response of an AP on `channel`.
Bytes advertisedElements(const WlanSettings& s, unsigned channel);
// Elements of a station's Probe Request (the ESS's SSID and rates).
Bytes probeRequestElements(const WlanSettings& s);
// Elements of a (Re)Association Request: SSID, rates, RSNE (with the PMKID), MDE for FT.
Bytes associationRequestElements(const WlanSettings& s, const std::optional<ieee80211::Pmkid>& pmkid);
// Elements of a (Re)Association Response: rates (and MDE for FT).
Bytes associationResponseElements(const WlanSettings& s);

// A QoS Data frame carrying LLC/SNAP + `payload` of `etherType`, unprotected
// (EAPOL before keys). toAp: To DS from the station; otherwise From DS.
// `otherEnd` is the DA (to the AP) or SA (from the AP) in Address 3.
Bytes plainDataFrame(bool toAp, const MacAddress& bssid, const MacAddress& sta, const MacAddress& otherEnd,
                     std::uint16_t sequence, std::uint16_t etherType, ByteView payload);
// The same frame protected with CCMP under `tk` with packet number `pn` (12.5.3).
crypto::Result<Bytes> protectedDataFrame(ByteView tk, std::uint64_t pn, std::uint8_t keyId, bool toAp,
                                         const MacAddress& bssid, const MacAddress& sta, const MacAddress& otherEnd,
                                         std::uint16_t sequence, std::uint16_t etherType, ByteView payload);

// A received data frame's MSDU: EtherType, payload and addresses (after decryption if it was protected).
struct ReceivedMsdu {
  ieee80211::MacHeader header;
  std::uint16_t etherType = 0;
  Bytes payload;
};
// nullopt when the frame is no data frame with an LLC/SNAP MSDU, or it is
// protected and `tk` is empty or does not decrypt it.
std::optional<ReceivedMsdu> receiveDataFrame(ByteView mpdu, ByteView tk);

}  // namespace rs::wlan
