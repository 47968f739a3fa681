// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/simulate_command.h"

#include <fmt/format.h>

#include <fstream>

#include "app/cli/exit_codes.h"
#include "core/report/output_file.h"
#include "app/cli/html_report_file.h"
#include "app/cli/sweep_runner.h"
#include "capture/sim/pcapng_frame_sink.h"
#include "core/analysis/roam/roam_report.h"
#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/scenario.h"

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
  cmd->add_option("--sweep", o.sweep,
                  "vary a scenario key over values, one run each (repeat for a grid): "
                  "methods.wlan.handoff=full,seed000 or links.ds-radius.delay_us=500,5000");
  cmd->add_option("--sweep-out", o.sweepOut, "write the sweep's rows to OUT.csv, OUT.md or OUT.html (with a plot)");
  return cmd;
}

namespace {

// Writes each trace event as one line: time, node, kind, text (and a derivation's values).
class TraceFile : public sim::TraceSink {
 public:
  TraceFile(std::ofstream& out, const sim::Topology& topology, bool reveal)
      : out_(out), topology_(topology), reveal_(reveal) {}
  void onTrace(const sim::TraceEvent& e) override {
    const std::string node = e.node == sim::kNoNode ? "-" : topology_.node(e.node).name;
    out_ << fmt::format("{:>16} {:<8} {:<14} {}\n", sim::formatSimTime(e.time), node, sim::traceKindName(e.kind),
                        e.text);
    if (!e.derivation) return;
    out_ << fmt::format("{:>41} {}\n", "", e.derivation->name);
    for (const auto& v : e.derivation->inputs) out_ << fmt::format("{:>41} in  {} = {}\n", "", v.label, sim::displayValue(v, reveal_));
    for (const auto& v : e.derivation->outputs) out_ << fmt::format("{:>41} out {} = {}\n", "", v.label, sim::displayValue(v, reveal_));
  }

 private:
  std::ofstream& out_;
  const sim::Topology& topology_;
  bool reveal_;
};

}  // namespace

int runSimulate(const SimulateOptions& o) {
  if (!o.sweep.empty()) {
    if (!o.pcap.empty() || !o.report.empty() || !o.trace.empty() || !o.keysOut.empty()) {
      fmt::print(stderr, "roamscope-cli: --pcap, --report and --trace describe one run; a sweep writes --sweep-out\n");
      return kExitUsage;
    }
    return runSweep(SweepRequest{o.scenario, o.sweep, o.seed, o.durationSeconds, o.sweepOut});
  }
  if (!o.report.empty() && !hasExtension(o.report, ".json") && !hasExtension(o.report, ".csv") && !hasExtension(o.report, ".html")) {
    fmt::print(stderr, "roamscope-cli: --report: '{}' must end in .json, .csv or .html\n", o.report);
    return kExitUsage;
  }
  auto loaded = sim::loadScenario(o.scenario);
  if (auto* error = std::get_if<sim::ConfigError>(&loaded)) {
    fmt::print(stderr, "roamscope-cli: {}\n", error->message());
    return kExitInput;
  }
  sim::Scenario scenario = std::get<sim::Scenario>(std::move(loaded));
  if (o.durationSeconds) scenario.duration = sim::fromSeconds(*o.durationSeconds);
  auto created = wlan::WlanNetwork::create(scenario, o.seed);
  if (auto* error = std::get_if<std::string>(&created)) {
    fmt::print(stderr, "roamscope-cli: {}\n", *error);
    return kExitInput;
  }
  auto& network = *std::get<std::unique_ptr<wlan::WlanNetwork>>(created);

  std::unique_ptr<PcapngFrameSink> pcap;
  if (!o.pcap.empty()) {
    auto sink = PcapngFrameSink::create(
        o.pcap, fmt::format("RoamScope emulation of {} (seed {})", scenario.name.empty() ? o.scenario : scenario.name,
                            network.simulation().seed()));
    if (auto* error = std::get_if<FileError>(&sink)) {
      fmt::print(stderr, "roamscope-cli: {}: {}\n", o.pcap, error->message);
      return kExitInput;
    }
    pcap = std::get<std::unique_ptr<PcapngFrameSink>>(std::move(sink));
    network.simulation().setFrameSink(pcap.get());
  }
  std::ofstream traceOut;
  std::unique_ptr<TraceFile> traceFile;
  if (!o.trace.empty()) {
    traceOut.open(o.trace, std::ios::trunc);
    if (!traceOut) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the trace\n", o.trace);
      return kExitInput;
    }
    traceFile = std::make_unique<TraceFile>(traceOut, network.simulation().topology(), o.showKeys);
    network.simulation().addTraceSink(traceFile.get());
  }

  const wlan::WlanRunSummary summary = network.run();
  if (pcap && !pcap->close()) {
    fmt::print(stderr, "roamscope-cli: {}: writing the capture failed\n", o.pcap);
    return kExitInput;
  }
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
  if (pcap) fmt::print("Capture: {} ({} frames)\n", o.pcap, pcap->framesWritten());
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
