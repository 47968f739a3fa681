// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The seed-001 key material x'' that the AAA server hands the Home Agent and
// that the Mobile Node derives on its own (the contract shared with the
// Mobile IP side, core/crypto/mip_session_keys):
//
//   x'  = NtPasswordHash(password)                          (RFC 2759 8.3)
//   MasterKey = GetMasterKey(HashNtPasswordHash(x'), NT-Response)   (RFC 3079 3.4)
//   MS-MPPE-Send-Key = GetAsymmetricStartKey(MasterKey, 16, IsSend=true,  IsServer=true)
//   MS-MPPE-Recv-Key = GetAsymmetricStartKey(MasterKey, 16, IsSend=false, IsServer=true)
//   x'' = MS-MPPE-Recv-Key || MS-MPPE-Send-Key   (32 octets, as the Access-Accept carries them)
//
// RFC 2548 2.4.2/2.4.3 name both keys from the NAS's (the Home Agent's) point
// of view; RFC 3079 3.4 computes them on the server, whose send key is the
// client's receive key. So the Mobile Node, the MS-CHAPv2 client, gets the
// same 32 octets with the roles swapped: its send key (IsSend=true,
// IsServer=false, Magic2) equals the server's receive key, and its receive
// key (IsSend=false, IsServer=false, Magic3) the server's send key.
//
// The derivations themselves live once, in core/crypto/mip_session_keys.h;
// these are the AAA side's names for them.
#include <cstddef>
#include <string_view>

#include "core/crypto/mip_session_keys.h"
#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::aaa {

inline constexpr std::size_t kMppeKeyLength = crypto::mip::kMppeKeyBytes;          // 128-bit MPPE keys (RFC 3079 3.4)
inline constexpr std::size_t kKeyMaterialLength = crypto::mip::kXDoublePrimeBytes;  // x'' = Recv-Key || Send-Key
inline constexpr std::size_t kNtResponseLength = 24;                                // RFC 2759 8.1

// The two keys of an Access-Accept, as the server computes them and the NAS receives them.
using MppeKeys = crypto::mip::MppeKeys;

// The AAA server's keys from x' = NtPasswordHash (16 octets) and the 24-octet NT-Response.
inline crypto::Result<MppeKeys> aaaServerMppeKeys(ByteView passwordHash, ByteView ntResponse) {
  return crypto::mip::aaaMppeKeys(passwordHash, ntResponse);
}

// x'' = Recv-Key || Send-Key, from the keys the Home Agent decrypted; each must have 16 octets.
inline crypto::Result<crypto::SecretBytes> keyMaterialFromMppeKeys(ByteView recvKey, ByteView sendKey) {
  return crypto::mip::xDoublePrimeFromMppeKeys(recvKey, sendKey);
}

// The Mobile Node's x'' from its password (UTF-8) and the NT-Response it sent:
// equal to keyMaterialFromMppeKeys of the keys in the Access-Accept.
inline crypto::Result<crypto::SecretBytes> mobileNodeKeyMaterial(std::string_view password, ByteView ntResponse) {
  return crypto::mip::mobileNodeXDoublePrime(password, ntResponse);
}
// The same from x' (for a node configured with the NT hash rather than the password).
inline crypto::Result<crypto::SecretBytes> mobileNodeKeyMaterialFromHash(ByteView passwordHash, ByteView ntResponse) {
  return crypto::mip::mobileNodeXDoublePrimeFromHash(passwordHash, ntResponse);
}

}  // namespace rs::aaa
