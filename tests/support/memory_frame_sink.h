// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A frame sink for emulation suites: keeps every recorded frame (the bytes,
// and which capture point and when), so a test can compare runs or write a pcap.
#include <vector>

#include "core/sim/frame_sink.h"
#include "dissectors/common/bytes.h"

namespace rs::test {

class MemoryFrameSink : public sim::FrameSink {
 public:
  void declare(const sim::CapturePoint&) override {}
  void record(const sim::CapturedFrame& frame) override {
    frames.push_back(toBytes(frame.bytes));
    times.push_back(frame.time);
    points.push_back(frame.point);
    linkTypes.push_back(frame.linkType);
  }
  std::vector<Bytes> frames;
  std::vector<sim::SimTime> times;
  std::vector<sim::CapturePointId> points;  // parallel to frames, so a suite can replay the stream as a capture
  std::vector<LinkType> linkTypes;
};

}  // namespace rs::test
