// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/test_bytes.h"

#include <QtGlobal>

namespace rs::test {

Bytes hexBytes(const char* text) {
  Bytes out;
  if (!parseHex(text, out)) qFatal("bad hex literal in test: %s", text);
  return out;
}

Bytes concat(Bytes first, const Bytes& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

Bytes nullDataFrame() {
  return hexBytes("48 01 3a 01 02 00 00 00 00 00 02 00 00 00 02 00 02 00 00 00 00 00 10 00");
}

}  // namespace rs::test
