// SPDX-License-Identifier: GPL-3.0-or-later
#include "frame_source.h"

#include <fstream>
#include <iterator>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::test {

PcapCapture readClassicPcap(const std::string& path) {
  PcapCapture out;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.error = "cannot open " + path;
    return out;
  }
  const Bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ByteReader r(file);
  const std::uint32_t magic = r.u32le();
  const bool swapped = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
  if (!swapped && magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
    out.error = "not a classic pcap file";
    return out;
  }
  auto u32 = [&] { return swapped ? r.u32be() : r.u32le(); };
  r.skip(2 + 2 + 4 + 4 + 4);  // version, thiszone, sigfigs, snaplen
  out.linkType = u32();
  while (!r.empty() && !r.failed()) {
    r.skip(8);  // timestamp
    const std::uint32_t captured = u32();
    u32();  // original length
    const ByteView data = r.bytes(captured);
    if (r.failed()) break;
    out.frames.emplace_back(data.begin(), data.end());
  }
  if (r.failed()) out.error = "truncated record at offset " + std::to_string(r.failureOffset());
  return out;
}

bool writeClassicPcap(const std::string& path, std::uint32_t linkType, const std::vector<Bytes>& frames) {
  ByteWriter w;
  w.u32le(0xa1b2c3d4).u16le(2).u16le(4).u32le(0).u32le(0).u32le(262144).u32le(linkType);
  std::uint32_t second = 1;
  for (const Bytes& f : frames) {
    w.u32le(second++).u32le(0).u32le(static_cast<std::uint32_t>(f.size())).u32le(static_cast<std::uint32_t>(f.size()));
    w.bytes(f);
  }
  std::ofstream o(path, std::ios::binary);
  o.write(reinterpret_cast<const char*>(w.data().data()), static_cast<std::streamsize>(w.size()));
  return static_cast<bool>(o);
}

std::optional<std::size_t> msduOffset(std::uint32_t linkType, ByteView frame) {
  std::size_t mac = 0;
  if (linkType == 127) {  // radiotap: it_len at offset 2 (little endian)
    if (frame.size() < 4) return std::nullopt;
    mac = frame[2] | (std::size_t{frame[3]} << 8);
  } else if (linkType == 119) {  // Prism: msglen at offset 4 (host order, little endian here)
    if (frame.size() < 8) return std::nullopt;
    mac = frame[4] | (std::size_t{frame[5]} << 8);
  } else if (linkType != 105) {
    return std::nullopt;
  }
  if (frame.size() < mac + 24) return std::nullopt;
  const std::uint8_t fc0 = frame[mac];
  const std::uint8_t fc1 = frame[mac + 1];
  const unsigned type = (fc0 >> 2) & 3;
  const unsigned subtype = fc0 >> 4;
  if (type != 2 || (subtype & 0x4)) return std::nullopt;  // not data, or a null-function frame
  if (fc1 & 0x40) return std::nullopt;                   // protected
  if (fc1 & 0x04) return std::nullopt;                   // more fragments
  std::size_t length = 24;
  if ((fc1 & 0x03) == 0x03) length += 6;
  const bool qos = subtype & 0x8;
  if (qos) length += 2;
  if (qos && (fc1 & 0x80)) length += 4;
  if (frame.size() <= mac + length) return std::nullopt;
  return mac + length;
}

}  // namespace rs::test
