// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/mschap_aaa_client.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/crypto/mschapv2.h"
#include "core/protocols/aaa/mschap_access_reply.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {

MschapAaaClient::MschapAaaClient(AaaClientConfig config, RandomSource randomBytes)
    : config_(std::move(config)), randomBytes_(std::move(randomBytes)) {
  if (config_.secret.empty()) throw std::invalid_argument("AAA client: empty shared secret");
  if (config_.retry.timeout <= 0) throw std::invalid_argument("AAA client: the timeout must be positive");
  if (!randomBytes_) throw std::invalid_argument("AAA client: no random source");
}

std::optional<std::uint8_t> MschapAaaClient::freeIdentifier() {
  for (int tries = 0; tries < 256; ++tries) {
    const std::uint8_t id = nextIdentifier_++;
    if (!pending_.contains(id)) return id;
  }
  return std::nullopt;
}

crypto::Result<MschapAaaClient::Outgoing> MschapAaaClient::enqueue(Pending pending, std::uint8_t identifier) {
  Outgoing out{nextTicket_++, identifier, pending.packet};
  pending.ticket = out.ticket;
  pending_.emplace(identifier, std::move(pending));
  return out;
}

crypto::Result<MschapAaaClient::Outgoing> MschapAaaClient::startAccessRequest(
    const MsChapV2Response& response, std::optional<std::string> mobilePassword) {
  const auto id = freeIdentifier();
  if (!id)
    return crypto::makeError(crypto::ErrorCode::Unsupported,
                             "256 Access-Requests pending: no RADIUS Identifier is free (RFC 2865 3)");
  Pending p;
  p.requestAuthenticator = randomBytes_(radius::kAuthenticatorLength);
  auto packet = buildMsChapAccessRequest(*id, p.requestAuthenticator, response, config_.nas, asView(config_.secret));
  if (!packet) return packet.error();
  p.packet = std::move(*packet);
  p.userName = response.userName;
  p.response = response;
  p.mobilePassword = std::move(mobilePassword);
  return enqueue(std::move(p), *id);
}

crypto::Result<MschapAaaClient::Outgoing> MschapAaaClient::startChapAccessRequest(const ChapResponse& response) {
  const auto id = freeIdentifier();
  if (!id)
    return crypto::makeError(crypto::ErrorCode::Unsupported,
                             "256 Access-Requests pending: no RADIUS Identifier is free (RFC 2865 3)");
  Pending p;
  p.chap = true;
  p.requestAuthenticator = randomBytes_(radius::kAuthenticatorLength);
  auto packet = buildChapAccessRequest(*id, p.requestAuthenticator, response, config_.nas, asView(config_.secret));
  if (!packet) return packet.error();
  p.packet = std::move(*packet);
  p.userName = response.userName;
  return enqueue(std::move(p), *id);
}

crypto::Result<MschapAaaClient::Outgoing> MschapAaaClient::startStatusServer() {
  const auto id = freeIdentifier();
  if (!id) return crypto::makeError(crypto::ErrorCode::Unsupported, "256 requests pending: no RADIUS Identifier is free");
  Pending p;
  p.statusServer = true;
  p.requestAuthenticator = randomBytes_(radius::kAuthenticatorLength);
  auto packet = buildStatusServer(*id, p.requestAuthenticator, config_.nas, asView(config_.secret));
  if (!packet) return packet.error();
  p.packet = std::move(*packet);
  return enqueue(std::move(p), *id);
}

AaaResult MschapAaaClient::finish(const Pending& p, std::uint8_t identifier) {
  AaaResult r;
  r.ticket = p.ticket;
  r.statusServer = p.statusServer;
  r.userName = p.userName;
  r.identifier = identifier;
  r.attempts = p.attempts;
  return r;
}

std::optional<AaaResult> MschapAaaClient::onDatagram(ByteView datagram, std::string& why) {
  const auto packet = radius::parsePacket(datagram);
  if (!packet) {
    why = "not a RADIUS packet";
    return std::nullopt;
  }
  const auto it = pending_.find(packet->identifier);
  if (it == pending_.end()) {
    why = fmt::format("no request pending with Identifier {} (a late or duplicate answer)", packet->identifier);
    return std::nullopt;
  }
  const Pending& p = it->second;
  auto reply = parseMsChapAccessReply(datagram, p.requestAuthenticator, asView(config_.secret));
  if (!reply) {
    // RFC 2865 3: a reply whose authenticator does not verify is silently
    // discarded; the request stays pending and may still get a genuine answer.
    why = reply.error().message;
    return std::nullopt;
  }
  AaaResult result = finish(p, packet->identifier);
  result.messageAuthenticatorPresent = reply->messageAuthenticatorPresent;
  if (reply->code == radius::code::kAccessAccept) {
    result.outcome = AaaOutcome::Accepted;
    // CHAP proves the password and nothing more: its Access-Accept has no keys to require.
    if (!p.statusServer && !p.chap) {
      result.authenticatorResponse = reply->authenticatorResponse;
      if (!reply->keys) {
        result.outcome = AaaOutcome::Failed;
        result.detail = "Access-Accept without MS-MPPE-Send-Key / MS-MPPE-Recv-Key: no key material x''";
      } else {
        auto material = keyMaterialFromMppeKeys(reply->keys->recvKey, reply->keys->sendKey);
        if (!material) {
          result.outcome = AaaOutcome::Failed;
          result.detail = "MPPE keys unusable as x'': " + material.error().message;
        } else {
          result.mppeSendKey = reply->keys->sendKey;
          result.mppeRecvKey = reply->keys->recvKey;
          result.keyMaterial = std::move(*material);
        }
      }
      if (p.mobilePassword && p.response && !reply->authenticatorResponse.empty()) {
        const MsChapV2Response& rq = *p.response;
        auto ok = crypto::mschapv2::checkAuthenticatorResponse(
            *p.mobilePassword, rq.ntResponse, rq.peerChallenge, rq.authenticatorChallenge,
            crypto::mschapv2::userNameForChallenge(rq.userName), reply->authenticatorResponse);
        result.authenticatorResponseValid = ok && *ok;
      }
    }
  } else if (reply->code == radius::code::kAccessReject) {
    result.outcome = AaaOutcome::Rejected;
    result.msChapError = reply->msChapError;
    result.msChapErrorCode = msChapErrorCode(reply->msChapError);
    if (result.msChapError.empty()) result.detail = reply->replyMessage;
  } else {
    result.outcome = AaaOutcome::Failed;
    const std::string_view name = radius::codeName(reply->code);
    result.detail = fmt::format("unexpected reply {} (code {})", name.empty() ? "?" : name, reply->code);
  }
  pending_.erase(it);
  return result;
}

std::optional<std::variant<Bytes, AaaResult>> MschapAaaClient::onTimeout(std::uint64_t ticket) {
  for (auto it = pending_.begin(); it != pending_.end(); ++it) {
    if (it->second.ticket != ticket) continue;
    Pending& p = it->second;
    if (p.attempts <= config_.retry.retries) {
      ++p.attempts;
      return std::variant<Bytes, AaaResult>(p.packet);
    }
    AaaResult r = finish(p, it->first);
    r.outcome = AaaOutcome::NoAnswer;
    r.detail = fmt::format("no answer after {} transmission(s), {} each", p.attempts,
                           sim::formatSimTime(config_.retry.timeout));
    pending_.erase(it);
    return std::variant<Bytes, AaaResult>(std::move(r));
  }
  return std::nullopt;
}

bool MschapAaaClient::abandon(std::uint64_t ticket) {
  return std::erase_if(pending_, [ticket](const auto& e) { return e.second.ticket == ticket; }) > 0;
}

}  // namespace rs::aaa
