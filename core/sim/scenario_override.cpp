// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/scenario_override.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace rs::sim {
namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool allDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

nlohmann::json readValue(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_discarded()) return parsed;
  return text;
}

}  // namespace

std::optional<ConfigError> applyOverride(nlohmann::json& document, const ScenarioOverride& o, const std::string& file) {
  const std::vector<std::string> steps = split(o.path, '.');
  nlohmann::json* at = &document;
  std::string pointer;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string& step = steps[i];
    const bool last = i + 1 == steps.size();
    if (step.empty()) return ConfigError{file, pointer, "a dotted key like links.ds-radius.delay_us", o.path};
    if (at->is_array()) {
      nlohmann::json* next = nullptr;
      for (std::size_t k = 0; k < at->size() && !next; ++k) {
        const auto& entry = (*at)[k];
        if (entry.is_object() && ((entry.contains("name") && entry["name"] == step) ||
                                  (entry.contains("node") && entry["node"] == step))) {
          next = &(*at)[k];
          pointer += "/" + std::to_string(k);
        }
      }
      if (!next && allDigits(step) && std::stoul(step) < at->size()) {
        next = &(*at)[std::stoul(step)];
        pointer += "/" + step;
      }
      if (!next) return ConfigError{file, pointer, "the name or index of an entry", fmt::format("\"{}\"", step)};
      if (last) {
        *next = readValue(o.value);
        return std::nullopt;
      }
      at = next;
      continue;
    }
    if (!at->is_object())
      return ConfigError{file, pointer, "an object or array to step into", fmt::format("\"{}\" under a value", step)};
    pointer += "/" + step;
    if (last) {
      (*at)[step] = readValue(o.value);
      return std::nullopt;
    }
    if (!at->contains(step)) (*at)[step] = nlohmann::json::object();  // methods.wlan.roam.* may be absent
    at = &(*at)[step];
  }
  return std::nullopt;
}

std::optional<SweepAxis> parseSweepAxis(std::string_view spec) {
  const std::size_t eq = spec.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size()) return std::nullopt;
  SweepAxis axis;
  axis.path = std::string(spec.substr(0, eq));
  // Values are comma-separated; a JSON array value ([1,2]) is kept whole.
  std::string current;
  int depth = 0;
  for (char c : spec.substr(eq + 1)) {
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') --depth;
    if (c == ',' && depth == 0) {
      axis.values.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  axis.values.push_back(current);
  for (const auto& v : axis.values)
    if (v.empty()) return std::nullopt;
  return axis;
}

std::optional<ScenarioOverride> parseOverride(std::string_view spec) {
  const std::size_t eq = spec.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size()) return std::nullopt;
  return ScenarioOverride{std::string(spec.substr(0, eq)), std::string(spec.substr(eq + 1))};
}

std::string badOverrideMessage(std::string_view spec) {
  return fmt::format("--set: '{}' is not KEY=VALUE (e.g. methods.mip.fa_challenge=true)", spec);
}

std::string badOverrideKeyMessage(std::string_view path, const ConfigError& error) {
  return fmt::format("--set {}: {}", path, error.message());
}

std::string badSweepAxisMessage(std::string_view spec) {
  return fmt::format("--sweep: '{}' is not KEY=V1,V2,... (e.g. links.ds-radius.delay_us=500,5000)", spec);
}

std::string badSweepKeyMessage(std::string_view path, const ConfigError& error) {
  return fmt::format("--sweep {}: {}", path, error.message());
}

}  // namespace rs::sim
