// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/pbkdf2.h"

#include <openssl/evp.h>

#include <string>

#include "core/crypto/openssl_support.h"

namespace rs::crypto {

Result<SecretBytes> pbkdf2HmacSha1(ByteView password, ByteView salt, unsigned iterations, std::size_t length) {
  if (iterations == 0 || iterations > static_cast<unsigned>(INT_MAX))
    return makeError(ErrorCode::InvalidArgument, "PBKDF2 iteration count must be 1..INT_MAX");
  if (length == 0 || !detail::fitsInt(length) || !detail::fitsInt(password.size()) || !detail::fitsInt(salt.size()))
    return makeError(ErrorCode::InvalidArgument, "PBKDF2 length out of range");
  SecretBytes out(length);
  static const unsigned char empty = 0;
  const char* pass = password.empty() ? reinterpret_cast<const char*>(&empty)
                                      : reinterpret_cast<const char*>(password.data());
  const unsigned char* saltData = salt.empty() ? &empty : salt.data();
  if (!PKCS5_PBKDF2_HMAC(pass, detail::asInt(password.size()), saltData, detail::asInt(salt.size()),
                         static_cast<int>(iterations), EVP_sha1(), detail::asInt(length), out.data()))
    return detail::openSslError("PKCS5_PBKDF2_HMAC");
  return out;
}

Result<SecretBytes> pmkFromPassphrase(std::string_view passphrase, ByteView ssid) {
  if (passphrase.size() < 8 || passphrase.size() > 63)
    return makeError(ErrorCode::InvalidArgument,
                     "a WPA passphrase has 8..63 characters, this one has " + std::to_string(passphrase.size()));
  for (char c : passphrase) {
    const auto code = static_cast<unsigned char>(c);
    if (code < 32 || code > 126)
      return makeError(ErrorCode::InvalidArgument, "a WPA passphrase is printable ASCII (IEEE 802.11 J.4.1)");
  }
  if (ssid.size() > 32) return makeError(ErrorCode::InvalidArgument, "an SSID has at most 32 octets");
  return pbkdf2HmacSha1(asView(passphrase), ssid, 4096, 32);
}

}  // namespace rs::crypto
