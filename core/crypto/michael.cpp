// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/michael.h"

#include <bit>

#include "dissectors/common/byte_writer.h"

namespace rs::crypto {

namespace {

std::uint32_t xswap(std::uint32_t l) { return ((l & 0xff00ff00u) >> 8) | ((l & 0x00ff00ffu) << 8); }

void block(std::uint32_t& l, std::uint32_t& r) {
  r ^= std::rotl(l, 17);
  l += r;
  r ^= xswap(l);
  l += r;
  r ^= std::rotl(l, 3);
  l += r;
  r ^= std::rotr(l, 2);
  l += r;
}

std::uint32_t loadLe32(const std::uint8_t* p) {
  return p[0] | (std::uint32_t{p[1]} << 8) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[3]} << 24);
}

}  // namespace

Result<Bytes> michael(ByteView key, ByteView message) {
  if (key.size() != 8) return makeError(ErrorCode::InvalidArgument, "a Michael key has 8 octets");
  std::uint32_t l = loadLe32(key.data());
  std::uint32_t r = loadLe32(key.data() + 4);
  Bytes padded(message.begin(), message.end());
  padded.push_back(0x5a);
  padded.insert(padded.end(), 4, 0);
  while (padded.size() % 4) padded.push_back(0);
  for (std::size_t i = 0; i < padded.size(); i += 4) {
    l ^= loadLe32(padded.data() + i);
    block(l, r);
  }
  ByteWriter out;
  out.u32le(l).u32le(r);
  return out.take();
}

Result<Bytes> michaelMsdu(ByteView key, MacAddress da, MacAddress sa, std::uint8_t priority, ByteView data) {
  ByteWriter m;
  m.bytes(da.view()).bytes(sa.view()).u8(priority).zeros(3).bytes(data);
  return michael(key, m.data());
}

}  // namespace rs::crypto
