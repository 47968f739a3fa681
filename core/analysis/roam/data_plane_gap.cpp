// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/data_plane_gap.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "core/analysis/frame_decryptor.h"
#include "core/analysis/roam/roam_report.h"
#include "dissectors/common/field.h"
#include "dissectors/index/frame_class.h"
#include "dissectors/index/network_packet.h"
#include "dissectors/inet/arp.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/ipv6.h"

namespace rs::roam {
namespace {

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeArp = 0x0806;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86dd;

struct IpAddresses {
  std::optional<std::uint32_t> source4;       // IPv4 only
  std::optional<std::uint32_t> destination4;  // IPv4 only
  bool groupDestination = false;              // multicast or broadcast destination
};

// The addresses of a well-formed IPv4 (RFC 791 3.1) or IPv6 (RFC 8200 3) packet; nullopt for anything else, so
// a payload that only looks like IP by its first nibble is not counted as the station's traffic.
std::optional<IpAddresses> ipAddresses(std::uint16_t etherType, ByteView packet) {
  IpAddresses a;
  if (etherType == kEtherTypeIpv4) {
    const auto ip = inet::parseIpv4(packet);
    if (!ip) return std::nullopt;
    a.source4 = ip->source;
    a.destination4 = ip->destination;
    // 224.0.0.0/4 is multicast (RFC 5771); 255.255.255.255 the limited broadcast (RFC 919).
    a.groupDestination = (ip->destination >> 28) == 0xe || ip->destination == 0xffffffffu;
    return a;
  }
  const auto ip = inet::parseIpv6(packet);
  if (!ip) return std::nullopt;
  a.groupDestination = !ip->destination.empty() && ip->destination[0] == 0xff;  // ff00::/8 (RFC 4291 2.7)
  return a;
}

// The packet inside the frame: unprotected frames directly, protected 802.11 data frames after decryption
// (`plaintext` keeps the decrypted bytes alive).
std::optional<NetworkPacket> packetOf(const FrameView& frame, const WlanFrame& wlan, const HandshakeTracker* keys,
                                      Bytes& plaintext) {
  if (wlan.mpdu.empty()) return locateNetworkPacket(frame.linkType, frame.data);  // Ethernet, cooked, raw IP
  const ByteView mpdu = wlan.mpdu;
  // Data frames with a payload only (Frame Control: type 2, the subtype's "no data" bit clear).
  if (!wlan.header || ((mpdu[0] >> 2) & 3) != 2 || (mpdu[0] & 0x40)) return std::nullopt;
  const auto& header = *wlan.header;
  if (!header.isData() || header.isNullData() || header.length > mpdu.size()) return std::nullopt;
  if (!header.isProtected()) return networkPacketOfMsdu(header, wlan.msdu, wlan.llcSnap);  // LLC/SNAP read once
  if (!keys) return std::nullopt;
  auto decrypted = decryptFrame(*keys, mpdu, frame.index);
  if (!decrypted) return std::nullopt;
  plaintext = std::move(decrypted->msdu);
  return networkPacketOfMsdu(header, plaintext);
}

double ms(std::int64_t ns) { return static_cast<double>(ns) / 1e6; }

std::string who(std::uint32_t ip, const MacAddress& mac) { return fmt::format("{} ({})", ipv4String(ip), mac.toString()); }

}  // namespace

void DataPlaneGapTracker::observe(const FrameView& frame, const HandshakeTracker* keys) {
  observe(frame, WlanFrame::locate(frame), keys);
}

void DataPlaneGapTracker::observe(const FrameView& frame, const WlanFrame& wlan, const HandshakeTracker* keys) {
  Bytes plaintext;
  const auto packet = packetOf(frame, wlan, keys, plaintext);
  if (packet) {
    const std::int64_t t = frame.timestampNs;
    if (packet->etherType == kEtherTypeIpv4 || packet->etherType == kEtherTypeIpv6) {
      const auto ip = ipAddresses(packet->etherType, packet->payload);
      const bool unicastLink = !packet->destination || !packet->destination->isGroup();
      if (ip && !ip->groupDestination && unicastLink) {
        if (packet->source) {
          if (ip->source4) ipOwner_.insert_or_assign(*ip->source4, *packet->source);
          onUnicastIp(t, *packet->source);
        }
        std::optional<MacAddress> to = packet->destination;
        if (!to && ip->destination4) {  // a cooked capture names only the sender: find the receiver by its address
          if (auto it = ipOwner_.find(*ip->destination4); it != ipOwner_.end()) to = it->second;
        }
        if (to) onUnicastIp(t, *to);
      }
    } else if (packet->etherType == kEtherTypeArp) {
      const auto arp = inet::parseArp(packet->payload);
      if (arp && arp->isEthernetIpv4() && (arp->opcode == inet::kArpRequest || arp->opcode == inet::kArpReply)) {
        const ArpSeen seen{t, arp->opcode, MacAddress::fromView(arp->senderHardware), arp->senderIp(),
                           MacAddress::fromView(arp->targetHardware), arp->targetIp()};
        if (seen.senderIp != 0) ipOwner_[seen.senderIp] = seen.senderMac;  // not from an ARP probe (RFC 5227)
        onArp(t, seen);
      }
    }
  }
  moveReady(frame.timestampNs);
}

void DataPlaneGapTracker::onUnicastIp(std::int64_t t, const MacAddress& mac) {
  Traffic& traffic = traffic_[mac];
  traffic.unicastIp.push_back(t);
  while (traffic.unicastIp.size() > 1 && t - traffic.unicastIp.front() > config_.historyNs) traffic.unicastIp.pop_front();
  for (Pending& p : pending_)
    if (p.sta == mac && !p.firstAfter && t > p.endNs) {
      p.firstAfter = t;
      maybeReady_ = true;
    }
}

bool DataPlaneGapTracker::involves(const ArpSeen& arp, const MacAddress& sta) const {
  if (arp.senderMac == sta || (arp.opcode == inet::kArpReply && arp.targetMac == sta)) return true;
  const auto owner = ipOwner_.find(arp.targetIp);
  return owner != ipOwner_.end() && owner->second == sta;
}

bool DataPlaneGapTracker::unansweredRequest(const Pending& p) const {
  for (const ArpSeen& q : p.arps) {
    if (q.opcode != inet::kArpRequest) continue;
    const bool answered = std::any_of(p.arps.begin(), p.arps.end(), [&](const ArpSeen& a) {
      return a.opcode == inet::kArpReply && a.senderIp == q.targetIp && a.targetIp == q.senderIp &&
             a.timestampNs >= q.timestampNs;
    });
    if (!answered) return true;
  }
  return false;
}

void DataPlaneGapTracker::onArp(std::int64_t t, const ArpSeen& arp) {
  for (Pending& p : pending_) {
    if (!involves(arp, p.sta)) continue;
    const std::int64_t gapStart = p.lastBefore.value_or(p.startNs);
    if (t < gapStart) continue;
    // After the traffic resumed only the reply to a request of the gap still belongs to it.
    if (p.firstAfter && (arp.opcode != inet::kArpReply || !unansweredRequest(p))) continue;
    const bool copy = std::any_of(p.arps.begin(), p.arps.end(), [&](const ArpSeen& a) {
      return a.opcode == arp.opcode && a.senderMac == arp.senderMac && a.senderIp == arp.senderIp &&
             a.targetIp == arp.targetIp && t - a.timestampNs <= config_.sameArpWindowNs;
    });
    if (!copy) p.arps.push_back(arp);
  }
}

void DataPlaneGapTracker::watch(std::size_t index, const HandoffRecord& record) {
  if (!record.success || !record.from) return;
  // A station that roams again before its traffic resumed: the earlier gap ends here (at most one pending per station).
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->sta != record.sta) {
      ++it;
      continue;
    }
    if (auto d = conclude(*it)) ready_.emplace_back(it->index, std::move(*d));
    it = pending_.erase(it);
  }
  Pending p;
  p.index = index;
  p.sta = record.sta;
  p.startNs = record.startNs;
  p.endNs = record.endNs;
  if (auto it = traffic_.find(record.sta); it != traffic_.end()) {
    const auto& times = it->second.unicastIp;
    // The last packet before the attempt began, and the first one after it ended if already seen.
    auto before = std::lower_bound(times.begin(), times.end(), record.startNs);
    if (before != times.begin()) p.lastBefore = *std::prev(before);
    auto after = std::upper_bound(times.begin(), times.end(), record.endNs);
    if (after != times.end()) p.firstAfter = *after;
  }
  if (p.firstAfter) maybeReady_ = true;
  earliestGiveUpNs_ = std::min(earliestGiveUpNs_, p.endNs + config_.giveUpNs);
  pending_.push_back(std::move(p));
}

void DataPlaneGapTracker::moveReady(std::int64_t now) {
  // Called for every frame: nothing can be ready before traffic resumed for some roam or a give-up time passed.
  if (!maybeReady_ && now <= earliestGiveUpNs_) return;
  for (auto it = pending_.begin(); it != pending_.end();) {
    const bool done = (it->firstAfter && (!unansweredRequest(*it) || now - *it->firstAfter > config_.arpReplyWaitNs)) ||
                      now - it->endNs > config_.giveUpNs;
    if (!done) {
      ++it;
      continue;
    }
    if (auto d = conclude(*it)) ready_.emplace_back(it->index, std::move(*d));
    it = pending_.erase(it);
  }
  maybeReady_ = std::any_of(pending_.begin(), pending_.end(), [](const Pending& p) { return p.firstAfter.has_value(); });
  earliestGiveUpNs_ = std::numeric_limits<std::int64_t>::max();
  for (const Pending& p : pending_) earliestGiveUpNs_ = std::min(earliestGiveUpNs_, p.endNs + config_.giveUpNs);
}

void DataPlaneGapTracker::finish() {
  for (const Pending& p : pending_)
    if (auto d = conclude(p)) ready_.emplace_back(p.index, std::move(*d));
  pending_.clear();
}

std::vector<std::pair<std::size_t, Diagnostic>> DataPlaneGapTracker::takeReady() {
  std::vector<std::pair<std::size_t, Diagnostic>> out;
  out.swap(ready_);
  return out;
}

std::optional<Diagnostic> DataPlaneGapTracker::conclude(const Pending& p) const {
  // Nothing of the station's traffic visible at all (encrypted air without keys, no wired capture): no finding.
  if (!p.lastBefore && !p.firstAfter && p.arps.empty()) return std::nullopt;
  Diagnostic d;
  d.kind = "data-plane-gap";
  const std::int64_t l2 = p.endNs - p.startNs;
  std::string stopped = p.lastBefore ? fmt::format("IP traffic stopped {:.3f} ms before the roam", ms(p.startNs - *p.lastBefore))
                                     : std::string("no IP packet seen before the roam");
  if (p.firstAfter) {
    const std::int64_t gap = *p.firstAfter - p.lastBefore.value_or(p.startNs);
    d.message = fmt::format("{} and resumed {:.3f} ms after it: gap {:.3f} ms against an L2 handoff of {:.3f} ms",
                            stopped, ms(*p.firstAfter - p.endNs), ms(gap), ms(l2));
    d.values.emplace_back("gap_ms", ms(gap));
  } else {
    d.message = fmt::format("{} and never resumed before the end of the capture", stopped);
  }
  d.values.emplace_back("l2_handoff_ms", ms(l2));
  if (p.lastBefore) d.values.emplace_back("last_packet_before", epochString(*p.lastBefore));
  if (p.firstAfter) {
    d.values.emplace_back("first_packet_after", epochString(*p.firstAfter));
    d.values.emplace_back("resumed_after_handoff_ms", ms(*p.firstAfter - p.endNs));
  }
  std::size_t requests = 0;
  const ArpSeen* firstRequest = nullptr;
  for (const ArpSeen& a : p.arps) {
    if (a.opcode != inet::kArpRequest) continue;
    ++requests;
    if (!firstRequest) firstRequest = &a;
  }
  if (!firstRequest) {
    // Without a request inside the gap there is nothing to blame but silence.
    d.message += "; cause: no traffic offered (nothing to or from the station inside the gap)";
    d.values.emplace_back("cause", std::string("no-traffic-offered"));
    return d;
  }
  d.values.emplace_back("cause", std::string("arp-resolution"));
  d.message += fmt::format("; cause: ARP resolution after the roam — {} asked who has {} at {:+.3f} ms", 
                           who(firstRequest->senderIp, firstRequest->senderMac), ipv4String(firstRequest->targetIp),
                           ms(firstRequest->timestampNs - p.endNs));
  d.values.emplace_back("arp_requests", static_cast<std::int64_t>(requests));
  d.values.emplace_back("arp_request_time", epochString(firstRequest->timestampNs));
  d.values.emplace_back("arp_requester", ipv4String(firstRequest->senderIp));
  d.values.emplace_back("arp_requester_mac", firstRequest->senderMac.toString());
  d.values.emplace_back("arp_target", ipv4String(firstRequest->targetIp));
  const auto reply = std::find_if(p.arps.begin(), p.arps.end(), [&](const ArpSeen& a) {
    return a.opcode == inet::kArpReply && a.senderIp == firstRequest->targetIp && a.targetIp == firstRequest->senderIp &&
           a.timestampNs >= firstRequest->timestampNs;
  });
  if (reply != p.arps.end()) {
    d.message += fmt::format(", {} replied {:.3f} ms later", who(reply->senderIp, reply->senderMac),
                             ms(reply->timestampNs - firstRequest->timestampNs));
    d.values.emplace_back("arp_reply_time", epochString(reply->timestampNs));
    d.values.emplace_back("arp_reply_ms", ms(reply->timestampNs - firstRequest->timestampNs));
  } else {
    d.message += ", no reply seen";
  }
  if (requests > 1) d.message += fmt::format(" ({} ARP requests in the gap)", requests);
  return d;
}

}  // namespace rs::roam
