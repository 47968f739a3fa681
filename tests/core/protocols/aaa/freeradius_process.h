// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real FreeRADIUS 3.2 (Debian's `freeradius` package, the `radiusd`
// binary) for the integration suites: a minimal configuration written to a
// temporary directory (one virtual server listening on 127.0.0.1 only, one
// client with the shared secret, the `files` module with a users file of
// Cleartext-Password entries, the stock `mschap` module), started in the
// foreground as a child process, ready once it answers a Status-Server, and
// stopped by its PID (SIGTERM, then SIGKILL) when the object goes away, so a
// failing test never leaves it running. Never touches /etc.
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/protocols/aaa/udp_socket.h"

namespace rs::test {

class FreeRadiusProcess {
 public:
  // The radiusd (or freeradius) executable, if installed.
  static std::optional<QString> executable();

  // `users`: name -> cleartext password.
  FreeRadiusProcess(std::string secret, std::map<std::string, std::string> users);
  ~FreeRadiusProcess();
  FreeRadiusProcess(const FreeRadiusProcess&) = delete;
  FreeRadiusProcess& operator=(const FreeRadiusProcess&) = delete;

  // Writes the configuration, starts radiusd and polls Status-Server (bounded,
  // about 10 s) until it answers. False with `error` (including radiusd's output) otherwise.
  bool start(std::string& error);
  void stop();
  aaa::UdpAddress address() const { return address_; }
  qint64 pid() const { return pid_; }
  QByteArray output();  // what radiusd printed so far

 private:
  bool writeConfiguration(std::uint16_t port, std::string& error) const;
  bool waitUntilReady(std::string& error);

  std::string secret_;
  std::map<std::string, std::string> users_;
  QTemporaryDir dir_;
  std::unique_ptr<QProcess> process_;
  qint64 pid_ = 0;
  aaa::UdpAddress address_;
  QByteArray output_;
};

}  // namespace rs::test
