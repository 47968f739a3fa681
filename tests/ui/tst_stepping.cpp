// SPDX-License-Identifier: GPL-3.0-or-later
// Stepping and breakpoints of the desktop application's emulation controller
// (docs/gui.md "Stepping and breakpoints"), on 10 s of the WLAN presets, each
// checked against the same preset run headless (headless_wlan_run.h): a run to
// completion and single steps, step to the next frame of a protocol, node,
// label and key-event breakpoints, disabled breakpoints, the Breakpoints dock,
// and pacing at a speed factor against an injected wall clock (no timing is
// asserted: the fake clock decides how far a paced run may go).
#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "tests/ui/headless_wlan_run.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/breakpoint_pane.h"
#include "ui/app/breakpoints.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_list_model.h"
#include "ui/app/run_pacer.h"

using rs::ui::Breakpoint;
using rs::ui::EmulationController;
using rs::ui::KeyEventKind;
using rs::ui::PacketListModel;

namespace {

QString preset(const char* name) {
  return QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/%1.json").arg(QLatin1String(name));
}
// Long enough for the join and the first roam (about 7.3 s), short enough for a quick test.
constexpr rs::sim::SimTime kDuration = rs::sim::seconds(10);
// Runs are sliced on the event loop: generous, so a loaded CI machine does not fail the test.
constexpr int kRunTimeoutMs = 120000;

bool load(EmulationController& c, const QString& path) {
  c.setDurationOverride(kDuration);
  return c.load(path);
}

bool waitStopped(EmulationController& c) {
  return QTest::qWaitFor([&] { return !c.isRunning(); }, kRunTimeoutMs);
}

std::uint8_t bitOf(KeyEventKind kind) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind)); }

}  // namespace

class TestStepping : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_stepping")));
  }

  // The acceptance of issue #5: one preset run to completion, another stepped one event at a time.
  void runsOnePresetToTheEndAndStepsAnotherOneEventAtATime() {
    const auto headlessA = rs::test::runHeadless(preset("wlan-psk-seed000"), kDuration);
    const auto headlessB = rs::test::runHeadless(preset("wlan-8021x-pmk-cache"), kDuration);
    QVERIFY(!headlessA.frames.empty() && !headlessB.frames.empty());

    EmulationController c;
    QVERIFY(load(c, preset("wlan-psk-seed000")));
    c.runToEnd();
    QVERIFY(waitStopped(c));
    QVERIFY(c.isFinished());
    QCOMPARE(c.now(), kDuration);
    QCOMPARE(c.frameCount(), headlessA.frames.size());
    QCOMPARE(c.executedEvents(), headlessA.eventTimes.size());
    QCOMPARE(c.handoffs().size(), headlessA.records.size());

    QVERIFY(load(c, preset("wlan-8021x-pmk-cache")));
    QCOMPARE(c.executedEvents(), 0u);
    rs::sim::SimTime last = c.now();
    for (std::size_t i = 0; i < 400; ++i) {
      const auto next = c.nextEvent();
      QVERIFY(next.has_value());
      QCOMPARE(next->time, headlessB.eventTimes[i]);
      c.stepEvent();
      QCOMPARE(c.executedEvents(), i + 1);  // exactly one event per step
      QCOMPARE(c.now(), next->time);
      QVERIFY(c.now() >= last);  // virtual time never goes back
      last = c.now();
      QVERIFY(!c.isRunning());
    }
    // The frames so far are the headless run's first frames, byte for byte.
    QVERIFY(c.frameCount() > 0);
    for (std::size_t i = 0; i < c.frameCount(); ++i) QVERIFY(c.frames()[i].bytes == headlessB.frames[i].bytes);
  }

  // Each step to a protocol stops with the first frame of that protocol after where it started as the last
  // frame shown, right after the event that recorded it; frames that event recorded later wait for the next step.
  void stepToProtocolStopsRightAfterTheNextFrameOfThatProtocol() {
    const auto headless = rs::test::runHeadless(preset("wlan-8021x-seed000"), kDuration);
    QVERIFY(!headless.frames.empty());
    EmulationController c;
    QVERIFY(load(c, preset("wlan-8021x-seed000")));
    rs::ui::PacketListModel model(&c);
    QSignalSpy reached(&c, &EmulationController::protocolReached);
    for (int i = 0; i < 20; ++i) c.stepEvent();
    // The join's 802.1X, then the seed-000 roam's pre-authentication, re-association and Layer 2 Update.
    const QStringList sequence{QStringLiteral("EAPOL"),   QStringLiteral("EAP"),     QStringLiteral("RADIUS"),
                               QStringLiteral("eapol"),   QStringLiteral("SEED000"), QStringLiteral("SEED000"),
                               QStringLiteral("LLC"),     QStringLiteral("UDP"),     QStringLiteral("802.11")};
    for (const QString& protocol : sequence) {
      const std::size_t start = c.frameCount();
      std::size_t expected = start;
      while (expected < headless.frames.size() &&
             QString::fromStdString(headless.frames[expected].protocol).compare(protocol, Qt::CaseInsensitive) != 0)
        ++expected;
      QVERIFY2(expected < headless.frames.size(), qPrintable(protocol));
      reached.clear();
      c.stepToProtocol(protocol);
      QVERIFY(waitStopped(c));
      QCOMPARE(reached.size(), 1);
      QCOMPARE(reached[0][1].toLongLong(), static_cast<qint64>(expected));
      QCOMPARE(c.frameCount(), expected + 1);
      QCOMPARE(model.rowCount(), static_cast<int>(expected + 1));
      QCOMPARE(model.index(static_cast<int>(expected), PacketListModel::Protocol).data().toString().toUpper(),
               protocol.toUpper());
      QCOMPARE(c.executedEvents(), headless.frames[expected].event);  // stopped right after its event
    }
    // A single step shows the frames the last event recorded after the match.
    c.stepEvent();
    QCOMPARE(c.frameCount(), c.frames().size());
    // A protocol that never comes runs to the end and says so.
    QSignalSpy errors(&c, &EmulationController::errorOccurred);
    c.stepToProtocol(QStringLiteral("ISAKMP"));
    QVERIFY(waitStopped(c));
    QVERIFY(c.isFinished());
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors[0][0].toString().contains(QStringLiteral("ISAKMP")));
  }

  // Two capture points on one channel record each of its frames twice in the same event: the step stops with
  // the first copy as the last frame shown, the second waits for the next step.
  void stepToProtocolHoldsFramesItsEventRecordedAfterTheMatch() {
    QTemporaryDir dir;
    QFile in(preset("wlan-psk-seed000"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    auto doc = nlohmann::json::parse(in.readAll().toStdString());
    doc["capture_points"].insert(doc["capture_points"].begin() + 1,
                                 nlohmann::json{{"name", "air-ch1-again"}, {"medium", "ch1"}, {"position", {0, 0}}});
    doc["profile"]["file"] = ROAMSCOPE_SOURCE_DIR "/resources/profiles/reference.json";
    const QString path = dir.filePath(QStringLiteral("twice.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(doc.dump()));
    out.close();
    const auto headless = rs::test::runHeadless(path, kDuration);
    std::size_t first = 0;
    while (first < headless.frames.size() && headless.frames[first].protocol != "EAPOL") ++first;
    QVERIFY(first + 1 < headless.frames.size());
    QCOMPARE(headless.frames[first + 1].event, headless.frames[first].event);  // the copy, same event
    QCOMPARE(headless.frames[first + 1].protocol, std::string("EAPOL"));

    EmulationController c;
    QVERIFY(load(c, path));
    rs::ui::PacketListModel model(&c);
    c.stepToProtocol(QStringLiteral("EAPOL"));
    QVERIFY(waitStopped(c));
    QCOMPARE(c.frameCount(), first + 1);
    QCOMPARE(model.rowCount(), static_cast<int>(first + 1));
    QVERIFY(c.frames().size() > first + 1);  // recorded, not shown yet
    // The next step shows the held copy and stops after the next EAPOL frame it records.
    c.stepToProtocol(QStringLiteral("EAPOL"));
    QVERIFY(waitStopped(c));
    QVERIFY(c.frameCount() > first + 2);
    c.stepEvent();
    QCOMPARE(model.rowCount(), static_cast<int>(c.frames().size()));
  }

  // A node breakpoint stops before the first event at that node, and Run moves on to the next one.
  void nodeBreakpointStopsBeforeAnEventAtThatNode() {
    const auto headless = rs::test::runHeadless(preset("wlan-8021x-seed000"), kDuration);
    const auto radius = headless.topology.find("radius");
    QVERIFY(radius.has_value());
    std::vector<std::size_t> atRadius;  // events (0-based) that run at the RADIUS server
    for (std::size_t i = 0; i < headless.eventNodes.size(); ++i)
      if (headless.eventNodes[i] == *radius) atRadius.push_back(i);
    QVERIFY(atRadius.size() >= 2);

    EmulationController c;
    QVERIFY(load(c, preset("wlan-8021x-seed000")));
    c.setBreakpoints({Breakpoint{Breakpoint::Kind::Node, QStringLiteral("radius")}});
    QSignalSpy hit(&c, &EmulationController::breakpointHit);
    c.runToEnd();
    QVERIFY(waitStopped(c));
    QCOMPARE(hit.size(), 1);
    QVERIFY(hit[0][0].toString().contains(QStringLiteral("stopped before")));
    QCOMPARE(c.executedEvents(), atRadius[0]);  // every event before it ran, it did not
    QCOMPARE(c.nextEvent()->descriptor.node, *radius);
    c.runToEnd();
    QVERIFY(waitStopped(c));
    QCOMPARE(c.executedEvents(), atRadius[1]);
    QCOMPARE(hit.size(), 2);
  }

  // A breakpoint set while a run is in progress stops it (the run is held at t = 0 by a paced speed and a
  // wall clock that does not move, then released).
  void breakpointSetDuringARunApplies() {
    const auto headless = rs::test::runHeadless(preset("wlan-8021x-seed000"), kDuration);
    const auto radius = headless.topology.find("radius");
    std::size_t firstAtRadius = 0;
    while (headless.eventNodes[firstAtRadius] != *radius) ++firstAtRadius;
    EmulationController c;
    c.setWallClock([] { return std::int64_t{0}; });
    QVERIFY(load(c, preset("wlan-8021x-seed000")));
    c.setSpeed(1.0);
    QSignalSpy state(&c, &EmulationController::stateChanged);
    c.runToEnd();
    QVERIFY(QTest::qWaitFor([&] { return state.size() >= 3; }, kRunTimeoutMs));
    QVERIFY(c.isRunning());
    c.setBreakpoints({Breakpoint{Breakpoint::Kind::Node, QStringLiteral("radius")}});
    c.setSpeed(0);
    QVERIFY(waitStopped(c));
    QCOMPARE(c.executedEvents(), firstAtRadius);
  }

  // Several breakpoints at once: the first that matches stops the run.
  void severalBreakpointsStopAtTheFirstMatch() {
    const auto headless = rs::test::runHeadless(preset("wlan-psk-seed000"), kDuration);
    const auto ap3 = headless.topology.find("ap3");
    QVERIFY(ap3.has_value());
    std::size_t firstAp3 = 0;
    while (headless.eventNodes[firstAp3] != *ap3) ++firstAp3;
    EmulationController c;
    QVERIFY(load(c, preset("wlan-psk-seed000")));
    c.setBreakpoints({Breakpoint{Breakpoint::Kind::Label, QStringLiteral("Authenticate PTK request")},
                      Breakpoint{Breakpoint::Kind::Node, QStringLiteral("ap3")}});
    c.runToEnd();
    QVERIFY(waitStopped(c));
    QCOMPARE(c.executedEvents(), firstAp3);  // ap3's first beacon comes long before the roam
    // Without the node breakpoint the label one stops the run.
    c.setBreakpoints({Breakpoint{Breakpoint::Kind::Label, QStringLiteral("Authenticate PTK request")},
                      Breakpoint{Breakpoint::Kind::Node, QStringLiteral("ap3"), KeyEventKind::Derivation, false}});
    c.runToEnd();
    QVERIFY(waitStopped(c));
    QVERIFY(std::string(c.nextEvent()->descriptor.label).find("Authenticate PTK request") != std::string::npos);
  }

  // A key-event breakpoint stops right after the event whose trace derived/installed a key.
  void keyEventBreakpointStopsRightAfterTheKeyTrace_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("derivation") << static_cast<int>(KeyEventKind::Derivation);
    QTest::newRow("install") << static_cast<int>(KeyEventKind::Install);
    // The old AP forgets the station (and its PTKSA) when the new AP's Layer 2 Update reaches it.
    QTest::newRow("discard") << static_cast<int>(KeyEventKind::Discard);
  }
  void keyEventBreakpointStopsRightAfterTheKeyTrace() {
    QFETCH(int, kind);
    const auto keyKind = static_cast<KeyEventKind>(kind);
    const auto headless = rs::test::runHeadless(preset("wlan-8021x-seed000"), kDuration);
    std::size_t first = 0;
    while (first < headless.trace.size() && !(rs::ui::keyEventKinds(headless.trace[first].event) & bitOf(keyKind))) ++first;
    QVERIFY(first < headless.trace.size());

    EmulationController c;
    QVERIFY(load(c, preset("wlan-8021x-seed000")));
    c.setBreakpoints({Breakpoint{Breakpoint::Kind::KeyEvent, {}, keyKind}});
    QSignalSpy hit(&c, &EmulationController::breakpointHit);
    c.runToEnd();
    QVERIFY(waitStopped(c));
    QCOMPARE(hit.size(), 1);
    QVERIFY(hit[0][0].toString().contains(QStringLiteral("stopped after")));
    QVERIFY(hit[0][0].toString().contains(QString::fromStdString(headless.trace[first].event.text)));
    QVERIFY(c.traceEvents().size() > first);
    QCOMPARE(c.traceEvents()[first].text, headless.trace[first].event.text);
    QCOMPARE(c.executedEvents(), headless.trace[first].eventCount);  // the event that traced it ran, no other
    QCOMPARE(c.now(), headless.trace[first].event.time);
    // Nothing of the trace's later events ran.
    QCOMPARE(c.traceEvents().size(),
             static_cast<std::size_t>(std::count_if(headless.trace.begin(), headless.trace.end(), [&](const auto& t) {
               return t.eventCount <= headless.trace[first].eventCount;
             })));
  }

  // Disabled breakpoints are kept but never stop a run; the Breakpoints dock disables through its check box.
  void disabledBreakpointsDoNotStop() {
    rs::ui::MainWindow w;
    EmulationController& c = w.controller();
    QVERIFY(load(c, preset("wlan-psk-seed000")));
    rs::ui::BreakpointPane& pane = *w.breakpointPane();
    pane.addBreakpoint(Breakpoint{Breakpoint::Kind::Node, QStringLiteral("ap2")});
    pane.kindBox()->setCurrentIndex(pane.kindBox()->findData(static_cast<int>(Breakpoint::Kind::KeyEvent)));
    pane.valueBox()->setCurrentText(QStringLiteral("install"));
    pane.addFromInputs();
    pane.addBreakpoint(Breakpoint{Breakpoint::Kind::Label, QStringLiteral("EAPOL-Key M3")});
    QCOMPARE(c.breakpoints().size(), 3u);
    QCOMPARE(c.breakpoints()[1].kind, Breakpoint::Kind::KeyEvent);
    QCOMPARE(c.breakpoints()[1].keyKind, KeyEventKind::Install);
    QCOMPARE(pane.listView()->count(), 3);
    for (int row = 0; row < 3; ++row) pane.listView()->item(row)->setCheckState(Qt::Unchecked);  // as a click does
    for (const auto& b : c.breakpoints()) QVERIFY(!b.enabled);
    QSignalSpy hit(&c, &EmulationController::breakpointHit);
    c.runToEnd();
    QVERIFY(waitStopped(c));
    QVERIFY(c.isFinished());
    QCOMPARE(hit.size(), 0);
    pane.removeBreakpoint(0);
    QCOMPARE(c.breakpoints().size(), 2u);
  }

  // RunPacer's arithmetic: virtual time allowed = anchor + factor x wall time elapsed since the anchor.
  void pacerAllowsFactorTimesTheWallTime() {
    std::int64_t wall = 1000;
    rs::ui::RunPacer pacer([&] { return wall; });
    QVERIFY(!pacer.limit().has_value());  // unpaced: no limit
    pacer.setFactor(0.5);
    pacer.anchor(rs::sim::seconds(3));
    QCOMPARE(*pacer.limit(), rs::sim::seconds(3));
    wall += rs::sim::seconds(2);
    QCOMPARE(*pacer.limit(), rs::sim::seconds(4));
    pacer.setFactor(-1);
    QVERIFY(!pacer.paced());
  }

  // At 1x a run goes exactly as far as the (fake) wall clock allows, and on from there when it advances;
  // a slower factor counts from the moment it was chosen; "as fast as possible" finishes the run.
  void speedPacesTheRunAgainstTheWallClock() {
    const auto headless = rs::test::runHeadless(preset("wlan-psk-seed000"), kDuration);
    auto eventsUpTo = [&](rs::sim::SimTime t) {
      return static_cast<std::uint64_t>(std::count_if(headless.eventTimes.begin(), headless.eventTimes.end(),
                                                      [&](rs::sim::SimTime e) { return e <= t; }));
    };
    std::int64_t wall = 0;
    EmulationController c;
    c.setWallClock([&] { return wall; });
    QVERIFY(load(c, preset("wlan-psk-seed000")));
    c.setSpeed(1.0);
    QSignalSpy state(&c, &EmulationController::stateChanged);
    c.runToEnd();
    QVERIFY(QTest::qWaitFor([&] { return state.size() >= 4; }, kRunTimeoutMs));  // several slices, no wall time
    QVERIFY(c.isRunning());
    QCOMPARE(c.now(), 0);
    QCOMPARE(c.executedEvents(), eventsUpTo(0));

    wall += rs::sim::milliseconds(50);
    QVERIFY(QTest::qWaitFor([&] { return c.now() == rs::sim::milliseconds(50); }, kRunTimeoutMs));
    QCOMPARE(c.executedEvents(), eventsUpTo(rs::sim::milliseconds(50)));
    QVERIFY(c.nextEvent()->time > rs::sim::milliseconds(50));

    c.setSpeed(0.01);  // 1 s of wall time is 10 ms of virtual time from here
    wall += rs::sim::seconds(1);
    QVERIFY(QTest::qWaitFor([&] { return c.now() == rs::sim::milliseconds(60); }, kRunTimeoutMs));
    QCOMPARE(c.executedEvents(), eventsUpTo(rs::sim::milliseconds(60)));
    c.pause();
    QVERIFY(!c.isRunning());

    c.setSpeed(0);
    c.runToEnd();
    QVERIFY(waitStopped(c));
    QVERIFY(c.isFinished());
    QCOMPARE(c.executedEvents(), headless.eventTimes.size());
  }

  // The speed combo sets the controller's factor and is kept in QSettings.
  void speedChoicePersists() {
    {
      rs::ui::MainWindow w;
      const int tenTimes = w.speedBox()->findData(10.0);
      QVERIFY(tenTimes > 0);
      w.speedBox()->setCurrentIndex(tenTimes);
      QCOMPARE(w.controller().speed(), 10.0);
    }
    rs::ui::MainWindow again;
    QCOMPARE(again.speedBox()->currentData().toDouble(), 10.0);
    QCOMPARE(again.controller().speed(), 10.0);
    again.speedBox()->setCurrentIndex(0);
    QCOMPARE(again.controller().speed(), 0.0);
  }

  // F11 steps to the protocol chosen on the toolbar and selects its frame; Go menu moves the selection.
  void toolbarStepSelectsTheFrameAndGoMenuNavigates() {
    rs::ui::MainWindow w;
    QVERIFY(load(w.controller(), preset("wlan-psk-seed000")));
    w.protocolBox()->setCurrentText(QStringLiteral("EAPOL"));
    QAction* step = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
      if (a->shortcut() == QKeySequence(Qt::Key_F11)) step = a;
    QVERIFY(step);
    step->trigger();
    QVERIFY(waitStopped(w.controller()));
    const int last = static_cast<int>(w.controller().frameCount()) - 1;
    QCOMPARE(w.packetView()->currentIndex().row(), last);
    QCOMPARE(w.packetModel()->index(last, PacketListModel::Protocol).data().toString(), QStringLiteral("EAPOL"));
    QVERIFY(w.goToPacket(1));
    QCOMPARE(w.packetView()->currentIndex().row(), 0);
    QVERIFY(!w.goToPacket(last + 2));  // not a packet
    QVERIFY(w.selectPacketRow(3));
    QCOMPARE(w.packetView()->currentIndex().row(), 3);
  }

 private:
  QTemporaryDir settingsDir_;
};

RS_OFFSCREEN_TEST_MAIN(TestStepping)
#include "tst_stepping.moc"
