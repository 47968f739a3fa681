// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One parameter of a scenario document changed before it is loaded: what a
// sweep (`simulate --sweep KEY=V1,V2,...`) varies from run to run. KEY is a
// dotted path into the JSON; a step into an array picks the entry whose
// "name" (or, in "mobility", "node") equals the step, or the entry at that
// index: `links.ds-radius.delay_us`, `methods.wlan.handoff`, `nodes.3.position`.
// The value is read as JSON when it parses (5000, true, [1, 2], "x"), else as
// a string (full). The loader then checks the result as it checks any file.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sim/config_error.h"

namespace rs::sim {

struct ScenarioOverride {
  std::string path;   // "links.ds-radius.delay_us"
  std::string value;  // "5000"
};

// nullopt on success; otherwise what is wrong with the path (a ConfigError naming `file` and the path).
std::optional<ConfigError> applyOverride(nlohmann::json& document, const ScenarioOverride& o, const std::string& file);

// "KEY=VALUE" (`simulate --set`) -> one override; nullopt when there is no '=', no key or no value. The value
// is taken whole (commas included).
std::optional<ScenarioOverride> parseOverride(std::string_view spec);
std::string badOverrideMessage(std::string_view spec);                        // for a spec parseOverride refuses
std::string badOverrideKeyMessage(std::string_view path, const ConfigError& error);  // applyOverride's error

// "KEY=V1,V2,..." -> the key and its values; nullopt when there is no '=' or no value.
struct SweepAxis {
  std::string path;
  std::vector<std::string> values;
};
std::optional<SweepAxis> parseSweepAxis(std::string_view spec);

// What `simulate --sweep` says about an axis that is not KEY=V1,V2,..., and about a key the scenario
// has no place for (applyOverride's error); the desktop sweep dialog says the same.
std::string badSweepAxisMessage(std::string_view spec);
std::string badSweepKeyMessage(std::string_view path, const ConfigError& error);

}  // namespace rs::sim
