// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Locating ../shared/fixtures for tests. Suites QSKIP with this message when a
// fixture is absent so the project's own suite passes on a bare checkout.
#include <QString>
#include <string>

namespace rs::test {

// Absolute path of a file below ../shared/fixtures ("captures/wpa.cap").
std::string fixturePath(const std::string& relative);
bool fixtureExists(const std::string& relative);

}  // namespace rs::test

// Skips the current test function when the fixture file is missing.
#define RS_REQUIRE_FIXTURE(rel)                                                         \
  do {                                                                                   \
    if (!rs::test::fixtureExists(rel))                                                   \
      QSKIP(qPrintable(QStringLiteral("fixture absent: ../shared/fixtures/") +            \
                       QString::fromStdString(std::string(rel))));                      \
  } while (0)
