// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every request of the Home Agent's (or Foreign Agent's) RADIUS client
// shares, whatever the authentication method: the NAS identity (RFC 2865
// 5.4 / 5.32), the checks of its inputs, and the Message-Authenticator
// signed last (RFC 3579 3.2). The MS-CHAPv2 and CHAP request builders and
// the Status-Server probe are built from these.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {

// Who the Home Agent is to the AAA server.
struct NasIdentity {
  std::uint32_t ipv4 = 0;     // NAS-IP-Address (host order); 0 leaves it out
  std::string identifier;     // NAS-Identifier; empty leaves it out
};

// InvalidArgument "<what> of N octets (needs M)" unless `v` has `expected` octets.
std::optional<crypto::Error> checkOctets(ByteView v, std::size_t expected, std::string_view what);
// InvalidArgument for an empty User-Name or one longer than an attribute holds (253 octets).
std::optional<crypto::Error> checkUserName(std::string_view userName);
// InvalidArgument when neither NAS-IP-Address nor NAS-Identifier is set (RFC 2865 4.1 needs one).
std::optional<crypto::Error> checkNasIdentity(const NasIdentity& nas);

void addNasIdentity(radius::PacketBuilder& builder, const NasIdentity& nas);
// Appends the Message-Authenticator, builds the packet and signs it (HMAC-MD5
// keyed with the secret over the packet with the Request Authenticator).
crypto::Result<Bytes> signedRequest(radius::PacketBuilder& builder, ByteView requestAuthenticator, ByteView secret);

}  // namespace rs::aaa
