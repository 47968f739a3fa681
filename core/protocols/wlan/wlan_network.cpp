// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/wlan_network.h"

#include <fmt/format.h>

#include "core/crypto/pbkdf2.h"
#include "core/protocols/wlan/access_point.h"
#include "core/protocols/wlan/ethernet_switch.h"
#include "core/protocols/wlan/radius_server.h"

namespace rs::wlan {

std::variant<std::unique_ptr<WlanNetwork>, std::string> WlanNetwork::create(const sim::Scenario& scenario,
                                                                            std::optional<std::uint64_t> seed) {
  auto settings = readWlanSettings(scenario);
  if (auto* error = std::get_if<sim::ConfigError>(&settings)) return error->message();
  std::unique_ptr<WlanNetwork> network(new WlanNetwork(scenario, std::get<WlanSettings>(std::move(settings)), seed));
  if (auto error = network->build(scenario)) return fmt::format("{}: {}", scenario.file, *error);
  return network;
}

WlanNetwork::WlanNetwork(const sim::Scenario& scenario, WlanSettings settings, std::optional<std::uint64_t> seed)
    : settings_(std::move(settings)) {
  const std::uint64_t runSeed = seed.value_or(scenario.seed);
  random_.emplace(runSeed);
  sim_ = std::make_unique<sim::Simulation>(scenario, runSeed);
  if (scenario.duration) duration_ = *scenario.duration;
}

WlanNetwork::~WlanNetwork() {
  // Nodes hold references into the world and the simulation: they go first.
  voiceServer_.reset();
  radiusServer_.reset();
  stations_.clear();
  accessPoints_.clear();
  switches_.clear();
}

std::optional<std::string> WlanNetwork::build(const sim::Scenario& scenario) {
  world_ = std::make_unique<WlanWorld>(WlanWorld{*sim_, settings_, {}, std::nullopt, std::nullopt, {}, &truth_, &keys_});
  const sim::Topology& topology = sim_->topology();
  const auto aps = topology.withRole(sim::NodeRole::AccessPoint);
  const auto stations = topology.withRole(sim::NodeRole::Station);
  if (aps.empty()) return "the WLAN system needs at least one node of role access-point";
  if (stations.empty()) return "the WLAN system needs at least one node of role station";
  for (sim::NodeId ap : aps) {
    const sim::Node& n = topology.node(ap);
    if (!n.channel) return fmt::format("access point \"{}\" has no channel", n.name);
    if (sim_->linksOf(ap).empty() && (settings_.security == Security::EapTls || settings_.flow))
      return fmt::format("access point \"{}\" has no wired link to the distribution system", n.name);
  }
  if (settings_.security == Security::Psk) {
    auto pmk = crypto::pmkFromPassphrase(settings_.passphrase, settings_.ssid);
    if (!pmk) return "the PSK could not be derived: " + pmk.error().describe();
    world_->pskPmk = std::move(*pmk);
  } else {
    const auto servers = topology.withRole(sim::NodeRole::AuthenticationServer);
    if (servers.empty()) return "802.1X (security \"eap-tls\") needs a node of role authentication-server";
    const sim::Node& as = topology.node(servers.front());
    if (!as.ipv4 || sim_->linksOf(servers.front()).empty())
      return fmt::format("authentication server \"{}\" needs an ipv4 address and a wired link", as.name);
    for (sim::NodeId ap : aps)
      if (!topology.node(ap).ipv4)
        return fmt::format("access point \"{}\" needs an ipv4 address to reach the RADIUS server",
                           topology.node(ap).name);
    auto pki = eap::makeTestPki("RoamScope emulation");
    if (!pki) return "the test PKI could not be made: " + pki.error().describe();
    world_->pki = std::move(*pki);
    world_->authServer = servers.front();
    RadiusServerSettings rs;
    rs.sharedSecret = settings_.radiusSecret;
    rs.tlsVersion = settings_.tlsVersion;
    radiusServer_ = std::make_unique<RadiusServer>(*sim_, servers.front(), rs, *world_->pki);
  }
  std::optional<sim::NodeId> flowServer;
  if (settings_.flow) {
    const auto servers = topology.withRole(sim::NodeRole::ApplicationServer);
    if (!servers.empty()) {
      flowServer = servers.front();
      if (!topology.node(*flowServer).ipv4) return "the application server needs an ipv4 address for the voice flow";
      for (sim::NodeId sta : stations)
        if (!topology.node(sta).ipv4)
          return fmt::format("station \"{}\" needs an ipv4 address for the voice flow", topology.node(sta).name);
      voiceServer_ = std::make_unique<VoiceServer>(*world_, *flowServer, stations);
    }
  }
  for (sim::NodeId sw : topology.withRole(sim::NodeRole::Switch))
    switches_.push_back(std::make_unique<EthernetSwitch>(*sim_, sw));
  for (sim::NodeId ap : aps) {
    accessPoints_.push_back(std::make_unique<AccessPoint>(*world_, ap));
    world_->accessPoints.push_back(accessPoints_.back().get());
  }
  for (sim::NodeId sta : stations) stations_.push_back(std::make_unique<Station>(*world_, sta, truth_));
  (void)scenario;
  return std::nullopt;
}

void WlanNetwork::start() {
  if (started_) return;
  started_ = true;
  for (auto& ap : accessPoints_) ap->start();
  // Stations start one after another (1 ms apart), as they would power up, not in the same nanosecond.
  sim::SimTime at = sim::milliseconds(10);
  const std::optional<sim::NodeId> server =
      voiceServer_ ? std::optional<sim::NodeId>(sim_->topology().withRole(sim::NodeRole::ApplicationServer).front())
                   : std::nullopt;
  for (auto& sta : stations_) {
    sta->start(at, server);
    at += sim::milliseconds(1);
  }
  if (voiceServer_) voiceServer_->start(sim::milliseconds(10));
}

WlanRunSummary WlanNetwork::run() {
  start();
  sim_->scheduler().runUntil(duration_);
  truth_.finish(sim_->now());
  return summary();
}

WlanRunSummary WlanNetwork::summary() const {
  WlanRunSummary s;
  s.events = sim_->scheduler().executed();
  s.endTime = sim_->now();
  for (const auto& sta : stations_) s.stations.push_back(sta->counters());
  if (voiceServer_) s.server = voiceServer_->counters();
  return s;
}

}  // namespace rs::wlan
