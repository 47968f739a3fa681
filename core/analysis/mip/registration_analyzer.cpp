// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/mip/registration_analyzer.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "core/analysis/mip/ipv4_datagram.h"
#include "core/analysis/radius_datagram.h"
#include "dissectors/mip/seed001_extensions.h"
#include "dissectors/radius/radius.h"

namespace rs::mipreg {

namespace {

constexpr std::uint8_t kIcmp = 1;

std::uint32_t low32(std::uint64_t identification) { return static_cast<std::uint32_t>(identification); }

bool fromMobileNode(std::uint32_t source, const mip::Message& m) {
  // A co-located care-of address (D flag) is the MN's own; an FA's care-of address is the FA's, and it relays from it.
  return source == m.homeAddress ||
         ((m.flagsOrCode & mip::flag::kDecapsulationByMn) && source == m.careOfAddress);
}

}  // namespace

RegistrationAnalyzer::RegistrationAnalyzer() : radiusPorts_(radiusAuthenticationPorts()) {}

void RegistrationAnalyzer::observe(const FrameView& frame) {
  const auto ip = ipv4DatagramOf(frame);
  if (!ip) return;
  if (ip->protocol == kIcmp) return advertisements_.observe(frame.timestampNs, frame.capturePoint, ip->source, ip->payload);
  const auto udp = udpOf(*ip);
  if (!udp) return;
  if (udp->sourcePort == mip::kUdpPort || udp->destinationPort == mip::kUdpPort)
    return onMip(frame.timestampNs, ip->source, ip->destination, udp->payload);
  const auto isRadius = [this](std::uint16_t port) {
    return std::find(radiusPorts_.begin(), radiusPorts_.end(), port) != radiusPorts_.end();
  };
  if (isRadius(udp->sourcePort) || isRadius(udp->destinationPort))
    onRadius(frame.timestampNs, ip->source, ip->destination, udp->sourcePort, udp->destinationPort, udp->payload);
}

void RegistrationAnalyzer::onMip(std::int64_t at, std::uint32_t source, std::uint32_t destination, ByteView payload) {
  const auto m = mip::parseMessage(payload);
  if (!m) return;
  if (m->isRequest()) return onRequest(at, source, destination, *m);
  if (m->type == mip::msg::kRegistrationReply) onReply(at, source, *m);
}

RegistrationAnalyzer::Tracked* RegistrationAnalyzer::retransmittedFrom(std::uint32_t source, const mip::Message& m) {
  for (auto it = open_.lower_bound(Key{m.homeAddress, 0}); it != open_.end() && it->first.first == m.homeAddress;
       ++it) {
    Tracked& t = tracked_[it->second];
    const RegistrationRecord& r = t.record;
    if (t.mnSource == source && r.careOfAddress == m.careOfAddress && r.homeAgent == m.homeAgent &&
        r.identification < m.identification && !r.steps.count(Step::Reply) && !r.steps.count(Step::RelayedReply))
      return &t;
  }
  return nullptr;
}

void RegistrationAnalyzer::onRequest(std::int64_t at, std::uint32_t source, std::uint32_t destination,
                                     const mip::Message& m) {
  const Key key{m.homeAddress, m.identification};
  const bool mobile = fromMobileNode(source, m);
  if (const auto it = open_.find(key); it != open_.end()) {
    Tracked& t = tracked_[it->second];
    // The MN's request again at another capture point (or copied while it is open): the first sighting stands.
    if (mobile || source == t.mnSource) return;
    if (!t.record.steps.count(Step::RelayedRequest)) t.record.steps[Step::RelayedRequest] = at;
    return;
  }
  if (mobile) {
    if (Tracked* t = retransmittedFrom(source, m)) {
      // RFC 3344 3.6.3: one registration; its steps are those of the last transmission.
      const std::size_t index = static_cast<std::size_t>(t - tracked_.data());
      open_.erase(Key{m.homeAddress, t->record.identification});
      for (Step s : {Step::FaAccessRequest, Step::FaAccessReply, Step::RelayedRequest, Step::AccessRequest,
                     Step::AccessReply, Step::Reply, Step::RelayedReply})
        t->record.steps.erase(s);
      t->radius.reset();
      t->faRadius.reset();
      t->record.identification = m.identification;
      t->record.steps[Step::Request] = at;
      ++t->record.retransmissions;
      open_[key] = index;
      return;
    }
  }
  Tracked t;
  RegistrationRecord& r = t.record;
  r.nai = m.nai().value_or("");
  r.homeAddress = m.homeAddress;
  r.homeAgent = m.homeAgent;
  r.careOfAddress = m.careOfAddress;
  r.identification = m.identification;
  r.lifetime = m.lifetime;
  r.startNs = at;
  t.classification = classifyRequest(m, history_[m.homeAddress]);
  r.trigger = t.classification.trigger;
  r.auth = t.classification.auth;
  t.userName = std::string(mip::seed001::userNameFromNai(r.nai));
  if (mobile) {
    t.mnSource = source;
    r.steps[Step::Request] = at;
    // Sent to somebody other than the HA: to the FA whose care-of address it registers (RFC 3344 3.6.1.1).
    if (destination != m.homeAgent) r.foreignAgent = destination;
    const auto previous = lastStart_.find(m.homeAddress);
    const auto advertisement = advertisements_.take(
        source, previous == lastStart_.end() ? std::numeric_limits<std::int64_t>::min() : previous->second);
    if (advertisement && r.trigger == Trigger::Movement) r.steps[Step::Advertisement] = *advertisement;
  } else {
    // Only the relay was captured (a capture point on the backbone alone): the MN's side is unknown.
    r.steps[Step::RelayedRequest] = at;
    r.foreignAgent = source;
  }
  lastStart_[m.homeAddress] = at;
  open_[key] = tracked_.size();
  tracked_.push_back(std::move(t));
}

void RegistrationAnalyzer::onReply(std::int64_t at, std::uint32_t source, const mip::Message& m) {
  auto it = open_.lower_bound(Key{m.homeAddress, 0});
  while (it != open_.end() && it->first.first == m.homeAddress && low32(it->first.second) != low32(m.identification))
    ++it;
  if (it == open_.end() || it->first.first != m.homeAddress) return;  // answered already: another sighting
  Tracked& t = tracked_[it->second];
  RegistrationRecord& r = t.record;
  const bool fromHomeAgent = source == m.homeAgent || source == r.homeAgent;
  if (fromHomeAgent) {
    if (!r.steps.count(Step::Reply)) r.steps[Step::Reply] = at;
    if (r.foreignAgent) return;  // the FA's relay closes it
  } else {
    if (!r.foreignAgent) return;  // not the HA and no FA in the path: nobody this record waits for
    r.steps[Step::RelayedReply] = at;
  }
  const std::uint8_t code = m.flagsOrCode;
  r.code = code;
  r.success = code <= 1;  // RFC 3344 3.4: 0 accepted, 1 accepted without simultaneous bindings
  if (!r.success) r.reason = fmt::format("{}: {}", code, mip::replyCodeName(code));
  if (r.success) rememberAccepted(history_[r.homeAddress], r, t.classification);
  close(it->first, at);
}

void RegistrationAnalyzer::onRadius(std::int64_t at, std::uint32_t source, std::uint32_t destination,
                                    std::uint16_t sourcePort, std::uint16_t destinationPort, ByteView payload) {
  const auto packet = radius::parsePacket(payload);
  if (!packet) return;
  if (packet->code == radius::code::kAccessRequest) {
    const RadiusKey key{packet->identifier, source, sourcePort};
    const auto user = packet->text(radius::attr::kUserName);
    if (!user) return;
    // CHAP from a foreign agent checks an RFC 3012 MN-AAA authenticator; MS-CHAPv2 from the HA, seed 001's.
    const bool fromForeignAgent = packet->find(radius::attr::kChapPassword) != nullptr;
    Tracked* match = nullptr;
    for (const auto& [k, index] : open_) {
      Tracked& t = tracked_[index];
      if (t.radius == key || t.faRadius == key) return;  // the same Access-Request at another capture point
      // The latest open request of this user through this FA, or initial request to this HA, waits for the AAA
      // server.
      const bool waits = fromForeignAgent
                             ? t.record.foreignAgent == source && !t.faRadius
                             : t.record.auth == Auth::AaaDynamic && t.record.homeAgent == source && !t.radius;
      if (waits && t.userName == *user && (!match || t.record.startNs >= match->record.startNs)) match = &t;
    }
    if (!match) return;
    (fromForeignAgent ? match->faRadius : match->radius) = key;
    match->record.steps[fromForeignAgent ? Step::FaAccessRequest : Step::AccessRequest] = at;
    return;
  }
  if (packet->code != radius::code::kAccessAccept && packet->code != radius::code::kAccessReject) return;
  const RadiusKey key{packet->identifier, destination, destinationPort};
  for (const auto& [k, index] : open_) {
    Tracked& t = tracked_[index];
    if (t.radius == key || t.faRadius == key) {
      const Step step = t.radius == key ? Step::AccessReply : Step::FaAccessReply;
      if (!t.record.steps.count(step)) t.record.steps[step] = at;
      return;
    }
  }
}

void RegistrationAnalyzer::close(const Key& key, std::int64_t end) {
  const auto it = open_.find(key);
  RegistrationRecord& r = tracked_[it->second].record;
  r.endNs = end;
  r.computeLatency();
  open_.erase(it);
}

void RegistrationAnalyzer::finish() {
  while (!open_.empty()) {
    const Key key = open_.begin()->first;
    RegistrationRecord& r = tracked_[open_.begin()->second].record;
    r.success = false;
    r.reason = "incomplete: no reply in the capture";
    std::int64_t last = r.startNs;
    for (const auto& [step, at] : r.steps) last = std::max(last, at);
    close(key, last);
  }
  records_.clear();
  for (const Tracked& t : tracked_) records_.push_back(t.record);
  std::stable_sort(records_.begin(), records_.end(),
                   [](const RegistrationRecord& a, const RegistrationRecord& b) { return a.startNs < b.startNs; });
}

}  // namespace rs::mipreg
