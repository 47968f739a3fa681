// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/scenario_with_overrides.h"

#include <algorithm>

#include "core/protocols/mip/mip_settings.h"
#include "core/protocols/wlan/wlan_settings.h"
#include "core/sim/json_cursor.h"

namespace rs::protocols {

std::variant<sim::Scenario, sim::ConfigError> loadScenarioWithOverrides(
    const std::string& path, const std::vector<sim::ScenarioOverride>& overrides) {
  auto document = sim::readJsonFile(path);
  if (auto* error = std::get_if<sim::ConfigError>(&document)) return *error;
  auto& json = std::get<nlohmann::json>(document);
  for (const auto& o : overrides)
    if (auto error = sim::applyOverride(json, o, path)) return *error;
  auto parsed = sim::parseScenario(json.dump(), path);
  if (auto* error = std::get_if<sim::ConfigError>(&parsed)) return *error;
  // The methods section is read when the network is built; reading it now reports its errors early. A
  // scenario with methods.mip is built as the Mobile IP system, so its section is the one to check.
  const auto& scenario = std::get<sim::Scenario>(parsed);
  if (mip::isMipScenario(scenario)) {
    auto settings = mip::readMipSettings(scenario);
    if (auto* error = std::get_if<sim::ConfigError>(&settings)) return *error;
    return parsed;
  }
  auto settings = wlan::readWlanSettings(scenario);
  if (auto* error = std::get_if<sim::ConfigError>(&settings)) return *error;
  return parsed;
}

std::vector<sim::ScenarioOverride> mergeOverrides(std::vector<sim::ScenarioOverride> overrides,
                                                  const std::vector<sim::ScenarioOverride>& changes) {
  for (const auto& change : changes) {
    auto same = std::find_if(overrides.begin(), overrides.end(), [&](const auto& o) { return o.path == change.path; });
    if (same != overrides.end())
      same->value = change.value;
    else
      overrides.push_back(change);
  }
  return overrides;
}

}  // namespace rs::protocols
