// SPDX-License-Identifier: GPL-3.0-or-later
#include "pcap_records.h"

#include <fstream>
#include <iterator>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::test {

PcapFile readPcap(const std::string& path) {
  PcapFile out;
  std::ifstream in(path, std::ios::binary);
  const Bytes data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ByteReader r(data);
  const std::uint32_t magic = r.u32le();
  // Microsecond (a1b2c3d4) or nanosecond (a1b23c4d) little-endian files only.
  if (magic != 0xa1b2c3d4u && magic != 0xa1b23c4du) {
    out.error = "not a little-endian pcap file";
    return out;
  }
  r.skip(16);  // version, thiszone, sigfigs, snaplen
  out.linkType = r.u32le();
  while (!r.failed() && !r.empty()) {
    r.skip(8);  // timestamp
    const std::uint32_t caplen = r.u32le();
    r.u32le();  // original length
    const ByteView frame = r.bytes(caplen);
    if (r.failed()) {
      out.error = "truncated record";
      break;
    }
    out.frames.push_back(toBytes(frame));
  }
  if (r.failed() && out.error.empty()) out.error = "truncated header";
  return out;
}

bool writePcap(const std::string& path, std::uint32_t linkType, const std::vector<Bytes>& frames) {
  ByteWriter w;
  w.u32le(0xa1b2c3d4u).u16le(2).u16le(4).u32le(0).u32le(0).u32le(65535).u32le(linkType);
  std::uint32_t second = 1;
  for (const Bytes& f : frames) {
    const auto len = static_cast<std::uint32_t>(f.size());
    w.u32le(second++).u32le(0).u32le(len).u32le(len).bytes(f);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  const Bytes& d = w.data();
  out.write(reinterpret_cast<const char*>(d.data()), static_cast<std::streamsize>(d.size()));
  return static_cast<bool>(out);
}

}  // namespace rs::test
