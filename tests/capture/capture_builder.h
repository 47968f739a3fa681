// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds pcap and pcapng files byte by byte for the reader tests, in either byte
// order, independently of the library's writers (draft-ietf-opsawg-pcap §4-5,
// draft-ietf-opsawg-pcapng §3-4).
#include <cstdint>
#include <string_view>
#include <vector>

#include "dissectors/common/byte_writer.h"
#include "dissectors/common/bytes.h"

namespace rs::test {

class EndianWriter {
 public:
  explicit EndianWriter(bool bigEndian) : be_(bigEndian) {}
  EndianWriter& u16(std::uint16_t v) {
    be_ ? w_.u16be(v) : w_.u16le(v);
    return *this;
  }
  EndianWriter& u32(std::uint32_t v) {
    be_ ? w_.u32be(v) : w_.u32le(v);
    return *this;
  }
  EndianWriter& u64(std::uint64_t v) {
    be_ ? w_.u64be(v) : w_.u64le(v);
    return *this;
  }
  EndianWriter& bytes(ByteView v) {
    w_.bytes(v);
    return *this;
  }
  EndianWriter& pad4() {
    w_.alignTo(4);
    return *this;
  }
  Bytes take() { return w_.take(); }

 private:
  bool be_;
  ByteWriter w_;
};

inline void append(Bytes& out, const Bytes& more) { out.insert(out.end(), more.begin(), more.end()); }
inline Bytes concat(Bytes first, const Bytes& second) {
  append(first, second);
  return first;
}

inline Bytes pattern(std::size_t n, std::uint8_t seed) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>(seed + i * 7);
  return b;
}

// ---- pcap ----
inline Bytes pcapHeader(bool be, bool nanosecond, std::uint32_t linkType, std::uint32_t snaplen = 65535) {
  return EndianWriter(be)
      .u32(nanosecond ? 0xA1B23C4D : 0xA1B2C3D4)
      .u16(2)
      .u16(4)
      .u32(0)
      .u32(0)
      .u32(snaplen)
      .u32(linkType)
      .take();
}

inline Bytes pcapRecord(bool be, std::uint32_t seconds, std::uint32_t fraction, ByteView data,
                        std::uint32_t originalLength = 0) {
  const auto captured = static_cast<std::uint32_t>(data.size());
  return EndianWriter(be)
      .u32(seconds)
      .u32(fraction)
      .u32(captured)
      .u32(originalLength ? originalLength : captured)
      .bytes(data)
      .take();
}

// ---- pcapng ----
struct Option {
  std::uint16_t code;
  Bytes value;
};

inline Option textOption(std::uint16_t code, std::string_view text) { return {code, Bytes(text.begin(), text.end())}; }

inline Bytes options(bool be, const std::vector<Option>& opts) {
  if (opts.empty()) return {};
  EndianWriter w(be);
  for (const Option& o : opts) w.u16(o.code).u16(static_cast<std::uint16_t>(o.value.size())).bytes(o.value).pad4();
  w.u16(0).u16(0);
  return w.take();
}

inline Bytes block(bool be, std::uint32_t type, const Bytes& body) {
  const auto length = static_cast<std::uint32_t>(12 + body.size());
  return EndianWriter(be).u32(type).u32(length).bytes(body).u32(length).take();
}

inline Bytes shb(bool be, const std::vector<Option>& opts = {}) {
  EndianWriter body(be);
  body.u32(0x1A2B3C4D).u16(1).u16(0).u64(~std::uint64_t{0}).bytes(options(be, opts));
  return block(be, 0x0A0D0D0A, body.take());
}

inline Bytes idb(bool be, std::uint16_t linkType, std::uint32_t snaplen, const std::vector<Option>& opts = {}) {
  EndianWriter body(be);
  body.u16(linkType).u16(0).u32(snaplen).bytes(options(be, opts));
  return block(be, 1, body.take());
}

inline Bytes epb(bool be, std::uint32_t interfaceId, std::uint64_t units, ByteView data,
                 const std::vector<Option>& opts = {}, std::uint32_t originalLength = 0) {
  const auto captured = static_cast<std::uint32_t>(data.size());
  EndianWriter body(be);
  body.u32(interfaceId)
      .u32(static_cast<std::uint32_t>(units >> 32))
      .u32(static_cast<std::uint32_t>(units))
      .u32(captured)
      .u32(originalLength ? originalLength : captured)
      .bytes(data)
      .pad4()
      .bytes(options(be, opts));
  return block(be, 6, body.take());
}

inline Bytes obsoletePacketBlock(bool be, std::uint16_t interfaceId, std::uint64_t units, ByteView data,
                                 const std::vector<Option>& opts = {}) {
  const auto captured = static_cast<std::uint32_t>(data.size());
  EndianWriter body(be);
  body.u16(interfaceId)
      .u16(0)
      .u32(static_cast<std::uint32_t>(units >> 32))
      .u32(static_cast<std::uint32_t>(units))
      .u32(captured)
      .u32(captured)
      .bytes(data)
      .pad4()
      .bytes(options(be, opts));
  return block(be, 2, body.take());
}

inline Bytes spb(bool be, ByteView data, std::uint32_t originalLength = 0) {
  EndianWriter body(be);
  body.u32(originalLength ? originalLength : static_cast<std::uint32_t>(data.size())).bytes(data).pad4();
  return block(be, 3, body.take());
}

inline Option tsresolOption(std::uint8_t tsresol) { return {9, Bytes{tsresol}}; }

inline Option tsoffsetOption(bool be, std::int64_t seconds) {
  return {14, EndianWriter(be).u64(static_cast<std::uint64_t>(seconds)).take()};
}

// The pcapng file used by several tests: section 0 little-endian with a comment,
// three interfaces (tsresol 6, 2^-20 with if_tsoffset, 9), an EPB with a comment,
// an EPB on the 2^-20 interface, an SPB, an unknown block, an obsolete packet
// block, an NRB-like block and a custom block; section 1 big-endian with one
// radiotap interface and one EPB.
inline Bytes sampleMultiSectionPcapng() {
  Bytes f;
  bool be = false;
  append(f, shb(be, {textOption(1, "section one"), textOption(2, "test rig"), textOption(3, "Linux"),
                     textOption(4, "capture builder")}));
  append(f, idb(be, 1, 65535, {textOption(2, "eth0"), textOption(3, "wired side"), tsresolOption(6)}));
  append(f, idb(be, 105, 65535, {textOption(2, "wlan0"), tsresolOption(0x94), tsoffsetOption(be, 100)}));
  append(f, idb(be, 127, 0, {textOption(2, "mon0"), tsresolOption(9)}));
  append(f, epb(be, 0, 1500000000123456, pattern(20, 1), {textOption(1, "hello")}));
  append(f, epb(be, 1, (std::uint64_t{1500000000} << 20) + 12345, pattern(21, 2)));
  append(f, spb(be, pattern(30, 3)));
  append(f, block(be, 0x12345, pattern(4, 9)));  // unknown block type
  append(f, obsoletePacketBlock(be, 1, (std::uint64_t{1500000001} << 20) + 1, pattern(7, 4),
                                {textOption(1, "opb comment")}));
  append(f, block(be, 4, EndianWriter(be).u16(0).u16(0).take()));        // name resolution block
  append(f, block(be, 0x40000BAD, EndianWriter(be).u32(32473).take()));  // custom block, PEN 32473 (RFC 5612)
  append(f, epb(be, 2, 1600000000000000001, pattern(3, 5), {}, 100));
  be = true;
  append(f, shb(be, {textOption(1, "section two")}));
  append(f, idb(be, 127, 262144, {tsresolOption(9)}));
  append(f, epb(be, 0, 1600000000123456789, pattern(9, 6), {textOption(1, "be")}));
  return f;
}

}  // namespace rs::test
