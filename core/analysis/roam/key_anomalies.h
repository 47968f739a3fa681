// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The EAPOL-Key anomalies of a handoff (docs/diagnostics.md "nonce-reuse",
// "replay-counter"): every anomaly KeyAnomalyDetector found on a frame of the
// record's keyFrames becomes one Diagnostic of the record.
#include <vector>

#include "core/analysis/handshake_tracker.h"
#include "core/analysis/roam/handoff_record.h"

namespace rs::roam {

// "nonce-reuse" for ANonce/SNonce reuse and key reinstallation (the KRACK
// class: the same PTK with its packet numbers reset), "replay-counter" for an
// Authenticator replay counter that did not increase.
std::vector<Diagnostic> keyAnomalyDiagnostics(const HandoffRecord& record, const HandshakeTracker& keys);

}  // namespace rs::roam
