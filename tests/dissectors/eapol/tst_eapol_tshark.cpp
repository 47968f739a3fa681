// SPDX-License-Identifier: GPL-3.0-or-later
// EAPOL, EAP and EAPOL-Key fields of every fixture frame that carries EAPOL,
// compared field by field with tshark 4.0 (the independent oracle), and
// frames built by our builders checked the same way.
#include <QTemporaryDir>
#include <QtTest>

#include <fmt/format.h>

#include "dissectors/common/mac_address.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/inet/ethernet.h"
#include "tests/support/capture_frames.h"
#include "tests/support/field_compare.h"
#include "tests/support/fixtures.h"
#include "tests/support/frame_layers.h"

using namespace rs;

namespace {

const std::vector<std::string> kEapolFields = {
    "eapol.version", "eapol.type", "eapol.len", "eapol.keydes.type", "wlan_rsna_eapol.keydes.msgnr",
    "wlan_rsna_eapol.keydes.key_info", "wlan_rsna_eapol.keydes.key_info.keydes_version",
    "wlan_rsna_eapol.keydes.key_info.key_type", "wlan_rsna_eapol.keydes.key_info.key_index",
    "wlan_rsna_eapol.keydes.key_info.install", "wlan_rsna_eapol.keydes.key_info.key_ack",
    "wlan_rsna_eapol.keydes.key_info.key_mic", "wlan_rsna_eapol.keydes.key_info.secure",
    "wlan_rsna_eapol.keydes.key_info.error", "wlan_rsna_eapol.keydes.key_info.request",
    "wlan_rsna_eapol.keydes.key_info.encrypted_key_data", "wlan_rsna_eapol.keydes.key_info.smk_message",
    "eapol.keydes.key_len", "eapol.keydes.replay_counter", "wlan_rsna_eapol.keydes.nonce", "eapol.keydes.key_iv",
    "wlan_rsna_eapol.keydes.rsc", "wlan_rsna_eapol.keydes.id", "wlan_rsna_eapol.keydes.mic",
    "wlan_rsna_eapol.keydes.data_len", "wlan_rsna_eapol.keydes.data", "eapol.keydes.key_index",
    "eapol.keydes.key_signature", "eapol.keydes.key",
    "eap.code", "eap.id", "eap.len", "eap.type", "eap.identity", "eap.notification", "eap.desired_type",
    "eap.md5.value_size", "eap.md5.value", "eap.tls.flags", "eap.tls.flags.len_included",
    "eap.tls.flags.more_fragments", "eap.tls.flags.start", "eap.tls.flags.version", "eap.tls.len",
    "eap.ext.vendor_id", "eap.ext.vendor_type",
    "llc.dsap", "llc.ssap", "llc.control", "llc.oui", "llc.type",
    "sll.pkttype", "sll.hatype", "sll.halen", "sll.src.eth", "sll.unused", "sll.etype", "sll.ifindex",
    "eth.dst", "eth.src", "eth.type",
    "wlan.tag.number", "wlan.tag.length",
    "_ws.col.Protocol", "_ws.col.Info"};

std::size_t column(const std::string& name) {
  return static_cast<std::size_t>(std::find(kEapolFields.begin(), kEapolFields.end(), name) - kEapolFields.begin());
}

// Frames where tshark or we see EAPOL.
bool hasEapol(const std::vector<std::string>& row, const Dissection& ours) {
  return !row[column("eapol.version")].empty() || ours.layer("eapol") != nullptr;
}
// tshark names TLS-carrying frames after the TLS records it reassembles; the
// columns are comparable only where EAPOL or EAP is the top protocol.
bool eapolColumns(const std::vector<std::string>& row) {
  const std::string& p = row[column("_ws.col.Protocol")];
  return p == "EAPOL" || p == "EAP";
}

std::optional<Dissection> aboveMac(const CaptureFrame& f) { return rs::test::dissectAboveMac(f.linkType, f.data); }

rs::test::ComparisonResult compare(const std::string& path) {
  return rs::test::compareSelectedWithTshark(path, kEapolFields, {}, aboveMac, hasEapol, eapolColumns);
}

void compareFile(const std::string& relative, int minimumFrames) {
  RS_REQUIRE_FIXTURE(relative);
  const auto result = compare(rs::test::fixturePath(relative));
  if (!result.error.empty()) QFAIL(result.error.c_str());
  qInfo("%zu frames, %zu field values compared", result.frames, result.comparedValues);
  if (!result.mismatches.empty()) qWarning("%s", rs::test::describe(result, result.mismatches.size()).c_str());
  QCOMPARE(result.mismatches.size(), std::size_t{0});
  QVERIFY2(result.frames >= static_cast<std::size_t>(minimumFrames),
           qPrintable(QString("only %1 EAPOL frames compared").arg(result.frames)));
}

Bytes onEthernet(const Bytes& eapolPdu) {
  const auto dst = *MacAddress::parse("02:00:00:00:02:00");
  const auto src = *MacAddress::parse("02:00:00:00:00:00");
  return inet::buildEthernet(dst, src, inet::kEtherTypeEapol, eapolPdu);
}

}  // namespace

class TestEapolTshark : public QObject {
  Q_OBJECT
 private slots:
  void fixtures_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minimumFrames");
    QTest::newRow("aircrack-ng wpa.cap (WPA1, Prism)") << "captures/wpa.cap" << 4;
    QTest::newRow("aircrack-ng wpa-psk-linksys.cap (WPA1)") << "captures/wpa-psk-linksys.cap" << 4;
    QTest::newRow("aircrack-ng wpa2-psk-linksys.cap") << "captures/wpa2-psk-linksys.cap" << 12;
    QTest::newRow("aircrack-ng wpa2.eapol.cap") << "captures/wpa2.eapol.cap" << 4;
    QTest::newRow("aircrack-ng testm1m2m3.pcap") << "captures/testm1m2m3.pcap" << 3;
    QTest::newRow("aircrack-ng wpa3-psk.pcap (SAE)") << "captures/wpa3-psk.pcap" << 4;
    QTest::newRow("aircrack-ng capture_wds-01.cap (WDS)") << "captures/capture_wds-01.cap" << 4;
    QTest::newRow("hwsim psk air") << "roaming/psk/psk.pcap" << 8;
    QTest::newRow("hwsim ft-psk air") << "roaming/ft-psk/ft-psk.pcap" << 4;
    QTest::newRow("hwsim eap air (PEAP)") << "roaming/eap/eap.pcap" << 40;
    QTest::newRow("hostapd wired PEAP (SLL2)") << "peers/eapol-wired-internal-peap.pcap" << 20;
  }
  void fixtures() {
    QFETCH(QString, file);
    QFETCH(int, minimumFrames);
    compareFile(file.toStdString(), minimumFrames);
  }

  // Frames our builders make, dissected by tshark: covers what the fixtures
  // lack (group key messages, RC4 descriptor, Logoff, MD5, Nak, Notification,
  // expanded types, EAP-TLS with the L flag).
  void builtFrames() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<Bytes> frames;
    eapol::EapolKeyFields group1;
    group1.keyInfo = 0x1382;  // version 2, group, ack, mic, secure, encrypted key data
    group1.keyLength = 0;
    group1.replayCounter = 7;
    group1.mic = Bytes(16, 0x5a);
    group1.keyData = Bytes(40, 0x33);
    frames.push_back(onEthernet(eapol::buildEapolKey(group1)));
    eapol::EapolKeyFields group2 = group1;
    group2.keyInfo = 0x0302;
    group2.keyData.clear();
    frames.push_back(onEthernet(eapol::buildEapolKey(group2)));
    eapol::EapolKeyFields wpaGroup = group1;
    wpaGroup.descriptorType = eapol::kDescriptorWpa;
    wpaGroup.keyInfo = 0x0391;  // WPA group message 1 (key index 1), no encrypted-data bit
    wpaGroup.keyLength = 32;
    frames.push_back(onEthernet(eapol::buildEapolKey(wpaGroup)));
    frames.push_back(onEthernet(eapol::buildEapol(1, eapol::PacketType::Start, {})));
    frames.push_back(onEthernet(eapol::buildEapol(2, eapol::PacketType::Logoff, {})));
    frames.push_back(onEthernet(eapol::buildEapol(
        3, eapol::PacketType::EapPacket, eapol::buildEapIdentity(eapol::EapCode::Response, 9, "alice@example.org"))));
    const Bytes md5{16, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10,
                    'h', 'a'};
    frames.push_back(onEthernet(eapol::buildEapol(
        2, eapol::PacketType::EapPacket, eapol::buildEap(eapol::EapCode::Request, 10, eapol::eaptype::kMd5Challenge, md5))));
    const Bytes nak{25, 21};
    frames.push_back(onEthernet(eapol::buildEapol(
        2, eapol::PacketType::EapPacket, eapol::buildEap(eapol::EapCode::Response, 10, eapol::eaptype::kNak, nak))));
    frames.push_back(onEthernet(eapol::buildEapol(
        2, eapol::PacketType::EapPacket,
        eapol::buildEap(eapol::EapCode::Request, 11, eapol::eaptype::kNotification, asView("maintenance")))));
    frames.push_back(onEthernet(eapol::buildEapol(
        2, eapol::PacketType::EapPacket,
        eapol::buildEapTls(eapol::EapCode::Request, 12, eapol::eaptype::kTls, eapol::tlsflag::kMoreFragments, 3000,
                           Bytes(100, 0x16)))));
    frames.push_back(onEthernet(eapol::buildEapol(
        2, eapol::PacketType::EapPacket,
        eapol::buildEapTls(eapol::EapCode::Request, 13, eapol::eaptype::kTtls, eapol::tlsflag::kStart, std::nullopt,
                           {}))));
    frames.push_back(onEthernet(eapol::buildEapol(2, eapol::PacketType::EapPacket, eapol::buildEapSuccess(14))));
    frames.push_back(onEthernet(eapol::buildEapol(2, eapol::PacketType::EapPacket, eapol::buildEapFailure(15))));
    // RC4 descriptor (IEEE 802.1X-2004 7.6): type, length 13, replay, IV, index 0x81, signature, key.
    Bytes rc4{eapol::kDescriptorRc4, 0x00, 0x0d};
    rc4.insert(rc4.end(), 8, 0x00);
    rc4.back() = 0x02;
    rc4.insert(rc4.end(), 16, 0x11);
    rc4.push_back(0x81);
    rc4.insert(rc4.end(), 16, 0x22);
    rc4.insert(rc4.end(), 13, 0x44);
    frames.push_back(onEthernet(eapol::buildEapol(1, eapol::PacketType::Key, rc4)));
    const std::string path = dir.filePath("built.pcap").toStdString();
    std::string error;
    QVERIFY2(rs::test::writePcap(path, 1, frames, &error), error.c_str());
    const auto result = compare(path);
    if (!result.error.empty()) QFAIL(result.error.c_str());
    if (!result.mismatches.empty()) qWarning("%s", rs::test::describe(result, result.mismatches.size()).c_str());
    QCOMPARE(result.mismatches.size(), std::size_t{0});
    QCOMPARE(result.frames, frames.size());
  }
};

QTEST_GUILESS_MAIN(TestEapolTshark)
#include "tst_eapol_tshark.moc"
