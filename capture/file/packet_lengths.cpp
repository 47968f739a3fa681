// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/packet_lengths.h"

#include <fmt/format.h>

#include "capture/file/capture_frame.h"

namespace rs {

std::optional<std::uint32_t> checkedOriginalLength(OutputSink& sink, ByteView data, std::uint32_t originalLength) {
  if (data.size() > kMaxCapturedLength) {
    sink.fail(fmt::format("packet of {} bytes exceeds the maximum captured length of {}", data.size(),
                          kMaxCapturedLength));
    return std::nullopt;
  }
  const auto captured = static_cast<std::uint32_t>(data.size());
  if (originalLength == 0) return captured;
  if (originalLength < captured) {
    sink.fail(fmt::format("original length {} is smaller than the {} captured bytes", originalLength, captured));
    return std::nullopt;
  }
  return originalLength;
}

}  // namespace rs
