// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/mac_header.h"

#include <algorithm>

#include "dissectors/common/byte_writer.h"

namespace rs::ieee80211 {

HeaderLayout headerLayout(std::uint8_t type, std::uint8_t subtype, std::uint8_t flags) {
  HeaderLayout l;
  switch (type) {
    case frame_type::Management:
      // 9.3.3.2: three addresses and Sequence Control; +HTC when the Order bit is set (9.2.4.1.10).
      l.addressCount = 3;
      l.sequenceControl = true;
      l.htControl = flags & fc_flag::Order;
      break;
    case frame_type::Control:
      // 9.3.1: CTS, Ack and Control Wrapper carry only RA; the other control frames RA and TA.
      switch (subtype) {
        case ctrl::Cts:
        case ctrl::Ack:
        case ctrl::ControlWrapper:
        case ctrl::ControlFrameExtension:
        case 0:
        case 1: l.addressCount = 1; break;
        default: l.addressCount = 2; break;
      }
      break;
    case frame_type::Data:
      // 9.3.2.1: Address 4 only between two DS-side stations; QoS Control in QoS subtypes;
      // +HTC only in QoS data frames with the Order bit.
      l.addressCount = (flags & 3) == 3 ? 4 : 3;
      l.sequenceControl = true;
      l.qosControl = subtype & 0x08;
      l.htControl = l.qosControl && (flags & fc_flag::Order);
      break;
    default:
      // Extension frames (DMG/S1G beacon): Frame Control, Duration, one address (9.3.4.2).
      l.addressCount = 1;
      break;
  }
  l.length = 4 + 6 * std::size_t{l.addressCount} + (l.sequenceControl ? 2 : 0) + (l.qosControl ? 2 : 0) +
             (l.htControl ? 4 : 0);
  return l;
}

MacHeader MacHeader::management(std::uint8_t subtype, const MacAddress& da, const MacAddress& sa,
                                const MacAddress& bssid, std::uint16_t sequenceNumber) {
  MacHeader h;
  h.type = frame_type::Management;
  h.subtype = subtype;
  h.addressCount = 3;
  h.addr = {da, sa, bssid, MacAddress{}};
  h.hasSequenceControl = true;
  h.sequenceControl = static_cast<std::uint16_t>((sequenceNumber & 0x0fff) << 4);
  h.length = headerLayout(h.type, h.subtype, h.flags).length;
  return h;
}

MacHeader MacHeader::qosData(bool toAp, const MacAddress& bssid, const MacAddress& sta, const MacAddress& otherEnd,
                             std::uint16_t sequenceNumber, std::uint8_t tid) {
  MacHeader h;
  h.type = frame_type::Data;
  h.subtype = data::QosData;
  h.addressCount = 3;
  if (toAp) {
    h.flags = fc_flag::ToDs;
    h.addr = {bssid, sta, otherEnd, MacAddress{}};  // RA=BSSID, TA=SA, DA
  } else {
    h.flags = fc_flag::FromDs;
    h.addr = {sta, bssid, otherEnd, MacAddress{}};  // RA=DA, TA=BSSID, SA
  }
  h.hasSequenceControl = true;
  h.sequenceControl = static_cast<std::uint16_t>((sequenceNumber & 0x0fff) << 4);
  h.hasQosControl = true;
  h.qosControl = tid & 0x0f;
  h.length = headerLayout(h.type, h.subtype, h.flags).length;
  return h;
}

namespace {
std::uint16_t le16(ByteView b, std::size_t at) { return static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8)); }
}  // namespace

bool parseMacHeaderInto(ByteView frame, MacHeader& h) {
  // Parsed for every frame of every capture. Once the frame is known to hold the whole header its layout
  // describes, every field is read at a fixed offset inside it, without a bounds check per field.
  if (frame.size() < 4) return false;
  h = MacHeader{};
  const std::uint8_t first = frame[0];
  h.flags = frame[1];
  h.version = first & 3;
  h.type = (first >> 2) & 3;
  h.subtype = first >> 4;
  h.duration = le16(frame, 2);
  if (h.version != 0) return false;
  const HeaderLayout layout = headerLayout(h.type, h.subtype, h.flags);
  if (frame.size() < layout.length) return false;
  h.addressCount = layout.addressCount;
  std::size_t at = 4;
  for (std::size_t i = 0; i < std::min<std::size_t>(layout.addressCount, 3); ++i, at += 6)
    h.addr[i] = MacAddress::fromView(frame.subspan(at, 6));
  if (layout.sequenceControl) {
    h.hasSequenceControl = true;
    h.sequenceControl = le16(frame, at);
    at += 2;
  }
  if (layout.addressCount == 4) {
    h.addr[3] = MacAddress::fromView(frame.subspan(at, 6));
    at += 6;
  }
  if (layout.qosControl) {
    h.hasQosControl = true;
    h.qosControl = le16(frame, at);
    at += 2;
  }
  if (layout.htControl) {
    h.hasHtControl = true;
    h.htControl = static_cast<std::uint32_t>(frame[at]) | (static_cast<std::uint32_t>(frame[at + 1]) << 8) |
                  (static_cast<std::uint32_t>(frame[at + 2]) << 16) | (static_cast<std::uint32_t>(frame[at + 3]) << 24);
  }
  h.length = layout.length;
  return true;
}

std::optional<MacHeader> parseMacHeader(ByteView frame) {
  std::optional<MacHeader> out(std::in_place);
  if (!parseMacHeaderInto(frame, *out)) out.reset();
  return out;  // the one named return: built in place
}

Bytes buildMacHeader(const MacHeader& h) {
  ByteWriter w;
  w.u8(h.firstOctet()).u8(h.flags).u16le(h.duration);
  for (std::size_t i = 0; i < std::min<std::size_t>(h.addressCount, 3); ++i) w.bytes(h.addr[i].view());
  if (h.hasSequenceControl) w.u16le(h.sequenceControl);
  if (h.addressCount >= 4) w.bytes(h.addr[3].view());
  if (h.hasQosControl) w.u16le(h.qosControl);
  if (h.hasHtControl) w.u32le(h.htControl);
  return w.take();
}

}  // namespace rs::ieee80211
