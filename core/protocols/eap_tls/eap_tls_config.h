// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Settings shared by the EAP-TLS peer and server.
#include <cstddef>
#include <string>

#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::eap {

enum class TlsVersion { Tls12, Tls13 };

// TLS octets carried per EAP-TLS packet. RFC 5216 2.1.5 leaves the size to the
// implementation; FreeRADIUS's eap tls "fragment_size" defaults to 1024 and
// wpa_supplicant's "fragment_size" to 1398. 1020 keeps the whole EAP packet
// (5-octet EAP header + flags + 4-octet TLS Message Length + 1020 = 1030 octets)
// below FreeRADIUS's limit, inside one Ethernet/802.11 MSDU with EAPOL's 4-octet
// header, and inside five RADIUS EAP-Message attributes (253 octets each, RFC 3579 3.1).
inline constexpr std::size_t kDefaultFragmentSize = 1020;
// Smallest fragment accepted: anything smaller only multiplies round trips.
inline constexpr std::size_t kMinFragmentSize = 64;
// Largest reassembled TLS message accepted from the other side. RFC 5216 sets
// no bound; a handshake flight with a few certificates stays far below this,
// and the bound keeps a hostile TLS Message Length from reserving memory.
inline constexpr std::size_t kMaxTlsMessageLength = 128 * 1024;

struct EapTlsConfig {
  TlsVersion version = TlsVersion::Tls12;  // both ends are pinned to exactly this version
  std::size_t fragmentSize = kDefaultFragmentSize;
  Bytes caCertificateDer;                        // trust anchor for the other side's certificate
  Bytes certificateDer;                          // own certificate
  crypto::SecretBytes privateKeyDer;             // own key (PKCS#8 or traditional DER)
  std::string identity = "peer@roamscope.test";  // peer only: EAP-Response/Identity text
};

}  // namespace rs::eap
