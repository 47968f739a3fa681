// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/foreign_agent.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/protocols/mip/ipv4_frames.h"
#include "core/protocols/mip/mn_aaa_authentication.h"
#include "core/protocols/mip/mip_costs.h"
#include "core/protocols/mip/registration_truth.h"
#include "dissectors/mip/agent_advertisement.h"
#include "dissectors/mip/mip.h"

namespace rs::mip {
namespace {
constexpr std::uint8_t kIcmp = 1;
constexpr std::uint8_t kUdp = 17;
// RFC 3344 3.7.3.1: the FA matches a reply to its pending request by home address and the low 32 bits of the
// identification (the high ones may be the HA's corrected timestamp after a 133).
bool sameRequest(std::uint64_t a, std::uint64_t b) { return static_cast<std::uint32_t>(a) == static_cast<std::uint32_t>(b); }
}  // namespace

ForeignAgent::ForeignAgent(MipWorld& world, sim::NodeId node)
    : world_(world),
      node_(node),
      name_(world.node(node).name),
      mac_(world.node(node).mac),
      aaa_(world, world.node(node).ipv4.value_or(0)) {  // no address: agentLinks() below refuses the node
  MipWorld::AgentLinks links = world.agentLinks(node, "foreign agent " + name_);
  address_ = links.address;
  backbone_ = links.backbone;
  subnets_ = std::move(links.access);
  if (subnets_.empty()) throw std::invalid_argument(fmt::format("foreign agent {}: no subnet link", name_));
  backbone_->setReceiver(node_, [this](const sim::WireDelivery& d) { receiveBackbone(d); });
  for (std::size_t i = 0; i < subnets_.size(); ++i) {
    subnets_[i]->setReceiver(node_, [this, i](const sim::WireDelivery& d) { receiveSubnet(i, d); });
    std::function<Bytes()> challenges;
    if (world.settings.faChallenge) {
      challenges_.push_back(std::make_unique<ChallengeBook>(
          world.settings.challengeWindow, kFaChallengeLength,
          world.sim.random("mip/" + name_ + "/" + subnets_[i]->config().name + "/challenge")));
      challenges = [book = challenges_.back().get()] { return book->issue(); };
    }
    advertisers_.push_back(
        std::make_unique<AgentAdvertiser>(world, node, *subnets_[i], adv_flag::kForeignAgent, std::move(challenges)));
  }
}

ForeignAgent::~ForeignAgent() = default;

void ForeignAgent::setAaaTransport(std::unique_ptr<aaa::AaaTransport> transport) {
  aaa_.setTransport(std::move(transport));
}

wlan::UdpEndpoint ForeignAgent::aaaClientEndpoint() const { return {mac_, address_, kAaaClientPort}; }

void ForeignAgent::start() {
  for (auto& a : advertisers_) a->start();
}

wlan::UdpEndpoint ForeignAgent::endpoint(const MacAddress& mac) const { return {mac, address_, kUdpPort}; }

void ForeignAgent::receiveSubnet(std::size_t subnet, const sim::WireDelivery& delivery) {
  const auto ip = parseIpv4Frame(delivery.frame);
  if (!ip) return;
  if (ip->destination == kAllRoutersGroup && ip->protocol == kIcmp && !ip->payload.empty() &&
      ip->payload[0] == kIcmpRouterSolicitation) {
    world_.sim.trace(node_, sim::TraceKind::FrameReceived,
                     fmt::format("{}: Agent Solicitation from {} on {}", name_, ip->sourceMac.toString(),
                                 subnets_[subnet]->config().name));
    advertisers_[subnet]->solicited();
    return;
  }
  if (ip->destinationMac != mac_) return;
  neighbours_[ip->source] = {ip->sourceMac, subnet};
  if (ip->destination != address_) return routeToBackbone(subnet, delivery.frame);
  const auto udp = wlan::parseUdpFrame(delivery.frame);
  if (ip->protocol == kUdp && udp && udp->to.port == kUdpPort) relayRequest(subnet, *udp);
}

void ForeignAgent::receiveBackbone(const sim::WireDelivery& delivery) {
  const auto ip = parseIpv4Frame(delivery.frame);
  if (!ip || ip->destinationMac != mac_) return;  // the switch floods what it has not learned yet
  if (ip->destination != address_) return routeToSubnet(delivery.frame, ip->destination);
  const auto udp = wlan::parseUdpFrame(delivery.frame);
  if (ip->protocol != kUdp || !udp) return;
  if (aaa_.takeReply(udp->to.port, delivery.frame)) return;
  if (udp->to.port == kUdpPort) relayReply(*udp);
}

void ForeignAgent::transmitAfterProcessing(sim::WiredLink& link, Bytes frame, std::string_view label,
                                           std::function<void(sim::SimTime)> sent) {
  const sim::SimTime done = world_.sim.charge(node_, cost::kRegistrationProcessing);
  world_.sim.scheduler().scheduleAt(
      done, sim::EventDescriptor{sim::EventKind::Processing, node_, label},
      [this, &link, frame = std::move(frame), label, sent = std::move(sent)]() mutable {
        const sim::WireTransmission t = link.transmit(node_, std::move(frame), label);
        sent(t.start);
      });
}

void ForeignAgent::relayRequest(std::size_t subnet, const wlan::UdpFrame& udp) {
  const auto request = parseMessage(udp.payload);
  if (!request || !request->isRequest()) {
    world_.sim.trace(node_, sim::TraceKind::Error,
                     fmt::format("{}: dropped a datagram to port 434 that is no Registration Request", name_));
    return;
  }
  if (world_.settings.faChallenge) return admitWithChallenge(subnet, udp, *request);
  forwardRequest(subnet, udp, *request);
}

void ForeignAgent::forwardRequest(std::size_t subnet, const wlan::UdpFrame& udp, const Message& request) {
  const auto homeAgentMac = world_.backboneNextHop(request.homeAgent);
  if (!homeAgentMac) {
    world_.sim.trace(node_, sim::TraceKind::Error,
                     fmt::format("{}: no route to home agent {}", name_, sim::formatIpv4Address(request.homeAgent)));
    return;
  }
  Pending p{request.homeAddress, request.identification, request.homeAgent, udp.from.mac, udp.from.port, subnet};
  // Several requests of one mobile may be pending (a retransmission, a replayed copy); keep the latest few.
  constexpr std::size_t kPendingPerMobile = 8;
  if (std::count_if(pending_.begin(), pending_.end(), [&](const Pending& q) { return q.homeAddress == p.homeAddress; }) >=
      static_cast<std::ptrdiff_t>(kPendingPerMobile))
    pending_.erase(std::find_if(pending_.begin(), pending_.end(),
                                [&](const Pending& q) { return q.homeAddress == p.homeAddress; }));
  pending_.push_back(p);
  // RFC 3344 3.7.2.2: the FA relays the request unchanged (no extensions of its own here) from its own address.
  Bytes frame = wlan::buildUdpFrame(endpoint(mac_), {*homeAgentMac, request.homeAgent, kUdpPort}, ++ipIdentification_,
                                    udp.payload);
  const std::string text = fmt::format("{}: relayed the Registration Request of {} to home agent {}", name_,
                                       sim::formatIpv4Address(p.homeAddress), sim::formatIpv4Address(p.homeAgent));
  transmitAfterProcessing(*backbone_, std::move(frame), "Registration Request (relayed)",
                          [this, p, text](sim::SimTime firstBit) {
                            ++relayedRequests_;
                            world_.truth.step(p.homeAddress, p.identification, mipreg::Step::RelayedRequest, firstBit);
                            world_.sim.trace(node_, sim::TraceKind::FrameSent, text);
                          });
}

void ForeignAgent::relayReply(const wlan::UdpFrame& udp) {
  const auto reply = parseMessage(udp.payload);
  if (!reply || reply->isRequest()) return;
  const auto it = std::find_if(pending_.begin(), pending_.end(), [&](const Pending& p) {
    return p.homeAddress == reply->homeAddress && sameRequest(p.identification, reply->identification);
  });
  if (it == pending_.end()) {
    world_.sim.trace(node_, sim::TraceKind::Error,
                     fmt::format("{}: dropped a Registration Reply for {} that matches no pending request", name_,
                                 sim::formatIpv4Address(reply->homeAddress)));
    return;
  }
  const Pending p = *it;
  pending_.erase(it);
  const std::uint8_t code = reply->flagsOrCode;
  if (code <= 1 && reply->lifetime > 0)
    visitors_[p.homeAddress] = Visitor{p.homeAddress, p.homeAgent, p.mac, p.subnet,
                                       world_.sim.now() + sim::seconds(reply->lifetime)};
  else
    visitors_.erase(p.homeAddress);
  Bytes frame = wlan::buildUdpFrame(endpoint(mac_), {p.mac, p.homeAddress, p.port}, ++ipIdentification_, udp.payload);
  const std::string text = fmt::format("{}: relayed the Registration Reply (code {}) to {}", name_, code,
                                       sim::formatIpv4Address(p.homeAddress));
  transmitAfterProcessing(*subnets_[p.subnet], std::move(frame), "Registration Reply (relayed)",
                          [this, p, text](sim::SimTime firstBit) {
                            ++relayedReplies_;
                            world_.truth.step(p.homeAddress, p.identification, mipreg::Step::RelayedReply, firstBit);
                            world_.sim.trace(node_, sim::TraceKind::FrameSent, text);
                          });
}

void ForeignAgent::routeToBackbone(std::size_t subnet, ByteView frame) {
  const auto ip = parseIpv4Frame(frame);
  const auto next = world_.backboneNextHop(ip->destination);
  auto forwarded = next ? forwardIpv4Frame(frame, *next, mac_) : std::nullopt;
  if (!forwarded) {
    world_.sim.trace(node_, sim::TraceKind::Error,
                     fmt::format("{}: no route to {} for a packet from {}", name_,
                                 sim::formatIpv4Address(ip->destination), subnets_[subnet]->config().name));
    return;
  }
  backbone_->transmit(node_, std::move(*forwarded), "IPv4 (routed)");
}

void ForeignAgent::routeToSubnet(ByteView frame, std::uint32_t destination) {
  const auto it = neighbours_.find(destination);
  if (it == neighbours_.end() || !world_.sameSubnet(destination, address_)) return;
  auto forwarded = forwardIpv4Frame(frame, it->second.first, mac_);
  if (forwarded) subnets_[it->second.second]->transmit(node_, std::move(*forwarded), "IPv4 (routed)");
}

}  // namespace rs::mip
