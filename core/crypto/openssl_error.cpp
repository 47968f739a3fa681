// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/openssl_error.h"

#include <openssl/err.h>

namespace rs::crypto {

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

}  // namespace rs::crypto
