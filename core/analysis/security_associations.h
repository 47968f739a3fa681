// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The security associations the key analysis establishes: PTKSAs (from a 4-way
// handshake or an FT reassociation) and GTKSAs. Shared by HandshakeTracker,
// FtKeyTracker and the frame decryptor.
#include <cstdint>
#include <string>

#include "core/crypto/ptk_derivation.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs {

// A pairwise transient key security association: the keys of one handshake.
struct Ptksa {
  MacAddress aa;   // authenticator (the AP / BSSID)
  MacAddress spa;  // supplicant (the station)
  int akm = 0;
  int cipher = 0;                // pairwise cipher suite type (2 TKIP, 4 CCMP)
  int keyDescriptorVersion = 0;
  bool verified = false;         // a MIC of this handshake verified with these keys
  std::string pmkOrigin;         // which user key produced it (never the key itself)
  crypto::SecretBytes pmk;
  crypto::Ptk ptk;
  std::uint64_t firstFrame = 0;  // frame whose MIC established it (message 2, or 3 without 1;
                                 // the reassociation request of an FT roam)
};

// A group temporal key delivered in message 3, group message 1 or an FT reassociation response.
struct Gtksa {
  MacAddress bssid;
  std::uint8_t keyId = 0;
  int cipher = 0;
  crypto::SecretBytes gtk;
  std::uint64_t frame = 0;
};

}  // namespace rs
