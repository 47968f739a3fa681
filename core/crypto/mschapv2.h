// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MS-CHAPv2 (RFC 2759 §8) and the MPPE key derivation built on it (RFC 3079 §3).
// Function names follow the RFCs' pseudo-code.
#include <string>
#include <string_view>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto::mschapv2 {

// RFC 2759 §8.3: NtPasswordHash = MD4(Unicode(password)); the password is UTF-8 here
// and converted to UTF-16LE (at most 256 characters). InvalidArgument on bad UTF-8.
Result<SecretBytes> ntPasswordHash(std::string_view password);
// §8.4: HashNtPasswordHash = MD4(PasswordHash).
Result<SecretBytes> hashNtPasswordHash(ByteView passwordHash);
// §8.2: ChallengeHash = first 8 octets of SHA1(PeerChallenge || AuthenticatorChallenge || UserName).
// Both challenges have 16 octets; UserName excludes any "DOMAIN\" prefix (see userNameForChallenge).
Result<Bytes> challengeHash(ByteView peerChallenge, ByteView authenticatorChallenge, std::string_view userName);
// The user name as ChallengeHash uses it: whatever follows the last '\'.
std::string_view userNameForChallenge(std::string_view userName);
// §8.5: ChallengeResponse = DES(Z[0..7], Challenge) || DES(Z[7..14], Challenge) || DES(Z[14..21], Challenge)
// with Z = PasswordHash || 5 zero octets; each 7-octet piece becomes a DES key (§8.6).
Result<Bytes> challengeResponse(ByteView challenge, ByteView passwordHash);
// §8.1: GenerateNTResponse = ChallengeResponse(ChallengeHash(...), NtPasswordHash(Password)); 24 octets.
Result<Bytes> generateNtResponse(ByteView authenticatorChallenge, ByteView peerChallenge, std::string_view userName,
                                 std::string_view password);
Result<Bytes> generateNtResponseWithHash(ByteView authenticatorChallenge, ByteView peerChallenge,
                                         std::string_view userName, ByteView passwordHash);
// §8.7: Digest = SHA1(PasswordHashHash || NT-Response || Magic1);
//       Digest = SHA1(Digest || ChallengeHash || Magic2); result "S=" + 40 upper-case hex digits.
Result<std::string> generateAuthenticatorResponse(std::string_view password, ByteView ntResponse,
                                                  ByteView peerChallenge, ByteView authenticatorChallenge,
                                                  std::string_view userName);
Result<std::string> generateAuthenticatorResponseWithHash(ByteView passwordHash, ByteView ntResponse,
                                                          ByteView peerChallenge, ByteView authenticatorChallenge,
                                                          std::string_view userName);
// §8.8: true when `receivedResponse` ("S=...", 42 characters) equals the expected one
// (constant-time; hex digits compared case-insensitively).
Result<bool> checkAuthenticatorResponse(std::string_view password, ByteView ntResponse, ByteView peerChallenge,
                                        ByteView authenticatorChallenge, std::string_view userName,
                                        std::string_view receivedResponse);

// RFC 3079 §3.4: MasterKey = first 16 octets of SHA1(PasswordHashHash || NT-Response || Magic1).
Result<SecretBytes> getMasterKey(ByteView passwordHashHash, ByteView ntResponse);
// RFC 3079 §3.4: GetAsymmetricStartKey = first `keyLength` (8 for 40/56-bit, 16 for
// 128-bit) octets of SHA1(MasterKey || SHSpad1 || s || SHSpad2), where s is Magic3
// when IsSend == IsServer (server send / client receive) and Magic2 otherwise.
Result<SecretBytes> getAsymmetricStartKey(ByteView masterKey, std::size_t keyLength, bool isSend, bool isServer);
// RFC 3079 §2.4 / §3.3: GetNewKeyFromSHA = first `keyLength` octets of
// SHA1(StartKey || SHSpad1 || SessionKey || SHSpad2) (both keys truncated to keyLength).
Result<SecretBytes> getNewKeyFromSha(ByteView startKey, ByteView sessionKey, std::size_t keyLength);
// RFC 3079 §2.2 / §2.3: reduce a 64-bit key to 40 bits (first three octets := D1 26 9E)
// or 56 bits (first octet := D1).
SecretBytes reduceSessionKeyTo40Bits(ByteView key8);
SecretBytes reduceSessionKeyTo56Bits(ByteView key8);

}  // namespace rs::crypto::mschapv2
