// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// --decode-as udp.port==PORT,PROTOCOL (Wireshark's -d syntax) for the commands
// that dissect or analyse captures: RADIUS on a non-standard port, e.g. a
// test server on 11812. Applied once, before the capture is read.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace rs::cli {

void addDecodeAsOption(CLI::App& command, std::vector<std::string>& specs);
// Registers every specification; false with `error` naming the bad one.
bool applyDecodeAs(const std::vector<std::string>& specs, std::string& error);

}  // namespace rs::cli
