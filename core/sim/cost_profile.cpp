// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/cost_profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/sim/json_cursor.h"

namespace rs::sim {

std::optional<SimTime> CostProfile::find(std::string_view costName) const {
  const auto it = base_.find(costName);
  if (it == base_.end()) return std::nullopt;
  return static_cast<SimTime>(std::llround(static_cast<double>(it->second) * factor));
}

SimTime CostProfile::cost(std::string_view costName) const {
  if (const auto c = find(costName)) return *c;
  throw std::out_of_range(fmt::format("processing cost \"{}\" is not in profile \"{}\"", costName, name));
}

void readCostProfile(const JsonCursor& cursor, CostProfile& profile) {
  cursor.requireObject({"name", "factor", "costs_ns", "file"});
  if (auto n = cursor.find("name")) profile.name = n->string();
  if (auto f = cursor.find("factor")) {
    profile.factor = f->number(0, 1e6);
    if (profile.factor <= 0) f->fail("a number > 0");
  }
  if (auto costs = cursor.find("costs_ns")) {
    if (!costs->json().is_object()) costs->fail("an object of cost names to nanoseconds");
    for (const auto& [key, value] : costs->json().items())
      profile.set(key, costs->at(key).integer(0, std::numeric_limits<std::int64_t>::max()));
  }
}

std::variant<CostProfile, ConfigError> loadCostProfile(const std::string& path) {
  auto doc = readJsonFile(path);
  if (auto* error = std::get_if<ConfigError>(&doc)) return *error;
  try {
    CostProfile profile;
    readCostProfile(JsonCursor(std::get<nlohmann::json>(doc), path), profile);
    return profile;
  } catch (const ConfigException& e) {
    return e.error;
  }
}

SimTime ProcessingQueue::busyUntil(NodeId node) const {
  const auto it = busyUntil_.find(node);
  return it == busyUntil_.end() ? 0 : it->second;
}

SimTime ProcessingQueue::occupy(NodeId node, SimTime now, SimTime cost) {
  SimTime& until = busyUntil_[node];
  until = std::max(until, now) + cost;
  return until;
}

}  // namespace rs::sim
