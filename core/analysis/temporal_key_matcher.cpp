// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/temporal_key_matcher.h"

#include "core/analysis/frame_decryptor.h"

namespace rs {

std::optional<std::pair<MacAddress, MacAddress>> temporalKeyScope(const MacHeader& header) {
  const auto ra = header.ra();
  const auto ta = header.ta();
  if (!ra || !ta) return std::nullopt;
  const auto bssid = header.bssid();
  // Group-addressed frames from DS name the BSSID in Address 2.
  if (ra->isGroup()) return std::make_pair(bssid ? *bssid : *ta, MacAddress::broadcast());
  const MacAddress aa = bssid ? *bssid : *ta;
  return std::make_pair(aa, *ta == aa ? *ra : *ta);
}

bool TemporalKeyMatcher::learn(const KeyRing& keys, const MacHeader& header, ByteView mpdu,
                               std::uint64_t frameIndex) {
  const auto& tks = keys.temporalKeys();
  if (tks.empty()) return false;
  const auto scope = temporalKeyScope(header);
  if (!scope) return false;
  ScopeState& state = scopes_[*scope];
  if (state.misses >= kMaxMisses) return false;
  // Only frames the key in effect did not decrypt get here: the others are tried.
  // The index of the key in effect; tks.size() (no key) when none is yet.
  const std::size_t current = state.keyFrom.empty() ? tks.size() : state.keyFrom.rbegin()->second;
  for (std::size_t i = 0; i < tks.size(); ++i) {
    if (i == current) continue;
    if (decryptWithTemporalKey(tks[i].tk, mpdu)) {
      state.keyFrom[frameIndex] = i;
      return true;
    }
  }
  ++state.misses;
  return false;
}

const KeyRing::TemporalKey* TemporalKeyMatcher::keyFor(const KeyRing& keys,
                                                       const std::pair<MacAddress, MacAddress>& scope,
                                                       std::uint64_t frameIndex) const {
  auto it = scopes_.find(scope);
  if (it == scopes_.end()) return nullptr;
  auto from = it->second.keyFrom.upper_bound(frameIndex);
  if (from == it->second.keyFrom.begin()) return nullptr;
  --from;
  if (from->second >= keys.temporalKeys().size()) return nullptr;
  return &keys.temporalKeys()[from->second];
}

}  // namespace rs
