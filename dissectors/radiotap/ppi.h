// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-Packet Information header (CACE Technologies "PPI Header Format
// Specification" 1.0.10): 8-byte header (version, flags, length, DLT), then
// type/length/value fields, all little-endian.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs {

namespace ppi_field {
inline constexpr std::uint16_t k80211Common = 2;
inline constexpr std::uint16_t k80211nMac = 3;
inline constexpr std::uint16_t k80211nMacPhy = 4;
inline constexpr std::uint16_t kSpectrumMap = 5;
inline constexpr std::uint16_t kProcessInfo = 6;
inline constexpr std::uint16_t kCaptureInfo = 7;
}  // namespace ppi_field

// 802.11-Common flags (spec 4.1.2).
namespace ppi_common_flag {
inline constexpr std::uint16_t kFcsPresent = 0x0001;
inline constexpr std::uint16_t kTsfInMilliseconds = 0x0002;
inline constexpr std::uint16_t kFcsInvalid = 0x0004;
inline constexpr std::uint16_t kPhyError = 0x0008;
}  // namespace ppi_common_flag

// Field type 2, 20 bytes.
struct Ppi80211Common {
  std::uint64_t tsfTimer = 0;
  std::uint16_t flags = 0;
  std::uint16_t rate = 0;  // 500 kb/s units
  std::uint16_t channelFrequency = 0;
  std::uint16_t channelFlags = 0;  // radiotap channel flag bits
  std::uint8_t fhssHopset = 0;
  std::uint8_t fhssPattern = 0;
  std::int8_t dbmAntSignal = 0;
  std::int8_t dbmAntNoise = 0;
  bool operator==(const Ppi80211Common&) const = default;
};
inline constexpr std::size_t kPpi80211CommonSize = 20;

struct PpiFieldHeader {
  std::uint16_t type = 0;
  std::uint16_t length = 0;
  std::size_t offset = 0;  // of the type field, from the start of the PPI header
};

enum class PpiError : std::uint8_t { None, Truncated, BadVersion, LengthTooShort, FieldOverrun, BadCommonLength };

struct PpiHeader {
  std::uint8_t version = 0;
  std::uint8_t flags = 0;  // bit 0: fields are 32-bit aligned
  std::uint16_t length = 0;
  std::uint32_t dlt = 105;  // the payload's link type
  std::vector<PpiFieldHeader> fields;
  std::optional<Ppi80211Common> common;
  PpiError error = PpiError::None;
  std::size_t errorOffset = 0;
  bool ok() const { return error == PpiError::None; }
};

// nullopt when fewer than the 8 fixed bytes are there.
std::optional<PpiHeader> parsePpi(ByteView frame);
// Header plus the 802.11-Common field when present (length computed).
Bytes buildPpi(const PpiHeader& header);

}  // namespace rs
