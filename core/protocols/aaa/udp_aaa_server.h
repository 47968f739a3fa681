// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The embedded AAA server (MschapAaaServer) on a real UDP socket, served by
// one background thread: for tests, benchmarks, `roamscope-cli aaa-check`
// against it, and for pointing an emulated Home Agent at it like at any
// external RADIUS server. Configure users and clients before start(); the
// thread owns the server until stop() (also run by the destructor), which
// returns within one poll interval.
#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <thread>

#include "core/protocols/aaa/mschap_aaa_server.h"
#include "core/protocols/aaa/udp_socket.h"

namespace rs::aaa {

class UdpAaaServer {
 public:
  explicit UdpAaaServer(AaaServerSettings settings = {});
  ~UdpAaaServer();
  UdpAaaServer(const UdpAaaServer&) = delete;
  UdpAaaServer& operator=(const UdpAaaServer&) = delete;

  // Configure before start(); read the counters after stop().
  MschapAaaServer& server() { return server_; }

  // Binds `local` (port 0: a free port) and starts serving; false and `error` when the bind fails.
  bool start(const UdpAddress& local, std::string& error);
  void stop();
  bool running() const { return thread_.joinable(); }
  UdpAddress address() const;  // where it listens (the bound port)

 private:
  void serve();

  MschapAaaServer server_;
  std::optional<UdpSocket> socket_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace rs::aaa
