// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers shared by the element describers (internal to this folder): tshark's
// rendering of bit fields ("..00 11.. = Name: value") and per-element
// describer signatures.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/dissection.h"
#include "dissectors/common/field.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/elements.h"

namespace rs::ieee80211::detail {

enum class BitKind : std::uint8_t { Bool, Hex, Dec };

// One named bit range of a flags word, as tshark registers it: the value shown
// is (word & mask) >> shift; Hex renders with the word's width ("0x0003").
struct BitField {
  std::string_view name;
  std::string_view label;
  std::uint64_t mask;
  BitKind kind;
};

// "..00 11.." style pattern of `mask` bits within a `bits`-wide word.
using rs::bitPattern;  // dissectors/common/field.h

// Adds one child per bit field under `word` (whose value/width are given).
void addBitFields(Field& word, std::uint64_t value, int bits, std::span<const BitField> fields);

// Adds a flags word (hex) and its bit fields as the word's children.
Field& addFlagsWord(Field& parent, std::string name, std::string label, std::uint64_t value, int bits,
                    std::size_t off, std::span<const BitField> fields);

// Marks the element `tag` malformed at the reader's failure point.
bool markShort(Field& tag, Dissection& out, const ByteReader& r, std::string_view what);

// Offset of the element's information octets (after ID, Length and extension ID).
inline std::size_t dataOffset(const ElementView& e) { return e.offset + 2 + (e.hasExtId ? 1 : 0); }

// Per-element describers: add the element's fields under `tag`; false = malformed.
using Describer = bool (*)(const ElementView&, Field& tag, Dissection& out, const ElementContext& ctx);

bool describeSsid(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeRates(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeDsParameter(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeTim(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeCountry(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeErp(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeHtCapabilities(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeHtOperation(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeExtendedCapabilities(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeRmCapabilities(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeRsne(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeRsnx(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeMde(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeFte(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeTimeoutInterval(const ElementView&, Field&, Dissection&, const ElementContext&);
bool describeVendorSpecific(const ElementView&, Field&, Dissection&, const ElementContext&);

// Vendor payload describers (data after OUI and type octet), called by describeVendorSpecific.
bool describeWpaIe(const ElementView&, Field&, Dissection&, std::size_t off, ByteView body);
bool describeWmm(const ElementView&, Field&, Dissection&, const ElementContext&, std::size_t off, ByteView body);
bool describeWps(const ElementView&, Field&, Dissection&, std::size_t off, ByteView body);
bool describeKde(const ElementView&, Field&, Dissection&, std::uint8_t dataType, std::size_t off, ByteView body);

}  // namespace rs::ieee80211::detail
