// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One frame of the pipeline's frame stream (DESIGN.md: "timestamp, link type,
// bytes, capture point"), as the analysis sees it whatever produced it: a
// capture file, a live capture or the emulation core. The bytes are borrowed.
#include <cstdint>

#include "dissectors/common/bytes.h"

namespace rs {

struct FrameView {
  std::uint64_t index = 0;        // 0-based position in the stream
  std::int64_t timestampNs = 0;   // nanoseconds since the Unix epoch (or virtual time)
  std::uint32_t linkType = 0;     // pcap LINKTYPE_*
  std::uint32_t capturePoint = 0; // pcapng interface id / emulated capture point
  ByteView data;
};

}  // namespace rs
