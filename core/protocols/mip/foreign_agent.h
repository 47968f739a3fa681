// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A foreign agent (RFC 3344 3.7): the router of one or more visited subnets.
// It advertises itself on each subnet link, relays a visiting mobile's
// Registration Request to its home agent and the Registration Reply back,
// keeps the pending requests and the visitor list, and routes ordinary IPv4
// between its subnets and the backbone (a mobile with a co-located care-of
// address registers through it as through any router). Its link toward the
// backbone switch is the backbone; every other link is a subnet.
//
// With RFC 3012 challenges (settings.faChallenge) every advertisement carries
// a new challenge, and a request is relayed only when it echoes a fresh one
// (challenge_book.h) and the AAA server accepts its MN-AAA authenticator
// (RADIUS CHAP, mn_aaa_authentication.h); otherwise the FA answers the mobile
// itself: 104 unknown, 105 missing or 106 stale challenge (with a new
// challenge in the reply), 67 when the AAA server rejects the mobile, 66 when
// it does not answer.
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "core/protocols/mip/agent_aaa_client.h"
#include "core/protocols/mip/agent_advertiser.h"
#include "core/protocols/mip/challenge_book.h"
#include "core/protocols/mip/mip_world.h"
#include "core/protocols/wlan/ds_frames.h"
#include "dissectors/mip/mip.h"

namespace rs::mip {

class ForeignAgent {
 public:
  // Throws std::invalid_argument when the node has no address, no backbone link or no subnet link.
  ForeignAgent(MipWorld& world, sim::NodeId node);
  ~ForeignAgent();
  ForeignAgent(const ForeignAgent&) = delete;
  ForeignAgent& operator=(const ForeignAgent&) = delete;

  void start();

  // RFC 3012: where the FA's MN-AAA checks go (set before start() when settings.faChallenge).
  void setAaaTransport(std::unique_ptr<aaa::AaaTransport> transport);
  wlan::UdpEndpoint aaaClientEndpoint() const;
  sim::NodeId node() const { return node_; }
  sim::WiredLink& backboneLink() { return *backbone_; }

  struct Visitor {
    std::uint32_t homeAddress = 0;
    std::uint32_t homeAgent = 0;
    MacAddress mac;
    std::size_t subnet = 0;
    sim::SimTime expires = 0;
  };
  const std::map<std::uint32_t, Visitor>& visitors() const { return visitors_; }
  std::size_t relayedRequests() const { return relayedRequests_; }
  std::size_t relayedReplies() const { return relayedReplies_; }
  std::size_t denials() const { return denials_; }  // replies of the FA's own (RFC 3012 checks)

 private:
  struct Pending {
    std::uint32_t homeAddress = 0;
    std::uint64_t identification = 0;
    std::uint32_t homeAgent = 0;
    MacAddress mac;
    std::uint16_t port = 0;
    std::size_t subnet = 0;
  };
  void receiveBackbone(const sim::WireDelivery& delivery);
  void receiveSubnet(std::size_t subnet, const sim::WireDelivery& delivery);
  void relayRequest(std::size_t subnet, const wlan::UdpFrame& udp);
  void forwardRequest(std::size_t subnet, const wlan::UdpFrame& udp, const Message& request);
  // RFC 3012 (foreign_agent_challenge.cpp).
  void admitWithChallenge(std::size_t subnet, const wlan::UdpFrame& udp, const Message& request);
  // `challenge`: the request's MN-FA challenge, checked again before the relay.
  void finishMnAaaCheck(std::size_t subnet, const wlan::UdpEndpoint& from, const Bytes& payload,
                        const Bytes& challenge, const aaa::AaaResult& result);
  void deny(std::size_t subnet, const wlan::UdpEndpoint& from, const Message& request, std::uint8_t code,
            const std::string& why);
  void relayReply(const wlan::UdpFrame& udp);
  void routeToBackbone(std::size_t subnet, ByteView frame);
  void routeToSubnet(ByteView frame, std::uint32_t destination);
  void transmitAfterProcessing(sim::WiredLink& link, Bytes frame, std::string_view label,
                               std::function<void(sim::SimTime firstBit)> sent);
  wlan::UdpEndpoint endpoint(const MacAddress& mac) const;

  MipWorld& world_;
  sim::NodeId node_;
  std::string name_;
  MacAddress mac_;
  std::uint32_t address_ = 0;
  sim::WiredLink* backbone_ = nullptr;
  std::vector<sim::WiredLink*> subnets_;
  std::vector<std::unique_ptr<AgentAdvertiser>> advertisers_;
  std::vector<std::unique_ptr<ChallengeBook>> challenges_;  // per subnet, with RFC 3012 challenges
  AgentAaaClient aaa_;
  std::vector<Pending> pending_;
  std::map<std::uint32_t, Visitor> visitors_;
  // Hosts seen on each subnet (co-located care-of addresses): address -> (MAC, subnet), as an ARP cache would hold.
  std::map<std::uint32_t, std::pair<MacAddress, std::size_t>> neighbours_;
  std::uint16_t ipIdentification_ = 0;
  std::size_t relayedRequests_ = 0;
  std::size_t relayedReplies_ = 0;
  std::size_t denials_ = 0;
};

}  // namespace rs::mip
