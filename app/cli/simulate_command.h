// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli simulate SCENARIO [--seed N] [--duration S] [--pcap OUT.pcapng]
//                        [--report OUT.json|OUT.csv|OUT.html] [--trace OUT.txt] [--show-keys] [--keys-out FILE]
//                        [--set KEY=VALUE ...]
//                        [--sweep KEY=V1,V2,... ...] [--sweep-out OUT.csv|OUT.md|OUT.html]
//                        [--aaa-server HOST[:PORT] --aaa-secret S]
// Runs a scenario on the emulation core — the WLAN system of seed 000 and its
// comparators, or the Mobile IP system of seed 001 when the scenario has
// methods.mip (simulate_mip.h) — writes every capture point to one pcapng, and
// prints the emulator's ground truth: handoff records in the roam report's
// format, or registration records.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rs::cli {

struct SimulateOptions {
  std::string scenario;
  std::optional<std::uint64_t> seed;
  std::optional<double> durationSeconds;
  std::string pcap;
  std::string report;
  std::string trace;
  std::string keysOut;
  bool showKeys = false;
  std::vector<std::string> set;    // KEY=VALUE: the scenario's parameters changed for this run (or every sweep run)
  std::vector<std::string> sweep;  // KEY=V1,V2,... (sweep_runner.h)
  std::string sweepOut;
  std::string aaaServer;                 // Mobile IP: external RADIUS server HOST[:PORT]
  std::optional<std::string> aaaSecret;  // Mobile IP: its shared secret
};

CLI::App* addSimulateCommand(CLI::App& app, SimulateOptions& options);
int runSimulate(const SimulateOptions& options);

}  // namespace rs::cli
