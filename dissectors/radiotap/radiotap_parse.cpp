// SPDX-License-Identifier: GPL-3.0-or-later
// Radiotap parser: walks the chained presence bitmaps and decodes each field at
// its natural alignment. Namespace rules follow radiotap.org "Extended presence
// masks" and "Vendor namespace": bit 29 restarts the radiotap namespace for the
// next word, bit 30 switches to a vendor namespace whose data (skip_length
// bytes after the 6-byte vendor field) is skipped as one block.
#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/radiotap/radiotap.h"
#include "dissectors/radiotap/radiotap_layout.h"

namespace rs {
namespace {

using radiotap_layout::alignUp;
using radiotap_layout::kLayout;

void decodeField(unsigned bit, ByteView bytes, RadiotapFields& f) {
  ByteReader r(bytes);
  namespace b = radiotap_bit;
  switch (bit) {
    case b::kTsft: f.tsft = r.u64le(); break;
    case b::kFlags: f.flags = r.u8(); break;
    case b::kRate: f.rate = r.u8(); break;
    case b::kChannel: {
      RadiotapChannel c;
      c.frequency = r.u16le();
      c.flags = r.u16le();
      f.channel = c;
      break;
    }
    case b::kFhss: {
      RadiotapFhss h;
      h.hopSet = r.u8();
      h.hopPattern = r.u8();
      f.fhss = h;
      break;
    }
    case b::kDbmAntSignal: f.dbmAntennaSignal = static_cast<std::int8_t>(r.u8()); break;
    case b::kDbmAntNoise: f.dbmAntennaNoise = static_cast<std::int8_t>(r.u8()); break;
    case b::kLockQuality: f.lockQuality = r.u16le(); break;
    case b::kTxAttenuation: f.txAttenuation = r.u16le(); break;
    case b::kDbTxAttenuation: f.dbTxAttenuation = r.u16le(); break;
    case b::kDbmTxPower: f.dbmTxPower = static_cast<std::int8_t>(r.u8()); break;
    case b::kAntenna: f.antenna = r.u8(); break;
    case b::kDbAntSignal: f.dbAntennaSignal = r.u8(); break;
    case b::kDbAntNoise: f.dbAntennaNoise = r.u8(); break;
    case b::kRxFlags: f.rxFlags = r.u16le(); break;
    case b::kTxFlags: f.txFlags = r.u16le(); break;
    case b::kRtsRetries: f.rtsRetries = r.u8(); break;
    case b::kDataRetries: f.dataRetries = r.u8(); break;
    case b::kXChannel: {
      RadiotapXChannel x;
      x.flags = r.u32le();
      x.frequency = r.u16le();
      x.channel = r.u8();
      x.maxPower = r.u8();
      f.xChannel = x;
      break;
    }
    case b::kMcs: {
      RadiotapMcs m;
      m.known = r.u8();
      m.flags = r.u8();
      m.index = r.u8();
      f.mcs = m;
      break;
    }
    case b::kAmpduStatus: {
      RadiotapAmpduStatus a;
      a.reference = r.u32le();
      a.flags = r.u16le();
      a.delimiterCrc = r.u8();
      a.reserved = r.u8();
      f.ampduStatus = a;
      break;
    }
    case b::kVht: {
      RadiotapVht v;
      v.known = r.u16le();
      v.flags = r.u8();
      v.bandwidth = r.u8();
      for (auto& u : v.mcsNss) u = r.u8();
      v.coding = r.u8();
      v.groupId = r.u8();
      v.partialAid = r.u16le();
      f.vht = v;
      break;
    }
    case b::kTimestamp: {
      RadiotapTimestamp t;
      t.timestamp = r.u64le();
      t.accuracy = r.u16le();
      t.unitPosition = r.u8();
      t.flags = r.u8();
      f.timestamp = t;
      break;
    }
    case b::kHe: {
      RadiotapHe h;
      for (auto& d : h.data) d = r.u16le();
      f.he = h;
      break;
    }
    case b::kHeMu: {
      RadiotapHeMu m;
      m.flags1 = r.u16le();
      m.flags2 = r.u16le();
      for (auto& c : m.ruChannel1) c = r.u8();
      for (auto& c : m.ruChannel2) c = r.u8();
      f.heMu = m;
      break;
    }
    case b::kZeroLengthPsdu: f.zeroLengthPsdu = r.u8(); break;
    case b::kLsig: {
      RadiotapLsig l;
      l.data1 = r.u16le();
      l.data2 = r.u16le();
      f.lsig = l;
      break;
    }
    default: break;
  }
}

enum class Namespace { Radiotap, Vendor };

// State of one walk; methods return false when the walk must stop.
class Walker {
 public:
  Walker(ByteView frame, RadiotapHeader& h)
      : h_(h), avail_(std::min<std::size_t>(h.length, frame.size())), view_(frame.first(avail_)) {}

  void run(std::size_t dataStart) {
    off_ = dataStart;
    h_.namespaces.emplace_back();
    for (std::size_t wi = 0; wi < h_.presentWords.size(); ++wi) {
      const std::uint32_t w = h_.presentWords[wi];
      const bool toRadiotap = w & (1u << radiotap_bit::kRadiotapNamespace);
      const bool toVendor = w & (1u << radiotap_bit::kVendorNamespace);
      if (toRadiotap && toVendor) {
        fail(RadiotapError::BothNamespaces, 4 + 4 * wi);
        return;
      }
      if (ns_ == Namespace::Radiotap && !walkRadiotapWord(w)) return;
      const bool more = wi + 1 < h_.presentWords.size();
      if (toVendor) {
        if (!readVendorNamespace()) return;
        ns_ = Namespace::Vendor;
      } else if (toRadiotap) {
        ns_ = Namespace::Radiotap;
        bitBase_ = 0;
        if (more) h_.namespaces.emplace_back();
      } else {
        bitBase_ += 32;  // the next word continues this namespace
      }
    }
  }

 private:
  bool walkRadiotapWord(std::uint32_t w) {
    for (unsigned bit = 0; bit <= radiotap_bit::kTlv; ++bit) {
      if (!(w & (1u << bit))) continue;
      const unsigned absolute = bitBase_ + bit;
      if (absolute == radiotap_bit::kTlv) return readTlvs();
      if (absolute > radiotap_bit::kTlv || kLayout[absolute].alignment == 0) {
        // Size unknown: nothing after this bit can be located (radiotap.org
        // "Parsing rules"); the header length still finds the 802.11 frame.
        h_.stoppedAtUnknownField = true;
        h_.unknownBit = bit;
        return false;
      }
      const std::size_t at = alignUp(off_, kLayout[absolute].alignment);
      const std::size_t size = kLayout[absolute].size;
      if (at + size > avail_) return fail(RadiotapError::FieldOverrun, avail_);
      decodeField(absolute, view_.subspan(at, size), h_.namespaces.back());
      h_.spans.push_back({h_.namespaces.size() - 1, absolute, at, size});
      off_ = at + size;
    }
    return true;
  }

  // radiotap.org "TLV fields": 4-aligned type(2) length(2) data, padded to 4, up to it_len.
  bool readTlvs() {
    std::size_t at = alignUp(off_, 4);
    while (at < avail_) {
      if (at + 4 > avail_) return fail(RadiotapError::FieldOverrun, avail_);
      ByteReader r(view_.subspan(at, 4));
      RadiotapTlv t;
      t.type = r.u16le();
      t.length = r.u16le();
      t.offset = at;
      if (at + 4 + t.length > avail_) return fail(RadiotapError::FieldOverrun, avail_);
      h_.namespaces.back().tlvs.push_back(t);
      h_.spans.push_back({h_.namespaces.size() - 1, radiotap_bit::kTlv, at, 4u + t.length});
      at = alignUp(at + 4 + t.length, 4);
    }
    off_ = avail_;
    return false;  // TLVs run to the end of the header: no more fixed fields
  }

  bool readVendorNamespace() {
    const std::size_t at = alignUp(off_, radiotap_layout::kVendorNamespaceAlignment);
    if (at + radiotap_layout::kVendorNamespaceSize > avail_) return fail(RadiotapError::FieldOverrun, avail_);
    ByteReader r(view_.subspan(at, radiotap_layout::kVendorNamespaceSize), at);
    RadiotapVendorNamespace v;
    for (auto& o : v.oui) o = r.u8();
    v.subNamespace = r.u8();
    v.skipLength = r.u16le();
    v.headerOffset = at;
    v.dataOffset = at + radiotap_layout::kVendorNamespaceSize;
    if (v.dataOffset + v.skipLength > avail_) return fail(RadiotapError::FieldOverrun, avail_);
    h_.vendorNamespaces.push_back(v);
    off_ = v.dataOffset + v.skipLength;
    return true;
  }

  bool fail(RadiotapError e, std::size_t offset) {
    if (h_.error == RadiotapError::None) {  // a frame cut short is reported as such
      h_.error = e;
      h_.errorOffset = offset;
    }
    return false;
  }

  RadiotapHeader& h_;
  std::size_t avail_;
  ByteView view_;
  std::size_t off_ = 0;
  unsigned bitBase_ = 0;
  Namespace ns_ = Namespace::Radiotap;
};

}  // namespace

const RadiotapFields& RadiotapHeader::primary() const {
  static const RadiotapFields kEmpty;
  return namespaces.empty() ? kEmpty : namespaces.front();
}

bool RadiotapHeader::fcsAtEnd() const {
  const auto& f = primary().flags;
  return f && (*f & radiotap_flag::kFcsAtEnd);
}

bool RadiotapHeader::badFcs() const {
  const auto& f = primary().flags;
  return f && (*f & radiotap_flag::kBadFcs);
}

std::vector<std::int8_t> RadiotapHeader::allDbmAntennaSignals() const {
  std::vector<std::int8_t> out;
  for (const auto& ns : namespaces)
    if (ns.dbmAntennaSignal) out.push_back(*ns.dbmAntennaSignal);
  return out;
}

std::optional<RadiotapHeader> parseRadiotap(ByteView frame) {
  if (frame.size() < 8) return std::nullopt;
  ByteReader r(frame);
  RadiotapHeader h;
  h.version = r.u8();
  h.pad = r.u8();
  h.length = r.u16le();
  if (h.version != 0) {
    h.error = RadiotapError::BadVersion;
    h.errorOffset = 0;
    return h;
  }
  if (h.length < 8) {
    h.error = RadiotapError::LengthTooShort;
    h.errorOffset = 2;
    return h;
  }
  if (h.length > frame.size()) {
    h.error = RadiotapError::Truncated;
    h.errorOffset = frame.size();
  }
  const std::size_t avail = std::min<std::size_t>(h.length, frame.size());
  ByteReader words(frame.first(avail).subspan(4), 4);
  for (;;) {
    const std::uint32_t w = words.u32le();
    if (words.failed()) {
      if (h.error == RadiotapError::None) {
        h.error = RadiotapError::PresentOverrun;
        h.errorOffset = avail;
      }
      return h;
    }
    h.presentWords.push_back(w);
    if (!(w & (1u << radiotap_bit::kExt))) break;
  }
  Walker(frame, h).run(words.offset());
  return h;
}

std::optional<unsigned> channelFromFrequency(unsigned mhz) {
  if (mhz == 2484) return 14u;
  if (mhz > 2407 && mhz < 2484 && (mhz - 2407) % 5 == 0) return (mhz - 2407) / 5;
  if (mhz == 5935) return 2u;  // IEEE 802.11ax-2021 27.3.23.2: 6 GHz channel 2
  if (mhz > 5950 && mhz <= 7115 && (mhz - 5950) % 5 == 0) return (mhz - 5950) / 5;
  if (mhz > 5000 && mhz <= 5925 && (mhz - 5000) % 5 == 0) return (mhz - 5000) / 5;
  return std::nullopt;
}

}  // namespace rs
