// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Processing costs of a device: named figures in nanoseconds ("pbkdf2",
// "hmac-sha1", "aes-wrap", "radius-roundtrip-processing"), measured on one
// machine and scaled by a factor for slower devices, so that every security
// method pays for its computations in virtual time.
//
// Profile file (JSON):
//   { "name": "x86-64 reference", "factor": 1.0,
//     "costs_ns": { "pbkdf2": 2400000, "hmac-sha1": 900 } }
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "core/sim/config_error.h"
#include "core/sim/event_descriptor.h"
#include "core/sim/sim_time.h"

namespace rs::sim {

class JsonCursor;

class CostProfile {
 public:
  std::string name;
  double factor = 1.0;  // multiplies every cost (4.0: a device four times slower)

  void set(std::string costName, SimTime baseNs) { base_[std::move(costName)] = baseNs; }
  // The scaled cost, rounded to the nanosecond; nullopt for a name the profile lacks.
  std::optional<SimTime> find(std::string_view costName) const;
  // The scaled cost; a name the profile lacks is a model bug: throws
  // std::out_of_range naming the cost and the profile.
  SimTime cost(std::string_view costName) const;
  const std::map<std::string, SimTime, std::less<>>& baseCosts() const { return base_; }

 private:
  std::map<std::string, SimTime, std::less<>> base_;
};

// Reads a profile object (name, factor, costs_ns) at `cursor` into `profile`
// (costs are added or replaced; a given factor replaces the profile's).
// Throws ConfigException; used by the scenario loader for inline profiles.
void readCostProfile(const JsonCursor& cursor, CostProfile& profile);
// Loads a profile file.
std::variant<CostProfile, ConfigError> loadCostProfile(const std::string& path);

// A node processes one thing at a time: work charged while it is busy starts
// when it is free. occupy() returns when the work finishes.
class ProcessingQueue {
 public:
  SimTime busyUntil(NodeId node) const;
  SimTime occupy(NodeId node, SimTime now, SimTime cost);

 private:
  std::unordered_map<NodeId, SimTime> busyUntil_;
};

}  // namespace rs::sim
