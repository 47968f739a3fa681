// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/elements/element_iterator.h"

#include "dissectors/ieee80211/elements/element_ids.h"

namespace rs::ieee80211 {

bool ElementIterator::next(ElementView& out) {
  if (failed_ || pos_ >= list_.size()) return false;
  const std::size_t start = pos_;
  if (list_.size() - start < 2) {
    failed_ = true;
    failureOffset_ = base_ + start;
    return false;
  }
  const std::uint8_t id = list_[start];
  const std::size_t length = list_[start + 1];
  // An extension element needs at least its Element ID Extension octet.
  if (list_.size() - start - 2 < length || (id == eid::kExtension && length == 0)) {
    failed_ = true;
    failureOffset_ = base_ + start;
    return false;
  }
  out = ElementView{};
  out.id = id;
  out.offset = base_ + start;
  ByteView info = list_.subspan(start + 2, length);
  if (id == eid::kExtension) {
    out.hasExtId = true;
    out.extId = info[0];
    info = info.subspan(1);
  }
  out.data = info;
  pos_ = start + 2 + length;
  return true;
}

std::optional<ElementView> findElement(ByteView list, std::uint8_t id) {
  std::optional<ElementView> found;
  forEachElement(list, [&](const ElementView& e) {
    if (e.id != id) return true;
    found = e;
    return false;
  });
  return found;
}

std::optional<ElementView> findExtensionElement(ByteView list, std::uint8_t extId) {
  std::optional<ElementView> found;
  forEachElement(list, [&](const ElementView& e) {
    if (!e.hasExtId || e.extId != extId) return true;
    found = e;
    return false;
  });
  return found;
}

std::optional<ElementView> findVendorElement(ByteView list, std::uint32_t oui, std::uint8_t type) {
  std::optional<ElementView> found;
  forEachElement(list, [&](const ElementView& e) {
    if (e.id != eid::kVendorSpecific || e.data.size() < 4) return true;
    const std::uint32_t o = (std::uint32_t{e.data[0]} << 16) | (std::uint32_t{e.data[1]} << 8) | e.data[2];
    if (o != oui || e.data[3] != type) return true;
    found = e;
    return false;
  });
  return found;
}

}  // namespace rs::ieee80211
