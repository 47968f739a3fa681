// SPDX-License-Identifier: GPL-3.0-or-later
// The mobile node's registrations: building each request for the security
// association in use (seed 001 Figs. 10A, 11A, or RFC 3344's static key),
// retransmission (RFC 3344 3.6.3), the reply's checks and what it installs
// or discards, and the renewal, re-key and expiry timers.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "core/crypto/mip_auth.h"
#include "core/crypto/mip_session_keys.h"
#include "core/protocols/mip/mip_costs.h"
#include "core/protocols/mip/mn_aaa_authentication.h"
#include "core/protocols/mip/mobile_node.h"
#include "core/protocols/mip/registration_truth.h"
#include "core/protocols/mip/seed001_messages.h"
#include "core/protocols/wlan/ds_frames.h"

namespace rs::mip {

using mipreg::Auth;
using mipreg::Trigger;

MobileNode::~MobileNode() = default;

namespace {
constexpr std::uint8_t kIdentificationMismatch = 133;
constexpr std::uint8_t kMobileNodeFailedAuthentication = 131;

seed001::KeyExtension keyExtension(const MipSettings& s, std::uint32_t spi) {
  seed001::KeyExtension k;
  k.spi = spi;
  k.replayWindowSeconds = s.replayWindowSeconds;
  return k;
}
}  // namespace

std::uint64_t MobileNode::nextIdentification() {
  const auto offset = static_cast<std::int64_t>(settings_.clockOffsetSeconds * 1e9) + clockOffsetNs_;
  std::uint64_t id = world_.ntpNow(offset);
  if (id <= lastIdentification_) id = lastIdentification_ + 1;  // strictly increasing, even within a tick
  lastIdentification_ = id;
  return id;
}

void MobileNode::registerNow(Trigger trigger) {
  if (!current_ || !agent_) return;
  if (pending_) {
    if (trigger == Trigger::Renewal || trigger == Trigger::Rekey) return;  // one at a time; the reply re-arms the timers
    abandon("superseded by a newer registration");
  }
  const MipSettings& s = world_.settings;
  auto p = std::make_unique<Pending>();
  p->trigger = trigger;
  p->lifetime = trigger == Trigger::Deregistration ? 0 : s.lifetimeSeconds;
  if (trigger == Trigger::Deregistration) {
    p->careOf = home_;  // RFC 3344 3.6.1.1: at home, care-of = home address, lifetime 0
  } else if (attachment_.careOf == CareOfMode::Colocated) {
    p->careOf = attachment_.colocatedAddress;
    p->colocated = true;
  } else if (agent_->foreign) {
    p->careOf = agent_->careOf;
    p->viaForeignAgent = true;
  } else {
    return;
  }
  const bool haveSkeyPrime = sas_.find(home_, s.skeyPrimeSpi) != nullptr;
  if (s.keys == KeyMode::Static)
    p->auth = Auth::Static;
  else if (!haveSkeyPrime)
    p->auth = Auth::AaaDynamic;
  else {
    // A renewal that finds Skey' due for refreshing re-keys in the same request.
    const bool rekeyDue = s.rekeyInterval && world_.sim.now() >= lastKeyed_ + *s.rekeyInterval;
    if (trigger == Trigger::Renewal && rekeyDue) p->trigger = trigger = Trigger::Rekey;
    p->auth = trigger == Trigger::Rekey ? Auth::SkeyRekey : Auth::SkeyPrime;
  }
  if (trigger == Trigger::Deregistration && p->auth == Auth::AaaDynamic) {
    binding_.reset();  // no key left to sign a de-registration with: the binding at the HA runs out by itself
    return;
  }
  pending_ = std::move(p);
  transmit();
}

void MobileNode::transmit() {
  Pending& p = *pending_;
  const MipSettings& s = world_.settings;
  p.identification = nextIdentification();
  RequestHeader header;
  header.flags = p.colocated ? flag::kDecapsulationByMn : 0;
  header.lifetime = p.lifetime;
  header.homeAddress = home_;
  header.homeAgent = homeAgentAddress();
  header.careOfAddress = p.careOf;
  header.identification = p.identification;
  sim::SimTime ready = 0;
  crypto::Result<Bytes> message = Bytes{};
  switch (p.auth) {
    case Auth::Static:
      ready = world_.sim.charge(settings_.node, cost::kAuthenticator);
      message = seed001::buildAuthenticatedRequest(header, settings_.nai, s.staticSpi, settings_.staticKey);
      break;
    case Auth::SkeyPrime: {
      ready = world_.sim.charge(settings_.node, cost::kAuthenticator);
      message = seed001::buildAuthenticatedRequest(header, settings_.nai, s.skeyPrimeSpi,
                                                   sas_.find(home_, s.skeyPrimeSpi)->keyView());
      break;
    }
    case Auth::SkeyRekey: {
      world_.sim.charge(settings_.node, cost::kSessionKeys);
      ready = world_.sim.charge(settings_.node, cost::kAuthenticator);
      const ByteView skey = sas_.find(home_, s.skeySpi)->keyView();
      auto prime = crypto::mip::derivedSessionKey(skey, p.identification);
      if (prime) p.skeyPrime = std::move(*prime);
      message = seed001::buildRekeyRequest(header, settings_.nai, keyExtension(s, s.skeyPrimeSpi), s.skeySpi, skey);
      break;
    }
    case Auth::AaaDynamic: {
      world_.sim.charge(settings_.node, cost::kMsChapResponse);
      world_.sim.charge(settings_.node, cost::kSessionKeys);
      ready = world_.sim.charge(settings_.node, cost::kAuthenticator);
      const Bytes challenge = random_.bytes(seed001::kChallengeLength);
      auto initial = seed001::buildInitialRequest(header, {settings_.nai, settings_.domain, settings_.password},
                                                  challenge, keyExtension(s, s.skeySpi),
                                                  keyExtension(s, s.skeyPrimeSpi));
      if (initial) {
        p.skey = std::move(initial->skey);
        p.skeyPrime = std::move(initial->skeyPrime);
        message = std::move(initial->message);
      } else {
        message = initial.error();
      }
      break;
    }
  }
  if (message && p.viaForeignAgent && !agent_->challenge.empty()) {
    world_.sim.charge(settings_.node, cost::kAuthenticator);
    message = answerChallenge(std::move(*message));
  }
  if (!message) {
    world_.sim.trace(settings_.node, sim::TraceKind::Error,
                     fmt::format("{}: cannot build the Registration Request: {}", name_, message.error().describe()));
    pending_.reset();
    return;
  }
  const std::uint32_t source = p.colocated ? p.careOf : home_;
  const std::uint32_t destination = p.viaForeignAgent ? agent_->address : header.homeAgent;
  Bytes frame = wlan::buildUdpFrame({mac_, source, kUdpPort}, {agent_->mac, destination, kUdpPort},
                                    ++ipIdentification_, *message);
  world_.sim.scheduler().scheduleAt(
      ready, sim::EventDescriptor{sim::EventKind::Processing, settings_.node, "Registration Request"},
      [this, frame = std::move(frame), link = *current_]() mutable {
        if (!pending_ || !current_ || *current_ != link) return;  // moved meanwhile
        Pending& q = *pending_;
        lastRequestFrame_ = frame;
        lastRequestLink_ = link;
        const sim::WireTransmission t = links_[link]->transmit(settings_.node, std::move(frame), "Registration Request");
        q.lastSent = t.start;
        ++q.transmissions;
        ++counters_.requestsSent;
        if (!q.recorded) {
          mipreg::RegistrationRecord r;
          r.nai = settings_.nai;
          r.homeAddress = home_;
          r.homeAgent = homeAgentAddress();
          r.careOfAddress = q.careOf;
          if (q.viaForeignAgent) r.foreignAgent = agent_->address;
          r.trigger = q.trigger;
          r.auth = q.auth;
          r.identification = q.identification;
          r.lifetime = q.lifetime;
          r.startNs = t.start;
          lastRequestRecord_ = r;
          world_.truth.begin(std::move(r));
        } else {
          world_.truth.retransmitted(home_, *q.recorded, q.identification, t.start);
          lastRequestRecord_.identification = q.identification;
        }
        q.recorded = q.identification;
        world_.sim.trace(settings_.node, sim::TraceKind::FrameSent,
                         fmt::format("{}: Registration Request ({}, {}) care-of {}{}", name_, triggerName(q.trigger),
                                     authName(q.auth), sim::formatIpv4Address(q.careOf),
                                     q.transmissions > 1 ? fmt::format(", transmission {}", q.transmissions) : ""));
        // RFC 3344 3.6.3: the timeout doubles with every retransmission.
        const sim::SimTime timeout = world_.settings.responseTimeout << (q.transmissions - 1);
        q.timer = world_.sim.scheduler().scheduleAfter(
            timeout, sim::EventDescriptor{sim::EventKind::Timer, settings_.node, "registration timeout"},
            [this] { onTimeout(); });
      });
}

crypto::Result<Bytes> MobileNode::answerChallenge(Bytes request) {
  Bytes challenge = agent_->challenge;
  const auto fault = std::exchange(challengeFault_, std::nullopt);
  if (fault == FaultKind::MissingChallenge) {
    world_.sim.trace(settings_.node, sim::TraceKind::Error,
                     fmt::format("{}: fault: the request leaves without the MN-FA Challenge extension", name_));
    return request;
  }
  if (fault == FaultKind::UnknownChallenge) {
    challenge = random_.bytes(challenge.size());
    world_.sim.trace(settings_.node, sim::TraceKind::Error,
                     fmt::format("{}: fault: the request echoes a challenge nobody advertised", name_));
  } else if (fault == FaultKind::StaleChallenge && !lastChallenge_.empty()) {
    challenge = lastChallenge_;
    world_.sim.trace(settings_.node, sim::TraceKind::Error,
                     fmt::format("{}: fault: the request echoes the challenge of the previous one", name_));
  }
  lastChallenge_ = challenge;
  return appendMnAaaAuthentication(std::move(request), challenge, settings_.password);
}

bool MobileNode::retryWithNewChallenge(const Message& reply, const std::string& reason, sim::SimTime arrival) {
  constexpr int kMaxChallengeRetries = 2;  // a FA that keeps refusing fresh challenges is not asked forever
  const std::uint8_t code = reply.flagsOrCode;
  const Extension* fresh = reply.find(ext::kMnFaChallenge);
  Pending& p = *pending_;
  if (!isChallengeDenial(code) || !fresh || fresh->data.empty() || !p.viaForeignAgent || !agent_ ||
      p.challengeRetries >= kMaxChallengeRetries)
    return false;
  agent_->challenge.assign(fresh->data.begin(), fresh->data.end());
  world_.truth.replied(home_, p.identification, code, reason + " (sent again with the new challenge)", arrival);
  world_.sim.trace(settings_.node, sim::TraceKind::StateChange,
                   fmt::format("{}: the foreign agent refused the challenge ({}): request sent again with the new one",
                               name_, replyCodeName(code)));
  p.recorded.reset();
  p.transmissions = 0;
  ++p.challengeRetries;
  transmit();
  return true;
}

void MobileNode::onTimeout() {
  if (!pending_) return;
  if (pending_->transmissions <= static_cast<int>(world_.settings.retries)) return transmit();
  const std::string ha = world_.node(settings_.homeAgents[homeAgent_]).name;
  const Trigger trigger = pending_->trigger;
  abandon(fmt::format("no reply from home agent {} after {} transmissions", ha, pending_->transmissions));
  if (settings_.homeAgents.size() < 2) return;
  // The redundant home agent shares nothing but the AAA server: start over there.
  homeAgent_ = (homeAgent_ + 1) % settings_.homeAgents.size();
  binding_.reset();
  discardSessionKeys(fmt::format("home agent {} does not answer; its keys are useless elsewhere", ha));
  world_.sim.trace(settings_.node, sim::TraceKind::RoamDecision,
                   fmt::format("{}: trying home agent {}", name_, world_.node(settings_.homeAgents[homeAgent_]).name));
  registerNow(trigger == Trigger::Deregistration ? Trigger::Deregistration : Trigger::Movement);
}

void MobileNode::abandon(std::string reason) {
  if (!pending_) return;
  world_.sim.scheduler().cancel(pending_->timer);
  if (pending_->recorded) world_.truth.gaveUp(home_, *pending_->recorded, reason, world_.sim.now());
  world_.sim.trace(settings_.node, sim::TraceKind::Error, fmt::format("{}: registration abandoned: {}", name_, reason));
  pending_.reset();
}

void MobileNode::onReply(ByteView payload, sim::SimTime arrival) {
  const auto reply = parseMessage(payload);
  if (!reply || reply->isRequest() || reply->homeAddress != home_) return;
  const std::uint8_t code = reply->flagsOrCode;
  const auto low = [](std::uint64_t id) { return static_cast<std::uint32_t>(id); };
  if (!pending_ || low(reply->identification) != low(pending_->identification)) {
    // Not an answer to our request: the reply to a copy an attacker replayed, say. The MN ignores it.
    world_.truth.replied(home_, reply->identification, code,
                         fmt::format("{}: {}", code, replyCodeName(code)), arrival);
    world_.sim.trace(settings_.node, sim::TraceKind::Info,
                     fmt::format("{}: ignored a Registration Reply (code {}) that answers no request of ours", name_, code));
    return;
  }
  Pending& p = *pending_;
  const MipSettings& s = world_.settings;
  ByteView key;
  std::uint32_t spi = 0;
  switch (p.auth) {
    case Auth::Static: key = settings_.staticKey; spi = s.staticSpi; break;
    case Auth::AaaDynamic: key = p.skey.view(); spi = s.skeySpi; break;
    case Auth::SkeyPrime: key = sas_.find(home_, s.skeyPrimeSpi)->keyView(); spi = s.skeyPrimeSpi; break;
    case Auth::SkeyRekey: key = sas_.find(home_, s.skeySpi)->keyView(); spi = s.skeySpi; break;
  }
  world_.sim.charge(settings_.node, cost::kAuthenticator);
  const auto verified = crypto::mip::verifyLastAuthenticationExtension(payload, ext::kMobileHomeAuth,
                                                                       crypto::mip::AuthAlgorithm::HmacMd5, key);
  const bool authentic = verified && *verified;
  if (code <= 1) {
    if (!authentic) {
      world_.sim.trace(settings_.node, sim::TraceKind::Error,
                       fmt::format("{}: a Registration Reply failed authentication (SPI {}): ignored", name_, spi));
      return;
    }
    return accepted(*reply, arrival);
  }
  world_.sim.scheduler().cancel(p.timer);
  const Trigger trigger = p.trigger;
  const Auth auth = p.auth;
  const std::string reason = fmt::format("{}: {}", code, replyCodeName(code));
  if (retryWithNewChallenge(*reply, reason, arrival)) return;
  if (code == kIdentificationMismatch && authentic && p.resyncs == 0) {
    // RFC 3344 5.7: take the HA's clock from the reply's high 32 bits and try again.
    const std::int64_t theirs = static_cast<std::int64_t>(reply->identification >> 32);
    const std::int64_t ours =
        static_cast<std::int64_t>(world_.ntpNow(static_cast<std::int64_t>(settings_.clockOffsetSeconds * 1e9) +
                                                clockOffsetNs_) >> 32);
    clockOffsetNs_ += (theirs - ours) * 1'000'000'000;
    world_.truth.replied(home_, p.identification, code, reason + " (clock resynchronised from the reply)", arrival);
    world_.sim.trace(settings_.node, sim::TraceKind::StateChange,
                     fmt::format("{}: identification mismatch: clock corrected by {} s, request sent again", name_,
                                 theirs - ours));
    p.recorded.reset();
    p.transmissions = 0;
    ++p.resyncs;
    return transmit();
  }
  ++counters_.denials;
  // A foreign agent's own denial (64..127) has no Mobile-Home authenticator to check: it holds no MN-HA key.
  const bool fromForeignAgent = code >= 64 && code < 128;
  world_.truth.replied(home_, p.identification, code,
                       reason + (authentic || fromForeignAgent ? "" : " (reply not authenticated)"), arrival);
  world_.sim.trace(settings_.node, sim::TraceKind::Error,
                   fmt::format("{}: registration denied, code {} ({})", name_, code, replyCodeName(code)));
  pending_.reset();
  if (code == kMobileNodeFailedAuthentication && (auth == Auth::SkeyPrime || auth == Auth::SkeyRekey)) {
    // The HA no longer knows our session keys (it restarted, or they expired there): start over through AAA.
    discardSessionKeys("the home agent refused our session key");
    registerNow(trigger);
  }
}

void MobileNode::accepted(const Message& reply, sim::SimTime arrival) {
  Pending& p = *pending_;
  const MipSettings& s = world_.settings;
  world_.sim.scheduler().cancel(p.timer);
  ++counters_.registrations;
  const std::int64_t now = world_.sim.now();
  if (p.auth == Auth::AaaDynamic) {
    auto skey = SecurityAssociation::fromKeyExtension(keyExtension(s, s.skeySpi), SaKeyKind::Skey, home_, p.skey, now,
                                                      reply.lifetime);
    auto prime = SecurityAssociation::fromKeyExtension(keyExtension(s, s.skeyPrimeSpi), SaKeyKind::SkeyPrime, home_,
                                                       p.skeyPrime, now, reply.lifetime);
    sas_.install(*skey);
    sas_.install(*prime);
    lastKeyed_ = now;
    sim::KeyDerivationRecord record;
    record.name = "x'' = MPPE start keys from the password and NT-Response; Skey; Skey' (seed 001)";
    record.outputs = {{"Skey", p.skey, true}, {"Skey'", p.skeyPrime, true}};
    world_.sim.trace(sim::TraceEvent{world_.sim.now(), settings_.node, sim::TraceKind::KeyDerivation,
                                     fmt::format("{}: Skey and Skey' installed (SPI {}, {})", name_, s.skeySpi,
                                                 s.skeyPrimeSpi),
                                     std::move(record)});
  } else if (p.auth == Auth::SkeyRekey) {
    auto prime = SecurityAssociation::fromKeyExtension(keyExtension(s, s.skeyPrimeSpi), SaKeyKind::SkeyPrime, home_,
                                                       p.skeyPrime, now, reply.lifetime);
    sas_.install(*prime);
    lastKeyed_ = now;
    ++counters_.rekeys;
    world_.sim.trace(settings_.node, sim::TraceKind::KeyDerivation,
                     fmt::format("{}: re-keyed: new Skey' installed", name_));
  }
  world_.truth.replied(home_, p.identification, reply.flagsOrCode, "", arrival);
  if (reply.lifetime == 0) {
    binding_.reset();
    for (auto* t : {&renewalTimer_, &rekeyTimer_, &expiryTimer_}) world_.sim.scheduler().cancel(*t);
    discardSessionKeys("de-registered at home");
  } else {
    // RFC 3344 3.6.2.2: the lifetime counts from when the request was sent.
    binding_ = Binding{p.careOf, homeAgent_, p.lastSent + sim::seconds(reply.lifetime)};
    sas_.extend(home_, binding_->expires);
  }
  world_.sim.trace(settings_.node, sim::TraceKind::StateChange,
                   fmt::format("{}: registered{}", name_,
                               reply.lifetime ? fmt::format(" at care-of {} for {} s",
                                                            sim::formatIpv4Address(p.careOf), reply.lifetime)
                                              : " at home (de-registered)"));
  pending_.reset();
  if (binding_) scheduleTimers();
}

void MobileNode::scheduleTimers() {
  auto& scheduler = world_.sim.scheduler();
  for (auto* t : {&renewalTimer_, &rekeyTimer_, &expiryTimer_}) scheduler.cancel(*t);
  const MipSettings& s = world_.settings;
  const sim::SimTime renewAt = binding_->expires - s.reregisterBefore;
  if (renewAt > world_.sim.now())
    renewalTimer_ = scheduler.scheduleAt(renewAt, sim::EventDescriptor{sim::EventKind::Timer, settings_.node, "renewal"},
                                         [this] { registerNow(Trigger::Renewal); });
  if (s.keys == KeyMode::Dynamic && s.rekeyInterval) {
    const sim::SimTime rekeyAt = lastKeyed_ + *s.rekeyInterval;
    if (rekeyAt > world_.sim.now() && rekeyAt < renewAt)
      rekeyTimer_ = scheduler.scheduleAt(rekeyAt, sim::EventDescriptor{sim::EventKind::Timer, settings_.node, "re-key"},
                                         [this] { registerNow(Trigger::Rekey); });
  }
  expiryTimer_ = scheduler.scheduleAt(
      binding_->expires, sim::EventDescriptor{sim::EventKind::Timer, settings_.node, "binding lifetime expired"}, [this] {
        ++counters_.keysExpired;
        binding_.reset();
        discardSessionKeys("the binding's lifetime expired");
      });
}

}  // namespace rs::mip
