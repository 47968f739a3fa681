// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/resource_paths.h"

#include <QDir>

namespace rs::ui {

QString resourcesDirectory() {
  const QString fromEnvironment = qEnvironmentVariable("ROAMSCOPE_RESOURCES");
  if (!fromEnvironment.isEmpty()) return QDir::cleanPath(fromEnvironment);
  return QDir::cleanPath(QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources"));
}

QString scenariosDirectory() { return QDir(resourcesDirectory()).filePath(QStringLiteral("scenarios")); }

QString demoScenarioPath() { return QDir(scenariosDirectory()).filePath(QStringLiteral("wlan-8021x-seed000.json")); }

}  // namespace rs::ui
