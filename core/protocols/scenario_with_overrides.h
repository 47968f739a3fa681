// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scenario file with parameters changed (`simulate --set`, each run of a
// sweep, the desktop's scenario editor): the file's JSON, each override applied
// (core/sim/scenario_override.h), then the loader's checks and those of the
// settings the network will read (the Mobile IP ones with methods.mip, else
// the WLAN ones), so a bad value is reported with its file and JSON Pointer
// before any run is touched. Building the network itself is left to the caller
// (only one WlanNetwork may exist at a time).
#include <string>
#include <variant>
#include <vector>

#include "core/sim/config_error.h"
#include "core/sim/scenario.h"
#include "core/sim/scenario_override.h"

namespace rs::protocols {

std::variant<sim::Scenario, sim::ConfigError> loadScenarioWithOverrides(
    const std::string& path, const std::vector<sim::ScenarioOverride>& overrides);

// `overrides` with `changes` applied on top: a change replaces an override of the same path.
std::vector<sim::ScenarioOverride> mergeOverrides(std::vector<sim::ScenarioOverride> overrides,
                                                  const std::vector<sim::ScenarioOverride>& changes);

}  // namespace rs::protocols
