// SPDX-License-Identifier: GPL-3.0-or-later
// Opening captures in the desktop application (offscreen): a real roam from
// Linux's Wi-Fi stack (../shared/fixtures/roaming/psk) read in the background
// with the key manager's keys — rows, columns, details with verified MICs and
// decrypted data, linked hex highlighting, the handoffs the CLI finds — three
// files merged, a garbage file among good ones, cancelling a long read,
// recent files, drag and drop, and the key manager's checks and masking.
#include <QCheckBox>
#include <QDropEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include "capture/file/capture_file.h"
#include "capture/file/pcapng_writer.h"
#include "core/analysis/key_ring.h"
#include "tests/support/fixtures.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/capture_document.h"
#include "ui/app/capture_load_job.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/decryption_keys.h"
#include "ui/app/handoff_table_model.h"
#include "ui/app/hex_view.h"
#include "ui/app/key_manager_dialog.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_details_model.h"
#include "ui/app/packet_filter_proxy.h"
#include "ui/app/packet_list_model.h"
#include "ui/app/report_export_job.h"

using rs::ui::CaptureDocument;
using rs::ui::DecryptionKey;
using rs::ui::DecryptionKeys;
using rs::ui::MainWindow;
using rs::ui::PacketDetailsModel;
using rs::ui::PacketListModel;

namespace {

const std::string kPsk = "roaming/psk/psk.pcap";
const std::string kPskKeys = "roaming/psk/80211_keys";

QString fixture(const std::string& relative) { return QString::fromStdString(rs::test::fixturePath(relative)); }

std::size_t framesIn(const QString& path) {
  auto opened = rs::CaptureFile::open(path.toStdString());
  auto& file = *std::get<std::unique_ptr<rs::CaptureFile>>(opened);
  file.indexAll();
  return file.indexedFrames();
}

bool waitLoaded(MainWindow& w) {
  w.captureDocument().waitForLoaded();
  return !w.captureDocument().isLoading();
}

QModelIndex findField(const PacketDetailsModel& model, const QString& name, const QModelIndex& parent = {}) {
  for (int row = 0; row < model.rowCount(parent); ++row) {
    const QModelIndex index = model.index(row, 0, parent);
    if (index.data(PacketDetailsModel::FieldNameRole).toString() == name) return index;
    if (const QModelIndex found = findField(model, name, index); found.isValid()) return found;
  }
  return {};
}

DecryptionKeys fixtureKeys() {
  DecryptionKeys keys;
  QString error;
  if (!keys.importWiresharkFile(fixture(kPskKeys), error)) qWarning("%s", qPrintable(error));
  return keys;
}

}  // namespace

class TestCaptureDocument : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_capture_document")));
  }

  // Every frame of the file is a row with tshark's columns; the key manager's PMK verifies the MICs and
  // decrypts the data; a field selected in the details is highlighted in the hex view; the handoff table
  // has the CLI's two records (the join and the roam to 02:00:00:00:01:00).
  void opensAFixtureCaptureWithKeys() {
    RS_REQUIRE_FIXTURE(kPsk);
    MainWindow w;
    w.setDecryptionKeys(fixtureKeys());
    QCOMPARE(w.decryptionKeys().entries().size(), 1);
    QSignalSpy finished(&w.captureDocument(), &CaptureDocument::loadFinished);
    QVERIFY(w.openCaptures({fixture(kPsk)}));
    QCOMPARE(w.activeSource(), static_cast<rs::ui::FrameSource*>(&w.captureDocument()));
    QVERIFY(waitLoaded(w));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.front().front().toBool(), false);
    QVERIFY(w.loadProgressBar()->isHidden());
    const int rows = w.packetModel()->rowCount();
    QCOMPARE(static_cast<std::size_t>(rows), framesIn(fixture(kPsk)));
    QCOMPARE(w.packetModel()->index(0, PacketListModel::Number).data().toInt(), 1);
    // Times are relative to the first frame, as tshark -r shows them by default.
    QCOMPARE(w.packetModel()->index(0, PacketListModel::Time).data().toString(), QStringLiteral("0.000000000"));

    // The first EAPOL-Key message 2: its MIC checks out with the PMK from the key manager.
    int m2 = -1;
    for (int row = 0; row < rows && m2 < 0; ++row)
      if (w.packetModel()->index(row, PacketListModel::Protocol).data().toString() == QStringLiteral("EAPOL") &&
          w.packetModel()->index(row, PacketListModel::Info).data().toString().contains(QStringLiteral("(Message 2 of 4)")))
        m2 = row;
    QVERIFY2(m2 >= 0, "no EAPOL-Key message 2");
    w.packetView()->selectRow(w.viewRowOfFrame(m2));
    const QModelIndex mic = findField(*w.detailsModel(), QStringLiteral("roamscope.mic_valid"));
    QVERIFY2(mic.isValid(), "no MIC verdict in the details");
    QCOMPARE(mic.data().toString(), QStringLiteral("MIC valid: true"));
    // Linked highlighting: the replay counter's bytes.
    const QModelIndex counter = findField(*w.detailsModel(), QStringLiteral("eapol.keydes.replay_counter"));
    QVERIFY(counter.isValid());
    w.detailsView()->setCurrentIndex(counter);
    QCOMPARE(w.hexView()->highlightedRange().first, counter.data(PacketDetailsModel::ByteOffsetRole).toInt());
    QCOMPARE(w.hexView()->highlightedRange().second, 8);

    // A protected data frame after the roam decrypts: the list shows its ICMP, the details its IP header.
    int data = -1;
    for (int row = rows - 1; row >= 0 && data < 0; --row)
      if (w.packetModel()->index(row, PacketListModel::Protocol).data().toString() == QStringLiteral("ICMP")) data = row;
    QVERIFY2(data >= 0, "no data frame decrypted with the fixture's PMK");
    w.packetView()->selectRow(w.viewRowOfFrame(data));
    QVERIFY(findField(*w.detailsModel(), QStringLiteral("ip.src")).isValid());
    QVERIFY(findField(*w.detailsModel(), QStringLiteral("roamscope.decrypted")).isValid());


    // The display filter sees the decrypted payload too, as Wireshark's does.
    QVERIFY(w.applyDisplayFilter(QStringLiteral("icmp && wlan.sa == 02:00:00:00:02:00")));
    w.packetFilter()->completeNow();
    QVERIFY(w.packetView()->model()->rowCount() > 0);
    for (int row = 0; row < w.packetView()->model()->rowCount(); ++row)
      QCOMPARE(w.packetView()->model()->index(row, PacketListModel::Protocol).data().toString(), QStringLiteral("ICMP"));
    QVERIFY(w.applyDisplayFilter(QString()));

    QCOMPARE(w.handoffModel()->rowCount(), 2);
    QCOMPARE(w.handoffModel()->index(1, rs::ui::HandoffTableModel::To).data().toString(),
             QStringLiteral("02:00:00:00:01:00 (ch 6)"));
    QCOMPARE(w.handoffModel()->index(1, rs::ui::HandoffTableModel::Method).data().toString(), QStringLiteral("psk"));
    // Selecting the roam selects its first frame (the station's Authentication to the new AP).
    w.focusHandoff(1);
    const int selected = w.packetView()->currentIndex().row();
    QVERIFY(w.packetModel()->index(selected, PacketListModel::Info).data().toString().startsWith(QStringLiteral("Authentication")));

    // Opening a scenario switches the views back to the emulation; the capture's rows are gone.
    QVERIFY(w.openScenario(QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-psk-seed000.json")));
    QCOMPARE(w.activeSource(), static_cast<rs::ui::FrameSource*>(&w.controller()));
    QVERIFY(w.packetModel()->rowCount() < rows);
  }

  // Without keys the same file opens, and nothing decrypts; a bad key is refused with the row and reason.
  void keysDecideWhatDecrypts() {
    RS_REQUIRE_FIXTURE(kPsk);
    MainWindow w;
    QVERIFY(w.openCaptures({fixture(kPsk)}));
    QVERIFY(waitLoaded(w));
    bool anyDecrypted = false;
    for (int row = 0; row < w.packetModel()->rowCount() && !anyDecrypted; row += 7) {
      w.packetView()->selectRow(w.viewRowOfFrame(row));
      anyDecrypted = findField(*w.detailsModel(), QStringLiteral("ip.src")).isValid() &&
                     w.packetModel()->index(row, PacketListModel::Info).data().toString().contains(QStringLiteral("Protected"));
    }
    QVERIFY(!anyDecrypted);
    for (int row = 0; row < w.packetModel()->rowCount(); ++row)
      QVERIFY(w.packetModel()->index(row, PacketListModel::Protocol).data().toString() != QStringLiteral("ICMP"));

    DecryptionKeys bad;
    bad.setEntries({DecryptionKey{QStringLiteral("wpa-psk"), QStringLiteral("abcd")}});
    w.setDecryptionKeys(bad);
    QVERIFY(!w.openCaptures({fixture(kPsk)}));
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("key 1")), qPrintable(w.statusBar()->currentMessage()));
  }

  // Three files of one roam (air, the AP's bridge, the station) merge into one list: every frame of each,
  // less the copies heard twice; the set is remembered as one recent entry.
  void mergesSeveralFilesAndRemembersThem() {
    const std::vector<std::string> parts{kPsk, "roaming/psk/psk-br0.pcap", "roaming/psk/psk-sta.pcap"};
    for (const auto& p : parts) RS_REQUIRE_FIXTURE(p);
    MainWindow w;
    QStringList paths;
    std::size_t total = 0;
    for (const auto& p : parts) {
      paths.append(fixture(p));
      total += framesIn(fixture(p));
    }
    QVERIFY(w.openCaptures(paths));
    QVERIFY(waitLoaded(w));
    const auto rows = static_cast<std::size_t>(w.packetModel()->rowCount());
    QCOMPARE(rows + w.captureDocument().duplicatesDropped(), total);
    QCOMPARE(w.captureDocument().clockOffsetLines().size(), std::size_t{3});
    // Interface names say which file a frame came from (pcap files name no interface: the file's name).
    bool sawStationFile = false;
    for (int row = 0; row < static_cast<int>(rows) && !sawStationFile; ++row)
      sawStationFile = w.packetModel()->index(row, PacketListModel::Interface).data().toString() == QStringLiteral("psk-sta.pcap");
    QVERIFY(sawStationFile);
    QVERIFY(!w.recentCaptures().isEmpty());
    QCOMPARE(w.recentCaptures().front(), paths);

    // File > Export report: what `roamscope-cli analyze --report` writes — the analysis' records, the
    // three inputs and their clock offsets; the Latency plots dock draws the same records.
    QTemporaryDir out;
    const QString json = out.filePath(QStringLiteral("merged.json"));
    QVERIFY(w.exportReport(json));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(report.value(QStringLiteral("inputs")).toArray().size(), 3);
    QCOMPARE(report.value(QStringLiteral("clock_offsets")).toArray().size(), 3);
    QCOMPARE(static_cast<std::size_t>(report.value(QStringLiteral("handoffs")).toArray().size()),
             w.captureDocument().handoffs().size());
    // The menu's way: in the background, with a busy bar and Cancel; the PDF's plots are drawn on this thread
    // while the worker waits, so the export only finishes while events are handled.
    QSignalSpy exported(w.reportExportJob(), &rs::ui::ReportExportJob::finished);
    QVERIFY(w.startReportExport(out.filePath(QStringLiteral("merged.pdf"))));
    QVERIFY(!w.findChild<QProgressBar*>(QStringLiteral("exportProgress"))->isHidden());
    QVERIFY(!w.startReportExport(out.filePath(QStringLiteral("second.json"))));  // one export at a time
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 120000);
    QCOMPARE(exported.front().at(1).toString(), QString());  // no error
    QCOMPARE(exported.front().at(2).toBool(), false);
    QVERIFY(w.findChild<QProgressBar*>(QStringLiteral("exportProgress"))->isHidden());
    QFile pdf(out.filePath(QStringLiteral("merged.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("Exported the report")));

    // Cancelled: the worker runs to its end, then what it wrote is removed.
    exported.clear();
    const QString cancelledPath = out.filePath(QStringLiteral("cancelled.html"));
    QVERIFY(w.startReportExport(cancelledPath));
    w.reportExportJob()->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 120000);
    QCOMPARE(exported.front().at(2).toBool(), true);
    QVERIFY(!QFile::exists(cancelledPath));
    QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("Export cancelled")));
  }

  // A garbage file among good ones: one clear error naming it, and the good file is still read.
  void anUnreadableFileIsReportedAndTheOthersAreRead() {
    RS_REQUIRE_FIXTURE(kPsk);
    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("garbage.pcap"));
    QFile f(garbage);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(100, '\x5a'));
    f.close();
    MainWindow w;
    QVERIFY(w.openCaptures({garbage, fixture(kPsk)}));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.captureDocument().loadErrors().size(), 1);
    QVERIFY(w.captureDocument().loadErrors().front().contains(QStringLiteral("garbage.pcap")));
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("garbage.pcap")));
    QCOMPARE(static_cast<std::size_t>(w.packetModel()->rowCount()), framesIn(fixture(kPsk)));
    // A file that does not exist at all is one error too, and nothing crashes.
    QVERIFY(w.openCaptures({dir.filePath(QStringLiteral("missing.pcapng"))}));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.packetModel()->rowCount(), 0);
    QCOMPARE(w.captureDocument().loadErrors().size(), 1);
  }

  // Cancel stops reading at a batch boundary: the frames read so far stay, in order, and are analysed.
  void cancellingKeepsWhatWasRead() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.pcapng"));
    writeSyntheticCapture(path, 50000);
    rs::ui::LoadRequest request;
    request.paths = {path.toStdString()};
    request.firstBatchFrames = 100;
    std::size_t delivered = 0;
    rs::ui::CaptureLoadJob* self = nullptr;
    rs::ui::CaptureLoadJob job(std::move(request), [&](rs::ui::LoadBatch&& batch) {
      delivered += batch.frames.size();
      self->cancel();  // as the Cancel button does, from another thread in the application
    });
    self = &job;
    const rs::ui::LoadResult result = job.run();
    QVERIFY(result.cancelled);
    QCOMPARE(result.frames, std::uint64_t{100});
    QCOMPARE(delivered, std::size_t{100});
    QVERIFY(result.analyzer != nullptr);

    // Through the window: the document reports the cancel and keeps a prefix of the file.
    MainWindow w;
    QSignalSpy finished(&w.captureDocument(), &CaptureDocument::loadFinished);
    QVERIFY(w.openCaptures({path}));
    w.captureDocument().cancel();
    QVERIFY(waitLoaded(w));
    QCOMPARE(finished.count(), 1);
    QVERIFY(w.packetModel()->rowCount() <= 50000);
    if (finished.front().front().toBool()) QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
  }

  // A display filter over many frames runs in slices on the event loop: matches appear in order while it
  // runs, the filter's progress bar shows, and stopping it keeps the matches found so far.
  void displayFilterRunsInSlicesAndStops() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.pcapng"));
    writeSyntheticCapture(path, 50000);
    MainWindow w;
    QVERIFY(w.openCaptures({path}));
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.packetModel()->rowCount(), 50000);
    w.packetFilter()->setSliceBudgetMs(1);
    QVERIFY(w.applyDisplayFilter(QStringLiteral("wlan.fc.type_subtype == 8")));
    QVERIFY(w.packetFilter()->isFiltering());
    QVERIFY(!w.findChild<QProgressBar*>(QStringLiteral("filterProgress"))->isHidden());
    const int early = w.packetView()->model()->rowCount();
    QVERIFY(early < 50000);
    QTRY_VERIFY_WITH_TIMEOUT(!w.packetFilter()->isFiltering(), 120000);
    QCOMPARE(w.packetView()->model()->rowCount(), 50000);  // every synthetic frame is a beacon
    QVERIFY(w.findChild<QProgressBar*>(QStringLiteral("filterProgress"))->isHidden());
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("50000 of 50000")), qPrintable(w.statusBar()->currentMessage()));

    QVERIFY(w.applyDisplayFilter(QStringLiteral("wlan.fc.type_subtype == 8 || wlan.fc.type_subtype == 5")));
    QVERIFY(w.packetFilter()->isFiltering());
    w.packetFilter()->cancel();
    const int kept = w.packetView()->model()->rowCount();
    QCOMPARE(kept, w.packetFilter()->examinedRows());
    QVERIFY(kept < 50000);
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Filtering stopped")), qPrintable(w.statusBar()->currentMessage()));
    QTest::qWait(50);
    QCOMPARE(w.packetView()->model()->rowCount(), kept);  // nothing more is examined after Stop
    // Row mapping both ways over a partial result.
    QCOMPARE(w.viewRowOfFrame(kept - 1), kept - 1);
    QCOMPARE(w.viewRowOfFrame(kept), -1);
  }

  // Dropping files on the window opens them as captures (several merged); one .json is a scenario.
  void dragAndDropOpensFiles() {
    RS_REQUIRE_FIXTURE(kPsk);
    MainWindow w;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fixture(kPsk))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QVERIFY(waitLoaded(w));
    QCOMPARE(w.captureDocument().paths(), QStringList{fixture(kPsk)});
    QVERIFY(w.packetModel()->rowCount() > 0);

    QMimeData scenario;
    scenario.setUrls({QUrl::fromLocalFile(QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-psk-ft.json"))});
    QDragEnterEvent enterScenario(QPoint(10, 10), Qt::CopyAction, &scenario, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enterScenario);
    QDropEvent dropScenario(QPointF(10, 10), Qt::CopyAction, &scenario, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &dropScenario);
    QCOMPARE(w.activeSource(), static_cast<rs::ui::FrameSource*>(&w.controller()));
    QVERIFY(w.controller().scenarioPath().endsWith(QStringLiteral("wlan-psk-ft.json")));
  }

  // The key manager: values masked until "Show keys", each row checked as typed, OK refused while a row
  // is unusable; the checks are the CLI's key-file parser's.
  void keyManagerChecksAndMasks() {
    QCOMPARE(DecryptionKeys::validate({QStringLiteral("wpa-pwd"), QStringLiteral("short:net")}).has_value(), true);
    QCOMPARE(DecryptionKeys::validate({QStringLiteral("wpa-pwd"), QStringLiteral("long enough:net")}).has_value(), false);
    QVERIFY(DecryptionKeys::validate({QStringLiteral("tk"), QStringLiteral("00112233")})->contains(QStringLiteral("32 hex")));
    QVERIFY(!DecryptionKeys::validate({QStringLiteral("radius-secret"), QStringLiteral("testing123")}).has_value());
    QVERIFY(DecryptionKeys::validate({QStringLiteral("wep"), QStringLiteral("00")}).has_value());

    rs::ui::KeyManagerDialog dialog(DecryptionKeys{});
    dialog.addKey({QStringLiteral("wpa-psk"), QStringLiteral("ccc4f758d864e731dc685afeceaadb0fad07836d3caa2ea893e0e89277869d5f")});
    auto* value = qobject_cast<QLineEdit*>(dialog.table()->cellWidget(0, 1));
    QVERIFY(value);
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    dialog.showKeysBox()->setChecked(true);
    QCOMPARE(value->echoMode(), QLineEdit::Normal);
    QVERIFY(dialog.validateAll());
    dialog.addKey({QStringLiteral("msk"), QStringLiteral("0011")});
    QVERIFY(!dialog.validateAll());
    QVERIFY(dialog.problemLabel()->text().startsWith(QStringLiteral("Key 2")));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));  // not accepted while key 2 is unusable
    QCOMPARE(dialog.keys().entries().size(), 2);

    // Round trip through a Wireshark 80211_keys file; RADIUS secrets stay out of it.
    QTemporaryDir dir;
    DecryptionKeys keys;
    keys.setEntries({{QStringLiteral("wpa-pwd"), QStringLiteral("passphrase:ssid")},
                     {QStringLiteral("radius-secret"), QStringLiteral("testing123")}});
    QString error;
    QVERIFY(keys.exportWiresharkFile(dir.filePath(QStringLiteral("80211_keys")), error));
    DecryptionKeys back;
    QVERIFY2(back.importWiresharkFile(dir.filePath(QStringLiteral("80211_keys")), error), qPrintable(error));
    QCOMPARE(back.entries().size(), 1);
    QCOMPARE(back.entries().front(), keys.entries().front());
    QVERIFY(keys.keyRing(error) != nullptr);

    // Kept in the settings only when asked.
    keys.saveSettings(false);
    QVERIFY(DecryptionKeys::loadSettings().empty());
    keys.saveSettings(true);
    QCOMPARE(DecryptionKeys::loadSettings().entries(), keys.entries());
    keys.saveSettings(false);
    QVERIFY(!QSettings().contains(QStringLiteral("decryption/keys")));
  }

 private:
  // `count` copies of a beacon-sized radiotap frame, 1 ms apart (enough frames for several batches).
  static void writeSyntheticCapture(const QString& path, int count);

  QTemporaryDir settingsDir_;
};

void TestCaptureDocument::writeSyntheticCapture(const QString& path, int count) {
  auto created = rs::PcapngWriter::create(path.toStdString(), "tst_capture_document");
  QVERIFY(std::holds_alternative<std::unique_ptr<rs::PcapngWriter>>(created));
  auto& writer = *std::get<std::unique_ptr<rs::PcapngWriter>>(created);
  const auto id = writer.addInterface(127, "wlan0");  // LINKTYPE_IEEE802_11_RADIOTAP
  QVERIFY(id.has_value());
  // An empty radiotap header and a beacon header from 02:00:00:00:00:00, then a few fixed-field bytes.
  rs::Bytes frame{0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
                  0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
  frame.resize(frame.size() + 12, 0);
  for (int i = 0; i < count; ++i)
    QVERIFY(writer.writePacket(*id, 1'700'000'000'000'000'000 + static_cast<std::int64_t>(i) * 1'000'000, rs::ByteView(frame)));
  QVERIFY(writer.close());
}

RS_OFFSCREEN_TEST_MAIN(TestCaptureDocument)
#include "tst_capture_document.moc"
