// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope: the desktop application. `roamscope [SCENARIO.json]`; with no
// argument it opens the demo scenario (resources/scenarios/wlan-8021x-seed000.json,
// ROAMSCOPE_RESOURCES overrides where resources/ is).
#include <QApplication>
#include <QCommandLineParser>

#include "core/version.h"
#include "ui/app/main_window.h"
#include "ui/app/resource_paths.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  // QSettings keys the layout and the last scenario by these names.
  QApplication::setOrganizationName(QStringLiteral("RoamScope"));
  QApplication::setApplicationName(QStringLiteral("roamscope"));
  QApplication::setApplicationVersion(QString::fromStdString(std::string(rs::versionString())));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("RoamScope: step through secure Wi-Fi handoffs in an emulated ESS"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("SCENARIO"),
                               QStringLiteral("scenario file (JSON); default: the demo scenario"), QStringLiteral("[SCENARIO]"));
  parser.process(app);

  rs::ui::MainWindow window;
  window.show();
  const QStringList arguments = parser.positionalArguments();
  // A scenario that fails to load leaves the window open with the error in the status bar.
  window.openScenario(arguments.isEmpty() ? rs::ui::demoScenarioPath() : arguments.front());
  return QApplication::exec();
}
