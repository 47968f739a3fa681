// SPDX-License-Identifier: GPL-3.0-or-later
// dissectIpPayload: the upper layer named by IPv4's Protocol / IPv6's Next Header.
#include "dissectors/dispatch.h"
#include "dissectors/inet/ip_protocol.h"

namespace rs {

void dissectIpPayload(std::uint8_t protocol, const PayloadContext& ctx, Dissection& out) {
  switch (protocol) {
    case inet::kIpProtoUdp: return dissectUdp(ctx, out);
    case inet::kIpProtoTcp: return dissectTcp(ctx, out);
    case 1: return dissectIcmp(ctx, out);
    default: return dissectData(ctx, out);
  }
}

}  // namespace rs
