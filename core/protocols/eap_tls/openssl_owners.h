// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RAII owners for the OpenSSL objects of the EAP-TLS code and the text of
// OpenSSL's error queue. Internal to core/protocols/eap_tls/*.cpp.
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"

namespace rs::eap::detail {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
struct BioFree {
  void operator()(BIO* p) const { BIO_free(p); }
};
struct SslCtxFree {
  void operator()(SSL_CTX* p) const { SSL_CTX_free(p); }
};
struct SslFree {
  void operator()(SSL* p) const { SSL_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using BioPtr = std::unique_ptr<BIO, BioFree>;
using SslCtxPtr = std::unique_ptr<SSL_CTX, SslCtxFree>;
using SslPtr = std::unique_ptr<SSL, SslFree>;

// A LibraryFailure carrying crypto::openSslErrorText(what) (core/crypto/openssl_error.h).
crypto::Error openSslFailure(std::string_view what);

// DER ↔ objects. nullptr when the bytes do not decode.
X509Ptr certificateFromDer(ByteView der);
PkeyPtr privateKeyFromDer(ByteView der);

}  // namespace rs::eap::detail
