// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/result.h"

namespace rs::crypto {

std::string_view errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::Malformed: return "malformed";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::IntegrityFailure: return "integrity-failure";
    case ErrorCode::IcvFailure: return "icv-failure";
    case ErrorCode::MichaelFailure: return "michael-failure";
    case ErrorCode::ProviderUnavailable: return "provider-unavailable";
    case ErrorCode::LibraryFailure: return "library-failure";
  }
  return "unknown";
}

std::string Error::describe() const {
  std::string out(errorCodeName(code));
  out += ": ";
  out += message;
  return out;
}

}  // namespace rs::crypto
