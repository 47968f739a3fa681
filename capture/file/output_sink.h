// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Buffered byte output for the capture writers, to a file (POSIX descriptor, so
// a failure reports errno: "No space left on device") or to a caller's
// std::ostream. An I/O failure is final: later writes do nothing and return
// false. A rejected argument (reported through fail()) is not: the writer goes on.
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "capture/file/file_error.h"
#include "dissectors/common/byte_writer.h"

namespace rs {

class OutputSink {
 public:
  // Creates or truncates `path` (mode 0644 before umask).
  static std::variant<std::unique_ptr<OutputSink>, FileError> create(const std::string& path);
  // Writes to `out`, which must outlive the sink; `name` labels errors.
  OutputSink(std::ostream& out, std::string name);
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  // Append the next block here, then call commit().
  ByteWriter& buffer() { return buffer_; }
  // Hands the buffer to the file once it is large enough; false after a failure.
  bool commit();
  bool flush();
  // Flushes and closes the file (close() errors count: NFS reports them there).
  bool close();

  // True after an I/O failure: nothing more can be written.
  bool failed() const { return ioFailed_; }
  // The most recent failure, I/O or rejected argument.
  const std::optional<FileError>& error() const { return error_; }
  // Bytes accepted so far (buffered or written).
  std::uint64_t position() const { return written_ + buffer_.size(); }
  const std::string& name() const { return name_; }
  // Records an error found by the writer itself (a bad argument) at the current position; returns false.
  bool fail(std::string message);
  // Records an error after which the output would not be a valid file (no header
  // could be written): like an I/O failure, it refuses everything afterwards.
  bool abort(std::string message) { return ioFailure(std::move(message)); }

 private:
  OutputSink(int fd, std::string name);
  bool writeOut(const std::uint8_t* data, std::size_t size);
  bool ioFailure(std::string message);

  int fd_ = -1;
  std::ostream* stream_ = nullptr;
  std::string name_;
  ByteWriter buffer_;
  std::uint64_t written_ = 0;
  bool closed_ = false;
  bool ioFailed_ = false;
  std::optional<FileError> error_;
};

}  // namespace rs
