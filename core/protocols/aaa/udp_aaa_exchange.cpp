// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/udp_aaa_exchange.h"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "core/crypto/secure_random.h"

namespace rs::aaa {
namespace {

using Clock = std::chrono::steady_clock;

struct Slot {
  std::size_t index = 0;  // into work / results
  Clock::time_point deadline;
};

AaaResult failed(std::string detail) {
  AaaResult r;
  r.outcome = AaaOutcome::Failed;
  r.detail = std::move(detail);
  return r;
}

}  // namespace

Bytes secureRandom(std::size_t count) {
  auto bytes = crypto::secureRandomBytes(count);
  if (!bytes) throw std::runtime_error(bytes.error().describe());
  return std::move(*bytes);
}

std::vector<AaaResult> runUdpAaaExchanges(MschapAaaClient& client, UdpSocket& socket, const UdpAddress& server,
                                          const std::vector<AaaWork>& work, std::size_t window,
                                          UdpExchangeStats* stats,
                                          const std::function<void(const std::string&)>& onDrop) {
  const auto started = Clock::now();
  const auto timeout = std::chrono::nanoseconds(client.config().retry.timeout);
  std::vector<AaaResult> results(work.size());
  std::map<std::uint64_t, Slot> inFlight;  // by ticket
  std::size_t next = 0, done = 0;
  UdpExchangeStats local;
  UdpExchangeStats& s = stats ? *stats : local;
  const auto drop = [&](const std::string& why) {
    ++s.dropped;
    if (onDrop) onDrop(why);
  };
  const auto send = [&](const Bytes& packet) {
    std::string error;
    ++s.sent;
    // A failed send is like a lost datagram: the timer retransmits it.
    if (!socket.sendTo(packet, server, error)) drop(error);
  };
  window = std::max<std::size_t>(window, 1);

  while (done < work.size()) {
    while (next < work.size() && inFlight.size() < window) {
      const AaaWork& w = work[next];
      auto out = w.chap       ? client.startChapAccessRequest(*w.chap)
                 : w.response ? client.startAccessRequest(*w.response, w.mobilePassword)
                              : client.startStatusServer();
      if (!out) {
        results[next] = failed(out.error().describe());
        if (w.response) results[next].userName = w.response->userName;
        if (w.chap) results[next].userName = w.chap->userName;
        ++done;
      } else {
        send(out->packet);
        inFlight[out->ticket] = Slot{next, Clock::now() + timeout};
      }
      ++next;
    }
    if (inFlight.empty()) continue;
    auto earliest = inFlight.begin();
    for (auto it = inFlight.begin(); it != inFlight.end(); ++it)
      if (it->second.deadline < earliest->second.deadline) earliest = it;
    const auto now = Clock::now();
    if (earliest->second.deadline <= now) {
      const std::uint64_t ticket = earliest->first;
      auto step = client.onTimeout(ticket);
      if (!step) {
        inFlight.erase(earliest);
        continue;
      }
      if (auto* bytes = std::get_if<Bytes>(&*step)) {
        send(*bytes);
        earliest->second.deadline = Clock::now() + timeout;
      } else {
        results[earliest->second.index] = std::get<AaaResult>(std::move(*step));
        inFlight.erase(earliest);
        ++done;
      }
      continue;
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(earliest->second.deadline - now) +
                      std::chrono::milliseconds(1);
    std::string error;
    auto datagram = socket.receive(wait, error);
    if (!datagram) {
      if (!error.empty()) drop(error);
      continue;
    }
    if (!(datagram->from == server)) {
      drop("a datagram from " + datagram->from.text() + ", not the AAA server");
      continue;
    }
    std::string why;
    auto result = client.onDatagram(datagram->data, why);
    if (!result) {
      drop(why);
      continue;
    }
    const auto it = inFlight.find(result->ticket);
    if (it == inFlight.end()) continue;
    results[it->second.index] = std::move(*result);
    inFlight.erase(it);
    ++done;
  }
  s.elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - started);
  return results;
}

}  // namespace rs::aaa
