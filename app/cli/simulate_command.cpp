// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/simulate_command.h"

#include <fmt/format.h>


#include "app/cli/exit_codes.h"
#include "core/report/output_file.h"
#include "app/cli/html_report_file.h"
#include "app/cli/sweep_runner.h"
#include "app/cli/simulate_mip.h"
#include "app/cli/simulation_outputs.h"
#include "core/protocols/mip/mip_settings.h"
#include "core/protocols/scenario_with_overrides.h"
#include "core/analysis/roam/roam_report.h"
#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/json_cursor.h"
#include "core/sim/scenario.h"
#include "core/sim/scenario_override.h"

namespace rs::cli {

CLI::App* addSimulateCommand(CLI::App& app, SimulateOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Run a scenario in the deterministic emulation; print the ground-truth handoffs");
  cmd->add_option("SCENARIO", o.scenario, "scenario file (JSON, docs/emulation.md; presets in resources/scenarios)")
      ->required();
  cmd->add_option("--seed", o.seed, "seed of the run (default: the scenario's)");
  cmd->add_option("--duration", o.durationSeconds, "virtual seconds to run (default: the scenario's duration_s)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--pcap", o.pcap, "write every capture point to OUT.pcapng (one interface per point)");
  cmd->add_option("--report", o.report, "write the ground-truth report to OUT.json, OUT.csv or OUT.html");
  cmd->add_option("--trace", o.trace, "write the explanatory trace of every step to OUT.txt");
  cmd->add_flag("--show-keys", o.showKeys, "show key material in the trace (masked by default)");
  cmd->add_option("--keys-out", o.keysOut,
                  "write every PMK, TK and GTK the APs installed as a Wireshark 80211_keys file (keys in clear)");
  cmd->add_option("--set", o.set,
                  "change one parameter of the scenario, KEY=VALUE with a dotted key as --sweep takes it "
                  "(methods.mip.fa_challenge=true); repeatable");
  cmd->add_option("--sweep", o.sweep,
                  "vary a scenario key over values, one run each (repeat for a grid): "
                  "methods.wlan.handoff=full,seed000 or links.ds-radius.delay_us=500,5000");
  cmd->add_option("--sweep-out", o.sweepOut, "write the sweep's rows to OUT.csv, OUT.md or OUT.html (with a plot)");
  cmd->add_option("--aaa-server", o.aaaServer,
                  "Mobile IP: send the home agents' RADIUS requests to this server (HOST[:PORT], port 1812 by "
                  "default) instead of the scenario's embedded AAA server");
  cmd->add_option("--aaa-secret", o.aaaSecret, "Mobile IP: the RADIUS shared secret for the AAA server");
  return cmd;
}

int runSimulate(const SimulateOptions& o) {
  std::vector<sim::ScenarioOverride> overrides;
  for (const auto& spec : o.set) {
    auto parsed = sim::parseOverride(spec);
    if (!parsed) {
      fmt::print(stderr, "roamscope-cli: {}\n", sim::badOverrideMessage(spec));
      return kExitUsage;
    }
    overrides.push_back(std::move(*parsed));
  }
  // A key the scenario has no place for is a usage error, as for --sweep (checked on the file's JSON first).
  if (!overrides.empty()) {
    auto document = sim::readJsonFile(o.scenario);
    if (auto* error = std::get_if<sim::ConfigError>(&document)) {
      fmt::print(stderr, "roamscope-cli: {}\n", error->message());
      return kExitInput;
    }
    for (const auto& change : overrides)
      if (auto error = sim::applyOverride(std::get<nlohmann::json>(document), change, o.scenario)) {
        fmt::print(stderr, "roamscope-cli: {}\n", sim::badOverrideKeyMessage(change.path, *error));
        return kExitUsage;
      }
  }
  if (!o.sweep.empty()) {
    if (!o.pcap.empty() || !o.report.empty() || !o.trace.empty() || !o.keysOut.empty()) {
      fmt::print(stderr, "roamscope-cli: --pcap, --report and --trace describe one run; a sweep writes --sweep-out\n");
      return kExitUsage;
    }
    return runSweep(SweepRequest{o.scenario, o.sweep, overrides, o.seed, o.durationSeconds, o.sweepOut});
  }
  if (!o.report.empty() && !hasExtension(o.report, ".json") && !hasExtension(o.report, ".csv") && !hasExtension(o.report, ".html")) {
    fmt::print(stderr, "roamscope-cli: --report: '{}' must end in .json, .csv or .html\n", o.report);
    return kExitUsage;
  }
  // With --set, the file's JSON changed and checked as the desktop's editor does (a bad key names itself).
  auto loaded = overrides.empty() ? sim::loadScenario(o.scenario)
                                  : protocols::loadScenarioWithOverrides(o.scenario, overrides);
  if (auto* error = std::get_if<sim::ConfigError>(&loaded)) {
    fmt::print(stderr, "roamscope-cli: {}\n", error->message());
    return kExitInput;
  }
  sim::Scenario scenario = std::get<sim::Scenario>(std::move(loaded));
  if (o.durationSeconds) scenario.duration = sim::fromSeconds(*o.durationSeconds);
  if (mip::isMipScenario(scenario)) return runMipSimulate(o, scenario);
  if (!o.aaaServer.empty() || o.aaaSecret) {
    fmt::print(stderr, "roamscope-cli: --aaa-server and --aaa-secret apply to Mobile IP scenarios (methods.mip)\n");
    return kExitUsage;
  }
  auto created = wlan::WlanNetwork::create(scenario, o.seed);
  if (auto* error = std::get_if<std::string>(&created)) {
    fmt::print(stderr, "roamscope-cli: {}\n", *error);
    return kExitInput;
  }
  auto& network = *std::get<std::unique_ptr<wlan::WlanNetwork>>(created);
  auto outputs = SimulationOutputs::open(
      network.simulation(), o.pcap, o.trace, o.showKeys,
      fmt::format("RoamScope emulation of {} (seed {})", scenario.name.empty() ? o.scenario : scenario.name,
                  network.simulation().seed()));
  if (!outputs) return kExitInput;

  const wlan::WlanRunSummary summary = network.run();
  if (!outputs->close()) return kExitInput;
  if (!o.keysOut.empty()) {
    if (!writeOutputFile(o.keysOut, network.keys().wiresharkKeysFile())) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the keys\n", o.keysOut);
      return kExitInput;
    }
  }
  roam::ReportContext context;
  context.inputs = {o.scenario};
  const auto& records = network.truth().records();
  fmt::print("Scenario {} (seed {}): {} events, {} of virtual time; method {}, security {}\n",
             scenario.name.empty() ? o.scenario : scenario.name, network.simulation().seed(), summary.events,
             sim::formatSimTime(summary.endTime), wlan::handoffMethodName(network.settings().handoff),
             wlan::securityName(network.settings().security));
  std::uint64_t sent = 0, skipped = 0, received = 0;
  for (const auto& s : summary.stations) {
    sent += s.uplinkSent;
    skipped += s.uplinkSkipped;
    received += s.downlinkReceived;
  }
  if (summary.server.downlinkSent || sent)
    fmt::print("Voice flow: uplink {} sent, {} not sent (no link), {} received by the server; downlink {} sent, {} "
               "received by stations\n",
               sent, skipped, summary.server.uplinkReceived, summary.server.downlinkSent, received);
  if (auto frames = outputs->framesWritten()) fmt::print("Capture: {} ({} frames)\n", o.pcap, *frames);
  fmt::print("{}", roam::reportText(records, context));
  if (!o.report.empty()) {
    const std::string text = hasExtension(o.report, ".json")   ? roam::reportJson(records, context).dump(2) + "\n"
                             : hasExtension(o.report, ".html") ? htmlReport(records, context)
                                                           : roam::reportCsv(records, context);
    if (!writeOutputFile(o.report, text)) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the report\n", o.report);
      return kExitInput;
    }
  }
  return kExitOk;
}

}  // namespace rs::cli
