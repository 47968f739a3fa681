// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/elements/rsn_element.h"

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/ieee80211/elements/element_ids.h"

namespace rs::ieee80211 {
namespace {

SuiteSelector readSuite(ByteReader& r) {
  SuiteSelector s;
  s.oui = r.u24be();
  s.type = r.u8();
  return s;
}

void writeSuite(ByteWriter& w, SuiteSelector s) { w.u24be(s.oui).u8(s.type); }

// Reads "count (2, LE) + count suites"; nullopt (and r failed) if cut short.
std::optional<std::vector<SuiteSelector>> readSuiteList(ByteReader& r) {
  const std::uint16_t count = r.u16le();
  if (r.failed() || !r.has(std::size_t{count} * 4)) return std::nullopt;
  std::vector<SuiteSelector> list;
  list.reserve(count);
  for (std::uint16_t i = 0; i < count; ++i) list.push_back(readSuite(r));
  return list;
}

void writeSuiteList(ByteWriter& w, const std::vector<SuiteSelector>& list) {
  w.u16le(static_cast<std::uint16_t>(list.size()));
  for (const auto& s : list) writeSuite(w, s);
}

// Shared by RSNE and WPA1: group, pairwise list, AKM list, capabilities, each
// optional at the tail. Returns false when a field is cut in half.
template <typename Element>
bool parseCommonTail(ByteReader& r, Element& e) {
  if (r.empty()) return true;
  if (!r.has(4)) return false;
  e.groupCipher = readSuite(r);
  if (r.empty()) return true;
  e.pairwiseCiphers = readSuiteList(r);
  if (!e.pairwiseCiphers) return false;
  if (r.empty()) return true;
  e.akmSuites = readSuiteList(r);
  if (!e.akmSuites) return false;
  if (r.empty()) return true;
  e.capabilities = r.u16le();
  return !r.failed();
}

Bytes finishElement(std::uint8_t id, const Bytes& info) {
  ByteWriter w;
  w.u8(id).u8(static_cast<std::uint8_t>(std::min<std::size_t>(info.size(), 255)));
  w.bytes(ByteView(info).first(std::min<std::size_t>(info.size(), 255)));
  return w.take();
}

}  // namespace

std::optional<RsnElement> parseRsne(ByteView data) {
  ByteReader r(data);
  RsnElement e;
  e.version = r.u16le();
  if (r.failed() || !parseCommonTail(r, e)) return std::nullopt;
  if (!e.capabilities || r.empty()) return e;
  const std::uint16_t count = r.u16le();
  if (r.failed() || !r.has(std::size_t{count} * 16)) return std::nullopt;
  std::vector<Pmkid> pmkids(count);
  for (auto& p : pmkids) {
    const ByteView v = r.bytes(16);
    std::copy(v.begin(), v.end(), p.begin());
  }
  e.pmkids = std::move(pmkids);
  if (r.empty()) return e;
  if (!r.has(4)) return std::nullopt;
  e.groupManagementCipher = readSuite(r);
  // Octets after the Group Management Cipher Suite are reserved for extensions
  // (9.4.2.25.1); they do not make the element malformed.
  return e;
}

Bytes buildRsne(const RsnElement& e) {
  // The last present field decides how far the element goes.
  int last = 0;
  if (e.groupCipher) last = 1;
  if (e.pairwiseCiphers) last = 2;
  if (e.akmSuites) last = 3;
  if (e.capabilities) last = 4;
  if (e.pmkids) last = 5;
  if (e.groupManagementCipher) last = 6;

  ByteWriter w;
  w.u16le(e.version);
  if (last >= 1) writeSuite(w, e.groupCipher.value_or(cipher::kCcmp128));
  if (last >= 2) writeSuiteList(w, e.pairwiseCiphers.value_or(std::vector{cipher::kCcmp128}));
  if (last >= 3) writeSuiteList(w, e.akmSuites.value_or(std::vector{akm::kIeee8021x}));
  if (last >= 4) w.u16le(e.capabilities.value_or(0));
  if (last >= 5) {
    const std::vector<Pmkid> none;
    const auto& list = e.pmkids ? *e.pmkids : none;
    w.u16le(static_cast<std::uint16_t>(list.size()));
    for (const auto& p : list) w.bytes(p);
  }
  if (last >= 6) writeSuite(w, *e.groupManagementCipher);
  return finishElement(eid::kRsn, w.data());
}

std::optional<WpaElement> parseWpaElement(ByteView data) {
  ByteReader r(data);
  if (r.u24be() != kWfaOui || r.u8() != 1 || r.failed()) return std::nullopt;
  WpaElement e;
  e.version = r.u16le();
  if (r.failed() || !parseCommonTail(r, e)) return std::nullopt;
  return e;
}

Bytes buildWpaElement(const WpaElement& e) {
  int last = 0;
  if (e.groupCipher) last = 1;
  if (e.pairwiseCiphers) last = 2;
  if (e.akmSuites) last = 3;
  if (e.capabilities) last = 4;

  const SuiteSelector tkip{kWfaOui, 2};
  const SuiteSelector ieee8021x{kWfaOui, 1};
  ByteWriter w;
  w.u24be(kWfaOui).u8(1).u16le(e.version);
  if (last >= 1) writeSuite(w, e.groupCipher.value_or(tkip));
  if (last >= 2) writeSuiteList(w, e.pairwiseCiphers.value_or(std::vector{tkip}));
  if (last >= 3) writeSuiteList(w, e.akmSuites.value_or(std::vector{ieee8021x}));
  if (last >= 4) w.u16le(*e.capabilities);
  return finishElement(eid::kVendorSpecific, w.data());
}

}  // namespace rs::ieee80211
