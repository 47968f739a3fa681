// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #2 acceptance 1: every frame of every real capture dissects, malformed
// marks sit exactly where tshark puts them, and the listed fields equal tshark's.
#include <QtTest>

#include <set>

#include "capture/file/capture_file.h"
#include "dissectors/dispatch.h"
#include "tests/support/field_compare.h"
#include "tests/support/fixtures.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {

// The fields the acceptance names, under tshark 4.0's names.
const std::vector<std::string> kWlanFields = {
    "wlan.fc.type_subtype", "wlan.ra", "wlan.ta", "wlan.da", "wlan.sa", "wlan.bssid", "wlan.seq",
    "wlan.fc.retry", "wlan.fc.protected", "wlan.fixed.auth.alg", "wlan.fixed.auth_seq",
    "wlan.fixed.status_code", "wlan.fixed.reason_code", "wlan.ssid", "wlan.rsn.gcs.type", "wlan.rsn.pcs.type",
    "wlan.rsn.akms.type"};
const std::vector<std::string> kEapolFields = {
    "eapol.version", "eapol.type", "wlan_rsna_eapol.keydes.key_info",
    "wlan_rsna_eapol.keydes.key_info.keydes_version", "wlan_rsna_eapol.keydes.key_info.key_type",
    "wlan_rsna_eapol.keydes.key_info.install", "wlan_rsna_eapol.keydes.key_info.key_ack",
    "wlan_rsna_eapol.keydes.key_info.key_mic", "wlan_rsna_eapol.keydes.key_info.secure",
    "wlan_rsna_eapol.keydes.key_info.encrypted_key_data", "eapol.keydes.key_len", "eapol.keydes.replay_counter",
    "wlan_rsna_eapol.keydes.nonce", "wlan_rsna_eapol.keydes.mic", "wlan_rsna_eapol.keydes.data_len"};

const char* kCaptures[] = {"captures/wpa2-psk-linksys.cap", "captures/wpa-psk-linksys.cap", "captures/wpa.cap",
                           "captures/wpa2.eapol.cap",       "captures/testm1m2m3.pcap",    "captures/wpa3-psk.pcap",
                           "captures/capture_wds-01.cap"};
const char* kRoaming[] = {"roaming/psk/psk.pcap", "roaming/ft-psk/ft-psk.pcap", "roaming/eap/eap.pcap"};

}  // namespace

class TsharkConformance : public QObject {
  Q_OBJECT
 private:
  void addFiles(const char* const* begin, const char* const* end) {
    QTest::addColumn<QString>("file");
    for (auto it = begin; it != end; ++it) QTest::newRow(*it) << QString::fromLatin1(*it);
  }
  void compare(const std::vector<std::string>& fields) {
    QFETCH(QString, file);
    RS_REQUIRE_FIXTURE(file.toStdString());
    RS_REQUIRE_TSHARK();
    const auto r = test::compareWithTshark(test::fixturePath(file.toStdString()), fields);
    QVERIFY2(r.error.empty() && r.mismatches.empty(), test::describe(r).c_str());
    QVERIFY(r.frames > 0);
    QVERIFY(r.comparedValues > 0);
  }

 private slots:
  void wlanFieldsEqualTshark_data() {
    addFiles(std::begin(kCaptures), std::end(kCaptures));
    for (const char* f : kRoaming) QTest::newRow(f) << QString::fromLatin1(f);
  }
  void wlanFieldsEqualTshark() { compare(kWlanFields); }

  void eapolFieldsEqualTshark_data() { wlanFieldsEqualTshark_data(); }
  void eapolFieldsEqualTshark() { compare(kEapolFields); }

  // Malformed marks on exactly the frames tshark marks (its _ws.malformed).
  void malformedFramesEqualTshark_data() { wlanFieldsEqualTshark_data(); }
  void malformedFramesEqualTshark() {
    QFETCH(QString, file);
    RS_REQUIRE_FIXTURE(file.toStdString());
    RS_REQUIRE_TSHARK();
    const std::string path = test::fixturePath(file.toStdString());
    QString err;
    auto table = test::runTsharkFields(path, {"_ws.malformed"}, {"-Y", "_ws.malformed"}, err);
    QVERIFY2(table.has_value(), qPrintable(err));
    // -Y filters rows; ask again for their numbers.
    auto numbers = test::runTsharkFields(path, {"frame.number"}, {"-Y", "_ws.malformed"}, err);
    QVERIFY2(numbers.has_value(), qPrintable(err));
    std::set<std::size_t> theirs;
    for (const auto& row : numbers->rows) theirs.insert(std::stoul(row[0]));

    auto opened = openCapture(path);
    QVERIFY(std::holds_alternative<std::unique_ptr<CaptureFile>>(opened));
    auto& capture = *std::get<std::unique_ptr<CaptureFile>>(opened);
    std::set<std::size_t> ours;
    CaptureFrame f;
    while (capture.next(f))
      if (dissectFrame(f.linkType, f.data).malformed) ours.insert(f.index + 1);
    QCOMPARE(ours, theirs);
  }
};

QTEST_GUILESS_MAIN(TsharkConformance)
#include "tst_tshark_conformance.moc"
