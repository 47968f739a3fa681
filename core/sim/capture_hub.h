// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The capture points of a run and the sink they report to. Media and links
// hold point ids and call record(); with no sink attached recording costs one
// branch.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sim/frame_sink.h"

namespace rs::sim {

class CaptureHub {
 public:
  CapturePointId addPoint(std::string name, LinkType linkType, std::string description = {});
  const std::vector<CapturePoint>& points() const { return points_; }
  std::optional<CapturePointId> find(std::string_view name) const;

  // Declares every point to `sink` (now and as points are added); nullptr detaches.
  void setSink(FrameSink* sink);
  bool recording() const { return sink_ != nullptr; }
  void record(CapturePointId point, SimTime time, ByteView bytes);

 private:
  std::vector<CapturePoint> points_;
  FrameSink* sink_ = nullptr;
};

// Keeps every declared point and a copy of every frame (tests, the GUI's live view).
class MemoryFrameSink : public FrameSink {
 public:
  struct Frame {
    SimTime time = 0;
    CapturePointId point = 0;
    LinkType linkType = LinkType::Radiotap;
    Bytes bytes;
  };
  void declare(const CapturePoint& point) override { points.push_back(point); }
  void record(const CapturedFrame& f) override {
    frames.push_back(Frame{f.time, f.point, f.linkType, Bytes(f.bytes.begin(), f.bytes.end())});
  }
  std::vector<CapturePoint> points;
  std::vector<Frame> frames;
};

}  // namespace rs::sim
