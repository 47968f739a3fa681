// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes pcapng (draft-ietf-opsawg-pcapng): one little-endian section whose
// header names "RoamScope" as shb_userappl, one Interface Description Block per
// capture point (if_name, if_tsresol 9 = nanoseconds), one Enhanced Packet
// Block per packet with an optional opt_comment. The output depends only on the
// calls made (no clock, no host name), so equal input gives byte-identical files.
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "capture/file/capture_frame.h"
#include "capture/file/file_error.h"
#include "capture/file/output_sink.h"
#include "dissectors/common/bytes.h"

namespace rs {

inline constexpr std::string_view kPcapngUserApplication = "RoamScope";

class PcapngWriter {
 public:
  using CreateResult = std::variant<std::unique_ptr<PcapngWriter>, FileError>;

  // Creates (or truncates) `path` and writes the Section Header Block;
  // `sectionComment` becomes the section's opt_comment when not empty.
  static CreateResult create(const std::string& path, std::string_view sectionComment = {});
  // Writes into `out` (kept alive by the caller until close()).
  explicit PcapngWriter(std::ostream& out, std::string_view sectionComment = {});
  // Flushes; call close() first to learn about a failure.
  ~PcapngWriter();
  PcapngWriter(const PcapngWriter&) = delete;
  PcapngWriter& operator=(const PcapngWriter&) = delete;

  // Declares a capture interface and returns its id (0, 1, ... in call order), or
  // nullopt for a link type above 65535, a name over 65535 bytes or a failed write.
  std::optional<std::uint32_t> addInterface(std::uint32_t linkType, std::string_view name,
                                            std::uint32_t snaplen = kMaxCapturedLength,
                                            std::string_view description = {});

  // Appends one packet. originalLength 0 means "as captured" (data.size()).
  // False on an unknown interface, data over kMaxCapturedLength, originalLength
  // below data.size(), a comment over 65535 bytes, or a failed write; error() says which.
  bool writePacket(std::uint32_t interfaceId, std::int64_t timestampNs, ByteView data, std::string_view comment = {},
                   std::uint32_t originalLength = 0);

  // Pushes buffered blocks to the file (a live capture calls this now and then).
  bool flush();
  // Flushes and closes; true when every byte reached the file.
  bool close();

  // The most recent failure. A rejected packet or interface leaves the writer
  // usable; after an I/O failure every call returns false.
  const std::optional<FileError>& error() const { return sink_->error(); }
  std::uint64_t bytesWritten() const { return sink_->position(); }
  std::size_t interfaceCount() const { return interfaces_.size(); }

 private:
  PcapngWriter(std::unique_ptr<OutputSink> sink, std::string_view sectionComment);
  void writeSectionHeader(std::string_view sectionComment);

  std::unique_ptr<OutputSink> sink_;
  std::vector<std::uint32_t> interfaces_;  // link type per interface id
};

}  // namespace rs
