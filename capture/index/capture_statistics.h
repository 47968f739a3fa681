// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The quick look at a new capture (`roamscope-cli stats`): frame count, time
// span, link types, frames per 802.11 type/subtype and per protocol — counted
// from the indexing pass alone, so it runs at indexing speed.
#include <array>
#include <cstdint>
#include <map>

#include "capture/index/frame_index.h"

namespace rs {

struct CaptureStatistics {
  std::uint64_t frames = 0;
  std::uint64_t bytes = 0;  // sum of original lengths
  std::int64_t firstTimestampNs = 0;
  std::int64_t lastTimestampNs = 0;
  std::map<std::uint32_t, std::uint64_t> framesPerLinkType;
  std::map<std::uint16_t, std::uint64_t> framesPerTypeSubtype;         // wlan.fc.type_subtype
  std::array<std::uint64_t, kProtoLastBit + 1> framesPerProtocol{};     // by ProtocolBit index
  std::uint64_t truncatedFrames = 0;  // a header the classifier needed was cut short

  void add(const IndexedFrame& frame);
  void merge(const CaptureStatistics& other);
  double spanSeconds() const { return frames ? static_cast<double>(lastTimestampNs - firstTimestampNs) / 1e9 : 0.0; }
};

}  // namespace rs
