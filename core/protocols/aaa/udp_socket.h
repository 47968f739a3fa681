// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A UDP socket on the host (POSIX), for talking to real RADIUS servers and
// for serving the embedded AAA server to real clients. core/ has no Qt, so
// this is plain BSD sockets: IPv4 and IPv6 through getaddrinfo, receive with a
// bounded wait (poll), never a blocking call without a timeout.
#include <sys/socket.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "dissectors/common/bytes.h"

namespace rs::aaa {

struct UdpAddress {
  sockaddr_storage storage{};
  socklen_t length = 0;

  int family() const { return storage.ss_family; }
  std::string host() const;  // "127.0.0.1", "::1"
  std::uint16_t port() const;
  std::string text() const;  // "127.0.0.1:1812", "[::1]:1812"
  bool operator==(const UdpAddress& other) const;
};

// A numeric address or a host name; nullopt and `error` when it does not resolve.
std::optional<UdpAddress> resolveUdpAddress(const std::string& host, std::uint16_t port, std::string& error);
// "HOST:PORT", "[v6]:PORT" or "HOST" (then `defaultPort`).
std::optional<UdpAddress> parseUdpAddress(const std::string& text, std::uint16_t defaultPort, std::string& error);

class UdpSocket {
 public:
  // A socket bound to `local` (port 0: any free port). nullopt and `error` on failure.
  static std::optional<UdpSocket> bind(const UdpAddress& local, std::string& error);
  // A socket of `peer`'s family bound to the wildcard address and a free port (a client).
  static std::optional<UdpSocket> forPeer(const UdpAddress& peer, std::string& error);

  UdpSocket(UdpSocket&& other) noexcept;
  UdpSocket& operator=(UdpSocket&& other) noexcept;
  UdpSocket(const UdpSocket&) = delete;
  UdpSocket& operator=(const UdpSocket&) = delete;
  ~UdpSocket();

  bool sendTo(ByteView datagram, const UdpAddress& to, std::string& error);
  struct Datagram {
    Bytes data;
    UdpAddress from;
  };
  // The next datagram, waiting at most `wait`; nullopt on timeout (or an error, then `error` is set).
  std::optional<Datagram> receive(std::chrono::milliseconds wait, std::string& error);
  UdpAddress localAddress() const;

 private:
  explicit UdpSocket(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace rs::aaa
