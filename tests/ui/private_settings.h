// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A private QSettings scope for a GUI suite: INI files in a temporary folder
// under its own organization and application names, so a suite neither reads
// nor changes a user's (or another suite's) layout, keys or recent files.
#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace rs::test {

// Call from initTestCase(); `dir` must outlive the suite (a member). False when the folder could not be made.
inline bool usePrivateSettings(const QTemporaryDir& dir, const QString& suite) {
  if (!dir.isValid()) return false;
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
  QCoreApplication::setOrganizationName(QStringLiteral("RoamScopeTest"));
  QCoreApplication::setApplicationName(suite);
  return true;
}

}  // namespace rs::test
