// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli: the headless front end. Each subcommand lives in its own file;
// this only parses the command line and dispatches.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>

#include "app/cli/aaa_check_command.h"
#include "app/cli/analyze_command.h"
#include "app/cli/demo_command.h"
#include "app/cli/dissect_command.h"
#include "app/cli/exit_codes.h"
#include "app/cli/keys_command.h"
#include "app/cli/simulate_command.h"
#include "app/cli/stats_command.h"
#include "core/version.h"

int main(int argc, char** argv) {
  using namespace rs::cli;
  CLI::App app{"roamscope-cli: dissect, analyse and emulate secure handoff in wireless and mobile networks"};
  app.set_version_flag("--version", std::string(rs::buildDescription()));
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 usage error, 2 input error (missing/unreadable/damaged file), "
      "3 verification failed (no MIC verified with the given keys), 4 internal error.");

  AnalyzeOptions analyze;
  DissectOptions dissect;
  StatsOptions stats;
  DemoOptions demo;
  KeysOptions keys;
  SimulateOptions simulate;
  AaaCheckOptions aaaCheck;
  CLI::App* analyzeCmd = addAnalyzeCommand(app, analyze);
  CLI::App* dissectCmd = addDissectCommand(app, dissect);
  CLI::App* statsCmd = addStatsCommand(app, stats);
  CLI::App* demoCmd = addDemoCommand(app, demo);
  CLI::App* keysCmd = addKeysCommand(app, keys);
  CLI::App* simulateCmd = addSimulateCommand(app, simulate);
  CLI::App* aaaCheckCmd = addAaaCheckCommand(app, aaaCheck);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (analyzeCmd->parsed()) return runAnalyze(analyze);
    if (dissectCmd->parsed()) return runDissect(dissect);
    if (statsCmd->parsed()) return runStats(stats);
    if (demoCmd->parsed()) return runDemo(demo);
    if (keysCmd->parsed()) return runKeys(keys);
    if (simulateCmd->parsed()) return runSimulate(simulate);
    if (aaaCheckCmd->parsed()) return runAaaCheck(aaaCheck);
  } catch (const std::exception& e) {
    // Peer-supplied data never throws; reaching here is a bug (or out of memory).
    fmt::print(stderr, "roamscope-cli: internal error: {}\n", e.what());
    return kExitInternal;
  }
  return kExitUsage;
}
