// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/dissectors/ieee80211/pcap_walker.h"

#include <fstream>
#include <iterator>
#include <limits>

namespace rs::test {
namespace {
std::uint32_t rd32(const Bytes& b, std::size_t off, bool swap) {
  const std::uint32_t le = std::uint32_t{b[off]} | (std::uint32_t{b[off + 1]} << 8) |
                           (std::uint32_t{b[off + 2]} << 16) | (std::uint32_t{b[off + 3]} << 24);
  if (!swap) return le;
  return (le >> 24) | ((le >> 8) & 0xff00) | ((le << 8) & 0xff0000) | (le << 24);
}
}  // namespace

WlanCapture readWlanPcap(const std::string& path) {
  WlanCapture out;
  std::ifstream in(path, std::ios::binary);
  const Bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (file.size() < 24) {
    out.error = "not a pcap file";
    return out;
  }
  const std::uint32_t magic = rd32(file, 0, false);
  bool swap = false;
  if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) swap = true;
  else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
    out.error = "unknown pcap magic";
    return out;
  }
  out.linkType = rd32(file, 20, swap) & 0x0fffffff;
  std::size_t off = 24;
  for (std::uint32_t n = 1; off < file.size(); ++n) {
    if (off + 16 > file.size()) {
      out.error = "truncated record header";
      break;
    }
    const std::size_t len = rd32(file, off + 8, swap);
    off += 16;
    if (off + len > file.size()) {
      out.error = "truncated record";
      break;
    }
    out.records.push_back({n, Bytes(file.begin() + static_cast<std::ptrdiff_t>(off),
                                    file.begin() + static_cast<std::ptrdiff_t>(off + len))});
    off += len;
  }
  return out;
}

std::size_t ieee80211Offset(std::uint32_t linkType, ByteView record) {
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  switch (linkType) {
    case 105: return 0;
    case 127:  // radiotap: it_len, little-endian, at octet 2
      if (record.size() < 4) return kNone;
      return std::size_t{record[2]} | (std::size_t{record[3]} << 8);
    case 119:  // Prism/wlan-ng: msglen (host order, little-endian in the fixtures) at octet 4
      if (record.size() < 8) return kNone;
      return std::size_t{record[4]} | (std::size_t{record[5]} << 8);
    default: return kNone;
  }
}

}  // namespace rs::test
