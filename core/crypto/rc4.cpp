// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/rc4.h"

#include <openssl/evp.h>

#include <string>

#include "core/crypto/openssl_support.h"
#include "core/crypto/secret_bytes.h"

namespace rs::crypto {

Result<Bytes> rc4(ByteView key, ByteView data, std::size_t discard) {
  if (key.empty() || key.size() > 256) return makeError(ErrorCode::InvalidArgument, "an RC4 key has 1..256 octets");
  if (!detail::fitsInt(data.size()) || !detail::fitsInt(discard)) return makeError(ErrorCode::InvalidArgument, "input too long");
  auto cipher = detail::fetchCipher("RC4", true);
  if (!cipher) return cipher.error();
  detail::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return detail::openSslError("EVP_CIPHER_CTX_new");
  // The key length must be set between the two init calls: RC4 defaults to 16 octets.
  if (!EVP_CipherInit_ex2(ctx.get(), cipher->get(), nullptr, nullptr, 1, nullptr) ||
      !EVP_CIPHER_CTX_set_key_length(ctx.get(), detail::asInt(key.size())) ||
      !EVP_CipherInit_ex2(ctx.get(), nullptr, key.data(), nullptr, 1, nullptr))
    return detail::openSslError("RC4 init");
  int written = 0;
  if (discard > 0) {
    Bytes skipped(discard, 0);
    if (!EVP_CipherUpdate(ctx.get(), skipped.data(), &written, skipped.data(), detail::asInt(discard)))
      return detail::openSslError("RC4 discard");
    wipe(skipped);
  }
  Bytes out(data.size());
  if (!data.empty() && !EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(), detail::asInt(data.size())))
    return detail::openSslError("RC4");
  return out;
}

Result<Bytes> eapolKeyDataRc4(ByteView keyIv, ByteView kek, ByteView keyData) {
  if (keyIv.size() != 16 || kek.size() != 16)
    return makeError(ErrorCode::InvalidArgument, "EAPOL-Key IV and KEK have 16 octets each");
  SecretBytes key(32);
  std::copy(keyIv.begin(), keyIv.end(), key.data());
  std::copy(kek.begin(), kek.end(), key.data() + 16);
  return rc4(key, keyData, 256);
}

}  // namespace rs::crypto
