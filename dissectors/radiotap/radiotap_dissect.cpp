// SPDX-License-Identifier: GPL-3.0-or-later
// dissectRadiotap: radiotap layer, wlan_radio layer, then the 802.11 frame
// (without its FCS when the Flags field says the capture kept it).
#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/radiotap/fcs.h"
#include "dissectors/radiotap/offset_shift.h"
#include "dissectors/radiotap/radiotap.h"
#include "dissectors/radiotap/radiotap_describe.h"
#include "dissectors/radiotap/wlan_radio.h"

namespace rs {
namespace {

// Fewer than the 8 fixed bytes: show what is there and stop.
void dissectShortHeader(const PayloadContext& ctx, ByteView view, Dissection& out) {
  Field layer = makeLayer("radiotap", "Radiotap Header (truncated)", ctx.offset, view.size());
  ByteReader r(view, ctx.offset);
  if (r.has(1)) layer.addUint("radiotap.version", fmt::format("Header revision: {}", view[0]), view[0], ctx.offset, 1);
  if (r.has(2)) layer.addUint("radiotap.pad", fmt::format("Header pad: {}", view[1]), view[1], ctx.offset + 1, 1);
  if (r.has(4)) {
    r.skip(2);
    const std::uint16_t len = r.u16le();
    layer.addUint("radiotap.length", fmt::format("Header length: {}", len), len, ctx.offset + 2, 2);
  }
  out.markMalformed(layer, fmt::format("radiotap header truncated: {} of 8 bytes", view.size()),
                    ctx.offset + view.size());
  out.addLayer(std::move(layer), ctx.source);
}

}  // namespace

void dissectRadiotap(const PayloadContext& ctx, Dissection& out) {
  const ByteView view = ctx.offset <= ctx.frame.size() ? ctx.frame.subspan(ctx.offset) : ByteView{};
  if (out.protocol.empty()) out.protocol = "802.11 Radiotap";
  const auto header = parseRadiotap(view);
  if (!header) return dissectShortHeader(ctx, view, out);

  Field layer = describeRadiotap(*header, view);
  shiftOffsets(layer, ctx.offset);
  if (!header->ok())
    out.markMalformed(layer, radiotapErrorText(*header, view.size()), ctx.offset + header->errorOffset);
  out.addLayer(std::move(layer), ctx.source);

  // Without a usable header length the 802.11 frame cannot be located.
  if (header->error == RadiotapError::BadVersion || header->error == RadiotapError::LengthTooShort ||
      header->length > view.size())
    return;

  const std::size_t mpduStart = ctx.offset + header->length;
  const std::size_t mpduWithFcs = view.size() - header->length;
  addWlanRadioLayer(radioInfoFromRadiotap(*header), mpduWithFcs, ctx.source, out);

  const bool fcsAtEnd = header->fcsAtEnd() && mpduWithFcs >= 4;
  if (header->fcsAtEnd() && !fcsAtEnd)
    out.markMalformed(out.layers[out.layers.size() - 2],
                      fmt::format("FCS flagged at the end but only {} bytes follow the header", mpduWithFcs),
                      ctx.frame.size());
  const std::size_t firstPayloadLayer = out.layers.size();
  const ByteView inner = fcsAtEnd ? ctx.frame.first(ctx.frame.size() - 4) : ctx.frame;
  dissectIeee80211(PayloadContext{inner, mpduStart, ctx.source}, out);

  if (fcsAtEnd) {
    // The FCS belongs to the MAC frame (Wireshark shows wlan.fcs in the wlan layer).
    Field& owner = out.layers.size() > firstPayloadLayer ? out.layers[firstPayloadLayer]
                                                          : out.layers[firstPayloadLayer - 2];
    describeFcs(ctx.frame, mpduStart, ctx.frame.size() - 4, header->badFcs(), owner);
  }
}

}  // namespace rs
