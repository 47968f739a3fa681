// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli analyze FILE... [key options] [--sta MAC] [--definition NAME] [--budget MS,MS,...]
//                       [--budget-definition NAME] [--no-clock-offsets] [--report OUT.json|OUT.csv|OUT.html]
//                       [--registrations OUT.json|OUT.csv]
// Mobile IP registrations in the captures are printed after the handoffs (docs/latency.md "From a capture").
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/cli/key_options.h"

namespace rs::cli {

struct AnalyzeOptions {
  std::vector<std::string> files;
  KeyOptions keys;
  std::vector<std::string> decodeAs;  // "udp.port==11812,radius"
  std::string station;
  std::string definition;
  std::string budget;            // "20,50,150,250" (docs/diagnostics.md); empty: the default thresholds
  std::string budgetDefinition;  // empty: reassoc-to-last-key, or the most specific definition that applies
  std::string report;
  std::string registrations;  // --registrations: the Mobile IP registration report (docs/report-format.md)
  bool noClockOffsets = false;  // --no-clock-offsets: merge on the files' own clocks
};

CLI::App* addAnalyzeCommand(CLI::App& app, AnalyzeOptions& options);
int runAnalyze(const AnalyzeOptions& options);

}  // namespace rs::cli
