// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/elements/describe_support.h"

#include <bit>

#include <fmt/format.h>

namespace rs::ieee80211::detail {

void addBitFields(Field& word, std::uint64_t value, int bits, std::span<const BitField> fields) {
  for (const auto& f : fields) {
    const int shift = f.mask ? std::countr_zero(f.mask) : 0;
    const std::uint64_t v = (value & f.mask) >> shift;
    const std::string pattern = bitPattern(value, f.mask, bits);
    switch (f.kind) {
      case BitKind::Bool:
        word.addUint(std::string(f.name), fmt::format("{} = {}: {}", pattern, f.label, v ? "True" : "False"), v,
                     word.offset, word.length);
        break;
      case BitKind::Hex:
        word.addUint(std::string(f.name), fmt::format("{} = {}: {}", pattern, f.label, hexString(v, bits / 4)), v,
                     word.offset, word.length, static_cast<std::uint8_t>(bits / 4));
        break;
      case BitKind::Dec:
        word.addUint(std::string(f.name), fmt::format("{} = {}: {}", pattern, f.label, v), v, word.offset,
                     word.length);
        break;
    }
  }
}

Field& addFlagsWord(Field& parent, std::string name, std::string label, std::uint64_t value, int bits,
                    std::size_t off, std::span<const BitField> fields) {
  const auto digits = static_cast<std::uint8_t>(bits / 4);
  Field& word = parent.addUint(std::move(name), fmt::format("{}: {}", label, hexString(value, digits)), value, off,
                               static_cast<std::size_t>(bits / 8), digits);
  addBitFields(word, value, bits, fields);
  return word;
}

bool markShort(Field& tag, Dissection& out, const ByteReader& r, std::string_view what) {
  tag.malformed = true;
  out.markMalformed(tag, fmt::format("{} runs past the end of the element", what), r.failureOffset());
  return false;
}

}  // namespace rs::ieee80211::detail
