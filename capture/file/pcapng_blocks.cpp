// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/pcapng_blocks.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "capture/file/endian_read.h"
#include "capture/file/pcapng_options.h"
#include "dissectors/common/byte_reader.h"

namespace rs {

namespace {

// Section Header Block: type, length, byte-order magic, major, minor, section length (64 bits), trailer.
constexpr std::uint32_t kSectionHeaderMinLength = 28;
// Interface Description Block: type, length, link type, reserved, snaplen, trailer.
constexpr std::uint32_t kInterfaceMinLength = 20;

// Section Header Block options (§4.1).
constexpr std::uint16_t kShbHardware = 2;
constexpr std::uint16_t kShbOs = 3;
constexpr std::uint16_t kShbUserAppl = 4;
// Interface Description Block options (§4.2).
constexpr std::uint16_t kIfName = 2;
constexpr std::uint16_t kIfDescription = 3;
constexpr std::uint16_t kIfTsresol = 9;
constexpr std::uint16_t kIfTsoffset = 14;

bool isPacketBlock(std::uint32_t type) {
  return type == kPcapngEnhancedPacketBlock || type == kPcapngSimplePacketBlock || type == kPcapngObsoletePacketBlock;
}

std::string_view blockName(std::uint32_t type) {
  switch (type) {
    case kPcapngSectionHeaderBlock: return "section header block";
    case kPcapngInterfaceDescriptionBlock: return "interface description block";
    case kPcapngEnhancedPacketBlock: return "enhanced packet block";
    case kPcapngSimplePacketBlock: return "simple packet block";
    case kPcapngObsoletePacketBlock: return "packet block";
    default: return "block";
  }
}

// Checks what every block must satisfy (§3.1): a length of at least 12, a multiple
// of 4, inside the file, repeated identically at the block's end.
bool checkBlockLength(ByteView file, std::uint64_t offset, std::uint32_t type, std::uint32_t length, bool bigEndian,
                      FileError& error) {
  const std::uint64_t remaining = file.size() - offset;
  if (length < kPcapngMinBlockLength) {
    error.offset = offset + 4;
    error.message = fmt::format("{} (type 0x{:08x}) has length {}, less than the minimum of {}", blockName(type), type,
                                length, kPcapngMinBlockLength);
    return false;
  }
  if (length % 4 != 0) {
    error.offset = offset + 4;
    error.message = fmt::format("{} (type 0x{:08x}) has length {}, not a multiple of 4", blockName(type), type, length);
    return false;
  }
  if (length > remaining) {
    error.offset = offset;
    error.message = fmt::format("file cut short in the middle of {}: {} (type 0x{:08x}) declares {} bytes, {} left",
                                isPacketBlock(type) ? "a packet" : "a block", blockName(type), type, length, remaining);
    return false;
  }
  ByteReader trailer(file.subspan(offset + length - 4, 4), offset + length - 4);
  const std::uint32_t trailing = readU32(trailer, bigEndian);
  if (trailing != length) {
    error.offset = offset + length - 4;
    error.message = fmt::format("block length inconsistent: {} (type 0x{:08x}) starts with length {} but ends with {}",
                                blockName(type), type, length, trailing);
    return false;
  }
  return true;
}

}  // namespace

bool PcapngScanner::start(FileError& error) {
  ByteReader r(file_);
  if (r.remaining() < kPcapngMinBlockLength) {
    error.offset = 0;
    error.message = fmt::format("truncated section header block: the file has only {} bytes", file_.size());
    return false;
  }
  if (r.u32le() != kPcapngSectionHeaderBlock) {
    error.offset = 0;
    error.message = "not a pcapng file: it does not start with a section header block";
    return false;
  }
  if (!readSectionHeader(0, error)) return false;
  return true;
}

bool PcapngScanner::readSectionHeader(std::uint64_t offset, FileError& error) {
  ByteReader r(file_.subspan(offset), offset);
  if (r.remaining() < kPcapngMinBlockLength) {
    error.offset = offset;
    error.message = fmt::format("file cut short in a section header block: need {} bytes, {} left",
                                kPcapngMinBlockLength, r.remaining());
    return false;
  }
  r.skip(8);
  ByteReader magicReader = r;
  bool bigEndian = false;
  const std::uint32_t magicLe = magicReader.u32le();
  if (magicLe != kPcapngByteOrderMagic) {
    ByteReader be = r;
    if (be.u32be() != kPcapngByteOrderMagic) {
      error.offset = offset + 8;
      error.message = fmt::format("section header block has byte-order magic {:08x}, expected 1a2b3c4d", magicLe);
      return false;
    }
    bigEndian = true;
  }
  ByteReader lengthReader(file_.subspan(offset + 4, 4), offset + 4);
  const std::uint32_t length = readU32(lengthReader, bigEndian);
  if (!checkBlockLength(file_, offset, kPcapngSectionHeaderBlock, length, bigEndian, error)) return false;
  if (length < kSectionHeaderMinLength) {
    error.offset = offset + 4;
    error.message =
        fmt::format("section header block too short: length {}, minimum {}", length, kSectionHeaderMinLength);
    return false;
  }
  r.skip(4);  // magic
  CaptureSection section;
  section.offset = offset;
  section.bigEndian = bigEndian;
  section.versionMajor = readU16(r, bigEndian);
  section.versionMinor = readU16(r, bigEndian);
  if (section.versionMajor != 1) {
    error.offset = offset + 12;
    error.message =
        fmt::format("unsupported pcapng version {}.{} (only 1.x exists)", section.versionMajor, section.versionMinor);
    return false;
  }
  r.skip(8);  // section length: often -1 (unknown); the blocks themselves are authoritative
  const ByteView options = r.bytes(length - kSectionHeaderMinLength);
  forEachPcapngOption(options, bigEndian, [&](std::uint16_t code, ByteView value) {
    const std::string_view text = optionText(value);
    switch (code) {
      case kOptComment:
        if (section.comment.empty()) section.comment = text;
        break;
      case kShbHardware: section.hardware = text; break;
      case kShbOs: section.os = text; break;
      case kShbUserAppl: section.userApplication = text; break;
      default: break;
    }
  });
  section.firstInterface = static_cast<std::uint32_t>(interfaces_->size());
  sections_->push_back(std::move(section));
  offset_ = offset + length;
  return true;
}

bool PcapngScanner::readInterface(std::uint64_t offset, const BlockHeader& block, FileError& error) {
  CaptureSection& section = sections_->back();
  const bool be = section.bigEndian;
  if (block.length < kInterfaceMinLength) {
    error.offset = offset + 4;
    error.message =
        fmt::format("interface description block too short: length {}, minimum {}", block.length, kInterfaceMinLength);
    return false;
  }
  ByteReader r(file_.subspan(offset + 8, block.length - 12), offset + 8);
  CaptureInterface iface;
  iface.linkType = readU16(r, be);
  r.skip(2);  // reserved
  iface.snaplen = readU32(r, be);
  forEachPcapngOption(r.rest(), be, [&](std::uint16_t code, ByteView value) {
    switch (code) {
      case kIfName: iface.name = optionText(value); break;
      case kIfDescription: iface.description = optionText(value); break;
      case kIfTsresol:
        if (!value.empty()) iface.tsresol = value[0];
        break;
      case kIfTsoffset:
        if (value.size() == 8) {
          ByteReader v(value);
          iface.tsOffsetSeconds = static_cast<std::int64_t>(readU64(v, be));
        }
        break;
      default: break;
    }
  });
  iface.scale = TimestampScale::fromTsresol(iface.tsresol);
  iface.section = static_cast<std::uint32_t>(sections_->size() - 1);
  iface.localId = section.interfaceCount++;
  iface.blockOffset = offset;
  interfaces_->push_back(std::move(iface));
  return true;
}

ScanStatus PcapngScanner::readBlockHeader(std::uint64_t offset, bool bigEndian, BlockHeader& block,
                                          FileError& error) const {
  ByteReader r(file_.subspan(offset), offset);
  if (r.remaining() < kPcapngMinBlockLength) {
    error.offset = offset;
    error.message =
        fmt::format("file cut short in a block header: need {} bytes, {} left", kPcapngMinBlockLength, r.remaining());
    return ScanStatus::Error;
  }
  block.type = readU32(r, bigEndian);
  block.length = readU32(r, bigEndian);
  if (!checkBlockLength(file_, offset, block.type, block.length, bigEndian, error)) return ScanStatus::Error;
  return ScanStatus::Frame;
}

ScanStatus PcapngScanner::next(CaptureFrame& out, FileError& error) {
  // Every pass either returns or moves offset_ forward by a validated block length (>= 12): no endless loop.
  while (offset_ < file_.size()) {
    const std::uint64_t offset = offset_;
    const bool be = sections_->back().bigEndian;
    if (file_.size() - offset >= 4) {
      ByteReader peek(file_.subspan(offset, 4), offset);
      if (peek.u32le() == kPcapngSectionHeaderBlock) {  // same bytes in both orders
        if (!readSectionHeader(offset, error)) return ScanStatus::Error;
        continue;
      }
    }
    BlockHeader block;
    if (readBlockHeader(offset, be, block, error) != ScanStatus::Frame) return ScanStatus::Error;
    if (block.type == kPcapngInterfaceDescriptionBlock) {
      if (!readInterface(offset, block, error)) return ScanStatus::Error;
    } else if (isPacketBlock(block.type)) {
      const auto section = static_cast<std::uint32_t>(sections_->size() - 1);
      if (decodePacket(offset, block, section, out, error) != ScanStatus::Frame) return ScanStatus::Error;
      offset_ = offset + block.length;
      return ScanStatus::Frame;
    }
    // Name resolution, interface statistics, decryption secrets, custom and unknown
    // blocks carry nothing a frame needs: skip them by their length.
    offset_ = offset + block.length;
  }
  return ScanStatus::End;
}

ScanStatus PcapngScanner::decodePacket(std::uint64_t offset, const BlockHeader& block, std::uint32_t sectionIndex,
                                       CaptureFrame& out, FileError& error) const {
  const CaptureSection& section = (*sections_)[sectionIndex];
  const bool be = section.bigEndian;
  const std::uint32_t bodyLength = block.length - 12;
  ByteReader r(file_.subspan(offset + 8, bodyLength), offset + 8);

  std::uint32_t localId = 0;
  std::uint64_t units = 0;
  std::uint32_t captured = 0;
  std::uint32_t original = 0;
  bool hasTimestamp = true;
  bool hasOptions = true;
  if (block.type == kPcapngEnhancedPacketBlock || block.type == kPcapngObsoletePacketBlock) {
    if (!r.has(20)) {
      error.offset = offset;
      error.message =
          fmt::format("{} too short: {} body bytes, the fixed fields need 20", blockName(block.type), bodyLength);
      return ScanStatus::Error;
    }
    if (block.type == kPcapngEnhancedPacketBlock) {
      localId = readU32(r, be);
    } else {
      localId = readU16(r, be);
      r.skip(2);  // drops count
    }
    const std::uint64_t high = readU32(r, be);
    const std::uint64_t low = readU32(r, be);
    units = (high << 32) | low;
    captured = readU32(r, be);
    original = readU32(r, be);
  } else {  // Simple Packet Block (§4.4): no interface id (always 0), no timestamp, no options
    if (!r.has(4)) {
      error.offset = offset;
      error.message = "simple packet block too short: no room for the original length";
      return ScanStatus::Error;
    }
    original = readU32(r, be);
    hasTimestamp = false;
    hasOptions = false;
  }

  if (localId >= section.interfaceCount) {
    error.offset = offset + 8;
    if (section.interfaceCount == 0) {
      error.message = fmt::format("{} references interface {}, but no interface is defined in its section",
                                  blockName(block.type), localId);
    } else {
      error.message = fmt::format("{} references interface {}, but its section defines only {} (0..{})",
                                  blockName(block.type), localId, section.interfaceCount, section.interfaceCount - 1);
    }
    return ScanStatus::Error;
  }
  const std::uint32_t interfaceId = section.firstInterface + localId;
  const CaptureInterface& iface = (*interfaces_)[interfaceId];

  if (!hasOptions) {
    // The captured length of an SPB is implied: the original length, cut to the snaplen
    // and to what the block holds.
    captured = std::min<std::uint32_t>(original, static_cast<std::uint32_t>(r.remaining()));
    if (iface.snaplen != 0) captured = std::min(captured, iface.snaplen);
  }
  if (captured > kMaxCapturedLength) {
    error.offset = offset + 8;
    error.message = fmt::format("{}: captured length {} exceeds the maximum of {} bytes", blockName(block.type),
                                captured, kMaxCapturedLength);
    return ScanStatus::Error;
  }
  if (captured > original) {
    error.offset = offset + 8;
    error.message = fmt::format("{}: captured length {} is larger than the original length {}", blockName(block.type),
                                captured, original);
    return ScanStatus::Error;
  }
  if (captured > r.remaining()) {
    error.offset = offset;
    error.message = fmt::format("{}: captured length {} does not fit in the block ({} bytes left for data)",
                                blockName(block.type), captured, r.remaining());
    return ScanStatus::Error;
  }
  out.data = r.bytes(captured);
  r.align(4);
  out.comment = {};
  if (hasOptions && !r.empty()) {
    forEachPcapngOption(r.rest(), be, [&out](std::uint16_t code, ByteView value) {
      if (code == kOptComment && out.comment.empty()) out.comment = optionText(value);
    });
  }
  out.timestampNs = hasTimestamp
                        ? static_cast<std::int64_t>(static_cast<std::uint64_t>(iface.scale.toNanoseconds(units)) +
                                                    static_cast<std::uint64_t>(iface.tsOffsetSeconds) * 1000000000u)
                        : 0;
  out.hasTimestamp = hasTimestamp;
  out.interfaceId = interfaceId;
  out.linkType = iface.linkType;
  out.capturedLength = captured;
  out.originalLength = original;
  out.fileOffset = offset;
  return ScanStatus::Frame;
}

std::uint32_t PcapngScanner::sectionAt(std::uint64_t offset) const {
  const auto it = std::upper_bound(sections_->begin(), sections_->end(), offset,
                                   [](std::uint64_t o, const CaptureSection& s) { return o < s.offset; });
  return static_cast<std::uint32_t>(it == sections_->begin() ? 0 : (it - sections_->begin()) - 1);
}

bool PcapngScanner::decodeAt(std::uint64_t offset, CaptureFrame& out) const {
  if (sections_->empty() || offset >= file_.size()) return false;
  const std::uint32_t section = sectionAt(offset);
  BlockHeader block;
  FileError ignored;
  if (readBlockHeader(offset, (*sections_)[section].bigEndian, block, ignored) != ScanStatus::Frame) return false;
  if (!isPacketBlock(block.type)) return false;
  return decodePacket(offset, block, section, out, ignored) == ScanStatus::Frame;
}

}  // namespace rs
