// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/challenge_book.h"

#include <algorithm>

namespace rs::mip {

ChallengeBook::ChallengeBook(unsigned window, std::size_t length, sim::Random random)
    : window_(std::max(1u, window)), length_(length), random_(std::move(random)) {}

Bytes ChallengeBook::issue() {
  Bytes challenge = random_.bytes(length_);
  issued_.push_back(Issued{challenge, false});
  if (issued_.size() > kRemembered) issued_.pop_front();
  return challenge;
}

std::optional<std::size_t> ChallengeBook::indexOf(ByteView challenge) const {
  for (std::size_t i = issued_.size(); i-- > 0;)
    if (std::equal(challenge.begin(), challenge.end(), issued_[i].challenge.begin(), issued_[i].challenge.end()))
      return i;
  return std::nullopt;
}

ChallengeBook::Verdict ChallengeBook::check(ByteView challenge) const {
  const auto i = indexOf(challenge);
  if (!i) return Verdict::Unknown;
  const std::size_t age = issued_.size() - 1 - *i;  // 0: the latest
  return !issued_[*i].used && age < window_ ? Verdict::Fresh : Verdict::Stale;
}

void ChallengeBook::use(ByteView challenge) {
  if (const auto i = indexOf(challenge)) issued_[*i].used = true;
}

std::string_view challengeVerdictName(ChallengeBook::Verdict v) {
  switch (v) {
    case ChallengeBook::Verdict::Fresh: return "fresh";
    case ChallengeBook::Verdict::Unknown: return "unknown";
    case ChallengeBook::Verdict::Stale: return "stale";
  }
  return "?";
}

}  // namespace rs::mip
