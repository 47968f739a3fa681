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

bool ExternalAaaTransport::serverMarkedDead() const {
  return deadUntil_ && std::chrono::steady_clock::now() < *deadUntil_;
}

void ExternalAaaTransport::run(AaaWork work, Completion done) {
  const bool accessRequest = work.response || work.chap;
  if (accessRequest && serverMarkedDead()) {
    AaaResult result;
    result.outcome = AaaOutcome::NoAnswer;
    result.userName = work.response ? work.response->userName : work.chap->userName;
    result.detail = fmt::format("not sent: the external AAA server {} left a request unanswered less than {} s ago",
                                server_.text(), kDeadServerHoldoff.count());
    return deliver(std::move(result), std::move(done), 0);
  }
  sim_.trace(node_, sim::TraceKind::FrameSent,
             fmt::format("{}: {} to the external AAA server {} (the emulation waits for the real exchange)", name_,
                         accessRequest ? "Access-Request" : "Status-Server", server_.text()));
  UdpExchangeStats stats;
  std::vector<AaaResult> results = runUdpAaaExchanges(client_, *socket_, server_, {work}, 1, &stats);
  AaaResult result = std::move(results.front());
  if (result.outcome == AaaOutcome::NoAnswer) {
    deadUntil_ = std::chrono::steady_clock::now() + kDeadServerHoldoff;
    sim_.trace(node_, sim::TraceKind::Error,
               fmt::format("{}: the external AAA server {} does not answer: its Access-Requests fail at once for the "
                           "next {} s",
                           name_, server_.text(), kDeadServerHoldoff.count()));
  } else if (result.outcome != AaaOutcome::Failed) {
    deadUntil_.reset();  // it answered: alive again
  }
  deliver(std::move(result), std::move(done), stats.elapsed.count());
}

void ExternalAaaTransport::deliver(AaaResult result, Completion done, sim::SimTime after) {
  sim_.scheduler().scheduleAfter(after, sim::EventDescriptor{sim::EventKind::Protocol, node_, "AAA reply (external)"},
                                 [this, result = std::move(result), done = std::move(done), after] {
                                   sim_.trace(node_, sim::TraceKind::FrameReceived,
                                              fmt::format("{}: external AAA {} for '{}' after {} of real time", name_,
                                                          aaaOutcomeName(result.outcome), result.userName,
                                                          sim::formatSimTime(after)));
                                   done(result);
                                 });
}

}  // namespace rs::aaa
