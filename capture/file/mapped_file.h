// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A whole file as read-only bytes without reading it into memory: mmap with
// sequential read-ahead advice, or (for in-memory captures and fuzzing) an owned
// buffer. The bytes stay at the same address for the object's lifetime, also
// across moves, so frames can borrow them. A file truncated by another process
// while it is mapped makes later reads of the lost pages fault (SIGBUS), as with
// every mmap reader; captures being written are read once they are complete.
#include <cstddef>
#include <string>

#include "capture/file/file_error.h"
#include "dissectors/common/bytes.h"

namespace rs {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Maps `path`; on failure fills `error` (path, offset 0, why) and returns false.
  // An empty file is an error here: there is nothing to map and nothing to read.
  static bool open(const std::string& path, MappedFile& out, FileError& error);
  static MappedFile fromBytes(Bytes data);

  ByteView bytes() const { return view_; }
  std::size_t size() const { return view_.size(); }

  // Read-ahead hints for the kernel; no effect on owned buffers.
  void adviseSequential() const;
  void adviseNormal() const;

 private:
  void release();

  void* map_ = nullptr;  // non-null when view_ is an mmap'ed region
  std::size_t mapLength_ = 0;
  Bytes owned_;
  ByteView view_;
};

}  // namespace rs
