// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/pcap_records.h"

#include <fmt/format.h>

#include "capture/file/endian_read.h"
#include "dissectors/common/byte_reader.h"

namespace rs {

bool parsePcapHeader(ByteView file, PcapHeader& header, FileError& error) {
  ByteReader r(file);
  if (!r.has(kPcapGlobalHeaderSize)) {
    error.offset = 0;
    error.message =
        fmt::format("truncated pcap global header: need {} bytes, the file has {}", kPcapGlobalHeaderSize, file.size());
    return false;
  }
  const std::uint32_t magicLe = r.u32le();
  switch (magicLe) {
    case kPcapMagicMicroseconds: header = {false, false}; break;
    case kPcapMagicNanoseconds: header = {false, true}; break;
    default: {
      ByteReader be(file);
      const std::uint32_t magicBe = be.u32be();
      if (magicBe == kPcapMagicMicroseconds) {
        header = {true, false};
      } else if (magicBe == kPcapMagicNanoseconds) {
        header = {true, true};
      } else {
        error.offset = 0;
        error.message = fmt::format("not a pcap file: magic {:08x}", magicLe);
        return false;
      }
    }
  }
  const bool be = header.bigEndian;
  header.versionMajor = readU16(r, be);
  header.versionMinor = readU16(r, be);
  r.skip(8);  // thiszone and sigfigs: always 0 in practice, ignored by libpcap too
  header.snaplen = readU32(r, be);
  const std::uint32_t linkField = readU32(r, be);
  header.linkType = linkField & 0xFFFFu;
  if (header.versionMajor != 2) {
    error.offset = 4;
    error.message =
        fmt::format("unsupported pcap version {}.{} (only 2.x exists)", header.versionMajor, header.versionMinor);
    return false;
  }
  if (header.snaplen > kMaxPlausibleSnaplen) {
    error.offset = 16;
    error.message = fmt::format("absurd snaplen {} in the pcap global header (more than {}): damaged header",
                                header.snaplen, kMaxPlausibleSnaplen);
    return false;
  }
  return true;
}

ScanStatus readPcapRecord(ByteView file, std::uint64_t offset, const PcapHeader& header, CaptureFrame& out,
                          std::uint64_t& nextOffset, FileError& error) {
  if (offset >= file.size()) return ScanStatus::End;
  ByteReader r(file.subspan(offset), offset);
  if (!r.has(kPcapRecordHeaderSize)) {
    error.offset = offset;
    error.message =
        fmt::format("file cut short in a record header: need {} bytes, {} left", kPcapRecordHeaderSize, r.remaining());
    return ScanStatus::Error;
  }
  const bool be = header.bigEndian;
  const std::uint64_t seconds = readU32(r, be);
  const std::uint64_t fraction = readU32(r, be);
  const std::uint32_t captured = readU32(r, be);
  const std::uint32_t original = readU32(r, be);
  if (captured > kMaxCapturedLength) {
    error.offset = offset + 8;
    error.message = fmt::format("captured length {} exceeds the maximum of {} bytes: damaged record header", captured,
                                kMaxCapturedLength);
    return ScanStatus::Error;
  }
  if (captured > original) {
    error.offset = offset + 8;
    error.message = fmt::format("captured length {} is larger than the original length {}: damaged record header",
                                captured, original);
    return ScanStatus::Error;
  }
  if (!r.has(captured)) {
    error.offset = offset;
    error.message = fmt::format("file cut short in the middle of a packet: record needs {} bytes of data, {} left",
                                captured, r.remaining());
    return ScanStatus::Error;
  }
  out.timestampNs =
      static_cast<std::int64_t>(seconds * 1000000000u + (header.nanosecond ? fraction : fraction * 1000u));
  out.interfaceId = 0;
  out.linkType = header.linkType;
  out.capturedLength = captured;
  out.originalLength = original;
  out.fileOffset = offset;
  out.data = r.bytes(captured);
  out.comment = {};
  out.hasTimestamp = true;
  nextOffset = offset + kPcapRecordHeaderSize + captured;
  return ScanStatus::Frame;
}

}  // namespace rs
