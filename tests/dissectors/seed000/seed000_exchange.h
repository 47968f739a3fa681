// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A complete, correctly keyed seed-000 exchange (three radiotap + 802.11
// vendor-specific Action frames) for the codec and tshark suites.
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::test {

struct Seed000Exchange {
  MacAddress sta;
  MacAddress bssid;
  Bytes aRandom, sRandom, ptkId, wrappedGtk;
  std::vector<Bytes> bodies;  // action bodies (Category .. MIC), MIC filled in
  std::vector<Bytes> frames;  // radiotap (8 octets, no fields) + MAC header + body
  std::size_t bodyOffset = 0; // of every frame
};

// Keys from PMK 00..1f, ANonce 40..5f, SNonce 60..7f; ARandom a0..bf, SRandom e0..ff,
// GTK c0..cf with key ID 1; STA 02:00:00:00:00:02, BSSID 02:00:00:00:00:01.
Seed000Exchange makeSeed000Exchange();

}  // namespace rs::test
