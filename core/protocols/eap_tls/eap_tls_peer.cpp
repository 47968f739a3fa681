// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/eap_tls/eap_tls_peer.h"

#include <fmt/format.h>

#include <utility>

#include "core/protocols/eap_tls/tls_channel.h"
#include "dissectors/eapol/eap.h"

namespace rs::eap {

using crypto::ErrorCode;
using crypto::makeError;
using detail::TlsChannel;

std::string_view peerStateName(EapTlsPeer::State state) {
  switch (state) {
    case EapTlsPeer::State::Idle:
      return "idle";
    case EapTlsPeer::State::Handshaking:
      return "handshaking";
    case EapTlsPeer::State::AwaitingResult:
      return "awaiting result";
    case EapTlsPeer::State::Succeeded:
      return "succeeded";
    case EapTlsPeer::State::Failed:
      return "failed";
  }
  return "?";
}

EapTlsPeer::EapTlsPeer(EapTlsConfig config) : config_(std::move(config)), sender_(config_.fragmentSize) {}
EapTlsPeer::~EapTlsPeer() = default;

crypto::Result<std::unique_ptr<EapTlsPeer>> EapTlsPeer::create(EapTlsConfig config) {
  if (config.fragmentSize < kMinFragmentSize)
    return makeError(ErrorCode::InvalidArgument,
                     fmt::format("fragment size {} below the minimum of {}", config.fragmentSize, kMinFragmentSize));
  std::unique_ptr<EapTlsPeer> peer(new EapTlsPeer(std::move(config)));
  auto channel = TlsChannel::create(TlsChannel::Role::Client, peer->config_);
  if (!channel) return channel.error();
  peer->channel_ = std::move(*channel);
  return peer;
}

bool EapTlsPeer::readyForSuccess() const {
  // RFC 9190 2.1.1 / 2.5: with TLS 1.3 the peer accepts EAP-Success only after
  // the handshake and the server's commitment message.
  return channel_->handshakeComplete() && failureReason_.empty() && keys_ &&
         (!channel_->isTls13() || commitmentReceived_);
}

Bytes EapTlsPeer::respond(std::uint8_t identifier, Bytes response) {
  lastIdentifier_ = identifier;
  lastResponse_ = response;
  return response;
}

Bytes EapTlsPeer::sendNextFragment(std::uint8_t identifier) {
  const EapTlsFragment fragment = sender_.next();
  lastStep_ = fragment.data.empty()
                  ? std::string("peer: empty EAP-TLS Response")
                  : fmt::format("peer: EAP-TLS Response with {} TLS octets{}", fragment.data.size(),
                                fragment.flags & eapol::tlsflag::kMoreFragments ? ", more fragments follow" : "");
  return respond(identifier, buildEapTlsPacket(eapol::EapCode::Response, identifier, fragment));
}

Bytes EapTlsPeer::sendMessage(std::uint8_t identifier, Bytes message) {
  sender_.load(std::move(message));
  return sendNextFragment(identifier);
}

crypto::Result<Bytes> EapTlsPeer::handle(ByteView eapPacket) {
  if (finished())
    return makeError(ErrorCode::InvalidArgument, fmt::format("EAP exchange already {}", peerStateName(state_)));
  const auto packet = eapol::parseEap(eapPacket);
  if (!packet) return makeError(ErrorCode::Malformed, "not an EAP packet (header cut short or bad Length)");

  if (packet->code == static_cast<std::uint8_t>(eapol::EapCode::Success)) {
    if (!readyForSuccess()) {
      state_ = State::Failed;
      failureReason_ = failureReason_.empty()
                           ? std::string("EAP-Success before the TLS exchange completed")
                           : fmt::format("EAP-Success after a failed TLS exchange: {}", failureReason_);
      lastStep_ = fmt::format("peer: rejects EAP-Success ({})", failureReason_);
      return Bytes{};
    }
    state_ = State::Succeeded;
    lastStep_ = fmt::format("peer: EAP-Success accepted ({}, MSK exported)", keys_->tlsVersion);
    return Bytes{};
  }
  if (packet->code == static_cast<std::uint8_t>(eapol::EapCode::Failure)) {
    state_ = State::Failed;
    if (failureReason_.empty()) failureReason_ = "server sent EAP-Failure";
    keys_.reset();
    lastStep_ = fmt::format("peer: EAP-Failure ({})", failureReason_);
    return Bytes{};
  }
  if (!packet->isRequest())
    return makeError(ErrorCode::Malformed,
                     fmt::format("expected an EAP-Request, got {}", eapol::eapCodeName(packet->code)));
  if (lastIdentifier_ && packet->identifier == *lastIdentifier_) {
    lastStep_ = "peer: repeats its last Response (retransmitted Request)";
    return lastResponse_;
  }
  if (packet->type == eapol::eaptype::kIdentity) {
    lastStep_ = fmt::format("peer: EAP-Response/Identity '{}'", config_.identity);
    return respond(packet->identifier,
                   eapol::buildEapIdentity(eapol::EapCode::Response, packet->identifier, config_.identity));
  }
  if (packet->type != eapol::eaptype::kTls || !packet->tls) {
    // RFC 3748 5.3.1: a legacy Nak proposes the method the peer wants.
    const std::uint8_t desired = eapol::eaptype::kTls;
    lastStep_ = "peer: Nak, proposes EAP-TLS";
    return respond(packet->identifier, eapol::buildEap(eapol::EapCode::Response, packet->identifier,
                                                       eapol::eaptype::kNak, ByteView(&desired, 1)));
  }
  return onTlsRequest(packet->identifier, *packet->tls);
}

crypto::Result<Bytes> EapTlsPeer::onTlsRequest(std::uint8_t identifier, const eapol::EapTlsData& tls) {
  if (tls.start()) {
    if (state_ != State::Idle) return makeError(ErrorCode::Malformed, "EAP-TLS Start in the middle of an exchange");
    if (channel_->advance() != TlsChannel::Progress::NeedMore)
      return makeError(ErrorCode::LibraryFailure, fmt::format("TLS client did not start: {}", channel_->failure()));
    state_ = State::Handshaking;
    Bytes response = sendMessage(identifier, channel_->takeOutput());
    lastStep_ = fmt::format("peer: ClientHello ({})", lastStep_);
    return response;
  }
  if (state_ == State::Idle) return makeError(ErrorCode::Malformed, "EAP-TLS Request before the Start");
  if (sender_.midMessage()) {
    // RFC 5216 2.1.5: the server acknowledges each fragment with an empty EAP-TLS Request.
    if (!tls.fragment.empty() || tls.moreFragments())
      return makeError(ErrorCode::Malformed, "expected an empty fragment acknowledgement");
    return sendNextFragment(identifier);
  }
  auto status = reassembler_.accept(tls);
  if (!status) return status.error();
  if (*status == EapTlsReassembler::Status::NeedMore) {
    sender_.load({});
    Bytes ack = sendNextFragment(identifier);
    lastStep_ = "peer: acknowledges a server fragment (empty EAP-TLS Response)";
    return ack;
  }
  Bytes message = reassembler_.take();
  if (message.empty()) return makeError(ErrorCode::Malformed, "empty EAP-TLS Request with nothing to acknowledge");
  return onServerMessage(identifier, std::move(message));
}

Bytes EapTlsPeer::onServerMessage(std::uint8_t identifier, Bytes message) {
  ++serverMessages_;
  if (!channel_->feed(message)) {
    failureReason_ = "TLS input buffer refused the server's records";
    state_ = State::AwaitingResult;
    return sendMessage(identifier, {});
  }
  if (channel_->handshakeComplete()) {
    // After the handshake only the TLS 1.3 commitment (RFC 9190 2.1.1) or an alert may come.
    switch (channel_->readAfterHandshake()) {
      case TlsChannel::ReadOutcome::Commitment:
        commitmentReceived_ = true;
        break;
      case TlsChannel::ReadOutcome::Failed:
        failureReason_ = fmt::format("server ended TLS at message {}: {}", serverMessages_, channel_->failure());
        break;
      case TlsChannel::ReadOutcome::Closed:
        failureReason_ = fmt::format("server closed TLS at message {}", serverMessages_);
        break;
      case TlsChannel::ReadOutcome::OtherData:
        failureReason_ = "server sent application data other than the commitment message";
        break;
      case TlsChannel::ReadOutcome::Nothing:
        failureReason_ = "server sent TLS records without a complete message";
        break;
    }
    state_ = State::AwaitingResult;
    return sendMessage(identifier, channel_->takeOutput());
  }
  switch (channel_->advance()) {
    case TlsChannel::Progress::Failed:
      // RFC 5216 2.1.3: the peer's alert (if OpenSSL produced one) goes back in the Response.
      failureReason_ =
          fmt::format("TLS handshake failed at server message {}: {}", serverMessages_, channel_->failure());
      state_ = State::AwaitingResult;
      break;
    case TlsChannel::Progress::Complete: {
      auto keys = channel_->exportKeys();
      if (keys)
        keys_ = std::move(*keys);
      else
        failureReason_ = fmt::format("key export failed: {}", keys.error().describe());
      state_ = State::AwaitingResult;
      break;
    }
    case TlsChannel::Progress::NeedMore:
      break;
  }
  return sendMessage(identifier, channel_->takeOutput());
}

}  // namespace rs::eap
