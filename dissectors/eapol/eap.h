// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// EAP packets (RFC 3748 4) with the type data of Identity, Notification, Nak,
// MD5-Challenge (RFC 3748 5), the TLS-based methods' flags and fragments
// (RFC 5216 3.1, RFC 5281 9.1, PEAP, EAP-FAST, TEAP) and expanded types (RFC 3748 5.7).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dissectors/common/bytes.h"

namespace rs::eapol {

enum class EapCode : std::uint8_t { Request = 1, Response = 2, Success = 3, Failure = 4, Initiate = 5, Finish = 6 };

namespace eaptype {
inline constexpr std::uint8_t kIdentity = 1;
inline constexpr std::uint8_t kNotification = 2;
inline constexpr std::uint8_t kNak = 3;
inline constexpr std::uint8_t kMd5Challenge = 4;
inline constexpr std::uint8_t kTls = 13;
inline constexpr std::uint8_t kTtls = 21;
inline constexpr std::uint8_t kPeap = 25;
inline constexpr std::uint8_t kMsChapV2 = 26;
inline constexpr std::uint8_t kFast = 43;
inline constexpr std::uint8_t kTeap = 55;
inline constexpr std::uint8_t kExpanded = 254;
}  // namespace eaptype

// Flags octet of the TLS-based methods (RFC 5216 3.1).
namespace tlsflag {
inline constexpr std::uint8_t kLengthIncluded = 0x80;
inline constexpr std::uint8_t kMoreFragments = 0x40;
inline constexpr std::uint8_t kStart = 0x20;
inline constexpr std::uint8_t kOuterTlvLengthIncluded = 0x10;  // TEAP (RFC 7170 4.1)
inline constexpr std::uint8_t kVersionMask = 0x07;             // TTLS, PEAP, FAST, TEAP
}  // namespace tlsflag

std::string_view eapCodeName(std::uint8_t code);          // "Request", ...
std::string_view eapTypeName(std::uint8_t type);          // Wireshark's names: "Protected EAP (EAP-PEAP)"
bool isTlsBasedType(std::uint8_t type);                   // 13, 21, 25, 43, 55
bool tlsTypeHasVersion(std::uint8_t type);                // 21, 25, 43, 55

struct EapTlsData {
  std::uint8_t flags = 0;
  std::optional<std::uint32_t> messageLength;  // present with the L flag
  ByteView fragment;                           // TLS records (or a piece of them)

  bool lengthIncluded() const { return flags & tlsflag::kLengthIncluded; }
  bool moreFragments() const { return flags & tlsflag::kMoreFragments; }
  bool start() const { return flags & tlsflag::kStart; }
  std::uint8_t version() const { return flags & tlsflag::kVersionMask; }
};

struct EapPacket {
  std::uint8_t code = 0;
  std::uint8_t identifier = 0;
  std::uint16_t length = 0;
  std::optional<std::uint8_t> type;  // Request and Response only
  ByteView typeData;                 // after the type octet, up to `length`
  ByteView packet;                   // the `length` bytes of the packet
  // Expanded type (254): 24-bit vendor id and 32-bit vendor type precede the data.
  std::uint32_t vendorId = 0;
  std::uint32_t vendorType = 0;
  std::optional<EapTlsData> tls;     // for TLS-based types

  bool isRequest() const { return code == static_cast<std::uint8_t>(EapCode::Request); }
  bool isResponse() const { return code == static_cast<std::uint8_t>(EapCode::Response); }
  // Identity and Notification carry UTF-8 text (RFC 3748 5.1, 5.2).
  std::string text() const { return std::string(typeData.begin(), typeData.end()); }
};

// nullopt when the header is cut short, Length < 4 or exceeds the data, or the
// type-specific header (expanded type ids, TLS flags/length) is cut short.
std::optional<EapPacket> parseEap(ByteView data);

// code | id | length | [type | data].
Bytes buildEap(EapCode code, std::uint8_t identifier, std::optional<std::uint8_t> type, ByteView typeData);
Bytes buildEapIdentity(EapCode code, std::uint8_t identifier, std::string_view identity);
Bytes buildEapSuccess(std::uint8_t identifier);
Bytes buildEapFailure(std::uint8_t identifier);
// A TLS-based method packet; the L flag is set from messageLength.
Bytes buildEapTls(EapCode code, std::uint8_t identifier, std::uint8_t type, std::uint8_t flags,
                  std::optional<std::uint32_t> messageLength, ByteView fragment);

}  // namespace rs::eapol
