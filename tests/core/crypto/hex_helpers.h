// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Hex literals and comparisons for the crypto known-answer tests.
#include <QString>
#include <QTest>

#include <string>
#include <string_view>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::test {

// Hex text (spaces/colons allowed) to bytes; an invalid literal fails loudly as empty.
inline Bytes hx(std::string_view text) {
  std::string compact;  // literals are wrapped freely, so spaces may fall inside an octet
  for (char c : text)
    if (c != ' ') compact += c;
  Bytes out;
  if (!parseHex(compact, out)) out.clear();
  return out;
}

inline QString hexOf(ByteView bytes) { return QString::fromStdString(toHex(bytes)); }
inline QString hexOf(std::string_view text) {
  Bytes b = hx(text);
  return QString::fromStdString(toHex(b));
}

inline MacAddress mac(std::string_view text) { return MacAddress::parse(text).value_or(MacAddress{}); }

}  // namespace rs::test

// Compares bytes with an expected hex literal, printing both as hex on failure.
#define RS_COMPARE_HEX(actual, expectedHex) QCOMPARE(rs::test::hexOf(actual), rs::test::hexOf(std::string_view(expectedHex)))
