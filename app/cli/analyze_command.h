// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli analyze FILE... [key options] [--sta MAC] [--definition NAME] [--budget MS,MS,...]
//                       [--budget-definition NAME] [--report OUT.json|OUT.csv]
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/cli/key_options.h"

namespace rs::cli {

struct AnalyzeOptions {
  std::vector<std::string> files;
  KeyOptions keys;
  std::string station;
  std::string definition;
  std::string budget;            // "20,50,150,250" (docs/diagnostics.md); empty: the default thresholds
  std::string budgetDefinition;  // empty: reassoc-to-last-key, or the most specific definition that applies
  std::string report;
};

CLI::App* addAnalyzeCommand(CLI::App& app, AnalyzeOptions& options);
int runAnalyze(const AnalyzeOptions& options);

}  // namespace rs::cli
