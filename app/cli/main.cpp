// SPDX-License-Identifier: GPL-3.0-or-later
#include <CLI/CLI.hpp>

#include "core/version.h"

int main(int argc, char** argv) {
  CLI::App app{"roamscope-cli: dissect, analyse and emulate secure handoff"};
  app.set_version_flag("--version", std::string(rs::buildDescription()));
  CLI11_PARSE(app, argc, argv);
  return 0;
}
