// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/protocols/mip/mip_test_scenarios.h"

#include <fstream>
#include <sstream>

namespace rs::test {

std::string mipPresetPath(const std::string& name) {
  return std::string(ROAMSCOPE_SOURCE_DIR) + "/resources/scenarios/" + name;
}

std::variant<sim::Scenario, std::string> mipScenario(const std::string& name,
                                                     const std::function<void(nlohmann::json&)>& edit) {
  const std::string path = mipPresetPath(name);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded()) return path + ": not JSON";
  if (edit) edit(json);
  // Parsed as if it were the preset, so the relative profile path still resolves.
  auto parsed = sim::parseScenario(json.dump(), path);
  if (auto* e = std::get_if<sim::ConfigError>(&parsed)) return e->message();
  return std::get<sim::Scenario>(std::move(parsed));
}

MipRun makeMipRun(const std::string& name, const std::function<void(nlohmann::json&)>& edit,
                  std::optional<std::uint64_t> seed) {
  MipRun run;
  auto scenario = mipScenario(name, edit);
  if (auto* e = std::get_if<std::string>(&scenario)) {
    run.error = *e;
    return run;
  }
  auto created = mip::MipNetwork::create(std::get<sim::Scenario>(scenario), seed);
  if (auto* e = std::get_if<std::string>(&created)) {
    run.error = *e;
    return run;
  }
  run.network = std::get<std::unique_ptr<mip::MipNetwork>>(std::move(created));
  run.capture = std::make_unique<MemoryFrameSink>();
  run.network->simulation().setFrameSink(run.capture.get());
  return run;
}

}  // namespace rs::test
