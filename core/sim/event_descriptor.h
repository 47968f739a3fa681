// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an event is, for people: the GUI shows the next event's descriptor and
// breakpoints match on it ("break before the next EAPOL-Key M3 at AP2").
#include <cstdint>
#include <limits>
#include <string_view>

namespace rs::sim {

// Index of a node in the Topology; kNoNode for events that belong to nobody.
using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

enum class EventKind : std::uint8_t {
  Timer,         // a protocol timer (retransmission, dwell time, key lifetime)
  AirDelivery,   // a frame reaches a receiver on a wireless medium
  WireDelivery,  // a frame reaches the far end of a wired link
  Processing,    // a node finishes a computation (its processing cost elapsed)
  Mobility,      // a position/RSSI sample of a moving node
  Protocol,      // a protocol step that is none of the above (e.g. "start roam")
  Control,       // scenario control: start/stop of flows, end of run
};

std::string_view eventKindName(EventKind kind);

struct EventDescriptor {
  EventKind kind = EventKind::Timer;
  NodeId node = kNoNode;
  // A short name in the seeds' terms ("EAPOL-Key M1", "Registration Request").
  // Not copied: it must outlive the event, so pass a string literal or a string
  // owned by the model (descriptors stay allocation-free on the hot path).
  std::string_view label;
};

}  // namespace rs::sim
