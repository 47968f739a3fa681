// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The embedded AAA server (mschap_aaa_server.h) as a node of the emulated
// network, attached like the WLAN system's RADIUS server: it listens on the
// node's single wired link for UDP to its address and port (1812), answers
// each datagram after the node's processing cost ("radius-processing", plus
// "mppe-key-crypto" for an MS-CHAPv2 Access-Accept's key encryption, from the
// cost profile; a CHAP Access-Accept carries no keys), and traces every
// decision. Salts and challenges come from the run's random stream
// "aaa/<node>/server", so a run is reproducible.
#include <cstdint>
#include <functional>

#include "core/protocols/aaa/mschap_aaa_server.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/sim/simulation.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {

class AaaServerNode {
 public:
  // Throws std::invalid_argument when the node has no IPv4 address or not exactly one link.
  AaaServerNode(sim::Simulation& sim, sim::NodeId node, AaaServerSettings settings = {},
                std::uint16_t port = radius::kAuthPort);
  AaaServerNode(const AaaServerNode&) = delete;
  AaaServerNode& operator=(const AaaServerNode&) = delete;

  // Users and clients (client addresses as "10.0.0.1").
  MschapAaaServer& server() { return server_; }
  const MschapAaaServer& server() const { return server_; }
  wlan::UdpEndpoint endpoint() const { return {mac_, ip_, port_}; }

  // Told of every reply the node puts on its link: the RADIUS Identifier, the client it goes to, and the
  // first bit's time (the Mobile IP ground truth times the AAA answer on the server's link).
  using ReplyObserver = std::function<void(std::uint8_t identifier, const wlan::UdpEndpoint& client, sim::SimTime firstBit)>;
  void setReplyObserver(ReplyObserver observer) { replyObserver_ = std::move(observer); }

 private:
  void receive(const sim::WireDelivery& delivery);

  sim::Simulation& sim_;
  sim::NodeId node_;
  std::string name_;
  MacAddress mac_;
  std::uint32_t ip_ = 0;
  std::uint16_t port_;
  sim::WiredLink* link_ = nullptr;
  sim::Random random_;
  MschapAaaServer server_;
  std::uint16_t ipIdentification_ = 0;
  ReplyObserver replyObserver_;
};

}  // namespace rs::aaa
