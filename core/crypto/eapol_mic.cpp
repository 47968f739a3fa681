// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/eapol_mic.h"

#include <algorithm>
#include <string>

#include "core/crypto/akm_suite.h"
#include "core/crypto/hash_mac.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/byte_reader.h"

namespace rs::crypto {

std::size_t eapolMicLength(int akm) {
  const auto profile = akmProfile(akm);
  return profile ? profile->micBytes : 16;
}

Result<Bytes> eapolKeyMic(int akm, int keyDescriptorVersion, ByteView kck, ByteView frameWithZeroMic) {
  const auto profile = akmProfile(akm);
  EapolMic method = profile ? profile->mic : EapolMic::ByDescriptorVersion;
  if (!profile && keyDescriptorVersion != 3 && akm != 0)
    return makeError(ErrorCode::Unsupported, "EAPOL-Key MIC for AKM " + std::to_string(akm));
  if (method == EapolMic::ByDescriptorVersion && keyDescriptorVersion == 3) method = EapolMic::AesCmac;

  Result<Bytes> mic = makeError(ErrorCode::Unsupported, "");
  std::size_t length = 16;
  switch (method) {
    case EapolMic::AesCmac: mic = aesCmac(kck, frameWithZeroMic); break;
    case EapolMic::HmacSha256_128: mic = hmacSha256(kck, frameWithZeroMic); break;
    case EapolMic::HmacSha384_192:
      mic = hmacSha384(kck, frameWithZeroMic);
      length = 24;
      break;
    case EapolMic::ByDescriptorVersion:
      if (keyDescriptorVersion == 1) {
        mic = hmacMd5(kck, frameWithZeroMic);
      } else if (keyDescriptorVersion == 2) {
        mic = hmacSha1(kck, frameWithZeroMic);
      } else {
        return makeError(ErrorCode::Unsupported,
                         "key descriptor version " + std::to_string(keyDescriptorVersion) + " with AKM " +
                             std::to_string(akm));
      }
      break;
  }
  if (!mic) return mic.error();
  mic->resize(length);
  return mic;
}

Result<bool> verifyEapolKeyMic(int akm, int keyDescriptorVersion, ByteView kck, ByteView frameWithZeroMic,
                               ByteView receivedMic) {
  auto mic = eapolKeyMic(akm, keyDescriptorVersion, kck, frameWithZeroMic);
  if (!mic) return mic.error();
  return constantTimeEquals(*mic, receivedMic);
}

Result<bool> verifyEapolKeyFrame(int akm, int keyDescriptorVersion, ByteView kck, ByteView eapolFrame) {
  const std::size_t micLength = eapolMicLength(akm);
  ByteReader reader(eapolFrame);
  reader.skip(kEapolKeyMicOffset);
  const ByteView received = reader.bytes(micLength);
  if (reader.failed())
    return makeError(ErrorCode::Malformed, "EAPOL-Key frame of " + std::to_string(eapolFrame.size()) +
                                               " octets ends before its MIC (offset " +
                                               std::to_string(reader.failureOffset()) + ")");
  Bytes zeroed(eapolFrame.begin(), eapolFrame.end());
  std::fill_n(zeroed.begin() + static_cast<std::ptrdiff_t>(kEapolKeyMicOffset), micLength, std::uint8_t{0});
  return verifyEapolKeyMic(akm, keyDescriptorVersion, kck, zeroed, received);
}

}  // namespace rs::crypto
