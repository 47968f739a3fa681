// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/analyze_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "app/cli/decode_as_option.h"
#include "app/cli/capture_inputs.h"
#include "app/cli/exit_codes.h"
#include "core/report/output_file.h"
#include "app/cli/html_report_file.h"
#include "capture/merge/clock_offset_report.h"
#include "capture/merge/merged_frame_stream.h"
#include "core/analysis/mip/registration_analyzer.h"
#include "core/analysis/mip/registration_report.h"
#include "core/analysis/roam/latency_budget.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "core/analysis/roam/roam_report.h"

namespace rs::cli {

CLI::App* addAnalyzeCommand(CLI::App& app, AnalyzeOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "analyze", "Find every handoff in captures (merged by timestamp): method, outcome, phases, latency");
  cmd->add_option("FILE", o.files, "capture files (pcap or pcapng); several are merged by timestamp")->required();
  o.keys.addTo(*cmd);
  addDecodeAsOption(*cmd, o.decodeAs);
  cmd->add_option("--sta", o.station, "only this station (MAC address)");
  std::vector<std::string> names;
  for (int i = 0; i < roam::kDefinitionCount; ++i)
    names.emplace_back(roam::definitionName(static_cast<roam::Definition>(i)));
  cmd->add_option("--definition", o.definition, "report only this latency definition (docs/latency.md)")
      ->check(CLI::IsMember(names));
  cmd->add_option("--budget", o.budget,
                  "latency budget thresholds in ms, ascending, comma-separated (default 20,50,150,250)");
  cmd->add_option("--budget-definition", o.budgetDefinition,
                  "latency definition the budget classes use (default: reassoc-to-last-key, else the most specific "
                  "one that applies; docs/diagnostics.md)")
      ->check(CLI::IsMember(names));
  cmd->add_flag("--no-clock-offsets", o.noClockOffsets,
                "merge several files on their own clocks, without estimating clock offsets from shared frames");
  cmd->add_option("--report", o.report,
                  "write the report to OUT.json, OUT.csv or OUT.html (format from the extension; HTML: "
                  "self-contained, with plots)");
  cmd->add_option("--registrations", o.registrations,
                  "write the Mobile IP registrations to OUT.json, OUT.csv or OUT.html (docs/report-format.md, \"Registration "
                  "report\")");
  return cmd;
}

int runAnalyze(const AnalyzeOptions& o) {
  std::string decodeAsError;
  if (!applyDecodeAs(o.decodeAs, decodeAsError)) {
    fmt::print(stderr, "roamscope-cli: {}\n", decodeAsError);
    return kExitUsage;
  }
  roam::ReportContext context;
  context.inputs = o.files;
  if (!o.definition.empty()) context.onlyDefinition = roam::definitionFromName(o.definition);
  std::optional<MacAddress> station;
  if (!o.station.empty()) {
    station = MacAddress::parse(o.station);
    if (!station) {
      fmt::print(stderr, "roamscope-cli: --sta: '{}' is not a MAC address\n", o.station);
      return kExitUsage;
    }
    context.station = station->toString();
  }
  roam::TrackerConfig config;
  if (!o.budget.empty()) {
    std::string error;
    auto thresholds = roam::parseBudgetThresholds(o.budget, error);
    if (!thresholds) {
      fmt::print(stderr, "roamscope-cli: --budget: {}\n", error);
      return kExitUsage;
    }
    config.budget.thresholdsNs = std::move(*thresholds);
  }
  if (!o.budgetDefinition.empty()) config.budget.definition = roam::definitionFromName(o.budgetDefinition);
  context.budget = config.budget;
  const bool json = hasExtension(o.report, ".json");
  const bool html = hasExtension(o.report, ".html");
  if (!o.report.empty() && !json && !html && !hasExtension(o.report, ".csv")) {
    fmt::print(stderr, "roamscope-cli: --report: '{}' must end in .json, .csv or .html\n", o.report);
    return kExitUsage;
  }
  const bool registrationsJson = hasExtension(o.registrations, ".json");
  const bool registrationsHtml = hasExtension(o.registrations, ".html");
  if (!o.registrations.empty() && !registrationsJson && !registrationsHtml && !hasExtension(o.registrations, ".csv")) {
    fmt::print(stderr, "roamscope-cli: --registrations: '{}' must end in .json, .csv or .html\n", o.registrations);
    return kExitUsage;
  }
  KeyRing ring;
  std::string keyError;
  if (!o.keys.buildKeyRing(ring, keyError)) {
    fmt::print(stderr, "roamscope-cli: {}\n", keyError);
    return kExitUsage;
  }
  context.keysGiven = !ring.empty();

  // Every readable input is analysed; each unreadable one is reported once and makes the exit code 2.
  int code = kExitOk;
  const CaptureInputs inputs = openCaptureInputs(o.files);
  if (inputs.anyUnreadable) code = kExitInput;
  const std::vector<CaptureFile*>& files = inputs.files;

  roam::RoamAnalyzer analyzer(context.keysGiven ? &ring : nullptr, config);
  analyzer.setStationFilter(station);
  // Each file's clock offset from the frames the files share, removed before merging (docs/latency.md).
  std::vector<std::string> names;
  for (CaptureFile* f : files) names.push_back(f->path());
  std::optional<ClockOffsetEstimate> offsets;
  if (files.size() > 1 && !o.noClockOffsets) {
    offsets = estimateClockOffsets(files);
    for (std::size_t i = 0; i < files.size(); ++i) fmt::print(stderr, "{}\n", clockOffsetLine(*offsets, i, names));
    fmt::print(stderr, "clock offsets estimated in {:.1f} ms\n", static_cast<double>(offsets->elapsedNs) / 1e6);
  }
  MergedFrameStream stream(files, offsets ? offsets->offsetsNs() : std::vector<std::int64_t>{});
  // Mobile IP registrations ride in the same captures (the MN's links and the backbone): one pass feeds both.
  mipreg::RegistrationAnalyzer registrations;
  FrameView frame;
  while (stream.next(frame)) {
    analyzer.observe(frame);
    registrations.observe(frame);
  }
  analyzer.finish();
  registrations.finish();
  if (files.size() > 1)
    fmt::print(stderr, "merged {} files by timestamp; {} duplicate frame(s) heard by two adapters dropped\n",
               files.size(), stream.duplicatesDropped());
  for (CaptureFile* f : files) {
    if (f->error()) {
      // The frames before the damage were analysed; the damage itself is an input error.
      fmt::print(stderr, "roamscope-cli: {}\n", f->error()->toString());
      code = kExitInput;
    }
  }

  if (const HandshakeTracker* keys = analyzer.handshakes()) {
    const KeyCheckSummary s = keys->summary();
    fmt::print(stderr, "keys: {} handshake(s), {} verified; {}/{} MICs valid; {}/{} PMKIDs valid\n", s.handshakes,
               s.verifiedHandshakes, s.micValid, s.micChecked, s.pmkidValid, s.pmkidChecked);
    // As for dissect: keys were given and checked, but none of them verified a MIC.
    if (code == kExitOk && s.micChecked > 0 && s.micValid == 0) code = kExitVerification;
  }
  const auto records = analyzer.recordsByTime();
  std::vector<std::string> offsetLines;
  if (offsets)
    for (std::size_t i = 0; i < files.size(); ++i) offsetLines.push_back(clockOffsetLine(*offsets, i, names));
  fmt::print("{}", roam::reportText(records, context));
  if (!registrations.records().empty())
    fmt::print("\nMobile IP registrations\n{}", mipreg::registrationReportText(registrations.records()));
  std::fflush(stdout);
  if (!o.registrations.empty()) {
    const mipreg::RegistrationReportContext registrationContext{o.files};
    const std::string text =
        registrationsJson ? mipreg::registrationReportJson(registrations.records(), registrationContext).dump(2) + "\n"
        : registrationsHtml ? registrationHtmlReport(registrations.records(), registrationContext)
                            : mipreg::registrationReportCsv(registrations.records());
    if (!writeOutputFile(o.registrations, text)) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the registration report\n", o.registrations);
      return kExitInput;
    }
  }
  if (!o.report.empty()) {
    const std::string text =
        json   ? withClockOffsets(roam::reportJson(records, context), offsets ? &*offsets : nullptr, names).dump(2) + "\n"
        : html ? htmlReport(records, context, offsetLines)
               : roam::reportCsv(records, context);
    if (!writeOutputFile(o.report, text)) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the report\n", o.report);
      return kExitInput;
    }
  }
  return code;
}

}  // namespace rs::cli
