// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/enclosing_ip.h"

#include "dissectors/inet/checksum.h"

namespace rs::inet {

std::optional<EnclosingIp> enclosingIp(const Dissection& out, std::size_t source) {
  for (std::size_t i = out.layers.size(); i-- > 0;) {
    if (i < out.layerSource.size() && out.layerSource[i] != source) continue;
    const Field& layer = out.layers[i];
    if (layer.name == "ip") {
      const Field* s = layer.find("ip.src");
      const Field* d = layer.find("ip.dst");
      if (!s || !d) return std::nullopt;
      EnclosingIp ip;
      ip.source4 = static_cast<std::uint32_t>(s->u);
      ip.destination4 = static_cast<std::uint32_t>(d->u);
      return ip;
    }
    if (layer.name == "ipv6") {
      const Field* s = layer.find("ipv6.src");
      const Field* d = layer.find("ipv6.dst");
      if (!s || !d) return std::nullopt;
      EnclosingIp ip;
      ip.v6 = true;
      ip.source6 = s->bytes;
      ip.destination6 = d->bytes;
      return ip;
    }
  }
  return std::nullopt;
}

std::uint16_t pseudoHeaderChecksum(const EnclosingIp& ip, std::uint8_t protocol, ByteView segment) {
  return ip.v6 ? transportChecksumV6(ip.source6, ip.destination6, protocol, segment)
               : transportChecksumV4(ip.source4, ip.destination4, protocol, segment);
}

}  // namespace rs::inet
