// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The EAPOL-Key messages of a 4-way handshake (IEEE 802.11-2016 12.7.6) as both
// sides build and check them, with the MIC and key-data wrapping of the
// handshake's key descriptor version. Used by the access points and stations
// for the ordinary handshake after (re)association (descriptor version 2:
// HMAC-SHA1-128 MIC, AES key wrap; AKMs 1 and 2) and for the seed-000 handshake
// run before re-association (version 3: AES-128-CMAC; docs/protocols/seed-000.md).
#include <cstdint>
#include <optional>

#include "core/crypto/ptk_derivation.h"
#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/ieee80211/elements/rsn_element.h"

namespace rs::wlan {

struct KeyHandshakeProfile {
  int akm = 2;                // 00-0F-AC suite type: 1 802.1X, 2 PSK
  int descriptorVersion = 2;  // 2: HMAC-SHA1-128 / AES key wrap; 3: AES-128-CMAC / AES key wrap
};

// Message 1: ANonce, and the PMKID KDE naming the PMK when given (12.7.6.2).
Bytes buildMessage1(const KeyHandshakeProfile& p, std::uint64_t replayCounter, ByteView anonce,
                    const std::optional<ieee80211::Pmkid>& pmkid);
// Message 2: SNonce and the station's RSNE, MIC with the KCK (12.7.6.3).
crypto::Result<Bytes> buildMessage2(const KeyHandshakeProfile& p, std::uint64_t replayCounter, ByteView snonce,
                                    ByteView rsne, const crypto::Ptk& ptk);
// Message 3: ANonce, Install unless `install` is false, the AP's RSNE and, when
// `gtk` is non-empty, the GTK KDE, wrapped with the KEK (12.7.6.4).
crypto::Result<Bytes> buildMessage3(const KeyHandshakeProfile& p, std::uint64_t replayCounter, ByteView anonce,
                                    ByteView rsne, ByteView gtk, std::uint8_t gtkKeyId, bool install,
                                    const crypto::Ptk& ptk);
// Message 4 (12.7.6.5).
crypto::Result<Bytes> buildMessage4(const KeyHandshakeProfile& p, std::uint64_t replayCounter, const crypto::Ptk& ptk);

// True when the frame's MIC verifies with the KCK.
bool micVerifies(const KeyHandshakeProfile& p, ByteView kck, ByteView eapolPdu);

struct UnwrappedGtk {
  crypto::SecretBytes gtk;
  std::uint8_t keyId = 0;
};
// The GTK KDE of message 3's key data, unwrapped with the KEK; nullopt when the
// key data does not unwrap (wrong KEK) or holds no GTK.
std::optional<UnwrappedGtk> unwrapGtkFromKeyData(ByteView kek, ByteView wrappedKeyData);

}  // namespace rs::wlan
