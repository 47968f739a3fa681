// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Zero-copy walk over a list of elements (IEEE 802.11-2016 9.4.2.1: Element ID,
// Length, Information; ID 255 carries an Element ID Extension as its first
// information octet). The walk stops safely at the first element that does not
// fit and reports the offset where it broke.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>

#include "dissectors/common/bytes.h"

namespace rs::ieee80211 {

struct ElementView {
  std::uint8_t id = 0;
  std::uint8_t extId = 0;     // valid when hasExtId (id 255)
  bool hasExtId = false;
  ByteView data;              // information octets (after the extension ID for id 255)
  std::size_t offset = 0;     // offset of the Element ID octet (base + position)
  std::size_t totalLength() const { return 2 + (hasExtId ? 1 : 0) + data.size(); }
};

class ElementIterator {
 public:
  // `base` is added to every reported offset (the list's position in its frame).
  explicit ElementIterator(ByteView list, std::size_t base = 0) : list_(list), base_(base) {}

  // Fills `out` with the next element; false at the end of the list or on overrun.
  bool next(ElementView& out);
  bool failed() const { return failed_; }
  // Offset of the element that ran past the end of the list (valid when failed()).
  std::size_t failureOffset() const { return failureOffset_; }
  // Offset just after the last complete element.
  std::size_t offset() const { return base_ + pos_; }

 private:
  ByteView list_;
  std::size_t base_ = 0;
  std::size_t pos_ = 0;
  bool failed_ = false;
  std::size_t failureOffset_ = 0;
};

struct ElementWalk {
  bool complete = true;        // false when an element ran past the end
  std::size_t stopOffset = 0;  // where the walk stopped (end of list or the broken element)
  std::size_t count = 0;       // complete elements visited
};

// Calls `visit(const ElementView&)` for each complete element. `visit` may
// return void, or bool (false stops the walk early, reported as complete).
template <typename Visitor>
ElementWalk forEachElement(ByteView list, Visitor&& visit, std::size_t base = 0) {
  ElementIterator it(list, base);
  ElementView e;
  ElementWalk walk;
  while (it.next(e)) {
    ++walk.count;
    if constexpr (std::is_same_v<decltype(visit(e)), bool>) {
      if (!visit(e)) {
        walk.stopOffset = it.offset();
        return walk;
      }
    } else {
      visit(e);
    }
  }
  walk.complete = !it.failed();
  walk.stopOffset = it.failed() ? it.failureOffset() : it.offset();
  return walk;
}

// The first element with this ID (and extension ID for 255) in a complete prefix of the list.
std::optional<ElementView> findElement(ByteView list, std::uint8_t id);
std::optional<ElementView> findExtensionElement(ByteView list, std::uint8_t extId);
// The first vendor-specific element with this OUI and (first data octet) type.
std::optional<ElementView> findVendorElement(ByteView list, std::uint32_t oui, std::uint8_t type);

}  // namespace rs::ieee80211
