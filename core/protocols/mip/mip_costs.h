// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Names of the processing costs the Mobile IP system charges (sim::CostProfile),
// in nanoseconds at factor 1.0; resources/profiles/reference.json has the
// figures tests/bench/bench_crypto_costs measured. The AAA server node charges
// the WLAN system's radius-processing and mppe-key-crypto (wlan_costs.h).
#include <string_view>

namespace rs::mip::cost {
// Parse a registration message, check its extensions and build the answer (HA, FA, MN).
inline constexpr std::string_view kRegistrationProcessing = "mip-registration-processing";
// One HMAC-MD5 MN-HA authenticator over a registration message (compute or verify).
inline constexpr std::string_view kAuthenticator = "mip-authenticator";
// MN: the MS-CHAPv2 peer challenge and NT-Response (RFC 2759 8.1: MD4, SHA-1, 3 x DES).
inline constexpr std::string_view kMsChapResponse = "mschapv2-response";
// Either end: x'' (MN from its password; HA from the MPPE keys), Skey and Skey' (seed 001).
inline constexpr std::string_view kSessionKeys = "mip-session-keys";
}  // namespace rs::mip::cost
