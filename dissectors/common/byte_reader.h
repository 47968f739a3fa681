// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Bounds-checked cursor over untrusted bytes. A read past the end never touches
// memory: it returns zero/empty and latches failed(), so a parser can read a
// whole structure and check once, and the caller learns the offset where the
// data ran out (for the "malformed at offset N" diagnostic).
#include <cstddef>
#include <cstdint>

#include "dissectors/common/bytes.h"

namespace rs {

class ByteReader {
 public:
  explicit ByteReader(ByteView data, std::size_t base = 0) : data_(data), base_(base) {}

  bool failed() const { return failed_; }
  // Offset of the cursor within the frame (base + position).
  std::size_t offset() const { return base_ + pos_; }
  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return data_.size() - pos_; }
  bool empty() const { return remaining() == 0; }
  // Offset of the first byte that a failed read wanted but did not find.
  std::size_t failureOffset() const { return base_ + failPos_; }

  bool has(std::size_t n) const { return n <= remaining(); }

  std::uint8_t u8() {
    if (!require(1)) return 0;
    return data_[pos_++];
  }
  std::uint16_t u16be() { return static_cast<std::uint16_t>(readBe(2)); }
  std::uint16_t u16le() { return static_cast<std::uint16_t>(readLe(2)); }
  std::uint32_t u24be() { return static_cast<std::uint32_t>(readBe(3)); }
  std::uint32_t u32be() { return static_cast<std::uint32_t>(readBe(4)); }
  std::uint32_t u32le() { return static_cast<std::uint32_t>(readLe(4)); }
  std::uint64_t u48le() { return readLe(6); }
  std::uint64_t u64be() { return readBe(8); }
  std::uint64_t u64le() { return readLe(8); }

  // A sub-view of n bytes; empty (and failed) when fewer remain.
  ByteView bytes(std::size_t n) {
    if (!require(n)) return {};
    ByteView v = data_.subspan(pos_, n);
    pos_ += n;
    return v;
  }
  ByteView rest() {
    ByteView v = data_.subspan(pos_);
    pos_ = data_.size();
    return v;
  }
  bool skip(std::size_t n) {
    if (!require(n)) return false;
    pos_ += n;
    return true;
  }
  // Aligns the cursor to a multiple of `alignment` relative to the start of the view
  // (radiotap fields are aligned to their natural size).
  bool align(std::size_t alignment) {
    const std::size_t pad = (alignment - pos_ % alignment) % alignment;
    return skip(pad);
  }
  // A reader over the next n bytes that keeps absolute offsets; this reader moves past them.
  ByteReader sub(std::size_t n) {
    const std::size_t start = offset();
    ByteView v = bytes(n);
    ByteReader r(v, start);
    if (failed_) r.failed_ = true, r.failPos_ = 0;
    return r;
  }
  ByteView view() const { return data_; }

 private:
  bool require(std::size_t n) {
    if (failed_) return false;
    if (n > remaining()) {
      failed_ = true;
      failPos_ = data_.size();
      return false;
    }
    return true;
  }
  std::uint64_t readBe(std::size_t n) {
    if (!require(n)) return 0;
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | data_[pos_ + i];
    pos_ += n;
    return v;
  }
  std::uint64_t readLe(std::size_t n) {
    if (!require(n)) return 0;
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= std::uint64_t{data_[pos_ + i]} << (8 * i);
    pos_ += n;
    return v;
  }

  ByteView data_;
  std::size_t base_ = 0;
  std::size_t pos_ = 0;
  std::size_t failPos_ = 0;
  bool failed_ = false;
};

}  // namespace rs
