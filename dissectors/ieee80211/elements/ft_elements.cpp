// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/elements/ft_elements.h"

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/element_ids.h"

namespace rs::ieee80211 {
namespace {

template <std::size_t N>
void readArray(ByteReader& r, std::array<std::uint8_t, N>& out) {
  const ByteView v = r.bytes(N);
  if (v.size() == N) std::copy(v.begin(), v.end(), out.begin());
}

}  // namespace

std::optional<MobilityDomainElement> parseMde(ByteView data) {
  // 9.4.2.47: MDID (2 octets) and FT Capability and Policy (1 octet).
  if (data.size() != 3) return std::nullopt;
  ByteReader r(data);
  MobilityDomainElement m;
  m.mdid = r.u16le();
  m.ftCapability = r.u8();
  return m;
}

Bytes buildMde(const MobilityDomainElement& mde) {
  ByteWriter w;
  w.u16le(mde.mdid).u8(mde.ftCapability);
  return buildElement(eid::kMobilityDomain, w.data());
}

const FtSubelement* FastBssTransitionElement::find(std::uint8_t id) const {
  for (const auto& s : subelements)
    if (s.id == id) return &s;
  return nullptr;
}

std::optional<ByteView> FastBssTransitionElement::r1khId() const {
  if (const auto* s = find(ftsub::kR1khId)) return ByteView(s->data);
  return std::nullopt;
}

std::optional<ByteView> FastBssTransitionElement::r0khId() const {
  if (const auto* s = find(ftsub::kR0khId)) return ByteView(s->data);
  return std::nullopt;
}

std::optional<FtGtkSubelement> FastBssTransitionElement::gtk() const {
  if (const auto* s = find(ftsub::kGtk)) return parseFtGtkSubelement(s->data);
  return std::nullopt;
}

std::optional<FtIgtkSubelement> FastBssTransitionElement::igtk() const {
  if (const auto* s = find(ftsub::kIgtk)) return parseFtIgtkSubelement(s->data);
  return std::nullopt;
}

std::optional<FastBssTransitionElement> parseFte(ByteView data) {
  // 9.4.2.48: MIC Control (2), MIC (16), ANonce (32), SNonce (32), subelements.
  ByteReader r(data);
  FastBssTransitionElement f;
  f.micControl = r.u16le();
  readArray(r, f.mic);
  readArray(r, f.anonce);
  readArray(r, f.snonce);
  if (r.failed()) return std::nullopt;
  while (!r.empty()) {
    FtSubelement s;
    s.id = r.u8();
    const std::uint8_t len = r.u8();
    const ByteView v = r.bytes(len);
    if (r.failed()) return std::nullopt;
    s.data.assign(v.begin(), v.end());
    f.subelements.push_back(std::move(s));
  }
  return f;
}

Bytes buildFte(const FastBssTransitionElement& fte) {
  ByteWriter w;
  w.u16le(fte.micControl).bytes(fte.mic).bytes(fte.anonce).bytes(fte.snonce);
  for (const auto& s : fte.subelements) {
    const std::size_t n = std::min<std::size_t>(s.data.size(), 255);
    w.u8(s.id).u8(static_cast<std::uint8_t>(n)).bytes(ByteView(s.data).first(n));
  }
  return buildElement(eid::kFastBssTransition, w.data());
}

std::optional<FtGtkSubelement> parseFtGtkSubelement(ByteView data) {
  // Figure 9-382: Key Info (2), Key Length (1), RSC (8), Key (wrapped, >= 24).
  ByteReader r(data);
  FtGtkSubelement g;
  g.keyInfo = r.u16le();
  g.keyLength = r.u8();
  readArray(r, g.rsc);
  if (r.failed()) return std::nullopt;
  const ByteView key = r.rest();
  g.wrappedKey.assign(key.begin(), key.end());
  return g;
}

std::optional<FtIgtkSubelement> parseFtIgtkSubelement(ByteView data) {
  // Figure 9-383: Key ID (2), IPN (6), Key Length (1), Key (wrapped).
  ByteReader r(data);
  FtIgtkSubelement g;
  g.keyId = r.u16le();
  readArray(r, g.ipn);
  g.keyLength = r.u8();
  if (r.failed()) return std::nullopt;
  const ByteView key = r.rest();
  g.wrappedKey.assign(key.begin(), key.end());
  return g;
}

FtSubelement makeR1khIdSubelement(const MacAddress& r1khId) {
  return FtSubelement{ftsub::kR1khId, Bytes(r1khId.octets.begin(), r1khId.octets.end())};
}

FtSubelement makeR0khIdSubelement(ByteView r0khId) {
  // 9.4.2.48: the R0KH-ID is 1 to 48 octets.
  const ByteView v = r0khId.first(std::min<std::size_t>(r0khId.size(), 48));
  return FtSubelement{ftsub::kR0khId, Bytes(v.begin(), v.end())};
}

FtSubelement makeGtkSubelement(const FtGtkSubelement& gtk) {
  ByteWriter w;
  w.u16le(gtk.keyInfo).u8(gtk.keyLength).bytes(gtk.rsc).bytes(gtk.wrappedKey);
  return FtSubelement{ftsub::kGtk, w.take()};
}

FtSubelement makeIgtkSubelement(const FtIgtkSubelement& igtk) {
  ByteWriter w;
  w.u16le(igtk.keyId).bytes(igtk.ipn).u8(igtk.keyLength).bytes(igtk.wrappedKey);
  return FtSubelement{ftsub::kIgtk, w.take()};
}

std::optional<TimeoutIntervalElement> parseTimeoutInterval(ByteView data) {
  // 9.4.2.49: Timeout Interval Type (1), Timeout Interval Value (4, little-endian).
  if (data.size() != 5) return std::nullopt;
  ByteReader r(data);
  TimeoutIntervalElement t;
  t.type = r.u8();
  t.value = r.u32le();
  return t;
}

Bytes buildTimeoutInterval(const TimeoutIntervalElement& tie) {
  ByteWriter w;
  w.u8(tie.type).u32le(tie.value);
  return buildElement(eid::kTimeoutInterval, w.data());
}

}  // namespace rs::ieee80211
