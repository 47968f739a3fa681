// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where capture points deliver what they record. core/ does not write files
// (capture/ does): a sink receives each capture point once, then every frame
// recorded at any point, in virtual-time order. capture/sim/pcapng_frame_sink.h
// writes them to pcapng (one interface per capture point).
// Header-only on purpose, so an adapter outside core/ needs no core library.
#include <cstdint>
#include <string>

#include "core/sim/sim_time.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/link_type.h"

namespace rs::sim {

using CapturePointId = std::uint32_t;

struct CapturePoint {
  CapturePointId id = 0;  // 0, 1, ... in declaration order
  std::string name;       // "air-ch1", "ds"
  LinkType linkType = LinkType::Radiotap;
  std::string description;  // "channel 1 (2412 MHz), heard at sta"
};

struct CapturedFrame {
  SimTime time = 0;  // first bit on the air / on the wire
  CapturePointId point = 0;
  LinkType linkType = LinkType::Radiotap;
  ByteView bytes;  // valid during the call only
};

class FrameSink {
 public:
  virtual ~FrameSink() = default;
  virtual void declare(const CapturePoint& point) = 0;
  virtual void record(const CapturedFrame& frame) = 0;
};

}  // namespace rs::sim
