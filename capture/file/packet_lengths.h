// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The length rules every capture writer enforces on a packet before writing it.
#include <cstdint>
#include <optional>

#include "capture/file/output_sink.h"
#include "dissectors/common/bytes.h"

namespace rs {

// The original length to record for `data` (0 means "as captured"), or
// nullopt after failing `sink` with the reason: more than kMaxCapturedLength
// bytes, or an original length smaller than what was captured.
std::optional<std::uint32_t> checkedOriginalLength(OutputSink& sink, ByteView data, std::uint32_t originalLength);

}  // namespace rs
