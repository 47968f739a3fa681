// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/eap_tls/eap_tls_fragments.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "core/protocols/eap_tls/eap_tls_config.h"

namespace rs::eap {

void EapTlsSender::load(Bytes message) {
  message_ = std::move(message);
  offset_ = 0;
}

EapTlsFragment EapTlsSender::next() {
  EapTlsFragment out;
  ++fragmentsSent_;
  if (message_.empty()) {
    return out;
  }
  const std::size_t size = std::max<std::size_t>(fragmentSize_, 1);
  const bool first = offset_ == 0;
  const std::size_t take = std::min(size, message_.size() - offset_);
  const bool more = offset_ + take < message_.size();
  if (first && more) {
    // RFC 5216 3.1: L "MUST be set for the first fragment of a fragmented TLS message".
    out.flags |= eapol::tlsflag::kLengthIncluded;
    out.messageLength = static_cast<std::uint32_t>(message_.size());
  }
  if (more) out.flags |= eapol::tlsflag::kMoreFragments;
  const auto begin = message_.begin() + static_cast<std::ptrdiff_t>(offset_);
  out.data.assign(begin, begin + static_cast<std::ptrdiff_t>(take));
  offset_ += take;
  return out;
}

crypto::Result<EapTlsReassembler::Status> EapTlsReassembler::accept(const eapol::EapTlsData& piece) {
  using crypto::ErrorCode;
  const bool more = piece.moreFragments();
  std::optional<std::uint32_t> expected = expected_;
  if (!started_) {
    if (more && !piece.messageLength)
      return crypto::makeError(ErrorCode::Malformed, "first EAP-TLS fragment of several without the L flag");
    if (piece.messageLength) expected = piece.messageLength;
  } else if (piece.messageLength && expected && *piece.messageLength != *expected) {
    return crypto::makeError(
        ErrorCode::Malformed,
        fmt::format("TLS Message Length changed from {} to {} within one message", *expected, *piece.messageLength));
  }
  if (expected && *expected > kMaxTlsMessageLength)
    return crypto::makeError(ErrorCode::Malformed, fmt::format("TLS Message Length {} exceeds the limit of {} octets",
                                                               *expected, kMaxTlsMessageLength));
  const std::size_t total = collected_.size() + piece.fragment.size();
  if (total > kMaxTlsMessageLength)
    return crypto::makeError(ErrorCode::Malformed, "reassembled TLS message exceeds the size limit");
  if (expected && total > *expected)
    return crypto::makeError(ErrorCode::Malformed,
                             fmt::format("{} TLS octets received, {} announced", total, *expected));
  if (!more && expected && total != *expected)
    return crypto::makeError(ErrorCode::Malformed,
                             fmt::format("last fragment ends at {} of {} announced TLS octets", total, *expected));
  if (more && piece.fragment.empty())
    return crypto::makeError(ErrorCode::Malformed, "EAP-TLS fragment with the M flag but no data");

  started_ = true;
  expected_ = expected;
  collected_.insert(collected_.end(), piece.fragment.begin(), piece.fragment.end());
  return more ? Status::NeedMore : Status::Complete;
}

Bytes EapTlsReassembler::take() {
  Bytes out = std::move(collected_);
  collected_.clear();
  expected_.reset();
  started_ = false;
  return out;
}

Bytes buildEapTlsPacket(eapol::EapCode code, std::uint8_t identifier, const EapTlsFragment& fragment) {
  return eapol::buildEapTls(code, identifier, eapol::eaptype::kTls, fragment.flags, fragment.messageLength,
                            fragment.data);
}

}  // namespace rs::eap
