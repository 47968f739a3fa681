// SPDX-License-Identifier: GPL-3.0-or-later
// Describe step for management frame bodies (IEEE 802.11-2016 9.3.3): the
// fixed fields under "wlan.fixed.all" and the element list under
// "wlan.tagged.all" (described by elements/), in a "wlan.mgt" layer as tshark
// shows them.
#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "dissectors/ieee80211/describe_internal.h"
#include "dissectors/ieee80211/elements/elements.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/ieee80211/names.h"
#include "dissectors/seed000/seed000_describe.h"

namespace rs::ieee80211::detail {
namespace {

std::uint16_t le16(ByteView f, std::size_t off) { return static_cast<std::uint16_t>(f[off] | (f[off + 1] << 8)); }

void describeCapabilities(Field& parent, std::uint16_t c, std::size_t off) {
  Field& cap = parent.addUint("wlan.fixed.capabilities",
                              fmt::format("Capabilities Information: {}", hexString(c, 4)), c, off, 2, 4);
  auto bit = [&](const char* name, std::uint16_t mask, std::string_view set, std::string_view clear) {
    addBits(cap, name, (c & mask) ? set : clear, c, mask, 16, off, 2);
  };
  auto reserved = [&](const char* name, std::uint16_t mask) {
    addBits(cap, name, fmt::format("Reserved: {}", (c & mask) ? 1 : 0), c, mask, 16, off, 2);
  };
  // 9.4.1.4 Figure 9-68.
  bit("wlan.fixed.capabilities.ess", 0x0001, "ESS capabilities: Transmitter is an AP",
      "ESS capabilities: Transmitter is a STA");
  bit("wlan.fixed.capabilities.ibss", 0x0002, "IBSS status: Transmitter belongs to an IBSS",
      "IBSS status: Transmitter belongs to a BSS");
  reserved("wlan.fixed.capabilities.reserved1", 0x0004);
  reserved("wlan.fixed.capabilities.reserved2", 0x0008);
  bit("wlan.fixed.capabilities.privacy", 0x0010, "Privacy: Data confidentiality required",
      "Privacy: Data confidentiality not required");
  bit("wlan.fixed.capabilities.short_preamble", 0x0020, "Short Preamble: Allowed", "Short Preamble: Not Allowed");
  reserved("wlan.fixed.capabilities.reserved3", 0x0040);
  reserved("wlan.fixed.capabilities.reserved4", 0x0080);
  bit("wlan.fixed.capabilities.spec_man", 0x0100, "Spectrum Management: Implemented",
      "Spectrum Management: Not Implemented");
  bit("wlan.fixed.capabilities.qos", 0x0200, "QoS: Implemented", "QoS: Not Implemented");
  bit("wlan.fixed.capabilities.short_slot_time", 0x0400, "Short Slot Time: In use", "Short Slot Time: Not in use");
  bit("wlan.fixed.capabilities.apsd", 0x0800, "Automatic Power Save Delivery: Implemented",
      "Automatic Power Save Delivery: Not Implemented");
  bit("wlan.fixed.capabilities.radio_measurement", 0x1000, "Radio Measurement: Implemented",
      "Radio Measurement: Not Implemented");
  bit("wlan.fixed.capabilities.epd", 0x2000, "EPD: Implemented", "EPD: Not Implemented");
  reserved("wlan.fixed.capabilities.reserved5", 0x4000);
  reserved("wlan.fixed.capabilities.reserved6", 0x8000);
}

// Adds fixed fields one by one while they fit; the first one that does not
// fit marks the body malformed at the first missing byte (STYLE.md #2).
class FixedFields {
 public:
  FixedFields(ByteView frame, std::size_t off, std::size_t declared, Field& mgt, Dissection& out)
      : frame_(frame), start_(off), off_(off), mgt_(mgt), out_(out) {
    mgt.add(makeLayer("wlan.fixed.all", fmt::format("Fixed parameters ({} bytes)", declared), off,
                      std::min(declared, frame.size() - off)));
    index_ = mgt.children.size() - 1;
  }
  // By index: a malformed marker appended to the layer may move the children.
  Field& tree() { return mgt_.children[index_]; }
  std::size_t offset() const { return off_; }
  bool ok() const { return ok_; }
  // True when `len` more bytes are there; otherwise marks the malformed point once.
  bool take(std::size_t len) {
    if (!ok_) return false;
    if (off_ + len > frame_.size()) {
      ok_ = false;
      out_.markMalformed(mgt_, "frame body shorter than its fixed fields", frame_.size());
      return false;
    }
    at_ = off_;
    off_ += len;
    return true;
  }
  std::size_t at() const { return at_; }
  // Fixes the length of "wlan.fixed.all" once fields of variable length are known.
  void finish(bool relabel) {
    tree().length = static_cast<std::uint32_t>(off_ - start_);
    if (relabel) tree().label = fmt::format("Fixed parameters ({} bytes)", off_ - start_);
  }

 private:
  ByteView frame_;
  std::size_t start_;
  std::size_t off_;
  std::size_t at_ = 0;
  Field& mgt_;
  Dissection& out_;
  std::size_t index_ = 0;
  bool ok_ = true;
};

void addStatus(Field& parent, std::uint16_t s, std::size_t off) {
  parent.addUint("wlan.fixed.status_code", fmt::format("Status code: {} ({})", statusCodeName(s), hexString(s, 4)), s,
                 off, 2, 4);
}

void addReason(Field& parent, std::uint16_t r, std::size_t off) {
  parent.addUint("wlan.fixed.reason_code", fmt::format("Reason code: {} ({})", reasonCodeName(r), hexString(r, 4)), r,
                 off, 2, 4);
}

void describeSae(ByteView frame, FixedFields& ff, std::uint16_t seq, std::uint16_t status) {
  auto t = [&]() -> Field& { return ff.tree(); };
  const std::size_t seqOff = ff.offset() - 4;
  // 9.3.3.12 Table 9-36: transaction sequence 1 = Commit, 2 = Confirm.
  t().addUint("wlan.fixed.sae_message_type",
            fmt::format("SAE Message Type: {} ({})", seq == 1 ? "Commit" : seq == 2 ? "Confirm" : "Unknown", seq), seq,
            seqOff, 2);
  if (seq == 1) {
    if (status != 0 && status != 76 && status != 126) return;
    if (!ff.take(2)) return;
    const std::uint16_t group = le16(frame, ff.at());
    t().addUint("wlan.fixed.finite_cyclic_group", fmt::format("Group Id: {}", group), group, ff.at(), 2);
    const auto sizes = saeGroupSizes(group);
    if (!sizes) return;
    if (status == 76) {
      const std::size_t remaining = frame.size() - ff.offset();
      const std::size_t fixed = sizes->scalar + sizes->element;
      if (remaining > fixed && ff.take(remaining - fixed))
        t().addBytes("wlan.fixed.anti_clogging_token", "Anti-Clogging Token",
                   frame.subspan(ff.at(), remaining - fixed), ff.at());
    }
    if (!ff.take(sizes->scalar)) return;
    t().addBytes("wlan.fixed.scalar", "Scalar: " + toHex(frame.subspan(ff.at(), sizes->scalar)),
               frame.subspan(ff.at(), sizes->scalar), ff.at());
    if (!ff.take(sizes->element)) return;
    t().addBytes("wlan.fixed.finite_field_element",
               "Finite Field Element: " + toHex(frame.subspan(ff.at(), sizes->element)),
               frame.subspan(ff.at(), sizes->element), ff.at());
  } else if (seq == 2 && status == 0) {
    if (!ff.take(2)) return;
    const std::uint16_t sc = le16(frame, ff.at());
    t().addUint("wlan.fixed.send_confirm", fmt::format("Send-Confirm: {}", sc), sc, ff.at(), 2);
    // The Confirm is the rest of the body (its length is the group's hash length).
    const std::size_t len = frame.size() - ff.offset();
    if (len == 0 || !ff.take(len)) return;
    t().addBytes("wlan.fixed.confirm", "Confirm: " + toHex(frame.subspan(ff.at(), len)), frame.subspan(ff.at(), len),
               ff.at());
  }
}

void describeTagged(ByteView frame, std::size_t off, bool mandatory, Field& mgt, Dissection& out,
                    ElementSender sender = ElementSender::Unknown) {
  const std::size_t end = frame.size();
  if (off >= end) {
    // Beacons, (re)association frames and probe responses always carry elements
    // (SSID/Supported Rates, 9.3.3): an empty list means the frame was cut.
    if (mandatory) out.markMalformed(mgt, "mandatory elements missing", end);
    return;
  }
  Field& tagged =
      mgt.add(makeLayer("wlan.tagged.all", fmt::format("Tagged parameters ({} bytes)", end - off), off, end - off));
  describeElements(frame, off, end, tagged, out, ElementContext{sender});
}

}  // namespace

void describeManagementBody(ByteView frame, const MacHeader& h, std::size_t off, std::size_t source,
                            Dissection& out) {
  const std::size_t end = frame.size();
  Field mgt = makeLayer("wlan.mgt", "IEEE 802.11 Wireless Management", off, end > off ? end - off : 0);

  auto withFixed = [&](std::size_t declared, auto&& body) {
    FixedFields ff(frame, off, declared, mgt, out);
    body(ff);
    return ff;
  };

  switch (h.subtype) {
    case mgmt::Beacon:
    case mgmt::ProbeResponse: {
      FixedFields ff = withFixed(12, [&](FixedFields& f) {
        if (f.take(8)) {
          std::uint64_t ts = 0;
          for (int i = 7; i >= 0; --i) ts = (ts << 8) | frame[f.at() + static_cast<std::size_t>(i)];
          f.tree().addUint("wlan.fixed.timestamp", fmt::format("Timestamp: {}", ts), ts, f.at(), 8);
        }
        if (f.take(2)) {
          const std::uint16_t bi = le16(frame, f.at());
          // 9.4.1.3: the interval is in TUs of 1024 µs.
          f.tree().addUint("wlan.fixed.beacon", fmt::format("Beacon Interval: {:.6f} [Seconds]", bi * 1024e-6), bi,
                           f.at(), 2);
        }
        if (f.take(2)) describeCapabilities(f.tree(), le16(frame, f.at()), f.at());
      });
      if (ff.ok()) describeTagged(frame, ff.offset(), true, mgt, out, ElementSender::AccessPoint);
      break;
    }
    case mgmt::ProbeRequest: describeTagged(frame, off, false, mgt, out, ElementSender::Station); break;
    case mgmt::AssociationRequest:
    case mgmt::ReassociationRequest: {
      const bool re = h.subtype == mgmt::ReassociationRequest;
      FixedFields ff = withFixed(re ? 10 : 4, [&](FixedFields& f) {
        if (f.take(2)) describeCapabilities(f.tree(), le16(frame, f.at()), f.at());
        if (f.take(2)) {
          const std::uint16_t li = le16(frame, f.at());
          f.tree().addUint("wlan.fixed.listen_ival", fmt::format("Listen Interval: {}", hexString(li, 4)), li, f.at(),
                           2, 4);
        }
        if (re && f.take(6)) addMac(f.tree(), "wlan.fixed.current_ap", "Current AP", frame, f.at());
      });
      if (ff.ok()) describeTagged(frame, ff.offset(), true, mgt, out, ElementSender::Station);
      break;
    }
    case mgmt::AssociationResponse:
    case mgmt::ReassociationResponse: {
      FixedFields ff = withFixed(6, [&](FixedFields& f) {
        if (f.take(2)) describeCapabilities(f.tree(), le16(frame, f.at()), f.at());
        if (f.take(2)) addStatus(f.tree(), le16(frame, f.at()), f.at());
        if (f.take(2)) {
          const std::uint16_t aid = le16(frame, f.at());
          // 9.4.1.8: bits 14-15 are set on the wire and are not part of the AID.
          addBits(f.tree(), "wlan.fixed.aid", fmt::format("Association ID: {}", hexString(aid & 0x3fff, 4)), aid,
                  0x3fff, 16, f.at(), 2, 4);
        }
      });
      if (ff.ok()) describeTagged(frame, ff.offset(), true, mgt, out, ElementSender::AccessPoint);
      break;
    }
    case mgmt::Disassociation:
    case mgmt::Deauthentication: {
      FixedFields ff = withFixed(2, [&](FixedFields& f) {
        if (f.take(2)) addReason(f.tree(), le16(frame, f.at()), f.at());
      });
      if (ff.ok()) describeTagged(frame, ff.offset(), false, mgt, out);
      break;
    }
    case mgmt::Authentication: {
      std::uint16_t alg = 0, seq = 0, status = 0;
      FixedFields ff = withFixed(6, [&](FixedFields& f) {
        if (f.take(2)) {
          alg = le16(frame, f.at());
          f.tree().addUint("wlan.fixed.auth.alg",
                           fmt::format("Authentication Algorithm: {} ({})", authAlgorithmName(alg), alg), alg, f.at(),
                           2);
        }
        if (f.take(2)) {
          seq = le16(frame, f.at());
          f.tree().addUint("wlan.fixed.auth_seq", fmt::format("Authentication SEQ: {}", hexString(seq, 4)), seq,
                           f.at(), 2, 4);
        }
        if (f.take(2)) {
          status = le16(frame, f.at());
          addStatus(f.tree(), status, f.at());
        }
        if (f.ok() && alg == auth_algorithm::Sae) describeSae(frame, f, seq, status);
      });
      if (alg == auth_algorithm::Sae) ff.finish(true);
      if (ff.ok()) describeTagged(frame, ff.offset(), false, mgt, out);
      break;
    }
    case mgmt::Action:
    case mgmt::ActionNoAck: describeActionBody(frame, off, end, mgt, out); break;
    default:
      // ATIM has an empty body; reserved subtypes are shown as data.
      if (h.subtype != mgmt::Atim && off < end) {
        out.addLayer(std::move(mgt), source);
        dissectData(PayloadContext{frame, off, source}, out);
        return;
      }
      break;
  }
  out.addLayer(std::move(mgt), source);
  // Seed-000 vendor-specific action frames get their own layer after wlan.mgt.
  if (h.subtype == mgmt::Action || h.subtype == mgmt::ActionNoAck)
    seed000::describeActionBody(frame, off, end, out, source);
}

}  // namespace rs::ieee80211::detail
