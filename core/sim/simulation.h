// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One emulation run: the scheduler, the topology, the wireless media and wired
// links, the capture points, the processing-cost profile and the trace sinks,
// all seeded from one number. Built empty (the tests, a protocol under
// development) or from a Scenario. The protocol layer attaches its node
// behaviour to the media and links and schedules on the scheduler.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/sim/capture_hub.h"
#include "core/sim/cost_profile.h"
#include "core/sim/random.h"
#include "core/sim/scenario.h"
#include "core/sim/scheduler.h"
#include "core/sim/topology.h"
#include "core/sim/trace.h"
#include "core/sim/wired_link.h"
#include "core/sim/wireless_medium.h"

namespace rs::sim {

class Simulation {
 public:
  explicit Simulation(std::uint64_t seed);
  // Nodes, media, links, capture points, mobility and profile of `scenario`;
  // `seed` overrides the scenario's (a sweep runs one scenario with many seeds).
  explicit Simulation(const Scenario& scenario, std::optional<std::uint64_t> seed = std::nullopt);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  std::uint64_t seed() const { return seed_; }
  Scheduler& scheduler() { return scheduler_; }
  SimTime now() const { return scheduler_.now(); }
  Topology& topology() { return topology_; }
  const Topology& topology() const { return topology_; }
  CaptureHub& captures() { return captures_; }
  CostProfile& costs() { return costs_; }
  ProcessingQueue& processing() { return processing_; }
  // The random stream `name` of this run (see Random::stream): each model keeps its own.
  Random random(std::string_view name) const { return Random::stream(seed_, name); }

  WirelessMedium& addMedium(MediumConfig config);
  WiredLink& addLink(LinkConfig config);
  WirelessMedium* medium(std::string_view name);
  // The medium carrying `channel` (the first one when several bands reuse a number).
  WirelessMedium* mediumOnChannel(unsigned channel);
  WiredLink* link(std::string_view name);
  // The links with `node` at one end, in declaration order.
  std::vector<WiredLink*> linksOf(NodeId node);
  const std::vector<std::unique_ptr<WirelessMedium>>& media() const { return media_; }
  const std::vector<std::unique_ptr<WiredLink>>& links() const { return links_; }

  // Declares the capture points to `sink` and sends it every frame recorded from now on.
  void setFrameSink(FrameSink* sink) { captures_.setSink(sink); }

  void addTraceSink(TraceSink* sink) { traceSinks_.push_back(sink); }
  void trace(TraceEvent event);
  // A plain explanatory event at now().
  void trace(NodeId node, TraceKind kind, std::string text);

  // Charges the cost `costName` of the profile to `node` (which works on one
  // thing at a time) and returns when the work is done: schedule its result then.
  SimTime charge(NodeId node, std::string_view costName);

 private:
  std::uint64_t seed_;
  Scheduler scheduler_;
  Topology topology_;
  CaptureHub captures_;
  CostProfile costs_;
  ProcessingQueue processing_;
  std::vector<std::unique_ptr<WirelessMedium>> media_;
  std::vector<std::unique_ptr<WiredLink>> links_;
  std::vector<TraceSink*> traceSinks_;
};

}  // namespace rs::sim
