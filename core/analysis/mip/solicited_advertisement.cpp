// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/mip/solicited_advertisement.h"

#include "dissectors/mip/agent_advertisement.h"

namespace rs::mipreg {

void SolicitedAdvertisements::observe(std::int64_t at, std::uint32_t capturePoint, std::uint32_t source,
                                      ByteView icmp) {
  if (icmp.empty()) return;
  if (icmp[0] == mip::kIcmpRouterSolicitation) {
    bySource_[source] = Solicitation{at, capturePoint, std::nullopt};
    return;
  }
  if (icmp[0] != mip::kIcmpRouterAdvertisement || !mip::parseAgentAdvertisement(icmp)) return;
  // The first advertisement on the soliciting node's link answers it (the agent's reply is immediate, the
  // periodic ones are a second or more apart).
  for (auto& [node, s] : bySource_)
    if (!s.answered && s.capturePoint == capturePoint && at >= s.sent) s.answered = at;
}

std::optional<std::int64_t> SolicitedAdvertisements::take(std::uint32_t source, std::int64_t notBefore) {
  const auto it = bySource_.find(source);
  if (it == bySource_.end() || !it->second.answered || it->second.sent < notBefore) return std::nullopt;
  const std::int64_t at = *it->second.answered;
  bySource_.erase(it);
  return at;
}

}  // namespace rs::mipreg
