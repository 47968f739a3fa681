// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/output_sink.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <utility>

namespace rs {

namespace {

// Large enough that write() calls are rare, small enough to stay in cache.
constexpr std::size_t kFlushThreshold = 256 * 1024;

std::string describeCreateFailure(int err) {
  switch (err) {
    case ENOENT: return "cannot create file: the directory does not exist";
    case EACCES:
    case EPERM: return "cannot create file: permission denied";
    case EISDIR: return "cannot create file: it is a directory";
    case EROFS: return "cannot create file: read-only file system";
    default: return fmt::format("cannot create file: {}", std::strerror(err));
  }
}

}  // namespace

std::variant<std::unique_ptr<OutputSink>, FileError> OutputSink::create(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return FileError{path, 0, describeCreateFailure(errno)};
  return std::unique_ptr<OutputSink>(new OutputSink(fd, path));
}

OutputSink::OutputSink(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}

OutputSink::OutputSink(std::ostream& out, std::string name) : stream_(&out), name_(std::move(name)) {}

OutputSink::~OutputSink() { close(); }

bool OutputSink::fail(std::string message) {
  error_ = FileError{name_, position(), std::move(message)};
  return false;
}

bool OutputSink::ioFailure(std::string message) {
  error_ = FileError{name_, written_, std::move(message)};
  ioFailed_ = true;
  return false;
}

bool OutputSink::writeOut(const std::uint8_t* data, std::size_t size) {
  if (stream_ != nullptr) {
    stream_->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!*stream_) return ioFailure("writing to the output stream failed");
    written_ += size;
    return true;
  }
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ioFailure(fmt::format("write failed: {}", std::strerror(errno)));
    }
    if (n == 0) return ioFailure("write failed: the file accepts no more data");
    data += n;
    size -= static_cast<std::size_t>(n);
    written_ += static_cast<std::uint64_t>(n);
  }
  return true;
}

bool OutputSink::flush() {
  if (ioFailed_) return false;
  if (closed_) return fail("write after close");
  Bytes pending = buffer_.take();
  const bool ok = writeOut(pending.data(), pending.size());
  pending.clear();  // keeps its capacity for the next blocks
  buffer_ = ByteWriter(std::move(pending));
  if (ok && stream_ != nullptr) {
    stream_->flush();
    if (!*stream_) return ioFailure("flushing the output stream failed");
  }
  return ok;
}

bool OutputSink::commit() {
  if (ioFailed_) return false;
  if (buffer_.size() < kFlushThreshold) return true;
  return flush();
}

bool OutputSink::close() {
  if (closed_) return !ioFailed_;
  flush();
  closed_ = true;
  if (fd_ >= 0) {
    if (::close(fd_) != 0 && !ioFailed_) ioFailure(fmt::format("closing the file failed: {}", std::strerror(errno)));
    fd_ = -1;
  }
  return !ioFailed_;
}

}  // namespace rs
