// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/secret_bytes.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace rs::crypto {

SecretBytes::SecretBytes(std::size_t size)
    : data_(size ? std::make_unique<std::uint8_t[]>(size) : nullptr), size_(size) {}

SecretBytes::SecretBytes(ByteView bytes) : SecretBytes(bytes.size()) {
  if (!bytes.empty()) std::memcpy(data_.get(), bytes.data(), bytes.size());
}

SecretBytes::SecretBytes(const SecretBytes& other) : SecretBytes(other.view()) {}

SecretBytes& SecretBytes::operator=(const SecretBytes& other) {
  if (this != &other) {
    SecretBytes copy(other);
    *this = std::move(copy);
  }
  return *this;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::move(other.data_)), size_(other.size_) {
  other.size_ = 0;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::move(other.data_);
    size_ = other.size_;
    other.size_ = 0;
  }
  return *this;
}

SecretBytes::~SecretBytes() { release(); }

void SecretBytes::release() {
  if (data_) OPENSSL_cleanse(data_.get(), size_);
  data_.reset();
  size_ = 0;
}

ByteView SecretBytes::subview(std::size_t offset, std::size_t length) const {
  if (offset >= size_) return {};
  return view().subspan(offset, std::min(length, size_ - offset));
}

bool SecretBytes::operator==(const SecretBytes& other) const {
  return constantTimeEquals(view(), other.view());
}

void wipe(std::span<std::uint8_t> bytes) {
  if (!bytes.empty()) OPENSSL_cleanse(bytes.data(), bytes.size());
}

void wipe(Bytes& bytes) {
  wipe(std::span<std::uint8_t>(bytes));
  bytes.clear();
}

bool constantTimeEquals(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string maskedHex(ByteView secret) {
  // Two leading bytes identify a key in a trace; with short secrets even that
  // would give away too much, so they show only their length.
  if (secret.size() < 8) return fmt::format("…({} bytes)", secret.size());
  return fmt::format("{}…({} bytes)", toHex(secret.first(2)), secret.size());
}

std::string secretHex(ByteView secret, bool reveal) { return reveal ? toHex(secret) : maskedHex(secret); }

}  // namespace rs::crypto
