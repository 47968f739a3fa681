// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// OpenSSL's error queue as text, for every module that calls OpenSSL (the
// crypto sources, EAP-TLS's libssl channel): one place that drains it.
#include <string>
#include <string_view>

namespace rs::crypto {

// "what: <first error>; <second error>...", draining OpenSSL's error queue;
// "what" alone when the queue is empty.
std::string openSslErrorText(std::string_view what);

}  // namespace rs::crypto
