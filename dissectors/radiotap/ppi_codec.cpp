// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/radiotap/ppi.h"

namespace rs {
namespace {

Ppi80211Common decodeCommon(ByteReader r) {
  Ppi80211Common c;
  c.tsfTimer = r.u64le();
  c.flags = r.u16le();
  c.rate = r.u16le();
  c.channelFrequency = r.u16le();
  c.channelFlags = r.u16le();
  c.fhssHopset = r.u8();
  c.fhssPattern = r.u8();
  c.dbmAntSignal = static_cast<std::int8_t>(r.u8());
  c.dbmAntNoise = static_cast<std::int8_t>(r.u8());
  return c;
}

}  // namespace

std::optional<PpiHeader> parsePpi(ByteView frame) {
  if (frame.size() < 8) return std::nullopt;
  ByteReader r(frame);
  PpiHeader h;
  h.version = r.u8();
  h.flags = r.u8();
  h.length = r.u16le();
  h.dlt = r.u32le();
  auto fail = [&h](PpiError e, std::size_t at) {
    if (h.error == PpiError::None) h.error = e, h.errorOffset = at;
  };
  if (h.version != 0) {
    fail(PpiError::BadVersion, 0);
    return h;
  }
  if (h.length < 8) {
    fail(PpiError::LengthTooShort, 2);
    return h;
  }
  if (h.length > frame.size()) fail(PpiError::Truncated, frame.size());
  const std::size_t avail = std::min<std::size_t>(h.length, frame.size());
  const bool aligned = h.flags & 0x01;
  std::size_t at = 8;
  while (at < avail) {
    if (at + 4 > avail) {
      fail(PpiError::FieldOverrun, avail);
      break;
    }
    ByteReader fr(frame.subspan(at, 4));
    PpiFieldHeader f;
    f.type = fr.u16le();
    f.length = fr.u16le();
    f.offset = at;
    if (at + 4 + f.length > avail) {
      fail(PpiError::FieldOverrun, avail);
      break;
    }
    h.fields.push_back(f);
    if (f.type == ppi_field::k80211Common && !h.common) {
      if (f.length < kPpi80211CommonSize) fail(PpiError::BadCommonLength, at + 2);
      else h.common = decodeCommon(ByteReader(frame.subspan(at + 4, kPpi80211CommonSize)));
    }
    at += 4 + f.length;
    if (aligned) at = (at + 3) / 4 * 4;  // spec 3.1: fields padded to 32 bits when flag bit 0 is set
  }
  return h;
}

Bytes buildPpi(const PpiHeader& header) {
  ByteWriter w;
  w.u8(header.version).u8(header.flags).u16le(0).u32le(header.dlt);
  if (header.common) {
    const Ppi80211Common& c = *header.common;
    w.u16le(ppi_field::k80211Common).u16le(kPpi80211CommonSize);
    w.u64le(c.tsfTimer).u16le(c.flags).u16le(c.rate).u16le(c.channelFrequency).u16le(c.channelFlags);
    w.u8(c.fhssHopset).u8(c.fhssPattern);
    w.u8(static_cast<std::uint8_t>(c.dbmAntSignal)).u8(static_cast<std::uint8_t>(c.dbmAntNoise));
  }
  Bytes out = w.take();
  out[2] = static_cast<std::uint8_t>(out.size());
  out[3] = static_cast<std::uint8_t>(out.size() >> 8);
  return out;
}

}  // namespace rs
