// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who sent a frame and to whom, as the timeline's lanes need it: the 802.11
// transmitter → receiver (TA → RA, the radio hop the capture saw), the
// Ethernet source → destination on the distribution system, or the IPv4
// source → destination where the link layer carries no addresses (raw IP,
// Linux cooked captures). No widgets: unit-tested on frames built from bytes.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "dissectors/common/frame_view.h"
#include "dissectors/common/mac_address.h"

namespace rs::ui {

// A node's address on some layer: the key of a lane before names are known.
struct NodeAddress {
  enum class Kind : std::uint8_t { Mac, Ipv4 };
  Kind kind = Kind::Mac;
  std::uint64_t value = 0;  // MacAddress::toU64(), or the IPv4 address in host order

  static NodeAddress mac(const MacAddress& address) { return {Kind::Mac, address.toU64()}; }
  static NodeAddress ipv4(std::uint32_t address) { return {Kind::Ipv4, address}; }
  // "02:00:00:00:00:01" or "10.0.0.2".
  std::string toString() const;
  auto operator<=>(const NodeAddress&) const = default;
};

struct FrameEndpoints {
  NodeAddress sender;
  // Absent for group-addressed frames (beacons, broadcast probe requests, ARP requests, IPv4 multicast):
  // they go to everyone in range, so the timeline shows them as a tick on the sender's lane.
  std::optional<NodeAddress> receiver;
};

// nullopt when the frame names no sender the timeline can draw: 802.11 control frames with only a
// receiver address (ACK, CTS), truncated or unparsable headers, IPv6 and other link types.
std::optional<FrameEndpoints> frameEndpoints(const FrameView& frame);

}  // namespace rs::ui
