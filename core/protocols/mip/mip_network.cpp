// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/mip_network.h"

#include <fmt/format.h>

#include <functional>
#include <stdexcept>

#include "core/protocols/aaa/aaa_proxy_node.h"
#include "core/protocols/aaa/aaa_server_node.h"
#include "core/protocols/aaa/home_agent_aaa.h"
#include "core/protocols/mip/mip_costs.h"
#include "core/protocols/wlan/ethernet_switch.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/radius/radius.h"

namespace rs::mip {

std::variant<std::unique_ptr<MipNetwork>, std::string> MipNetwork::create(const sim::Scenario& scenario,
                                                                         std::optional<std::uint64_t> seed,
                                                                         const MipRunOptions& options) {
  auto read = readMipSettings(scenario);
  if (auto* error = std::get_if<sim::ConfigError>(&read)) return error->message();
  MipSettings settings = std::get<MipSettings>(std::move(read));
  if (!options.externalAaaServer.empty()) settings.externalAaaServer = options.externalAaaServer;
  if (options.aaaSecret) settings.aaaSecret = *options.aaaSecret;
  std::unique_ptr<MipNetwork> network(new MipNetwork(scenario, std::move(settings), seed));
  if (auto error = network->build()) return fmt::format("{}: {}", scenario.file, *error);
  return network;
}

MipNetwork::MipNetwork(const sim::Scenario& scenario, MipSettings settings, std::optional<std::uint64_t> seed)
    : settings_(std::move(settings)) {
  sim_ = std::make_unique<sim::Simulation>(scenario, seed.value_or(scenario.seed));
  if (scenario.duration) duration_ = *scenario.duration;
  world_ = std::make_unique<MipWorld>(*sim_, settings_, truth_);
}

MipNetwork::~MipNetwork() {
  // Nodes hold references into the world and the simulation: they go first.
  mobiles_.clear();
  foreignAgents_.clear();
  homeAgents_.clear();
  aaaProxy_.reset();
  aaaServer_.reset();
  switches_.clear();
}

std::optional<std::string> MipNetwork::build() {
  const sim::Topology& topology = sim_->topology();
  // Every processing step charges a cost: a profile without one would stop the run halfway.
  for (std::string_view name : {cost::kRegistrationProcessing, cost::kAuthenticator, cost::kMsChapResponse,
                                cost::kSessionKeys, wlan::cost::kRadiusProcessing, wlan::cost::kMppeKeyCrypto})
    if (!sim_->costs().find(name))
      return fmt::format("the cost profile \"{}\" has no \"{}\" (resources/profiles/reference.json has every cost)",
                         sim_->costs().name, name);
  try {
    for (sim::NodeId sw : topology.withRole(sim::NodeRole::Switch))
      switches_.push_back(std::make_unique<wlan::EthernetSwitch>(*sim_, sw));
    for (sim::NodeId ha : topology.withRole(sim::NodeRole::HomeAgent))
      homeAgents_.push_back(std::make_unique<HomeAgent>(*world_, ha));
    for (sim::NodeId fa : topology.withRole(sim::NodeRole::ForeignAgent))
      foreignAgents_.push_back(std::make_unique<ForeignAgent>(*world_, fa));
    if (auto error = buildAaa()) return error;
    for (const MobileSettings& m : settings_.mobiles) mobiles_.push_back(std::make_unique<MobileNode>(*world_, m));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return std::nullopt;
}

std::optional<std::string> MipNetwork::buildAaa() {
  // The home agents ask the AAA server with dynamic keys; the foreign agents with RFC 3012 challenges.
  const bool homeAgentsAsk = settings_.keys == KeyMode::Dynamic;
  const bool foreignAgentsAsk = settings_.faChallenge;
  if (!homeAgentsAsk && !foreignAgentsAsk) return std::nullopt;
  // The RADIUS clients: where each sends from, on which link, and how it takes its transport.
  struct Client {
    wlan::UdpEndpoint endpoint;
    sim::NodeId node;
    sim::WiredLink* link;
    std::function<void(std::unique_ptr<aaa::AaaTransport>)> install;
  };
  std::vector<Client> clients;
  if (homeAgentsAsk)
    for (const auto& ha : homeAgents_)
      clients.push_back({ha->aaaClientEndpoint(), ha->node(), &ha->backboneLink(),
                         [agent = ha.get()](auto t) { agent->setAaaTransport(std::move(t)); }});
  if (foreignAgentsAsk)
    for (const auto& fa : foreignAgents_)
      clients.push_back({fa->aaaClientEndpoint(), fa->node(), &fa->backboneLink(),
                         [agent = fa.get()](auto t) { agent->setAaaTransport(std::move(t)); }});
  const sim::Topology& topology = sim_->topology();
  wlan::UdpEndpoint server;
  if (settings_.aaaServer) {
    const sim::Node& n = topology.node(*settings_.aaaServer);
    if (!n.ipv4) return fmt::format("AAA server \"{}\" has no ipv4 address", n.name);
    server = {n.mac, *n.ipv4, radius::kAuthPort};
    if (settings_.externalAaaServer.empty()) {
      auto noteReply = [this](std::uint8_t id, const wlan::UdpEndpoint& client, sim::SimTime firstBit) {
        world_->noteAaaReply(client.ip, client.port, id, firstBit);
      };
      // The node that checks the MS-CHAPv2 response and holds the users: the AAA server, or behind it the
      // domain controller (seed Fig. 8), with the AAA server proxying every request to it.
      const sim::NodeId checker = settings_.domainController.value_or(*settings_.aaaServer);
      aaaServer_ = std::make_unique<aaa::AaaServerNode>(*sim_, checker);
      for (const AaaUser& user : settings_.users) aaaServer_->server().addUser(user.name, user.password);
      if (settings_.domainController) {
        aaaProxy_ = std::make_unique<aaa::AaaProxyNode>(*sim_, *settings_.aaaServer, aaaServer_->endpoint(),
                                                        settings_.dcSecret);
        aaaProxy_->setReplyObserver(noteReply);
        aaaServer_->server().addClient(sim::formatIpv4Address(aaaProxy_->clientEndpoint().ip), settings_.dcSecret);
        for (const Client& c : clients)
          aaaProxy_->proxy().addClient(sim::formatIpv4Address(c.endpoint.ip), settings_.aaaSecret);
      } else {
        aaaServer_->setReplyObserver(noteReply);
        for (const Client& c : clients)
          aaaServer_->server().addClient(sim::formatIpv4Address(c.endpoint.ip), settings_.aaaSecret);
      }
    }
  } else if (settings_.externalAaaServer.empty()) {
    return "dynamic keys and foreign-agent challenges need a node of role home-aaa (or an external AAA server)";
  }
  for (const Client& c : clients) {
    aaa::HomeAgentAaaSettings s;
    s.secret = settings_.aaaSecret;
    s.nas = {c.endpoint.ip, topology.node(c.node).name};
    s.retry.timeout = sim::seconds(1);
    s.externalServer = settings_.externalAaaServer;
    c.install(aaa::makeHomeAgentAaaTransport(*sim_, c.node, c.endpoint, server, s, c.link));
  }
  return std::nullopt;
}

void MipNetwork::start() {
  if (started_) return;
  started_ = true;
  for (auto& ha : homeAgents_) ha->start();
  for (auto& fa : foreignAgents_) fa->start();
  for (auto& mn : mobiles_) mn->start();
  for (const Fault& f : settings_.faults)
    sim_->scheduler().scheduleAt(f.at, sim::EventDescriptor{sim::EventKind::Control, f.node, faultKindName(f.kind)},
                                 [this, f] { injectFault(f); });
}

void MipNetwork::injectFault(const Fault& fault) {
  if (fault.kind == FaultKind::HomeAgentDown) {
    for (auto& ha : homeAgents_)
      if (ha->node() == fault.node) ha->fail();
    return;
  }
  for (auto& mn : mobiles_) {
    if (mn->node() != fault.node) continue;
    if (fault.kind == FaultKind::ReplayRequest)
      mn->replayLastRequest();
    else
      mn->spoilNextChallenge(fault.kind);
  }
}

MipRunSummary MipNetwork::run() {
  start();
  sim_->scheduler().runUntil(duration_);
  truth_.finish(sim_->now());
  return summary();
}

MipRunSummary MipNetwork::summary() const {
  MipRunSummary s;
  s.events = sim_->scheduler().executed();
  s.endTime = sim_->now();
  for (const auto& mn : mobiles_) s.mobiles.push_back(mn->counters());
  for (const auto& ha : homeAgents_) s.homeAgents.push_back(ha->counters());
  for (const auto& fa : foreignAgents_) s.foreignAgentRelays += fa->relayedRequests();
  return s;
}

}  // namespace rs::mip
