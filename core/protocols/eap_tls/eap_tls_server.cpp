// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/eap_tls/eap_tls_server.h"

#include <fmt/format.h>

#include <utility>

#include "core/protocols/eap_tls/tls_channel.h"
#include "dissectors/eapol/eap.h"

namespace rs::eap {

using crypto::ErrorCode;
using crypto::makeError;
using detail::TlsChannel;

std::string_view serverStateName(EapTlsServer::State state) {
  switch (state) {
    case EapTlsServer::State::Idle:
      return "idle";
    case EapTlsServer::State::Handshaking:
      return "handshaking";
    case EapTlsServer::State::AwaitingFinalAck:
      return "awaiting final acknowledgement";
    case EapTlsServer::State::Failing:
      return "failing";
    case EapTlsServer::State::Succeeded:
      return "succeeded";
    case EapTlsServer::State::Failed:
      return "failed";
  }
  return "?";
}

EapTlsServer::EapTlsServer(EapTlsConfig config) : config_(std::move(config)), sender_(config_.fragmentSize) {}
EapTlsServer::~EapTlsServer() = default;

crypto::Result<std::unique_ptr<EapTlsServer>> EapTlsServer::create(EapTlsConfig config) {
  if (config.fragmentSize < kMinFragmentSize)
    return makeError(ErrorCode::InvalidArgument,
                     fmt::format("fragment size {} below the minimum of {}", config.fragmentSize, kMinFragmentSize));
  std::unique_ptr<EapTlsServer> server(new EapTlsServer(std::move(config)));
  auto channel = TlsChannel::create(TlsChannel::Role::Server, server->config_);
  if (!channel) return channel.error();
  server->channel_ = std::move(*channel);
  return server;
}

crypto::Result<Bytes> EapTlsServer::start(std::uint8_t identifier) {
  if (state_ != State::Idle) return makeError(ErrorCode::InvalidArgument, "EAP-TLS server already started");
  identifier_ = identifier;
  state_ = State::Handshaking;
  lastStep_ = "server: EAP-Request/EAP-TLS Start";
  return eapol::buildEapTls(eapol::EapCode::Request, identifier_, eapol::eaptype::kTls, eapol::tlsflag::kStart,
                            std::nullopt, {});
}

Bytes EapTlsServer::sendNextFragment() {
  ++identifier_;  // every new Request gets the next Identifier (RFC 3748 4.1)
  const EapTlsFragment fragment = sender_.next();
  lastStep_ = fragment.data.empty()
                  ? std::string("server: empty EAP-TLS Request")
                  : fmt::format("server: EAP-TLS Request with {} TLS octets{}", fragment.data.size(),
                                fragment.flags & eapol::tlsflag::kMoreFragments ? ", more fragments follow" : "");
  return buildEapTlsPacket(eapol::EapCode::Request, identifier_, fragment);
}

Bytes EapTlsServer::sendMessage(Bytes message) {
  sender_.load(std::move(message));
  return sendNextFragment();
}

Bytes EapTlsServer::fail(std::string reason) {
  failureReason_ = std::move(reason);
  state_ = State::Failed;
  keys_.reset();
  lastStep_ = fmt::format("server: EAP-Failure ({})", failureReason_);
  // RFC 3748 4.2: Success/Failure carry the Identifier of the Response they answer.
  return eapol::buildEapFailure(identifier_);
}

crypto::Result<Bytes> EapTlsServer::handle(ByteView eapResponse) {
  if (state_ == State::Idle || finished())
    return makeError(ErrorCode::InvalidArgument,
                     fmt::format("no EAP-TLS exchange in progress (server {})", serverStateName(state_)));
  const auto packet = eapol::parseEap(eapResponse);
  if (!packet) return makeError(ErrorCode::Malformed, "not an EAP packet (header cut short or bad Length)");
  if (!packet->isResponse())
    return makeError(ErrorCode::Malformed,
                     fmt::format("expected an EAP-Response, got {}", eapol::eapCodeName(packet->code)));
  if (packet->identifier != identifier_)
    return makeError(ErrorCode::Malformed, fmt::format("Identifier {} does not answer the outstanding Request {}",
                                                       packet->identifier, identifier_));
  if (packet->type == eapol::eaptype::kNak) return fail("peer declined EAP-TLS (Nak)");
  if (packet->type != eapol::eaptype::kTls || !packet->tls)
    return makeError(ErrorCode::Malformed, "EAP-Response is not EAP-TLS");
  const eapol::EapTlsData& tls = *packet->tls;

  if (sender_.midMessage()) {
    // RFC 5216 2.1.5: the peer acknowledges each fragment with an empty EAP-TLS Response.
    if (!tls.fragment.empty() || tls.moreFragments())
      return makeError(ErrorCode::Malformed, "expected an empty fragment acknowledgement");
    return sendNextFragment();
  }
  auto status = reassembler_.accept(tls);
  if (!status) return status.error();
  if (*status == EapTlsReassembler::Status::NeedMore) {
    sender_.load({});
    Bytes ack = sendNextFragment();
    lastStep_ = "server: acknowledges a peer fragment (empty EAP-TLS Request)";
    return ack;
  }
  return onPeerMessage(reassembler_.take());
}

Bytes EapTlsServer::onPeerMessage(Bytes message) {
  if (state_ == State::Failing) return fail(failureReason_);
  if (state_ == State::AwaitingFinalAck) {
    if (!message.empty()) {
      channel_->feed(message);
      channel_->readAfterHandshake();
      return fail(channel_->failure().empty()
                      ? std::string("peer sent TLS data instead of the final empty Response")
                      : fmt::format("peer rejected the server's last flight: {}", channel_->failure()));
    }
    state_ = State::Succeeded;
    lastStep_ = fmt::format("server: EAP-Success ({} done, MSK exported)", keys_->tlsVersion);
    return eapol::buildEapSuccess(identifier_);
  }

  ++peerMessages_;
  if (message.empty())
    return fail(fmt::format("peer ended the TLS handshake without data (after {} TLS messages)", peerMessages_ - 1));
  if (!channel_->feed(message)) return fail("TLS input buffer refused the peer's records");
  switch (channel_->advance()) {
    case TlsChannel::Progress::Failed: {
      failureReason_ = fmt::format("TLS handshake failed at peer message {}: {}", peerMessages_, channel_->failure());
      Bytes alert = channel_->takeOutput();
      if (alert.empty()) return fail(failureReason_);
      // RFC 5216 2.1.3: the alert goes to the peer in a Request; EAP-Failure follows its empty Response.
      state_ = State::Failing;
      Bytes request = sendMessage(std::move(alert));
      lastStep_ = fmt::format("server: TLS alert to the peer ({})", failureReason_);
      return request;
    }
    case TlsChannel::Progress::Complete: {
      auto keys = channel_->exportKeys();
      if (!keys) return fail(fmt::format("key export failed: {}", keys.error().describe()));
      keys_ = std::move(*keys);
      // RFC 9190 2.1.1: a TLS 1.3 server commits to sending no more handshake
      // messages with one application-data octet 0x00.
      if (channel_->isTls13() && !channel_->writeCommitment())
        return fail("could not write the TLS 1.3 commitment message");
      state_ = State::AwaitingFinalAck;
      return sendMessage(channel_->takeOutput());
    }
    case TlsChannel::Progress::NeedMore: {
      Bytes out = channel_->takeOutput();
      if (out.empty()) return fail(fmt::format("peer message {} left the TLS handshake waiting", peerMessages_));
      return sendMessage(std::move(out));
    }
  }
  return fail("unreachable TLS state");
}

}  // namespace rs::eap
