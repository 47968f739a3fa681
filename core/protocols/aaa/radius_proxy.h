// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A RADIUS proxy for MS-CHAPv2 and CHAP Access-Requests (RFC 2865 2.3, 5.33), the
// seed's AAA server in front of a domain controller that holds the users and
// derives x' and x'' (seed Fig. 8). Each hop has its own shared secret, so
// the proxy cannot pass packets through: it forwards a request with its own
// Identifier, Request Authenticator, a Proxy-State of its own and a fresh
// Message-Authenticator, and turns the answer back into a reply to the
// client — the MS-MPPE keys decrypted with the server's secret and encrypted
// again under the client's (RFC 2548 2.4.2, new salts), its Proxy-State taken
// out, Message-Authenticator and Response Authenticator computed with the
// client's secret. CHAP Access-Requests (RFC 2865 5.3 / 5.40) pass with
// their CHAP attributes unchanged; one whose challenge is its Request
// Authenticator gets that as CHAP-Challenge, since the forwarded request has
// another authenticator. Codec and crypto only; aaa_proxy_node.h puts it on
// the emulated network. Never holds a secret in a note.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <variant>

#include "dissectors/common/bytes.h"

namespace rs::aaa {

struct ProxiedRequest {
  Bytes packet;            // to send to the server
  std::uint8_t identifier = 0;
  std::string note;        // "Access-Request 7 from 10.1.0.1:50000 for 'alice' forwarded as 3"
};

struct ProxiedReply {
  Bytes packet;            // to send back to the client
  std::string clientAddress;
  std::uint16_t clientPort = 0;
  std::uint8_t code = 0;   // Access-Accept / -Reject / -Challenge
  std::uint8_t identifier = 0;  // the client's
  std::size_t keysReencrypted = 0;  // MS-MPPE keys decrypted and encrypted again (what the proxy's crypto cost is for)
  std::string note;
};

class RadiusProxy {
 public:
  using RandomSource = std::function<Bytes(std::size_t)>;  // Request Authenticators, salts, Proxy-State values
  // Throws std::invalid_argument for an empty server secret.
  RadiusProxy(std::string serverSecret, RandomSource randomBytes);

  // Throws std::invalid_argument for an empty address or secret.
  void addClient(std::string address, std::string secret);

  // A client's datagram: the Access-Request to forward, or why it was discarded (unknown client, not an
  // Access-Request, a Message-Authenticator that does not verify, malformed).
  std::variant<ProxiedRequest, std::string> fromClient(ByteView datagram, const std::string& clientAddress,
                                                       std::uint16_t clientPort);
  // The server's datagram: the reply for the client, or why it was discarded (no Proxy-State of ours,
  // a Response Authenticator that does not verify, keys that do not decrypt).
  std::variant<ProxiedReply, std::string> fromServer(ByteView datagram);

  std::size_t pending() const { return pending_.size(); }

 private:
  struct Pending {
    std::string clientAddress;
    std::uint16_t clientPort = 0;
    std::uint8_t clientIdentifier = 0;
    Bytes clientAuthenticator;
    std::string clientSecret;
    Bytes forwardedAuthenticator;
    std::uint8_t forwardedIdentifier = 0;
  };
  std::string serverSecret_;
  RandomSource randomBytes_;
  std::map<std::string, std::string> clients_;  // address -> secret
  std::map<Bytes, Pending> pending_;            // by our Proxy-State value
  std::uint8_t nextIdentifier_ = 0;
};

}  // namespace rs::aaa
