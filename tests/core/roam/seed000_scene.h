// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Seed-000 fast re-associations (docs/protocols/seed-000.md) for RoamScene
// captures: the PTKSA a station and a target AP hold, the three messages built
// by the dissector and sealed with the real MIC, and the 4-way handshake run
// through the current AP over EtherType 0x88c7 with that PTK's KCK.
#include <cstdint>

#include "core/crypto/ptk_derivation.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "tests/core/roam/roam_scene.h"

namespace rs::test {

// Fixed values, so the messages are the same in every run: PMK 00..1f, ANonce 40..5f, SNonce 60..7f,
// SRandom 80..9f, ARandom a0..bf, GTK c0..cf (key ID 1).
struct Seed000Keys {
  MacAddress sta;
  MacAddress ap;  // the target AP (AA)
  Bytes pmk, aNonce, sNonce;
  crypto::Ptk ptk;  // the seed-000 PTK (KCK, KEK, TK)
  Bytes ptkId;

  Seed000Keys(const MacAddress& station, const MacAddress& target);
};

// Message 1, 2 or 3 (Category .. MIC) with its MIC under the KCK.
Bytes seed000Message(const Seed000Keys& keys, int type);

// The 4-way handshake between the station and `target` relayed by `current` (EtherType 0x88c7), key descriptor
// version 3 with AES-128-CMAC MICs under the seed-000 KCK: message 1 at `m1Ns`, then one every millisecond.
void preReassociationFourWay(RoamScene& scene, const Seed000Keys& keys, const SceneAp& current, const SceneAp& target,
                             std::int64_t m1Ns);

}  // namespace rs::test
