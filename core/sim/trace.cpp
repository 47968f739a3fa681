// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/trace.h"

namespace rs::sim {

std::string_view traceKindName(TraceKind kind) {
  switch (kind) {
    case TraceKind::Info:
      return "info";
    case TraceKind::FrameSent:
      return "frame-sent";
    case TraceKind::FrameReceived:
      return "frame-received";
    case TraceKind::StateChange:
      return "state-change";
    case TraceKind::KeyDerivation:
      return "key-derivation";
    case TraceKind::Mobility:
      return "mobility";
    case TraceKind::Scan:
      return "scan";
    case TraceKind::RoamDecision:
      return "roam-decision";
    case TraceKind::Processing:
      return "processing";
    case TraceKind::Error:
      return "error";
  }
  return "unknown";
}

std::string displayValue(const LabelledBytes& value, bool revealSecrets) {
  return value.secret ? crypto::secretHex(value.value.view(), revealSecrets) : toHex(value.value.view());
}

}  // namespace rs::sim
