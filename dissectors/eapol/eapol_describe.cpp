// SPDX-License-Identifier: GPL-3.0-or-later
// dissectEapol: the "eapol" layer (IEEE 802.1X-2010 11.3), then EAP, the
// EAPOL-Key descriptor, or the body as data.
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "dissectors/eapol/eap_describe.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/eapol/eapol_key_describe.h"

namespace rs {

void dissectEapol(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  Field layer = makeLayer("eapol", "802.1X Authentication", base, data.size());
  out.protocol = "EAPOL";
  const auto h = eapol::parseEapolHeader(data);
  if (!h) {
    if (data.size() >= 1)
      layer.addUint("eapol.version", fmt::format("Version: {}", data[0]), data[0], base, 1);
    if (data.size() >= 2) {
      const std::string_view name = eapol::packetTypeName(data[1]);
      layer.addUint("eapol.type", fmt::format("Type: {} ({})", name.empty() ? "Unknown" : name, data[1]), data[1],
                    base + 1, 1);
    }
    out.info = "EAPOL (truncated)";
    out.markMalformed(layer, "EAPOL header truncated", base + data.size());
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  const std::string_view typeName = eapol::packetTypeName(h->type);
  layer.addUint("eapol.version", fmt::format("Version: 802.1X-{} ({})",
                                             h->version == 1 ? "2001" : h->version == 2 ? "2004" : "2010", h->version),
                h->version, base, 1);
  layer.addUint("eapol.type", fmt::format("Type: {} ({})", typeName.empty() ? "Unknown" : typeName, h->type), h->type,
                base + 1, 1);
  layer.addUint("eapol.len", fmt::format("Length: {}", h->length), h->length, base + 2, 2);
  layer.length = static_cast<std::uint32_t>(h->pdu.size());
  out.info = typeName.empty() ? fmt::format("Unknown type {}", h->type) : std::string(typeName);

  // The body ends at the announced length; link-layer padding after it is ignored.
  const std::size_t bodyAt = base + eapol::kEapolHeaderLength;
  const std::size_t end = base + h->pdu.size();
  const ByteView bounded = ctx.frame.first(end);
  auto markCut = [&] {
    if (h->truncated) out.markMalformed(layer, "EAPOL length exceeds the data", end);
  };

  if (h->isKey()) {
    out.info = eapol::describeEapolKey(bounded, bodyAt, end, layer, out);
    markCut();
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  if (h->isEap()) {
    markCut();
    out.addLayer(std::move(layer), ctx.source);
    if (end > bodyAt) eapol::describeEap(PayloadContext{bounded, bodyAt, ctx.source}, out);
    return;
  }
  markCut();
  out.addLayer(std::move(layer), ctx.source);
  // Start and Logoff have no body; MKA, ASF alerts and announcements are shown as data.
  if (end > bodyAt) dissectData(PayloadContext{bounded, bodyAt, ctx.source}, out);
}

}  // namespace rs
