// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop application on Mobile IP runs (issue #6), offscreen: the
// mip-dynamic preset through the controller and the main window — the
// Registrations dock against the run's ground truth, a selected registration
// selecting its request packet and zooming the timeline to it, the Security
// associations dock while stepping (Skey and Skey' at the HA and the MN, masked
// and equal) and after the de-registration, the registration sequence chart's
// lanes and arrows; a WLAN preset keeping its handoff table with an empty SA
// pane; Run > AAA server… reaching the next build and QSettings.
#include <qcustomplot.h>

#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "core/protocols/mip/mip_network.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/aaa_server_dialog.h"
#include "ui/app/aaa_server_settings.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/handoff_table_model.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_filter_proxy.h"
#include "ui/app/packet_list_model.h"
#include "ui/app/registration_table_model.h"
#include "ui/app/resource_paths.h"
#include "ui/app/sa_table_model.h"
#include "ui/app/sa_table_pane.h"
#include "ui/app/timeline_endpoints.h"
#include "ui/app/timeline_view.h"

using rs::ui::EmulationController;
using rs::ui::MainWindow;
using rs::ui::PacketListModel;
using rs::ui::RegistrationTableModel;
using rs::ui::SaTableModel;
using rs::ui::TimelineView;

namespace {

const QString kMipScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/mip-dynamic.json");
const QString kWlanScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-psk-seed000.json");
constexpr int kRunTimeoutMs = 120000;

bool runToEnd(EmulationController& c) {
  c.runToEnd();
  return QTest::qWaitFor([&] { return c.isFinished(); }, kRunTimeoutMs);
}

QString laneName(const TimelineView& view, int row) { return view.lanes().laneName(row); }

}  // namespace

class TestMipGui : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_mip_gui"))); }

  // Run to the end: one row per ground-truth registration with its figures; selecting one selects its
  // Registration Request in the packet list and zooms the timeline to it.
  void registrationsDockFollowsTheGroundTruth() {
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy changed(&w.controller(), &EmulationController::registrationsChanged);
    QVERIFY(w.openScenario(kMipScenario));
    QVERIFY(w.controller().mipNetwork());
    QVERIFY(!w.controller().installedKeys());
    QVERIFY(runToEnd(w.controller()));
    QVERIFY(changed.count() >= 1);
    const auto& records = w.controller().mipNetwork()->truth().records();
    QCOMPARE(records.size(), std::size_t{8});
    QVERIFY(w.controller().handoffs().empty());
    RegistrationTableModel& model = *w.registrationModel();
    QCOMPARE(model.rowCount(), 8);
    const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, RegistrationTableModel::Trigger), QStringLiteral("movement"));
    QCOMPARE(cell(0, RegistrationTableModel::Auth), QStringLiteral("aaa-dynamic"));
    QCOMPARE(cell(0, RegistrationTableModel::Outcome), QStringLiteral("success"));
    QCOMPARE(cell(0, RegistrationTableModel::Code), QStringLiteral("0"));
    QCOMPARE(cell(0, RegistrationTableModel::HomeAddress), QStringLiteral("10.1.0.10"));
    QCOMPARE(cell(0, RegistrationTableModel::CareOf), QStringLiteral("10.2.0.1"));
    QCOMPARE(cell(0, RegistrationTableModel::ViaFa), QStringLiteral("10.2.0.1"));
    QCOMPARE(model.index(0, RegistrationTableModel::Registration).data(RegistrationTableModel::LatencyNsRole).toLongLong(),
             records[0].latencyNs.at(rs::mipreg::Figure::Registration));
    QCOMPARE(cell(0, RegistrationTableModel::AaaRoundTrip),
             QString::number(static_cast<double>(records[0].latencyNs.at(rs::mipreg::Figure::AaaRoundTrip)) / 1e6, 'f', 3));
    // The co-located registration went to the HA directly, the de-registration needs no AAA server.
    QCOMPARE(cell(2, RegistrationTableModel::ViaFa), QStringLiteral("–"));
    QCOMPARE(cell(7, RegistrationTableModel::Trigger), QStringLiteral("deregistration"));
    QCOMPARE(cell(7, RegistrationTableModel::AaaRoundTrip), QStringLiteral("–"));
    QCOMPARE(model.headerData(RegistrationTableModel::FaToHa, Qt::Horizontal).toString(), QStringLiteral("fa-ha (ms)"));

    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("registrationDock"));
    QVERIFY(dock && dock->widget() == w.registrationView());
    QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("saDock")));

    w.registrationView()->setCurrentIndex(model.index(5, 0));
    const int frame = w.packetFilter()->mapToSource(w.packetView()->currentIndex()).row();
    QVERIFY(frame >= 0);
    QCOMPARE(w.controller().frame(static_cast<std::size_t>(frame)).timestampNs,
             records[5].steps.at(rs::mipreg::Step::Request));
    QVERIFY(w.packetModel()->index(frame, PacketListModel::Info).data().toString().startsWith(QStringLiteral("Reg Request")));
    const auto [lower, upper] = w.timelineView()->visibleRange();
    QVERIFY(lower < w.timelineView()->toAxisSeconds(records[5].startNs));
    QVERIFY(upper > w.timelineView()->toAxisSeconds(records[5].endNs));
    QVERIFY2(upper - lower < 1.0, "zoomed to the registration, not the whole run");
  }

  // Stepping past the first registration: Skey and Skey' at ha1 and at mn1, the same keys masked the same;
  // revealed on request; gone after the de-registration.
  void saPaneShowsTheTablesAsTheyChange() {
    MainWindow w;
    QVERIFY(w.openScenario(kMipScenario));
    EmulationController& c = w.controller();
    rs::ui::SaTablePane& pane = *w.saTablePane();
    SaTableModel& model = *pane.model();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(pane.summaryText().contains(QStringLiteral("ha1: 0 SA(s), 0 of 131072 bytes")));
    QSignalSpy changed(&c, &EmulationController::registrationsChanged);
    while (c.now() <= rs::sim::seconds(6) && !c.isFinished()) c.stepEvent();
    // Stepped event by event: the record was announced when it opened and again when the reply closed it.
    QVERIFY(changed.count() >= 2);
    QCOMPARE(w.registrationModel()->rowCount(), 1);
    QCOMPARE(w.registrationModel()->index(0, RegistrationTableModel::Outcome).data().toString(), QStringLiteral("success"));
    QCOMPARE(model.rowsOf(QStringLiteral("ha1")), 2);
    QCOMPARE(model.rowsOf(QStringLiteral("mn1")), 2);
    QCOMPARE(model.rowsOf(QStringLiteral("ha2")), 0);
    QVERIFY2(pane.summaryText().contains(QStringLiteral("ha1: 2 SA(s), 160 of 131072 bytes of NVRAM (80 bytes per SA, room for 1638)")),
             qPrintable(pane.summaryText()));
    QVERIFY(pane.summaryText().contains(QStringLiteral("mn1: 2 SA(s), 160 of")));
    const auto keysBy = [&](const QString& owner) {
      QMap<QString, QString> keys;  // kind -> key text
      for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, SaTableModel::Owner).data().toString() == owner)
          keys.insert(model.index(row, SaTableModel::Kind).data().toString(),
                      model.index(row, SaTableModel::Key).data().toString());
      return keys;
    };
    const auto ha = keysBy(QStringLiteral("ha1"));
    const auto mn = keysBy(QStringLiteral("mn1"));
    QCOMPARE(ha.keys(), (QStringList{QStringLiteral("Skey"), QStringLiteral("Skey'")}));
    QCOMPARE(ha, mn);
    for (const QString& key : ha) QVERIFY2(key.contains(QStringLiteral("bytes)")), qPrintable(key));  // masked
    pane.revealCheckBox()->setChecked(true);
    const auto revealed = keysBy(QStringLiteral("ha1"));
    QCOMPARE(revealed, keysBy(QStringLiteral("mn1")));
    for (const QString& key : revealed) {
      QVERIFY(!key.contains(QStringLiteral("bytes)")));
      QVERIFY(key.size() >= 32);
    }
    pane.revealCheckBox()->setChecked(false);
    QCOMPARE(keysBy(QStringLiteral("ha1")), ha);

    QVERIFY(runToEnd(c));
    QCOMPARE(model.rowsOf(QStringLiteral("ha1")), 0);
    QCOMPARE(model.rowsOf(QStringLiteral("mn1")), 0);
    QCOMPARE(model.rowCount(), 0);
  }

  // RFC 3344's configured keys: a static row at the HA and at the MN from the start, never expiring, kept
  // after the de-registration; the replay preset's attacker copy is a row of its own, refused.
  void staticAndReplayedPresets() {
    MainWindow w;
    QVERIFY(w.openScenario(QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/mip-static.json")));
    SaTableModel& sas = *w.saTablePane()->model();
    QCOMPARE(sas.rowsOf(QStringLiteral("ha1")), 1);
    QCOMPARE(sas.rowsOf(QStringLiteral("mn1")), 1);
    QCOMPARE(sas.index(0, SaTableModel::Kind).data().toString(), QStringLiteral("static"));
    QCOMPARE(sas.index(0, SaTableModel::Expires).data().toString(), QStringLiteral("never"));
    QVERIFY(runToEnd(w.controller()));
    QCOMPARE(sas.rowsOf(QStringLiteral("ha1")), 1);
    QCOMPARE(w.registrationModel()->index(0, RegistrationTableModel::Auth).data().toString(), QStringLiteral("static"));

    QVERIFY(w.openScenario(QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/mip-replay.json")));
    QVERIFY(runToEnd(w.controller()));
    const RegistrationTableModel& model = *w.registrationModel();
    QCOMPARE(model.rowCount(), static_cast<int>(w.controller().registrations().size()));
    int replayed = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
      if (model.index(row, RegistrationTableModel::Trigger).data().toString() != QStringLiteral("replayed")) continue;
      ++replayed;
      QVERIFY(model.index(row, RegistrationTableModel::Outcome).data().toString().startsWith(QStringLiteral("failed")));
      QVERIFY(model.index(row, RegistrationTableModel::Code).data().toString() != QStringLiteral("0"));
    }
    QVERIFY(replayed >= 1);
  }

  // The registration sequence chart: the first registration's messages between the nodes' lanes, agent
  // advertisements as ticks on the agent's lane (as beacons are).
  void timelineDrawsTheRegistrationSequence() {
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openScenario(kMipScenario));
    QVERIFY(runToEnd(w.controller()));
    const auto& first = w.controller().registrations().front();
    TimelineView& timeline = *w.timelineView();
    timeline.focusSpan(first.startNs - rs::sim::milliseconds(2), first.endNs);
    QStringList names;
    for (int row = 0; row < timeline.lanes().laneCount(); ++row) names << laneName(timeline, row);
    for (const char* node : {"mn1", "ha1", "fa1", "fa2", "aaa"})
      QVERIFY2(names.contains(QLatin1String(node)), qPrintable(names.join(',')));
    QStringList arrows;
    for (const auto& m : timeline.marks()) {
      const QString info = w.packetModel()->index(static_cast<int>(m.frame), PacketListModel::Info).data().toString();
      const QString to = m.lanes.groupAddressed() ? QStringLiteral("*") : laneName(timeline, m.lanes.receiver);
      arrows << QStringLiteral("%1>%2 %3").arg(laneName(timeline, m.lanes.sender), to, info.section(QLatin1Char(':'), 0, 0));
    }
    const QStringList expected{
        QStringLiteral("fa1>* Mobile IP Advertisement (Normal router advertisement)"),
        QStringLiteral("mn1>fa1 Reg Request"),
        QStringLiteral("fa1>ha1 Reg Request"),
        QStringLiteral("ha1>aaa Access-Request id=0"),
        QStringLiteral("aaa>ha1 Access-Accept id=0"),
        QStringLiteral("ha1>fa1 Reg Reply"),
        QStringLiteral("fa1>mn1 Reg Reply"),
    };
    for (const QString& e : expected) QVERIFY2(arrows.contains(e), qPrintable(e + QStringLiteral(" in ") + arrows.join('|')));
    // Every frame of the run has a lane (Ethernet frames are mapped by MAC address to the topology's nodes).
    for (std::size_t i = 0; i < w.controller().frameCount(); ++i)
      QVERIFY(timeline.lanes().lanesOf(i).accepted());
  }

  // The second home agent gets its lane once it is asked (the HA fail-over preset).
  void failoverShowsTheSecondHomeAgent() {
    MainWindow w;
    QVERIFY(w.openScenario(QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/mip-ha-failover.json")));
    QVERIFY(runToEnd(w.controller()));
    w.timelineView()->fitAll();
    w.timelineView()->marks();
    QStringList names;
    for (int row = 0; row < w.timelineView()->lanes().laneCount(); ++row) names << laneName(*w.timelineView(), row);
    for (const char* node : {"mn1", "ha1", "ha2", "fa1", "aaa"})
      QVERIFY2(names.contains(QLatin1String(node)), qPrintable(names.join(',')));
  }

  // A WLAN preset: the handoff table as before, no registrations, an SA pane with its note.
  void wlanRunKeepsItsHandoffs() {
    MainWindow w;
    w.controller().setDurationOverride(rs::sim::seconds(10));
    QVERIFY(w.openScenario(kWlanScenario));
    QVERIFY(runToEnd(w.controller()));
    QVERIFY(!w.controller().mipNetwork());
    QVERIFY(w.controller().installedKeys());
    QCOMPARE(w.handoffModel()->rowCount(), 2);
    QCOMPARE(w.registrationModel()->rowCount(), 0);
    QCOMPARE(w.saTablePane()->model()->rowCount(), 0);
    QVERIFY(w.saTablePane()->model()->owners().empty());
    QVERIFY(w.saTablePane()->summaryText().contains(QStringLiteral("not a Mobile IP run")));
    // And back to Mobile IP in the same window: the docks follow the new run.
    QVERIFY(w.openScenario(kMipScenario));
    QCOMPARE(w.handoffModel()->rowCount(), 0);
    QCOMPARE(w.saTablePane()->model()->owners().size(), std::size_t{3});  // ha1, ha2, mn1
  }

  // Run > AAA server…: the controller's server reaches the next build (not the current one), and back.
  void aaaServerReachesTheNextBuild() {
    EmulationController c;
    // Shorter than the first registration (5 s): the unreachable server is never asked, so the test stays fast.
    c.setDurationOverride(rs::sim::seconds(1));
    QVERIFY(c.load(kMipScenario));
    QVERIFY(c.mipNetwork()->settings().externalAaaServer.empty());
    c.setAaaServer({QStringLiteral(" 127.0.0.1 "), 1645, QStringLiteral("s3cret")});
    QVERIFY(c.mipNetwork()->settings().externalAaaServer.empty());  // applies on the next build only
    c.reset();
    QCOMPARE(c.mipNetwork()->settings().externalAaaServer, std::string("127.0.0.1:1645"));
    QCOMPARE(c.mipNetwork()->settings().aaaSecret, std::string("s3cret"));
    QVERIFY(runToEnd(c));
    c.setAaaServer({QStringLiteral("::1"), 1812, {}});
    QVERIFY(c.load(kMipScenario));
    QCOMPARE(c.mipNetwork()->settings().externalAaaServer, std::string("[::1]:1812"));
    QCOMPARE(c.mipNetwork()->settings().aaaSecret, std::string("roamscope-aaa-secret"));  // the scenario's
    c.setAaaServer({});
    c.reset();
    QVERIFY(c.mipNetwork()->settings().externalAaaServer.empty());
  }

  // Step to protocol reaches the first Registration Request; the presets folder Open scenario starts in
  // holds the Mobile IP presets.
  void stepsToMobileIpAndFindsThePresets() {
    MainWindow w;
    QVERIFY(w.openScenario(kMipScenario));
    QSignalSpy reached(&w.controller(), &EmulationController::protocolReached);
    w.controller().stepToProtocol(QStringLiteral("MobileIP"));
    QVERIFY(QTest::qWaitFor([&] { return !reached.isEmpty(); }, kRunTimeoutMs));
    const int frame = static_cast<int>(reached.front().at(1).toLongLong());
    QVERIFY(w.packetModel()->index(frame, PacketListModel::Info).data().toString().startsWith(QStringLiteral("Reg Request")));
    const QStringList presets = QDir(rs::ui::scenariosDirectory()).entryList({QStringLiteral("mip-*.json")});
    QCOMPARE(presets, (QStringList{QStringLiteral("mip-domain-controller.json"), QStringLiteral("mip-dynamic.json"),
                                   QStringLiteral("mip-fa-challenge.json"), QStringLiteral("mip-ha-failover.json"),
                                   QStringLiteral("mip-replay.json"), QStringLiteral("mip-static.json")}));
  }

  // The dialog's fields make the choice; host and port persist, the secret only when remembered.
  void aaaDialogAndSettings() {
    QSettings().clear();
    rs::ui::AaaServerChoice stored = rs::ui::AaaServerChoice::load();
    QVERIFY(!stored.external);
    QCOMPARE(stored.port, quint16{1812});
    rs::ui::AaaServerDialog dialog(stored);
    QVERIFY(dialog.embeddedButton()->isChecked());
    QVERIFY(!dialog.hostEdit()->isEnabled());
    QCOMPARE(dialog.secretEdit()->echoMode(), QLineEdit::Password);
    dialog.externalButton()->setChecked(true);
    QVERIFY(dialog.hostEdit()->isEnabled());
    dialog.accept();  // no host: refused
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.hostEdit()->setText(QStringLiteral("radius.example"));
    dialog.portBox()->setValue(18120);
    dialog.secretEdit()->setText(QStringLiteral("s3cret"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    rs::ui::AaaServerChoice chosen = dialog.choice();
    const EmulationController::AaaServer server = chosen.server();
    QCOMPARE(server.host, QStringLiteral("radius.example"));
    QCOMPARE(server.port, quint16{18120});
    QCOMPARE(server.secret, QStringLiteral("s3cret"));

    chosen.save();
    stored = rs::ui::AaaServerChoice::load();
    QVERIFY(stored.external);
    QCOMPARE(stored.host, QStringLiteral("radius.example"));
    QCOMPARE(stored.port, quint16{18120});
    QVERIFY(stored.secret.isEmpty());  // not remembered
    QVERIFY(!QSettings().contains(QStringLiteral("aaa/secret")));
    chosen.rememberSecret = true;
    chosen.save();
    QCOMPARE(rs::ui::AaaServerChoice::load().secret, QStringLiteral("s3cret"));
    chosen.rememberSecret = false;
    chosen.save();
    QVERIFY(!QSettings().contains(QStringLiteral("aaa/secret")));  // forgetting erases it
    // "Embedded" keeps the address for next time but gives the controller no server.
    chosen.external = false;
    QVERIFY(!chosen.server().external());

    // A new window starts its runs with the stored server.
    chosen.external = true;
    chosen.save();
    MainWindow w;
    QCOMPARE(w.controller().aaaServer().host, QStringLiteral("radius.example"));
    QSettings().clear();
  }

 private:
  QTemporaryDir settingsDir_;
};

RS_OFFSCREEN_TEST_MAIN(TestMipGui)
#include "tst_mip_gui.moc"
