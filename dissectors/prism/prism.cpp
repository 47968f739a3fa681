// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/prism/prism.h"

#include <fmt/format.h>

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/dispatch.h"
#include "dissectors/radiotap/wlan_radio.h"

namespace rs {
namespace {

constexpr std::uint32_t kAvsMagicMask = 0xfffffff0;
constexpr std::uint32_t kAvsMagic = 0x80211000;
constexpr std::uint32_t kPrismMsgcode = 0x00000044;

std::uint32_t read32(ByteView v, std::size_t at, bool bigEndian) {
  if (bigEndian) return (std::uint32_t{v[at]} << 24) | (v[at + 1] << 16) | (v[at + 2] << 8) | v[at + 3];
  return std::uint32_t{v[at]} | (v[at + 1] << 8) | (v[at + 2] << 16) | (std::uint32_t{v[at + 3]} << 24);
}
std::uint16_t read16(ByteView v, std::size_t at, bool bigEndian) {
  if (bigEndian) return static_cast<std::uint16_t>((v[at] << 8) | v[at + 1]);
  return static_cast<std::uint16_t>(v[at] | (v[at + 1] << 8));
}

std::string_view itemName(std::uint16_t id) {
  switch (id) {
    case prism_item::kHostTime: return "hosttime";
    case prism_item::kMacTime: return "mactime";
    case prism_item::kChannel: return "channel";
    case prism_item::kRssi: return "rssi";
    case prism_item::kSq: return "sq";
    case prism_item::kSignal: return "signal";
    case prism_item::kNoise: return "noise";
    case prism_item::kRate: return "rate";
    case prism_item::kIsTx: return "istx";
    case prism_item::kFrameLength: return "frmlen";
    default: return "unknown";
  }
}

std::uint16_t itemId(std::uint32_t did) { return static_cast<std::uint16_t>(did >> 16); }

}  // namespace

std::optional<std::uint32_t> PrismHeader::item(std::uint16_t id) const {
  for (const auto& i : items)
    if (itemId(i.did) == id && i.status == 0 && i.length) return i.data;
  return std::nullopt;
}

std::optional<PrismHeader> parsePrism(ByteView frame) {
  if (frame.size() < 8) return std::nullopt;
  PrismHeader h;
  if ((read32(frame, 0, true) & kAvsMagicMask) == kAvsMagic) {
    // AVS: magic, header length (both big-endian), then radio fields we do not need.
    h.avs = true;
    h.bigEndian = true;
    h.msgcode = read32(frame, 0, true);
    h.msglen = read32(frame, 4, true);
    if (h.msglen < 8 || h.msglen > frame.size()) return std::nullopt;
    return h;
  }
  // Host byte order: the message length (144) tells which one the driver used.
  h.bigEndian = read32(frame, 4, false) != kPrismHeaderLength && read32(frame, 4, true) == kPrismHeaderLength;
  h.msgcode = read32(frame, 0, h.bigEndian);
  h.msglen = read32(frame, 4, h.bigEndian);
  if (h.msglen < kPrismHeaderLength || h.msglen > frame.size()) return std::nullopt;
  const ByteView name = frame.subspan(8, 16);
  for (auto c : name) {
    if (c == 0) break;
    h.deviceName.push_back(static_cast<char>(c));
  }
  for (std::size_t off = 24; off + 12 <= kPrismHeaderLength; off += 12) {
    PrismItem it;
    it.offset = off;
    it.did = read32(frame, off, h.bigEndian);
    it.status = read16(frame, off + 4, h.bigEndian);
    it.length = read16(frame, off + 6, h.bigEndian);
    it.data = read32(frame, off + 8, h.bigEndian);
    h.items.push_back(it);
  }
  return h;
}

Bytes buildPrism(const std::string& deviceName, std::uint32_t channel, std::uint32_t signal, std::uint32_t rate,
                 std::uint32_t frameLength) {
  ByteWriter w;
  w.u32le(kPrismMsgcode).u32le(kPrismHeaderLength);
  Bytes name(16, 0);
  std::copy_n(deviceName.begin(), std::min<std::size_t>(deviceName.size(), 15), name.begin());
  w.bytes(name);
  const std::uint32_t values[10] = {0, 0, channel, 0, 0, signal, 0, rate, 0, frameLength};
  for (std::uint16_t id = 1; id <= 10; ++id) {
    const bool supplied = values[id - 1] != 0 || id == prism_item::kIsTx;
    w.u32le((std::uint32_t{id} << 16) | kPrismMsgcode).u16le(supplied ? 0 : 1).u16le(4).u32le(values[id - 1]);
  }
  return w.take();
}

void dissectPrism(const PayloadContext& ctx, Dissection& out) {
  const ByteView frame = ctx.frame.subspan(ctx.offset);
  Field layer = makeLayer("prism", "Prism capture header", ctx.offset, std::min(frame.size(), kPrismHeaderLength));
  const auto h = parsePrism(frame);
  if (!h) {
    Field& l = out.addLayer(std::move(layer), ctx.source);
    out.markMalformed(l, "Prism header longer than the frame", ctx.offset + frame.size());
    return;
  }
  const std::size_t base = ctx.offset;
  if (h->avs) {
    layer.name = "avs";
    layer.label = "AVS WLAN monitoring header";
    layer.length = h->msglen;
    layer.addUint("avs.version", fmt::format("Version: {}", h->msgcode & 0xf), h->msgcode & 0xf, base, 4);
    layer.addUint("avs.len", fmt::format("Header length: {}", h->msglen), h->msglen, base + 4, 4);
    out.addLayer(std::move(layer), ctx.source);
    return dissectIeee80211(PayloadContext{ctx.frame, base + h->msglen, ctx.source}, out);
  }
  layer.length = h->msglen;
  layer.addUint("prism.msgcode", fmt::format("Message code: {}", hexString(h->msgcode, 8)), h->msgcode, base, 4, 8);
  layer.addUint("prism.msglen", fmt::format("Message length: {}", h->msglen), h->msglen, base + 4, 4);
  layer.addString("prism.devname", "Device name: " + h->deviceName, h->deviceName, base + 8, 16);
  for (const auto& it : h->items) {
    const std::string_view name = itemName(itemId(it.did));
    Field& did = layer.addText(fmt::format("DID {}: {}", name, it.data), base + it.offset, 12);
    did.name = "prism.did";
    did.addUint("prism.did.type", fmt::format("DID type: {}", hexString(it.did, 8)), it.did, base + it.offset, 4, 8);
    did.addUint("prism.did.status", fmt::format("Status: {}", it.status), it.status, base + it.offset + 4, 2);
    did.addUint("prism.did.length", fmt::format("Length: {}", it.length), it.length, base + it.offset + 6, 2);
    const bool hexValue = name == "unknown" || name == "istx";
    did.addUint(fmt::format("prism.did.{}", name), fmt::format("{}: {}", name, it.data), it.data, base + it.offset + 8,
                4, hexValue ? 8 : 0);
  }
  out.addLayer(std::move(layer), ctx.source);

  // The summary Wireshark shows for every radio header.
  RadioInfo radio;
  radio.phy = WlanPhy::Ieee80211b;
  if (auto rate = h->item(prism_item::kRate)) radio.legacyRate = static_cast<std::uint8_t>(*rate);
  if (auto ch = h->item(prism_item::kChannel); ch && *ch >= 1 && *ch <= 14)
    radio.frequency = static_cast<std::uint16_t>(*ch == 14 ? 2484 : 2407 + 5 * *ch);
  // Wireshark reports the RSSI item as the signal level.
  if (auto rssi = h->item(prism_item::kRssi)) radio.signalDbm = static_cast<std::int8_t>(*rssi);
  addWlanRadioLayer(radio, frame.size() - h->msglen, ctx.source, out);
  dissectIeee80211(PayloadContext{ctx.frame, base + h->msglen, ctx.source}, out);
}

}  // namespace rs
