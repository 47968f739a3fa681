// SPDX-License-Identifier: GPL-3.0-or-later
// The Scenario dock (docs/gui.md "Scenario view") on the offscreen platform:
// the layout of a preset (APs where the scenario puts them, the DS above,
// every link and the station's walk), the station's marker where the mobility
// model puts it at the run's virtual time, the association line on the AP the
// ground truth names before and after the seed-000 roam, the parameters found
// in the scenario, and the editor: a bad value shows the loader's error and
// keeps the current run, a good one rebuilds it, and a network that still
// fails to build brings the previous run back where it was.
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "core/sim/scenario.h"
#include "tests/ui/headless_wlan_run.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/main_window.h"
#include "ui/app/parameter_editor.h"
#include "ui/app/scenario_geometry.h"
#include "ui/app/scenario_parameters.h"
#include "ui/app/scenario_view.h"
#include "core/protocols/scenario_with_overrides.h"

using rs::ui::EmulationController;
using rs::ui::MainWindow;

namespace {

QString preset(const char* name) {
  return QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/%1.json").arg(QLatin1String(name));
}
constexpr rs::sim::SimTime kDuration = rs::sim::seconds(10);
constexpr int kRunTimeoutMs = 120000;

bool waitStopped(EmulationController& c) {
  return QTest::qWaitFor([&] { return !c.isRunning(); }, kRunTimeoutMs);
}

rs::sim::Scenario loadIndependently(const QString& path) {
  auto loaded = rs::sim::loadScenario(path.toStdString());
  return std::get<rs::sim::Scenario>(std::move(loaded));
}

// The scene point of the scenario's node `name`.
QPointF nodeAt(const rs::ui::ScenarioLayout& layout, const QString& name) {
  for (const auto& n : layout.nodes)
    if (n.name == name) return n.at;
  return {qQNaN(), qQNaN()};
}

rs::roam::HandoffRecord record(const char* sta, const char* ap, bool success, std::int64_t end) {
  rs::roam::HandoffRecord r;
  r.sta = *rs::MacAddress::parse(sta);
  r.to.bssid = *rs::MacAddress::parse(ap);
  r.success = success;
  if (!success) r.failure = rs::roam::Failure{"authentication", std::nullopt, "rejected"};
  r.endNs = end;
  return r;
}

}  // namespace

class TestScenarioView : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_scenario_view")));
  }

  // APs and the station where the scenario puts them (y up in the file, down on screen); the switch one
  // row above the APs, the servers a row above it; every link; the walk's waypoints.
  void layoutPlacesRadioNodesByPositionAndTheDsAboveThem() {
    const auto scenario = loadIndependently(preset("wlan-8021x-seed000"));
    const auto layout = rs::ui::layoutScenario(scenario);
    QCOMPARE(layout.nodes.size(), scenario.nodes.size());
    QCOMPARE(nodeAt(layout, QStringLiteral("ap2")), QPointF(50, 0));
    QCOMPARE(nodeAt(layout, QStringLiteral("sta")), QPointF(0, -4));
    const double apRow = nodeAt(layout, QStringLiteral("ap1")).y();
    const double dsRow = nodeAt(layout, QStringLiteral("ds")).y();
    QVERIFY(dsRow < -4 && dsRow < apRow);
    QVERIFY(nodeAt(layout, QStringLiteral("radius")).y() < dsRow);
    QCOMPARE(nodeAt(layout, QStringLiteral("ds")).x(), 50.0);  // centred over the APs
    QCOMPARE(layout.links.size(), scenario.links.size());
    QCOMPARE(layout.paths.size(), 1u);
    QCOMPARE(layout.paths[0].waypoints, QPolygonF({QPointF(0, -4), QPointF(100, -4)}));
    for (const auto& n : layout.nodes) QVERIFY2(layout.bounds.contains(n.at), qPrintable(n.name));
  }

  // The association at t is the last successful join or roam completed by t; failures change nothing.
  void associationIsTheLastSuccessfulAttemptCompletedByThen() {
    const std::vector<rs::roam::HandoffRecord> records{
        record("02:00:00:00:01:00", "02:00:00:00:00:01", true, 100),
        record("02:00:00:00:01:00", "02:00:00:00:00:03", false, 300),
        record("02:00:00:00:01:00", "02:00:00:00:00:02", true, 500),
    };
    const auto sta = *rs::MacAddress::parse("02:00:00:00:01:00");
    QVERIFY(rs::ui::associationsAt(records, 99).empty());
    QCOMPARE(rs::ui::associationsAt(records, 100).at(sta), *rs::MacAddress::parse("02:00:00:00:00:01"));
    QCOMPARE(rs::ui::associationsAt(records, 400).at(sta), *rs::MacAddress::parse("02:00:00:00:00:01"));
    QCOMPARE(rs::ui::associationsAt(records, 500).at(sta), *rs::MacAddress::parse("02:00:00:00:00:02"));
    // In progress: opened, neither completed nor failed.
    QVERIFY(rs::ui::attemptsInProgress(records).empty());
    auto open = record("02:00:00:00:01:00", "02:00:00:00:00:03", false, 600);
    open.failure.reset();
    auto withOpen = records;
    withOpen.push_back(open);
    QCOMPARE(rs::ui::attemptsInProgress(withOpen).at(sta), *rs::MacAddress::parse("02:00:00:00:00:03"));
  }

  // The marker sits where the mobility model puts the station at the run's time, and the association line
  // goes to ap1 before the seed-000 roam and to ap2, the AP the ground truth names, after it.
  void stationAndAssociationFollowTheRun() {
    const auto scenario = loadIndependently(preset("wlan-psk-seed000"));
    const rs::sim::WaypointPath& walk = scenario.mobility.at(0).path;
    MainWindow w;
    EmulationController& c = w.controller();
    c.setDurationOverride(kDuration);
    QVERIFY(w.openScenario(preset("wlan-psk-seed000")));
    rs::ui::ScenarioView& view = *w.scenarioView();
    QCOMPARE(*view.stationPosition(QStringLiteral("sta")), rs::ui::toScene(walk.position(0)));
    QVERIFY(!view.associatedAp(QStringLiteral("sta")).has_value());  // not joined yet

    // Just before the roam's first re-association message: walking, still on ap1.
    c.runToBreakpoint(QStringLiteral("Authenticate PTK request"));
    QVERIFY(waitStopped(c));
    QVERIFY(c.now() > rs::sim::seconds(2));
    QCOMPARE(*view.stationPosition(QStringLiteral("sta")), rs::ui::toScene(walk.position(c.now())));
    QCOMPARE(view.associatedAp(QStringLiteral("sta")).value_or(QString()), QStringLiteral("ap1"));
    const auto before = *view.associationLine(QStringLiteral("sta"));
    QCOMPARE(before.p1(), rs::ui::toScene(walk.position(c.now())));
    QCOMPARE(before.p2(), QPointF(0, 0));  // ap1 at (0, 0)
    // The seed-000 roam to ap2 is under way (its Open System authentication opened the attempt).
    QVERIFY(!c.handoffs().back().success && !c.handoffs().back().failure);
    QCOMPARE(c.handoffs().back().to.bssid, scenario.nodes[*c.topology()->find("ap2")].mac);
    QCOMPARE(view.attemptTarget(QStringLiteral("sta")).value_or(QString()), QStringLiteral("ap2"));

    c.runToEnd();
    QVERIFY(waitStopped(c));
    QVERIFY(c.isFinished());
    QCOMPARE(*view.stationPosition(QStringLiteral("sta")), rs::ui::toScene(walk.position(kDuration)));
    // Ground truth: the last successful record's target.
    const auto& records = c.handoffs();
    QVERIFY(records.size() >= 2);
    QVERIFY(records.back().success);
    QCOMPARE(records.back().to.bssid, scenario.nodes[*w.controller().topology()->find("ap2")].mac);
    QCOMPARE(view.associatedAp(QStringLiteral("sta")).value_or(QString()), QStringLiteral("ap2"));
    QCOMPARE(view.associationLine(QStringLiteral("sta"))->p2(), QPointF(50, 0));
    QVERIFY(!view.attemptTarget(QStringLiteral("sta")).has_value());  // nothing under way at the end
  }

  // The key parameters come from the scenario itself, with its values.
  void parametersAreFoundInTheScenario() {
    const auto scenario = loadIndependently(preset("wlan-8021x-pmk-cache"));
    const auto parameters = rs::ui::keyParameters(scenario);
    std::map<QString, rs::ui::ScenarioParameter> byKey;
    for (const auto& p : parameters) byKey.emplace(p.key, p);
    QCOMPARE(byKey.at(QStringLiteral("handoff")).value, QStringLiteral("pmk-cache"));
    QCOMPARE(byKey.at(QStringLiteral("security")).value, QStringLiteral("eap-tls"));
    QCOMPARE(byKey.at(QStringLiteral("radius_delay_us")).value, QStringLiteral("1000"));
    QCOMPARE(byKey.at(QStringLiteral("radius_delay_us")).paths, std::vector<std::string>{"links.ds-radius.delay_us"});
    QCOMPARE(byKey.at(QStringLiteral("ap_delay_us")).paths.size(), 3u);
    QCOMPARE(byKey.at(QStringLiteral("speed_mps")).value, QStringLiteral("5"));
    QCOMPARE(byKey.at(QStringLiteral("speed_mps")).paths.size(), 2u);  // both legs of the walk
    QCOMPARE(byKey.at(QStringLiteral("duration_s")).value, QStringLiteral("60"));
    QCOMPARE(byKey.at(QStringLiteral("seed")).value, QStringLiteral("1"));
    QCOMPARE(byKey.at(QStringLiteral("threshold_dbm")).value, QStringLiteral("-65"));
    // Each parameter's overrides load (the values written back unchanged).
    for (const auto& p : parameters) {
      const auto loaded = rs::protocols::loadScenarioWithOverrides(preset("wlan-8021x-pmk-cache").toStdString(), p.overrides(p.value));
      QVERIFY2(std::holds_alternative<rs::sim::Scenario>(loaded), qPrintable(p.key));
    }
  }

  // A value the loader rejects: its error under the field, Apply refuses, the run goes on untouched.
  void badParameterShowsTheErrorAndKeepsTheRun() {
    MainWindow w;
    EmulationController& c = w.controller();
    c.setDurationOverride(kDuration);
    QVERIFY(w.openScenario(preset("wlan-psk-seed000")));
    for (int i = 0; i < 50; ++i) c.stepEvent();
    const std::size_t frames = c.frameCount();
    rs::ui::ParameterEditor& editor = *w.parameterEditor();
    QVERIFY(editor.setValue(QStringLiteral("radius_delay_us"), QStringLiteral("-5")));
    QVERIFY(editor.errorText(QStringLiteral("radius_delay_us")).contains(QStringLiteral("/links/3/delay_us")));
    QVERIFY(editor.setValue(QStringLiteral("speed_mps"), QStringLiteral("fast")));
    QVERIFY(editor.errorText(QStringLiteral("speed_mps")).contains(QStringLiteral("speed_mps")));
    QVERIFY(editor.errorText(QStringLiteral("handoff")).isEmpty());
    QVERIFY(!editor.apply());
    QCOMPARE(c.executedEvents(), 50u);
    QCOMPARE(c.frameCount(), frames);
    QVERIFY(c.scenarioOverrides().empty());
    // The controller refuses the same values on its own too.
    QSignalSpy errors(&c, &EmulationController::errorOccurred);
    QVERIFY(!c.loadWithOverrides(c.scenarioPath(), {{"methods.wlan.handoff", "teleport"}}));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors[0][0].toString().contains(QStringLiteral("/methods/wlan/handoff")));
    QCOMPARE(c.executedEvents(), 50u);
    c.stepEvent();
    QCOMPARE(c.executedEvents(), 51u);  // still the same run, still stepping
  }

  // Good values rebuild the run at time zero with them; Reset keeps them.
  void goodParametersRebuildTheRun() {
    MainWindow w;
    EmulationController& c = w.controller();
    c.setDurationOverride(kDuration);
    QVERIFY(w.openScenario(preset("wlan-psk-seed000")));
    for (int i = 0; i < 50; ++i) c.stepEvent();
    rs::ui::ParameterEditor& editor = *w.parameterEditor();
    QVERIFY(editor.setValue(QStringLiteral("handoff"), QStringLiteral("full")));
    QVERIFY(editor.setValue(QStringLiteral("speed_mps"), QStringLiteral("10")));
    QVERIFY(editor.errorText(QStringLiteral("handoff")).isEmpty());
    QVERIFY(editor.apply());
    QCOMPARE(c.executedEvents(), 0u);
    QCOMPARE(c.scenario()->methods["wlan"]["handoff"].get<std::string>(), std::string("full"));
    QCOMPARE(c.scenario()->mobility.at(0).path.waypoints().at(1).speedMps, 10.0);
    QCOMPARE(editor.value(QStringLiteral("handoff")), QStringLiteral("full"));  // the new run's values
    QCOMPARE(editor.value(QStringLiteral("speed_mps")), QStringLiteral("10"));
    c.reset();
    QCOMPARE(c.scenario()->methods["wlan"]["handoff"].get<std::string>(), std::string("full"));
    c.runToEnd();
    QVERIFY(waitStopped(c));
    // At 10 m/s the roam comes sooner and uses the full method (PSK: Open System, reassociation, 4-way).
    QVERIFY(c.handoffs().size() >= 2);
    QCOMPARE(c.handoffs()[1].method, rs::roam::Method::Psk);
    QCOMPARE(*w.scenarioView()->stationPosition(QStringLiteral("sta")),
             rs::ui::toScene(c.scenario()->mobility.at(0).path.position(kDuration)));
  }

  // Values every check accepts but the network rejects (802.1X without an authentication server): the
  // previous run comes back where it was.
  void aNetworkThatFailsToBuildBringsThePreviousRunBack() {
    QTemporaryDir dir;
    QFile in(preset("wlan-psk-seed000"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    auto doc = nlohmann::json::parse(in.readAll().toStdString());
    auto& nodes = doc["nodes"];
    nodes.erase(std::remove_if(nodes.begin(), nodes.end(), [](const auto& n) { return n["name"] == "radius"; }), nodes.end());
    auto& links = doc["links"];
    links.erase(std::remove_if(links.begin(), links.end(), [](const auto& l) { return l["name"] == "ds-radius"; }), links.end());
    for (auto& point : doc["capture_points"])
      if (point.contains("links")) {
        auto& l = point["links"];
        l.erase(std::remove(l.begin(), l.end(), "ds-radius"), l.end());
      }
    doc["profile"]["file"] = ROAMSCOPE_SOURCE_DIR "/resources/profiles/reference.json";
    const QString path = dir.filePath(QStringLiteral("no-radius.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(doc.dump(2)));
    out.close();

    MainWindow w;
    EmulationController& c = w.controller();
    c.setDurationOverride(kDuration);
    QVERIFY(w.openScenario(path));
    for (int i = 0; i < 40; ++i) c.stepEvent();
    const auto time = c.now();
    const auto frames = c.frameCount();
    QSignalSpy errors(&c, &EmulationController::errorOccurred);
    rs::ui::ParameterEditor& editor = *w.parameterEditor();
    QVERIFY(editor.setValue(QStringLiteral("security"), QStringLiteral("eap-tls")));
    QVERIFY(editor.errorText(QStringLiteral("security")).isEmpty());  // the loader and the settings accept it
    QVERIFY(!editor.apply());
    QCOMPARE(editor.value(QStringLiteral("security")), QStringLiteral("eap-tls"));  // kept for correction
    QVERIFY(!errors.isEmpty());
    QVERIFY(errors[0][0].toString().contains(QStringLiteral("authentication-server")));
    QVERIFY(c.isLoaded());
    QCOMPARE(c.executedEvents(), 40u);
    QCOMPARE(c.now(), time);
    QCOMPARE(c.frameCount(), frames);
    QCOMPARE(c.scenario()->methods["wlan"]["security"].get<std::string>(), std::string("psk"));
  }

 private:
  QTemporaryDir settingsDir_;
};

RS_OFFSCREEN_TEST_MAIN(TestScenarioView)
#include "tst_scenario_view.moc"
