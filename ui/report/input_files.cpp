// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/input_files.h"

#include <filesystem>
#include <system_error>

namespace rs::ui {

std::vector<InputFile> describeInputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const std::string& path : paths) {
    InputFile f{path, std::nullopt};
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
      const std::uintmax_t size = std::filesystem::file_size(path, ec);
      if (!ec) f.sizeBytes = size;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace rs::ui
