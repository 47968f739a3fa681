// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/radius_proxy.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/crypto/radius_crypto.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {
namespace {

constexpr std::size_t kProxyStateBytes = 8;  // random: a reply can only name a request we forwarded
constexpr std::size_t kMaxPending = 4096;    // a server that never answers must not grow the table forever

ByteView view(const std::string& s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

// MS-MPPE-Send-Key / -Recv-Key: the only attributes whose value depends on the hop's secret.
bool isMppeKey(const radius::VendorAttribute& a) {
  return a.type == radius::ms::kMppeSendKey || a.type == radius::ms::kMppeRecvKey;
}

}  // namespace

RadiusProxy::RadiusProxy(std::string serverSecret, RandomSource randomBytes)
    : serverSecret_(std::move(serverSecret)), randomBytes_(std::move(randomBytes)) {
  if (serverSecret_.empty()) throw std::invalid_argument("RADIUS proxy: empty server secret");
}

void RadiusProxy::addClient(std::string address, std::string secret) {
  if (address.empty() || secret.empty()) throw std::invalid_argument("RADIUS proxy: empty client address or secret");
  clients_[std::move(address)] = std::move(secret);
}

std::variant<ProxiedRequest, std::string> RadiusProxy::fromClient(ByteView datagram, const std::string& clientAddress,
                                                                  std::uint16_t clientPort) {
  const auto client = clients_.find(clientAddress);
  if (client == clients_.end()) return fmt::format("discarded: {} is not a client", clientAddress);
  const auto p = radius::parsePacket(datagram);
  if (!p || p->truncated || p->malformedAt) return std::string("discarded: malformed RADIUS packet");
  if (p->code != radius::code::kAccessRequest) return fmt::format("discarded: code {} is not proxied", p->code);
  if (p->messageAuthenticatorOffset()) {
    const auto ok = crypto::radius::verifyMessageAuthenticator(p->packet, p->authenticator, view(client->second));
    if (!ok || !*ok) return fmt::format("discarded: Access-Request {} with a bad Message-Authenticator", p->identifier);
  }
  if (pending_.size() >= kMaxPending) pending_.erase(pending_.begin());
  Pending pending{clientAddress, clientPort, p->identifier, toBytes(p->authenticator), client->second,
                  randomBytes_(16), nextIdentifier_++};
  const Bytes state = randomBytes_(kProxyStateBytes);
  radius::PacketBuilder b(radius::code::kAccessRequest, pending.forwardedIdentifier, pending.forwardedAuthenticator);
  for (const radius::Attribute& a : p->attributes)
    if (a.type != radius::attr::kMessageAuthenticator) b.add(a.type, a.value);
  // CHAP attributes are not hidden with the hop's secret, so they pass unchanged; but a CHAP request
  // without CHAP-Challenge uses its Request Authenticator as the challenge (RFC 2865 5.3), which
  // forwarding replaces: the original travels on as CHAP-Challenge.
  if (p->find(radius::attr::kChapPassword) && !p->find(radius::attr::kChapChallenge))
    b.add(radius::attr::kChapChallenge, p->authenticator);
  b.add(radius::attr::kProxyState, state).addMessageAuthenticator();
  std::string error;
  auto packet = b.build(&error);
  if (!packet) return "discarded: cannot forward: " + error;
  if (!crypto::radius::signMessageAuthenticator(*packet, pending.forwardedAuthenticator, view(serverSecret_)))
    return std::string("discarded: cannot sign the forwarded request");
  ProxiedRequest out;
  out.packet = std::move(*packet);
  out.identifier = pending.forwardedIdentifier;
  out.note = fmt::format("Access-Request {} from {}:{} for '{}' forwarded as {}", p->identifier, clientAddress,
                         clientPort, p->text(radius::attr::kUserName).value_or(""), pending.forwardedIdentifier);
  pending_[state] = std::move(pending);
  return out;
}

std::variant<ProxiedReply, std::string> RadiusProxy::fromServer(ByteView datagram) {
  const auto p = radius::parsePacket(datagram);
  if (!p || p->truncated || p->malformedAt) return std::string("discarded: malformed RADIUS reply");
  // RFC 2865 5.33: the server returns every Proxy-State unchanged; ours is the last one we added.
  const auto states = p->findAll(radius::attr::kProxyState);
  auto it = pending_.end();
  const radius::Attribute* ours = nullptr;
  for (auto s = states.rbegin(); s != states.rend() && it == pending_.end(); ++s) {
    it = pending_.find(toBytes((*s)->value));
    ours = *s;
  }
  if (it == pending_.end()) return fmt::format("discarded: reply {} names no request we forwarded", p->identifier);
  const Pending pending = it->second;
  const auto authentic =
      crypto::radius::verifyResponseAuthenticator(p->packet, pending.forwardedAuthenticator, view(serverSecret_));
  if (!authentic || !*authentic)
    return fmt::format("discarded: reply {} with a bad Response Authenticator", p->identifier);
  pending_.erase(it);

  radius::PacketBuilder b(p->code, pending.clientIdentifier, Bytes(16, 0));
  std::uint16_t salt = static_cast<std::uint16_t>(0x8000 | (randomBytes_(2)[0] << 8));
  std::size_t reencrypted = 0;
  for (const radius::Attribute& a : p->attributes) {
    if (&a == ours || a.type == radius::attr::kMessageAuthenticator) continue;
    const auto vsa = a.type == radius::attr::kVendorSpecific ? radius::parseVendorSpecific(a.value) : std::nullopt;
    if (!vsa || vsa->vendorId != radius::kVendorMicrosoft || !vsa->wellFormed) {
      b.add(a.type, a.value);
      continue;
    }
    for (const radius::VendorAttribute& v : vsa->attributes) {
      if (!isMppeKey(v)) {
        b.addMicrosoft(v.type, v.value);
        continue;
      }
      const auto key = crypto::radius::decryptMppeKey(v.value, pending.forwardedAuthenticator, view(serverSecret_));
      if (!key) return "discarded: an MS-MPPE key does not decrypt: " + key.error().describe();
      ++salt;  // RFC 2548 2.4.2: unique per key of the packet, most significant bit set
      const auto hidden =
          crypto::radius::encryptMppeKey(*key, static_cast<std::uint16_t>(salt | 0x8000), pending.clientAuthenticator,
                                         view(pending.clientSecret));
      if (!hidden) return "discarded: cannot encrypt an MS-MPPE key: " + hidden.error().describe();
      b.addMicrosoft(v.type, *hidden);
      ++reencrypted;
    }
  }
  b.addMessageAuthenticator();
  std::string error;
  auto packet = b.build(&error);
  if (!packet) return "discarded: cannot build the reply: " + error;
  if (!crypto::radius::signReply(*packet, pending.clientAuthenticator, view(pending.clientSecret)))
    return std::string("discarded: cannot sign the reply");
  ProxiedReply out;
  out.keysReencrypted = reencrypted;
  out.packet = std::move(*packet);
  out.clientAddress = pending.clientAddress;
  out.clientPort = pending.clientPort;
  out.code = p->code;
  out.identifier = pending.clientIdentifier;
  out.note = fmt::format("{} {} from the server returned to {}:{} as {}", radius::codeName(p->code), p->identifier,
                         pending.clientAddress, pending.clientPort, pending.clientIdentifier);
  return out;
}

}  // namespace rs::aaa
