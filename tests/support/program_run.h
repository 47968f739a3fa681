// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs one of the project's programs (roamscope-cli) for end-to-end tests.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rs::test {

struct ProgramRun {
  int exitCode = -1;  // -1: did not finish in time; -2: crashed
  QByteArray out;
  QByteArray err;
};

ProgramRun runProgram(const QString& program, const QStringList& args);

}  // namespace rs::test
