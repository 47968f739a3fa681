// SPDX-License-Identifier: GPL-3.0-or-later
// Describe step for the MAC header (IEEE 802.11-2016 9.2.4, 9.3): Frame
// Control, Duration/ID, the addresses by role (in the order and with the role
// names tshark 4.0 uses, so filters and tests share them), Sequence Control,
// QoS Control and HT Control.
#include <array>
#include <vector>

#include <fmt/format.h>

#include "dissectors/ieee80211/describe_internal.h"
#include "dissectors/ieee80211/names.h"

namespace rs::ieee80211::detail {
namespace {

std::string_view typeName(std::uint8_t type) {
  static constexpr std::array<std::string_view, 4> kNames{"Management frame", "Control frame", "Data frame",
                                                          "Extension"};
  return kNames[type & 3];
}

std::string_view dsStatus(std::uint8_t ds) {
  switch (ds & 3) {
    case 0: return "Not leaving DS or network is operating in AD-HOC mode (To DS: 0 From DS: 0)";
    case 1: return "Frame from STA to DS via an AP (To DS: 1 From DS: 0)";
    case 2: return "Frame from DS to a STA via AP(To DS: 0 From DS: 1)";
    default: return "WDS (AP to AP) or Mesh (MP to MP) Frame (To DS: 1 From DS: 1)";
  }
}

void describeFrameControl(std::uint8_t first, std::uint8_t flags, std::size_t start, Field& layer) {
  const std::uint8_t type = (first >> 2) & 3;
  const std::uint8_t subtype = first >> 4;
  const unsigned typeSubtype = (unsigned{type} << 4) | subtype;
  layer.addUint("wlan.fc.type_subtype",
                fmt::format("Type/Subtype: {} ({})", frameTypeName(type, subtype), hexString(typeSubtype, 4)),
                typeSubtype, start, 1, 4);
  const unsigned fcValue = (unsigned{first} << 8) | flags;
  Field& fc = layer.addUint("wlan.fc", fmt::format("Frame Control Field: {}", hexString(fcValue, 4)), fcValue, start,
                            2, 4);
  addBits(fc, "wlan.fc.version", fmt::format("Version: {}", first & 3), first, 0x03, 8, start, 1);
  addBits(fc, "wlan.fc.type", fmt::format("Type: {} ({})", typeName(type), type), first, 0x0c, 8, start, 1);
  addBits(fc, "wlan.fc.subtype", fmt::format("Subtype: {}", subtype), first, 0xf0, 8, start, 1);
  const std::size_t f = start + 1;
  Field& fl = fc.addUint("wlan.flags", fmt::format("Flags: {}", hexString(flags, 2)), flags, f, 1, 2);
  addBits(fl, "wlan.fc.ds", fmt::format("DS status: {} (0x{:x})", dsStatus(flags), flags & 3), flags, 0x03, 8, f, 1,
          2);
  auto flag = [&](const char* name, std::uint8_t mask, std::string_view set, std::string_view clear) {
    addBits(fl, name, (flags & mask) ? set : clear, flags, mask, 8, f, 1);
  };
  flag("wlan.fc.tods", 0x01, "To DS: Frame is entering DS", "To DS: Frame is not entering DS");
  flag("wlan.fc.fromds", 0x02, "From DS: Frame is exiting DS", "From DS: Frame is not exiting DS");
  flag("wlan.fc.frag", 0x04, "More Fragments: More fragments follow", "More Fragments: This is the last fragment");
  flag("wlan.fc.retry", 0x08, "Retry: Frame is being retransmitted", "Retry: Frame is not being retransmitted");
  flag("wlan.fc.pwrmgt", 0x10, "PWR MGT: STA will go to sleep", "PWR MGT: STA will stay up");
  flag("wlan.fc.moredata", 0x20, "More Data: Data is buffered for STA at AP", "More Data: No data buffered");
  flag("wlan.fc.protected", 0x40, "Protected flag: Data is protected", "Protected flag: Data is not protected");
  flag("wlan.fc.order", 0x80, "+HTC/Order flag: Strictly ordered", "+HTC/Order flag: Not strictly ordered");
}

// One address field of the header in tshark's order: role name, address index (0-based).
struct AddressItem {
  const char* name;
  const char* label;
  int index;
};

constexpr AddressItem ra{"wlan.ra", "Receiver address", 0};
constexpr AddressItem ta{"wlan.ta", "Transmitter address", 1};
constexpr AddressItem hw(int index) { return {"wlan.addr", "Hardware address", index}; }
constexpr AddressItem role(const char* name, const char* label, int index) { return {name, label, index}; }
constexpr AddressItem da(int i) { return role("wlan.da", "Destination address", i); }
constexpr AddressItem sa(int i) { return role("wlan.sa", "Source address", i); }
constexpr AddressItem bssid(int i) { return role("wlan.bssid", "BSS Id", i); }
constexpr AddressItem staa(int i) { return role("wlan.staa", "STA address", i); }
constexpr AddressItem kSeq{nullptr, nullptr, -1};  // marks where Sequence Control is described

std::vector<AddressItem> addressOrder(std::uint8_t type, std::uint8_t subtype, std::uint8_t ds, int addressCount) {
  switch (type) {
    case frame_type::Management:
      return {ra, hw(0), da(0), ta, sa(1), bssid(2), hw(1), hw(2), kSeq};
    case frame_type::Control:
      if (addressCount == 1) return {ra, hw(0)};
      if (subtype == ctrl::PsPoll) return {ra, hw(0), bssid(0), ta, hw(1)};
      if (subtype == ctrl::CfEnd) return {ra, hw(0), bssid(1), hw(1)};
      return {ra, hw(0), ta, hw(1)};
    case frame_type::Data:
      switch (ds) {
        case 0: return {ra, hw(0), ta, hw(1), da(0), sa(1), bssid(2), kSeq, hw(2)};
        case 1: return {ra, hw(0), ta, hw(1), da(2), sa(1), bssid(0), staa(1), kSeq, hw(2)};
        case 2: return {ra, hw(0), ta, hw(1), da(0), sa(2), bssid(1), staa(0), kSeq, hw(2)};
        default: return {ra, hw(0), ta, hw(1), da(2), sa(3), kSeq, hw(3), hw(2)};
      }
    default: return {ra, hw(0), bssid(0), hw(0)};
  }
}

std::size_t addressOffset(int index) {
  // Address 4 follows Sequence Control (9.2.3 Figure 9-1).
  return index < 3 ? 4 + 6 * static_cast<std::size_t>(index) : 24;
}

}  // namespace

bool describeMacHeader(ByteView frame, std::size_t start, Field& layer, Dissection& out, MacHeader& header) {
  if (start + 2 > frame.size()) {
    out.markMalformed(layer, "frame shorter than the Frame Control field", frame.size());
    return false;
  }
  const std::uint8_t first = frame[start];
  header.flags = frame[start + 1];
  header.version = first & 3;
  header.type = (first >> 2) & 3;
  header.subtype = first >> 4;
  describeFrameControl(first, header.flags, start, layer);
  const HeaderLayout l = headerLayout(header.type, header.subtype, header.flags);
  header.addressCount = l.addressCount;
  header.length = l.length;

  auto fits = [&](std::size_t relOff, std::size_t len) { return start + relOff + len <= frame.size(); };
  auto truncated = [&]() {
    out.markMalformed(layer, fmt::format("frame shorter than its {}-byte MAC header", l.length), frame.size());
    return false;
  };

  if (!fits(2, 2)) return truncated();
  const std::uint16_t durationId = static_cast<std::uint16_t>(frame[start + 2] | (frame[start + 3] << 8));
  header.duration = durationId;
  if (header.isControl() && header.subtype == ctrl::PsPoll) {
    addBits(layer, "wlan.aid", fmt::format("Association ID: {}", durationId & 0x3fff), durationId, 0x3fff, 16,
            start + 2, 2);
  } else {
    addBits(layer, "wlan.duration", fmt::format("Duration: {} microseconds", durationId & 0x7fff), durationId, 0x7fff,
            16, start + 2, 2);
  }

  // With an A-MSDU, Address 3 of a To-DS or From-DS frame holds the BSSID, not the
  // DA/SA (9.3.2.1 Table 9-26, A-MSDU rows): the subframes carry those.
  const std::size_t qosAt = 24 + (l.addressCount == 4 ? 6 : 0);
  const bool amsdu = l.qosControl && fits(qosAt, 2) && (frame[start + qosAt] & 0x80);
  const bool skipAddress3 = amsdu && (header.ds() == 1 || header.ds() == 2);
  for (const AddressItem& item : addressOrder(header.type, header.subtype, header.ds(), l.addressCount)) {
    if (skipAddress3 && item.index == 2) continue;
    if (item.name == nullptr) {  // Sequence Control (9.2.4.4)
      if (!fits(22, 2)) return truncated();
      const std::uint16_t sc = static_cast<std::uint16_t>(frame[start + 22] | (frame[start + 23] << 8));
      header.hasSequenceControl = true;
      header.sequenceControl = sc;
      addBits(layer, "wlan.frag", fmt::format("Fragment number: {}", sc & 0x0f), sc, 0x000f, 16, start + 22, 2);
      addBits(layer, "wlan.seq", fmt::format("Sequence number: {}", sc >> 4), sc, 0xfff0, 16, start + 22, 2);
      continue;
    }
    const std::size_t rel = addressOffset(item.index);
    if (!fits(rel, 6)) return truncated();
    header.addr[static_cast<std::size_t>(item.index)] = MacAddress::fromView(frame.subspan(start + rel, 6));
    addMac(layer, item.name, item.label, frame, start + rel);
  }

  std::size_t off = start + 24 + (l.addressCount == 4 ? 6 : 0);
  if (l.qosControl) {
    if (!fits(off - start, 2)) return truncated();
    header.hasQosControl = true;
    header.qosControl = static_cast<std::uint16_t>(frame[off] | (frame[off + 1] << 8));
    describeQosControl(layer, header, off);
    off += 2;
  }
  if (l.htControl) {
    if (!fits(off - start, 4)) return truncated();
    header.hasHtControl = true;
    header.htControl = static_cast<std::uint32_t>(frame[off]) | (static_cast<std::uint32_t>(frame[off + 1]) << 8) |
                       (static_cast<std::uint32_t>(frame[off + 2]) << 16) |
                       (static_cast<std::uint32_t>(frame[off + 3]) << 24);
    describeHtControl(layer, header.htControl, off);
  }
  return true;
}

void describeQosControl(Field& layer, const MacHeader& header, std::size_t off) {
  // 9.2.4.5 Table 9-6: bits 4 and 8-15 mean different things by direction.
  const std::uint16_t q = header.qosControl;
  const bool isNull = header.subtype & 0x04;
  Field& qos = layer.addUint("wlan.qos", fmt::format("Qos Control: {}", hexString(q, 4)), q, off, 2, 4);
  addBits(qos, "wlan.qos.tid", fmt::format("TID: {}", q & 0x0f), q, 0x000f, 16, off, 2);
  addBits(qos, "wlan.qos.priority", fmt::format("Priority: {} ({})", userPriorityName(q & 7), q & 7), q, 0x0007, 16,
          off, 2);
  static constexpr std::array<std::string_view, 4> kAck{"Normal Ack", "No Ack", "No explicit acknowledgment",
                                                         "Block Ack"};
  const unsigned ack = (q >> 5) & 3;
  auto ackPolicy = [&] {
    addBits(qos, "wlan.qos.ack", fmt::format("Ack Policy: {} (0x{:x})", kAck[ack], ack), q, 0x0060, 16, off, 2, 4);
  };
  auto payloadType = [&] {
    if (!isNull)
      addBits(qos, "wlan.qos.amsdupresent", (q & 0x80) ? "Payload Type: A-MSDU" : "Payload Type: MSDU", q, 0x0080,
              16, off, 2);
  };
  if (header.fromDs()) {
    addBits(qos, "wlan.qos.eosp", (q & 0x10) ? "EOSP: End of service period" : "EOSP: Service period", q, 0x0010, 16,
            off, 2);
    ackPolicy();
    payloadType();
    if (header.toDs() && (q & 0x0100)) {
      // Mesh data frames (9.2.4.5.8-9.2.4.5.10).
      addBits(qos, "wlan.qos.mesh_ctl_present", "Mesh Control Present: 1", q, 0x0100, 16, off, 2);
      addBits(qos, "wlan.qos.mesh_ps.reserved", fmt::format("Mesh Power Save Level (reserved): {}", (q >> 9) & 1), q,
              0x0200, 16, off, 2);
      addBits(qos, "wlan.qos.mesh_rspi", fmt::format("Receiver Service Period Initiated (RSPI): {}", (q >> 10) & 1),
              q, 0x0400, 16, off, 2);
      return;
    }
    Field& ps = addBits(qos, "wlan.qos.ps_buf_state", fmt::format("QAP PS Buffer State: 0x{:02x}", q >> 8), q, 0xff00,
                        16, off, 2, 4);
    const bool indicated = q & 0x0200;
    addBits(ps, "wlan.qos.buf_state_indicated",
            indicated ? "Buffer State Indicated: Yes" : "Buffer State Indicated: No", q, 0x0200, 16, off, 2);
    if (indicated) {
      addBits(ps, "wlan.qos.highest_pri_buf_ac", fmt::format("Highest-Priority Buffered AC: {}", (q >> 10) & 3), q,
              0x0c00, 16, off, 2);
      addBits(ps, "wlan.qos.qap_buf_load", fmt::format("QAP Buffered Load: {}", q >> 12), q, 0xf000, 16, off, 2);
    }
    return;
  }
  const bool queueSize = q & 0x10;
  addBits(qos, "wlan.qos.bit4",
          queueSize ? "QoS bit 4: Bits 8-15 of QoS Control field are Queue Size"
                    : "QoS bit 4: Bits 8-15 of QoS Control field are TXOP Duration Requested",
          q, 0x0010, 16, off, 2);
  ackPolicy();
  payloadType();
  const unsigned high = q >> 8;
  if (queueSize) {
    addBits(qos, "wlan.qos.queue_size", fmt::format("Queue Size: {}", high), q, 0xff00, 16, off, 2);
  } else {
    addBits(qos, "wlan.qos.txop_dur_req",
            high ? fmt::format("TXOP Duration Requested: {}", high) : "TXOP Duration Requested: 0 (no TXOP requested)",
            q, 0xff00, 16, off, 2);
  }
}

void describeHtControl(Field& layer, std::uint32_t v, std::size_t off) {
  // 9.2.4.6: bit 0 selects the HT variant, bits 0-1 the VHT/HE variants.
  Field& htc = layer.addUint("wlan.htc", fmt::format("HT Control (+HTC): {}", hexString(v, 8)), v, off, 4, 8);
  auto flag = [&](Field& parent, const char* name, std::uint32_t mask, std::string_view text) -> Field& {
    return addBits(parent, name, fmt::format("{}: {}", text, (v & mask) ? "True" : "False"), v, mask, 32, off, 4);
  };
  auto num = [&](Field& parent, const char* name, std::uint32_t mask, std::string_view text,
                 std::uint8_t hex = 0) -> Field& {
    return addBits(parent, name, fmt::format("{}: {}", text, maskedValue(v, mask)), v, mask, 32, off, 4, hex);
  };
  flag(htc, "wlan.htc.vht", 0x00000001, "VHT");
  if (v & 1) {
    flag(htc, "wlan.htc.he", 0x00000002, "HE");
    if (v & 2) {
      htc.addText(fmt::format("Aggregate Control: {}", hexString(v >> 2, 8)), off, 4);
      return;
    }
    // VHT variant (9.2.4.6.3 Table 9-10).
    flag(htc, "wlan.htc.mrq", 0x00000004, "MRQ");
    num(htc, "wlan.htc.msi", 0x00000038, "MSI");
    Field& mfb = num(htc, "wlan.htc.mfb", 0x00fffe00, "MFB", 8);
    num(mfb, "wlan.htc.num_sts", 0x00000e00, "NUM_STS");
    num(mfb, "wlan.htc.vht_mcs", 0x0000f000, "VHT-MCS");
    num(mfb, "wlan.htc.bw", 0x00030000, "BW");
    num(mfb, "wlan.htc.snr", 0x00fc0000, "SNR");
    num(htc, "wlan.htc.gid_h", 0x07000000, "GID-H");
    num(htc, "wlan.htc.coding_type", 0x08000000, "Coding type");
    num(htc, "wlan.htc.fb_tx_type", 0x10000000, "FB Tx type");
    flag(htc, "wlan.htc.unsolicited_mfb", 0x20000000, "Unsolicited MFB");
  } else {
    // HT variant (9.2.4.6.2 Figure 9-11): Link Adaptation Control in bits 1-15.
    const std::uint32_t lacRaw = v & 0xffff;
    Field& lac = addBits(htc, "wlan.htc.lac", fmt::format("Link Adaptation Control (LAC): 0x{:04x}", (v >> 1) & 0x7fff),
                         v, 0x0000fffe, 32, off, 4, 8);
    auto lac16 = [&](const char* name, std::uint32_t mask, std::string text, std::uint8_t hex = 0) {
      addBits(lac, name, text, lacRaw, mask, 16, off, 2, hex);
    };
    lac16("wlan.htc.lac.trq", 0x0002,
          (v & 0x0002) ? "Training Request (TRQ): Want sounding PPDU" : "Training Request (TRQ): Don't want sounding PPDU");
    lac16("wlan.htc.lac.mai.mrq", 0x0004,
          (v & 0x0004) ? "MCS Request (MRQ): MCS feedback requested" : "MCS Request (MRQ): No MCS feedback requested");
    if (v & 0x0004)
      lac16("wlan.htc.lac.mai.msi", 0x0038, fmt::format("MCS Request Sequence Identifier (MSI): 0x{:x}", (v >> 3) & 7),
            4);
    else
      lac16("wlan.htc.lac.mai.reserved", 0x0038, fmt::format("Reserved: 0x{:x}", (v >> 3) & 7), 4);
    lac16("wlan.htc.lac.mfsi", 0x01c0, fmt::format("MCS Feedback Sequence Identifier (MFSI): {}", (v >> 6) & 7));
    lac16("wlan.htc.lac.mfb", 0xfe00, fmt::format("MCS Feedback (MFB): 0x{:02x}", (v >> 9) & 0x7f), 4);
    num(htc, "wlan.htc.cal.pos", 0x00030000, "Calibration Position");
    num(htc, "wlan.htc.cal.seq", 0x000c0000, "Calibration Sequence Identifier");
    num(htc, "wlan.htc.reserved1", 0x00300000, "Reserved", 8);
    num(htc, "wlan.htc.csi_steering", 0x00c00000, "CSI/Steering");
    flag(htc, "wlan.htc.ndp_announcement", 0x01000000, "NDP Announcement");
    num(htc, "wlan.htc.reserved2", 0x3e000000, "Reserved", 8);
  }
  flag(htc, "wlan.htc.ac_constraint", 0x40000000, "AC Constraint");
  flag(htc, "wlan.htc.rdg_more_ppdu", 0x80000000, "RDG/More PPDU");
}

}  // namespace rs::ieee80211::detail
