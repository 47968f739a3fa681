// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/mip_session_keys.h"

#include "core/crypto/hash_mac.h"
#include "core/crypto/mschapv2.h"

namespace rs::crypto::mip {
namespace {

constexpr std::size_t kChallengeBytes = 16;
constexpr std::size_t kNtResponseBytes = 24;

Result<bool> checkNtResponse(ByteView ntResponse) {
  if (ntResponse.size() != kNtResponseBytes)
    return makeError(ErrorCode::InvalidArgument, "MS-CHAPv2 NT-Response must be 24 octets");
  return true;
}

SecretBytes concat(ByteView first, ByteView second) {
  SecretBytes out(first.size() + second.size());
  std::copy(first.begin(), first.end(), out.data());
  std::copy(second.begin(), second.end(), out.data() + first.size());
  return out;
}

Result<SecretBytes> masterKey(ByteView passwordHash, ByteView ntResponse) {
  auto hashHash = mschapv2::hashNtPasswordHash(passwordHash);
  if (!hashHash) return hashHash.error();
  return mschapv2::getMasterKey(*hashHash, ntResponse);
}

Result<SecretBytes> hmacMd5Secret(ByteView key, std::initializer_list<ByteView> parts) {
  auto mac = hmac(HashAlgorithm::Md5, key, parts);
  if (!mac) return mac.error();
  SecretBytes out(ByteView(*mac).first(kSessionKeyBytes));
  wipe(*mac);
  return out;
}

}  // namespace

Result<SecretBytes> xPrime(std::string_view password) { return mschapv2::ntPasswordHash(password); }

Result<MppeKeys> aaaMppeKeys(ByteView xPrimeValue, ByteView ntResponse) {
  if (xPrimeValue.size() != kXPrimeBytes) return makeError(ErrorCode::InvalidArgument, "x' must be 16 octets");
  if (auto ok = checkNtResponse(ntResponse); !ok) return ok.error();
  auto master = masterKey(xPrimeValue, ntResponse);
  if (!master) return master.error();
  auto send = mschapv2::getAsymmetricStartKey(*master, kMppeKeyBytes, /*isSend=*/true, /*isServer=*/true);
  if (!send) return send.error();
  auto recv = mschapv2::getAsymmetricStartKey(*master, kMppeKeyBytes, /*isSend=*/false, /*isServer=*/true);
  if (!recv) return recv.error();
  return MppeKeys{std::move(*send), std::move(*recv)};
}

Result<SecretBytes> xDoublePrimeFromMppeKeys(ByteView recvKey, ByteView sendKey) {
  if (recvKey.size() != kMppeKeyBytes || sendKey.size() != kMppeKeyBytes)
    return makeError(ErrorCode::InvalidArgument, "MS-MPPE-Recv-Key and -Send-Key must be 16 octets each");
  return concat(recvKey, sendKey);
}

Result<SecretBytes> aaaXDoublePrime(ByteView xPrimeValue, ByteView ntResponse) {
  auto keys = aaaMppeKeys(xPrimeValue, ntResponse);
  if (!keys) return keys.error();
  return xDoublePrimeFromMppeKeys(keys->recvKey, keys->sendKey);
}

Result<SecretBytes> mobileNodeXDoublePrime(std::string_view password, ByteView ntResponse) {
  auto hash = xPrime(password);
  if (!hash) return hash.error();
  return mobileNodeXDoublePrimeFromHash(*hash, ntResponse);
}

Result<SecretBytes> mobileNodeXDoublePrimeFromHash(ByteView xPrimeValue, ByteView ntResponse) {
  if (xPrimeValue.size() != kXPrimeBytes) return makeError(ErrorCode::InvalidArgument, "x' must be 16 octets");
  if (auto ok = checkNtResponse(ntResponse); !ok) return ok.error();
  auto master = masterKey(xPrimeValue, ntResponse);
  if (!master) return master.error();
  // The MN is the RFC 3079 client: its send key is the server's receive key.
  auto send = mschapv2::getAsymmetricStartKey(*master, kMppeKeyBytes, /*isSend=*/true, /*isServer=*/false);
  if (!send) return send.error();
  auto recv = mschapv2::getAsymmetricStartKey(*master, kMppeKeyBytes, /*isSend=*/false, /*isServer=*/false);
  if (!recv) return recv.error();
  return concat(*send, *recv);
}

Result<SecretBytes> sessionKey(ByteView xDoublePrime, ByteView authenticatorChallenge, ByteView peerChallengeValue,
                               ByteView ntResponse) {
  if (xDoublePrime.size() != kXDoublePrimeBytes) return makeError(ErrorCode::InvalidArgument, "x'' must be 32 octets");
  if (authenticatorChallenge.size() != kChallengeBytes || peerChallengeValue.size() != kChallengeBytes)
    return makeError(ErrorCode::InvalidArgument, "MS-CHAPv2 challenges must be 16 octets");
  if (auto ok = checkNtResponse(ntResponse); !ok) return ok.error();
  return hmacMd5Secret(xDoublePrime, {asView(kSkeyLabel), authenticatorChallenge, peerChallengeValue, ntResponse});
}

Result<SecretBytes> derivedSessionKey(ByteView skey, std::uint64_t identification) {
  if (skey.size() != kSessionKeyBytes) return makeError(ErrorCode::InvalidArgument, "Skey must be 16 octets");
  std::uint8_t id[8];
  for (int i = 0; i < 8; ++i) id[i] = static_cast<std::uint8_t>(identification >> (56 - 8 * i));
  return hmacMd5Secret(skey, {asView(kSkeyPrimeLabel), ByteView(id, 8)});
}

Result<Bytes> peerChallenge(ByteView peerChallengeInput) {
  if (peerChallengeInput.empty()) return makeError(ErrorCode::InvalidArgument, "empty registration request");
  return md5(peerChallengeInput);
}

}  // namespace rs::crypto::mip
