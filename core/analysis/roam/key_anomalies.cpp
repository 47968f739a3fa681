// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/key_anomalies.h"

#include <fmt/format.h>

namespace rs::roam {

std::vector<Diagnostic> keyAnomalyDiagnostics(const HandoffRecord& record, const HandshakeTracker& keys) {
  std::vector<Diagnostic> out;
  for (std::uint64_t frame : record.keyFrames) {
    const KeyFrameCheck* check = keys.check(frame);
    if (!check) continue;
    for (const KeyAnomaly& a : check->anomalies) {
      Diagnostic d;
      d.kind = a.kind == KeyAnomalyKind::ReplayCounterNotIncreasing ? "replay-counter" : "nonce-reuse";
      d.message = fmt::format("frame {} (4-way/group message {}): {}", frame + 1,
                              eapol::messageNumber(check->message), a.message);
      d.values = {{"frame", static_cast<std::int64_t>(frame + 1)},
                  {"anomaly", std::string(keyAnomalyName(a.kind))}};
      if (a.earlierFrame) d.values.emplace_back("earlier_frame", static_cast<std::int64_t>(*a.earlierFrame + 1));
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace rs::roam
