// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The challenges one foreign agent advertised on one subnet (RFC 3012 2, 3.2)
// and what became of them. A challenge is fresh while it is among the latest
// `window` issued (CHALLENGE_WINDOW) and no admitted request used it: each
// registration through the FA needs a challenge of its own, so a copy of an
// admitted request, or a retransmission that reuses its challenge, is stale
// and gets a new challenge with the denial. A challenge never issued here —
// or issued so long ago that it is forgotten — is unknown.
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <utility>

#include "core/sim/random.h"
#include "dissectors/common/bytes.h"

namespace rs::mip {

class ChallengeBook {
 public:
  enum class Verdict : std::uint8_t { Fresh, Unknown, Stale };

  // `window` >= 1; challenges are `length` octets of `random`.
  ChallengeBook(unsigned window, std::size_t length, sim::Random random);

  // A new challenge for the next advertisement or for a denial that hands one to the mobile.
  Bytes issue();
  Verdict check(ByteView challenge) const;
  // A request with `challenge` was admitted (relayed toward the home agent).
  void use(ByteView challenge);

  // How many issued challenges are remembered (to tell stale from unknown).
  static constexpr std::size_t kRemembered = 256;

 private:
  struct Issued {
    Bytes challenge;
    bool used = false;
  };
  // Index into issued_ of `challenge`, if remembered.
  std::optional<std::size_t> indexOf(ByteView challenge) const;

  unsigned window_;
  std::size_t length_;
  sim::Random random_;
  std::deque<Issued> issued_;  // oldest first
};

std::string_view challengeVerdictName(ChallengeBook::Verdict v);  // "fresh", "unknown", "stale"

}  // namespace rs::mip
