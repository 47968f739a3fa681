// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// pcapng (draft-ietf-opsawg-pcapng): walks the blocks of a file in order,
// registering sections (SHB, either byte order) and interfaces (IDB) as it meets
// them and decoding packet blocks (EPB, SPB, obsolete PB) into frames; every
// other block type is skipped by its length.
#include <cstdint>
#include <vector>

#include "capture/file/capture_frame.h"
#include "capture/file/file_error.h"
#include "capture/file/scan_status.h"
#include "dissectors/common/bytes.h"

namespace rs {

inline constexpr std::uint32_t kPcapngSectionHeaderBlock = 0x0A0D0D0A;
inline constexpr std::uint32_t kPcapngInterfaceDescriptionBlock = 0x00000001;
inline constexpr std::uint32_t kPcapngObsoletePacketBlock = 0x00000002;
inline constexpr std::uint32_t kPcapngSimplePacketBlock = 0x00000003;
inline constexpr std::uint32_t kPcapngEnhancedPacketBlock = 0x00000006;
inline constexpr std::uint32_t kPcapngByteOrderMagic = 0x1A2B3C4D;
inline constexpr std::size_t kPcapngMinBlockLength = 12;  // type, length, trailing length

class PcapngScanner {
 public:
  // `sections` and `interfaces` are filled as blocks are met; they must outlive the scanner.
  PcapngScanner(ByteView file, std::vector<CaptureSection>& sections, std::vector<CaptureInterface>& interfaces)
      : file_(file), sections_(&sections), interfaces_(&interfaces) {}

  // Reads the Section Header Block at offset 0.
  bool start(FileError& error);

  // Advances to the next packet block and decodes it (all of `out` except index).
  ScanStatus next(CaptureFrame& out, FileError& error);

  // Decodes again the packet block at `offset`, which next() already returned once.
  bool decodeAt(std::uint64_t offset, CaptureFrame& out) const;

 private:
  struct BlockHeader {
    std::uint32_t type = 0;
    std::uint32_t length = 0;
  };

  ScanStatus readBlockHeader(std::uint64_t offset, bool bigEndian, BlockHeader& block, FileError& error) const;
  bool readSectionHeader(std::uint64_t offset, FileError& error);
  bool readInterface(std::uint64_t offset, const BlockHeader& block, FileError& error);
  ScanStatus decodePacket(std::uint64_t offset, const BlockHeader& block, std::uint32_t section, CaptureFrame& out,
                          FileError& error) const;
  std::uint32_t sectionAt(std::uint64_t offset) const;

  ByteView file_;
  std::vector<CaptureSection>* sections_;
  std::vector<CaptureInterface>* interfaces_;
  std::uint64_t offset_ = 0;  // next block to read
};

}  // namespace rs
