// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The capture files a command reads together (analyze, keys): every readable
// one is opened, every unreadable one is reported once on stderr, and the
// command goes on with the others (exit code 2 at the end).
#include <memory>
#include <string>
#include <vector>

#include "capture/file/capture_file.h"

namespace rs::cli {

struct CaptureInputs {
  std::vector<std::unique_ptr<CaptureFile>> owned;
  std::vector<CaptureFile*> files;  // the opened ones, in command-line order
  bool anyUnreadable = false;
};

CaptureInputs openCaptureInputs(const std::vector<std::string>& paths);

}  // namespace rs::cli
