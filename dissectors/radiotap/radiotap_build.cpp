// SPDX-License-Identifier: GPL-3.0-or-later
// Radiotap builder for the fields the emulator writes. Presence words come
// first (one per namespace, chained with bit 31, each but the last restarting
// the radiotap namespace with bit 29), then the fields in bit order, each
// padded to its natural alignment relative to the header start.
#include "dissectors/common/byte_writer.h"
#include "dissectors/radiotap/radiotap.h"
#include "dissectors/radiotap/radiotap_layout.h"

namespace rs {
namespace {

namespace b = radiotap_bit;

std::uint32_t presentBits(const RadiotapFields& f) {
  std::uint32_t w = 0;
  auto set = [&w](bool present, unsigned bit) {
    if (present) w |= 1u << bit;
  };
  set(f.tsft.has_value(), b::kTsft);
  set(f.flags.has_value(), b::kFlags);
  set(f.rate.has_value(), b::kRate);
  set(f.channel.has_value(), b::kChannel);
  set(f.dbmAntennaSignal.has_value(), b::kDbmAntSignal);
  set(f.dbmAntennaNoise.has_value(), b::kDbmAntNoise);
  set(f.antenna.has_value(), b::kAntenna);
  set(f.rxFlags.has_value(), b::kRxFlags);
  set(f.mcs.has_value(), b::kMcs);
  return w;
}

void align(ByteWriter& w, unsigned bit) { w.alignTo(radiotap_layout::kLayout[bit].alignment); }

void writeFields(ByteWriter& w, const RadiotapFields& f) {
  if (f.tsft) align(w, b::kTsft), w.u64le(*f.tsft);
  if (f.flags) w.u8(*f.flags);
  if (f.rate) w.u8(*f.rate);
  if (f.channel) align(w, b::kChannel), w.u16le(f.channel->frequency).u16le(f.channel->flags);
  if (f.dbmAntennaSignal) w.u8(static_cast<std::uint8_t>(*f.dbmAntennaSignal));
  if (f.dbmAntennaNoise) w.u8(static_cast<std::uint8_t>(*f.dbmAntennaNoise));
  if (f.antenna) w.u8(*f.antenna);
  if (f.rxFlags) align(w, b::kRxFlags), w.u16le(*f.rxFlags);
  if (f.mcs) w.u8(f.mcs->known).u8(f.mcs->flags).u8(f.mcs->index);
}

}  // namespace

Bytes buildRadiotap(const RadiotapHeader& header) {
  const std::size_t count = header.namespaces.empty() ? 1 : header.namespaces.size();
  const RadiotapFields empty;
  ByteWriter w;
  w.u8(0).u8(0).u16le(0);  // version, pad, length patched below
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t word = header.namespaces.empty() ? 0 : presentBits(header.namespaces[i]);
    if (i + 1 < count) word |= (1u << b::kRadiotapNamespace) | (1u << b::kExt);
    w.u32le(word);
  }
  for (std::size_t i = 0; i < count; ++i) writeFields(w, header.namespaces.empty() ? empty : header.namespaces[i]);
  Bytes out = w.take();
  const auto len = static_cast<std::uint16_t>(out.size());
  out[2] = static_cast<std::uint8_t>(len);
  out[3] = static_cast<std::uint8_t>(len >> 8);
  return out;
}

bool radiotapIsBuildable(const RadiotapHeader& header) {
  if (!header.ok() || header.stoppedAtUnknownField || !header.vendorNamespaces.empty()) return false;
  for (const auto& f : header.namespaces) {
    RadiotapFields writable;
    writable.tsft = f.tsft;
    writable.flags = f.flags;
    writable.rate = f.rate;
    writable.channel = f.channel;
    writable.dbmAntennaSignal = f.dbmAntennaSignal;
    writable.dbmAntennaNoise = f.dbmAntennaNoise;
    writable.antenna = f.antenna;
    writable.rxFlags = f.rxFlags;
    writable.mcs = f.mcs;
    if (!(writable == f)) return false;
  }
  return true;
}

}  // namespace rs
