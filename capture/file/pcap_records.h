// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Classic libpcap format: the 24-byte global header and 16-byte record headers
// (draft-ietf-opsawg-pcap §4, §5), in either byte order, with microsecond
// (magic 0xa1b2c3d4) or nanosecond (0xa1b23c4d) timestamps.
#include <cstddef>
#include <cstdint>

#include "capture/file/capture_frame.h"
#include "capture/file/file_error.h"
#include "capture/file/scan_status.h"
#include "dissectors/common/bytes.h"

namespace rs {

inline constexpr std::uint32_t kPcapMagicMicroseconds = 0xA1B2C3D4;
inline constexpr std::uint32_t kPcapMagicNanoseconds = 0xA1B23C4D;
inline constexpr std::size_t kPcapGlobalHeaderSize = 24;
inline constexpr std::size_t kPcapRecordHeaderSize = 16;
// A snaplen beyond this is a damaged header, not a real capture setting
// (real files use 65535 or 262144; some tools write up to a few MiB).
inline constexpr std::uint32_t kMaxPlausibleSnaplen = 16u * 1024 * 1024;

struct PcapHeader {
  bool bigEndian = false;
  bool nanosecond = false;
  std::uint16_t versionMajor = 0;
  std::uint16_t versionMinor = 0;
  std::uint32_t snaplen = 0;
  std::uint32_t linkType = 0;  // low 16 bits of the LinkType field (upper bits carry FCS information)
};

// Parses the global header at the start of `file`. Fills error.offset/message on failure.
bool parsePcapHeader(ByteView file, PcapHeader& header, FileError& error);

// Decodes the record at `offset` (all fields of `out` except index). On Frame,
// `nextOffset` is the offset of the following record.
ScanStatus readPcapRecord(ByteView file, std::uint64_t offset, const PcapHeader& header, CaptureFrame& out,
                          std::uint64_t& nextOffset, FileError& error);

}  // namespace rs
