// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli stats FILE... [--format text|json]
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace rs::cli {

struct StatsOptions {
  std::vector<std::string> files;
  std::string format = "text";
};

CLI::App* addStatsCommand(CLI::App& app, StatsOptions& options);
int runStats(const StatsOptions& options);

}  // namespace rs::cli
