// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Element IDs of IEEE 802.11-2016 9.4.2.1 (Table 9-77) that RoamScope parses,
// builds or describes by name, and the name table for every ID.
#include <cstdint>
#include <string_view>

namespace rs::ieee80211 {

namespace eid {
inline constexpr std::uint8_t kSsid = 0;
inline constexpr std::uint8_t kSupportedRates = 1;
inline constexpr std::uint8_t kDsParameterSet = 3;
inline constexpr std::uint8_t kTim = 5;
inline constexpr std::uint8_t kCountry = 7;
inline constexpr std::uint8_t kErp = 42;
inline constexpr std::uint8_t kHtCapabilities = 45;
// Pre-standard ERP Information ID still sent by some 802.11g APs; tshark decodes it as ERP.
inline constexpr std::uint8_t kErpLegacy = 47;
inline constexpr std::uint8_t kRsn = 48;
inline constexpr std::uint8_t kExtendedSupportedRates = 50;
inline constexpr std::uint8_t kMobilityDomain = 54;
inline constexpr std::uint8_t kFastBssTransition = 55;
inline constexpr std::uint8_t kTimeoutInterval = 56;
inline constexpr std::uint8_t kHtOperation = 61;
inline constexpr std::uint8_t kRmEnabledCapabilities = 70;
inline constexpr std::uint8_t kExtendedCapabilities = 127;
inline constexpr std::uint8_t kVendorSpecific = 221;
inline constexpr std::uint8_t kRsnExtension = 244;
inline constexpr std::uint8_t kExtension = 255;
}  // namespace eid

// The element's name from IEEE 802.11 Table 9-77 ("RSN", "Mobility Domain"),
// "Reserved" for unassigned IDs.
std::string_view elementName(std::uint8_t id);
// The name of an Element ID Extension (element 255), "Reserved" if unassigned.
std::string_view extensionElementName(std::uint8_t extId);

}  // namespace rs::ieee80211
