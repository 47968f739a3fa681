// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/udp_socket.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rs::aaa {
namespace {

std::string lastError(std::string_view what) { return fmt::format("{}: {}", what, std::strerror(errno)); }

constexpr std::size_t kMaxDatagram = 65535;

}  // namespace

std::string UdpAddress::host() const {
  char text[INET6_ADDRSTRLEN] = {};
  if (family() == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&storage);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
  } else if (family() == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&storage);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
  }
  return text;
}

std::uint16_t UdpAddress::port() const {
  if (family() == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
  if (family() == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
  return 0;
}

std::string UdpAddress::text() const {
  return family() == AF_INET6 ? fmt::format("[{}]:{}", host(), port()) : fmt::format("{}:{}", host(), port());
}

bool UdpAddress::operator==(const UdpAddress& other) const {
  return family() == other.family() && host() == other.host() && port() == other.port();
}

std::optional<UdpAddress> resolveUdpAddress(const std::string& host, std::uint16_t port, std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0 || !found) {
    error = fmt::format("{}: {}", host, rc != 0 ? gai_strerror(rc) : "no address");
    return std::nullopt;
  }
  UdpAddress a;
  std::memcpy(&a.storage, found->ai_addr, found->ai_addrlen);
  a.length = found->ai_addrlen;
  freeaddrinfo(found);
  return a;
}

std::optional<UdpAddress> parseUdpAddress(const std::string& text, std::uint16_t defaultPort, std::string& error) {
  std::string host = text;
  std::uint16_t port = defaultPort;
  std::string portText;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string::npos) {
      error = text + ": missing ']'";
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') {
        error = text + ": expected ':' after ']'";
        return std::nullopt;
      }
      portText = text.substr(close + 2);
    }
  } else if (const auto colon = text.rfind(':'); colon != std::string::npos && text.find(':') == colon) {
    host = text.substr(0, colon);
    portText = text.substr(colon + 1);
  }
  if (!portText.empty()) {
    unsigned long value = 0;
    try {
      std::size_t used = 0;
      value = std::stoul(portText, &used);
      if (used != portText.size()) value = 0;
    } catch (const std::exception&) {
      value = 0;
    }
    if (value == 0 || value > 65535) {
      error = text + ": the port must be 1-65535";
      return std::nullopt;
    }
    port = static_cast<std::uint16_t>(value);
  }
  if (host.empty()) {
    error = text + ": no host";
    return std::nullopt;
  }
  return resolveUdpAddress(host, port, error);
}

std::optional<UdpSocket> UdpSocket::bind(const UdpAddress& local, std::string& error) {
  const int fd = ::socket(local.family(), SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = lastError("socket");
    return std::nullopt;
  }
  UdpSocket s(fd);
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&local.storage), local.length) != 0) {
    error = lastError("bind " + local.text());
    return std::nullopt;
  }
  return s;
}

std::optional<UdpSocket> UdpSocket::forPeer(const UdpAddress& peer, std::string& error) {
  UdpAddress any;
  if (peer.family() == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&any.storage);
    in6->sin6_family = AF_INET6;
    in6->sin6_addr = in6addr_any;
    any.length = sizeof(sockaddr_in6);
  } else {
    auto* in = reinterpret_cast<sockaddr_in*>(&any.storage);
    in->sin_family = AF_INET;
    in->sin_addr.s_addr = htonl(INADDR_ANY);
    any.length = sizeof(sockaddr_in);
  }
  return bind(any, error);
}

UdpSocket::UdpSocket(UdpSocket&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

UdpSocket& UdpSocket::operator=(UdpSocket&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

UdpSocket::~UdpSocket() {
  if (fd_ >= 0) ::close(fd_);
}

bool UdpSocket::sendTo(ByteView datagram, const UdpAddress& to, std::string& error) {
  const ssize_t sent = ::sendto(fd_, datagram.data(), datagram.size(), 0,
                                reinterpret_cast<const sockaddr*>(&to.storage), to.length);
  if (sent == static_cast<ssize_t>(datagram.size())) return true;
  error = sent < 0 ? lastError("sendto " + to.text()) : "sendto: datagram cut short";
  return false;
}

std::optional<UdpSocket::Datagram> UdpSocket::receive(std::chrono::milliseconds wait, std::string& error) {
  pollfd p{fd_, POLLIN, 0};
  const int ready = ::poll(&p, 1, static_cast<int>(std::max<std::int64_t>(0, wait.count())));
  if (ready < 0) {
    if (errno != EINTR) error = lastError("poll");
    return std::nullopt;
  }
  if (ready == 0) return std::nullopt;
  Datagram d;
  d.data.resize(kMaxDatagram);
  d.from.length = sizeof d.from.storage;
  const ssize_t got = ::recvfrom(fd_, d.data.data(), d.data.size(), 0, reinterpret_cast<sockaddr*>(&d.from.storage),
                                 &d.from.length);
  if (got < 0) {
    // ECONNREFUSED: an ICMP port-unreachable from an earlier send; the peer is not there (yet).
    if (errno != EINTR && errno != EAGAIN) error = lastError("recvfrom");
    return std::nullopt;
  }
  d.data.resize(static_cast<std::size_t>(got));
  return d;
}

UdpAddress UdpSocket::localAddress() const {
  UdpAddress a;
  a.length = sizeof a.storage;
  ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a.storage), &a.length);
  return a;
}

}  // namespace rs::aaa
