// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/radius_server.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "core/crypto/radius_crypto.h"
#include "core/protocols/wlan/eap_summary.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/eapol/eap.h"

namespace rs::wlan {
namespace {

constexpr std::size_t kStateOctets = 16;
// Idle sessions and cached replies are swept at most this often (and checked on every lookup).
constexpr sim::SimTime kSweepInterval = sim::seconds(1);

sim::LabelledBytes labelled(std::string label, ByteView value, bool secret) {
  return sim::LabelledBytes{std::move(label), crypto::SecretBytes(value), secret};
}

// The key derivation that produced the MSK, in the terms of the RFC of the TLS version.
sim::KeyDerivationRecord mskRecord(const eap::EapTlsKeys& keys) {
  sim::KeyDerivationRecord r;
  if (keys.tlsVersion == "TLSv1.3") {
    r.name = "MSK = TLS-Exporter(\"EXPORTER_EAP_TLS_Key_Material\", 0x0D, 128)[0..63] (RFC 9190 2.3)";
    r.inputs.push_back(
        labelled("Method-Id = TLS-Exporter(\"EXPORTER_EAP_TLS_Method-Id\", 0x0D, 64)", keys.methodId, false));
  } else {
    r.name =
        "MSK = TLS-PRF-128(master_secret, \"client EAP encryption\", client.random || server.random)[0..63] "
        "(RFC 5216 2.3)";
    r.inputs.push_back(labelled("client.random || server.random", keys.methodId, false));
  }
  r.outputs.push_back(sim::LabelledBytes{"MSK", keys.msk, true});
  r.outputs.push_back(sim::LabelledBytes{"EMSK", keys.emsk, true});
  return r;
}

Bytes authenticatorOf(const radius::Packet& p) { return toBytes(p.authenticator); }

}  // namespace

RadiusServer::RadiusServer(sim::Simulation& sim, sim::NodeId node, RadiusServerSettings settings,
                           const eap::TestPki& pki)
    : sim_(sim),
      node_(node),
      settings_(std::move(settings)),
      name_(sim.topology().node(node).name),
      stateRandom_(sim.random("radius/" + name_ + "/state")),
      saltRandom_(sim.random("radius/" + name_ + "/salt")) {
  const sim::Node& n = sim.topology().node(node);
  if (!n.ipv4) throw std::invalid_argument(fmt::format("RADIUS server {}: the node has no IPv4 address", name_));
  ip_ = *n.ipv4;
  mac_ = n.mac;
  const auto links = sim.linksOf(node);
  if (links.size() != 1)
    throw std::invalid_argument(
        fmt::format("RADIUS server {}: expected exactly one wired link, found {}", name_, links.size()));
  link_ = links.front();
  if (settings_.sharedSecret.empty())
    throw std::invalid_argument(fmt::format("RADIUS server {}: empty shared secret", name_));
  eapConfig_.version = settings_.tlsVersion;
  eapConfig_.fragmentSize = settings_.fragmentSize;
  eapConfig_.caCertificateDer = pki.ca.certificateDer;
  eapConfig_.certificateDer = pki.server.certificateDer;
  eapConfig_.privateKeyDer = pki.server.privateKeyDer;
  // A bad credential is a configuration error: report it now, not at the first station.
  if (auto probe = eap::EapTlsServer::create(eapConfig_); !probe)
    throw std::invalid_argument(fmt::format("RADIUS server {}: {}", name_, probe.error().describe()));
  link_->setReceiver(node_, [this](const sim::WireDelivery& d) { receive(d); });
}

std::string RadiusServer::describeClient(const UdpEndpoint& from, const radius::Packet& packet) const {
  std::string text =
      fmt::format("Access-Request {} from {}:{}", packet.identifier, sim::formatIpv4Address(from.ip), from.port);
  std::string details;
  if (auto nas = packet.text(radius::attr::kNasIdentifier))
    details = "NAS " + *nas;
  else if (const auto* ip = packet.find(radius::attr::kNasIpAddress); ip && ip->value.size() == 4)
    details = "NAS " + sim::formatIpv4Address(static_cast<std::uint32_t>(ip->value[0]) << 24 |
                                              static_cast<std::uint32_t>(ip->value[1]) << 16 |
                                              static_cast<std::uint32_t>(ip->value[2]) << 8 | ip->value[3]);
  if (auto station = packet.text(radius::attr::kCallingStationId))
    details += (details.empty() ? "" : ", ") + std::string("station ") + *station;
  return details.empty() ? text : text + " (" + details + ")";
}

void RadiusServer::discard(const std::string& what, const std::string& why) {
  ++discarded_;
  sim_.trace(node_, sim::TraceKind::Error, fmt::format("{}: discarded {}: {}", name_, what, why));
}

void RadiusServer::receive(const sim::WireDelivery& delivery) {
  const auto udp = parseUdpFrame(delivery.frame);
  // The switch floods broadcasts and unknown destinations here too: only datagrams to this server count.
  if (!udp || udp->to.mac != mac_ || udp->to.ip != ip_ || udp->to.port != settings_.port) return;
  expireIdle();
  Request request;
  request.client = udp->from;
  request.done = sim_.charge(node_, cost::kRadiusProcessing);
  const std::string from = fmt::format("a datagram from {}:{}", sim::formatIpv4Address(udp->from.ip), udp->from.port);
  const auto packet = radius::parsePacket(udp->payload);
  if (!packet) return discard(from, "not a RADIUS packet (under 20 octets or Length below 20, RFC 2865 3)");
  if (packet->truncated)
    return discard(from, fmt::format("Length {} runs past the {} octets received (RFC 2865 3)", packet->length,
                                     udp->payload.size()));
  if (packet->malformedAt)
    return discard(
        from, fmt::format("attribute at offset {}: {} (RFC 2865 5)", *packet->malformedAt, packet->malformedReason));
  if (packet->code != radius::code::kAccessRequest) {
    const std::string_view name = radius::codeName(packet->code);
    return discard(name.empty() ? fmt::format("{} (code {})", from, packet->code) : fmt::format("{} ({})", from, name),
                   "this server answers Access-Requests only");
  }
  request.packet = &*packet;
  request.key = RequestKey{udp->from.ip, udp->from.port, packet->identifier, authenticatorOf(*packet)};
  request.origin = describeClient(udp->from, *packet);
  onAccessRequest(request);
}

void RadiusServer::onAccessRequest(Request& request) {
  const radius::Packet& p = *request.packet;
  const ByteView secret = asView(settings_.sharedSecret);
  // RFC 3579 3.2: an Access-Request with EAP-Message and without a valid
  // Message-Authenticator MUST be silently discarded; this server speaks EAP only, so it needs both.
  if (!p.messageAuthenticatorOffset())
    return discard(request.origin, "no 16-octet Message-Authenticator (RFC 3579 3.2)");
  const auto valid = crypto::radius::verifyMessageAuthenticator(p.packet, p.authenticator, secret);
  if (!valid || !*valid)
    return discard(request.origin,
                   "Message-Authenticator does not verify: another shared secret or an altered packet (RFC 3579 3.2)");
  const Bytes eap = p.eapMessage();
  if (eap.empty())
    return discard(request.origin, "no EAP-Message: this server authenticates with EAP only (RFC 3579 3.1)");
  sim_.trace(node_, sim::TraceKind::FrameReceived,
             fmt::format("{}: received {} with {}", name_, request.origin, summarizeEap(eap)));
  if (resendDuplicate(request)) return;
  if (const auto* state = p.find(radius::attr::kState))
    continueSession(request, state->value, eap);
  else
    startSession(request, eap);
}

bool RadiusServer::resendDuplicate(Request& request) {
  const auto it = replies_.find(request.key);
  if (it == replies_.end()) return false;
  if (sim_.now() - it->second.stored > kSessionIdleLifetime) {
    replies_.erase(it);
    return false;
  }
  const CachedReply& cached = it->second;
  if (cached.sendAt > sim_.now()) {
    // RFC 5080 2.2.2: a duplicate of a request still being processed is dropped; its answer is on the way.
    ++discarded_;
    sim_.trace(node_, sim::TraceKind::Info,
               fmt::format("{}: {} is a retransmission of a request still being processed: dropped (RFC 5080 2.2.2)",
                           name_, request.origin));
    return true;
  }
  ++duplicates_;
  sim_.trace(node_, sim::TraceKind::Info,
             fmt::format("{}: {} is a retransmission: the cached {} goes out again, EAP does not run twice "
                         "(RFC 5080 2.2.2)",
                         name_, request.origin, cached.label));
  auto frame = std::make_shared<const Bytes>(cached.frame);
  const std::string_view label = cached.label;
  std::string text = fmt::format("{}: sent the cached {} again to {}:{}", name_, label,
                                 sim::formatIpv4Address(request.client.ip), request.client.port);
  sim_.scheduler().scheduleAt(request.done, sim::EventDescriptor{sim::EventKind::Processing, node_, label},
                              [this, frame, label, text = std::move(text)] {
                                link_->transmit(node_, *frame, label);
                                sim_.trace(node_, sim::TraceKind::FrameSent, text);
                              });
  return true;
}

void RadiusServer::startSession(Request& request, ByteView eap) {
  const auto identity = eapol::parseEap(eap);
  if (!identity || !identity->isResponse() || identity->type != eapol::eaptype::kIdentity)
    return discard(request.origin,
                   "no State, and its EAP-Message is no EAP-Response/Identity to start a conversation with "
                   "(RFC 3579 2.1)");
  auto server = eap::EapTlsServer::create(eapConfig_);
  if (!server) {
    sim_.trace(node_, sim::TraceKind::Error,
               fmt::format("{}: EAP-TLS could not start: {}", name_, server.error().describe()));
    return reject(request, eapol::buildEapFailure(identity->identifier), "the EAP-TLS server could not start");
  }
  if (sessions_.size() >= kMaxSessions) {
    const auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](const auto& a, const auto& b) {
      return a.second.lastActivity < b.second.lastActivity;
    });
    sim_.trace(node_, sim::TraceKind::Info,
               fmt::format("{}: {} sessions open: the least recently active one ('{}') is dropped", name_,
                           sessions_.size(), oldest->second.identity));
    sessions_.erase(oldest);
  }
  Session session;
  session.eap = std::move(*server);
  session.identity = identity->text();
  session.lastActivity = sim_.now();
  // RFC 3748 4.1: the next Request takes a new Identifier.
  auto start = session.eap->start(static_cast<std::uint8_t>(identity->identifier + 1));
  if (!start) return discard(request.origin, "EAP-TLS Start failed: " + start.error().describe());
  Bytes state = newState();
  ++sessionsStarted_;
  sim_.trace(node_, sim::TraceKind::StateChange,
             fmt::format("{}: EAP-TLS session for '{}' started, State {}", name_, session.identity, toHex(state)));
  sendReply(request, "Access-Challenge", buildAccessChallenge(replyContext(request), *start, state),
            summarizeEap(*start));
  sessions_.emplace(std::move(state), std::move(session));
}

RadiusServer::Session* RadiusServer::findSession(ByteView state) {
  const auto it = sessions_.find(toBytes(state));
  if (it == sessions_.end()) return nullptr;
  if (sim_.now() - it->second.lastActivity > kSessionIdleLifetime) {
    sessions_.erase(it);
    return nullptr;
  }
  return &it->second;
}

void RadiusServer::continueSession(Request& request, ByteView state, ByteView eap) {
  const auto parsed = eapol::parseEap(eap);
  if (!parsed) return discard(request.origin, "its EAP-Message is no EAP packet (RFC 3748 4)");
  Session* session = findSession(state);
  if (!session)
    // The conversation is gone (finished, expired or never ours): end it cleanly rather than let the AP time out.
    return reject(request, eapol::buildEapFailure(parsed->identifier),
                  fmt::format("State {} names no open session", toHex(state)));
  session->lastActivity = sim_.now();
  request.done = sim_.charge(node_, cost::kEapTlsServerMessage);
  auto out = session->eap->handle(eap);
  if (!out)
    // RFC 3748 4.1: a Response the method cannot use is silently discarded; the session stays as it was.
    return discard(request.origin, "EAP-TLS rejected its EAP-Response: " + out.error().describe());
  const auto reply = eapol::parseEap(*out);
  const Bytes stateBytes = toBytes(state);
  if (reply && reply->code == static_cast<std::uint8_t>(eapol::EapCode::Success)) {
    accept(request, *session, *out);
    sessions_.erase(stateBytes);
  } else if (reply && reply->code == static_cast<std::uint8_t>(eapol::EapCode::Failure)) {
    const std::string why = session->eap->failureReason();
    sessions_.erase(stateBytes);
    reject(request, *out, why);
  } else {
    // A TLS alert on its way to the peer (RFC 5216 2.1.3) is worth its reason in the trace.
    const bool failing = session->eap->state() == eap::EapTlsServer::State::Failing;
    sendReply(request, "Access-Challenge", buildAccessChallenge(replyContext(request), *out, state),
              failing ? fmt::format("{} ({})", summarizeEap(*out), session->eap->lastStep()) : summarizeEap(*out));
  }
}

void RadiusServer::accept(Request& request, Session& session, ByteView eapSuccess) {
  const eap::EapTlsKeys* keys = session.eap->keys();
  if (!keys || keys->msk.size() < 64)
    return reject(request, eapol::buildEapFailure(request.packet->identifier), "EAP-TLS succeeded without an MSK");
  sim_.trace(sim::TraceEvent{
      sim_.now(), node_, sim::TraceKind::KeyDerivation,
      fmt::format("{}: EAP-TLS ({}) with '{}' succeeded, MSK exported", name_, keys->tlsVersion, session.identity),
      mskRecord(*keys)});
  request.done = sim_.charge(node_, cost::kMppeKeyCrypto);
  const MppeSalts salts = newSalts();
  sim::KeyDerivationRecord split;
  split.name = "MS-MPPE-Recv-Key = MSK[0..31], MS-MPPE-Send-Key = MSK[32..63] (RFC 5216 2.3, RFC 2548 2.4.2/2.4.3)";
  split.inputs.push_back(sim::LabelledBytes{"MSK", keys->msk, true});
  split.inputs.push_back(labelled("Request Authenticator", request.packet->authenticator, false));
  split.outputs.push_back(labelled("MS-MPPE-Recv-Key (the AP's PMK)", keys->msk.subview(0, 32), true));
  split.outputs.push_back(labelled("MS-MPPE-Send-Key", keys->msk.subview(32, 32), true));
  sim_.trace(sim::TraceEvent{
      sim_.now(), node_, sim::TraceKind::KeyDerivation,
      fmt::format("{}: MS-MPPE-Recv-Key = MSK[0..31] (the AP's PMK, IEEE 802.11-2016 12.7.1.3) and MS-MPPE-Send-Key "
                  "= MSK[32..63], salt-encrypted with the shared secret and the Request Authenticator (salts "
                  "0x{:04x}, 0x{:04x})",
                  name_, salts.recv, salts.send),
      std::move(split)});
  ++accepts_;
  // RFC 2865 5.1 allows User-Name in the Accept; longer than one attribute, it is left out.
  const std::string userName = session.identity.size() <= radius::kMaxAttributeValue ? session.identity : "";
  sendReply(
      request, "Access-Accept", buildAccessAccept(replyContext(request), eapSuccess, userName, keys->msk, salts),
      fmt::format("{}, MS-MPPE-Recv-Key and MS-MPPE-Send-Key for '{}'", summarizeEap(eapSuccess), session.identity));
}

void RadiusServer::reject(Request& request, ByteView eapFailure, std::string_view why) {
  ++rejects_;
  sendReply(request, "Access-Reject", buildAccessReject(replyContext(request), eapFailure),
            fmt::format("{}: {}", summarizeEap(eapFailure), why));
}

RadiusReplyContext RadiusServer::replyContext(const Request& request) const {
  return RadiusReplyContext{request.packet->identifier, request.packet->authenticator, asView(settings_.sharedSecret), {}};
}

void RadiusServer::sendReply(const Request& request, std::string_view label, crypto::Result<Bytes> reply,
                             std::string what) {
  if (!reply) {
    sim_.trace(
        node_, sim::TraceKind::Error,
        fmt::format("{}: could not build the {} for {}: {}", name_, label, request.origin, reply.error().describe()));
    return;
  }
  auto frame = std::make_shared<const Bytes>(
      buildUdpFrame(UdpEndpoint{mac_, ip_, settings_.port}, request.client, ++ipIdentification_, *reply));
  if (replies_.size() >= kMaxCachedReplies) {
    const auto oldest = std::min_element(replies_.begin(), replies_.end(), [](const auto& a, const auto& b) {
      return a.second.stored < b.second.stored;
    });
    replies_.erase(oldest);
  }
  replies_[request.key] = CachedReply{*frame, request.done, sim_.now(), label};
  std::string text = fmt::format("{}: sent {} {} to {}:{} with {}", name_, label, request.packet->identifier,
                                 sim::formatIpv4Address(request.client.ip), request.client.port, what);
  sim_.scheduler().scheduleAt(request.done, sim::EventDescriptor{sim::EventKind::Processing, node_, label},
                              [this, frame, label, text = std::move(text)] {
                                link_->transmit(node_, *frame, label);
                                sim_.trace(node_, sim::TraceKind::FrameSent, text);
                              });
}

void RadiusServer::expireIdle() {
  if (sim_.now() - lastSweep_ < kSweepInterval) return;
  lastSweep_ = sim_.now();
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (sim_.now() - it->second.lastActivity > kSessionIdleLifetime) {
      sim_.trace(node_, sim::TraceKind::StateChange,
                 fmt::format("{}: session for '{}' expired after {} idle", name_, it->second.identity,
                             sim::formatSimTime(kSessionIdleLifetime)));
      it = sessions_.erase(it);
    } else {
      ++it;
    }
  }
  std::erase_if(replies_, [this](const auto& r) { return sim_.now() - r.second.stored > kSessionIdleLifetime; });
}

Bytes RadiusServer::newState() {
  for (;;) {
    Bytes state;
    state.reserve(kStateOctets);
    for (int word = 0; word < 2; ++word) {
      const std::uint64_t v = stateRandom_.next();
      for (int i = 7; i >= 0; --i) state.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    if (!sessions_.contains(state)) return state;
  }
}

MppeSalts RadiusServer::newSalts() {
  // RFC 2548 2.4.2: the Salt's most significant bit MUST be set, and each key of one Accept gets its own.
  MppeSalts s;
  s.recv = static_cast<std::uint16_t>(0x8000 | (saltRandom_.next() & 0x7fff));
  do {
    s.send = static_cast<std::uint16_t>(0x8000 | (saltRandom_.next() & 0x7fff));
  } while (s.send == s.recv);
  return s;
}

}  // namespace rs::wlan
