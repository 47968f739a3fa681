// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal helpers shared by the crypto sources: OpenSSL error text, RAII owners
// for OpenSSL objects, and the library context that holds the legacy provider.
// Only core/crypto/*.cpp include this header.
#include <openssl/evp.h>
#include <openssl/types.h>

#include <climits>
#include <cstddef>
#include <memory>
#include <string_view>

#include "core/crypto/result.h"

namespace rs::crypto::detail {

// An Error carrying `what` and the text of OpenSSL's error queue (which it drains).
Error openSslError(std::string_view what);

struct MdCtxFree { void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); } };
struct MdFree { void operator()(EVP_MD* p) const { EVP_MD_free(p); } };
struct CipherCtxFree { void operator()(EVP_CIPHER_CTX* p) const { EVP_CIPHER_CTX_free(p); } };
struct CipherFree { void operator()(EVP_CIPHER* p) const { EVP_CIPHER_free(p); } };
struct MacCtxFree { void operator()(EVP_MAC_CTX* p) const { EVP_MAC_CTX_free(p); } };
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using MdPtr = std::unique_ptr<EVP_MD, MdFree>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;
using CipherPtr = std::unique_ptr<EVP_CIPHER, CipherFree>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, MacCtxFree>;

// OpenSSL takes lengths as int; every length is checked before the cast.
inline bool fitsInt(std::size_t n) { return n <= static_cast<std::size_t>(INT_MAX); }
inline int asInt(std::size_t n) { return static_cast<int>(n); }

// The library context for MD4, RC4 and single DES, which OpenSSL 3 only offers in
// its "legacy" provider. It is a private context (legacy + default providers) so
// loading it does not change what the rest of the process gets from OpenSSL's
// default context. Created once, thread-safely; kept for the process lifetime.
Result<OSSL_LIB_CTX*> legacyLibraryContext();

// Fetches a cipher by name from the default context (legacy=false) or from the
// legacy context.
Result<CipherPtr> fetchCipher(const char* name, bool legacy);

}  // namespace rs::crypto::detail
