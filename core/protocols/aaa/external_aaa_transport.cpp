// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/external_aaa_transport.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/protocols/aaa/udp_aaa_exchange.h"

namespace rs::aaa {

ExternalAaaTransport::ExternalAaaTransport(sim::Simulation& sim, sim::NodeId node, UdpAddress server,
                                           AaaClientConfig config)
    : sim_(sim),
      node_(node),
      name_(sim.topology().node(node).name),
      server_(server),
      client_(std::move(config), secureRandom) {
  std::string error;
  auto socket = UdpSocket::forPeer(server_, error);
  if (!socket) throw std::invalid_argument(fmt::format("AAA client {}: {}", name_, error));
  socket_ = std::make_unique<UdpSocket>(std::move(*socket));
}

void ExternalAaaTransport::submitAccessRequest(const MsChapV2Response& response, Completion done,
                                               std::optional<std::string> mobilePassword) {
  run(AaaWork{response, std::move(mobilePassword)}, std::move(done));
}

void ExternalAaaTransport::submitChapAccessRequest(const ChapResponse& response, Completion done) {
  AaaWork work;
  work.chap = response;
  run(std::move(work), std::move(done));
}

void ExternalAaaTransport::submitStatusServer(Completion done) { run(AaaWork{}, std::move(done)); }

void ExternalAaaTransport::run(AaaWork work, Completion done) {
  sim_.trace(node_, sim::TraceKind::FrameSent,
             fmt::format("{}: {} to the external AAA server {} (the emulation waits for the real exchange)", name_,
                         work.response || work.chap ? "Access-Request" : "Status-Server", server_.text()));
  UdpExchangeStats stats;
  std::vector<AaaResult> results = runUdpAaaExchanges(client_, *socket_, server_, {work}, 1, &stats);
  AaaResult result = std::move(results.front());
  const sim::SimTime took = stats.elapsed.count();
  sim_.scheduler().scheduleAfter(took, sim::EventDescriptor{sim::EventKind::Protocol, node_, "AAA reply (external)"},
                                 [this, result = std::move(result), done = std::move(done), took] {
                                   sim_.trace(node_, sim::TraceKind::FrameReceived,
                                              fmt::format("{}: external AAA {} for '{}' after {} of real time", name_,
                                                          aaaOutcomeName(result.outcome), result.userName,
                                                          sim::formatSimTime(took)));
                                   done(result);
                                 });
}

}  // namespace rs::aaa
