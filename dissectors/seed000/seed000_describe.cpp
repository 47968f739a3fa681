// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/seed000/seed000_describe.h"

#include <fmt/format.h>

#include "dissectors/seed000/seed000.h"

namespace rs::seed000 {
namespace {

std::string suiteLabel(std::string_view what, const SuiteSelector& s) {
  return fmt::format("{}: {:02x}-{:02x}-{:02x}:{}", what, s.oui[0], s.oui[1], s.oui[2], s.type);
}

void addSuite(Field& layer, std::string name, std::string_view what, const SuiteSelector& s, std::size_t off) {
  layer.addUint(std::move(name), suiteLabel(what, s), s.value(), off, kSuiteBytes, 8);
}

// Adds the byte field `v` when it was read (non-empty) and moves `off` past it.
void addOctets(Field& layer, std::string name, std::string_view what, ByteView v, std::size_t& off) {
  if (v.empty()) return;
  layer.addBytes(std::move(name), fmt::format("{}: {}", what, toColonHex(v)), v, off);
  off += v.size();
}

}  // namespace

bool describeActionBody(ByteView frame, std::size_t bodyOffset, std::size_t end, Dissection& out,
                        std::size_t sourceIndex) {
  if (bodyOffset > end || end > frame.size()) return false;
  const ByteView body = frame.subspan(bodyOffset, end - bodyOffset);
  if (!isSeed000ActionBody(body)) return false;
  const ParsedMessage parsed = parseActionBody(body, bodyOffset);
  const Message& m = parsed.message;

  // The layer starts at the OUI type: Category and OUI stay in the 802.11 tree, as tshark shows them.
  std::size_t off = bodyOffset + 4;
  Field& layer = out.addLayer(
      makeLayer("roamscope.seed000", "RoamScope seed-000 fast re-association", off, end - off), sourceIndex);
  layer.addUint("roamscope.seed000.oui_type", fmt::format("OUI type: {} (seed 000)", hexString(kOuiType, 2)),
                kOuiType, off, 1, 2);
  ++off;
  out.protocol = "SEED000";
  if (body.size() > 5) {
    const std::uint8_t type = body[5];
    const std::string_view name = messageTypeName(type);
    layer.addUint("roamscope.seed000.msg_type",
                  fmt::format("Message type: {} ({})", name.empty() ? "Unknown" : name, type), type, off, 1);
    out.info = name.empty() ? fmt::format("Seed-000 unknown message type {}", type)
                            : fmt::format("Seed-000 {}", name);
    ++off;
    if (!name.empty()) {
      // Fields present in this message type, in wire order; a parse that stopped
      // early leaves later views empty and later suites unread.
      const std::size_t errorAt = parsed.ok ? end : parsed.errorOffset;
      if (m.type != MessageType::GroupKeyConfirm) {
        const SaType& sa = m.saType;
        if (off + 4 <= errorAt)
          addSuite(layer, "roamscope.seed000.group_cipher", "Group cipher suite", sa.groupCipher, off);
        if (off + 8 <= errorAt)
          addSuite(layer, "roamscope.seed000.pairwise_cipher", "Pairwise cipher suite", sa.pairwiseCipher, off + 4);
        if (off + 12 <= errorAt) addSuite(layer, "roamscope.seed000.akm", "AKM suite", sa.akm, off + 8);
        off += 12;
      }
      addOctets(layer, "roamscope.seed000.arandom", "ARandom", m.aRandom, off);
      addOctets(layer, "roamscope.seed000.srandom", "SRandom", m.sRandom, off);
      addOctets(layer, "roamscope.seed000.ptkid", "PTKID", m.ptkId, off);
      if (m.type == MessageType::AuthenticatePtkResponse && m.ptkId.size() == kPtkIdBytes) {
        // Shown from the frame octets so a rejected GTKID or length is still displayed where it broke.
        if (off < end) {
          const std::uint8_t gtkId = frame[off];
          layer.addUint("roamscope.seed000.gtkid", fmt::format("GTKID (key ID): {}", gtkId & 3), gtkId, off, 1);
          ++off;
        }
        if (off < end && off <= errorAt) {  // not after a rejected GTKID
          const std::uint8_t length = frame[off];
          layer.addUint("roamscope.seed000.gtk_len", fmt::format("Wrapped GTK length: {}", length), length, off, 1);
          ++off;
        }
        addOctets(layer, "roamscope.seed000.gtk", "Wrapped GTK", m.wrappedGtk, off);
      }
      if (!m.mic.empty())
        layer.addBytes("roamscope.seed000.mic", fmt::format("MIC: {}", toColonHex(m.mic)), m.mic, off);
    }
  }
  if (!parsed.ok) out.markMalformed(layer, parsed.error, parsed.errorOffset);
  return true;
}

}  // namespace rs::seed000
