// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/merge/clock_offset_report.h"

#include <fmt/format.h>

namespace rs {
namespace {

double milliseconds(std::int64_t ns) { return static_cast<double>(ns) / 1e6; }

const std::string& nameOf(const std::vector<std::string>& names, std::size_t i) {
  static const std::string unnamed = "(unnamed)";
  return i < names.size() ? names[i] : unnamed;
}

}  // namespace

std::string clockOffsetLine(const ClockOffsetEstimate& estimate, std::size_t file, const std::vector<std::string>& names) {
  const ClockOffset& o = estimate.files.at(file);
  if (o.reference) return fmt::format("{}: reference clock", nameOf(names, file));
  if (o.assumed)
    return fmt::format("{}: no common frames with {} (directly or through another file): offset 0 assumed",
                       nameOf(names, file), nameOf(names, 0));
  return fmt::format("{}: clock offset {:+.6f} ms against {} ({} common frame(s), spread {:.6f} ms)",
                     nameOf(names, file), milliseconds(o.offsetNs), nameOf(names, *o.against), o.matches,
                     milliseconds(o.spreadNs));
}

nlohmann::ordered_json clockOffsetsJson(const ClockOffsetEstimate& estimate, const std::vector<std::string>& names) {
  auto out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < estimate.files.size(); ++i) {
    const ClockOffset& o = estimate.files[i];
    nlohmann::ordered_json j;
    j["file"] = nameOf(names, i);
    j["offset_ms"] = milliseconds(o.offsetNs);
    j["reference"] = o.reference;
    j["assumed"] = o.assumed;
    j["against"] = o.against ? nlohmann::ordered_json(nameOf(names, *o.against)) : nlohmann::ordered_json(nullptr);
    j["matches"] = o.matches;
    j["spread_ms"] = milliseconds(o.spreadNs);
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::ordered_json withClockOffsets(const nlohmann::ordered_json& report, const ClockOffsetEstimate* estimate,
                                        const std::vector<std::string>& names) {
  const nlohmann::ordered_json offsets = estimate ? clockOffsetsJson(*estimate, names) : nlohmann::ordered_json(nullptr);
  if (!report.is_object()) return report;
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  bool inserted = false;
  for (const auto& [key, value] : report.items()) {
    out[key] = value;
    if (key == "inputs") {
      out["clock_offsets"] = offsets;
      inserted = true;
    }
  }
  if (!inserted) out["clock_offsets"] = offsets;
  return out;
}

}  // namespace rs
