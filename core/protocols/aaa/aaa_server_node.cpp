// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/aaa_server_node.h"

#include <fmt/format.h>

#include <memory>
#include <stdexcept>

#include "core/protocols/wlan/wlan_costs.h"

namespace rs::aaa {

AaaServerNode::AaaServerNode(sim::Simulation& sim, sim::NodeId node, AaaServerSettings settings, std::uint16_t port)
    : sim_(sim),
      node_(node),
      name_(sim.topology().node(node).name),
      port_(port),
      random_(sim.random("aaa/" + name_ + "/server")),
      server_(settings, [this](std::size_t n) { return random_.bytes(n); }) {
  const sim::Node& n = sim.topology().node(node);
  if (!n.ipv4) throw std::invalid_argument(fmt::format("AAA server {}: the node has no IPv4 address", name_));
  ip_ = *n.ipv4;
  mac_ = n.mac;
  const auto links = sim.linksOf(node);
  if (links.size() != 1)
    throw std::invalid_argument(
        fmt::format("AAA server {}: expected exactly one wired link, found {}", name_, links.size()));
  link_ = links.front();
  link_->setReceiver(node_, [this](const sim::WireDelivery& d) { receive(d); });
}

void AaaServerNode::receive(const sim::WireDelivery& delivery) {
  const auto udp = wlan::parseUdpFrame(delivery.frame);
  // Only datagrams to this server count (a switch may flood others here).
  if (!udp || udp->to.mac != mac_ || udp->to.ip != ip_ || udp->to.port != port_) return;
  sim::SimTime done = sim_.charge(node_, wlan::cost::kRadiusProcessing);
  const wlan::UdpEndpoint client = udp->from;
  AaaServerResponse response = server_.handle(udp->payload, sim::formatIpv4Address(client.ip), client.port);
  // Only an MS-CHAPv2 accept derives and encrypts keys; a CHAP accept is a bare Access-Accept.
  if (response.action == AaaServerAction::Accepted && !response.keyMaterial.empty()) {
    done = sim_.charge(node_, wlan::cost::kMppeKeyCrypto);
    sim::KeyDerivationRecord record;
    record.name =
        "x'' = MS-MPPE-Recv-Key || MS-MPPE-Send-Key, GetAsymmetricStartKey(GetMasterKey(HashNtPasswordHash(x'), "
        "NT-Response), 16, IsSend, IsServer=true) (RFC 3079 3.4)";
    record.outputs.push_back(sim::LabelledBytes{"x''", response.keyMaterial, true});
    sim_.trace(sim::TraceEvent{sim_.now(), node_, sim::TraceKind::KeyDerivation,
                               fmt::format("{}: {}", name_, response.note), std::move(record)});
  } else {
    sim_.trace(node_,
               response.action == AaaServerAction::Discarded ? sim::TraceKind::Error : sim::TraceKind::FrameReceived,
               fmt::format("{}: {}", name_, response.note));
  }
  if (!response.reply) return;
  auto frame = std::make_shared<const Bytes>(
      wlan::buildUdpFrame(wlan::UdpEndpoint{mac_, ip_, port_}, client, ++ipIdentification_, *response.reply));
  // From the reply itself, so a cached reply sent again for a duplicate is named right too.
  const std::string_view label =
      (*response.reply)[0] == radius::code::kAccessReject ? "Access-Reject" : "Access-Accept";
  std::string text = fmt::format("{}: sent {} {} to {}:{}", name_, label, response.identifier,
                                 sim::formatIpv4Address(client.ip), client.port);
  sim_.scheduler().scheduleAt(done, sim::EventDescriptor{sim::EventKind::Processing, node_, label},
                              [this, frame, label, text = std::move(text), identifier = response.identifier, client] {
                                const sim::WireTransmission t = link_->transmit(node_, *frame, label);
                                if (replyObserver_) replyObserver_(identifier, client, t.start);
                                sim_.trace(node_, sim::TraceKind::FrameSent, text);
                              });
}

}  // namespace rs::aaa
