// SPDX-License-Identifier: GPL-3.0-or-later
// Describe step for control frame bodies: BlockAckReq (9.3.1.8) and
// BlockAck (9.3.1.9). The other control frames have no body beyond the
// header (RTS, CTS, Ack, PS-Poll, CF-End) or carry HE/VHT sounding and
// trigger information that RoamScope does not interpret.
#include <fmt/format.h>

#include "dissectors/ieee80211/describe_internal.h"

namespace rs::ieee80211::detail {
namespace {

std::uint16_t le16(ByteView f, std::size_t off) { return static_cast<std::uint16_t>(f[off] | (f[off + 1] << 8)); }

std::string_view baTypeName(unsigned type) {
  // BA Type subfield (IEEE 802.11ax-2021 Table 9-24).
  switch (type) {
    case 0: return "Basic BlockAck";
    case 1: return "Extended Compressed BlockAck";
    case 2: return "Compressed BlockAck";
    case 3: return "Multi-TID BlockAck";
    case 6: return "GCR BlockAck";
    case 10: return "GLK-GCR BlockAck";
    case 11: return "Multi-STA BlockAck";
    default: return "Reserved BlockAck";
  }
}

Field& describeBaControl(Field& parent, std::uint16_t v, std::size_t off) {
  Field& f = parent.addUint("wlan.ba.control", fmt::format("Block Ack Control: {}", hexString(v, 4)), v, off, 2, 4);
  addBits(f, "wlan.ba.control.ackpolicy",
          (v & 1) ? "BA Ack Policy: Sender Does Not Require Immediate Acknowledgement"
                  : "BA Ack Policy: Immediate Acknowledgement Required",
          v, 0x0001, 16, off, 2);
  const unsigned type = (v >> 1) & 0xf;
  addBits(f, "wlan.ba.control.ba_type", fmt::format("BA Type: {} (0x{:x})", baTypeName(type), type), v, 0x001e, 16,
          off, 2, 4);
  addBits(f, "wlan.ba.control.reserved", fmt::format("Reserved: 0x{:02x}", (v >> 5) & 0x7f), v, 0x0fe0, 16, off, 2, 4);
  addBits(f, "wlan.ba.basic.tidinfo",
          fmt::format("TID for which a Basic BlockAck frame is requested: 0x{:x}", v >> 12), v, 0xf000, 16, off, 2, 4);
  return f;
}

void describeBitmap(Field& parent, ByteView frame, std::size_t off, std::size_t len, std::uint16_t ssn) {
  const ByteView bm = frame.subspan(off, len);
  Field& f = parent.addBytes("wlan.ba.bm", "Block Ack Bitmap: " + toHex(bm), bm, off);
  // Bit i acknowledges sequence number SSN + i (modulo 4096), 10.24.7.5.
  for (std::size_t i = 0; i < len * 8; ++i) {
    if (bm[i / 8] & (1u << (i % 8))) continue;
    const unsigned seq = (ssn + i) & 0x0fff;
    f.addUint("wlan.ba.bm.missing_frame", fmt::format("Missing frame: {}", seq), seq, off + i / 8, 1);
  }
}

}  // namespace

void describeControlBody(ByteView frame, const MacHeader& h, std::size_t off, Field& layer, Dissection& out) {
  if (h.subtype != ctrl::BlockAckRequest && h.subtype != ctrl::BlockAck) return;
  const bool request = h.subtype == ctrl::BlockAckRequest;
  const std::size_t end = frame.size();
  auto truncated = [&] { out.markMalformed(layer, "Block Ack frame shorter than its fields", end); };
  if (off + 2 > end) return truncated();
  const std::uint16_t control = le16(frame, off);
  const unsigned type = (control >> 1) & 0xf;
  layer.add(makeLayer({}, fmt::format("{} {}", baTypeName(type), request ? "Request" : "Response"), off, end - off));
  const std::size_t node = layer.children.size() - 1;
  auto tree = [&]() -> Field& { return layer.children[node]; };
  describeBaControl(tree(), control, off);
  std::size_t p = off + 2;

  auto ssnAndBitmap = [&](Field& parent, std::size_t bitmapLen) -> bool {
    if (p + 2 > end) return false;
    const std::uint16_t ssc = le16(frame, p);
    describeStartingSequenceControl(parent, ssc, p);
    p += 2;
    if (request) return true;
    if (p + bitmapLen > end) return false;
    describeBitmap(parent, frame, p, bitmapLen, static_cast<std::uint16_t>(ssc >> 4));
    p += bitmapLen;
    return true;
  };

  bool ok = true;
  switch (type) {
    case 0: ok = ssnAndBitmap(tree(), 128); break;  // Basic: 64 MSDUs x 16 fragments
    case 1:
      ok = ssnAndBitmap(tree(), 8);
      if (ok && !request) {
        if (p + 1 > end) {
          ok = false;
          break;
        }
        tree().addUint("wlan.ba.RBUFCAP", fmt::format("Block Ack RBUFCAP: {}", frame[p] & 1), frame[p] & 1, p, 1);
        ++p;
      }
      break;
    case 2: {
      // Compressed: 8 octets, or 32/64/128 when the fragment number's bits 1-2 say so (802.11ax 9.3.1.9.3).
      std::size_t len = 8;
      if (!request && p + 2 <= end) {
        static constexpr std::size_t kLens[] = {8, 32, 64, 128};
        len = kLens[(frame[p] >> 1) & 3];
      }
      ok = ssnAndBitmap(tree(), len);
      break;
    }
    case 3: {
      // Multi-TID: TID_INFO + 1 entries of Per TID Info, SSC (and bitmap).
      const std::size_t count = (control >> 12) + 1u;
      tree().add(makeLayer({}, "TID List", p, 0));
      const std::size_t list = tree().children.size() - 1;
      for (std::size_t i = 0; i < count && ok; ++i) {
        if (p + 2 > end) {
          ok = false;
          break;
        }
        const std::uint16_t info = le16(frame, p);
        Field& tid = tree().children[list].add(makeLayer({}, fmt::format("TID {} details", info >> 12), p, 0));
        addBits(tid, "wlan.bar.mtid.tidinfo.reserved", fmt::format("Reserved: 0x{:03x}", info & 0xfff), info, 0x0fff,
                16, p, 2, 4);
        addBits(tid, "wlan.bar.mtid.tidinfo.value", fmt::format("Multi-TID Value: 0x{:x}", info >> 12), info, 0xf000,
                16, p, 2, 4);
        const std::size_t start = p;
        p += 2;
        ok = ssnAndBitmap(tid, 8);
        tid.length = static_cast<std::uint32_t>(p - start);
      }
      tree().children[list].length = static_cast<std::uint32_t>(p - (off + 2));
      break;
    }
    default: break;  // GCR / Multi-STA: not interpreted
  }
  tree().length = static_cast<std::uint32_t>(p - off);
  if (!ok) truncated();
}

}  // namespace rs::ieee80211::detail
