// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// EAP-TLS fragmentation (RFC 5216 2.1.5, 3.1): a TLS message (one flight of
// records) goes out in pieces of at most `fragmentSize` octets; the first of
// several carries the L flag and the total TLS Message Length, all but the last
// carry M. The receiver acknowledges every piece with an empty EAP-TLS packet.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/eapol/eap.h"

namespace rs::eap {

struct EapTlsFragment {
  std::uint8_t flags = 0;                      // L and M as needed (never S)
  std::optional<std::uint32_t> messageLength;  // with the L flag
  Bytes data;
};

// The outgoing side: holds one message and hands it out piece by piece.
class EapTlsSender {
 public:
  explicit EapTlsSender(std::size_t fragmentSize) : fragmentSize_(fragmentSize) {}

  void load(Bytes message);  // replaces any message still being sent
  bool pending() const { return offset_ < message_.size(); }
  bool midMessage() const { return offset_ > 0 && pending(); }  // a fragment went out, more follow
  // The next piece; an empty message gives one empty fragment (an ACK or an empty response).
  EapTlsFragment next();
  std::size_t fragmentsSent() const { return fragmentsSent_; }

 private:
  std::size_t fragmentSize_;
  Bytes message_;
  std::size_t offset_ = 0;
  std::size_t fragmentsSent_ = 0;
};

// The incoming side: collects pieces until the message is whole.
class EapTlsReassembler {
 public:
  enum class Status { NeedMore, Complete };

  // Checks the piece against RFC 5216 3.1 before taking it, so a bad piece
  // leaves the collected part untouched: Malformed when the first piece of
  // several lacks L, a TLS Message Length exceeds kMaxTlsMessageLength or
  // disagrees with what arrives, or more data arrives than was announced.
  crypto::Result<Status> accept(const eapol::EapTlsData& piece);
  // The whole message after Complete; resets for the next one.
  Bytes take();
  bool collecting() const { return started_; }

 private:
  Bytes collected_;
  std::optional<std::uint32_t> expected_;
  bool started_ = false;
};

// The EAP-Request/Response of type 13 carrying one fragment (RFC 5216 3.1, 3.2).
Bytes buildEapTlsPacket(eapol::EapCode code, std::uint8_t identifier, const EapTlsFragment& fragment);

}  // namespace rs::eap
