// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decryption with temporal keys the user gave directly (--tk, "tk" lines of a
// key file), for captures whose handshake was not captured. A TK belongs to one
// station pair (a PTK's TK) or one BSS (a GTK), but the user does not say
// which: during the pass, the TKs are tried on a protected frame that nothing
// else decrypted, and the one that works is remembered for that pair (or for
// that BSS's group-addressed frames) from that frame on; frames it decrypts are
// not tried again. When it stops working (a rekey), the TKs are tried again. A
// scope whose frames none of the TKs decrypts is given up after a few such
// frames, so the cost stays bounded by (TKs × a few frames) per scope.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "core/analysis/key_ring.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/ieee80211/mac_header.h"

namespace rs {

// The (AP, station) pair of a unicast data frame, or (BSSID, broadcast) for a
// group-addressed one: the scope a temporal key belongs to. nullopt for frames
// without the addresses.
std::optional<std::pair<MacAddress, MacAddress>> temporalKeyScope(const MacHeader& header);

class TemporalKeyMatcher {
 public:
  // A protected data frame no handshake key decrypted: tries the user's TKs for
  // its scope unless one is known already or the scope was given up. True when
  // a TK was newly found to decrypt it.
  bool learn(const KeyRing& keys, const MacHeader& header, ByteView mpdu, std::uint64_t frameIndex);
  // The TK in effect for this scope at `frameIndex` (the last one found to work
  // at or before it); nullptr when none.
  const KeyRing::TemporalKey* keyFor(const KeyRing& keys, const std::pair<MacAddress, MacAddress>& scope,
                                     std::uint64_t frameIndex) const;

 private:
  static constexpr int kMaxMisses = 8;  // frames of a scope no TK decrypts before it is given up
  struct ScopeState {
    std::map<std::uint64_t, std::size_t> keyFrom;  // first frame → index into KeyRing::temporalKeys()
    int misses = 0;
  };
  std::map<std::pair<MacAddress, MacAddress>, ScopeState> scopes_;
};

}  // namespace rs
