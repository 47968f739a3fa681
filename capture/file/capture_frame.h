// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a capture file reader hands out: frames that borrow their bytes from the
// file mapping (valid while the CaptureFile lives), and the per-section and
// per-interface metadata of the file.
#include <cstdint>
#include <string>
#include <string_view>

#include "capture/file/timestamp_scale.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/frame_view.h"

namespace rs {

// Largest captured length accepted in a record; tshark's limit for ordinary link
// types (WTAP_MAX_PACKET_SIZE_STANDARD), so anything larger is corruption.
inline constexpr std::uint32_t kMaxCapturedLength = 262144;

struct CaptureFrame {
  std::uint64_t index = 0;        // 0-based position in the file
  std::int64_t timestampNs = 0;   // nanoseconds since the Unix epoch, if_tsoffset applied
  std::uint32_t interfaceId = 0;  // index into CaptureFile::interfaces() (global across sections)
  std::uint32_t linkType = 0;     // LINKTYPE_* of the interface; may be unsupported
  std::uint32_t capturedLength = 0;
  std::uint32_t originalLength = 0;
  std::uint64_t fileOffset = 0;  // where the record / block starts
  ByteView data;                 // capturedLength bytes inside the mapping
  std::string_view comment;      // first opt_comment of the packet, empty if none
  bool hasTimestamp = true;      // false for pcapng Simple Packet Blocks (timestampNs is 0)
};

inline FrameView toFrameView(const CaptureFrame& f) {
  return FrameView{f.index, f.timestampNs, f.linkType, f.interfaceId, f.data};
}

// One pcapng section (a pcap file is one section). Strings are copied out of the file.
struct CaptureSection {
  std::uint64_t offset = 0;  // of the Section Header Block (0 for pcap)
  bool bigEndian = false;
  std::uint16_t versionMajor = 0;
  std::uint16_t versionMinor = 0;
  std::string comment;               // opt_comment (first one)
  std::string hardware;              // shb_hardware
  std::string os;                    // shb_os
  std::string userApplication;       // shb_userappl
  std::uint32_t firstInterface = 0;  // global id of the section's interface 0
  std::uint32_t interfaceCount = 0;
};

// One capture interface (pcapng IDB; the global header of a pcap file).
struct CaptureInterface {
  std::uint32_t linkType = 0;
  std::uint32_t snaplen = 0;
  std::string name;                  // if_name
  std::string description;           // if_description
  std::uint8_t tsresol = 6;          // if_tsresol as stored (bit 7 set: 2^-n, else 10^-n)
  std::int64_t tsOffsetSeconds = 0;  // if_tsoffset
  std::uint32_t section = 0;         // index into CaptureFile::sections()
  std::uint32_t localId = 0;         // id packet blocks use inside their section (tshark 4.0 shows this one)
  std::uint64_t blockOffset = 0;
  TimestampScale scale = TimestampScale::fromTsresol(6);
};

}  // namespace rs
