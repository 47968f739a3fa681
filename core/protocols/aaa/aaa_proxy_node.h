// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The AAA server as a RADIUS proxy in front of the domain controller (seed
// Fig. 8: the AAA server asks the domain controller, which holds the users'
// passwords and derives x' and x''): radius_proxy.h on a node of the emulated
// network. It listens on its single wired link for Access-Requests to its
// address and port 1812, forwards each after its processing cost
// ("radius-processing") to the server from its own client port, and returns
// the server's answer after "radius-processing" and "mppe-key-crypto" (the
// keys are decrypted and encrypted again). Authenticators, salts and
// Proxy-State values come from the run's stream "aaa/<node>/proxy".
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/protocols/aaa/radius_proxy.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/sim/simulation.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {

class AaaProxyNode {
 public:
  static constexpr std::uint16_t kClientPort = 1814;  // where it sends from and hears the server's answers

  // `server` is the domain controller's RADIUS endpoint. Throws std::invalid_argument when the node has
  // no IPv4 address or not exactly one link, or the secret is empty.
  AaaProxyNode(sim::Simulation& sim, sim::NodeId node, wlan::UdpEndpoint server, std::string serverSecret);
  AaaProxyNode(const AaaProxyNode&) = delete;
  AaaProxyNode& operator=(const AaaProxyNode&) = delete;

  RadiusProxy& proxy() { return proxy_; }
  wlan::UdpEndpoint clientEndpoint() const { return {mac_, ip_, kClientPort}; }

  // As AaaServerNode's: told of every reply it puts on its link toward a client.
  using ReplyObserver = std::function<void(std::uint8_t identifier, const wlan::UdpEndpoint& client, sim::SimTime firstBit)>;
  void setReplyObserver(ReplyObserver observer) { replyObserver_ = std::move(observer); }

 private:
  void receive(const sim::WireDelivery& delivery);
  void send(sim::SimTime at, Bytes frame, std::string_view label, std::string text,
            std::function<void(sim::SimTime firstBit)> sent = {});

  sim::Simulation& sim_;
  sim::NodeId node_;
  std::string name_;
  MacAddress mac_;
  std::uint32_t ip_ = 0;
  sim::WiredLink* link_ = nullptr;
  wlan::UdpEndpoint server_;
  sim::Random random_;
  RadiusProxy proxy_;
  std::uint16_t ipIdentification_ = 0;
  ReplyObserver replyObserver_;
  std::map<std::string, MacAddress> clientMacs_;  // the MAC each client's requests came from, for the answers
};

}  // namespace rs::aaa
