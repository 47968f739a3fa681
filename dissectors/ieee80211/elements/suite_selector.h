// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Cipher and AKM suite selectors: a 3-octet OUI (or CID) followed by a suite
// type (IEEE 802.11-2016 9.4.2.25.2 Table 9-131, 9.4.2.25.3 Table 9-133).
#include <cstdint>
#include <string_view>

namespace rs::ieee80211 {

inline constexpr std::uint32_t kIeee80211Oui = 0x000fac;  // 00-0F-AC, the standard's own suites and KDEs
inline constexpr std::uint32_t kWfaOui = 0x0050f2;        // 00-50-F2, WPA1 / WMM / WPS vendor elements

struct SuiteSelector {
  std::uint32_t oui = kIeee80211Oui;
  std::uint8_t type = 0;

  // The 32-bit value tshark shows for wlan.rsn.gcs and friends: OUI << 8 | type.
  std::uint32_t value() const { return (oui << 8) | type; }
  auto operator<=>(const SuiteSelector&) const = default;
};

namespace cipher {
inline constexpr SuiteSelector kUseGroup{kIeee80211Oui, 0};
inline constexpr SuiteSelector kWep40{kIeee80211Oui, 1};
inline constexpr SuiteSelector kTkip{kIeee80211Oui, 2};
inline constexpr SuiteSelector kCcmp128{kIeee80211Oui, 4};
inline constexpr SuiteSelector kWep104{kIeee80211Oui, 5};
inline constexpr SuiteSelector kBipCmac128{kIeee80211Oui, 6};
inline constexpr SuiteSelector kGcmp128{kIeee80211Oui, 8};
inline constexpr SuiteSelector kGcmp256{kIeee80211Oui, 9};
inline constexpr SuiteSelector kCcmp256{kIeee80211Oui, 10};
}  // namespace cipher

namespace akm {
inline constexpr SuiteSelector kIeee8021x{kIeee80211Oui, 1};
inline constexpr SuiteSelector kPsk{kIeee80211Oui, 2};
inline constexpr SuiteSelector kFtIeee8021x{kIeee80211Oui, 3};
inline constexpr SuiteSelector kFtPsk{kIeee80211Oui, 4};
inline constexpr SuiteSelector kIeee8021xSha256{kIeee80211Oui, 5};
inline constexpr SuiteSelector kPskSha256{kIeee80211Oui, 6};
inline constexpr SuiteSelector kSae{kIeee80211Oui, 8};
inline constexpr SuiteSelector kFtSae{kIeee80211Oui, 9};
}  // namespace akm

// "CCMP-128 (AES)", "TKIP", ... for 00-0F-AC and the WPA1 00-50-F2 selectors; "Unknown" otherwise.
std::string_view cipherSuiteName(SuiteSelector s);
// "PSK", "FT using PSK", "SAE", ...
std::string_view akmSuiteName(SuiteSelector s);
// Short organisation name for OUIs seen in elements ("Ieee 802.11", "Microsoft Corp."), "" if unknown.
std::string_view ouiName(std::uint32_t oui);

}  // namespace rs::ieee80211
