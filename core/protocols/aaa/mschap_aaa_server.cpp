// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/mschap_aaa_server.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/crypto/chap.h"
#include "core/crypto/mschapv2.h"
#include "core/crypto/radius_crypto.h"
#include "core/protocols/aaa/chap_access_request.h"
#include "core/protocols/aaa/mschap_access_reply.h"
#include "core/protocols/aaa/mschap_access_request.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {

std::string_view aaaServerActionName(AaaServerAction action) {
  switch (action) {
    case AaaServerAction::Accepted: return "accepted";
    case AaaServerAction::Rejected: return "rejected";
    case AaaServerAction::StatusAnswered: return "status-answered";
    case AaaServerAction::Duplicate: return "duplicate";
    case AaaServerAction::Discarded: return "discarded";
  }
  return "unknown";
}

struct MschapAaaServer::Request {
  const radius::Packet* packet = nullptr;
  ByteView secret;
  RequestKey key;
  std::string origin;  // "Access-Request 7 from 10.0.0.1:49152"
  RadiusReplyContext context() const {
    RadiusReplyContext c{packet->identifier, packet->authenticator, secret, {}};
    for (const radius::Attribute* state : packet->findAll(radius::attr::kProxyState)) c.proxyStates.push_back(state->value);
    return c;
  }
};

MschapAaaServer::MschapAaaServer(AaaServerSettings settings, RandomSource randomBytes)
    : settings_(settings), randomBytes_(std::move(randomBytes)) {
  if (!randomBytes_) throw std::invalid_argument("AAA server: no random source");
}

void MschapAaaServer::addClient(std::string address, std::string secret) {
  if (address.empty() || secret.empty()) throw std::invalid_argument("AAA server: a client needs an address and a secret");
  clients_[std::move(address)] = std::move(secret);
}

void MschapAaaServer::addUser(std::string name, std::string_view cleartextPassword) {
  if (cleartextPassword.empty()) throw std::invalid_argument("AAA server: empty password for '" + name + "'");
  auto hash = crypto::mschapv2::ntPasswordHash(cleartextPassword);
  if (!hash) throw std::invalid_argument("AAA server: password of '" + name + "': " + hash.error().message);
  addUserNtHash(name, *hash);
  passwords_.insert_or_assign(std::move(name), crypto::SecretBytes(asView(cleartextPassword)));
}

void MschapAaaServer::addUserNtHash(std::string name, ByteView ntPasswordHash) {
  if (name.empty()) throw std::invalid_argument("AAA server: empty user name");
  if (ntPasswordHash.size() != 16) throw std::invalid_argument("AAA server: an NT password hash has 16 octets");
  passwords_.erase(name);  // a stale cleartext must not keep authenticating CHAP
  ntHashes_.insert_or_assign(std::move(name), crypto::SecretBytes(ntPasswordHash));
}

AaaServerResponse MschapAaaServer::discard(std::string why) {
  ++discarded_;
  AaaServerResponse r;
  r.action = AaaServerAction::Discarded;
  r.note = "discarded " + why;
  return r;
}

void MschapAaaServer::remember(RequestKey key, const AaaServerResponse& response) {
  if (!response.reply) return;
  if (replyOrder_.size() >= kMaxCachedReplies) {
    replies_.erase(replyOrder_.front());
    replyOrder_.pop_front();
  }
  if (replies_.insert_or_assign(key, *response.reply).second) replyOrder_.push_back(std::move(key));
}

AaaServerResponse MschapAaaServer::handle(ByteView datagram, const std::string& clientAddress,
                                          std::uint16_t clientPort) {
  const std::string from = fmt::format("a datagram from {}:{}", clientAddress, clientPort);
  const auto client = clients_.find(clientAddress);
  // RFC 2865 3: requests from a client without a shared secret are silently discarded.
  if (client == clients_.end()) return discard(from + ": no client entry for that address (RFC 2865 3)");
  const auto packet = radius::parsePacket(datagram);
  if (!packet) return discard(from + ": not a RADIUS packet");
  if (packet->truncated || packet->malformedAt) return discard(from + ": malformed RADIUS packet");
  Request request;
  request.packet = &*packet;
  request.secret = asView(client->second);
  request.key = RequestKey{clientAddress, clientPort, packet->identifier, toBytes(packet->authenticator)};
  const std::string_view codeName = radius::codeName(packet->code);
  request.origin = fmt::format("{} {} from {}:{}", codeName.empty() ? "code " + std::to_string(packet->code)
                                                                    : std::string(codeName),
                               packet->identifier, clientAddress, clientPort);
  if (packet->code != radius::code::kAccessRequest && packet->code != radius::code::kStatusServer)
    return discard(request.origin + ": this server answers Access-Request and Status-Server only");

  const bool hasMac = packet->messageAuthenticatorOffset().has_value();
  if (hasMac) {
    auto ok = crypto::radius::verifyMessageAuthenticator(packet->packet, packet->authenticator, request.secret);
    if (!ok || !*ok)
      return discard(request.origin + ": Message-Authenticator does not verify (another secret?) (RFC 3579 3.2)");
  } else if (packet->code == radius::code::kStatusServer) {
    return discard(request.origin + ": Status-Server without Message-Authenticator (RFC 5997 3)");
  } else if (settings_.requireMessageAuthenticator) {
    return discard(request.origin + ": no Message-Authenticator, and this server requires one");
  }

  if (const auto cached = replies_.find(request.key); cached != replies_.end()) {
    ++duplicates_;
    AaaServerResponse r;
    r.action = AaaServerAction::Duplicate;
    r.identifier = packet->identifier;
    r.reply = cached->second;
    r.note = request.origin + " is a retransmission: the cached reply goes out again (RFC 5080 2.2.2)";
    return r;
  }
  AaaServerResponse r =
      packet->code == radius::code::kStatusServer ? onStatusServer(request) : onAccessRequest(request);
  remember(request.key, r);
  return r;
}

AaaServerResponse MschapAaaServer::onStatusServer(const Request& request) {
  auto reply = buildStatusServerAccept(request.context(), settings_.messageAuthenticatorInReplies);
  if (!reply) return discard(request.origin + ": could not build the answer: " + reply.error().describe());
  ++statusAnswered_;
  AaaServerResponse r;
  r.action = AaaServerAction::StatusAnswered;
  r.identifier = request.packet->identifier;
  r.reply = std::move(*reply);
  r.note = request.origin + ": answered with Access-Accept (RFC 5997 3)";
  return r;
}

AaaServerResponse MschapAaaServer::reject(const Request& request, std::uint8_t ident, const std::string& userName,
                                          std::string why) {
  const Bytes challenge = randomBytes_(kChallengeLength);
  auto reply = buildMsChapReject(request.context(), ident,
                                 msChapFailureText(kMsChapErrorAuthenticationFailure, challenge),
                                 settings_.messageAuthenticatorInReplies);
  return rejected(request, userName, std::move(reply),
                  fmt::format("{}: Access-Reject with MS-CHAP-Error E=691 ({})", request.origin, why));
}

AaaServerResponse MschapAaaServer::rejected(const Request& request, const std::string& userName,
                                            crypto::Result<Bytes> reply, std::string note) {
  if (!reply) return discard(request.origin + ": could not build the Access-Reject: " + reply.error().describe());
  ++rejects_;
  AaaServerResponse r;
  r.action = AaaServerAction::Rejected;
  r.userName = userName;
  r.identifier = request.packet->identifier;
  r.reply = std::move(*reply);
  r.note = std::move(note);
  return r;
}

AaaServerResponse MschapAaaServer::onAccessRequest(const Request& request) {
  const radius::Packet& p = *request.packet;
  const auto userName = p.text(radius::attr::kUserName);
  const auto challenge = p.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChapChallenge);
  const auto responseVsa = p.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChap2Response);
  if (!userName || userName->empty()) return discard(request.origin + ": no User-Name (RFC 2865 5.1)");
  if (p.find(radius::attr::kChapPassword)) return onChapAccessRequest(request, *userName);
  if (!challenge || !responseVsa)
    return discard(request.origin +
                   ": neither CHAP-Password nor MS-CHAP-Challenge and MS-CHAP2-Response: this server speaks CHAP "
                   "and MS-CHAPv2 only");
  const auto fields = parseChap2Response(responseVsa->value);
  if (!fields || challenge->value.size() != kChallengeLength)
    return discard(request.origin + ": MS-CHAP2-Response is not 50 octets or MS-CHAP-Challenge not 16 (RFC 2548 2.3.2)");
  const std::string who = fmt::format("'{}'", *userName);
  const auto user = ntHashes_.find(*userName);
  if (user == ntHashes_.end()) return reject(request, fields->ident, *userName, "unknown user " + who);

  const std::string_view challengeName = crypto::mschapv2::userNameForChallenge(*userName);
  auto expected = crypto::mschapv2::generateNtResponseWithHash(challenge->value, fields->peerChallenge, challengeName,
                                                               user->second);
  if (!expected) return discard(request.origin + ": NT-Response check failed: " + expected.error().describe());
  if (!crypto::constantTimeEquals(*expected, fields->ntResponse))
    return reject(request, fields->ident, *userName, "NT-Response does not match the password of " + who);

  auto authResponse = crypto::mschapv2::generateAuthenticatorResponseWithHash(
      user->second, fields->ntResponse, fields->peerChallenge, challenge->value, challengeName);
  if (!authResponse) return discard(request.origin + ": " + authResponse.error().describe());
  auto keys = aaaServerMppeKeys(user->second, fields->ntResponse);
  if (!keys) return discard(request.origin + ": " + keys.error().describe());
  // RFC 2548 2.4.2: each salt has its most significant bit set and differs from the other of the same packet.
  const Bytes saltBytes = randomBytes_(4);
  MppeSalts salts;
  salts.recv = static_cast<std::uint16_t>(0x8000 | ((saltBytes[0] << 8 | saltBytes[1]) & 0x7fff));
  salts.send = static_cast<std::uint16_t>(0x8000 | ((saltBytes[2] << 8 | saltBytes[3]) & 0x7fff));
  if (salts.send == salts.recv) salts.send = static_cast<std::uint16_t>(0x8000 | ((salts.send + 1) & 0x7fff));
  auto reply = buildMsChapAccept(request.context(), fields->ident, *authResponse, *keys, salts,
                                 settings_.messageAuthenticatorInReplies);
  if (!reply) return discard(request.origin + ": could not build the Access-Accept: " + reply.error().describe());
  ++accepts_;
  AaaServerResponse r;
  r.action = AaaServerAction::Accepted;
  r.userName = *userName;
  r.identifier = p.identifier;
  r.reply = std::move(*reply);
  auto material = keyMaterialFromMppeKeys(keys->recvKey, keys->sendKey);
  if (material) r.keyMaterial = std::move(*material);
  r.note = fmt::format("{}: Access-Accept for {} with MS-CHAP2-Success and MS-MPPE-Recv/Send-Key (x'')", request.origin,
                       who);
  return r;
}

AaaServerResponse MschapAaaServer::chapReject(const Request& request, const std::string& userName, std::string why) {
  // RADIUS has no CHAP Failure text to carry (RFC 2865 5.3): a bare Access-Reject, as FreeRADIUS sends.
  auto reply = buildPlainReply(radius::code::kAccessReject, request.context(), settings_.messageAuthenticatorInReplies);
  return rejected(request, userName, std::move(reply),
                  fmt::format("{}: Access-Reject for CHAP ({})", request.origin, why));
}

AaaServerResponse MschapAaaServer::onChapAccessRequest(const Request& request, const std::string& userName) {
  const radius::Packet& p = *request.packet;
  const auto fields = parseChapPassword(p.find(radius::attr::kChapPassword)->value);
  if (!fields)
    return discard(fmt::format("{}: CHAP-Password of {} octets, not 17 (RFC 2865 5.3)", request.origin,
                               p.find(radius::attr::kChapPassword)->value.size()));
  // RFC 2865 5.3: without CHAP-Challenge the Request Authenticator is the challenge.
  const radius::Attribute* challengeAttribute = p.find(radius::attr::kChapChallenge);
  const ByteView challenge = challengeAttribute ? challengeAttribute->value : p.authenticator;
  if (challenge.size() < kMinChapChallengeLength)
    return discard(fmt::format("{}: CHAP-Challenge of {} octets, under 5 (RFC 2865 5.40)", request.origin,
                               challenge.size()));
  const std::string who = fmt::format("'{}'", userName);
  const auto password = passwords_.find(userName);
  if (password == passwords_.end()) {
    // Same answer either way, but the note tells the operator why: the MD5 of CHAP needs the cleartext.
    if (ntHashes_.contains(userName))
      return chapReject(request, userName,
                        who + " is stored as an NT hash only; CHAP-MD5 needs the cleartext password (RFC 1994 4.1)");
    return chapReject(request, userName, "unknown user " + who);
  }
  auto expected = crypto::chapMd5Response(fields->ident, password->second, challenge);
  if (!expected) return discard(request.origin + ": CHAP check failed: " + expected.error().describe());
  if (!crypto::constantTimeEquals(*expected, fields->response))
    return chapReject(request, userName, "CHAP response does not match the password of " + who);
  auto reply = buildPlainReply(radius::code::kAccessAccept, request.context(), settings_.messageAuthenticatorInReplies);
  if (!reply) return discard(request.origin + ": could not build the Access-Accept: " + reply.error().describe());
  ++accepts_;
  AaaServerResponse r;
  r.action = AaaServerAction::Accepted;
  r.userName = userName;
  r.identifier = p.identifier;
  r.reply = std::move(*reply);
  r.note = fmt::format("{}: Access-Accept for {} (CHAP-MD5 response verified, RFC 1994 4.1; no keys)",
                       request.origin, who);
  return r;
}

}  // namespace rs::aaa
