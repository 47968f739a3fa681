// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Code → name tables of IEEE 802.11 (the 2016 revision unless noted). They are
// data shared by the describe layer, the packet list and the analysis, so
// every caller names a status, reason or frame type the same way.
#include <cstdint>
#include <string_view>

namespace rs::ieee80211 {

// "Beacon frame", "QoS Data", "802.11 Block Ack", ... (tshark's wording, 9.2.4.1.3 Table 9-1).
// Reserved combinations give "Unknown" (the packet list says "Unrecognized (Reserved frame)").
std::string_view frameTypeName(std::uint8_t type, std::uint8_t subtype);
// Status Code field, 9.4.1.9 Table 9-46. Reserved values give "Reserved".
std::string_view statusCodeName(std::uint16_t code);
// Reason Code field, 9.4.1.7 Table 9-45. Reserved values give "Reserved".
std::string_view reasonCodeName(std::uint16_t code);
// Authentication Algorithm Number field, 9.4.1.1.
std::string_view authAlgorithmName(std::uint16_t algorithm);
// Category field of Action frames, 9.4.1.11 Table 9-76.
std::string_view categoryName(std::uint8_t category);
// Action field of the categories RoamScope describes; empty when unknown.
std::string_view actionName(std::uint8_t category, std::uint8_t action);
// IEEE 802.1D user priority as tshark renders it: "Video (Video)".
std::string_view userPriorityName(std::uint8_t priority);

}  // namespace rs::ieee80211

namespace rs {
// The names the brief asks for at namespace rs level (the analysis uses them).
using ieee80211::frameTypeName;
using ieee80211::reasonCodeName;
using ieee80211::statusCodeName;
}  // namespace rs
