// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Radiotap capture header (https://www.radiotap.org): typed view, parser and
// builder. All multi-byte fields are little-endian and aligned to their
// natural size relative to the start of the header.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs {

// Bit numbers of the radiotap namespace (radiotap.org "Defined fields").
namespace radiotap_bit {
inline constexpr unsigned kTsft = 0;
inline constexpr unsigned kFlags = 1;
inline constexpr unsigned kRate = 2;
inline constexpr unsigned kChannel = 3;
inline constexpr unsigned kFhss = 4;
inline constexpr unsigned kDbmAntSignal = 5;
inline constexpr unsigned kDbmAntNoise = 6;
inline constexpr unsigned kLockQuality = 7;
inline constexpr unsigned kTxAttenuation = 8;
inline constexpr unsigned kDbTxAttenuation = 9;
inline constexpr unsigned kDbmTxPower = 10;
inline constexpr unsigned kAntenna = 11;
inline constexpr unsigned kDbAntSignal = 12;
inline constexpr unsigned kDbAntNoise = 13;
inline constexpr unsigned kRxFlags = 14;
inline constexpr unsigned kTxFlags = 15;
inline constexpr unsigned kRtsRetries = 16;
inline constexpr unsigned kDataRetries = 17;
inline constexpr unsigned kXChannel = 18;
inline constexpr unsigned kMcs = 19;
inline constexpr unsigned kAmpduStatus = 20;
inline constexpr unsigned kVht = 21;
inline constexpr unsigned kTimestamp = 22;
inline constexpr unsigned kHe = 23;
inline constexpr unsigned kHeMu = 24;
inline constexpr unsigned kZeroLengthPsdu = 26;
inline constexpr unsigned kLsig = 27;
inline constexpr unsigned kTlv = 28;
inline constexpr unsigned kRadiotapNamespace = 29;
inline constexpr unsigned kVendorNamespace = 30;
inline constexpr unsigned kExt = 31;
}  // namespace radiotap_bit

// Flags field bits (radiotap.org "Flags").
namespace radiotap_flag {
inline constexpr std::uint8_t kCfp = 0x01;
inline constexpr std::uint8_t kShortPreamble = 0x02;
inline constexpr std::uint8_t kWep = 0x04;
inline constexpr std::uint8_t kFragmentation = 0x08;
inline constexpr std::uint8_t kFcsAtEnd = 0x10;
inline constexpr std::uint8_t kDataPad = 0x20;
inline constexpr std::uint8_t kBadFcs = 0x40;
inline constexpr std::uint8_t kShortGi = 0x80;
}  // namespace radiotap_flag

// Channel flags (radiotap.org "Channel"), shared with PPI 802.11-Common.
namespace channel_flag {
inline constexpr std::uint16_t kTurbo = 0x0010;
inline constexpr std::uint16_t kCck = 0x0020;
inline constexpr std::uint16_t kOfdm = 0x0040;
inline constexpr std::uint16_t k2Ghz = 0x0080;
inline constexpr std::uint16_t k5Ghz = 0x0100;
inline constexpr std::uint16_t kPassive = 0x0200;
inline constexpr std::uint16_t kDynamic = 0x0400;
inline constexpr std::uint16_t kGfsk = 0x0800;
inline constexpr std::uint16_t kGsm = 0x1000;
inline constexpr std::uint16_t kStaticTurbo = 0x2000;
inline constexpr std::uint16_t kHalf = 0x4000;
inline constexpr std::uint16_t kQuarter = 0x8000;
}  // namespace channel_flag

struct RadiotapChannel {
  std::uint16_t frequency = 0;  // MHz
  std::uint16_t flags = 0;
  bool operator==(const RadiotapChannel&) const = default;
};
struct RadiotapFhss {
  std::uint8_t hopSet = 0;
  std::uint8_t hopPattern = 0;
  bool operator==(const RadiotapFhss&) const = default;
};
struct RadiotapXChannel {
  std::uint32_t flags = 0;
  std::uint16_t frequency = 0;
  std::uint8_t channel = 0;
  std::uint8_t maxPower = 0;
  bool operator==(const RadiotapXChannel&) const = default;
};
// MCS field: known mask, flags (bandwidth, GI, format, FEC, STBC, Ness bit 0), index.
struct RadiotapMcs {
  std::uint8_t known = 0;
  std::uint8_t flags = 0;
  std::uint8_t index = 0;
  bool operator==(const RadiotapMcs&) const = default;
};
struct RadiotapAmpduStatus {
  std::uint32_t reference = 0;
  std::uint16_t flags = 0;
  std::uint8_t delimiterCrc = 0;
  std::uint8_t reserved = 0;
  bool operator==(const RadiotapAmpduStatus&) const = default;
};
struct RadiotapVht {
  std::uint16_t known = 0;
  std::uint8_t flags = 0;
  std::uint8_t bandwidth = 0;
  std::array<std::uint8_t, 4> mcsNss{};  // per user: MCS in the high nibble, NSS in the low nibble
  std::uint8_t coding = 0;
  std::uint8_t groupId = 0;
  std::uint16_t partialAid = 0;
  bool operator==(const RadiotapVht&) const = default;
};
struct RadiotapTimestamp {
  std::uint64_t timestamp = 0;
  std::uint16_t accuracy = 0;
  std::uint8_t unitPosition = 0;  // unit in bits 0-3, sampling position in bits 4-7
  std::uint8_t flags = 0;
  bool operator==(const RadiotapTimestamp&) const = default;
};
struct RadiotapHe {
  std::array<std::uint16_t, 6> data{};
  bool operator==(const RadiotapHe&) const = default;
};
struct RadiotapHeMu {
  std::uint16_t flags1 = 0;
  std::uint16_t flags2 = 0;
  std::array<std::uint8_t, 4> ruChannel1{};
  std::array<std::uint8_t, 4> ruChannel2{};
  bool operator==(const RadiotapHeMu&) const = default;
};
struct RadiotapLsig {
  std::uint16_t data1 = 0;
  std::uint16_t data2 = 0;
  bool operator==(const RadiotapLsig&) const = default;
};
struct RadiotapTlv {
  std::uint16_t type = 0;
  std::uint16_t length = 0;
  std::size_t offset = 0;  // of the type field, from the start of the header
  bool operator==(const RadiotapTlv&) const = default;
};

// The fields of one radiotap namespace instance. A header may restart the
// radiotap namespace (presence bit 29) to report per-antenna values; each
// restart gets its own RadiotapFields.
struct RadiotapFields {
  std::optional<std::uint64_t> tsft;
  std::optional<std::uint8_t> flags;
  std::optional<std::uint8_t> rate;  // 500 kb/s units
  std::optional<RadiotapChannel> channel;
  std::optional<RadiotapFhss> fhss;
  std::optional<std::int8_t> dbmAntennaSignal;
  std::optional<std::int8_t> dbmAntennaNoise;
  std::optional<std::uint16_t> lockQuality;
  std::optional<std::uint16_t> txAttenuation;
  std::optional<std::uint16_t> dbTxAttenuation;
  std::optional<std::int8_t> dbmTxPower;
  std::optional<std::uint8_t> antenna;
  std::optional<std::uint8_t> dbAntennaSignal;
  std::optional<std::uint8_t> dbAntennaNoise;
  std::optional<std::uint16_t> rxFlags;
  std::optional<std::uint16_t> txFlags;
  std::optional<std::uint8_t> rtsRetries;
  std::optional<std::uint8_t> dataRetries;
  std::optional<RadiotapXChannel> xChannel;
  std::optional<RadiotapMcs> mcs;
  std::optional<RadiotapAmpduStatus> ampduStatus;
  std::optional<RadiotapVht> vht;
  std::optional<RadiotapTimestamp> timestamp;
  std::optional<RadiotapHe> he;
  std::optional<RadiotapHeMu> heMu;
  std::optional<std::uint8_t> zeroLengthPsdu;
  std::optional<RadiotapLsig> lsig;
  std::vector<RadiotapTlv> tlvs;
  bool operator==(const RadiotapFields&) const = default;
};

struct RadiotapVendorNamespace {
  std::array<std::uint8_t, 3> oui{};
  std::uint8_t subNamespace = 0;
  std::uint16_t skipLength = 0;
  std::size_t headerOffset = 0;  // of the 6-byte vendor namespace field
  std::size_t dataOffset = 0;    // of the skipLength bytes of vendor data
};

// Where one field's bytes are, for the description.
struct RadiotapFieldSpan {
  std::size_t namespaceIndex = 0;  // index into RadiotapHeader::namespaces
  unsigned bit = 0;
  std::size_t offset = 0;
  std::size_t length = 0;
};

enum class RadiotapError : std::uint8_t {
  None,
  Truncated,         // the frame ends inside the header (or before 8 bytes)
  BadVersion,        // it_version != 0
  LengthTooShort,    // it_len < 8
  PresentOverrun,    // presence bitmaps run past it_len
  FieldOverrun,      // a field runs past it_len
  BothNamespaces,    // bits 29 and 30 set in one word
};

struct RadiotapHeader {
  std::uint8_t version = 0;
  std::uint8_t pad = 0;
  std::uint16_t length = 0;  // it_len: the 802.11 frame starts here
  std::vector<std::uint32_t> presentWords;
  // namespaces[0] is the first radiotap namespace; each bit-29 restart adds one.
  std::vector<RadiotapFields> namespaces;
  std::vector<RadiotapVendorNamespace> vendorNamespaces;
  std::vector<RadiotapFieldSpan> spans;  // every decoded field in header order

  // Parsing stopped at a presence bit whose size radiotap does not define;
  // the fields after it are not decoded, `length` still locates the frame.
  bool stoppedAtUnknownField = false;
  unsigned unknownBit = 0;  // bit number within its word

  RadiotapError error = RadiotapError::None;
  std::size_t errorOffset = 0;  // first byte that was missing or wrong

  bool ok() const { return error == RadiotapError::None; }
  const RadiotapFields& primary() const;
  // Convenience over the first namespace.
  bool fcsAtEnd() const;
  bool badFcs() const;
  // Every dBm antenna signal, in header order (combined first, then per antenna).
  std::vector<std::int8_t> allDbmAntennaSignals() const;
};

// Parses the radiotap header at the start of `frame`. Returns nullopt only when
// not even the 8-byte fixed part is there; otherwise the result keeps every
// field decoded before an error (see RadiotapHeader::error).
std::optional<RadiotapHeader> parseRadiotap(ByteView frame);

// Builds a header carrying namespaces[0]'s TSFT, flags, rate, channel, dBm
// antenna signal/noise, antenna, RX flags and MCS, plus one extra radiotap
// namespace per further entry of `namespaces` (per-antenna dBm signal, dBm
// noise, antenna). Other fields are not written. `length`/`presentWords` are
// computed, not read.
Bytes buildRadiotap(const RadiotapHeader& header);

// True when every field of `header` is one buildRadiotap writes (so the bytes
// re-serialise exactly).
bool radiotapIsBuildable(const RadiotapHeader& header);

// Cheap summary for the indexing pass: no allocation, walks the first
// presence word only as far as the dBm antenna signal (bit 5).
struct RadiotapQuick {
  std::uint16_t headerLength = 0;
  bool fcsAtEnd = false;
  bool hasFrequency = false;
  bool hasSignal = false;
  std::uint16_t frequency = 0;  // MHz
  std::int8_t dbmSignal = 0;  // the first namespace's (combined) signal, not per-antenna values
};
// False when the header is malformed (short, bad version, length beyond the frame).
bool radiotapQuickInfo(ByteView frame, RadiotapQuick& out);

// IEEE 802.11 channel number for a centre frequency (Annex E): 2.4 GHz
// (f - 2407) / 5 with 2484 -> 14, 5 GHz (f - 5000) / 5, 6 GHz (f - 5950) / 5.
std::optional<unsigned> channelFromFrequency(unsigned mhz);

}  // namespace rs
