// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/radius_exchanges.h"

#include <algorithm>

#include "core/analysis/radius_datagram.h"
#include "dissectors/radius/radius.h"

namespace rs::roam {
namespace {

std::string responseStep(std::uint8_t code) {
  switch (code) {
    case radius::code::kAccessAccept: return "access-accept";
    case radius::code::kAccessReject: return "access-reject";
    case radius::code::kAccessChallenge: return "access-challenge";
    default: return "code-" + std::to_string(code);
  }
}

}  // namespace

RadiusExchangeTracker::RadiusExchangeTracker() : ports_(radiusAuthenticationPorts()) {}

bool RadiusExchangeTracker::isRadiusPort(std::uint16_t port) const {
  return std::find(ports_.begin(), ports_.end(), port) != ports_.end();
}

void RadiusExchangeTracker::expire(std::int64_t now) {
  std::erase_if(pending_, [&](const auto& kv) { return now - kv.second.at.ns > kPendingLifetimeNs; });
  while (pending_.size() >= kMaxPending) {
    auto oldest = std::min_element(pending_.begin(), pending_.end(),
                                   [](const auto& a, const auto& b) { return a.second.at.frame < b.second.at.frame; });
    pending_.erase(oldest);
  }
}

std::optional<std::pair<MacAddress, Exchange>> RadiusExchangeTracker::observe(const FrameView& frame) {
  const auto d = locateUdpDatagram(frame.linkType, frame.data);
  if (!d) return std::nullopt;
  const std::uint16_t sport = d->udp.sourcePort;
  const std::uint16_t dport = d->udp.destinationPort;
  if (!isRadiusPort(sport) && !isRadiusPort(dport)) return std::nullopt;
  const auto p = radius::parsePacket(d->udp.payload);
  if (!p || p->truncated) return std::nullopt;
  const FrameStamp at{frame.timestampNs, frame.index};

  if (p->code == radius::code::kAccessRequest && isRadiusPort(dport)) {
    const auto id = radius::stationIdMac(p->text(radius::attr::kCallingStationId).value_or(""));
    if (!id) return std::nullopt;  // not a station's request (e.g. a NAS test user): no handoff to attach it to
    const RequestKey key{d->source, sport, d->destination, dport, p->identifier};
    const Bytes authenticator = toBytes(p->authenticator);
    auto it = pending_.find(key);
    if (it != pending_.end() && it->second.authenticator == authenticator) {
      ++it->second.retries;  // the same request again
      it->second.at = at;
      return std::nullopt;
    }
    if (it == pending_.end() && pending_.size() >= kMaxPending) expire(frame.timestampNs);
    pending_[key] = Pending{at, MacAddress::fromView(*id), authenticator, 0};
    return std::nullopt;
  }
  if (!radius::isResponseCode(p->code) || !isRadiusPort(sport)) return std::nullopt;
  const auto it = pending_.find(RequestKey{d->destination, dport, d->source, sport, p->identifier});
  if (it == pending_.end()) return std::nullopt;
  Exchange x;
  x.kind = ExchangeKind::Radius;
  x.step = responseStep(p->code);
  x.request = it->second.at;
  x.response = at;
  x.retries = it->second.retries;
  x.status = p->code;
  x.identifier = p->identifier;
  const MacAddress station = it->second.station;
  pending_.erase(it);
  return std::make_pair(station, std::move(x));
}

}  // namespace rs::roam
