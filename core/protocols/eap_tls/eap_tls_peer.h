// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The EAP-TLS peer (RFC 5216, RFC 9190 for TLS 1.3), message by message: each
// handle() consumes one EAP packet from the authenticator and gives the
// EAP-Response to send (none after EAP-Success or EAP-Failure). It answers
// EAP-Request/Identity too, and Naks other methods, so it can run the whole
// EAP conversation of an 802.1X authentication.
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

class EapTlsPeer {
 public:
  enum class State {
    Idle,            // no EAP-TLS Start yet
    Handshaking,     // TLS flights in both directions
    AwaitingResult,  // the TLS side is over (or failed); waits for EAP-Success/Failure
    Succeeded,       // EAP-Success accepted; keys() available
    Failed,          // EAP-Failure, or an EAP-Success the peer could not accept
  };

  // InvalidArgument when the certificates or key do not decode or the fragment
  // size is below kMinFragmentSize.
  static crypto::Result<std::unique_ptr<EapTlsPeer>> create(EapTlsConfig config);
  ~EapTlsPeer();
  EapTlsPeer(const EapTlsPeer&) = delete;
  EapTlsPeer& operator=(const EapTlsPeer&) = delete;

  // The Response to send; empty after EAP-Success/Failure. A Request repeating
  // the last Identifier gets the last Response again (RFC 3748 4.3). Errors
  // leave the state untouched (the packet is discarded): Malformed for bytes
  // that are no EAP packet, break the EAP-TLS rules, or arrive out of order;
  // InvalidArgument after the exchange finished.
  crypto::Result<Bytes> handle(ByteView eapPacket);

  State state() const { return state_; }
  bool finished() const { return state_ == State::Succeeded || state_ == State::Failed; }
  const std::string& failureReason() const { return failureReason_; }
  const std::string& lastStep() const { return lastStep_; }
  const EapTlsKeys* keys() const { return state_ == State::Succeeded && keys_ ? &*keys_ : nullptr; }
  // TLS messages received whole from the server.
  std::size_t serverMessages() const { return serverMessages_; }

 private:
  explicit EapTlsPeer(EapTlsConfig config);
  Bytes respond(std::uint8_t identifier, Bytes response);
  Bytes sendMessage(std::uint8_t identifier, Bytes message);
  Bytes sendNextFragment(std::uint8_t identifier);
  crypto::Result<Bytes> onTlsRequest(std::uint8_t identifier, const eapol::EapTlsData& tls);
  Bytes onServerMessage(std::uint8_t identifier, Bytes message);
  bool readyForSuccess() const;

  EapTlsConfig config_;
  std::unique_ptr<detail::TlsChannel> channel_;
  EapTlsSender sender_;
  EapTlsReassembler reassembler_;
  State state_ = State::Idle;
  std::optional<EapTlsKeys> keys_;
  bool commitmentReceived_ = false;
  std::optional<std::uint8_t> lastIdentifier_;
  Bytes lastResponse_;
  std::string failureReason_;
  std::string lastStep_;
  std::size_t serverMessages_ = 0;
};

std::string_view peerStateName(EapTlsPeer::State state);

}  // namespace rs::eap
