// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// EAPOL timeouts (docs/diagnostics.md): an authenticator that gets no message 2
// sends message 1 again (IEEE 802.11-2016 12.7.6.1, dot11RSNAConfigPairwiseUpdateCount),
// and gives up with Deauthentication reason 15 (4-way handshake timeout) or 16
// (group key handshake timeout), Table 9-45.
#include <cstdint>
#include <optional>

#include "core/analysis/roam/handoff_record.h"

namespace rs::roam {

// Counts message-1 retries within one handshake: an M1 that repeats the previous
// M1's replay counter, or any M1 that follows another M1 with no M2 in between.
class M1RetryCounter {
 public:
  void onPairwiseMessage(int number, std::uint64_t replayCounter);
  int retries() const { return retries_; }

 private:
  std::optional<std::uint64_t> lastM1Replay_;
  bool m2SinceM1_ = false;
  int retries_ = 0;
};

// "eapol-timeout" when the record has M1 retries or failed with reason 15/16; nullopt otherwise.
std::optional<Diagnostic> eapolTimeoutDiagnostic(const HandoffRecord& record);

}  // namespace rs::roam
