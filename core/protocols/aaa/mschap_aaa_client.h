// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The RADIUS client of the Mobile IP agents: MS-CHAPv2 for the Home Agent
// (seed 001: HA -> AAA access-request, access-accept carrying x'') and
// CHAP-MD5 for a Foreign Agent checking an RFC 3012 MN-AAA authenticator
// (chap_access_request.h; its Access-Accept carries no keys). It only makes
// and checks packets and keeps the pending requests; a transport
// (aaa_transport.h) moves the bytes and runs the timers, over the emulation
// core or a real UDP socket. Both methods share the Identifier space and the
// rules below.
//
// Each request gets a free Identifier and a fresh Request Authenticator; a
// retransmission after a timeout sends the very same bytes (RFC 5080 2.2.1:
// same Identifier and authenticator, so the server can spot the duplicate).
// After 1 + retries transmissions without an answer the request ends as
// NoAnswer. A reply is dropped (the request stays pending) unless it answers a
// pending Identifier and its Response Authenticator verifies, and so does its
// Message-Authenticator when present; its absence (FreeRADIUS 3.2.1) is
// recorded in the result, not refused.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "core/crypto/result.h"
#include "core/protocols/aaa/aaa_result.h"
#include "core/protocols/aaa/chap_access_request.h"
#include "core/protocols/aaa/mschap_access_request.h"
#include "core/sim/sim_time.h"
#include "dissectors/common/bytes.h"

namespace rs::aaa {

struct AaaRetryPolicy {
  sim::SimTime timeout = sim::seconds(3);  // per transmission (RFC 5080 2.2.1 suggests seconds)
  unsigned retries = 2;                    // retransmissions after the first
};

struct AaaClientConfig {
  std::string secret;  // the RADIUS shared secret
  NasIdentity nas;
  AaaRetryPolicy retry;
};

class MschapAaaClient {
 public:
  // `randomBytes(n)` gives n unpredictable octets (Request Authenticators):
  // crypto::secureRandomBytes on real sockets, a sim::Random stream in the emulation.
  using RandomSource = std::function<Bytes(std::size_t)>;
  // Throws std::invalid_argument for an empty secret or a zero timeout (configuration errors).
  MschapAaaClient(AaaClientConfig config, RandomSource randomBytes);

  struct Outgoing {
    std::uint64_t ticket = 0;
    std::uint8_t identifier = 0;
    Bytes packet;
  };
  // An Access-Request for the Mobile Node's MS-CHAPv2 response. With
  // `mobilePassword` (tools and tests that know it) the MS-CHAP2-Success
  // authenticator response is checked too (RFC 2759 8.8). Fails when the
  // packet cannot be built or 256 requests are already pending.
  crypto::Result<Outgoing> startAccessRequest(const MsChapV2Response& response,
                                              std::optional<std::string> mobilePassword = std::nullopt);
  // An Access-Request for a CHAP-MD5 response (RFC 2865 5.3 / 5.40). Its
  // Access-Accept ends as Accepted without key material (CHAP has none), an
  // Access-Reject as Rejected. Fails as startAccessRequest does.
  crypto::Result<Outgoing> startChapAccessRequest(const ChapResponse& response);
  // A Status-Server probe (RFC 5997).
  crypto::Result<Outgoing> startStatusServer();

  // A datagram from the server: the finished exchange, or nullopt and `why` when it is dropped.
  std::optional<AaaResult> onDatagram(ByteView datagram, std::string& why);
  // The ticket's timer ran out: the bytes to send again, or the final NoAnswer
  // result; nullopt when the ticket is no longer pending (answered meanwhile).
  std::optional<std::variant<Bytes, AaaResult>> onTimeout(std::uint64_t ticket);
  // Forgets a pending request (its transport gave up); true when it was pending.
  bool abandon(std::uint64_t ticket);

  std::size_t pending() const { return pending_.size(); }
  const AaaClientConfig& config() const { return config_; }

 private:
  struct Pending {
    std::uint64_t ticket = 0;
    bool statusServer = false;
    bool chap = false;  // a CHAP Access-Request: its Access-Accept carries no MPPE keys
    Bytes packet;
    Bytes requestAuthenticator;
    std::string userName;
    std::optional<MsChapV2Response> response;
    std::optional<std::string> mobilePassword;
    unsigned attempts = 1;
  };
  std::optional<std::uint8_t> freeIdentifier();
  crypto::Result<Outgoing> enqueue(Pending pending, std::uint8_t identifier);
  AaaResult finish(const Pending& p, std::uint8_t identifier);
  void completeFromReply(const Pending& p, AaaResult& result, ByteView datagram);

  AaaClientConfig config_;
  RandomSource randomBytes_;
  std::uint8_t nextIdentifier_ = 0;
  std::uint64_t nextTicket_ = 1;
  std::map<std::uint8_t, Pending> pending_;  // by Identifier
};

}  // namespace rs::aaa
