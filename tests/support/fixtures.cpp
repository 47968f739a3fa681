// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fixtures.h"

#include <filesystem>

namespace rs::test {

std::string fixturePath(const std::string& relative) {
  return (std::filesystem::path(ROAMSCOPE_FIXTURES_DIR) / relative).string();
}

bool fixtureExists(const std::string& relative) {
  std::error_code ec;
  return std::filesystem::exists(fixturePath(relative), ec);
}

}  // namespace rs::test
