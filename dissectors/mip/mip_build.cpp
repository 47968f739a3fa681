// SPDX-License-Identifier: GPL-3.0-or-later
// Mobile IPv4 builders: fixed headers and extensions in their wire layouts.
#include "dissectors/mip/mip_build.h"

#include <fmt/format.h>

#include "dissectors/common/byte_writer.h"

namespace rs::mip {

MessageBuilder::MessageBuilder(const RequestHeader& h) {
  ByteWriter w;
  w.u8(msg::kRegistrationRequest).u8(h.flags).u16be(h.lifetime).u32be(h.homeAddress).u32be(h.homeAgent)
      .u32be(h.careOfAddress).u64be(h.identification);
  bytes_ = w.take();
}

MessageBuilder::MessageBuilder(const ReplyHeader& h) {
  ByteWriter w;
  w.u8(msg::kRegistrationReply).u8(h.code).u16be(h.lifetime).u32be(h.homeAddress).u32be(h.homeAgent)
      .u64be(h.identification);
  bytes_ = w.take();
}

void MessageBuilder::fail(std::string why) {
  if (error_.empty()) error_ = std::move(why);
}

MessageBuilder& MessageBuilder::addShort(std::uint8_t type, ByteView data) {
  if (extensionLayout(type) != ExtensionLayout::Short) {
    fail(fmt::format("extension {} does not use the short form", type));
    return *this;
  }
  if (data.size() > 255) {
    fail(fmt::format("extension {} data has {} octets (at most 255)", type, data.size()));
    return *this;
  }
  ByteWriter w(std::move(bytes_));
  w.u8(type).u8(static_cast<std::uint8_t>(data.size())).bytes(data);
  bytes_ = w.take();
  return *this;
}

MessageBuilder& MessageBuilder::addNai(std::string_view nai) { return addShort(ext::kNai, asView(nai)); }

MessageBuilder& MessageBuilder::addMnFaChallenge(ByteView challenge) {
  if (challenge.size() < 4) fail("MN-FA challenge shorter than 4 octets (RFC 3012 3.1)");
  return addShort(ext::kMnFaChallenge, challenge);
}

MessageBuilder& MessageBuilder::addAuthentication(std::uint8_t type, std::uint32_t spi,
                                                  std::size_t authenticatorLength) {
  if (type != ext::kMobileHomeAuth && type != ext::kMobileForeignAuth && type != ext::kForeignHomeAuth) {
    fail(fmt::format("extension {} is not MHAE, MFAE or FHAE", type));
    return *this;
  }
  ByteWriter w;
  w.u32be(spi).zeros(authenticatorLength);
  return addShort(type, w.data());
}

MessageBuilder& MessageBuilder::addGeneralizedAuthentication(std::uint8_t subtype, std::uint32_t spi,
                                                             ByteView authenticator) {
  const std::size_t length = kSpiLength + authenticator.size();
  if (length > 0xffff) {
    fail("generalized authentication extension too long");
    return *this;
  }
  ByteWriter w(std::move(bytes_));
  w.u8(ext::kGeneralizedAuth).u8(subtype).u16be(static_cast<std::uint16_t>(length)).u32be(spi).bytes(authenticator);
  bytes_ = w.take();
  return *this;
}

MessageBuilder& MessageBuilder::addCvse(std::uint32_t vendorId, std::uint16_t vendorType, ByteView value) {
  // RFC 3115 2: Length counts vendor id, vendor type and value (not type, reserved, length).
  const std::size_t length = 6 + value.size();
  if (length > 0xffff) {
    fail("CVSE too long");
    return *this;
  }
  ByteWriter w(std::move(bytes_));
  w.u8(ext::kCvse).u8(0).u16be(static_cast<std::uint16_t>(length)).u32be(vendorId).u16be(vendorType).bytes(value);
  bytes_ = w.take();
  return *this;
}

MessageBuilder& MessageBuilder::addNvse(std::uint32_t vendorId, std::uint16_t vendorType, ByteView value) {
  // RFC 3115 3: Length counts reserved, vendor id, vendor type and value.
  ByteWriter w;
  w.u16be(0).u32be(vendorId).u16be(vendorType).bytes(value);
  return addShort(ext::kNvse, w.data());
}

std::optional<Bytes> MessageBuilder::build(std::string* error) const {
  if (!error_.empty()) {
    if (error) *error = error_;
    return std::nullopt;
  }
  return bytes_;
}

}  // namespace rs::mip
