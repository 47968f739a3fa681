// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The EAP-TLS server (RFC 5216, RFC 9190 for TLS 1.3), message by message:
// start() gives the EAP-Request/TLS Start; each handle() consumes one
// EAP-Response and gives the next packet (a Request, EAP-Success or
// EAP-Failure). No blocking, no threads: the emulator carries the packets.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/crypto/result.h"
#include "core/protocols/eap_tls/eap_tls_config.h"
#include "core/protocols/eap_tls/eap_tls_fragments.h"
#include "core/protocols/eap_tls/eap_tls_keys.h"
#include "dissectors/common/bytes.h"

namespace rs::eap {

namespace detail {
class TlsChannel;
}

class EapTlsServer {
 public:
  enum class State {
    Idle,              // before start()
    Handshaking,       // TLS flights in both directions
    AwaitingFinalAck,  // sent the last flight (TLS 1.2 Finished / TLS 1.3 commitment), waits for the empty Response
    Failing,           // sent a TLS alert, waits for the peer's empty Response before EAP-Failure
    Succeeded,         // sent EAP-Success; keys() available
    Failed,            // sent EAP-Failure; failureReason() says why
  };

  // InvalidArgument when the configuration's certificates or key do not decode,
  // or the fragment size is below kMinFragmentSize.
  static crypto::Result<std::unique_ptr<EapTlsServer>> create(EapTlsConfig config);
  ~EapTlsServer();
  EapTlsServer(const EapTlsServer&) = delete;
  EapTlsServer& operator=(const EapTlsServer&) = delete;

  // EAP-Request/EAP-TLS with the S flag and no data (RFC 5216 2.1.1).
  crypto::Result<Bytes> start(std::uint8_t identifier);
  // Errors leave the state untouched (the packet is discarded, RFC 3748 4.1):
  // Malformed for bytes that are no EAP packet, not a Response, not EAP-TLS or
  // Nak, break the fragmentation rules, or carry the wrong Identifier;
  // InvalidArgument when no exchange is in progress.
  crypto::Result<Bytes> handle(ByteView eapResponse);

  State state() const { return state_; }
  bool finished() const { return state_ == State::Succeeded || state_ == State::Failed; }
  const std::string& failureReason() const { return failureReason_; }
  const std::string& lastStep() const { return lastStep_; }  // one line for the trace
  // The exported keys once EAP-Success was sent, else nullptr.
  const EapTlsKeys* keys() const { return state_ == State::Succeeded && keys_ ? &*keys_ : nullptr; }
  std::uint8_t identifier() const { return identifier_; }
  // TLS messages received whole from the peer (the Start response's ClientHello is the first).
  std::size_t peerMessages() const { return peerMessages_; }

 private:
  explicit EapTlsServer(EapTlsConfig config);
  Bytes sendMessage(Bytes message);
  Bytes sendNextFragment();
  Bytes fail(std::string reason);
  Bytes onPeerMessage(Bytes message);

  EapTlsConfig config_;
  std::unique_ptr<detail::TlsChannel> channel_;
  EapTlsSender sender_;
  EapTlsReassembler reassembler_;
  State state_ = State::Idle;
  std::uint8_t identifier_ = 0;
  std::optional<EapTlsKeys> keys_;
  std::string failureReason_;
  std::string lastStep_;
  std::size_t peerMessages_ = 0;
};

std::string_view serverStateName(EapTlsServer::State state);

}  // namespace rs::eap
