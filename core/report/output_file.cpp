// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/output_file.h"

#include <fstream>

namespace rs {

bool hasExtension(const std::string& path, std::string_view extension) {
  return path.size() >= extension.size() && path.compare(path.size() - extension.size(), extension.size(), extension) == 0;
}

bool writeOutputFile(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  return static_cast<bool>(out);
}

}  // namespace rs
