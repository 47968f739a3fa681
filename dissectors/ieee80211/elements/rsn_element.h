// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RSN element (IEEE 802.11-2016 9.4.2.25) and the pre-standard WPA1 vendor
// element (OUI 00-50-F2 type 1, same layout with vendor suite selectors).
// Every field after Version is optional, but a field may only be present when
// all fields before it are: the parse keeps that shape (std::nullopt = the
// element ended before the field) so build(parse(x)) gives x back.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/ieee80211/elements/suite_selector.h"

namespace rs::ieee80211 {

using Pmkid = std::array<std::uint8_t, 16>;

// RSN Capabilities bits (9.4.2.25.4, Figure 9-257).
namespace rsncap {
inline constexpr std::uint16_t kPreauth = 0x0001;
inline constexpr std::uint16_t kNoPairwise = 0x0002;
inline constexpr std::uint16_t kPtksaReplayCounterMask = 0x000c;
inline constexpr std::uint16_t kGtksaReplayCounterMask = 0x0030;
inline constexpr std::uint16_t kMfpRequired = 0x0040;
inline constexpr std::uint16_t kMfpCapable = 0x0080;
inline constexpr std::uint16_t kJointMultibandRsna = 0x0100;
inline constexpr std::uint16_t kPeerKeyEnabled = 0x0200;
inline constexpr std::uint16_t kExtendedKeyId = 0x2000;
}  // namespace rsncap

struct RsnElement {
  std::uint16_t version = 1;
  std::optional<SuiteSelector> groupCipher;
  std::optional<std::vector<SuiteSelector>> pairwiseCiphers;
  std::optional<std::vector<SuiteSelector>> akmSuites;
  std::optional<std::uint16_t> capabilities;
  std::optional<std::vector<Pmkid>> pmkids;
  std::optional<SuiteSelector> groupManagementCipher;

  bool operator==(const RsnElement&) const = default;
};

// Parses the information octets of an RSN element (after ID and Length).
// std::nullopt when a count runs past the data or a field is cut in half.
std::optional<RsnElement> parseRsne(ByteView data);
// Builds the whole element (ID 48, Length, fields). A field missing before a
// present one is written with the standard's default (9.4.2.25.1: CCMP-128 group
// and pairwise cipher, 00-0F-AC:1 AKM, capabilities 0, no PMKIDs).
Bytes buildRsne(const RsnElement& rsne);

struct WpaElement {
  std::uint16_t version = 1;
  std::optional<SuiteSelector> groupCipher;
  std::optional<std::vector<SuiteSelector>> pairwiseCiphers;
  std::optional<std::vector<SuiteSelector>> akmSuites;
  std::optional<std::uint16_t> capabilities;

  bool operator==(const WpaElement&) const = default;
};

// Parses the information octets of a vendor-specific element that starts with
// 00-50-F2 type 1; std::nullopt if it is another vendor element or malformed.
std::optional<WpaElement> parseWpaElement(ByteView data);
// Builds the whole vendor-specific element (ID 221, Length, OUI, type 1, fields).
// Missing fields before a present one default to the WPA defaults: TKIP ciphers, 00-50-F2:1 (802.1X) AKM.
Bytes buildWpaElement(const WpaElement& wpa);

}  // namespace rs::ieee80211
