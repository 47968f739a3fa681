// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Outcome of asking a format reader for the next frame.
#include <cstdint>

namespace rs {

enum class ScanStatus : std::uint8_t {
  Frame,  // a frame was decoded
  End,    // clean end of file
  Error,  // the file is damaged here; the FileError says where and how
};

}  // namespace rs
