// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Appends fields to a byte buffer in an explicit byte order (never a struct copy).
#include <cstdint>

#include "dissectors/common/bytes.h"

namespace rs {

class ByteWriter {
 public:
  ByteWriter() = default;
  explicit ByteWriter(Bytes initial) : out_(std::move(initial)) {}

  ByteWriter& u8(std::uint8_t v) { out_.push_back(v); return *this; }
  ByteWriter& u16be(std::uint16_t v) { return be(v, 2); }
  ByteWriter& u16le(std::uint16_t v) { return le(v, 2); }
  ByteWriter& u24be(std::uint32_t v) { return be(v, 3); }
  ByteWriter& u32be(std::uint32_t v) { return be(v, 4); }
  ByteWriter& u32le(std::uint32_t v) { return le(v, 4); }
  ByteWriter& u48le(std::uint64_t v) { return le(v, 6); }
  ByteWriter& u64be(std::uint64_t v) { return be(v, 8); }
  ByteWriter& u64le(std::uint64_t v) { return le(v, 8); }
  ByteWriter& bytes(ByteView v) { out_.insert(out_.end(), v.begin(), v.end()); return *this; }
  ByteWriter& zeros(std::size_t n) { out_.insert(out_.end(), n, 0); return *this; }
  ByteWriter& alignTo(std::size_t alignment) {
    while (out_.size() % alignment) out_.push_back(0);
    return *this;
  }
  // Overwrites a big-endian 16-bit value at an earlier position (length fields known late).
  void patchU16be(std::size_t at, std::uint16_t v) {
    out_[at] = static_cast<std::uint8_t>(v >> 8);
    out_[at + 1] = static_cast<std::uint8_t>(v);
  }

  std::size_t size() const { return out_.size(); }
  const Bytes& data() const { return out_; }
  Bytes take() { return std::move(out_); }

 private:
  ByteWriter& be(std::uint64_t v, int n) {
    for (int i = n - 1; i >= 0; --i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    return *this;
  }
  ByteWriter& le(std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    return *this;
  }
  Bytes out_;
};

}  // namespace rs
