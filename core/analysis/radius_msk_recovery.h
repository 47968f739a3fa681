// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Recovers EAP MSKs from the AP <-> RADIUS server link of a capture. With the
// shared secret, the MS-MPPE-Recv-Key and MS-MPPE-Send-Key of an Access-Accept
// (RFC 2548 2.4.2/2.4.3, salt-encrypted under the secret and the authenticator
// of the Access-Request it answers) give the MSK (RFC 3748 7.10) the AP turns
// into the PMK: RFC 5216 2.3 names MSK(0,31) "Enc-RECV-Key", carried as
// MS-MPPE-Recv-Key, and MSK(32,63) "Enc-SEND-Key", carried as MS-MPPE-Send-Key,
// so MSK = Recv-Key || Send-Key and PMK = L(MSK, 0, 256) (IEEE 802.11-2016
// 12.7.1.3, KeyRing::addMsk). Every TLS-based EAP method (PEAP, TTLS, FAST)
// exports its MSK the same way.
//
// Fed every frame in capture order (HandshakeTracker does, so the PMK is in
// the KeyRing before the 4-way handshake that needs it). It finds RADIUS in
// Ethernet, Linux cooked and raw IPv4/IPv6 frames on UDP 1812/1645 and the
// ports decoded as RADIUS (registerUdpDecodeAs), remembers each
// Access-Request's authenticator by (client, client port, server, server
// port, identifier), and on the matching Access-Accept tries every shared
// secret: the right one is the one whose Response Authenticator (RFC 2865 3)
// verifies.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/analysis/key_ring.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/frame_view.h"
#include "dissectors/common/mac_address.h"

namespace rs {

enum class RadiusMskVerdict : std::uint8_t {
  Recovered,          // MSK added to the KeyRing
  NoSecretMatched,    // no shared secret verifies the Response Authenticator
  NoMppeKeys,         // the secret verified but the Accept carries no MS-MPPE-Send/Recv-Key
  KeysUndecryptable,  // the keys did not decrypt to a well-formed key
  NotAnMsk,           // keys decrypted but are MPPE session keys (16 octets each), not an EAP MSK
};
std::string_view radiusMskVerdictName(RadiusMskVerdict v);

// What was found for one Access-Accept that answered a captured Access-Request.
struct RadiusMskFinding {
  std::uint64_t frame = 0;         // the Access-Accept (0-based frame index)
  std::uint64_t requestFrame = 0;  // the Access-Request it answers
  std::string callingStationId;    // of the request, as sent
  std::optional<MacAddress> station;  // Calling-Station-Id as a MAC, when it is one
  std::string userName;
  std::optional<std::size_t> secretIndex;  // into KeyRing::radiusSecrets(), when one verified
  std::optional<bool> messageAuthenticatorValid;  // when the Accept carries one and a secret verified
  RadiusMskVerdict verdict = RadiusMskVerdict::NoSecretMatched;
  std::size_t mskLength = 0;       // octets, when recovered
  Bytes requestAuthenticator;      // for re-decrypting keys for display (not a secret)
};

class RadiusMskRecovery {
 public:
  // Pending Access-Requests are bounded: at most kMaxPending, each forgotten
  // kPendingLifetimeNs after it was seen (RADIUS clients retry within seconds).
  static constexpr std::size_t kMaxPending = 4096;
  static constexpr std::int64_t kPendingLifetimeNs = 60'000'000'000;

  explicit RadiusMskRecovery(KeyRing& keys);

  void observe(const FrameView& frame);

  const std::vector<RadiusMskFinding>& findings() const { return findings_; }
  const RadiusMskFinding* findingAt(std::uint64_t frameIndex) const;
  std::size_t recovered() const;
  std::size_t pending() const { return pending_.size(); }

 private:
  // (client address, client port, server address, server port, identifier)
  using RequestKey = std::tuple<Bytes, std::uint16_t, Bytes, std::uint16_t, std::uint8_t>;
  struct PendingRequest {
    std::uint64_t frame = 0;
    std::int64_t timestampNs = 0;
    Bytes authenticator;
    std::string callingStationId;
    std::string userName;
  };

  bool isRadiusPort(std::uint16_t port) const;
  void expire(std::int64_t nowNs);
  void onAccept(const FrameView& frame, ByteView reply, const PendingRequest& request);

  KeyRing& keys_;
  std::vector<std::uint16_t> ports_;
  std::map<RequestKey, PendingRequest> pending_;
  std::vector<RadiusMskFinding> findings_;
};

}  // namespace rs
