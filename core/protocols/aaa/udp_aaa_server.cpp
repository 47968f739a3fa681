// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/udp_aaa_server.h"

#include "core/protocols/aaa/udp_aaa_exchange.h"

namespace rs::aaa {
namespace {
// How long the thread waits for a datagram before it looks at the stop flag again.
constexpr std::chrono::milliseconds kPollInterval{50};
}  // namespace

UdpAaaServer::UdpAaaServer(AaaServerSettings settings) : server_(settings, secureRandom) {}

UdpAaaServer::~UdpAaaServer() { stop(); }

bool UdpAaaServer::start(const UdpAddress& local, std::string& error) {
  if (running()) {
    error = "already running";
    return false;
  }
  socket_ = UdpSocket::bind(local, error);
  if (!socket_) return false;
  stopping_ = false;
  thread_ = std::thread([this] { serve(); });
  return true;
}

void UdpAaaServer::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

UdpAddress UdpAaaServer::address() const { return socket_ ? socket_->localAddress() : UdpAddress{}; }

void UdpAaaServer::serve() {
  while (!stopping_) {
    std::string error;
    auto datagram = socket_->receive(kPollInterval, error);
    if (!datagram) continue;
    AaaServerResponse response = server_.handle(datagram->data, datagram->from.host(), datagram->from.port());
    if (response.reply) socket_->sendTo(*response.reply, datagram->from, error);
  }
}

}  // namespace rs::aaa
