// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The embedded AAA server of seed 001: a RADIUS server (RFC 2865) that
// authenticates MS-CHAPv2 (RFC 2548 2.3.2, RFC 2759) against its users
// (cleartext passwords or NT hashes) and answers as FreeRADIUS 3.2's mschap
// module does (mschap_access_reply.h): Access-Accept with MS-CHAP2-Success
// and the salt-encrypted MPPE keys that are the seed's x'', Access-Reject
// with MS-CHAP-Error E=691 for a wrong password or an unknown user (the same
// answer, so a reject does not tell which), and Status-Server (RFC 5997).
//
// It also checks CHAP-MD5 Access-Requests (CHAP-Password present, RFC 2865
// 5.3), as FreeRADIUS 3.2's chap module does: the challenge is CHAP-Challenge,
// or the Request Authenticator when that is absent; the answer is a plain
// Access-Accept or Access-Reject (no keys: CHAP derives none). CHAP needs the
// cleartext password, so a user known only by its NT hash is rejected. A
// CHAP-Password that is not 17 octets, or a CHAP-Challenge under 5, is discarded.
//
// Transport-free: handle() takes one datagram and the client's address and
// returns the reply to send, if any. aaa_server_node.h runs it on the
// emulation core, udp_aaa_server.h on a real UDP socket.
//
// Silently discarded (RFC 2865 3, RFC 3579 3.2): datagrams from addresses
// without a client entry, anything that is not a well-formed Access-Request
// or Status-Server, a Message-Authenticator that does not verify, a
// Status-Server without one (RFC 5997 3), and an Access-Request without one
// unless `requireMessageAuthenticator` is off (FreeRADIUS 3.2.1 does not
// require it). A retransmission (same client address and port, Identifier
// and Request Authenticator) gets the cached reply again (RFC 5080 2.2.2).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::aaa {

struct AaaServerSettings {
  bool requireMessageAuthenticator = true;  // on Access-Requests
  bool messageAuthenticatorInReplies = true;  // FreeRADIUS 3.2.1 sends none; see mschap_access_reply.h
};

// What happened to one datagram, for counters and trace lines (never holds a secret).
enum class AaaServerAction : std::uint8_t { Accepted, Rejected, StatusAnswered, Duplicate, Discarded };
std::string_view aaaServerActionName(AaaServerAction action);

struct AaaServerResponse {
  AaaServerAction action = AaaServerAction::Discarded;
  std::optional<Bytes> reply;  // the datagram to send back
  std::string note;            // "Access-Accept 7 for 'mn1@home.example'", "discarded: ..."
  std::string userName;
  std::uint8_t identifier = 0;
  // Accepted MS-CHAPv2: x'' = MS-MPPE-Recv-Key || MS-MPPE-Send-Key as sent (for the emulation's key
  // inspector). Empty for CHAP, whose Access-Accept carries no keys.
  crypto::SecretBytes keyMaterial;
};

class MschapAaaServer {
 public:
  static constexpr std::size_t kMaxCachedReplies = 4096;
  using RandomSource = std::function<Bytes(std::size_t)>;  // salts and the C= challenge of MS-CHAP-Error

  MschapAaaServer(AaaServerSettings settings, RandomSource randomBytes);

  // Throw std::invalid_argument for empty names, secrets or passwords and NT hashes that are not 16 octets.
  void addClient(std::string address, std::string secret);  // "127.0.0.1", "10.0.0.1"
  // The user authenticates with MS-CHAPv2 and CHAP (the password is kept, wiped on destruction).
  void addUser(std::string name, std::string_view cleartextPassword);
  // MS-CHAPv2 only (CHAP needs the cleartext); replaces a password given to addUser.
  void addUserNtHash(std::string name, ByteView ntPasswordHash);

  AaaServerResponse handle(ByteView datagram, const std::string& clientAddress, std::uint16_t clientPort);

  std::size_t accepts() const { return accepts_; }
  std::size_t rejects() const { return rejects_; }
  std::size_t statusAnswered() const { return statusAnswered_; }
  std::size_t duplicates() const { return duplicates_; }
  std::size_t discarded() const { return discarded_; }

 private:
  using RequestKey = std::tuple<std::string, std::uint16_t, std::uint8_t, Bytes>;
  struct Request;
  AaaServerResponse onAccessRequest(const Request& request);
  AaaServerResponse onChapAccessRequest(const Request& request, const std::string& userName);
  // Counts and wraps a built Access-Reject (or discards when it could not be built).
  AaaServerResponse rejected(const Request& request, const std::string& userName, crypto::Result<Bytes> reply,
                             std::string note);
  AaaServerResponse chapReject(const Request& request, const std::string& userName, std::string why);
  AaaServerResponse onStatusServer(const Request& request);
  AaaServerResponse discard(std::string why);
  AaaServerResponse reject(const Request& request, std::uint8_t ident, const std::string& userName, std::string why);
  void remember(RequestKey key, const AaaServerResponse& response);

  AaaServerSettings settings_;
  RandomSource randomBytes_;
  std::map<std::string, std::string> clients_;             // address -> secret
  std::map<std::string, crypto::SecretBytes> ntHashes_;    // user -> x' = NtPasswordHash
  std::map<std::string, crypto::SecretBytes> passwords_;   // user -> cleartext, for CHAP (addUser only)
  std::map<RequestKey, Bytes> replies_;
  std::deque<RequestKey> replyOrder_;  // oldest first, bounds replies_
  std::size_t accepts_ = 0;
  std::size_t rejects_ = 0;
  std::size_t statusAnswered_ = 0;
  std::size_t duplicates_ = 0;
  std::size_t discarded_ = 0;
};

}  // namespace rs::aaa
