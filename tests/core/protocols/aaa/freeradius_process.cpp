// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/protocols/aaa/freeradius_process.h"

#include <fmt/format.h>
#include <signal.h>

#include <QFile>
#include <QStandardPaths>
#include <QThread>

#include "core/protocols/aaa/udp_aaa_exchange.h"

namespace rs::test {
namespace {

// A port nobody uses right now: the kernel picks one for a throw-away socket.
std::optional<std::uint16_t> freeLoopbackPort() {
  std::string error;
  auto local = aaa::resolveUdpAddress("127.0.0.1", 0, error);
  if (!local) return std::nullopt;
  auto socket = aaa::UdpSocket::bind(*local, error);
  if (!socket) return std::nullopt;
  return socket->localAddress().port();
}

// users-file values are double-quoted strings: escape what would end them.
std::string quoted(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool writeFile(const QString& path, const std::string& text, std::string& error) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      f.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
    error = "cannot write " + path.toStdString();
    return false;
  }
  return true;
}

}  // namespace

std::optional<QString> FreeRadiusProcess::executable() {
  const QStringList sbin = {"/usr/sbin", "/usr/local/sbin", "/sbin"};
  for (const char* name : {"radiusd", "freeradius"}) {
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty()) found = QStandardPaths::findExecutable(name, sbin);
    if (!found.isEmpty()) return found;
  }
  return std::nullopt;
}

FreeRadiusProcess::FreeRadiusProcess(std::string secret, std::map<std::string, std::string> users)
    : secret_(std::move(secret)), users_(std::move(users)) {}

FreeRadiusProcess::~FreeRadiusProcess() { stop(); }

bool FreeRadiusProcess::writeConfiguration(std::uint16_t port, std::string& error) const {
  const std::string d = dir_.path().toStdString();
  // The stock chap and mschap modules answer from the same Cleartext-Password
  // (chap sets Auth-Type CHAP when a request has CHAP-Password).
  // Everything radiusd reads or writes stays in the temporary directory;
  // reject_delay 0 answers a wrong password at once (the default waits 1 s),
  // status_server lets the test see when it is ready (RFC 5997).
  const std::string conf = fmt::format(R"(# Written by RoamScope's FreeRADIUS integration test.
prefix = /usr
exec_prefix = /usr
sysconfdir = {d}
localstatedir = {d}
sbindir = /usr/sbin
logdir = {d}
raddbdir = {d}
radacctdir = {d}
name = radiusd
confdir = {d}
modconfdir = {d}
run_dir = {d}
db_dir = {d}
libdir = /usr/lib/freeradius
pidfile = {d}/radiusd.pid
max_request_time = 10
cleanup_delay = 1
max_requests = 65536
hostname_lookups = no
log {{
  destination = stdout
  auth = no
}}
security {{
  allow_core_dumps = no
  max_attributes = 200
  reject_delay = 0
  status_server = yes
}}
thread pool {{
  start_servers = 2
  max_servers = 4
  min_spare_servers = 1
  max_spare_servers = 4
  max_requests_per_server = 0
}}
client home_agent {{
  ipaddr = 127.0.0.1
  secret = {secret}
}}
modules {{
  files {{
    filename = {d}/users
  }}
  mschap {{
  }}
  chap {{
  }}
}}
server default {{
  listen {{
    type = auth
    ipaddr = 127.0.0.1
    port = {port}
  }}
  authorize {{
    files
    chap
    mschap
  }}
  authenticate {{
    Auth-Type CHAP {{
      chap
    }}
    mschap
  }}
}}
)",
                                       fmt::arg("d", d), fmt::arg("secret", quoted(secret_)), fmt::arg("port", port));
  std::string users;
  for (const auto& [name, password] : users_)
    users += fmt::format("{} Cleartext-Password := {}\n", quoted(name), quoted(password));
  return writeFile(dir_.filePath("radiusd.conf"), conf, error) && writeFile(dir_.filePath("users"), users, error);
}

QByteArray FreeRadiusProcess::output() {
  if (process_) output_ += process_->readAll();
  return output_;
}

bool FreeRadiusProcess::start(std::string& error) {
  const auto program = executable();
  if (!program) {
    error = "radiusd is not installed";
    return false;
  }
  if (!dir_.isValid()) {
    error = "no temporary directory";
    return false;
  }
  // The port is free when chosen; if another process takes it before radiusd binds, try another.
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto port = freeLoopbackPort();
    if (!port) {
      error = "no free UDP port on 127.0.0.1";
      return false;
    }
    if (!writeConfiguration(*port, error)) return false;
    std::string resolveError;
    address_ = aaa::resolveUdpAddress("127.0.0.1", *port, resolveError).value();
    process_ = std::make_unique<QProcess>();
    process_->setProcessChannelMode(QProcess::MergedChannels);
    process_->start(*program, {"-f", "-l", "stdout", "-d", dir_.path()});
    if (!process_->waitForStarted(5000)) {
      error = "radiusd did not start: " + process_->errorString().toStdString();
      return false;
    }
    pid_ = process_->processId();
    if (waitUntilReady(error)) return true;
    stop();
  }
  return false;
}

bool FreeRadiusProcess::waitUntilReady(std::string& error) {
  aaa::MschapAaaClient client(
      aaa::AaaClientConfig{secret_, aaa::NasIdentity{0x7f000001, "roamscope-test"}, {sim::milliseconds(50), 0}},
      aaa::secureRandom);
  std::string socketError;
  auto socket = aaa::UdpSocket::forPeer(address_, socketError);
  if (!socket) {
    error = socketError;
    return false;
  }
  // About 0.1 s on this machine; 200 polls of 50 ms bound the wait at 10 s.
  for (int poll = 0; poll < 200; ++poll) {
    if (process_->state() == QProcess::NotRunning) {
      error = "radiusd exited (" + std::to_string(process_->exitCode()) + "): " + output().toStdString();
      return false;
    }
    const auto results = aaa::runUdpAaaExchanges(client, *socket, address_, {aaa::AaaWork{}}, 1);
    if (results.front().outcome == aaa::AaaOutcome::Accepted) return true;
  }
  error = "radiusd did not answer Status-Server within 10 s: " + output().toStdString();
  return false;
}

void FreeRadiusProcess::stop() {
  if (!process_) return;
  if (process_->state() != QProcess::NotRunning && pid_ > 0) {
    ::kill(static_cast<pid_t>(pid_), SIGTERM);
    if (!process_->waitForFinished(5000)) {
      ::kill(static_cast<pid_t>(pid_), SIGKILL);
      process_->waitForFinished(5000);
    }
  }
  output();
  process_.reset();
  pid_ = 0;
}

}  // namespace rs::test
