// SPDX-License-Identifier: GPL-3.0-or-later
// dissectPpi: "ppi" layer with Wireshark's field names, wlan_radio from the
// 802.11-Common field, then the payload by the PPI DLT.
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/radiotap/fcs.h"
#include "dissectors/radiotap/flag_fields.h"
#include "dissectors/radiotap/offset_shift.h"
#include "dissectors/radiotap/ppi.h"
#include "dissectors/radiotap/radiotap.h"
#include "dissectors/radiotap/wlan_radio.h"

namespace rs {
namespace {

constexpr FlagBit kCommonFlagBits[] = {
    {"ppi.80211-common.flags.fcs", "FCS present flag", ppi_common_flag::kFcsPresent},
    {"ppi.80211-common.flags.tsft", "TSFT flag", ppi_common_flag::kTsfInMilliseconds},
    {"ppi.80211-common.flags.fcs-invalid", "FCS validity", ppi_common_flag::kFcsInvalid},
    {"ppi.80211-common.flags.phy-err", "PHY error flag", ppi_common_flag::kPhyError},
};

std::string_view fieldTypeName(std::uint16_t type) {
  switch (type) {
    case ppi_field::k80211Common: return "802.11-Common";
    case ppi_field::k80211nMac: return "802.11n MAC Extensions";
    case ppi_field::k80211nMacPhy: return "802.11n MAC+PHY Extensions";
    case ppi_field::kSpectrumMap: return "Spectrum-Map";
    case ppi_field::kProcessInfo: return "Process-Info";
    case ppi_field::kCaptureInfo: return "Capture-Info";
    default: return "Unknown";
  }
}

void describeCommon(const Ppi80211Common& c, std::size_t off, Field& t) {
  t.addUint("ppi.80211-common.tsft", fmt::format("TSFT: {}", c.tsfTimer), c.tsfTimer, off, 8);
  Field& fl = t.addUint("ppi.80211-common.flags", fmt::format("Flags: {}", hexString(c.flags, 4)), c.flags, off + 8, 2, 4);
  addFlagBits(fl, kCommonFlagBits, c.flags, off + 8, 2);
  // Carried in 500 kb/s units, shown in kb/s as Wireshark does.
  t.addUint("ppi.80211-common.rate", fmt::format("Rate: {:.1f} Mbps", c.rate / 2.0), c.rate * 500u, off + 10, 2);
  t.addUint("ppi.80211-common.chan.freq", fmt::format("Channel frequency: {}", c.channelFrequency), c.channelFrequency,
            off + 12, 2);
  Field& cf = t.addUint("ppi.80211-common.chan.flags", fmt::format("Channel flags: {}", hexString(c.channelFlags, 4)),
                        c.channelFlags, off + 14, 2, 4);
  addFlagBits(cf, ppiChannelFlagBits(), c.channelFlags, off + 14, 2);
  t.addUint("ppi.80211-common.fhss.hopset", fmt::format("FHSS hopset: {}", hexString(c.fhssHopset, 2)), c.fhssHopset,
            off + 16, 1, 2);
  t.addUint("ppi.80211-common.fhss.pattern", fmt::format("FHSS pattern: {}", hexString(c.fhssPattern, 2)),
            c.fhssPattern, off + 17, 1, 2);
  t.addInt("ppi.80211-common.dbm.antsignal", fmt::format("dBm antenna signal: {} dBm", c.dbmAntSignal), c.dbmAntSignal,
           off + 18, 1);
  t.addInt("ppi.80211-common.dbm.antnoise", fmt::format("dBm antenna noise: {} dBm", c.dbmAntNoise), c.dbmAntNoise,
           off + 19, 1);
}

Field describePpi(const PpiHeader& h, ByteView view) {
  const std::size_t shown = std::min<std::size_t>(h.length, view.size());
  Field layer = makeLayer("ppi", fmt::format("PPI version {}, {} bytes", h.version, h.length), 0, shown);
  layer.addUint("ppi.version", fmt::format("Version: {}", h.version), h.version, 0, 1);
  Field& flags = layer.addUint("ppi.flags", fmt::format("Flags: {}", hexString(h.flags, 2)), h.flags, 1, 1, 2);
  flags.addUint("ppi.flags.alignment", fmt::format("Alignment: {}", (h.flags & 1) ? "32-bit aligned" : "Not aligned"),
                h.flags & 1u, 1, 1);
  flags.addUint("ppi.flags.reserved", fmt::format("Reserved: {}", hexString(h.flags & 0xfeu, 2)), h.flags & 0xfeu, 1, 1, 2);
  layer.addUint("ppi.length", fmt::format("Header length: {}", h.length), h.length, 2, 2);
  layer.addUint("ppi.dlt", fmt::format("DLT: {}", h.dlt), h.dlt, 4, 4);
  bool commonShown = false;
  for (const PpiFieldHeader& f : h.fields) {
    Field& t = layer.addText(fmt::format("{} ({} bytes)", fieldTypeName(f.type), f.length), f.offset, 4u + f.length);
    t.addUint("ppi.field_type", fmt::format("Field type: {} ({})", fieldTypeName(f.type), f.type), f.type, f.offset, 2);
    t.addUint("ppi.field_len", fmt::format("Field length: {}", f.length), f.length, f.offset + 2, 2);
    // Only the first 802.11-Common field is decoded, as the parser keeps one.
    if (f.type == ppi_field::k80211Common && h.common && !commonShown) {
      commonShown = true;
      describeCommon(*h.common, f.offset + 4, t);
    }
  }
  return layer;
}

std::string errorText(const PpiHeader& h, std::size_t frameSize) {
  switch (h.error) {
    case PpiError::None: return {};
    case PpiError::Truncated: return fmt::format("PPI header length {} exceeds the frame ({} bytes)", h.length, frameSize);
    case PpiError::BadVersion: return fmt::format("PPI version {} is not 0", h.version);
    case PpiError::LengthTooShort: return fmt::format("PPI header length {} is less than 8", h.length);
    case PpiError::FieldOverrun: return "PPI field runs past the header length";
    case PpiError::BadCommonLength: return "PPI 802.11-Common field shorter than 20 bytes";
  }
  return {};
}

RadioInfo radioInfoFromPpi(const Ppi80211Common& c) {
  RadioInfo info;
  if (c.channelFrequency) info.frequency = c.channelFrequency;
  applyChannelFlags(c.channelFlags, std::nullopt, info);
  if (c.rate != 0 && c.rate <= 0xff) info.legacyRate = static_cast<std::uint8_t>(c.rate);
  // PPI has no "field absent" marker; Wireshark treats -128..-1 ... 0 as present values, and so do we.
  info.signalDbm = c.dbmAntSignal;
  info.noiseDbm = c.dbmAntNoise;
  if (!(c.flags & ppi_common_flag::kTsfInMilliseconds)) info.tsf = c.tsfTimer;
  return info;
}

}  // namespace

void dissectPpi(const PayloadContext& ctx, Dissection& out) {
  const ByteView view = ctx.offset <= ctx.frame.size() ? ctx.frame.subspan(ctx.offset) : ByteView{};
  if (out.protocol.empty()) out.protocol = "PPI";
  const auto header = parsePpi(view);
  if (!header) {
    Field layer = makeLayer("ppi", "PPI header (truncated)", ctx.offset, view.size());
    out.markMalformed(layer, fmt::format("PPI header truncated: {} of 8 bytes", view.size()), ctx.offset + view.size());
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  Field layer = describePpi(*header, view);
  shiftOffsets(layer, ctx.offset);
  if (!header->ok()) out.markMalformed(layer, errorText(*header, view.size()), ctx.offset + header->errorOffset);
  out.addLayer(std::move(layer), ctx.source);
  if (header->error == PpiError::BadVersion || header->error == PpiError::LengthTooShort ||
      header->length > view.size())
    return;

  const std::size_t payloadStart = ctx.offset + header->length;
  const std::size_t payloadWithFcs = view.size() - header->length;
  // PPI gives the radio layer no FCS length; Wireshark then assumes the capture
  // lacks the FCS and adds 4 bytes to the PPDU (even when the flag says it is there).
  if (header->common) addWlanRadioLayer(radioInfoFromPpi(*header->common), payloadWithFcs + 4, ctx.source, out);
  if (header->dlt != static_cast<std::uint32_t>(LinkType::Ieee80211))
    return dissectData(PayloadContext{ctx.frame, payloadStart, ctx.source}, out);

  const bool fcsAtEnd = header->common && (header->common->flags & ppi_common_flag::kFcsPresent) && payloadWithFcs >= 4;
  const std::size_t firstPayloadLayer = out.layers.size();
  dissectIeee80211(PayloadContext{fcsAtEnd ? ctx.frame.first(ctx.frame.size() - 4) : ctx.frame, payloadStart, ctx.source},
                   out);
  if (fcsAtEnd) {
    Field& owner = out.layers.size() > firstPayloadLayer ? out.layers[firstPayloadLayer] : out.layers[firstPayloadLayer - 1];
    describeFcs(ctx.frame, payloadStart, ctx.frame.size() - 4,
                (header->common->flags & ppi_common_flag::kFcsInvalid) != 0, owner);
  }
}

}  // namespace rs
