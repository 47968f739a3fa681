// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/radius_request_parts.h"

#include <fmt/format.h>

#include "core/crypto/radius_crypto.h"

namespace rs::aaa {

using crypto::ErrorCode;
using crypto::makeError;

std::optional<crypto::Error> checkOctets(ByteView v, std::size_t expected, std::string_view what) {
  if (v.size() == expected) return std::nullopt;
  return makeError(ErrorCode::InvalidArgument, fmt::format("{} of {} octets (needs {})", what, v.size(), expected));
}

std::optional<crypto::Error> checkUserName(std::string_view userName) {
  if (!userName.empty() && userName.size() <= radius::kMaxAttributeValue) return std::nullopt;
  return makeError(ErrorCode::InvalidArgument, fmt::format("User-Name of {} octets (1-253 allowed)", userName.size()));
}

std::optional<crypto::Error> checkNasIdentity(const NasIdentity& nas) {
  if (nas.ipv4 != 0 || !nas.identifier.empty()) return std::nullopt;
  return makeError(ErrorCode::InvalidArgument,
                   "an Access-Request needs NAS-IP-Address or NAS-Identifier (RFC 2865 4.1)");
}

void addNasIdentity(radius::PacketBuilder& builder, const NasIdentity& nas) {
  if (nas.ipv4 != 0) builder.addIpv4(radius::attr::kNasIpAddress, nas.ipv4);
  if (!nas.identifier.empty()) builder.addText(radius::attr::kNasIdentifier, nas.identifier);
}

crypto::Result<Bytes> signedRequest(radius::PacketBuilder& builder, ByteView requestAuthenticator, ByteView secret) {
  builder.addMessageAuthenticator();
  std::string error;
  auto packet = builder.build(&error);
  if (!packet) return makeError(ErrorCode::InvalidArgument, "Access-Request: " + error);
  auto signedOk = crypto::radius::signMessageAuthenticator(*packet, requestAuthenticator, secret);
  if (!signedOk) return signedOk.error();
  return std::move(*packet);
}

}  // namespace rs::aaa
