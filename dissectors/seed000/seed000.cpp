// SPDX-License-Identifier: GPL-3.0-or-later
// Seed-000 codec: the byte layouts of docs/protocols/seed-000.md, read with
// ByteReader (never past the end) and written with ByteWriter.
#include "dissectors/seed000/seed000.h"

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::seed000 {
namespace {

SuiteSelector readSuite(ByteReader& r) {
  SuiteSelector s;
  for (auto& o : s.oui) o = r.u8();
  s.type = r.u8();
  return s;
}

void writeSuite(ByteWriter& w, const SuiteSelector& s) { w.bytes(s.oui).u8(s.type); }

bool sameOui(ByteView v) { return v.size() == 3 && std::equal(v.begin(), v.end(), kOui.begin()); }

}  // namespace

std::string_view messageTypeName(std::uint8_t type) {
  switch (type) {
    case 1: return "Authenticate PTK request";
    case 2: return "Authenticate PTK response";
    case 3: return "Group Key Confirm";
    default: return "";
  }
}

bool isSeed000ActionBody(ByteView body) {
  return body.size() >= 5 && body[0] == kVendorSpecificCategory && sameOui(body.subspan(1, 3)) && body[4] == kOuiType;
}

ParsedMessage parseActionBody(ByteView body, std::size_t base) {
  ParsedMessage out;
  ByteReader r(body, base);
  auto fail = [&](std::string why, std::size_t at) {
    out.ok = false;
    out.error = std::move(why);
    out.errorOffset = at;
    return out;
  };
  const std::uint8_t category = r.u8();
  const ByteView oui = r.bytes(3);
  const std::uint8_t ouiType = r.u8();
  if (r.failed()) return fail("seed-000 action body shorter than its 5-octet vendor header", r.failureOffset());
  if (category != kVendorSpecificCategory || !sameOui(oui) || ouiType != kOuiType)
    return fail("not a seed-000 vendor-specific action frame", base);
  const std::size_t typeOffset = r.offset();
  const std::uint8_t type = r.u8();
  if (r.failed()) return fail("seed-000 message type missing", r.failureOffset());
  if (messageTypeName(type).empty()) return fail("unknown seed-000 message type", typeOffset);
  Message& m = out.message;
  m.type = static_cast<MessageType>(type);

  auto truncated = [&] { return fail("seed-000 message truncated", r.failureOffset()); };
  if (m.type != MessageType::GroupKeyConfirm) {
    m.saType.groupCipher = readSuite(r);
    m.saType.pairwiseCipher = readSuite(r);
    m.saType.akm = readSuite(r);
  }
  if (m.type != MessageType::AuthenticatePtkRequest) m.aRandom = r.bytes(kRandomBytes);
  if (m.type != MessageType::GroupKeyConfirm) {
    m.sRandom = r.bytes(kRandomBytes);
    m.ptkId = r.bytes(kPtkIdBytes);
  }
  if (m.type == MessageType::AuthenticatePtkResponse) {
    const std::size_t gtkIdOffset = r.offset();
    m.gtkId = r.u8();
    const std::size_t lengthOffset = r.offset();
    const std::uint8_t wrappedLength = r.u8();
    if (r.failed()) return truncated();
    if ((m.gtkId & 0xfc) != 0) return fail("seed-000 GTKID reserved bits set", gtkIdOffset);
    if (wrappedLength < 24 || wrappedLength > 40 || wrappedLength % 8 != 0)
      return fail("seed-000 wrapped GTK length is not 24, 32 or 40", lengthOffset);
    m.wrappedGtk = r.bytes(wrappedLength);
  }
  m.mic = r.bytes(kMicBytes);
  if (r.failed()) return truncated();
  if (!r.empty()) return fail("octets after the seed-000 MIC", r.offset());
  out.ok = true;
  return out;
}

std::optional<Bytes> buildActionBody(const Message& m) {
  const bool hasSa = m.type != MessageType::GroupKeyConfirm;
  const bool hasA = m.type != MessageType::AuthenticatePtkRequest;
  const bool hasGtk = m.type == MessageType::AuthenticatePtkResponse;
  if (messageTypeName(static_cast<std::uint8_t>(m.type)).empty()) return std::nullopt;
  if (hasA && m.aRandom.size() != kRandomBytes) return std::nullopt;
  if (hasSa && (m.sRandom.size() != kRandomBytes || m.ptkId.size() != kPtkIdBytes)) return std::nullopt;
  if (hasGtk && (m.wrappedGtk.size() > 255 || m.gtkId > 3)) return std::nullopt;
  if (!m.mic.empty() && m.mic.size() != kMicBytes) return std::nullopt;

  ByteWriter w;
  w.u8(kVendorSpecificCategory).bytes(kOui).u8(kOuiType).u8(static_cast<std::uint8_t>(m.type));
  if (hasSa) {
    writeSuite(w, m.saType.groupCipher);
    writeSuite(w, m.saType.pairwiseCipher);
    writeSuite(w, m.saType.akm);
  }
  if (hasA) w.bytes(m.aRandom);
  if (hasSa) w.bytes(m.sRandom).bytes(m.ptkId);
  if (hasGtk) w.u8(m.gtkId).u8(static_cast<std::uint8_t>(m.wrappedGtk.size())).bytes(m.wrappedGtk);
  if (m.mic.empty())
    w.zeros(kMicBytes);
  else
    w.bytes(m.mic);
  return w.take();
}

std::optional<Bytes> buildActionFrame(ieee80211::MacHeader header, const Message& message) {
  auto body = buildActionBody(message);
  if (!body) return std::nullopt;
  header.type = ieee80211::frame_type::Management;
  header.subtype = ieee80211::mgmt::Action;
  const ieee80211::HeaderLayout layout = ieee80211::headerLayout(header.type, header.subtype, header.flags);
  header.addressCount = layout.addressCount;
  header.hasSequenceControl = layout.sequenceControl;
  header.hasQosControl = layout.qosControl;
  header.hasHtControl = layout.htControl;
  header.length = layout.length;
  ByteWriter w(buildMacHeader(header));
  w.bytes(*body);
  return w.take();
}

bool setMic(Bytes& bodyOrFrame, ByteView mic) {
  if (mic.size() != kMicBytes || bodyOrFrame.size() < kMicBytes) return false;
  std::copy(mic.begin(), mic.end(), bodyOrFrame.end() - static_cast<std::ptrdiff_t>(kMicBytes));
  return true;
}

Bytes buildCapabilityElement(std::uint8_t capabilities) {
  ByteWriter w;
  w.u8(kVendorElementId).u8(5).bytes(kOui).u8(kOuiType).u8(capabilities);
  return w.take();
}

std::optional<std::uint8_t> parseCapabilityElement(ByteView element) {
  ByteReader r(element);
  const std::uint8_t id = r.u8();
  const std::uint8_t length = r.u8();
  ByteReader info = r.sub(length);
  const ByteView oui = info.bytes(3);
  const std::uint8_t ouiType = info.u8();
  const std::uint8_t caps = info.u8();
  if (r.failed() || info.failed() || id != kVendorElementId || !sameOui(oui) || ouiType != kOuiType)
    return std::nullopt;
  return caps;
}

}  // namespace rs::seed000
