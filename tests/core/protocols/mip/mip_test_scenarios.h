// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Mobile IP presets of resources/scenarios for the suites, loaded as
// written or with an edit of their JSON (another password, a fault, a shorter
// itinerary), and a run of one of them with its capture kept in memory.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "core/protocols/mip/mip_network.h"
#include "core/sim/scenario.h"
#include "tests/support/memory_frame_sink.h"

namespace rs::test {

std::string mipPresetPath(const std::string& name);  // "mip-dynamic.json" -> its path in the source tree
// The preset after `edit` (if any); a string on error.
std::variant<sim::Scenario, std::string> mipScenario(const std::string& name,
                                                     const std::function<void(nlohmann::json&)>& edit = {});

struct MipRun {
  std::unique_ptr<mip::MipNetwork> network;
  std::unique_ptr<MemoryFrameSink> capture;
  std::string error;
};
// Builds the network of the (edited) preset with its capture attached; not started.
MipRun makeMipRun(const std::string& name, const std::function<void(nlohmann::json&)>& edit = {},
                  std::optional<std::uint64_t> seed = {});

}  // namespace rs::test
