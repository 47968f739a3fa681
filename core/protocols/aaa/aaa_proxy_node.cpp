// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/aaa_proxy_node.h"

#include <fmt/format.h>

#include <memory>
#include <stdexcept>

#include "core/protocols/wlan/wlan_costs.h"

namespace rs::aaa {

AaaProxyNode::AaaProxyNode(sim::Simulation& sim, sim::NodeId node, wlan::UdpEndpoint server, std::string serverSecret)
    : sim_(sim),
      node_(node),
      name_(sim.topology().node(node).name),
      server_(server),
      random_(sim.random("aaa/" + name_ + "/proxy")),
      proxy_(std::move(serverSecret), [this](std::size_t n) { return random_.bytes(n); }) {
  const sim::Node& n = sim.topology().node(node);
  if (!n.ipv4) throw std::invalid_argument(fmt::format("AAA proxy {}: the node has no IPv4 address", name_));
  ip_ = *n.ipv4;
  mac_ = n.mac;
  const auto links = sim.linksOf(node);
  if (links.size() != 1)
    throw std::invalid_argument(fmt::format("AAA proxy {}: expected exactly one wired link, found {}", name_, links.size()));
  link_ = links.front();
  link_->setReceiver(node_, [this](const sim::WireDelivery& d) { receive(d); });
}

void AaaProxyNode::send(sim::SimTime at, Bytes frame, std::string_view label, std::string text,
                        std::function<void(sim::SimTime)> sent) {
  auto shared = std::make_shared<const Bytes>(std::move(frame));
  sim_.scheduler().scheduleAt(at, sim::EventDescriptor{sim::EventKind::Processing, node_, label},
                              [this, shared, label, text = std::move(text), sent = std::move(sent)] {
                                const sim::WireTransmission t = link_->transmit(node_, *shared, label);
                                if (sent) sent(t.start);
                                sim_.trace(node_, sim::TraceKind::FrameSent, text);
                              });
}

void AaaProxyNode::receive(const sim::WireDelivery& delivery) {
  const auto udp = wlan::parseUdpFrame(delivery.frame);
  if (!udp || udp->to.mac != mac_ || udp->to.ip != ip_) return;  // a switch may flood others here
  if (udp->to.port == radius::kAuthPort) {
    const sim::SimTime done = sim_.charge(node_, wlan::cost::kRadiusProcessing);
    auto forwarded = proxy_.fromClient(udp->payload, sim::formatIpv4Address(udp->from.ip), udp->from.port);
    if (auto* why = std::get_if<std::string>(&forwarded)) {
      sim_.trace(node_, sim::TraceKind::Error, fmt::format("{}: {}", name_, *why));
      return;
    }
    auto& request = std::get<ProxiedRequest>(forwarded);
    clientMacs_[sim::formatIpv4Address(udp->from.ip)] = udp->from.mac;
    sim_.trace(node_, sim::TraceKind::FrameReceived, fmt::format("{}: {}", name_, request.note));
    send(done, wlan::buildUdpFrame(clientEndpoint(), server_, ++ipIdentification_, request.packet),
         "Access-Request (proxied)",
         fmt::format("{}: sent Access-Request {} to the domain controller {}", name_, request.identifier,
                     sim::formatIpv4Address(server_.ip)));
    return;
  }
  if (udp->to.port != kClientPort) return;
  if (udp->from.ip != server_.ip || udp->from.port != server_.port) {
    sim_.trace(node_, sim::TraceKind::Error,
               fmt::format("{}: dropped a datagram from {}:{}, not the domain controller", name_,
                           sim::formatIpv4Address(udp->from.ip), udp->from.port));
    return;
  }
  sim::SimTime done = sim_.charge(node_, wlan::cost::kRadiusProcessing);
  auto returned = proxy_.fromServer(udp->payload);
  if (auto* why = std::get_if<std::string>(&returned)) {
    sim_.trace(node_, sim::TraceKind::Error, fmt::format("{}: {}", name_, *why));
    return;
  }
  auto& reply = std::get<ProxiedReply>(returned);
  // Only an Access-Accept with MS-MPPE keys costs the decryption and encryption again (not a reject, not CHAP).
  if (reply.keysReencrypted > 0) done = sim_.charge(node_, wlan::cost::kMppeKeyCrypto);
  sim_.trace(node_, sim::TraceKind::FrameReceived, fmt::format("{}: {}", name_, reply.note));
  const auto client = sim::parseIpv4Address(reply.clientAddress);
  // The client's MAC: the frame that brought its request came from it (or its router) through the switch.
  const wlan::UdpEndpoint to{clientMacs_[reply.clientAddress], client.value_or(0), reply.clientPort};
  const std::string_view label = reply.code == radius::code::kAccessAccept ? "Access-Accept" : "Access-Reject";
  send(done, wlan::buildUdpFrame({mac_, ip_, radius::kAuthPort}, to, ++ipIdentification_, reply.packet), label,
       fmt::format("{}: sent {} {} to {}:{}", name_, label, reply.identifier, reply.clientAddress, reply.clientPort),
       [this, id = reply.identifier, to](sim::SimTime firstBit) {
         if (replyObserver_) replyObserver_(id, to, firstBit);
       });
}

}  // namespace rs::aaa
