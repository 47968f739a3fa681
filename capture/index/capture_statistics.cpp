// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/index/capture_statistics.h"

#include <algorithm>

namespace rs {

void CaptureStatistics::add(const IndexedFrame& f) {
  if (frames == 0) {
    firstTimestampNs = lastTimestampNs = f.timestampNs;
  } else {
    // Captures are not always in time order (multi-interface pcapng): keep the extremes.
    firstTimestampNs = std::min(firstTimestampNs, f.timestampNs);
    lastTimestampNs = std::max(lastTimestampNs, f.timestampNs);
  }
  ++frames;
  bytes += f.originalLength;
  ++framesPerLinkType[f.linkType];
  if (f.cls.typeSubtype != 0xffff) ++framesPerTypeSubtype[f.cls.typeSubtype];
  for (std::uint32_t bit = 0; bit <= kProtoLastBit; ++bit)
    if (f.cls.protocols & (1u << bit)) ++framesPerProtocol[bit];
  truncatedFrames += f.cls.truncated;
}

void CaptureStatistics::merge(const CaptureStatistics& o) {
  if (o.frames == 0) return;
  if (frames == 0) {
    firstTimestampNs = o.firstTimestampNs;
    lastTimestampNs = o.lastTimestampNs;
  } else {
    firstTimestampNs = std::min(firstTimestampNs, o.firstTimestampNs);
    lastTimestampNs = std::max(lastTimestampNs, o.lastTimestampNs);
  }
  frames += o.frames;
  bytes += o.bytes;
  for (const auto& [k, v] : o.framesPerLinkType) framesPerLinkType[k] += v;
  for (const auto& [k, v] : o.framesPerTypeSubtype) framesPerTypeSubtype[k] += v;
  for (std::size_t i = 0; i < framesPerProtocol.size(); ++i) framesPerProtocol[i] += o.framesPerProtocol[i];
  truncatedFrames += o.truncatedFrames;
}

}  // namespace rs
