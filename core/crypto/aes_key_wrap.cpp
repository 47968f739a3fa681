// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/aes_key_wrap.h"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <string>

#include "core/crypto/openssl_support.h"

namespace rs::crypto {

namespace {

const char* wrapCipherName(std::size_t kekBytes) {
  switch (kekBytes) {
    case 16: return "AES-128-WRAP";
    case 24: return "AES-192-WRAP";
    case 32: return "AES-256-WRAP";
    default: return nullptr;
  }
}

// One pass of the wrap cipher; returns the number of octets written, or -1 when
// OpenSSL rejected the operation (for unwrap: the integrity check failed).
Result<int> runWrap(ByteView kek, ByteView input, std::uint8_t* output, bool encrypt) {
  const char* name = wrapCipherName(kek.size());
  if (!name) return makeError(ErrorCode::InvalidArgument, "the KEK has 16, 24 or 32 octets, not " + std::to_string(kek.size()));
  auto cipher = detail::fetchCipher(name, false);
  if (!cipher) return cipher.error();
  detail::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return detail::openSslError("EVP_CIPHER_CTX_new");
  if (!EVP_CipherInit_ex2(ctx.get(), cipher->get(), kek.data(), nullptr, encrypt ? 1 : 0, nullptr))
    return detail::openSslError("AES key wrap init");
  int written = 0;
  if (!EVP_CipherUpdate(ctx.get(), output, &written, input.data(), detail::asInt(input.size()))) return -1;
  int tail = 0;
  if (!EVP_CipherFinal_ex(ctx.get(), output + written, &tail)) return -1;
  return written + tail;
}

}  // namespace

Result<Bytes> aesKeyWrap(ByteView kek, ByteView plaintext) {
  if (plaintext.size() < 16 || plaintext.size() % 8 != 0 || !detail::fitsInt(plaintext.size()))
    return makeError(ErrorCode::InvalidArgument, "key wrap input must be a multiple of 8 octets, at least 16");
  Bytes out(plaintext.size() + 8);
  auto written = runWrap(kek, plaintext, out.data(), true);
  if (!written) return written.error();
  if (*written != detail::asInt(out.size())) return detail::openSslError("AES key wrap");
  return out;
}

Result<SecretBytes> aesKeyUnwrap(ByteView kek, ByteView wrapped) {
  if (wrapped.size() < 24 || wrapped.size() % 8 != 0 || !detail::fitsInt(wrapped.size()))
    return makeError(ErrorCode::Malformed, "wrapped key data must be a multiple of 8 octets, at least 24, got " +
                                               std::to_string(wrapped.size()));
  SecretBytes out(wrapped.size());  // OpenSSL may use the whole input size as scratch
  auto written = runWrap(kek, wrapped, out.data(), false);
  if (!written) return written.error();
  if (*written != detail::asInt(wrapped.size() - 8)) {
    ERR_clear_error();
    return makeError(ErrorCode::IntegrityFailure, "AES key unwrap: integrity check value mismatch (wrong KEK or altered data)");
  }
  return SecretBytes(out.subview(0, wrapped.size() - 8));
}

}  // namespace rs::crypto
