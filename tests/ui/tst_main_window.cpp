// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop application's first slice on the offscreen platform: the
// wlan-psk-seed000 preset run to 10 s of virtual time (the join and the
// seed-000 roam) through the sliced controller, then the packet list, the
// details tree with linked hex highlighting, the handoff table and its
// latency definition, stepping, a breakpoint, a missing scenario, the trace
// pane's key masking, the packet list following new frames, where resources
// are found and the layout kept in QSettings.
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <functional>

#include "core/sim/trace.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/display_filter.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "capture/file/capture_file.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/handoff_table_model.h"
#include "ui/app/hex_view.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_details_model.h"
#include "ui/app/packet_filter_proxy.h"
#include "ui/app/packet_list_model.h"
#include "ui/app/resource_paths.h"
#include "ui/app/trace_model.h"
#include "ui/app/trace_pane.h"

using rs::ui::HandoffTableModel;
using rs::ui::MainWindow;
using rs::ui::PacketDetailsModel;
using rs::ui::PacketListModel;

namespace {

const QString kScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-psk-seed000.json");
// Long enough for the join (0.1 s) and the first roam (about 7.3 s), short enough for a quick test.
constexpr rs::sim::SimTime kDuration = rs::sim::seconds(10);
// The run is sliced on the event loop: generous, so a loaded CI machine does not fail the test.
constexpr int kRunTimeoutMs = 120000;

bool loadPreset(MainWindow& w) {
  w.controller().setDurationOverride(kDuration);
  return w.openScenario(kScenario);
}

bool runToEnd(MainWindow& w) {
  w.controller().runToEnd();
  return QTest::qWaitFor([&] { return w.controller().isFinished(); }, kRunTimeoutMs);
}

// Depth-first search of the details tree for the first item named `fieldName`.
QModelIndex findField(const QAbstractItemModel& model, const QString& fieldName, const QModelIndex& parent = {}) {
  for (int row = 0; row < model.rowCount(parent); ++row) {
    const QModelIndex index = model.index(row, 0, parent);
    if (index.data(PacketDetailsModel::FieldNameRole).toString() == fieldName) return index;
    if (QModelIndex found = findField(model, fieldName, index); found.isValid()) return found;
  }
  return {};
}

int firstRowOnInterfacePrefix(const PacketListModel& model, const QString& prefix) {
  for (int row = 0; row < model.rowCount(); ++row)
    if (model.index(row, PacketListModel::Interface).data().toString().startsWith(prefix)) return row;
  return -1;
}

// The hex digits the view highlights, in order, and the count of highlighted ASCII characters.
std::pair<QString, int> highlightedHexAndAscii(const rs::ui::HexView& view) {
  QString hex;
  int ascii = 0;
  const auto selections = view.extraSelections();
  for (int i = 0; i < selections.size(); ++i) {
    const QString text = selections[i].cursor.selectedText();
    if (i % 2 == 0)
      hex += QString(text).remove(QLatin1Char(' '));
    else
      ascii += static_cast<int>(text.size());
  }
  return {hex, ascii};
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_main_window")));
  }

  // File > Save capture as: the pcapng reads back with every frame; File > Export report: JSON, CSV and HTML
  // with the ground truth's handoffs; a bad extension is reported, never written.
  void savesTheCaptureAndExportsEveryReportFormat() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    QTemporaryDir dir;
    const QString pcap = dir.filePath(QStringLiteral("run.pcapng"));
    QVERIFY(w.saveCapture(pcap));
    auto opened = rs::openCapture(pcap.toStdString());
    QVERIFY(std::holds_alternative<std::unique_ptr<rs::CaptureFile>>(opened));
    auto& file = *std::get<std::unique_ptr<rs::CaptureFile>>(opened);
    rs::CaptureFrame f;
    std::size_t frames = 0;
    while (file.next(f)) ++frames;
    QCOMPARE(frames, w.controller().frames().size());

    const QString json = dir.filePath(QStringLiteral("r.json"));
    QVERIFY(w.exportReport(json));
    QFile jf(json);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QJsonArray handoffs = QJsonDocument::fromJson(jf.readAll()).object().value(QStringLiteral("handoffs")).toArray();
    QCOMPARE(handoffs.size(), 2);
    QCOMPARE(handoffs[1].toObject().value(QStringLiteral("method")).toString(), QStringLiteral("seed000-fast-reassociation"));
    const QString csv = dir.filePath(QStringLiteral("r.csv"));
    QVERIFY(w.exportReport(csv));
    QFile cf(csv);
    QVERIFY(cf.open(QIODevice::ReadOnly));
    QCOMPARE(cf.readAll().trimmed().split('\n').size(), 3);  // header + two handoffs
    const QString html = dir.filePath(QStringLiteral("r.html"));
    QVERIFY(w.exportReport(html));
    QFile hf(html);
    QVERIFY(hf.open(QIODevice::ReadOnly));
    const QByteArray page = hf.readAll();
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    QVERIFY(page.contains("seed000-fast-reassociation"));
    QVERIFY(!w.exportReport(dir.filePath(QStringLiteral("r.txt"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("r.txt"))));
  }

  // The details pane decrypts protected frames with the keys the run's APs installed, also after the
  // seed-000 roam, whose PTK no standard derivation gives: the voice flow's UDP is in the tree.
  void protectedFramesDecryptWithTheRunsKeys() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    const auto& records = w.controller().handoffs();
    QCOMPARE(records.size(), std::size_t{2});
    int row = -1;
    for (int r = 0; r < w.packetModel()->rowCount() && row < 0; ++r) {
      const auto& frame = w.controller().frames()[static_cast<std::size_t>(r)];
      const QString info = w.packetModel()->index(r, PacketListModel::Info).data().toString();
      const QString where = w.packetModel()->index(r, PacketListModel::Interface).data().toString();
      // Decrypted with the run's keys, the list's columns show the voice flow's UDP, not the 802.11 frame.
      const QString protocol = w.packetModel()->index(r, PacketListModel::Protocol).data().toString();
      if (frame.time > records[1].endNs && where == QStringLiteral("air-ch6") && protocol == QStringLiteral("UDP") &&
          !info.isEmpty())
        row = r;
    }
    QVERIFY2(row >= 0, "no protected data frame through the new AP");
    w.packetView()->selectRow(row);
    QVERIFY(findField(*w.detailsModel(), QStringLiteral("udp.srcport")).isValid());
    // Without keys (a new run has none until its APs install them) nothing decrypts.
    w.controller().reset();
    QVERIFY(!findField(*w.detailsModel(), QStringLiteral("udp.srcport")).isValid());
  }

  // The display filter keeps exactly the frames whose field tree matches; a bad filter is reported with its
  // position, turns the bar red and leaves the list as it was; clearing it shows every frame again.
  void displayFilterKeepsMatchingFrames() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    const int all = w.packetModel()->rowCount();
    QVERIFY(w.applyDisplayFilter(QStringLiteral("eapol && wlan.sa == 02:00:00:00:01:00")));
    w.packetFilter()->completeNow();  // the list is filtered in slices on the event loop
    QVERIFY(!w.packetFilter()->isFiltering());
    auto expected = rs::DisplayFilter::compile("eapol && wlan.sa == 02:00:00:00:01:00");
    int matching = 0;
    for (int row = 0; row < all; ++row) matching += std::get<rs::DisplayFilter>(expected).matches(w.packetModel()->dissect(row));
    QVERIFY(matching > 0 && matching < all);
    QCOMPARE(w.packetView()->model()->rowCount(), matching);
    for (int row = 0; row < w.packetView()->model()->rowCount(); ++row)
      QVERIFY(w.packetView()->model()->index(row, PacketListModel::Source).data().toString() == QStringLiteral("02:00:00:00:01:00"));

    QVERIFY(!w.applyDisplayFilter(QStringLiteral("eapol &&")));
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("at character 9")), qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(w.filterEdit()->styleSheet().contains(QStringLiteral("#d93025")));
    QCOMPARE(w.packetView()->model()->rowCount(), matching);  // the last good filter stays

    QVERIFY(w.applyDisplayFilter(QString()));
    QCOMPARE(w.packetView()->model()->rowCount(), all);
  }

  // Selecting a handoff selects its first frame (the attempt's Authentication) in the packet list.
  void selectingAHandoffSelectsItsFirstPacket() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    const auto& records = w.controller().handoffs();
    QCOMPARE(records.size(), std::size_t{2});
    w.focusHandoff(1);
    const int row = w.packetView()->currentIndex().row();
    QVERIFY(row >= 0);
    QCOMPARE(w.controller().frames()[static_cast<std::size_t>(row)].time, records[1].startNs);
    QVERIFY(w.packetModel()->index(row, PacketListModel::Info).data().toString().startsWith(QStringLiteral("Authentication")));
  }

  void runsToTheEndInSlicesAndListsEveryFrame() {
    // The same run in one long slice, to compare with the sliced one below.
    std::size_t framesInOneSlice = 0;
    {
      MainWindow w;
      w.controller().setSliceBudgetMs(600000);
      QVERIFY(loadPreset(w));
      QVERIFY(runToEnd(w));
      framesInOneSlice = w.controller().frames().size();
    }
    MainWindow w;
    // One batch of events per slice: the run must go back to the event loop many times.
    w.controller().setSliceBudgetMs(0);
    QVERIFY(loadPreset(w));
    QSignalSpy state(&w.controller(), &rs::ui::EmulationController::stateChanged);
    QSignalSpy added(&w.controller(), &rs::ui::EmulationController::framesAdded);
    QVERIFY(runToEnd(w));
    int runningUpdates = 0;
    for (const auto& args : state) runningUpdates += args.at(2).toBool() ? 1 : 0;
    QVERIFY2(runningUpdates > 10, qPrintable(QString::number(runningUpdates)));
    QVERIFY(!state.last().at(2).toBool());
    QVERIFY(added.count() > 10);
    QCOMPARE(w.controller().now(), kDuration);
    // Slicing changes nothing in the run (the emulation is deterministic).
    QCOMPARE(w.controller().frames().size(), framesInOneSlice);

    const PacketListModel& model = *w.packetModel();
    QCOMPARE(static_cast<std::size_t>(model.rowCount()), w.controller().frames().size());
    QVERIFY2(model.rowCount() > 1000, qPrintable(QString::number(model.rowCount())));
    for (int c = 0; c < PacketListModel::ColumnCount; ++c)
      QVERIFY2(!model.index(0, c).data().toString().isEmpty(), qPrintable(model.headerData(c, Qt::Horizontal).toString()));
    QCOMPARE(model.index(0, PacketListModel::Number).data().toInt(), 1);
    QCOMPARE(model.index(0, PacketListModel::Length).data().toULongLong(), w.controller().frames()[0].bytes.size());
    // Nine decimals of virtual seconds.
    QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d{9}$")).match(model.index(0, PacketListModel::Time).data().toString()).hasMatch());
    const QString protocols = [&] {
      QStringList seen;
      for (int row = 0; row < model.rowCount(); ++row) seen << model.index(row, PacketListModel::Protocol).data().toString();
      seen.removeDuplicates();
      return seen.join(',');
    }();
    QVERIFY2(protocols.contains("802.11") && protocols.contains("EAPOL") && protocols.contains("SEED000"), qPrintable(protocols));
    // Rows are coloured by protocol.
    const int eapol = [&] {
      for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, PacketListModel::Protocol).data().toString() == "EAPOL") return row;
      return -1;
    }();
    QVERIFY(model.index(eapol, 0).data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(model.index(eapol, 0).data(Qt::BackgroundRole) != model.index(0, 0).data(Qt::BackgroundRole));
  }

  void selectingAPacketAndAFieldHighlightsItsBytes() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    const int row = firstRowOnInterfacePrefix(*w.packetModel(), QStringLiteral("air"));
    QVERIFY(row >= 0);
    w.packetView()->setCurrentIndex(w.packetView()->model()->index(w.viewRowOfFrame(row), 0));

    const PacketDetailsModel& details = *w.detailsModel();
    QStringList layers;
    for (int i = 0; i < details.rowCount(); ++i) layers << details.index(i, 0).data(PacketDetailsModel::FieldNameRole).toString();
    QVERIFY2(layers.contains("radiotap") && layers.contains("wlan"), qPrintable(layers.join(',')));
    const rs::Bytes& frame = w.controller().frames()[static_cast<std::size_t>(row)].bytes;
    QCOMPARE(w.hexView()->bytes(), frame);

    // A 6-byte field inside one line, then a whole layer over several lines.
    for (const QString& name : {QStringLiteral("wlan.sa"), QStringLiteral("wlan")}) {
      const QModelIndex field = findField(details, name);
      QVERIFY2(field.isValid(), qPrintable(name));
      const int offset = field.data(PacketDetailsModel::ByteOffsetRole).toInt();
      const int length = field.data(PacketDetailsModel::ByteLengthRole).toInt();
      QVERIFY(length > 0 && offset + length <= static_cast<int>(frame.size()));
      w.detailsView()->setCurrentIndex(field);
      QCOMPARE(w.hexView()->highlightedRange(), std::make_pair(offset, length));
      const auto [hex, ascii] = highlightedHexAndAscii(*w.hexView());
      const rs::Bytes expected(frame.begin() + offset, frame.begin() + offset + length);
      QCOMPARE(hex, QString::fromStdString(rs::toHex(expected)));
      QCOMPARE(ascii, length);
    }
    // Back to no field: nothing highlighted.
    w.detailsView()->setCurrentIndex({});
    QCOMPARE(w.hexView()->extraSelections().size(), 0);
  }

  void handoffTableShowsTheJoinAndTheSeed000Roam() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    const HandoffTableModel& model = *w.handoffModel();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.definition(), rs::roam::Definition::ReassocToLastKey);
    QCOMPARE(model.index(0, HandoffTableModel::From).data().toString(), QStringLiteral("(join)"));
    QCOMPARE(model.index(1, HandoffTableModel::Method).data().toString(), QStringLiteral("seed000-fast-reassociation"));
    QVERIFY(model.index(1, HandoffTableModel::From).data().toString().contains("(ch 1)"));
    QVERIFY(model.index(1, HandoffTableModel::To).data().toString().contains("(ch 6)"));
    for (int row = 0; row < 2; ++row) {
      QCOMPARE(model.index(row, HandoffTableModel::Outcome).data().toString(), QStringLiteral("success"));
      const auto& record = w.controller().handoffs()[static_cast<std::size_t>(row)];
      const QVariant ns = model.index(row, HandoffTableModel::Latency).data(HandoffTableModel::LatencyNsRole);
      QVERIFY(ns.isValid());
      QCOMPARE(ns.toLongLong(), record.latencyNs.at(rs::roam::Definition::ReassocToLastKey));
      QCOMPARE(model.index(row, HandoffTableModel::Latency).data().toString(),
               QString::number(static_cast<double>(ns.toLongLong()) / 1e6, 'f', 3));
    }
    // Choosing data-to-data in the combo box: only the roam has a gap, the join shows none.
    QComboBox* box = w.definitionBox();
    box->setCurrentIndex(box->findText(QStringLiteral("data-to-data")));
    QCOMPARE(model.definition(), rs::roam::Definition::DataToData);
    QVERIFY(!model.index(0, HandoffTableModel::Latency).data(HandoffTableModel::LatencyNsRole).isValid());
    QCOMPARE(model.index(1, HandoffTableModel::Latency).data(HandoffTableModel::LatencyNsRole).toLongLong(),
             w.controller().handoffs()[1].latencyNs.at(rs::roam::Definition::DataToData));
  }

  void stepRunsExactlyOneEvent() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    w.controller().reset();
    QCOMPARE(w.controller().executedEvents(), 0u);
    QCOMPARE(w.packetModel()->rowCount(), 0);
    QVERIFY(!w.controller().isFinished());
    for (int i = 0; i < 3; ++i) {
      const std::uint64_t before = w.controller().executedEvents();
      const QString statusBefore = w.statusText();
      const auto next = w.controller().nextEvent();
      QVERIFY(next.has_value());
      w.controller().stepEvent();
      QCOMPARE(w.controller().executedEvents(), before + 1);
      QVERIFY2(w.statusText() != statusBefore, qPrintable(statusBefore));
      QCOMPARE(w.controller().now(), next->time);
    }
  }

  void runToBreakpointStopsBeforeTheLabelledEvent() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    const QString label = QStringLiteral("Authenticate PTK request");
    w.breakpointEdit()->setText(label);
    QSignalSpy hit(&w.controller(), &rs::ui::EmulationController::breakpointHit);
    w.controller().runToBreakpoint(w.breakpointEdit()->text());
    QTRY_VERIFY_WITH_TIMEOUT(!w.controller().isRunning(), kRunTimeoutMs);
    QCOMPARE(hit.count(), 1);
    QVERIFY(!w.controller().isFinished());
    const auto next = w.controller().nextEvent();
    QVERIFY(next.has_value());
    QVERIFY2(QString::fromUtf8(next->descriptor.label.data(), static_cast<qsizetype>(next->descriptor.label.size())).contains(label),
             qPrintable(w.controller().nextEventText()));
    QVERIFY(w.statusText().contains(label));
    // The join completed before it, the roam is still to come.
    QCOMPARE(w.controller().handoffs().size(), 2u);
    QVERIFY(!w.controller().handoffs()[1].success);
    // Running to the same breakpoint again moves past this event instead of staying on it.
    const std::uint64_t executed = w.controller().executedEvents();
    w.controller().runToBreakpoint(label);
    QTRY_VERIFY_WITH_TIMEOUT(!w.controller().isRunning(), kRunTimeoutMs);
    QVERIFY(w.controller().executedEvents() > executed);

    // A label no event has runs to the end without a hit; an empty one is refused with a message.
    w.controller().reset();
    QSignalSpy errors(&w.controller(), &rs::ui::EmulationController::errorOccurred);
    w.controller().runToBreakpoint(QString());
    QCOMPARE(errors.count(), 1);
    QVERIFY(!w.controller().isRunning());
    hit.clear();
    w.controller().runToBreakpoint(QStringLiteral("no event is called this"));
    QTRY_VERIFY_WITH_TIMEOUT(w.controller().isFinished(), kRunTimeoutMs);
    QCOMPARE(hit.count(), 0);
    QCOMPARE(w.controller().now(), kDuration);
  }

  void missingOrBrokenScenarioReportsAnError() {
    MainWindow w;
    QSignalSpy errors(&w.controller(), &rs::ui::EmulationController::errorOccurred);
    const QString missing = settingsDir_.filePath(QStringLiteral("no-such-scenario.json"));
    QVERIFY(!w.openScenario(missing));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(missing), qPrintable(errors.at(0).at(0).toString()));
    QVERIFY(!w.controller().isLoaded());
    // Nothing loaded: the run actions do nothing and say why for reset.
    w.controller().stepEvent();
    w.controller().runToEnd();
    QVERIFY(!w.controller().isRunning());
    w.controller().reset();
    QCOMPARE(errors.count(), 2);

    // A loaded run survives a later file that does not parse.
    QVERIFY(loadPreset(w));
    QFile broken(settingsDir_.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"nodes\": [");
    broken.close();
    QVERIFY(!w.openScenario(broken.fileName()));
    QCOMPARE(errors.count(), 3);
    QVERIFY(w.controller().isLoaded());
    QCOMPARE(w.controller().scenarioPath(), kScenario);
  }

  void tracePaneMasksKeysUntilRevealed() {
    MainWindow w;
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    rs::ui::TracePane& pane = *w.tracePane();
    QVERIFY(!pane.revealCheckBox()->isChecked());
    int row = -1;
    const rs::sim::LabelledBytes* secret = nullptr;
    for (int r = 0; r < pane.model()->rowCount() && !secret; ++r) {
      const auto* e = pane.model()->event(r);
      if (!e->derivation) continue;
      for (const auto& v : e->derivation->outputs)
        if (v.secret) {
          secret = &v;
          row = r;
          break;
        }
    }
    QVERIFY(secret);
    const QString masked = QString::fromStdString(rs::sim::displayValue(*secret, false));
    const QString clear = QString::fromStdString(rs::sim::displayValue(*secret, true));
    QVERIFY(masked != clear);
    QCOMPARE(pane.model()->index(row, rs::ui::TraceModel::Kind).data().toString(), QStringLiteral("key-derivation"));
    pane.view()->setCurrentIndex(pane.model()->index(row, 0));
    QVERIFY2(pane.derivationText().contains(masked), qPrintable(pane.derivationText()));
    QVERIFY(!pane.derivationText().contains(clear));
    pane.revealCheckBox()->setChecked(true);
    QVERIFY2(pane.derivationText().contains(clear), qPrintable(pane.derivationText()));
    pane.revealCheckBox()->setChecked(false);
    QVERIFY(!pane.derivationText().contains(clear));
  }

  void packetListFollowsNewFramesOnlyAtItsEnd() {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    const QScrollBar* bar = w.packetView()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    // Scrolled up, the list keeps its place while frames arrive.
    w.controller().reset();
    w.controller().runToBreakpoint(QStringLiteral("Authenticate PTK request"));
    QTRY_VERIFY_WITH_TIMEOUT(!w.controller().isRunning(), kRunTimeoutMs);
    w.packetView()->scrollToTop();
    w.controller().runToEnd();
    QTRY_VERIFY_WITH_TIMEOUT(w.controller().isFinished(), kRunTimeoutMs);
    QCOMPARE(bar->value(), 0);
  }

  void resourcesComeFromTheEnvironmentOrTheSourceTree() {
    QVERIFY(QFileInfo::exists(rs::ui::demoScenarioPath()));
    QVERIFY(rs::ui::demoScenarioPath().endsWith(QStringLiteral("resources/scenarios/wlan-8021x-seed000.json")));
    qputenv("ROAMSCOPE_RESOURCES", settingsDir_.path().toUtf8());
    QCOMPARE(rs::ui::resourcesDirectory(), QDir::cleanPath(settingsDir_.path()));
    QCOMPARE(rs::ui::demoScenarioPath(), settingsDir_.filePath(QStringLiteral("scenarios/wlan-8021x-seed000.json")));
    qunsetenv("ROAMSCOPE_RESOURCES");
    QVERIFY(QFileInfo::exists(rs::ui::demoScenarioPath()));
  }

  void layoutAndLastScenarioPersist() {
    {
      MainWindow w;
      QVERIFY(loadPreset(w));
      w.findChild<QDockWidget*>(QStringLiteral("traceDock"))->hide();
      w.saveSettings();
    }
    MainWindow restored;
    QVERIFY(restored.findChild<QDockWidget*>(QStringLiteral("traceDock"))->isHidden());
    QVERIFY(!restored.findChild<QDockWidget*>(QStringLiteral("handoffDock"))->isHidden());
    QCOMPARE(QSettings().value(QStringLiteral("scenario/last")).toString(), kScenario);
  }

 private:
  QTemporaryDir settingsDir_;
};

RS_OFFSCREEN_TEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
