// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One clear message for a capture file that cannot be read (DESIGN.md: "one
// clear error with the offset"), shared by every reader and writer.
#include <cstdint>
#include <string>

namespace rs {

struct FileError {
  std::string path;
  std::uint64_t offset = 0;  // byte offset in the file where the problem is
  std::string message;       // what is wrong, in the user's terms

  // "wpa.cap: offset 24: truncated record header (need 16 bytes, 3 left)"
  std::string toString() const;
};

}  // namespace rs
