// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/capture_inputs.h"

#include <fmt/format.h>

#include <cstdio>
#include <variant>

namespace rs::cli {

CaptureInputs openCaptureInputs(const std::vector<std::string>& paths) {
  CaptureInputs in;
  for (const std::string& path : paths) {
    auto result = openCapture(path);
    if (auto* err = std::get_if<FileError>(&result)) {
      fmt::print(stderr, "roamscope-cli: {}\n", err->toString());
      in.anyUnreadable = true;
      continue;
    }
    in.owned.push_back(std::move(std::get<std::unique_ptr<CaptureFile>>(result)));
    in.files.push_back(in.owned.back().get());
  }
  return in;
}

}  // namespace rs::cli
