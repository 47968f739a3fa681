// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/checksum.h"

namespace rs::inet {

void InternetChecksum::add(ByteView data) {
  for (std::uint8_t b : data) {
    sum_ += odd_ ? b : static_cast<std::uint64_t>(b) << 8;
    odd_ = !odd_;
  }
}

void InternetChecksum::addU16(std::uint16_t v) {
  const std::uint8_t bytes[2] = {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
  add(bytes);
}

void InternetChecksum::addU32(std::uint32_t v) {
  addU16(static_cast<std::uint16_t>(v >> 16));
  addU16(static_cast<std::uint16_t>(v));
}

std::uint16_t InternetChecksum::finish() const {
  std::uint64_t s = sum_;
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return static_cast<std::uint16_t>(~s);
}

std::uint16_t internetChecksum(ByteView data) {
  InternetChecksum c;
  c.add(data);
  return c.finish();
}

std::uint16_t updateChecksum(std::uint16_t oldChecksum, std::uint16_t oldWord, std::uint16_t newWord) {
  std::uint32_t s = static_cast<std::uint16_t>(~oldChecksum);
  s += static_cast<std::uint16_t>(~oldWord);
  s += newWord;
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return static_cast<std::uint16_t>(~s);
}

std::uint16_t transportChecksumV4(std::uint32_t src, std::uint32_t dst, std::uint8_t protocol, ByteView segment) {
  InternetChecksum c;
  c.addU32(src);
  c.addU32(dst);
  c.addU16(protocol);
  c.addU16(static_cast<std::uint16_t>(segment.size()));
  c.add(segment);
  return c.finish();
}

std::uint16_t transportChecksumV6(ByteView src, ByteView dst, std::uint8_t nextHeader, ByteView segment) {
  InternetChecksum c;
  c.add(src);
  c.add(dst);
  c.addU32(static_cast<std::uint32_t>(segment.size()));
  c.addU32(nextHeader);
  c.add(segment);
  return c.finish();
}

}  // namespace rs::inet
