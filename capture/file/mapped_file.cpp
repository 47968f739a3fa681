// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/mapped_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace rs {

namespace {

std::string describeOpenFailure(int err) {
  switch (err) {
    case ENOENT: return "file not found";
    case EACCES:
    case EPERM: return "permission denied";
    case ENOTDIR: return "a component of the path is not a directory";
    default: return fmt::format("cannot open file: {}", std::strerror(err));
  }
}

// Closes the descriptor on every path out of open().
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

MappedFile::MappedFile(MappedFile&& other) noexcept { *this = std::move(other); }

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    release();
    map_ = std::exchange(other.map_, nullptr);
    mapLength_ = std::exchange(other.mapLength_, 0);
    owned_ = std::move(other.owned_);  // moving a vector keeps its buffer, so view_ stays valid
    view_ = std::exchange(other.view_, ByteView{});
  }
  return *this;
}

MappedFile::~MappedFile() { release(); }

void MappedFile::release() {
  if (map_ != nullptr) ::munmap(map_, mapLength_);
  map_ = nullptr;
  mapLength_ = 0;
  owned_.clear();
  view_ = {};
}

bool MappedFile::open(const std::string& path, MappedFile& out, FileError& error) {
  error = FileError{path, 0, {}};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error.message = describeOpenFailure(errno);
    return false;
  }
  FdCloser closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error.message = fmt::format("cannot inspect file: {}", std::strerror(errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    error.message = "is a directory, not a capture file";
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error.message = "not a regular file (pipes and devices cannot be memory-mapped)";
    return false;
  }
  if (st.st_size == 0) {
    error.message = "empty file (0 bytes): not a capture file";
    return false;
  }
  const auto length = static_cast<std::size_t>(st.st_size);
  void* map = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
  if (map == MAP_FAILED) {
    error.message = fmt::format("cannot memory-map the file ({} bytes): {}", length, std::strerror(errno));
    return false;
  }
  MappedFile result;
  result.map_ = map;
  result.mapLength_ = length;
  result.view_ = ByteView(static_cast<const std::uint8_t*>(map), length);
  result.adviseSequential();
  out = std::move(result);
  return true;
}

MappedFile MappedFile::fromBytes(Bytes data) {
  MappedFile result;
  result.owned_ = std::move(data);
  result.view_ = ByteView(result.owned_.data(), result.owned_.size());
  return result;
}

void MappedFile::adviseSequential() const {
  if (map_ != nullptr) ::madvise(map_, mapLength_, MADV_SEQUENTIAL);
}

void MappedFile::adviseNormal() const {
  if (map_ != nullptr) ::madvise(map_, mapLength_, MADV_NORMAL);
}

}  // namespace rs
