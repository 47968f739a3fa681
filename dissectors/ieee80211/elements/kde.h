// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Key Data Encapsulations of EAPOL-Key frames (IEEE 802.11-2016 12.7.2,
// Table 12-6): vendor-specific elements with OUI 00-0F-AC whose fourth octet is
// the data type. Key Data mixes them with ordinary elements (RSNE, MDE, FTE...)
// and, when AES key wrap needed padding, ends with 0xdd followed by zeros.
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/rsn_element.h"

namespace rs::ieee80211 {

namespace kde {
inline constexpr std::uint8_t kGtk = 1;
inline constexpr std::uint8_t kStaKey = 2;
inline constexpr std::uint8_t kMacAddress = 3;
inline constexpr std::uint8_t kPmkid = 4;
inline constexpr std::uint8_t kNonce = 6;
inline constexpr std::uint8_t kLifetime = 7;
inline constexpr std::uint8_t kError = 8;
inline constexpr std::uint8_t kIgtk = 9;
inline constexpr std::uint8_t kKeyId = 10;
inline constexpr std::uint8_t kMultibandGtk = 11;
inline constexpr std::uint8_t kMultibandKeyId = 12;
inline constexpr std::uint8_t kOci = 13;
inline constexpr std::uint8_t kBigtk = 14;
}  // namespace kde

// "GTK", "PMKID", "IGTK", ... or "Unknown".
std::string_view kdeName(std::uint8_t dataType);

// One item of Key Data: either a KDE (isKde, dataType, kdeData after the type
// octet) or an ordinary element (element.id != 221 or another OUI).
struct KeyDataItem {
  ElementView element;
  bool isKde = false;
  std::uint8_t dataType = 0;
  ByteView kdeData;
};

struct KeyDataWalk {
  bool complete = true;        // false when an item ran past the end
  std::size_t stopOffset = 0;  // offset of the broken item, or of the padding / end
  bool padded = false;         // stopped on padding
};

// True when data[pos..] is key-wrap padding: 0xdd followed only by zeros, or
// only zeros (some APs pad with zeros; tshark then shows empty SSID elements).
bool isKeyDataPadding(ByteView data, std::size_t pos);

// Walks Key Data, calling visit(const KeyDataItem&) per item; stops at padding.
template <typename Visitor>
KeyDataWalk forEachKeyDataItem(ByteView keyData, Visitor&& visit, std::size_t base = 0);

struct GtkKde {
  std::uint8_t keyId = 0;
  bool tx = false;
  ByteView gtk;
};
struct IgtkKde {
  std::uint16_t keyId = 0;
  std::uint64_t ipn = 0;  // 48-bit, little-endian on the wire
  ByteView igtk;
};

// Parsers take the KDE data after the data type octet.
std::optional<GtkKde> parseGtkKde(ByteView kdeData);
std::optional<Pmkid> parsePmkidKde(ByteView kdeData);
std::optional<IgtkKde> parseIgtkKde(ByteView kdeData);
std::optional<MacAddress> parseMacAddressKde(ByteView kdeData);

// The first KDE of this type in complete Key Data items.
std::optional<KeyDataItem> findKde(ByteView keyData, std::uint8_t dataType);

// Builders return the whole KDE (0xdd, Length, 00-0F-AC, type, data).
Bytes buildKde(std::uint8_t dataType, ByteView data);
Bytes buildGtkKde(std::uint8_t keyId, bool tx, ByteView gtk);
Bytes buildPmkidKde(const Pmkid& pmkid);
Bytes buildIgtkKde(std::uint16_t keyId, std::uint64_t ipn, ByteView igtk);
Bytes buildMacAddressKde(const MacAddress& mac);
// Pads Key Data for AES key wrap (12.7.2 j): when shorter than 16 octets or not
// a multiple of 8, append 0xdd and then zeros.
void padKeyDataForKeyWrap(Bytes& keyData);

// ---- implementation of the template ----
template <typename Visitor>
KeyDataWalk forEachKeyDataItem(ByteView keyData, Visitor&& visit, std::size_t base) {
  KeyDataWalk walk;
  std::size_t pos = 0;
  while (pos < keyData.size()) {
    if (isKeyDataPadding(keyData, pos)) {
      walk.padded = true;
      walk.stopOffset = base + pos;
      return walk;
    }
    ElementIterator it(keyData.subspan(pos), base + pos);
    KeyDataItem item;
    if (!it.next(item.element)) {
      walk.complete = false;
      walk.stopOffset = base + pos;
      return walk;
    }
    const ByteView d = item.element.data;
    if (item.element.id == 221 && d.size() >= 4 && d[0] == 0x00 && d[1] == 0x0f && d[2] == 0xac) {
      item.isKde = true;
      item.dataType = d[3];
      item.kdeData = d.subspan(4);
    }
    visit(item);
    pos += item.element.totalLength();
  }
  walk.stopOffset = base + pos;
  return walk;
}

}  // namespace rs::ieee80211
