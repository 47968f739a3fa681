// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The emulated Home Agent asking a real RADIUS server (FreeRADIUS, or a
// UdpAaaServer) over a host UDP socket. The emulation is single-threaded
// and its clock virtual, so the exchange runs to its end while the
// emulation waits (a blocking call, bounded by (1 + retries) x timeout), and
// the result is delivered by a scheduler event at now + the wall-clock time
// the exchange took: the virtual timeline then contains the real server's
// answer time. Runs with an external server are therefore not byte-for-byte
// reproducible (the server's salts and the real answer times are its own);
// the trace marks each such exchange as external.
//
// A server that let a request go unanswered is marked dead for
// kDeadServerHoldoff of wall time, as RADIUS clients do before they try a
// server again: Access-Requests meanwhile end as NoAnswer at once, without a
// datagram, so an unreachable server costs the run (and the desktop's event
// loop) one exchange's wait, not one per registration. Status-Server probes
// still go out, and an answered one revives the server.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/protocols/aaa/aaa_transport.h"
#include "core/protocols/aaa/mschap_aaa_client.h"
#include "core/protocols/aaa/udp_aaa_exchange.h"
#include "core/protocols/aaa/udp_socket.h"
#include "core/sim/simulation.h"

namespace rs::aaa {

class ExternalAaaTransport final : public AaaTransport {
 public:
  // Throws std::invalid_argument when the socket cannot be opened or the config is invalid.
  ExternalAaaTransport(sim::Simulation& sim, sim::NodeId node, UdpAddress server, AaaClientConfig config);

  void submitAccessRequest(const MsChapV2Response& response, Completion done,
                           std::optional<std::string> mobilePassword = std::nullopt) override;
  void submitChapAccessRequest(const ChapResponse& response, Completion done) override;
  void submitStatusServer(Completion done) override;

  static constexpr std::chrono::seconds kDeadServerHoldoff{30};
  bool serverMarkedDead() const;

 private:
  void run(AaaWork work, Completion done);
  void deliver(AaaResult result, Completion done, sim::SimTime after);

  sim::Simulation& sim_;
  sim::NodeId node_;
  std::string name_;
  UdpAddress server_;
  MschapAaaClient client_;
  std::unique_ptr<UdpSocket> socket_;
  std::optional<std::chrono::steady_clock::time_point> deadUntil_;
};

}  // namespace rs::aaa
