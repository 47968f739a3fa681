// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope: the desktop application. `roamscope [SCENARIO.json | CAPTURE...]`;
// with no argument it opens the demo scenario (resources/scenarios/wlan-8021x-seed000.json,
// ROAMSCOPE_RESOURCES overrides where resources/ is). Several capture files are
// merged by timestamp.
#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>

#include "app/gui/screenshot.h"
#include "core/version.h"
#include "ui/app/decryption_keys.h"
#include "ui/app/main_window.h"
#include "ui/app/resource_paths.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  // QSettings keys the layout and the last scenario by these names.
  QApplication::setOrganizationName(QStringLiteral("RoamScope"));
  QApplication::setApplicationName(QStringLiteral("roamscope"));
  QApplication::setApplicationVersion(QString::fromStdString(std::string(rs::versionString())));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("RoamScope: step through secure Wi-Fi handoffs in an emulated ESS, or open captures and measure "
                     "every handoff in them"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("FILE"),
                               QStringLiteral("a scenario file (JSON), or capture files (pcap/pcapng; several are merged "
                                              "by timestamp); default: the demo scenario"),
                               QStringLiteral("[SCENARIO.json | CAPTURE...]"));
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QStringLiteral("run the scenario to its end (or read the captures), save the "
                                                     "window to FILE.png and quit"),
                                      QStringLiteral("FILE"));
  const QCommandLineOption select(QStringLiteral("select"),
                                  QStringLiteral("with --screenshot: select the first packet whose Info contains TEXT"),
                                  QStringLiteral("TEXT"), QStringLiteral("Authenticate PTK response"));
  const QCommandLineOption keys(QStringLiteral("keys"),
                                QStringLiteral("decrypt the captures with the keys of a Wireshark 80211_keys file (for "
                                               "this session; Edit > Decryption keys keeps them)"),
                                QStringLiteral("FILE"));
  parser.addOption(keys);
  parser.addOption(screenshot);
  parser.addOption(select);
  parser.process(app);

  rs::ui::MainWindow window;
  window.show();
  const QStringList arguments = parser.positionalArguments();
  if (parser.isSet(keys)) {
    rs::ui::DecryptionKeys fromFile;
    QString error;
    if (!fromFile.importWiresharkFile(parser.value(keys), error)) {
      std::fprintf(stderr, "roamscope: --keys: %s\n", error.toLocal8Bit().constData());
      return 2;
    }
    window.setDecryptionKeys(fromFile);
  }
  // A scenario that fails to load leaves the window open with the error in the status bar; unreadable
  // captures are reported there too once the others are read.
  const bool loaded = arguments.isEmpty() ? window.openScenario(rs::ui::demoScenarioPath()) : window.openPaths(arguments);
  if (parser.isSet(screenshot)) {
    if (!loaded) return 2;
    window.resize(1600, 1000);
    rs::gui::takeScreenshotWhenFinished(window, parser.value(screenshot), parser.value(select));
  }
  return QApplication::exec();
}
