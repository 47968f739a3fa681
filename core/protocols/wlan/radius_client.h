// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The RADIUS client of an access point's 802.1X authenticator (RFC 2865,
// RFC 3579 "RADIUS Support for EAP", IEEE 802.1X-2010 Annex relay): wraps each
// EAP-Response in an Access-Request with Message-Authenticator, and checks and
// unwraps the server's Access-Challenge / -Accept / -Reject. From an
// Access-Accept it takes the PMK: MS-MPPE-Recv-Key (RFC 2548 2.4.3), the
// first 32 octets of the MSK, decrypted with the shared secret.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/crypto/secret_bytes.h"
#include "core/sim/random.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::wlan {

struct RadiusClientConfig {
  std::string secret;
  std::uint32_t nasIp = 0;
  MacAddress bssid;
  std::string ssid;
  std::string nasIdentifier;
};

struct RadiusReply {
  MacAddress sta;
  std::uint8_t code = 0;  // Access-Accept / -Reject / -Challenge
  Bytes eap;              // the EAP packet to relay (EAP-Message reassembled)
  Bytes state;            // State to echo in the next request
  crypto::SecretBytes pmk;  // Access-Accept only: MS-MPPE-Recv-Key
  crypto::SecretBytes msk;  // Access-Accept only: MS-MPPE-Recv-Key || MS-MPPE-Send-Key (RFC 5216 2.3 order)
};

class RadiusClient {
 public:
  RadiusClient(RadiusClientConfig config, sim::Random random) : config_(std::move(config)), random_(random) {}

  // An Access-Request for `sta` carrying `eap`; nullopt when the packet cannot be built.
  std::optional<Bytes> accessRequest(const MacAddress& sta, const std::string& userName, ByteView eap,
                                     ByteView state);
  // Checks a reply against its pending request (identifier, Response Authenticator,
  // Message-Authenticator); nullopt with `why` for anything to drop.
  std::optional<RadiusReply> onReply(ByteView packet, std::string& why);

 private:
  struct Pending {
    MacAddress sta;
    Bytes requestAuthenticator;
  };
  RadiusClientConfig config_;
  sim::Random random_;
  std::uint8_t nextIdentifier_ = 0;
  std::map<std::uint8_t, Pending> pending_;
};

}  // namespace rs::wlan
