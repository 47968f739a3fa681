// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/capture_hub.h"

namespace rs::sim {

CapturePointId CaptureHub::addPoint(std::string name, LinkType linkType, std::string description) {
  const auto id = static_cast<CapturePointId>(points_.size());
  points_.push_back(CapturePoint{id, std::move(name), linkType, std::move(description)});
  if (sink_) sink_->declare(points_.back());
  return id;
}

std::optional<CapturePointId> CaptureHub::find(std::string_view name) const {
  for (const auto& p : points_)
    if (p.name == name) return p.id;
  return std::nullopt;
}

void CaptureHub::setSink(FrameSink* sink) {
  sink_ = sink;
  if (sink_)
    for (const auto& p : points_) sink_->declare(p);
}

void CaptureHub::record(CapturePointId point, SimTime time, ByteView bytes) {
  if (!sink_ || point >= points_.size()) return;
  sink_->record(CapturedFrame{time, point, points_[point].linkType, bytes});
}

}  // namespace rs::sim
