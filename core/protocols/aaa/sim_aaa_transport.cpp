// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/sim_aaa_transport.h"

#include <fmt/format.h>

#include <stdexcept>

namespace rs::aaa {

SimAaaTransport::SimAaaTransport(sim::Simulation& sim, sim::NodeId node, wlan::UdpEndpoint self,
                                 wlan::UdpEndpoint server, AaaClientConfig config, sim::WiredLink* link)
    : sim_(sim),
      node_(node),
      name_(sim.topology().node(node).name),
      self_(self),
      server_(server),
      random_(sim.random("aaa/" + name_ + "/client")),
      client_(std::move(config), [this](std::size_t n) { return random_.bytes(n); }) {
  const auto links = sim.linksOf(node);
  if (links.empty()) throw std::invalid_argument(fmt::format("AAA client {}: the node has no wired link", name_));
  link_ = link ? link : links.front();
  if (!link_->connects(node))
    throw std::invalid_argument(fmt::format("AAA client {}: link {} is not one of the node's", name_, link_->config().name));
}

void SimAaaTransport::attachAsLinkReceiver() {
  link_->setReceiver(node_, [this](const sim::WireDelivery& d) { receiveFrame(d.frame); });
}

void SimAaaTransport::submitAccessRequest(const MsChapV2Response& response, Completion done,
                                          std::optional<std::string> mobilePassword) {
  start(client_.startAccessRequest(response, std::move(mobilePassword)), std::move(done), "Access-Request");
}

void SimAaaTransport::submitChapAccessRequest(const ChapResponse& response, Completion done) {
  start(client_.startChapAccessRequest(response), std::move(done), "Access-Request");
}

void SimAaaTransport::submitStatusServer(Completion done) {
  start(client_.startStatusServer(), std::move(done), "Status-Server");
}

void SimAaaTransport::failNow(Completion done, std::string detail) {
  // Still from an event, so the caller never sees its callback run inside submit().
  sim_.scheduler().scheduleAfter(0, sim::EventDescriptor{sim::EventKind::Protocol, node_, "AAA request failed"},
                                 [done = std::move(done), detail = std::move(detail)] {
                                   AaaResult r;
                                   r.outcome = AaaOutcome::Failed;
                                   r.detail = detail;
                                   done(r);
                                 });
}

void SimAaaTransport::start(crypto::Result<MschapAaaClient::Outgoing> outgoing, Completion done,
                            std::string_view what) {
  if (!outgoing) {
    sim_.trace(node_, sim::TraceKind::Error,
               fmt::format("{}: cannot send an {}: {}", name_, what, outgoing.error().describe()));
    return failNow(std::move(done), outgoing.error().describe());
  }
  inFlight_[outgoing->ticket] = InFlight{std::move(done), {}};
  sim_.trace(node_, sim::TraceKind::FrameSent,
             fmt::format("{}: {} {} to the AAA server {}:{}", name_, what, outgoing->identifier,
                         sim::formatIpv4Address(server_.ip), server_.port));
  transmit(outgoing->packet, what == "Status-Server" ? "Status-Server" : "Access-Request");
  armTimer(outgoing->ticket);
}

void SimAaaTransport::transmit(const Bytes& packet, std::string_view label) {
  lastTransmissionStart_ =
      link_->transmit(node_, wlan::buildUdpFrame(self_, server_, ++ipIdentification_, packet), label).start;
}

void SimAaaTransport::armTimer(std::uint64_t ticket) {
  const auto it = inFlight_.find(ticket);
  if (it == inFlight_.end()) return;
  it->second.timer = sim_.scheduler().scheduleAfter(
      client_.config().retry.timeout, sim::EventDescriptor{sim::EventKind::Timer, node_, "AAA retransmission timer"},
      [this, ticket] {
        auto next = client_.onTimeout(ticket);
        if (!next) return;
        if (auto* bytes = std::get_if<Bytes>(&*next)) {
          sim_.trace(node_, sim::TraceKind::Info,
                     fmt::format("{}: no answer from the AAA server: the request goes out again unchanged "
                                 "(RFC 5080 2.2.1)",
                                 name_));
          transmit(*bytes, "Access-Request (retransmission)");
          armTimer(ticket);
        } else {
          const AaaResult& result = std::get<AaaResult>(*next);
          sim_.trace(node_, sim::TraceKind::Error, fmt::format("{}: AAA server unreachable: {}", name_, result.detail));
          complete(result);
        }
      });
}

bool SimAaaTransport::receiveFrame(ByteView ethernetFrame) {
  const auto udp = wlan::parseUdpFrame(ethernetFrame);
  if (!udp || udp->to.ip != self_.ip || udp->to.port != self_.port) return false;
  if (udp->from.ip != server_.ip || udp->from.port != server_.port) {
    sim_.trace(node_, sim::TraceKind::Error,
               fmt::format("{}: dropped a datagram from {}:{}, not the AAA server", name_,
                           sim::formatIpv4Address(udp->from.ip), udp->from.port));
    return true;
  }
  std::string why;
  auto result = client_.onDatagram(udp->payload, why);
  if (!result) {
    sim_.trace(node_, sim::TraceKind::Error, fmt::format("{}: dropped a AAA reply: {}", name_, why));
    return true;
  }
  sim_.trace(node_, sim::TraceKind::FrameReceived,
             fmt::format("{}: AAA {} for '{}' (Identifier {}, {} transmission(s){})", name_,
                         aaaOutcomeName(result->outcome), result->userName, result->identifier, result->attempts,
                         result->messageAuthenticatorPresent ? "" : ", reply without Message-Authenticator"));
  complete(*result);
  return true;
}

void SimAaaTransport::complete(const AaaResult& result) {
  const auto it = inFlight_.find(result.ticket);
  if (it == inFlight_.end()) return;
  Completion done = std::move(it->second.done);
  sim_.scheduler().cancel(it->second.timer);
  inFlight_.erase(it);
  done(result);
}

}  // namespace rs::aaa
