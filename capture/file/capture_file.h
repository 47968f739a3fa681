// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A pcap or pcapng file opened for streaming and random access. The file is
// memory-mapped, never read into memory; frames borrow their bytes (and
// comments) from the mapping and stay valid while the CaptureFile lives.
//
// Reading builds, as a side effect, an index of record offsets (8 bytes per
// frame), so frame(i) is O(1) for every frame already passed and extends the
// index on demand otherwise. A damaged file delivers every complete frame before
// the damage and then ends with error() describing it. Not thread-safe.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "capture/file/capture_frame.h"
#include "capture/file/file_error.h"
#include "capture/file/mapped_file.h"
#include "capture/file/pcap_records.h"
#include "capture/file/pcapng_blocks.h"

namespace rs {

enum class CaptureFormat : std::uint8_t { Pcap, Pcapng };

class CaptureFile {
 public:
  using OpenResult = std::variant<std::unique_ptr<CaptureFile>, FileError>;

  // Sniffs the format from the magic number and reads the file header.
  static OpenResult open(const std::string& path);
  // The same for bytes already in memory (emulator output, fuzzing); `name` stands in for the path in errors.
  static OpenResult fromBytes(Bytes data, std::string name);

  CaptureFile(const CaptureFile&) = delete;
  CaptureFile& operator=(const CaptureFile&) = delete;

  const std::string& path() const { return path_; }
  CaptureFormat format() const { return format_; }
  std::uint64_t fileSize() const { return file_.size(); }
  // Sections and interfaces met so far (all of them once fullyIndexed()).
  const std::vector<CaptureSection>& sections() const { return sections_; }
  const std::vector<CaptureInterface>& interfaces() const { return interfaces_; }

  // Sequential reading: the next frame, or false at the end of the file or at
  // damage (then error() is set). Frames already indexed are not parsed twice.
  bool next(CaptureFrame& frame);
  // Restarts sequential reading at frame 0; the index is kept.
  void rewind() { readIndex_ = 0; }

  // The frame at 0-based `index`, or nullopt past the last readable frame.
  std::optional<CaptureFrame> frame(std::size_t index);

  // Indexes the whole file; true when it ended cleanly, false at damage (error() set).
  bool indexAll();
  bool fullyIndexed() const { return scanDone_; }
  // Frames indexed so far (the frame count once fullyIndexed()).
  std::size_t indexedFrames() const { return offsets_.size(); }
  const std::vector<std::uint64_t>& frameOffsets() const { return offsets_; }

  // Where reading stopped on a damaged file; empty for a clean one.
  const std::optional<FileError>& error() const { return error_; }

 private:
  CaptureFile(MappedFile file, std::string path);
  static OpenResult openMapped(MappedFile file, std::string path);
  bool readHeader(FileError& error);
  bool scanOne(CaptureFrame& frame);
  bool decode(std::size_t index, CaptureFrame& frame) const;

  MappedFile file_;
  std::string path_;
  CaptureFormat format_ = CaptureFormat::Pcap;
  std::vector<CaptureSection> sections_;
  std::vector<CaptureInterface> interfaces_;
  PcapHeader pcapHeader_;
  PcapngScanner pcapng_;
  std::uint64_t pcapNextOffset_ = kPcapGlobalHeaderSize;
  std::vector<std::uint64_t> offsets_;
  std::size_t readIndex_ = 0;
  bool scanDone_ = false;
  std::optional<FileError> error_;
};

// The library's one entry point for reading a capture file: CaptureFile::open.
inline CaptureFile::OpenResult openCapture(const std::string& path) { return CaptureFile::open(path); }

}  // namespace rs
