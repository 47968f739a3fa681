// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/common/field.h"

#include <fmt/format.h>

namespace rs {

std::string hexString(std::uint64_t v, int digits) { return fmt::format("0x{:0{}x}", v, digits); }

std::string bitPattern(std::uint64_t value, std::uint64_t mask, int bits) {
  std::string out;
  for (int i = bits - 1; i >= 0; --i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    out.push_back((mask & bit) ? ((value & bit) ? '1' : '0') : '.');
    if (i % 4 == 0 && i != 0) out.push_back(' ');
  }
  return out;
}

std::string ipv4String(std::uint32_t v) {
  return fmt::format("{}.{}.{}.{}", v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
}

std::string ipv6String(ByteView v) {
  if (v.size() != 16) return toColonHex(v);
  // RFC 5952: lowercase, longest run (>1) of zero groups compressed.
  std::uint16_t g[8];
  for (int k = 0; k < 8; ++k) g[k] = static_cast<std::uint16_t>((v[2 * k] << 8) | v[2 * k + 1]);
  int bestStart = -1, bestLen = 0;
  for (int k = 0; k < 8;) {
    if (g[k] != 0) { ++k; continue; }
    int j = k;
    while (j < 8 && g[j] == 0) ++j;
    if (j - k > bestLen && j - k > 1) { bestStart = k; bestLen = j - k; }
    k = j;
  }
  std::string out;
  for (int k = 0; k < 8; ++k) {
    if (k == bestStart) {
      out += "::";
      k += bestLen - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += fmt::format("{:x}", g[k]);
  }
  return out;
}

std::string Field::valueString() const {
  switch (kind) {
    case FieldKind::None: return {};
    case FieldKind::Unsigned: return hexDigits ? hexString(u, hexDigits) : std::to_string(u);
    case FieldKind::Signed: return std::to_string(i);
    case FieldKind::Octets: return toColonHex(bytes);
    case FieldKind::Text: return text;
    case FieldKind::Ipv4: return ipv4String(static_cast<std::uint32_t>(u));
    case FieldKind::Ipv6: return ipv6String(bytes);
  }
  return {};
}

const Field* Field::find(std::string_view fieldName) const {
  if (name == fieldName) return this;
  for (const auto& c : children)
    if (const Field* f = c.find(fieldName)) return f;
  return nullptr;
}

void Field::findAll(std::string_view fieldName, std::vector<const Field*>& out) const {
  if (name == fieldName) out.push_back(this);
  for (const auto& c : children) c.findAll(fieldName, out);
}

namespace {
Field base(std::string nm, std::string lbl, FieldKind k, std::size_t off, std::size_t len) {
  Field f;
  f.name = std::move(nm);
  f.label = std::move(lbl);
  f.kind = k;
  f.offset = static_cast<std::uint32_t>(off);
  f.length = static_cast<std::uint32_t>(len);
  return f;
}
}  // namespace

Field& Field::addText(std::string lbl, std::size_t off, std::size_t len) {
  return add(base({}, std::move(lbl), FieldKind::None, off, len));
}

Field& Field::addUint(std::string nm, std::string lbl, std::uint64_t v, std::size_t off, std::size_t len,
                      std::uint8_t hexDigitsWanted) {
  Field f = base(std::move(nm), std::move(lbl), FieldKind::Unsigned, off, len);
  f.u = v;
  f.hexDigits = hexDigitsWanted;
  return add(std::move(f));
}

Field& Field::addInt(std::string nm, std::string lbl, std::int64_t v, std::size_t off, std::size_t len) {
  Field f = base(std::move(nm), std::move(lbl), FieldKind::Signed, off, len);
  f.i = v;
  return add(std::move(f));
}

Field& Field::addBytes(std::string nm, std::string lbl, ByteView v, std::size_t off) {
  Field f = base(std::move(nm), std::move(lbl), FieldKind::Octets, off, v.size());
  f.bytes.assign(v.begin(), v.end());
  return add(std::move(f));
}

Field& Field::addString(std::string nm, std::string lbl, std::string v, std::size_t off, std::size_t len) {
  Field f = base(std::move(nm), std::move(lbl), FieldKind::Text, off, len);
  f.text = std::move(v);
  return add(std::move(f));
}

Field& Field::addIpv4(std::string nm, std::string lbl, std::uint32_t v, std::size_t off) {
  Field f = base(std::move(nm), std::move(lbl), FieldKind::Ipv4, off, 4);
  f.u = v;
  return add(std::move(f));
}

Field& Field::addIpv6(std::string nm, std::string lbl, ByteView v, std::size_t off) {
  Field f = base(std::move(nm), std::move(lbl), FieldKind::Ipv6, off, v.size());
  f.bytes.assign(v.begin(), v.end());
  return add(std::move(f));
}

Field& Field::addMalformed(std::string reason, std::size_t off, std::size_t len) {
  Field f = base("_ws.malformed", "[Malformed Packet: " + reason + "]", FieldKind::None, off, len);
  f.malformed = true;
  f.expert = std::move(reason);
  return add(std::move(f));
}

Field makeLayer(std::string name, std::string label, std::size_t off, std::size_t len) {
  return base(std::move(name), std::move(label), FieldKind::None, off, len);
}

}  // namespace rs
