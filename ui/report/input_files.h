// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report names its inputs with their sizes, so a reader can tell which
// version of a capture it was made from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rs::ui {

struct InputFile {
  std::string path;                         // as given on the command line
  std::optional<std::uintmax_t> sizeBytes;  // absent when the file cannot be read (it is still listed)
};

std::vector<InputFile> describeInputs(const std::vector<std::string>& paths);

}  // namespace rs::ui
