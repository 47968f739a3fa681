// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Display filters over the dissectors' field trees, in Wireshark's syntax for
// the common cases (STYLE.md #1: the field names are the contract):
//   eapol                               a protocol or field is present
//   radius.code == 2                    comparison: == != < <= > >= (eq ne lt le gt ge), contains
//   wlan.sa == 00:11:22:33:44:55        MAC addresses and other byte strings in colon hex
//   ip.src == 10.0.1.100                IPv4 addresses
//   eap.identity contains "alice"       strings in double quotes (or a bare word)
//   eapol && !(wlan.fc.retry == 1)      && || ! and and or not, parentheses
// A comparison holds when some occurrence of the field satisfies it; `!=`
// holds when the field is present and no occurrence equals the value
// (Wireshark 4's "all not equal"). Compiling reports the first error with its
// position; matching never throws.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "dissectors/common/dissection.h"

namespace rs {

struct FilterError {
  std::size_t position = 0;  // 0-based offset in the filter text
  std::string message;       // "expected a value after '=='"
};

class DisplayFilter {
 public:
  struct Node;  // the compiled expression (display_filter.cpp)

  static std::variant<DisplayFilter, FilterError> compile(std::string_view text);
  // The empty filter matches every frame.
  bool matches(const Dissection& dissection) const;
  bool empty() const { return root_ == nullptr; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::shared_ptr<const Node> root_;
};

}  // namespace rs
