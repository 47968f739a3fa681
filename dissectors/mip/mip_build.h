// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builders for Mobile IPv4 registration messages and their extensions, for the
// emulator. Authentication extensions are appended with a zero authenticator
// of the right length; core/crypto/mip_auth.h fills it in once every
// extension it covers is in place (RFC 3344 3.5.1: it covers all prior bytes).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dissectors/common/bytes.h"
#include "dissectors/mip/mip.h"

namespace rs::mip {

// RFC 3344 3.3. Addresses host order; identification as the 64-bit field.
struct RequestHeader {
  std::uint8_t flags = 0;  // flag::k...
  std::uint16_t lifetime = 0;
  std::uint32_t homeAddress = 0;
  std::uint32_t homeAgent = 0;
  std::uint32_t careOfAddress = 0;
  std::uint64_t identification = 0;
};

// RFC 3344 3.4.
struct ReplyHeader {
  std::uint8_t code = 0;
  std::uint16_t lifetime = 0;
  std::uint32_t homeAddress = 0;
  std::uint32_t homeAgent = 0;
  std::uint64_t identification = 0;
};

class MessageBuilder {
 public:
  explicit MessageBuilder(const RequestHeader& header);
  explicit MessageBuilder(const ReplyHeader& header);

  // Any extension in the short form (RFC 3344 1.9): at most 255 data octets.
  MessageBuilder& addShort(std::uint8_t type, ByteView data);
  MessageBuilder& addNai(std::string_view nai);             // RFC 2794
  MessageBuilder& addMnFaChallenge(ByteView challenge);     // RFC 3012 3.1 (at least 4 octets)
  // MHAE / MFAE / FHAE (RFC 3344 3.5.2-3.5.4): SPI and a zero authenticator of
  // `authenticatorLength` octets (16 for HMAC-MD5).
  MessageBuilder& addAuthentication(std::uint8_t type, std::uint32_t spi,
                                    std::size_t authenticatorLength = kDefaultAuthenticatorLength);
  // RFC 3012 6: type 36, subtype, 16-bit length, SPI, authenticator (given as is).
  MessageBuilder& addGeneralizedAuthentication(std::uint8_t subtype, std::uint32_t spi, ByteView authenticator);
  // RFC 3115 2 (CVSE, 16-bit length) and 3 (NVSE, short form with a reserved field).
  MessageBuilder& addCvse(std::uint32_t vendorId, std::uint16_t vendorType, ByteView value);
  MessageBuilder& addNvse(std::uint32_t vendorId, std::uint16_t vendorType, ByteView value);

  // The message; nullopt with `error` when an extension did not fit its length field.
  std::optional<Bytes> build(std::string* error = nullptr) const;

 private:
  void fail(std::string why);
  Bytes bytes_;
  std::string error_;
};

}  // namespace rs::mip
