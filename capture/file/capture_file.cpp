// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/capture_file.h"

#include <fmt/format.h>

#include <utility>

#include "dissectors/common/byte_reader.h"

namespace rs {

namespace {

enum class Sniffed : std::uint8_t { Pcap, Pcapng, Unknown };

// Recognises the format from the first four bytes; explains what it saw otherwise.
Sniffed sniffFormat(ByteView file, FileError& error) {
  if (file.size() < 4) {
    error.offset = 0;
    error.message = fmt::format("too short to be a capture file ({} bytes, a header needs at least 4)", file.size());
    return Sniffed::Unknown;
  }
  ByteReader r(file);
  const std::uint32_t be = r.u32be();
  switch (be) {
    case kPcapMagicMicroseconds:
    case kPcapMagicNanoseconds:
    case 0xD4C3B2A1:  // the same magics written little-endian
    case 0x4D3CB2A1: return Sniffed::Pcap;
    case kPcapngSectionHeaderBlock: return Sniffed::Pcapng;
    default: break;
  }
  error.offset = 0;
  if (be == 0xA1B2CD34 || be == 0x34CDB2A1) {
    error.message = "modified (Kuznetzov) pcap format is not supported: convert it with editcap -F pcap";
  } else if ((be >> 16) == 0x1F8B) {
    error.message = "gzip-compressed file: decompress it first (gunzip)";
  } else {
    error.message = fmt::format(
        "not a capture file: unknown magic {:02x} {:02x} {:02x} {:02x} (pcap starts with a1b2c3d4 or a1b23c4d in "
        "either byte order, pcapng with 0a0d0d0a)",
        file[0], file[1], file[2], file[3]);
  }
  return Sniffed::Unknown;
}

}  // namespace

CaptureFile::CaptureFile(MappedFile file, std::string path)
    : file_(std::move(file)), path_(std::move(path)), pcapng_(file_.bytes(), sections_, interfaces_) {}

CaptureFile::OpenResult CaptureFile::open(const std::string& path) {
  MappedFile mapped;
  FileError error;
  if (!MappedFile::open(path, mapped, error)) return error;
  return openMapped(std::move(mapped), path);
}

CaptureFile::OpenResult CaptureFile::fromBytes(Bytes data, std::string name) {
  if (data.empty()) return FileError{std::move(name), 0, "empty file (0 bytes): not a capture file"};
  return openMapped(MappedFile::fromBytes(std::move(data)), std::move(name));
}

CaptureFile::OpenResult CaptureFile::openMapped(MappedFile file, std::string path) {
  std::unique_ptr<CaptureFile> capture(new CaptureFile(std::move(file), std::move(path)));
  FileError error{capture->path_, 0, {}};
  if (!capture->readHeader(error)) return error;
  return capture;
}

bool CaptureFile::readHeader(FileError& error) {
  const ByteView bytes = file_.bytes();
  switch (sniffFormat(bytes, error)) {
    case Sniffed::Unknown: return false;
    case Sniffed::Pcap: {
      format_ = CaptureFormat::Pcap;
      if (!parsePcapHeader(bytes, pcapHeader_, error)) return false;
      CaptureSection section;
      section.bigEndian = pcapHeader_.bigEndian;
      section.versionMajor = pcapHeader_.versionMajor;
      section.versionMinor = pcapHeader_.versionMinor;
      section.interfaceCount = 1;
      sections_.push_back(std::move(section));
      CaptureInterface iface;
      iface.linkType = pcapHeader_.linkType;
      iface.snaplen = pcapHeader_.snaplen;
      iface.tsresol = pcapHeader_.nanosecond ? 9 : 6;
      iface.scale = TimestampScale::fromTsresol(iface.tsresol);
      interfaces_.push_back(std::move(iface));
      return true;
    }
    case Sniffed::Pcapng: format_ = CaptureFormat::Pcapng; return pcapng_.start(error);
  }
  return false;
}

bool CaptureFile::scanOne(CaptureFrame& frame) {
  if (scanDone_) return false;
  FileError error;  // the path is filled in only on failure: no string copy per frame
  ScanStatus status;
  if (format_ == CaptureFormat::Pcap) {
    std::uint64_t nextOffset = 0;
    status = readPcapRecord(file_.bytes(), pcapNextOffset_, pcapHeader_, frame, nextOffset, error);
    if (status == ScanStatus::Frame) pcapNextOffset_ = nextOffset;
  } else {
    status = pcapng_.next(frame, error);
  }
  switch (status) {
    case ScanStatus::Frame:
      frame.index = offsets_.size();
      offsets_.push_back(frame.fileOffset);
      return true;
    case ScanStatus::Error:
      error.path = path_;
      error_ = std::move(error);
      break;
    case ScanStatus::End: break;
  }
  scanDone_ = true;
  // Later reads are random (frame(i)) or a second pass: let the kernel stop dropping pages behind the cursor.
  file_.adviseNormal();
  return false;
}

bool CaptureFile::decode(std::size_t index, CaptureFrame& frame) const {
  const std::uint64_t offset = offsets_[index];
  bool ok = false;
  if (format_ == CaptureFormat::Pcap) {
    std::uint64_t nextOffset = 0;
    FileError ignored;
    ok = readPcapRecord(file_.bytes(), offset, pcapHeader_, frame, nextOffset, ignored) == ScanStatus::Frame;
  } else {
    ok = pcapng_.decodeAt(offset, frame);
  }
  frame.index = index;
  return ok;
}

bool CaptureFile::next(CaptureFrame& frame) {
  if (readIndex_ < offsets_.size()) {
    if (!decode(readIndex_, frame)) return false;
    ++readIndex_;
    return true;
  }
  if (!scanOne(frame)) return false;
  ++readIndex_;
  return true;
}

std::optional<CaptureFrame> CaptureFile::frame(std::size_t index) {
  CaptureFrame f;
  while (index >= offsets_.size()) {
    if (!scanOne(f)) return std::nullopt;
  }
  if (!decode(index, f)) return std::nullopt;
  return f;
}

bool CaptureFile::indexAll() {
  CaptureFrame scratch;
  while (scanOne(scratch)) {
  }
  return !error_.has_value();
}

}  // namespace rs
