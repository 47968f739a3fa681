// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Unpredictable octets from OpenSSL's CSPRNG, for values a real peer sees:
// RADIUS Request Authenticators (RFC 2865 3 asks for "globally and temporally
// unique" and unpredictable values), MS-CHAPv2 challenges, MPPE salts of a
// server on a real socket. The emulation draws its values from sim::Random
// instead, so runs stay reproducible.
#include <cstddef>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

// `count` random octets; LibraryFailure when RAND_bytes fails.
Result<Bytes> secureRandomBytes(std::size_t count);

}  // namespace rs::crypto
