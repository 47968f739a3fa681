// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Key material that wipes itself. SecretBytes has a fixed size once built (it
// never reallocates, so no stale copy is left on the heap) and is cleansed with
// OPENSSL_cleanse when destroyed. Display goes through maskedHex() unless the
// user explicitly asks to reveal keys.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "dissectors/common/bytes.h"

namespace rs::crypto {

class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(std::size_t size);  // zero-filled
  explicit SecretBytes(ByteView bytes);
  SecretBytes(const SecretBytes& other);
  SecretBytes& operator=(const SecretBytes& other);
  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  ~SecretBytes();

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::uint8_t* data() { return data_.get(); }
  const std::uint8_t* data() const { return data_.get(); }
  ByteView view() const { return {data_.get(), size_}; }
  std::span<std::uint8_t> span() { return {data_.get(), size_}; }
  operator ByteView() const { return view(); }  // NOLINT(google-explicit-constructor): read access is harmless
  // A sub-range [offset, offset+length) clamped to the buffer.
  ByteView subview(std::size_t offset, std::size_t length) const;

  // A plain copy for code that must hand the bytes on (e.g. to a frame builder); the
  // caller takes over the responsibility of not leaking it.
  Bytes revealCopy() const { return Bytes(view().begin(), view().end()); }

  // Constant-time comparison.
  bool operator==(const SecretBytes& other) const;

 private:
  void release();
  std::unique_ptr<std::uint8_t[]> data_;
  std::size_t size_ = 0;
};

// Overwrites memory with zeros in a way the optimiser may not remove.
void wipe(std::span<std::uint8_t> bytes);
void wipe(Bytes& bytes);  // wipes and empties

// Constant-time equality (CRYPTO_memcmp); different lengths compare unequal.
bool constantTimeEquals(ByteView a, ByteView b);

// "a1b2…(32 bytes)": enough to tell keys apart in a log, not enough to use them.
std::string maskedHex(ByteView secret);
// maskedHex unless `reveal` (the user asked to show keys), then full hex.
std::string secretHex(ByteView secret, bool reveal);

}  // namespace rs::crypto
