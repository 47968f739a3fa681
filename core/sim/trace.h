// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Explanatory trace events: every protocol step says what it did in the seeds'
// terms ("HA derived Skey = HMAC-MD5(x'', challenge || response)"), and a key
// derivation carries its inputs and outputs as labelled byte strings for the
// key inspector. Secret values are flagged and kept in SecretBytes (wiped on
// destruction); display goes through displayValue(), which masks them unless
// the user asked to reveal keys.
#include <optional>
#include <string>
#include <vector>

#include "core/crypto/secret_bytes.h"
#include "core/sim/event_descriptor.h"
#include "core/sim/sim_time.h"

namespace rs::sim {

enum class TraceKind : std::uint8_t {
  Info,       // anything explanatory that is none of the below
  FrameSent,  // a node put a message on a medium or link
  FrameReceived,
  StateChange,    // a state machine moved ("AP2: PTKINITNEGOTIATING -> PTKINITDONE")
  KeyDerivation,  // carries a KeyDerivationRecord
  Mobility,       // position/RSSI figures, threshold crossings
  Scan,           // probe/dwell steps of a scan
  RoamDecision,   // the policy chose a target
  Processing,     // a processing cost was charged
  Error,          // a protocol failure (MIC mismatch, timeout)
};
std::string_view traceKindName(TraceKind kind);

struct LabelledBytes {
  std::string label;  // "PMK", "ANonce"
  crypto::SecretBytes value;
  bool secret = false;  // masked in reports unless revealed
};

struct KeyDerivationRecord {
  std::string name;  // "PTK = PRF-384(PMK, \"Pairwise key expansion\", ...)"
  std::vector<LabelledBytes> inputs;
  std::vector<LabelledBytes> outputs;
};

struct TraceEvent {
  SimTime time = 0;
  NodeId node = kNoNode;
  TraceKind kind = TraceKind::Info;
  std::string text;
  std::optional<KeyDerivationRecord> derivation;
};

// Hex of the value, or crypto::maskedHex for a secret unless `revealSecrets`.
std::string displayValue(const LabelledBytes& value, bool revealSecrets);

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void onTrace(const TraceEvent& event) = 0;
};

// Keeps every event (tests, the GUI's trace view).
class MemoryTraceSink : public TraceSink {
 public:
  void onTrace(const TraceEvent& event) override { events.push_back(event); }
  std::vector<TraceEvent> events;
};

}  // namespace rs::sim
