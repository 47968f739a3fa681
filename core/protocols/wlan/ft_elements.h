// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The IEEE 802.11r elements the emulated ESS exchanges (IEEE 802.11-2016 13.4,
// 13.5, 13.8), laid out as hostapd/wpa_supplicant 2.10 send them (checked
// against ../shared/fixtures/roaming/ft-psk): the MDE, the FTE with the key
// holder identities, the RSNE naming PMK-R0 or PMK-R1, and the MIC of the
// reassociation frames.
#include <optional>
#include <string>

#include "core/crypto/ft_key_hierarchy.h"
#include "core/crypto/result.h"
#include "core/protocols/wlan/wlan_settings.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/ieee80211/elements/ft_elements.h"

namespace rs::wlan {

// R0KH-ID of an AP: a name, as hostapd's r0kh_id (1..48 octets).
std::string r0khIdOf(const std::string& apName);
// The MDID as carried in the MDE (two octets), the KDF input of 12.7.1.7.3.
Bytes mdidOctets(const WlanSettings& s);
Bytes mdeElement(const WlanSettings& s);

struct FteFields {
  std::optional<ByteView> anonce;
  std::optional<ByteView> snonce;
  std::optional<MacAddress> r1khId;
  std::string r0khId;
  std::optional<ieee80211::FtGtkSubelement> gtk;
  bool withMic = false;  // reassociation frames: element count 3 (RSNE, MDE, FTE); the MIC is filled in later
};
Bytes fteElement(const FteFields& f);

// Writes the FTE MIC (13.8.4 / 13.8.5) over the RSNE, MDE and FTE of a
// reassociation frame's elements; `fte` is rebuilt with the MIC in place.
crypto::Result<Bytes> signedFte(ByteView kck, const MacAddress& sta, const MacAddress& bssid, std::uint8_t transaction,
                                ByteView rsne, ByteView mde, ByteView fte);

// PMK-R0 and its name from the XXKey (12.7.1.7.3) and PMK-R1 for one AP (12.7.1.7.4).
struct FtKeys {
  crypto::PmkR0 r0;
  crypto::PmkR1 r1;
  std::string r0khId;
};
crypto::Result<FtKeys> deriveFtKeys(const WlanSettings& s, ByteView xxKey, const std::string& r0khId,
                                    const MacAddress& sta, const MacAddress& r1khId);
crypto::Result<crypto::PmkR1> deriveR1(const WlanSettings& s, const crypto::PmkR0& r0, const MacAddress& sta,
                                       const MacAddress& r1khId);

// Key data of messages 2 and 3 of an FT initial mobility domain association (12.7.6.3, 12.7.6.4):
// the RSNE naming PMK-R1, the MDE and the FTE with both key holders.
Bytes ftHandshakeElements(const WlanSettings& s, const FtKeys& keys, const MacAddress& r1khId);
// The RSNE of the ESS with `name` (PMKR0Name or PMKR1Name, 16 octets) in its PMKID list.
Bytes rsneNaming(const WlanSettings& s, ByteView name);

}  // namespace rs::wlan
