// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the desktop application finds roamscope-cli, which runs its sweeps in
// a child process (sweep_process.h). In order: the ROAMSCOPE_CLI environment
// variable (when set, it alone counts: a wrong value is an error, not a
// silent fallback), ../cli/roamscope-cli from the roamscope executable (the
// build tree lays out app/gui/roamscope and app/cli/roamscope-cli), the
// executable's own folder (an installed bin/), then PATH.
#include <QString>
#include <QStringList>

namespace rs::ui {

struct CliSearch {
  QString override;        // ROAMSCOPE_CLI; empty: not set
  QString applicationDir;  // QCoreApplication::applicationDirPath()
  QStringList pathDirs;    // PATH, split
  // The places of this process and its environment.
  static CliSearch fromEnvironment();
};

struct CliLocation {
  QString path;   // absolute; empty when not found
  QString error;  // when not found: where it looked and what to do
};

CliLocation locateRoamscopeCli(const CliSearch& search = CliSearch::fromEnvironment());

}  // namespace rs::ui
