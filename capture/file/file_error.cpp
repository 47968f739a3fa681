// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/file_error.h"

#include <fmt/format.h>

namespace rs {

std::string FileError::toString() const { return fmt::format("{}: offset {}: {}", path, offset, message); }

}  // namespace rs
