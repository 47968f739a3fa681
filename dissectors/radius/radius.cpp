// SPDX-License-Identifier: GPL-3.0-or-later
// RADIUS codec: parse (bounds-checked) and build.
#include "dissectors/radius/radius.h"

#include <fmt/format.h>

#include <cctype>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::radius {

std::optional<Packet> parsePacket(ByteView data) {
  ByteReader r(data);
  Packet p;
  p.code = r.u8();
  p.identifier = r.u8();
  p.length = r.u16be();
  p.authenticator = r.bytes(kAuthenticatorLength);
  if (r.failed() || p.length < kMinPacketLength) return std::nullopt;
  // RFC 2865 3: octets beyond Length are padding and ignored; a shorter
  // packet is malformed, but what is there is still shown.
  std::size_t end = p.length;
  if (end > data.size()) {
    p.truncated = true;
    end = data.size();
  }
  p.packet = data.first(end);
  ByteReader a(p.packet.subspan(kHeaderLength), kHeaderLength);
  while (!a.empty()) {
    const std::size_t at = a.offset();
    const std::uint8_t type = a.u8();
    const std::uint8_t length = a.u8();
    if (a.failed()) {
      p.malformedAt = at;
      p.malformedReason = "attribute header cut short";
      break;
    }
    if (length < 2) {
      p.malformedAt = at + 1;
      p.malformedReason = fmt::format("attribute length {} (less than 2)", length);
      break;
    }
    const ByteView value = a.bytes(length - 2u);
    if (a.failed()) {
      p.malformedAt = at;
      p.malformedReason = fmt::format("attribute length {} runs past the packet", length);
      break;
    }
    p.attributes.push_back(Attribute{type, length, value, at});
  }
  return p;
}

std::optional<VendorSpecific> parseVendorSpecific(ByteView value, std::size_t valueOffset) {
  ByteReader r(value, valueOffset);
  VendorSpecific v;
  v.vendorId = r.u32be();
  if (r.failed()) return std::nullopt;
  v.data = value.subspan(4);
  v.wellFormed = !r.empty();
  while (!r.empty()) {
    const std::size_t at = r.offset();
    const std::uint8_t type = r.u8();
    const std::uint8_t length = r.u8();
    if (r.failed() || length < 2) {
      v.wellFormed = false;
      break;
    }
    const ByteView sub = r.bytes(length - 2u);
    if (r.failed()) {
      v.wellFormed = false;
      break;
    }
    v.attributes.push_back(VendorAttribute{type, length, sub, at});
  }
  return v;
}

const Attribute* Packet::find(std::uint8_t type) const {
  for (const auto& a : attributes)
    if (a.type == type) return &a;
  return nullptr;
}

std::vector<const Attribute*> Packet::findAll(std::uint8_t type) const {
  std::vector<const Attribute*> out;
  for (const auto& a : attributes)
    if (a.type == type) out.push_back(&a);
  return out;
}

std::optional<std::string> Packet::text(std::uint8_t type) const {
  const Attribute* a = find(type);
  if (!a) return std::nullopt;
  return std::string(a->value.begin(), a->value.end());
}

Bytes Packet::eapMessage() const {
  Bytes out;
  for (const auto& a : attributes)
    if (a.type == attr::kEapMessage) out.insert(out.end(), a.value.begin(), a.value.end());
  return out;
}

std::optional<VendorAttribute> Packet::vendorAttribute(std::uint32_t vendorId, std::uint8_t vendorType) const {
  for (const auto& a : attributes) {
    if (a.type != attr::kVendorSpecific) continue;
    const auto vsa = parseVendorSpecific(a.value, a.offset + 2);
    if (!vsa || vsa->vendorId != vendorId) continue;
    for (const auto& s : vsa->attributes)
      if (s.type == vendorType) return s;
  }
  return std::nullopt;
}

std::optional<std::size_t> Packet::messageAuthenticatorOffset() const {
  const Attribute* a = find(attr::kMessageAuthenticator);
  if (!a || a->value.size() != kAuthenticatorLength) return std::nullopt;
  return a->offset + 2;
}

bool isRequestCode(std::uint8_t c) {
  switch (c) {
    case code::kAccessRequest:
    case code::kAccountingRequest:
    case code::kStatusServer:
    case code::kStatusClient:
    case code::kDisconnectRequest:
    case code::kCoaRequest: return true;
    default: return false;
  }
}

bool isResponseCode(std::uint8_t c) {
  switch (c) {
    case code::kAccessAccept:
    case code::kAccessReject:
    case code::kAccountingResponse:
    case code::kAccessChallenge:
    case code::kDisconnectAck:
    case code::kDisconnectNak:
    case code::kCoaAck:
    case code::kCoaNak: return true;
    default: return false;
  }
}

PacketBuilder::PacketBuilder(std::uint8_t code, std::uint8_t identifier, ByteView authenticator)
    : code_(code), identifier_(identifier), authenticator_(toBytes(authenticator)) {
  if (authenticator_.size() != kAuthenticatorLength)
    error_ = fmt::format("authenticator has {} octets, not 16", authenticator_.size());
}

PacketBuilder& PacketBuilder::add(std::uint8_t type, ByteView value) {
  if (value.size() > kMaxAttributeValue) {
    if (error_.empty()) error_ = fmt::format("attribute {} value has {} octets (at most 253)", type, value.size());
    return *this;
  }
  attributes_.push_back(type);
  attributes_.push_back(static_cast<std::uint8_t>(value.size() + 2));
  attributes_.insert(attributes_.end(), value.begin(), value.end());
  return *this;
}

PacketBuilder& PacketBuilder::addText(std::uint8_t type, std::string_view text) { return add(type, asView(text)); }

PacketBuilder& PacketBuilder::addU32(std::uint8_t type, std::uint32_t value) {
  ByteWriter w;
  w.u32be(value);
  return add(type, w.data());
}

PacketBuilder& PacketBuilder::addIpv4(std::uint8_t type, std::uint32_t address) { return addU32(type, address); }

PacketBuilder& PacketBuilder::addVendor(std::uint32_t vendorId, std::uint8_t vendorType, ByteView value) {
  // RFC 2865 5.26: vendor id, then vendor-type | vendor-length | value.
  if (value.size() > kMaxAttributeValue - 6) {
    if (error_.empty())
      error_ = fmt::format("vendor {} attribute {} value has {} octets (at most 247)", vendorId, vendorType,
                           value.size());
    return *this;
  }
  ByteWriter w;
  w.u32be(vendorId).u8(vendorType).u8(static_cast<std::uint8_t>(value.size() + 2)).bytes(value);
  return add(attr::kVendorSpecific, w.data());
}

PacketBuilder& PacketBuilder::addMicrosoftU32(std::uint8_t vendorType, std::uint32_t value) {
  ByteWriter w;
  w.u32be(value);
  return addMicrosoft(vendorType, w.data());
}

PacketBuilder& PacketBuilder::addEapMessage(ByteView eap) {
  for (std::size_t at = 0; at < eap.size(); at += kMaxAttributeValue)
    add(attr::kEapMessage, eap.subspan(at, std::min(kMaxAttributeValue, eap.size() - at)));
  return *this;
}

PacketBuilder& PacketBuilder::addMessageAuthenticator() {
  const Bytes zeros(kAuthenticatorLength, 0);
  return add(attr::kMessageAuthenticator, zeros);
}

std::optional<Bytes> PacketBuilder::build(std::string* error) const {
  std::string problem = error_;
  const std::size_t total = kHeaderLength + attributes_.size();
  if (problem.empty() && total > kMaxPacketLength)
    problem = fmt::format("packet has {} octets (at most 4096)", total);
  if (!problem.empty()) {
    if (error) *error = problem;
    return std::nullopt;
  }
  ByteWriter w;
  w.u8(code_).u8(identifier_).u16be(static_cast<std::uint16_t>(total)).bytes(authenticator_).bytes(attributes_);
  return w.take();
}

std::optional<Bytes> stationIdMac(std::string_view id) {
  // "aa-bb-cc-dd-ee-ff[:SSID]" (RFC 3580 3.21 / 3.20), also with ':' or no separators.
  Bytes mac;
  std::size_t i = 0;
  while (mac.size() < 6) {
    if (i + 2 > id.size() || !std::isxdigit(static_cast<unsigned char>(id[i])) ||
        !std::isxdigit(static_cast<unsigned char>(id[i + 1])))
      return std::nullopt;
    Bytes b;
    if (!parseHex(id.substr(i, 2), b)) return std::nullopt;
    mac.push_back(b[0]);
    i += 2;
    if (mac.size() < 6 && i < id.size() && (id[i] == '-' || id[i] == ':' || id[i] == '.')) ++i;
  }
  if (i != id.size() && id[i] != ':') return std::nullopt;
  return mac;
}

}  // namespace rs::radius
