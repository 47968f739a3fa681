// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/aaa_result.h"

namespace rs::aaa {

std::string_view aaaOutcomeName(AaaOutcome outcome) {
  switch (outcome) {
    case AaaOutcome::Accepted: return "accepted";
    case AaaOutcome::Rejected: return "rejected";
    case AaaOutcome::NoAnswer: return "no-answer";
    case AaaOutcome::Failed: return "failed";
  }
  return "unknown";
}

std::optional<std::uint8_t> registrationDenialCode(AaaOutcome outcome) {
  switch (outcome) {
    case AaaOutcome::Accepted: return std::nullopt;
    case AaaOutcome::Rejected: return registrationCodeForAaaReject();
    case AaaOutcome::NoAnswer:
    case AaaOutcome::Failed: return kRegistrationDeniedInsufficientResources;
  }
  return kRegistrationDeniedInsufficientResources;
}

}  // namespace rs::aaa
