// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A home agent (RFC 3344 3.8) with the seed-001 key schedule: it checks each
// Registration Request's Mobile-Home Authentication Extension against its
// security-association table, enforces timestamp replay protection (5.7),
// keeps the mobility bindings and their lifetimes, and answers. With dynamic
// keys an initial request goes to the AAA server as an MS-CHAPv2
// Access-Request; from the Access-Accept's MPPE keys the HA derives Skey and
// Skey', installs both and answers with the seed-001 reply; later requests
// are authenticated with Skey' and re-keying with Skey, without the AAA
// server. Keys are discarded when a binding expires or the mobile
// de-registers. On its home link(s) it advertises itself (H), so mobiles know
// they are home. Its link toward the backbone switch carries everything else.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/protocols/aaa/aaa_transport.h"
#include "core/protocols/mip/agent_aaa_client.h"
#include "core/protocols/mip/agent_advertiser.h"
#include "core/protocols/mip/mip_world.h"
#include "core/protocols/mip/sa_table.h"
#include "core/protocols/wlan/ds_frames.h"
#include "dissectors/mip/mip.h"

namespace rs::mip {

struct HomeAgentCounters {
  std::uint64_t requests = 0;
  std::uint64_t accepted = 0;
  std::uint64_t denied = 0;           // any reply code >= 64
  std::uint64_t aaaRequests = 0;
  std::uint64_t rekeys = 0;
  std::uint64_t expiredBindings = 0;  // lifetimes that ran out
};

class HomeAgent {
 public:
  // Throws std::invalid_argument when the node has no address or no link to the backbone.
  HomeAgent(MipWorld& world, sim::NodeId node);
  ~HomeAgent();
  HomeAgent(const HomeAgent&) = delete;
  HomeAgent& operator=(const HomeAgent&) = delete;

  sim::NodeId node() const { return node_; }
  // The AAA client (dynamic keys); requests leave on backboneLink().
  void setAaaTransport(std::unique_ptr<aaa::AaaTransport> transport);
  sim::WiredLink& backboneLink() { return *backbone_; }
  wlan::UdpEndpoint aaaClientEndpoint() const;

  // Installs the static SAs (static keys) and starts advertising on the home links.
  void start();
  // The fault "home-agent-down": bindings, keys and replay state are lost; nothing is answered any more.
  void fail();
  bool down() const { return down_; }

  struct Binding {
    std::uint32_t homeAddress = 0;
    std::uint32_t careOfAddress = 0;
    sim::SimTime registered = 0;
    sim::SimTime expires = 0;
    sim::EventId expiry{};
  };
  const std::map<std::uint32_t, Binding>& bindings() const { return bindings_; }
  const SaTable& securityAssociations() const { return sas_; }
  const HomeAgentCounters& counters() const { return counters_; }

 private:
  // Where a reply goes: back the way the request came.
  struct ReturnPath {
    sim::WiredLink* link = nullptr;
    wlan::UdpEndpoint to;
  };
  struct Decision;  // home_agent_requests.cpp
  void receive(sim::WiredLink& link, const sim::WireDelivery& delivery);
  void handleRequest(const ReturnPath& back, ByteView payload);
  void startAaaExchange(const ReturnPath& back, Bytes request, const Message& parsed);
  void finishAaaExchange(const ReturnPath& back, const Bytes& request, const aaa::AaaResult& result);
  std::optional<std::uint8_t> identificationProblem(std::uint32_t homeAddress, std::uint64_t identification,
                                                    std::uint16_t replayWindowSeconds) const;
  void accept(std::uint32_t homeAddress, std::uint32_t careOf, std::uint16_t lifetime, std::uint64_t identification);
  void removeBinding(std::uint32_t homeAddress, std::string_view why);
  std::uint64_t correctedIdentification(std::uint64_t requestIdentification) const;
  void deny(const ReturnPath& back, const Message& request, std::uint8_t code, std::string why,
            std::optional<std::pair<std::uint32_t, ByteView>> signWith = std::nullopt,
            std::optional<std::uint64_t> identification = std::nullopt);
  void sendReply(const ReturnPath& back, std::uint32_t homeAddress, std::uint64_t requestIdentification, Bytes reply,
                 sim::SimTime ready, std::string text);
  // A key-derivation trace event: `summary` for the trace line, `formula` for the key inspector.
  void traceKeys(std::string_view summary, std::string_view formula, std::uint32_t homeAddress,
                 std::vector<sim::LabelledBytes> inputs, std::vector<sim::LabelledBytes> outputs);

  MipWorld& world_;
  sim::NodeId node_;
  std::string name_;
  MacAddress mac_;
  std::uint32_t address_ = 0;
  sim::WiredLink* backbone_ = nullptr;
  std::vector<sim::WiredLink*> homeLinks_;
  std::vector<std::unique_ptr<AgentAdvertiser>> advertisers_;
  AgentAaaClient aaa_;
  SaTable sas_;
  std::map<std::uint32_t, Binding> bindings_;
  std::map<std::uint32_t, std::uint64_t> lastIdentification_;  // replay state per home address
  std::map<std::uint32_t, bool> aaaPending_;                   // an initial request waits for the AAA server
  HomeAgentCounters counters_;
  std::uint16_t ipIdentification_ = 0;
  bool down_ = false;
};

}  // namespace rs::mip
