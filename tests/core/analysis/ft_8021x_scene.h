// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A synthetic FT-802.1X (AKM 00-0F-AC:3) roam built with RoamScope's own frame
// builders and cryptography, as 802.11 frames (link type 105): beacons of two
// APs of one mobility domain, the initial mobility domain association with
// AP1 (MDE/FTE, 4-way handshake with keys from PMK-R1, IEEE 802.11-2016
// 12.7.1.7.5 and 13.4), protected traffic, the FT roam over the air to AP2
// (FT authentication, reassociation with FTE MICs, 13.5 / 13.8.4-5, AP2's GTK
// wrapped in the response's FTE), protected traffic on AP2. The EAP exchange
// itself is left out: the MSK it would produce is given.
#include <cstdint>
#include <string>
#include <vector>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::test {

struct Ft8021xScene {
  MacAddress ap1{{0x02, 0x10, 0x00, 0x00, 0x00, 0x01}};
  MacAddress ap2{{0x02, 0x10, 0x00, 0x00, 0x00, 0x02}};
  MacAddress sta{{0x02, 0x10, 0x00, 0x00, 0x00, 0x10}};
  std::string ssid = "ft-eap";
  Bytes msk;                 // 64 octets
  std::vector<Bytes> frames;  // MPDUs, frame i is stream index i
  // Stream indices of what the tests check.
  std::vector<std::uint64_t> micFrames;        // EAPOL-Key messages 2-4 and the reassociation request/response
  std::vector<std::uint64_t> ap1DataFrames;    // protected data on AP1 (unicast both ways + one group)
  std::vector<std::uint64_t> ap2DataFrames;    // protected data on AP2
  std::uint64_t reassociationRequest = 0;
  std::uint64_t reassociationResponse = 0;
};

// Deterministic for a seed.
crypto::Result<Ft8021xScene> buildFt8021xScene(std::uint64_t seed = 7);

}  // namespace rs::test
