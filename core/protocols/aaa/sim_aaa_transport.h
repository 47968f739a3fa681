// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Home Agent's AAA client on the emulation core: Access-Requests leave
// as UDP/IPv4/Ethernet frames on one wired link of the HA node (toward the
// AAA server node, or a switch), retransmission timers run on the scheduler,
// and replies come back through receiveFrame(). The HA usually owns its
// link's receiver and hands this transport every frame (it takes the ones for
// its own UDP port); attachAsLinkReceiver() is for an HA node that carries
// nothing else on that link. Request Authenticators come from the run's random
// stream "aaa/<node>/client", so a run is reproducible.
#include <cstdint>
#include <map>

#include "core/protocols/aaa/aaa_transport.h"
#include "core/protocols/aaa/mschap_aaa_client.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/sim/simulation.h"

namespace rs::aaa {

class SimAaaTransport final : public AaaTransport {
 public:
  // `self` is the HA's address and client port, `server` the AAA server's; requests leave on `link`
  // (null: the node's first wired link). Throws std::invalid_argument when the node has no wired link,
  // `link` is not one of its links, or the client config is invalid.
  SimAaaTransport(sim::Simulation& sim, sim::NodeId node, wlan::UdpEndpoint self, wlan::UdpEndpoint server,
                  AaaClientConfig config, sim::WiredLink* link = nullptr);
  SimAaaTransport(const SimAaaTransport&) = delete;
  SimAaaTransport& operator=(const SimAaaTransport&) = delete;

  void submitAccessRequest(const MsChapV2Response& response, Completion done,
                           std::optional<std::string> mobilePassword = std::nullopt) override;
  void submitChapAccessRequest(const ChapResponse& response, Completion done) override;
  void submitStatusServer(Completion done) override;

  // True when the frame was a UDP datagram to this client (handled, or dropped with a trace).
  bool receiveFrame(ByteView ethernetFrame);
  void attachAsLinkReceiver();

  std::size_t pending() const { return client_.pending(); }
  // The first bit of the last datagram this client put on its link (a capture point's timestamp for it).
  sim::SimTime lastTransmissionStart() const { return lastTransmissionStart_; }

 private:
  struct InFlight {
    Completion done;
    sim::EventId timer;
  };
  void start(crypto::Result<MschapAaaClient::Outgoing> outgoing, Completion done, std::string_view what);
  void transmit(const Bytes& packet, std::string_view label);
  void armTimer(std::uint64_t ticket);
  void complete(const AaaResult& result);
  void failNow(Completion done, std::string detail);

  sim::Simulation& sim_;
  sim::NodeId node_;
  std::string name_;
  sim::WiredLink* link_ = nullptr;
  wlan::UdpEndpoint self_;
  wlan::UdpEndpoint server_;
  sim::Random random_;
  MschapAaaClient client_;
  std::uint16_t ipIdentification_ = 0;
  sim::SimTime lastTransmissionStart_ = 0;
  std::map<std::uint64_t, InFlight> inFlight_;  // by ticket
};

}  // namespace rs::aaa
