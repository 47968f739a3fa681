// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/openssl_support.h"

#include "core/crypto/openssl_error.h"

#include <openssl/err.h>
#include <openssl/provider.h>

#include <string>

namespace rs::crypto::detail {

Error openSslError(std::string_view what) {
  std::string message = openSslErrorText(what);
  if (message.size() == what.size()) message += ": (no OpenSSL error reported)";
  return makeError(ErrorCode::LibraryFailure, std::move(message));
}

namespace {

struct LegacyContext {
  OSSL_LIB_CTX* context = nullptr;
  std::string problem;  // empty when the context is usable
};

LegacyContext createLegacyContext() {
  LegacyContext out;
  out.context = OSSL_LIB_CTX_new();
  if (!out.context) {
    out.problem = openSslError("OSSL_LIB_CTX_new").message;
    return out;
  }
  // Loading a provider explicitly disables the implicit default provider of that
  // context, so "default" is loaded too (DES-ECB needs the legacy one, SHA-1 etc.
  // come from the default one when algorithms are mixed in one fetch context).
  if (!OSSL_PROVIDER_load(out.context, "legacy")) {
    out.problem = openSslError(
        "OpenSSL legacy provider not available (needed for MD4, RC4 and DES: MS-CHAPv2, "
        "TKIP, WPA1 key data); install the OpenSSL 3 legacy module (ossl-modules/legacy.so)").message;
    return out;
  }
  if (!OSSL_PROVIDER_load(out.context, "default")) {
    out.problem = openSslError("OpenSSL default provider could not be loaded into the legacy context").message;
  }
  return out;
}

}  // namespace

Result<OSSL_LIB_CTX*> legacyLibraryContext() {
  // Function-local static: initialised exactly once even with concurrent callers.
  static const LegacyContext legacy = createLegacyContext();
  if (!legacy.problem.empty()) return makeError(ErrorCode::ProviderUnavailable, legacy.problem);
  return legacy.context;
}

Result<CipherPtr> fetchCipher(const char* name, bool legacy) {
  OSSL_LIB_CTX* context = nullptr;
  if (legacy) {
    auto ctx = legacyLibraryContext();
    if (!ctx) return ctx.error();
    context = *ctx;
  }
  CipherPtr cipher(EVP_CIPHER_fetch(context, name, nullptr));
  if (!cipher) return openSslError(std::string("EVP_CIPHER_fetch ") + name);
  return cipher;
}

}  // namespace rs::crypto::detail
