// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/eap_tls/openssl_owners.h"

#include <openssl/err.h>

#include <climits>

namespace rs::eap::detail {

std::string openSslErrorText(std::string_view what) {
  std::string message(what);
  bool first = true;
  while (unsigned long code = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    message += first ? ": " : "; ";
    message += text;
    first = false;
  }
  return message;
}

crypto::Error openSslFailure(std::string_view what) {
  return crypto::makeError(crypto::ErrorCode::LibraryFailure, openSslErrorText(what));
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
