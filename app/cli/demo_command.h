// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli demo [--out FILE] [--seed N] [--show-keys] [-V]: writes the
// built-in WPA2 session to a pcapng file and dissects it back with its keys.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace rs::cli {

struct DemoOptions {
  std::string out = "roamscope-demo.pcapng";
  std::uint64_t seed = 1;
  bool showKeys = false;
  bool verbose = false;
};

CLI::App* addDemoCommand(CLI::App& app, DemoOptions& options);
int runDemo(const DemoOptions& options);

}  // namespace rs::cli
