// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes what the emulator's capture points record to pcapng: one interface
// per capture point (named after it, with its description and link type), one
// Enhanced Packet Block per frame at its virtual time. The writer's output
// depends only on the calls made, so the same run gives the same bytes.
// Only core/sim/frame_sink.h (header-only) is used from core/.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "capture/file/pcapng_writer.h"
#include "core/sim/frame_sink.h"

namespace rs {

class PcapngFrameSink : public sim::FrameSink {
 public:
  using CreateResult = std::variant<std::unique_ptr<PcapngFrameSink>, FileError>;
  static CreateResult create(const std::string& path, std::string_view sectionComment = {});
  explicit PcapngFrameSink(std::unique_ptr<PcapngWriter> writer);

  void declare(const sim::CapturePoint& point) override;
  void record(const sim::CapturedFrame& frame) override;

  // Flushes and closes the file; false (with error()) when a declaration, a
  // packet or the file itself failed at any point of the run.
  bool close();
  const std::optional<FileError>& error() const { return writer_->error(); }
  std::size_t framesWritten() const { return frames_; }

 private:
  std::unique_ptr<PcapngWriter> writer_;
  std::vector<std::optional<std::uint32_t>> interfaces_;  // pcapng interface id per capture point id
  std::size_t frames_ = 0;
  bool failed_ = false;
};

}  // namespace rs
