// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RADIUS exchanges of a handoff, when the capture includes the wired side (the
// AP <-> server link): each Access-Request → its Access-Accept, -Reject or
// -Challenge, matched as a RADIUS client does (RFC 2865 2/3: the same client
// and server addresses and ports and the same Identifier), and attributed to
// the station the request names in Calling-Station-Id (RFC 3580 3.20: the
// station's MAC address). A request sent again with the same Identifier and
// Request Authenticator is a retransmission (RFC 5080 2.2.1); the response is
// paired with its last copy and the copies are counted as retries.
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "core/analysis/roam/exchange.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/frame_view.h"
#include "dissectors/common/mac_address.h"

namespace rs::roam {

class RadiusExchangeTracker {
 public:
  // Bounded like the MSK recovery: RADIUS clients give up on a request within seconds.
  static constexpr std::size_t kMaxPending = 4096;
  static constexpr std::int64_t kPendingLifetimeNs = 60'000'000'000;

  // Reads the RADIUS ports (1812, 1645 and the Decode As ports) once: Decode As is set before an analysis.
  RadiusExchangeTracker();

  // A finished exchange and its station, when `frame` answers a captured Access-Request whose
  // Calling-Station-Id is a MAC address.
  std::optional<std::pair<MacAddress, Exchange>> observe(const FrameView& frame);

 private:
  using RequestKey = std::tuple<Bytes, std::uint16_t, Bytes, std::uint16_t, std::uint8_t>;
  struct Pending {
    FrameStamp at;
    MacAddress station;
    Bytes authenticator;
    int retries = 0;
  };
  bool isRadiusPort(std::uint16_t port) const;
  void expire(std::int64_t now);

  std::vector<std::uint16_t> ports_;
  std::map<RequestKey, Pending> pending_;
};

}  // namespace rs::roam
