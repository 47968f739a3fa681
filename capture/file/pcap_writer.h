// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a classic pcap file (draft-ietf-opsawg-pcap) for tools that do not
// read pcapng: little-endian, nanosecond timestamps (magic 0xa1b23c4d), one link
// type for the whole file, no comments. Deterministic like PcapngWriter.
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "capture/file/capture_frame.h"
#include "capture/file/file_error.h"
#include "capture/file/output_sink.h"
#include "dissectors/common/bytes.h"

namespace rs {

class PcapWriter {
 public:
  using CreateResult = std::variant<std::unique_ptr<PcapWriter>, FileError>;

  // Creates (or truncates) `path` and writes the global header.
  static CreateResult create(const std::string& path, std::uint32_t linkType,
                             std::uint32_t snaplen = kMaxCapturedLength);
  PcapWriter(std::ostream& out, std::uint32_t linkType, std::uint32_t snaplen = kMaxCapturedLength);
  ~PcapWriter();
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;

  // originalLength 0 means data.size(). False for a timestamp before 1970 or after
  // 2106 (the format's 32-bit seconds), data over kMaxCapturedLength, originalLength
  // below data.size(), or a failed write.
  bool writePacket(std::int64_t timestampNs, ByteView data, std::uint32_t originalLength = 0);
  bool flush();
  bool close();

  // The most recent failure. A rejected packet or interface leaves the writer
  // usable; after an I/O failure every call returns false.
  const std::optional<FileError>& error() const { return sink_->error(); }
  std::uint64_t bytesWritten() const { return sink_->position(); }

 private:
  PcapWriter(std::unique_ptr<OutputSink> sink, std::uint32_t linkType, std::uint32_t snaplen);

  std::unique_ptr<OutputSink> sink_;
};

}  // namespace rs
