// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Faults the seed-000 exchange must survive (issue #4 acceptance 4), injected
// by a scenario (`methods.wlan.seed000_fault`) so a run shows each failure at
// the message the protocol names (docs/protocols/seed-000.md section 4):
// the wrong PMK, a PTKID the AP does not hold, a MIC that does not verify at
// each of the three messages, a replayed message 1 (SRandom used before), and
// a message 3 or 2 that echoes another random than the one sent.
#include <cstdint>
#include <optional>
#include <string_view>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::wlan {

enum class Seed000Fault : std::uint8_t {
  None,
  WrongPmk,       // the station derives its PTK from another PMK: message 2 of the handshake before re-association fails
  BadPtkId,       // message 1 names a PTKSA the AP does not hold
  BadMic1,        // message 1's MIC altered
  BadMic2,        // message 2's MIC altered
  BadMic3,        // message 3's MIC altered
  ReplaySRandom,  // message 1 sent again after it was accepted: a replay
  StaleSRandom,   // message 2 echoes another SRandom
  StaleARandom,   // message 3 echoes another ARandom
};
std::optional<Seed000Fault> seed000FaultFromName(std::string_view name);
std::string_view seed000FaultName(Seed000Fault f);
// Every name, comma-separated, for the settings' error message.
std::string_view seed000FaultNames();

// Flips the last octet of a built action body or frame (the MIC is always last).
void corruptMic(Bytes& bodyOrFrame);
// A copy of `actionBody` whose `field` random (SRandom at message 2, ARandom at message 3) is replaced by
// `replacement`, re-signed with `kck` so only the echo check can catch it.
std::optional<Bytes> withOtherRandom(ByteView actionBody, ByteView replacement, ByteView kck, const MacAddress& spa,
                                     const MacAddress& bssid);

}  // namespace rs::wlan
