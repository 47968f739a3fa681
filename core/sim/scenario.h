// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scenario file (JSON) and its loader. The document's keys (all optional
// except "nodes"; see docs/emulation.md for the full reference):
//   name, description, seed, duration_s,
//   nodes          [{name, role, position [x,y,z], mac, ipv4, channel, band}]
//   media          [{name, channel, band, tx_power_dbm, noise_floor_dbm, sensitivity_dbm,
//                    rate_mbps, path_loss {exponent, reference_distance_m, reference_loss_db},
//                    loss {fixed, snr50_db, slope_db}}]
//   links          [{name, a, b, delay_us, jitter_us, bandwidth_mbps, loss}]
//   capture_points [{name, medium, observer | position} | {name, links [...], toward}]
//   mobility       [{node, start_s, waypoints [{position, speed_mps, pause_s}]}]
//   profile        {file, name, factor, costs_ns {...}}
//   methods        {...}  free-form, read by the protocol layer
// Names are resolved while loading, so every reference error points at its key.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/sim/config_error.h"
#include "core/sim/cost_profile.h"
#include "core/sim/mobility.h"
#include "core/sim/node.h"
#include "core/sim/wired_link.h"
#include "core/sim/wireless_medium.h"

namespace rs::sim {

struct ScenarioCapture {
  std::string name;
  std::optional<std::size_t> medium;  // index into Scenario::media (an air capture point)
  std::optional<NodeId> observer;     // air: signal as heard at this node ...
  Position position;                  // ... or at this fixed position
  std::vector<std::size_t> links;     // indices into Scenario::links (a wired capture point)
  std::optional<NodeId> toward;       // wired: only frames travelling toward this node (an end of every link)
};

struct ScenarioMobility {
  NodeId node = kNoNode;
  WaypointPath path;
};

struct Scenario {
  std::string file;
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  std::optional<SimTime> duration;
  std::vector<Node> nodes;  // node i gets NodeId i
  std::vector<MediumConfig> media;
  std::vector<LinkConfig> links;  // ends resolved to NodeIds
  std::vector<ScenarioCapture> captures;
  std::vector<ScenarioMobility> mobility;
  CostProfile profile;
  nlohmann::json methods = nlohmann::json::object();
};

using ScenarioResult = std::variant<Scenario, ConfigError>;

// Loads a scenario file; a profile "file" is resolved relative to its folder.
ScenarioResult loadScenario(const std::string& path);
// Parses scenario text; `file` names it in errors and anchors relative profile paths.
ScenarioResult parseScenario(std::string_view text, const std::string& file);

}  // namespace rs::sim
