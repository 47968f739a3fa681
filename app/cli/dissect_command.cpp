// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/dissect_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "app/cli/decode_as_option.h"
#include "app/cli/exit_codes.h"
#include "dissectors/common/display_filter.h"
#include "capture/file/capture_file.h"
#include "core/analysis/handshake_tracker.h"
#include "core/analysis/key_annotator.h"
#include "core/analysis/radius_key_annotator.h"
#include "core/report/dissection_output.h"
#include "dissectors/dispatch.h"

namespace rs::cli {

CLI::App* addDissectCommand(CLI::App& app, DissectOptions& o) {
  CLI::App* cmd = app.add_subcommand("dissect", "Dissect a pcap/pcapng file: packet list, field trees, keys");
  cmd->add_option("FILE", o.file, "capture file (pcap or pcapng)")->required();
  cmd->add_option("--frame", o.frame, "show the full field tree of frame N (1-based)")->check(CLI::PositiveNumber);
  cmd->add_option("--format", o.format, "text (packet list / trees) or json (field trees)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("-V,--verbose", o.verbose, "text: print the full field tree of every frame");
  cmd->add_option("-Y,--display-filter", o.displayFilter,
                  "only the frames this display filter matches, in Wireshark's syntax: eapol && wlan.sa == "
                  "02:00:00:00:01:00, radius.code == 2 (fields of docs/fields.md)");
  addDecodeAsOption(*cmd, o.decodeAs);
  o.keys.addTo(*cmd);
  return cmd;
}

namespace {

std::string summaryLine(std::uint64_t number, double seconds, const CaptureFrame& f, const Dissection& d) {
  return fmt::format("{:>6} {:>12.6f} {:>17} → {:<17} {:<8} {:>5} {}", number, seconds, d.source, d.destination,
                     d.protocol, f.originalLength, infoColumn(d));
}

nlohmann::ordered_json frameJson(std::uint64_t number, const CaptureFrame& f, const Dissection& d,
                                 const OutputOptions& out) {
  nlohmann::ordered_json j;
  j["frame.number"] = number;
  j["frame.time_epoch"] = fmt::format("{}.{:09}", f.timestampNs / 1000000000, f.timestampNs % 1000000000);
  j["frame.interface_id"] = f.interfaceId;
  j["frame.len"] = f.originalLength;
  j["frame.cap_len"] = f.capturedLength;
  j["frame.protocols"] = d.protocols();
  if (!f.comment.empty()) j["frame.comment"] = std::string(f.comment);
  if (d.malformed) {
    j["malformed"] = {{"offset", d.malformedOffset}, {"reason", d.malformedReason}};
  }
  j["layers"] = layersToJson(d, out);
  return j;
}

}  // namespace

int runDissect(const DissectOptions& o) {
  std::string decodeAsError;
  if (!applyDecodeAs(o.decodeAs, decodeAsError)) {
    fmt::print(stderr, "roamscope-cli: {}\n", decodeAsError);
    return kExitUsage;
  }
  auto compiled = DisplayFilter::compile(o.displayFilter);
  if (auto* error = std::get_if<FilterError>(&compiled)) {
    fmt::print(stderr, "roamscope-cli: -Y: {} at character {}: {}\n", error->message, error->position + 1,
               o.displayFilter);
    return kExitUsage;
  }
  const DisplayFilter& filter = std::get<DisplayFilter>(compiled);
  auto opened = openCapture(o.file);
  if (auto* err = std::get_if<FileError>(&opened)) {
    fmt::print(stderr, "roamscope-cli: {}\n", err->toString());
    return kExitInput;
  }
  auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);

  KeyRing ring;
  std::string keyError;
  if (!o.keys.buildKeyRing(ring, keyError)) {
    fmt::print(stderr, "roamscope-cli: {}\n", keyError);
    return kExitUsage;
  }
  // Pass 1 (only with keys): follow every handshake, so that message 2 can be
  // checked with message 3's ANonce and every data frame finds its key.
  std::optional<HandshakeTracker> tracker;
  if (!ring.empty()) {
    tracker.emplace(ring);
    CaptureFrame f;
    while (file.next(f)) tracker->observe(toFrameView(f));
    file.rewind();
  }

  const OutputOptions out{o.keys.showKeys};
  const bool json = o.format == "json";
  auto dissectOne = [&](const CaptureFrame& f) {
    Dissection d = dissectFrame(f.linkType, f.data);
    if (tracker) {
      annotateKeys(*tracker, toFrameView(f), d);
      annotateRadiusKeys(tracker->radiusRecovery(), ring, toFrameView(f), d);
    }
    return d;
  };

  std::int64_t firstTimestamp = 0;
  if (auto first = file.frame(0)) firstTimestamp = first->timestampNs;

  if (o.frame) {
    auto f = file.frame(o.frame - 1);
    if (!f) {
      file.indexAll();
      fmt::print(stderr, "roamscope-cli: {}: no frame {} (the file has {} frames)\n", o.file, o.frame,
                 file.indexedFrames());
      return file.error() ? kExitInput : kExitUsage;
    }
    const Dissection d = dissectOne(*f);
    if (json)
      fmt::print("{}\n", frameJson(o.frame, *f, d, out).dump(2));
    else
      fmt::print("Frame {}: {} bytes on wire, {} bytes captured, interface {}\n{}", o.frame, f->originalLength,
                 f->capturedLength, f->interfaceId, formatTreeText(d, out));
  } else {
    if (json) fmt::print("[\n");
    CaptureFrame f;
    bool firstOut = true;
    while (file.next(f)) {
      const Dissection d = dissectOne(f);
      if (!filter.matches(d)) continue;
      const std::uint64_t number = f.index + 1;
      if (json) {
        fmt::print("{}{}", firstOut ? "" : ",\n", frameJson(number, f, d, out).dump(2));
      } else {
        fmt::print("{}\n", summaryLine(number, static_cast<double>(f.timestampNs - firstTimestamp) / 1e9, f, d));
        if (o.verbose) fmt::print("{}\n", formatTreeText(d, out));
      }
      firstOut = false;
    }
    if (json) fmt::print("\n]\n");
  }
  std::fflush(stdout);

  int code = kExitOk;
  if (file.error()) {
    fmt::print(stderr, "roamscope-cli: {}\n", file.error()->toString());
    code = kExitInput;
  }
  if (tracker) {
    const KeyCheckSummary s = tracker->summary();
    fmt::print(stderr,
               "keys: {} handshake(s), {} verified; {}/{} MICs valid; {}/{} PMKIDs valid; {} group key(s); "
               "{} key anomaly(ies), {} retransmission(s)\n",
               s.handshakes, s.verifiedHandshakes, s.micValid, s.micChecked, s.pmkidValid, s.pmkidChecked,
               s.groupKeys, s.anomalies, s.retransmissions);
    if (!ring.radiusSecrets().empty()) {
      const RadiusMskRecovery& r = tracker->radiusRecovery();
      fmt::print(stderr, "radius: {} Access-Accept(s) matched, {} key(s) recovered\n", r.findings().size(),
                 r.recovered());
      for (const auto& f : r.findings())
        fmt::print(stderr, "  frame {}: {}{}\n", f.frame + 1, radiusMskVerdictName(f.verdict),
                   f.secretIndex ? fmt::format(" (shared secret #{})", *f.secretIndex + 1) : std::string());
    }
    if (code == kExitOk && s.micChecked > 0 && s.micValid == 0) code = kExitVerification;
  }
  return code;
}

}  // namespace rs::cli
