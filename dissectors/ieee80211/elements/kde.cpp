// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/elements/kde.h"

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/suite_selector.h"

namespace rs::ieee80211 {

std::string_view kdeName(std::uint8_t dataType) {
  switch (dataType) {
    case kde::kGtk: return "GTK";
    case kde::kStaKey: return "STAKey";
    case kde::kMacAddress: return "MAC address";
    case kde::kPmkid: return "PMKID";
    case kde::kNonce: return "Nonce";
    case kde::kLifetime: return "Lifetime";
    case kde::kError: return "Error";
    case kde::kIgtk: return "IGTK";
    case kde::kKeyId: return "Key ID";
    case kde::kMultibandGtk: return "Multi-band GTK";
    case kde::kMultibandKeyId: return "Multi-band Key ID";
    case kde::kOci: return "OCI";
    case kde::kBigtk: return "BIGTK";
    default: return "Unknown";
  }
}

bool isKeyDataPadding(ByteView data, std::size_t pos) {
  if (pos >= data.size()) return false;
  if (data[pos] != 0xdd && data[pos] != 0x00) return false;
  // "0xdd 0x00" on its own is also an empty vendor element; a real vendor
  // element needs at least an OUI, so a zero length after 0xdd means padding.
  return std::all_of(data.begin() + static_cast<std::ptrdiff_t>(pos) + 1, data.end(),
                     [](std::uint8_t b) { return b == 0; });
}

std::optional<GtkKde> parseGtkKde(ByteView kdeData) {
  // 12.7.2 Figure 12-36: Key ID (bits 0-1) and Tx (bit 2) octet, reserved octet, GTK.
  if (kdeData.size() < 3) return std::nullopt;
  GtkKde g;
  g.keyId = kdeData[0] & 0x03;
  g.tx = kdeData[0] & 0x04;
  g.gtk = kdeData.subspan(2);
  return g;
}

std::optional<Pmkid> parsePmkidKde(ByteView kdeData) {
  if (kdeData.size() != 16) return std::nullopt;
  Pmkid p;
  std::copy(kdeData.begin(), kdeData.end(), p.begin());
  return p;
}

std::optional<IgtkKde> parseIgtkKde(ByteView kdeData) {
  // 12.7.2 Figure 12-42: Key ID (2, LE), IPN (6, LE), IGTK.
  ByteReader r(kdeData);
  IgtkKde k;
  k.keyId = r.u16le();
  k.ipn = r.u48le();
  if (r.failed() || r.empty()) return std::nullopt;
  k.igtk = r.rest();
  return k;
}

std::optional<MacAddress> parseMacAddressKde(ByteView kdeData) {
  if (kdeData.size() != 6) return std::nullopt;
  return MacAddress::fromView(kdeData);
}

std::optional<KeyDataItem> findKde(ByteView keyData, std::uint8_t dataType) {
  std::optional<KeyDataItem> found;
  forEachKeyDataItem(keyData, [&](const KeyDataItem& item) {
    if (!found && item.isKde && item.dataType == dataType) found = item;
  });
  return found;
}

Bytes buildKde(std::uint8_t dataType, ByteView data) { return buildVendorSpecific(kIeee80211Oui, dataType, data); }

Bytes buildGtkKde(std::uint8_t keyId, bool tx, ByteView gtk) {
  ByteWriter w;
  w.u8(static_cast<std::uint8_t>((keyId & 0x03) | (tx ? 0x04 : 0x00))).u8(0).bytes(gtk);
  return buildKde(kde::kGtk, w.data());
}

Bytes buildPmkidKde(const Pmkid& pmkid) { return buildKde(kde::kPmkid, pmkid); }

Bytes buildIgtkKde(std::uint16_t keyId, std::uint64_t ipn, ByteView igtk) {
  ByteWriter w;
  w.u16le(keyId).u48le(ipn).bytes(igtk);
  return buildKde(kde::kIgtk, w.data());
}

Bytes buildMacAddressKde(const MacAddress& mac) { return buildKde(kde::kMacAddress, mac.view()); }

void padKeyDataForKeyWrap(Bytes& keyData) {
  if (keyData.size() >= 16 && keyData.size() % 8 == 0) return;
  keyData.push_back(0xdd);
  while (keyData.size() < 16 || keyData.size() % 8 != 0) keyData.push_back(0x00);
}

}  // namespace rs::ieee80211
