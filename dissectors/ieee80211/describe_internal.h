// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pieces of the 802.11 describe step shared between this folder's files (not
// a public API): each file describes one part of the frame into tshark-named
// fields with absolute offsets.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"
#include "dissectors/common/field.h"
#include "dissectors/ieee80211/mac_header.h"

namespace rs::ieee80211::detail {

// ".... ..01" — Wireshark's rendering of the bits of `mask` within a `bits`-wide value.
using rs::bitPattern;  // dissectors/common/field.h
// Adds a bit field: the value is (raw & mask) >> shift, the label "<pattern> = <text>".
Field& addBits(Field& parent, std::string name, std::string_view text, std::uint64_t raw, std::uint64_t mask, int bits,
               std::size_t off, std::size_t len, std::uint8_t hexDigits = 0);
// The value stored by addBits for `mask`.
std::uint64_t maskedValue(std::uint64_t raw, std::uint64_t mask);
Field& addMac(Field& parent, std::string name, std::string_view label, ByteView frame, std::size_t off);

// The packet-list flags string: "o" order, "p" protected, "m" more data, "P" power
// management, "R" retry, "M" more fragments, "F" from DS, "T" to DS; '.' when clear.
std::string flagsString(std::uint8_t flags);

// Describes the MAC header at frame[start..] into `layer`. Fills `header` as far
// as the bytes go; returns false (and marks malformed) when the header is truncated.
bool describeMacHeader(ByteView frame, std::size_t start, Field& layer, Dissection& out, MacHeader& header);
void describeQosControl(Field& layer, const MacHeader& header, std::size_t off);
void describeHtControl(Field& layer, std::uint32_t value, std::size_t off);

// Management frame bodies: adds the "wlan.mgt" layer. `bodyOffset` is absolute.
void describeManagementBody(ByteView frame, const MacHeader& header, std::size_t bodyOffset, std::size_t source,
                            Dissection& out);
// Action frame fields from the category at `off` to `end`, into `mgt`.
void describeActionBody(ByteView frame, std::size_t off, std::size_t end, Field& mgt, Dissection& out);
// Control frame bodies (BlockAckReq, BlockAck, ...), appended to the wlan layer.
void describeControlBody(ByteView frame, const MacHeader& header, std::size_t bodyOffset, Field& layer,
                         Dissection& out);
// The CCMP/TKIP/WEP header at `off` (9.5.2, 12.5.2.2, 12.5.3.2); returns its length or 0 when truncated.
std::size_t describeProtectionHeader(ByteView frame, std::size_t off, Field& layer, Dissection& out);
// A-MSDU subframes (9.3.2.2) from `off` to the end: adds "wlan_aggregate" and hands each MSDU to dissectLlc.
void describeAmsdu(ByteView frame, std::size_t off, std::size_t source, Dissection& out);
// The SSID of the first SSID element in frame[off, end), for the Info column; empty optional when absent.
bool findSsid(ByteView frame, std::size_t off, std::size_t end, std::string& ssid);

}  // namespace rs::ieee80211::detail

namespace rs::ieee80211::detail {
// Block Ack Starting Sequence Control (9.3.1.8.3), shared by ADDBA and BlockAckReq/BlockAck.
void describeStartingSequenceControl(Field& parent, std::uint16_t ssc, std::size_t off);
}  // namespace rs::ieee80211::detail

namespace rs::ieee80211::detail {
// The Mesh Control field of mesh data frames; returns its length or 0 when truncated.
std::size_t describeMeshControl(ByteView frame, std::size_t off, Field& layer, Dissection& out);
}  // namespace rs::ieee80211::detail
