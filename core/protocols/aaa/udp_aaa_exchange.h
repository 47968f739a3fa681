// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs MschapAaaClient requests against a real RADIUS server over a UDP
// socket, blocking, with at most `window` requests in flight: the retransmission
// timers run on the steady clock, so every request ends (Accepted, Rejected,
// NoAnswer or Failed) within (1 + retries) x timeout of being sent — an
// unreachable server is an answer, never a hang. Datagrams from any other
// address than the server's are dropped (RFC 2865 3 pairs a reply with its
// request by address too).
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/protocols/aaa/aaa_result.h"
#include "core/protocols/aaa/mschap_aaa_client.h"
#include "core/protocols/aaa/udp_socket.h"

namespace rs::aaa {

// One exchange to run: an MS-CHAPv2 Access-Request (`response`), a CHAP one
// (`chap`), or a Status-Server probe when both are empty.
struct AaaWork {
  std::optional<MsChapV2Response> response;
  std::optional<std::string> mobilePassword;  // checks MS-CHAP2-Success when given
  // Last and defaulted, so the {response, password} initialisers elsewhere keep their meaning.
  std::optional<ChapResponse> chap = std::nullopt;
};

struct UdpExchangeStats {
  std::size_t sent = 0;             // datagrams, retransmissions included
  std::size_t dropped = 0;          // replies the client refused (wrong authenticator, unknown Identifier, stranger)
  std::chrono::nanoseconds elapsed{0};
};

// Results in the order of `work`. `onDrop` (optional) hears why a datagram was dropped.
std::vector<AaaResult> runUdpAaaExchanges(MschapAaaClient& client, UdpSocket& socket, const UdpAddress& server,
                                          const std::vector<AaaWork>& work, std::size_t window,
                                          UdpExchangeStats* stats = nullptr,
                                          const std::function<void(const std::string&)>& onDrop = {});

// A Request Authenticator source for real sockets (crypto::secureRandomBytes).
// Throws std::runtime_error when OpenSSL's generator fails (no usable randomness).
Bytes secureRandom(std::size_t count);

}  // namespace rs::aaa
