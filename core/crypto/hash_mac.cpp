// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/hash_mac.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <string>

#include "core/crypto/openssl_support.h"

namespace rs::crypto {

namespace {

using detail::MacCtxPtr;
using detail::MdCtxPtr;
using detail::MdPtr;
using detail::openSslError;

const char* digestName(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::Md4: return "MD4";
    case HashAlgorithm::Md5: return "MD5";
    case HashAlgorithm::Sha1: return "SHA1";
    case HashAlgorithm::Sha256: return "SHA256";
    case HashAlgorithm::Sha384: return "SHA384";
  }
  return "SHA256";
}

// EVP_MAC objects are immutable once fetched and safe to share between threads;
// fetching once avoids a provider lookup per MIC (PRF loops call HMAC often).
EVP_MAC* sharedMac(const char* name) {
  if (std::string_view(name) == "HMAC") {
    static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
  }
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
  return mac;
}

Result<Bytes> computeMac(const char* macName, OSSL_PARAM* params, ByteView key,
                         std::span<const ByteView> parts) {
  EVP_MAC* mac = sharedMac(macName);
  if (!mac) return openSslError(std::string("EVP_MAC_fetch ") + macName);
  MacCtxPtr ctx(EVP_MAC_CTX_new(mac));
  if (!ctx) return openSslError("EVP_MAC_CTX_new");
  // A zero-length HMAC key is legal; OpenSSL treats a null key pointer as "keep
  // the previous key", so an empty key is passed through a valid pointer.
  static const unsigned char emptyKey = 0;
  const unsigned char* keyData = key.empty() ? &emptyKey : key.data();
  if (!EVP_MAC_init(ctx.get(), keyData, key.size(), params)) return openSslError(std::string(macName) + " init");
  for (ByteView part : parts) {
    if (!part.empty() && !EVP_MAC_update(ctx.get(), part.data(), part.size()))
      return openSslError(std::string(macName) + " update");
  }
  Bytes out(EVP_MAC_CTX_get_mac_size(ctx.get()));
  std::size_t written = 0;
  if (!EVP_MAC_final(ctx.get(), out.data(), &written, out.size())) return openSslError(std::string(macName) + " final");
  out.resize(written);
  return out;
}

}  // namespace

std::size_t digestLength(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::Md4:
    case HashAlgorithm::Md5: return 16;
    case HashAlgorithm::Sha1: return 20;
    case HashAlgorithm::Sha256: return 32;
    case HashAlgorithm::Sha384: return 48;
  }
  return 0;
}

Result<Bytes> digest(HashAlgorithm algorithm, std::span<const ByteView> parts) {
  OSSL_LIB_CTX* context = nullptr;
  if (algorithm == HashAlgorithm::Md4) {
    auto legacy = detail::legacyLibraryContext();
    if (!legacy) return legacy.error();
    context = *legacy;
  }
  MdPtr md(EVP_MD_fetch(context, digestName(algorithm), nullptr));
  if (!md) return openSslError(std::string("EVP_MD_fetch ") + digestName(algorithm));
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx) return openSslError("EVP_MD_CTX_new");
  if (!EVP_DigestInit_ex2(ctx.get(), md.get(), nullptr)) return openSslError("EVP_DigestInit_ex2");
  for (ByteView part : parts) {
    if (!part.empty() && !EVP_DigestUpdate(ctx.get(), part.data(), part.size()))
      return openSslError("EVP_DigestUpdate");
  }
  Bytes out(static_cast<std::size_t>(EVP_MAX_MD_SIZE));
  unsigned int written = 0;
  if (!EVP_DigestFinal_ex(ctx.get(), out.data(), &written)) return openSslError("EVP_DigestFinal_ex");
  out.resize(written);
  return out;
}

Result<Bytes> digest(HashAlgorithm algorithm, std::initializer_list<ByteView> parts) {
  return digest(algorithm, std::span<const ByteView>(parts.begin(), parts.size()));
}

Result<Bytes> hmac(HashAlgorithm algorithm, ByteView key, std::span<const ByteView> parts) {
  if (algorithm == HashAlgorithm::Md4) return makeError(ErrorCode::Unsupported, "HMAC-MD4 is not offered");
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digestName(algorithm)), 0),
      OSSL_PARAM_construct_end()};
  return computeMac("HMAC", params, key, parts);
}

Result<Bytes> hmac(HashAlgorithm algorithm, ByteView key, std::initializer_list<ByteView> parts) {
  return hmac(algorithm, key, std::span<const ByteView>(parts.begin(), parts.size()));
}

Result<Bytes> aesCmac(ByteView key, std::span<const ByteView> parts) {
  if (key.size() != 16)
    return makeError(ErrorCode::InvalidArgument, "AES-128-CMAC needs a 16-byte key, got " + std::to_string(key.size()));
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>("AES-128-CBC"), 0),
      OSSL_PARAM_construct_end()};
  return computeMac("CMAC", params, key, parts);
}

}  // namespace rs::crypto
