// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli dissect FILE [--frame N] [--format text|json] [-V] [--decode-as SPEC] [key options]
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "app/cli/key_options.h"

namespace rs::cli {

struct DissectOptions {
  std::string file;
  std::uint64_t frame = 0;  // 1-based like tshark; 0 = every frame
  std::string format = "text";
  bool verbose = false;  // text: full trees for every frame (tshark -V)
  std::string displayFilter;  // -Y: only the frames it matches (tshark -Y)
  std::vector<std::string> decodeAs;  // "udp.port==11812,radius"
  KeyOptions keys;
};

CLI::App* addDissectCommand(CLI::App& app, DissectOptions& options);
int runDissect(const DissectOptions& options);

}  // namespace rs::cli
