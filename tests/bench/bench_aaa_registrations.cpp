// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #6: Home Agent -> AAA registrations per second (MS-CHAPv2
// Access-Request -> Access-Accept with MPPE keys, every reply verified and
// its keys decrypted), through
//   1. the embedded server in-process (client and server codecs and crypto only),
//   2. the emulation core (SimAaaTransport -> wired link -> AaaServerNode; wall-clock rate),
//   3. the embedded server on a loopback UDP socket (UdpAaaServer, one thread),
//   4. FreeRADIUS 3.2 on loopback when radiusd is installed (minimal config, mschap module).
// The Mobile Nodes' NT-Responses are computed beforehand: the figures are the HA and AAA side.
//
//   bench_aaa_registrations [N] [WINDOW]     defaults: 20,000 and 8 requests in flight
//
// Prints the figures; they go into docs/performance.md by hand.
#include <fmt/format.h>

#include <QCoreApplication>
#include <chrono>
#include <cstdlib>
#include <string>

#include "core/protocols/aaa/mschap_aaa_client.h"
#include "core/protocols/aaa/mschap_aaa_server.h"
#include "core/protocols/aaa/udp_aaa_exchange.h"
#include "core/protocols/aaa/udp_aaa_server.h"
#include "core/sim/random.h"
#include "tests/core/protocols/aaa/aaa_emulation.h"
#include "tests/core/protocols/aaa/aaa_test_support.h"
#include "tests/core/protocols/aaa/freeradius_process.h"

using namespace rs;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<aaa::MsChapV2Response> mobiles(std::size_t n) {
  std::vector<aaa::MsChapV2Response> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(test::mobileResponse(test::kMnNai, test::kMnPassword, i + 1));
  return out;
}

void report(std::string_view what, std::size_t n, std::size_t accepted, double seconds, std::size_t window) {
  fmt::print("{:<44} {:>7} requests, {:>2} in flight: {:>9.0f} registrations/s ({:.1f} us each), {} accepted\n", what,
             n, window, static_cast<double>(n) / seconds, seconds * 1e6 / static_cast<double>(n), accepted);
}

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void inProcess(const std::vector<aaa::MsChapV2Response>& requests) {
  sim::Random cr(1), sr(2);
  aaa::MschapAaaClient client({test::kAaaSecret, {0x0a000001, "ha"}, {}}, [&](std::size_t k) { return cr.bytes(k); });
  aaa::MschapAaaServer server({}, [&](std::size_t k) { return sr.bytes(k); });
  server.addClient("10.0.0.1", test::kAaaSecret);
  server.addUser(test::kMnNai, test::kMnPassword);
  std::size_t accepted = 0;
  const auto start = Clock::now();
  for (const auto& r : requests) {
    auto out = client.startAccessRequest(r);
    const auto answer = server.handle(out->packet, "10.0.0.1", 40000);
    std::string why;
    auto result = client.onDatagram(*answer.reply, why);
    if (result && result->outcome == aaa::AaaOutcome::Accepted) ++accepted;
  }
  report("embedded server, in-process", requests.size(), accepted, since(start), 1);
}

void emulated(const std::vector<aaa::MsChapV2Response>& requests, std::size_t window) {
  test::AaaEmulation run(1);
  run.sim.setFrameSink(nullptr);  // no capture: the rate of the protocol work
  std::size_t next = 0, accepted = 0, done = 0;
  const auto submit = [&](auto& self) -> void {
    const std::size_t i = next++;
    run.client->submitAccessRequest(requests[i], [&, self](const aaa::AaaResult& r) {
      ++done;
      if (r.outcome == aaa::AaaOutcome::Accepted) ++accepted;
      if (next < requests.size()) self(self);
    });
  };
  const auto start = Clock::now();
  for (std::size_t k = 0; k < window && next < requests.size(); ++k) submit(submit);
  while (done < requests.size() && run.sim.scheduler().step()) {
  }
  const double wall = since(start);
  report("embedded server, emulation core (wall clock)", requests.size(), accepted, wall, window);
  fmt::print("{:<44} virtual time {:.3f} s for the same run (1 ms link, profile costs)\n", "", sim::toSeconds(run.sim.now()));
}

void overUdp(std::string_view what, const aaa::UdpAddress& server, const std::vector<aaa::MsChapV2Response>& requests,
             std::size_t window) {
  aaa::MschapAaaClient client({test::kAaaSecret, {0x7f000001, "ha"}, {sim::seconds(2), 2}}, aaa::secureRandom);
  std::string error;
  auto socket = aaa::UdpSocket::forPeer(server, error);
  if (!socket) {
    fmt::print("{}: {}\n", what, error);
    return;
  }
  std::vector<aaa::AaaWork> work;
  work.reserve(requests.size());
  for (const auto& r : requests) work.push_back(aaa::AaaWork{r, {}});
  aaa::UdpExchangeStats stats;
  const auto results = aaa::runUdpAaaExchanges(client, *socket, server, work, window, &stats);
  std::size_t accepted = 0;
  for (const auto& r : results) accepted += r.outcome == aaa::AaaOutcome::Accepted;
  report(what, requests.size(), accepted, std::chrono::duration<double>(stats.elapsed).count(), window);
  if (stats.sent != requests.size()) fmt::print("{:<44} {} retransmissions\n", "", stats.sent - requests.size());
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);  // QProcess for radiusd
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20000;
  const std::size_t window = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 8;
  const auto requests = mobiles(n);

  inProcess(requests);
  emulated(requests, window);

  aaa::UdpAaaServer embedded;
  embedded.server().addClient("127.0.0.1", test::kAaaSecret);
  embedded.server().addUser(test::kMnNai, test::kMnPassword);
  std::string error;
  if (!embedded.start(aaa::resolveUdpAddress("127.0.0.1", 0, error).value(), error)) {
    fmt::print("embedded UDP server: {}\n", error);
    return 1;
  }
  overUdp("embedded server, loopback UDP", embedded.address(), requests, 1);
  overUdp("embedded server, loopback UDP", embedded.address(), requests, window);
  embedded.stop();

  if (!test::FreeRadiusProcess::executable()) {
    fmt::print("FreeRADIUS: radiusd is not installed, skipped\n");
    return 0;
  }
  test::FreeRadiusProcess radiusd(test::kAaaSecret, {{test::kMnNai, test::kMnPassword}});
  const auto launched = Clock::now();
  if (!radiusd.start(error)) {
    fmt::print("FreeRADIUS: {}\n", error);
    return 1;
  }
  fmt::print("{:<44} ready (Status-Server answered) {:.3f} s after launch\n", "FreeRADIUS 3.2", since(launched));
  overUdp("FreeRADIUS 3.2, loopback UDP", radiusd.address(), requests, 1);
  overUdp("FreeRADIUS 3.2, loopback UDP", radiusd.address(), requests, window);
  radiusd.stop();
  return 0;
}
