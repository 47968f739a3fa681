// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope: the desktop application. `roamscope [SCENARIO.json]`; with no
// argument it opens the demo scenario (resources/scenarios/wlan-8021x-seed000.json,
// ROAMSCOPE_RESOURCES overrides where resources/ is).
#include <QApplication>
#include <QCommandLineParser>

#include "app/gui/screenshot.h"
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
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QStringLiteral("run the scenario to its end, save the window to FILE.png and quit"),
                                      QStringLiteral("FILE"));
  const QCommandLineOption select(QStringLiteral("select"),
                                  QStringLiteral("with --screenshot: select the first packet whose Info contains TEXT"),
                                  QStringLiteral("TEXT"), QStringLiteral("Authenticate PTK response"));
  parser.addOption(screenshot);
  parser.addOption(select);
  parser.process(app);

  rs::ui::MainWindow window;
  window.show();
  const QStringList arguments = parser.positionalArguments();
  // A scenario that fails to load leaves the window open with the error in the status bar.
  const bool loaded = window.openScenario(arguments.isEmpty() ? rs::ui::demoScenarioPath() : arguments.front());
  if (parser.isSet(screenshot)) {
    if (!loaded) return 2;
    window.resize(1600, 1000);
    rs::gui::takeScreenshotWhenFinished(window, parser.value(screenshot), parser.value(select));
  }
  return QApplication::exec();
}
