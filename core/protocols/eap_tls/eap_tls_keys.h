// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The keys an EAP-TLS run exports (RFC 5216 2.3, RFC 9190 2.3) and the PMK the
// 802.11 key hierarchy takes from them.
#include <string>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"

namespace rs::eap {

struct EapTlsKeys {
  crypto::SecretBytes msk;   // 64 octets
  crypto::SecretBytes emsk;  // 64 octets
  // Method-Id, the EAP Session-Id's method part (RFC 5216 2.3: client.random ‖
  // server.random for TLS 1.2; RFC 9190 2.3: a 64-octet exporter value for
  // TLS 1.3). Not secret: it names the session in traces.
  Bytes methodId;
  std::string tlsVersion;  // "TLSv1.2", "TLSv1.3"
};

// PMK = L(MSK, 0, 256) (IEEE 802.11-2016 12.7.1.3), the same convention as
// analysis::KeyRing::addMsk. InvalidArgument when the MSK is shorter than 32 octets.
crypto::Result<crypto::SecretBytes> pmkFromMsk(const crypto::SecretBytes& msk);

}  // namespace rs::eap
