// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/eapol_timeout.h"

#include <fmt/format.h>

namespace rs::roam {
namespace {
constexpr std::uint16_t kReasonFourWayTimeout = 15;
constexpr std::uint16_t kReasonGroupKeyTimeout = 16;
}  // namespace

void M1RetryCounter::onPairwiseMessage(int number, std::uint64_t replayCounter) {
  if (number == 1) {
    if (lastM1Replay_ && (!m2SinceM1_ || *lastM1Replay_ == replayCounter)) ++retries_;
    lastM1Replay_ = replayCounter;
    m2SinceM1_ = false;
  } else if (number == 2) {
    m2SinceM1_ = true;
  }
}

std::optional<Diagnostic> eapolTimeoutDiagnostic(const HandoffRecord& r) {
  std::optional<std::uint16_t> reason;
  if (r.failure && (r.failure->stage == "deauthentication" || r.failure->stage == "disassociation") &&
      (r.failure->code == kReasonFourWayTimeout || r.failure->code == kReasonGroupKeyTimeout))
    reason = r.failure->code;
  if (r.m1Retries == 0 && !reason) return std::nullopt;
  Diagnostic d;
  d.kind = "eapol-timeout";
  d.message = fmt::format("4-way handshake message 1 retried {} time(s)", r.m1Retries);
  if (reason)
    d.message += fmt::format("; {} reason {} ({} handshake timeout)", r.failure->stage, *reason,
                             *reason == kReasonFourWayTimeout ? "4-way" : "group key");
  d.values.emplace_back("m1_retries", std::int64_t{r.m1Retries});
  if (reason) d.values.emplace_back("reason_code", std::int64_t{*reason});
  return d;
}

}  // namespace rs::roam
