// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/eap_tls/openssl_owners.h"

#include "core/crypto/openssl_error.h"

#include <openssl/err.h>

#include <climits>

namespace rs::eap::detail {

crypto::Error openSslFailure(std::string_view what) {
  return crypto::makeError(crypto::ErrorCode::LibraryFailure, crypto::openSslErrorText(what));
}

X509Ptr certificateFromDer(ByteView der) {
  if (der.size() > static_cast<std::size_t>(LONG_MAX)) return nullptr;
  const unsigned char* p = der.data();
  return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

PkeyPtr privateKeyFromDer(ByteView der) {
  if (der.size() > static_cast<std::size_t>(LONG_MAX)) return nullptr;
  const unsigned char* p = der.data();
  return PkeyPtr(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size())));
}

}  // namespace rs::eap::detail
