// SPDX-License-Identifier: GPL-3.0-or-later
// Describe step for Action frames (IEEE 802.11-2016 9.3.3.14, 9.6): the
// category and action codes and the fixed fields of the categories that
// matter for roaming and its neighbours — Block Ack (9.6.5), FT (9.6.8),
// SA Query (9.6.10), Spectrum Management (9.6.2), Radio Measurement (9.6.7),
// HT (9.6.12), Public (9.6.8) and WNM BSS Transition (9.6.14).
#include <fmt/format.h>

#include "dissectors/ieee80211/describe_internal.h"
#include "dissectors/ieee80211/elements/elements.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/ieee80211/names.h"
#include "dissectors/seed000/seed000.h"

namespace rs::ieee80211::detail {
namespace {

// A cursor over the fixed fields that records the malformed point once.
class Cursor {
 public:
  Cursor(ByteView frame, std::size_t off, std::size_t end, Field& mgt, Dissection& out)
      : frame_(frame), off_(off), end_(end), mgt_(mgt), out_(out) {
    mgt.add(makeLayer({}, "Fixed parameters", off, 0));
    mgt.children.back().kind = FieldKind::None;
    index_ = mgt.children.size() - 1;
    start_ = off;
  }
  Field& tree() { return mgt_.children[index_]; }
  bool take(std::size_t n) {
    if (!ok_) return false;
    if (off_ + n > end_) {
      ok_ = false;
      finish();
      out_.markMalformed(mgt_, "action frame shorter than its fixed fields", end_);
      return false;
    }
    at_ = off_;
    off_ += n;
    tree().length = static_cast<std::uint32_t>(off_ - start_);
    return true;
  }
  std::size_t at() const { return at_; }
  std::size_t offset() const { return off_; }
  bool ok() const { return ok_; }
  std::uint8_t u8() const { return frame_[at_]; }
  std::uint16_t u16() const { return static_cast<std::uint16_t>(frame_[at_] | (frame_[at_ + 1] << 8)); }
  void finish() { tree().length = static_cast<std::uint32_t>(off_ - start_); }

 private:
  ByteView frame_;
  std::size_t off_;
  std::size_t end_;
  std::size_t start_ = 0;
  std::size_t at_ = 0;
  Field& mgt_;
  Dissection& out_;
  std::size_t index_ = 0;
  bool ok_ = true;
};

std::string actionLabel(std::uint8_t category, std::uint8_t action, bool hex) {
  std::string_view name = actionName(category, action);
  if (name.empty()) name = "Unknown";
  return hex ? fmt::format("{} ({})", name, hexString(action, 2)) : fmt::format("{} ({})", name, action);
}

void elementsFrom(ByteView frame, std::size_t off, std::size_t end, Field& mgt, Dissection& out) {
  if (off >= end) return;
  Field& tagged =
      mgt.add(makeLayer("wlan.tagged.all", fmt::format("Tagged parameters ({} bytes)", end - off), off, end - off));
  describeElements(frame, off, end, tagged, out);
}

void restAsText(Cursor& c, std::size_t end) {
  if (c.offset() < end) c.tree().addText(fmt::format("Action body ({} bytes)", end - c.offset()), c.offset(),
                                         end - c.offset());
}

void dialogToken(Cursor& c) {
  if (c.take(1))
    c.tree().addUint("wlan.fixed.dialog_token", fmt::format("Dialog token: {}", hexString(c.u8(), 2)), c.u8(), c.at(),
                     1, 2);
}

void blockAckParameters(Cursor& c) {
  if (!c.take(2)) return;
  const std::uint16_t p = c.u16();
  // 9.4.1.14 Figure 9-80.
  Field& f = c.tree().addUint("wlan.fixed.baparams", fmt::format("Block Ack Parameters: {}", hexString(p, 4)), p,
                              c.at(), 2, 4);
  addBits(f, "wlan.fixed.baparams.amsdu",
          (p & 1) ? "A-MSDUs: Permitted in QoS Data MPDUs" : "A-MSDUs: Not Permitted", p, 0x0001, 16, c.at(), 2);
  addBits(f, "wlan.fixed.baparams.policy",
          (p & 2) ? "Block Ack Policy: Immediate Block Ack" : "Block Ack Policy: Delayed Block Ack", p, 0x0002, 16,
          c.at(), 2);
  addBits(f, "wlan.fixed.baparams.tid", fmt::format("Traffic Identifier: 0x{:x}", (p >> 2) & 0xf), p, 0x003c, 16,
          c.at(), 2, 4);
  addBits(f, "wlan.fixed.baparams.buffersize",
          fmt::format("Number of Buffers (1 Buffer = 2304 Bytes): {}", p >> 6), p, 0xffc0, 16, c.at(), 2);
}

void blockAckTimeout(Cursor& c) {
  if (c.take(2))
    c.tree().addUint("wlan.fixed.batimeout", fmt::format("Block Ack Timeout: {}", hexString(c.u16(), 4)), c.u16(),
                     c.at(), 2, 4);
}

void statusCode(Cursor& c) {
  if (c.take(2))
    c.tree().addUint("wlan.fixed.status_code",
                     fmt::format("Status code: {} ({})", statusCodeName(c.u16()), hexString(c.u16(), 4)), c.u16(),
                     c.at(), 2, 4);
}

}  // namespace

void describeStartingSequenceControl(Field& parent, std::uint16_t ssc, std::size_t off) {
  Field& f = parent.addUint("wlan.fixed.ssc",
                            fmt::format("Block Ack Starting Sequence Control (SSC): {}", hexString(ssc, 4)), ssc, off,
                            2, 4);
  addBits(f, "wlan.fixed.ssc.fragment", fmt::format("Fragment: {}", ssc & 0xf), ssc, 0x000f, 16, off, 2);
  addBits(f, "wlan.fixed.ssc.sequence", fmt::format("Starting Sequence Number: {}", ssc >> 4), ssc, 0xfff0, 16, off,
          2);
}

void describeActionBody(ByteView frame, std::size_t off, std::size_t end, Field& mgt, Dissection& out) {
  Cursor c(frame, off, end, mgt, out);
  if (!c.take(1)) return;
  const std::uint8_t cat = c.u8();
  c.tree().addUint("wlan.fixed.category_code", fmt::format("Category code: {} ({})", categoryName(cat), cat), cat,
                   c.at(), 1);
  if (cat == category::VendorSpecific || cat == 126) {
    // 9.6.x Vendor Specific: an OUI, then the vendor's content (seed-000's own
    // layer is added by describeManagementBody after this tree, dissectors/seed000/).
    if (c.take(3)) {
      const std::uint32_t oui = (std::uint32_t{frame[c.at()]} << 16) | (frame[c.at() + 1] << 8) | frame[c.at() + 2];
      c.tree().addUint("wlan.tag.oui", fmt::format("OUI: {}", toColonHex(frame.subspan(c.at(), 3))), oui, c.at(), 3);
      if (seed000::isSeed000ActionBody(frame.subspan(off, end - off))) return;
    }
    if (c.ok()) restAsText(c, end);
    return;
  }
  if (!c.take(1)) return;
  const std::uint8_t action = c.u8();
  auto actionCode = [&](bool hex) {
    c.tree().addUint("wlan.fixed.action_code", "Action code: " + actionLabel(cat, action, hex), action, c.at(), 1,
                     hex ? 2 : 0);
  };

  switch (cat) {
    case category::BlockAck:
      actionCode(true);
      if (action == 0 || action == 1) {
        dialogToken(c);
        if (action == 1) statusCode(c);
        blockAckParameters(c);
        blockAckTimeout(c);
        if (action == 0 && c.take(2)) describeStartingSequenceControl(c.tree(), c.u16(), c.at());
      } else if (action == 2) {
        if (c.take(2)) {
          const std::uint16_t p = c.u16();
          // 9.4.1.16 Figure 9-82.
          Field& f = c.tree().addUint("wlan.fixed.delba.param",
                                      fmt::format("Delete Block Ack (DELBA) Parameter Set: {}", hexString(p, 4)), p,
                                      c.at(), 2, 4);
          addBits(f, "wlan.fixed.delba.param.reserved", fmt::format("Reserved: 0x{:03x}", p & 0x7ff), p, 0x07ff, 16,
                  c.at(), 2, 4);
          addBits(f, "wlan.fixed.delba.param.initiator", (p & 0x0800) ? "Initiator: True" : "Initiator: False", p,
                  0x0800, 16, c.at(), 2);
          addBits(f, "wlan.fixed.delba.param.tid", fmt::format("TID: 0x{:x}", p >> 12), p, 0xf000, 16, c.at(), 2, 4);
        }
        if (c.take(2))
          c.tree().addUint("wlan.fixed.reason_code",
                           fmt::format("Reason code: {} ({})", reasonCodeName(c.u16()), hexString(c.u16(), 4)),
                           c.u16(), c.at(), 2, 4);
      } else {
        restAsText(c, end);
        return;
      }
      break;
    case category::FastBssTransition:
      actionCode(false);
      if (action < 1 || action > 4) {
        restAsText(c, end);
        return;
      }
      if (c.take(6)) addMac(c.tree(), "wlan.fixed.sta_address", "STA Address", frame, c.at());
      if (c.take(6)) addMac(c.tree(), "wlan.fixed.target_ap_address", "Target AP Address", frame, c.at());
      if (FtActionBody::hasStatus(action)) statusCode(c);
      break;
    case category::SaQuery:
      actionCode(false);
      if (c.take(2))
        c.tree().addUint("wlan.fixed.transaction_id", fmt::format("Transaction Id: {}", hexString(c.u16(), 4)),
                         c.u16(), c.at(), 2, 4);
      if (c.ok()) restAsText(c, end);
      return;
    case category::HighThroughput:
      c.tree().addUint("wlan.fixed.htact", "HT Action: " + actionLabel(cat, action, true), action, c.at(), 1, 2);
      if (action == 0 && c.take(1)) {
        c.tree().addUint("wlan.fixed.chanwidth", fmt::format("Supported Channel Width: {}", hexString(c.u8(), 2)),
                         c.u8(), c.at(), 1, 2);
      } else if (action == 1 && c.take(1)) {
        const std::uint8_t v = c.u8();
        Field& f = c.tree().addUint("wlan.fixed.sm.powercontrol",
                                    fmt::format("Spatial Multiplexing (SM) Power Control: {}", hexString(v, 2)), v,
                                    c.at(), 1, 2);
        addBits(f, "wlan.fixed.sm.powercontrol.enabled", (v & 1) ? "SM Power Save: Enabled" : "SM Power Save: Disabled",
                v, 0x01, 8, c.at(), 1);
        addBits(f, "wlan.fixed.sm.powercontrol.mode",
                (v & 2) ? "SM Mode: Dynamic SM Power Save mode" : "SM Mode: Static SM Power Save mode", v, 0x02, 8,
                c.at(), 1);
        addBits(f, "wlan.fixed.sm.powercontrol.reserved", fmt::format("Reserved: 0x{:02x}", v >> 2), v, 0xfc, 8,
                c.at(), 1, 2);
      } else if (action > 1) {
        restAsText(c, end);
      }
      return;
    case category::Public:
    case category::ProtectedDualPublic:
      c.tree().addUint("wlan.fixed.publicact", "Public Action: " + actionLabel(cat, action, true), action, c.at(), 1,
                       2);
      if (action != 0) {  // only 20/40 BSS Coexistence is a plain element list (9.6.8.2)
        restAsText(c, end);
        return;
      }
      break;
    case category::SpectrumManagement:
      actionCode(false);
      if (action <= 3) dialogToken(c);  // 9.6.2.2-9.6.2.5; Channel Switch Announcement has none
      break;
    case category::RadioMeasurement:
      actionCode(false);
      if (c.take(1))
        c.tree().addUint("wlan.rm.dialog_token", fmt::format("Dialog token: {}", c.u8()), c.u8(), c.at(), 1);
      if (action == 0 && c.take(2))
        c.tree().addUint("wlan.rm.repetitions", fmt::format("Repetitions: {}", c.u16()), c.u16(), c.at(), 2);
      if (action == 2) {
        if (c.take(1)) {
          const auto p = static_cast<std::int8_t>(c.u8());
          c.tree().addInt("wlan.rm.tx_power", fmt::format("Transmit Power Used: {}", p), p, c.at(), 1);
        }
        if (c.take(1)) {
          const auto p = static_cast<std::int8_t>(c.u8());
          c.tree().addInt("wlan.rm.max_tx_power", fmt::format("Max Transmit Power: {}", p), p, c.at(), 1);
        }
      }
      if (action == 3 || action > 5) {
        if (c.ok()) restAsText(c, end);
        return;
      }
      break;
    case category::Wnm:
      actionCode(false);
      if (action == 6) {  // BSS Transition Management Query (9.6.14.8)
        dialogToken(c);
        if (c.take(1))
          c.tree().addUint("wlan.fixed.bss_transition_query_reason",
                           fmt::format("BSS Transition Query Reason: {}", c.u8()), c.u8(), c.at(), 1);
        break;
      }
      restAsText(c, end);
      return;
    default:
      actionCode(false);
      restAsText(c, end);
      return;
  }
  if (c.ok()) elementsFrom(frame, c.offset(), end, mgt, out);
}

}  // namespace rs::ieee80211::detail
