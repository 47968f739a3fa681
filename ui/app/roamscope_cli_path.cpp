// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/roamscope_cli_path.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace rs::ui {
namespace {

#ifdef Q_OS_WIN
const QString kCliName = QStringLiteral("roamscope-cli.exe");
#else
const QString kCliName = QStringLiteral("roamscope-cli");
#endif

bool isExecutableFile(const QString& path) {
  const QFileInfo info(path);
  return info.isFile() && info.isExecutable();
}

QString whatToDo() {
  return QObject::tr(
      "Build it (cmake --build --preset release --target roamscope-cli), install it next to roamscope, or set "
      "ROAMSCOPE_CLI to its path.");
}

}  // namespace

CliSearch CliSearch::fromEnvironment() {
  CliSearch s;
  s.override = qEnvironmentVariable("ROAMSCOPE_CLI");
  s.applicationDir = QCoreApplication::applicationDirPath();
  s.pathDirs = qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
  return s;
}

CliLocation locateRoamscopeCli(const CliSearch& search) {
  if (!search.override.isEmpty()) {
    if (isExecutableFile(search.override)) return {QFileInfo(search.override).absoluteFilePath(), {}};
    return {{}, QObject::tr("roamscope-cli not found: ROAMSCOPE_CLI is %1, which is not an executable file. "
                            "Set ROAMSCOPE_CLI to the built roamscope-cli, or unset it to search next to roamscope "
                            "and on PATH.")
                    .arg(search.override)};
  }
  QStringList looked;
  const QDir appDir(search.applicationDir);
  for (const QString& candidate : {appDir.filePath(QStringLiteral("../cli/") + kCliName), appDir.filePath(kCliName)}) {
    const QString clean = QDir::cleanPath(candidate);
    if (isExecutableFile(clean)) return {QFileInfo(clean).absoluteFilePath(), {}};
    looked.append(clean);
  }
  for (const QString& dir : search.pathDirs) {
    const QString candidate = QDir(dir).filePath(kCliName);
    if (isExecutableFile(candidate)) return {QFileInfo(candidate).absoluteFilePath(), {}};
  }
  looked.append(QObject::tr("PATH"));
  return {{}, QObject::tr("roamscope-cli not found (looked in %1; ROAMSCOPE_CLI is not set). %2")
                  .arg(looked.join(QStringLiteral(", ")), whatToDo())};
}

}  // namespace rs::ui
