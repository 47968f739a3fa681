// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/program_run.h"

#include <QProcess>

namespace rs::test {

ProgramRun runProgram(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  ProgramRun r;
  if (!p.waitForFinished(120000)) {
    p.kill();
    p.waitForFinished();
    return r;
  }
  r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
  r.out = p.readAllStandardOutput();
  r.err = p.readAllStandardError();
  return r;
}

}  // namespace rs::test
