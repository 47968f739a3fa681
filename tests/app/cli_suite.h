// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the roamscope-cli suites share: running the built program (its path is
// ROAMSCOPE_CLI, which roamscope_add_cli_test in tests/app/CMakeLists.txt
// defines), the path of a preset scenario, and a written file's bytes.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include "tests/support/program_run.h"

namespace rs::test {

inline ProgramRun runCli(const QStringList& args) { return runProgram(QStringLiteral(ROAMSCOPE_CLI), args); }

// "mip-dynamic.json" -> its path in the source tree's resources/scenarios.
inline QString preset(const char* name) { return QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/") + name; }

// The file's bytes; empty when it cannot be read.
inline QByteArray contents(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace rs::test
