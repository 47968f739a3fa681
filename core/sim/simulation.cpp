// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/simulation.h"

#include <fmt/format.h>

namespace rs::sim {
namespace {

std::string airDescription(const MediumConfig& m, std::uint16_t mhz, const std::string& heardAt) {
  return fmt::format("channel {} ({} MHz), signal as heard at {}", m.channel, mhz, heardAt);
}

}  // namespace

Simulation::Simulation(std::uint64_t seed) : seed_(seed) {}

Simulation::Simulation(const Scenario& scenario, std::optional<std::uint64_t> seed)
    : seed_(seed.value_or(scenario.seed)), costs_(scenario.profile) {
  for (const Node& n : scenario.nodes) topology_.addNode(n);
  for (const auto& m : scenario.mobility) topology_.setPath(m.node, m.path);
  for (const auto& m : scenario.media) addMedium(m);
  for (const auto& l : scenario.links) addLink(l);
  for (const auto& c : scenario.captures) {
    if (c.medium) {
      WirelessMedium& m = *media_[*c.medium];
      const std::string heardAt = c.observer ? topology_.node(*c.observer).name
                                             : fmt::format("({}, {}, {})", c.position.x, c.position.y, c.position.z);
      const auto id =
          captures_.addPoint(c.name, LinkType::Radiotap, airDescription(m.config(), m.frequencyMhz(), heardAt));
      m.addCapture(id, c.observer, c.position);
    } else {
      std::string names;
      for (std::size_t i : c.links) names += (names.empty() ? "" : ", ") + links_[i]->config().name;
      const std::string description =
          c.toward ? fmt::format("wired links {}, frames toward {}", names, topology_.node(*c.toward).name)
                   : fmt::format("wired links {}", names);
      const auto id = captures_.addPoint(c.name, LinkType::Ethernet, description);
      for (std::size_t i : c.links) links_[i]->addCapture(id, c.toward);
    }
  }
}

WirelessMedium& Simulation::addMedium(MediumConfig config) {
  media_.push_back(std::make_unique<WirelessMedium>(scheduler_, topology_, captures_, std::move(config), seed_));
  return *media_.back();
}

WiredLink& Simulation::addLink(LinkConfig config) {
  links_.push_back(std::make_unique<WiredLink>(scheduler_, captures_, std::move(config), seed_));
  return *links_.back();
}

WirelessMedium* Simulation::medium(std::string_view name) {
  for (auto& m : media_)
    if (m->config().name == name) return m.get();
  return nullptr;
}

WirelessMedium* Simulation::mediumOnChannel(unsigned channel) {
  for (auto& m : media_)
    if (m->config().channel == channel) return m.get();
  return nullptr;
}

WiredLink* Simulation::link(std::string_view name) {
  for (auto& l : links_)
    if (l->config().name == name) return l.get();
  return nullptr;
}

std::vector<WiredLink*> Simulation::linksOf(NodeId node) {
  std::vector<WiredLink*> out;
  for (auto& l : links_)
    if (l->connects(node)) out.push_back(l.get());
  return out;
}

void Simulation::trace(TraceEvent event) {
  for (TraceSink* sink : traceSinks_) sink->onTrace(event);
}

void Simulation::trace(NodeId node, TraceKind kind, std::string text) {
  trace(TraceEvent{scheduler_.now(), node, kind, std::move(text), std::nullopt});
}

SimTime Simulation::charge(NodeId node, std::string_view costName) {
  const SimTime cost = costs_.cost(costName);
  const SimTime done = processing_.occupy(node, scheduler_.now(), cost);
  if (!traceSinks_.empty())
    trace(node, TraceKind::Processing,
          fmt::format("{} busy for {} ({}), done at {}", topology_.node(node).name, formatSimTime(cost), costName,
                      formatSimTime(done)));
  return done;
}

}  // namespace rs::sim
