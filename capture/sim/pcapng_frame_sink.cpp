// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/sim/pcapng_frame_sink.h"

namespace rs {

PcapngFrameSink::CreateResult PcapngFrameSink::create(const std::string& path, std::string_view sectionComment) {
  auto created = PcapngWriter::create(path, sectionComment);
  if (auto* error = std::get_if<FileError>(&created)) return *error;
  return std::make_unique<PcapngFrameSink>(std::get<std::unique_ptr<PcapngWriter>>(std::move(created)));
}

PcapngFrameSink::PcapngFrameSink(std::unique_ptr<PcapngWriter> writer) : writer_(std::move(writer)) {}

void PcapngFrameSink::declare(const sim::CapturePoint& point) {
  if (interfaces_.size() <= point.id) interfaces_.resize(point.id + 1);
  interfaces_[point.id] = writer_->addInterface(static_cast<std::uint32_t>(point.linkType), point.name,
                                                kMaxCapturedLength, point.description);
  if (!interfaces_[point.id]) failed_ = true;
}

void PcapngFrameSink::record(const sim::CapturedFrame& frame) {
  if (frame.point >= interfaces_.size() || !interfaces_[frame.point]) {
    failed_ = true;  // a frame of a point that was never declared (or whose declaration failed)
    return;
  }
  if (writer_->writePacket(*interfaces_[frame.point], frame.time, frame.bytes))
    ++frames_;
  else
    failed_ = true;
}

bool PcapngFrameSink::close() {
  const bool closed = writer_->close();
  return closed && !failed_;
}

}  // namespace rs
