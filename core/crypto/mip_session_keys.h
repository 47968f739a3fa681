// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Seed-001 session keys (docs/protocols/seed-001.md 4): key material derived
// from the MN's password at the AAA server and at the MN, and the session keys
// the HA and the MN derive from it. One function per step; the formula of each
// is in its comment. x' and x'' are fixed by MS-CHAPv2 and MPPE (RFC 2759,
// RFC 3079, RFC 2548); Skey and Skey' are RoamScope's choice (HMAC-MD5, see the
// document for why), with labels that keep them apart from every other use of
// the same keys.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto::mip {

inline constexpr std::string_view kSkeyLabel = "RoamScope seed-001 Skey";
inline constexpr std::string_view kSkeyPrimeLabel = "RoamScope seed-001 Skey'";

inline constexpr std::size_t kXPrimeBytes = 16;       // NtPasswordHash
inline constexpr std::size_t kMppeKeyBytes = 16;      // 128-bit MPPE start keys
inline constexpr std::size_t kXDoublePrimeBytes = 32; // Recv-Key || Send-Key
inline constexpr std::size_t kSessionKeyBytes = 16;   // RFC 3344 default key size for HMAC-MD5

// x' = NtPasswordHash(password) = MD4(UTF-16LE(password))        (RFC 2759 8.3)
Result<SecretBytes> xPrime(std::string_view password);

// The two MPPE keys the AAA server (RFC 3079 "server", the authenticator side)
// derives from x' and the MN's NT-Response and returns in the Access-Accept:
//   MasterKey = GetMasterKey(HashNtPasswordHash(x'), NT-Response)          (RFC 3079 3.4)
//   MS-MPPE-Send-Key = GetAsymmetricStartKey(MasterKey, 16, IsSend=TRUE,  IsServer=TRUE)   (Magic3)
//   MS-MPPE-Recv-Key = GetAsymmetricStartKey(MasterKey, 16, IsSend=FALSE, IsServer=TRUE)   (Magic2)
struct MppeKeys {
  SecretBytes sendKey;  // MS-MPPE-Send-Key (RFC 2548 2.4.2), 16 octets
  SecretBytes recvKey;  // MS-MPPE-Recv-Key (RFC 2548 2.4.3), 16 octets
};
Result<MppeKeys> aaaMppeKeys(ByteView xPrime, ByteView ntResponse);

// x'' as the HA receives it: MS-MPPE-Recv-Key || MS-MPPE-Send-Key (32 octets),
// from the two keys decrypted out of the Access-Accept (each 16 octets).
Result<SecretBytes> xDoublePrimeFromMppeKeys(ByteView recvKey, ByteView sendKey);
// x'' at the AAA server: aaaMppeKeys then the concatenation above.
Result<SecretBytes> aaaXDoublePrime(ByteView xPrime, ByteView ntResponse);
// x'' at the MN, from its own password and the NT-Response it sent; the client
// roles swap IsServer, so the same 32 octets come out:
//   GetAsymmetricStartKey(MasterKey, 16, IsSend=TRUE,  IsServer=FALSE)  (= server Recv-Key, Magic2)
//   || GetAsymmetricStartKey(MasterKey, 16, IsSend=FALSE, IsServer=FALSE) (= server Send-Key, Magic3)
Result<SecretBytes> mobileNodeXDoublePrime(std::string_view password, ByteView ntResponse);
// The same from x' (a node configured with the NT hash rather than the password).
Result<SecretBytes> mobileNodeXDoublePrimeFromHash(ByteView xPrime, ByteView ntResponse);

// Skey = HMAC-MD5(x'', "RoamScope seed-001 Skey" || AuthenticatorChallenge || PeerChallenge || NT-Response)
// (challenges 16 octets, NT-Response 24; labels are ASCII without a terminator). 16 octets.
Result<SecretBytes> sessionKey(ByteView xDoublePrime, ByteView authenticatorChallenge, ByteView peerChallenge,
                               ByteView ntResponse);

// Skey' = HMAC-MD5(Skey, "RoamScope seed-001 Skey'" || Identification), with the
// 64-bit Identification of the registration request that (re)keys Skey' in
// network byte order, as on the wire (NTP seconds then fraction). 16 octets.
Result<SecretBytes> derivedSessionKey(ByteView skey, std::uint64_t identification);

// The MS-CHAPv2 peer challenge of a registration request (seed: "hash (MD5)
// of the registration request after zero-filling the challenge response"):
//   PeerChallenge = MD5(input), input = mip::seed001::peerChallengeInput(request).
Result<Bytes> peerChallenge(ByteView peerChallengeInput);

}  // namespace rs::crypto::mip
