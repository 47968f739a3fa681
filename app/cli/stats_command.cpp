// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/stats_command.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "app/cli/exit_codes.h"
#include "capture/index/capture_statistics.h"
#include "dissectors/common/field.h"
#include "dissectors/common/link_type.h"
#include "dissectors/ieee80211/names.h"

namespace rs::cli {

CLI::App* addStatsCommand(CLI::App& app, StatsOptions& o) {
  CLI::App* cmd = app.add_subcommand("stats", "Frame counts, time span, link types, 802.11 types and protocols");
  cmd->add_option("FILE", o.files, "capture files (pcap or pcapng)")->required();
  cmd->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return cmd;
}

namespace {

std::string typeSubtypeName(std::uint16_t ts) {
  return std::string(frameTypeName(static_cast<std::uint8_t>(ts >> 4), static_cast<std::uint8_t>(ts & 0x0f)));
}

nlohmann::ordered_json toJson(const std::string& name, const CaptureStatistics& s) {
  nlohmann::ordered_json j;
  j["file"] = name;
  j["frames"] = s.frames;
  j["bytes"] = s.bytes;
  j["first_timestamp_ns"] = s.firstTimestampNs;
  j["last_timestamp_ns"] = s.lastTimestampNs;
  j["span_seconds"] = s.spanSeconds();
  for (const auto& [lt, n] : s.framesPerLinkType) j["link_types"][std::to_string(lt)] = n;
  for (const auto& [ts, n] : s.framesPerTypeSubtype)
    j["wlan_type_subtype"][hexString(ts, 4)] = {{"name", typeSubtypeName(ts)}, {"frames", n}};
  for (std::uint32_t bit = 0; bit <= kProtoLastBit; ++bit)
    if (s.framesPerProtocol[bit]) j["protocols"][std::string(protocolBitName(1u << bit))] = s.framesPerProtocol[bit];
  j["truncated_frames"] = s.truncatedFrames;
  return j;
}

void printText(const std::string& name, const CaptureStatistics& s) {
  fmt::print("{}\n", name);
  fmt::print("  frames: {}   bytes: {}   span: {:.6f} s\n", s.frames, s.bytes, s.spanSeconds());
  for (const auto& [lt, n] : s.framesPerLinkType) fmt::print("  link type {:>3} {:<40} {:>10}\n", lt, linkTypeName(lt), n);
  if (!s.framesPerTypeSubtype.empty()) fmt::print("  802.11 type/subtype:\n");
  for (const auto& [ts, n] : s.framesPerTypeSubtype)
    fmt::print("    {} {:<40} {:>10}\n", hexString(ts, 4), typeSubtypeName(ts), n);
  fmt::print("  frames per protocol:\n");
  for (std::uint32_t bit = 0; bit <= kProtoLastBit; ++bit)
    if (s.framesPerProtocol[bit])
      fmt::print("    {:<12} {:>10}\n", protocolBitName(1u << bit), s.framesPerProtocol[bit]);
  if (s.truncatedFrames) fmt::print("  frames with a truncated header: {}\n", s.truncatedFrames);
}

}  // namespace

int runStats(const StatsOptions& o) {
  CaptureStatistics total;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  int code = kExitOk;
  for (const auto& path : o.files) {
    auto opened = openCapture(path);
    if (auto* err = std::get_if<FileError>(&opened)) {
      fmt::print(stderr, "roamscope-cli: {}\n", err->toString());
      code = kExitInput;
      continue;
    }
    auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
    CaptureStatistics s;
    forEachIndexedFrame(file, [&](const IndexedFrame& f) { s.add(f); });
    if (file.error()) {
      // Everything before the damage is counted; the damage is reported.
      fmt::print(stderr, "roamscope-cli: {}\n", file.error()->toString());
      code = kExitInput;
    }
    if (o.format == "json")
      all.push_back(toJson(path, s));
    else
      printText(path, s);
    total.merge(s);
  }
  if (o.files.size() > 1) {
    if (o.format == "json")
      all.push_back(toJson("total", total));
    else
      printText("total", total);
  }
  if (o.format == "json") fmt::print("{}\n", all.dump(2));
  return code;
}

}  // namespace rs::cli
