// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture_walker.h"

#include <fstream>
#include <iterator>

#include "dissectors/common/byte_reader.h"

namespace rs::test {

PcapFile readPcap(const std::string& path) {
  PcapFile file;
  std::ifstream in(path, std::ios::binary);
  const Bytes all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ByteReader r(all);
  const std::uint32_t magic = r.u32le();
  if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
    file.error = "not a little-endian classic pcap file: " + path;
    return file;
  }
  r.skip(16);
  file.linkType = r.u32le();
  std::uint32_t number = 0;
  while (!r.empty()) {
    r.skip(8);
    const std::uint32_t caplen = r.u32le();
    r.skip(4);
    const ByteView data = r.bytes(caplen);
    if (r.failed()) {
      file.error = "truncated record after frame " + std::to_string(number);
      return file;
    }
    file.records.push_back(PcapRecord{++number, toBytes(data)});
  }
  return file;
}

namespace {

std::optional<std::size_t> macOffset(ByteView f, std::uint32_t linkType) {
  ByteReader r(f);
  switch (linkType) {
    case 105: return 0;
    case 127: r.skip(2); return r.failed() ? std::nullopt : std::optional<std::size_t>(r.u16le());
    case 119: r.skip(4); return r.failed() ? std::nullopt : std::optional<std::size_t>(r.u32le());  // Prism msglen
    default: return std::nullopt;
  }
}

// Fixed-field octets before the elements, per management subtype (IEEE 802.11-2016 9.3.3).
std::optional<std::size_t> fixedFields(unsigned subtype) {
  switch (subtype) {
    case 0: return 4;    // association request
    case 1: return 6;    // association response
    case 2: return 10;   // reassociation request
    case 3: return 6;    // reassociation response
    case 4: return 0;    // probe request
    case 5: return 12;   // probe response
    case 8: return 12;   // beacon
    case 10: return 2;   // disassociation
    case 12: return 2;   // deauthentication
    case 11: return 6;   // authentication (algorithm checked by the caller)
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<std::vector<ElementList>> locateElementLists(ByteView f, std::uint32_t linkType) {
  using ieee80211::ElementSender;
  std::vector<ElementList> lists;
  const auto mac = macOffset(f, linkType);
  if (!mac || *mac + 24 > f.size()) return lists;
  const std::uint8_t fc = f[*mac], flags = f[*mac + 1];
  const unsigned type = (fc >> 2) & 3, subtype = fc >> 4;
  if (flags & 0x40) return std::nullopt;  // protected: tshark may decrypt what we cannot
  if (type == 0) {
    const auto fixed = fixedFields(subtype);
    if (!fixed) return subtype == 9 ? std::optional(lists) : std::nullopt;
    const std::size_t header = 24 + ((flags & 0x80) ? 4 : 0);
    const std::size_t body = *mac + header;
    if (subtype == 11 && body + 2 <= f.size() && (f[body] | (f[body + 1] << 8)) == 3) return std::nullopt;  // SAE
    if (body + *fixed > f.size()) return lists;
    ElementSender sender = ElementSender::Unknown;
    if (subtype == 1 || subtype == 3 || subtype == 5 || subtype == 8) sender = ElementSender::AccessPoint;
    if (subtype == 0 || subtype == 2 || subtype == 4) sender = ElementSender::Station;
    lists.push_back(ElementList{body + *fixed, f.size(), false, sender});
    return lists;
  }
  if (type != 2) return lists;
  std::size_t header = 24;
  if ((flags & 0x03) == 0x03) header += 6;
  if (subtype & 0x08) header += 2 + ((flags & 0x80) ? 4 : 0);
  const std::size_t llc = *mac + header;
  static constexpr std::uint8_t kEapolSnap[] = {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x88, 0x8e};
  if (llc + 8 > f.size() || !std::equal(std::begin(kEapolSnap), std::end(kEapolSnap), f.begin() + static_cast<long>(llc)))
    return lists;
  const std::size_t eapol = llc + 8;
  // EAPOL header (4), descriptor type (1), Key Information (2) ... Key Data Length at +97 (IEEE 802.11-2016 12.7.2).
  if (eapol + 99 > f.size() || f[eapol + 1] != 3) return lists;
  const std::uint8_t descriptor = f[eapol + 4];
  const unsigned keyInfo = (f[eapol + 5] << 8) | f[eapol + 6];
  const std::size_t length = (f[eapol + 97] << 8) | f[eapol + 98];
  if (length == 0) return lists;
  if (descriptor == 2 && (keyInfo & 0x1000)) return lists;    // encrypted Key Data
  if (descriptor == 254 && !(keyInfo & 0x0008)) return lists;  // WPA1 group key: encrypted
  lists.push_back(ElementList{eapol + 99, std::min(f.size(), eapol + 99 + length), true, ElementSender::Unknown});
  return lists;
}

}  // namespace rs::test
