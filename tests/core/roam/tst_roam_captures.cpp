// SPDX-License-Identifier: GPL-3.0-or-later
// Acceptance 2 of issue 3 over the real third-party captures of
// ../shared/fixtures/captures (see its README for SSIDs and passphrases):
// every successful (re)association and every EAPOL-Key frame tshark shows must
// be in the roam analysis, with the same timestamps, and with the known
// passphrases every handshake's MICs must verify.
//
// tshark is the independent oracle: for each capture it lists the successful
// (re)association responses (station, BSSID, time) and the EAPOL-Key frames
// (decrypting protected ones when the passphrase is known, as the analysis
// does). The analysis must have
//   * for each association a record to that BSSID whose reassociation phase and
//     (re)association exchange end at that response, a join (no `from`) when
//     tshark shows no earlier association of the station;
//   * every EAPOL-Key frame in some record's keyFrames, the record's four-way /
//     group-key phase starting and ending at the first / last such frame;
//   * micsVerified == true for each record with a MIC-bearing key frame, when
//     the passphrase is known;
//   * every request → response exchange made of frames of the right types, at
//     the timestamps tshark gives for those frame numbers.
//
// Where a capture has handshakes without their association, the analysis
// reports them as handshake-only records (RecordKind::HandshakeOnly); each row
// of captures_data() says how many and why.
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>
#include <map>
#include <set>
#include <variant>

#include "capture/file/capture_file.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "tests/support/fixtures.h"

using namespace rs;
using namespace rs::roam;

namespace {

constexpr std::uint16_t kKeyInfoPairwise = 0x0008;  // IEEE 802.11-2016 12.7.2 Key Information: Key Type
constexpr std::uint16_t kKeyInfoMic = 0x0100;

std::int64_t epochNs(const QByteArray& text) {
  const QList<QByteArray> parts = text.trimmed().split('.');
  if (parts.size() != 2 || parts[1].size() != 9) return -1;
  return parts[0].toLongLong() * 1'000'000'000 + parts[1].toLongLong();
}

// Rows of `tshark -T fields` for a display filter; with a passphrase, tshark decrypts as the analysis does.
std::vector<QList<QByteArray>> tsharkRows(const std::string& capture, const QString& filter, const QStringList& fields,
                                          const QString& ssid, const QString& passphrase) {
  QStringList args{"-r", QString::fromStdString(rs::test::fixturePath(capture)), "-Y", filter, "-T", "fields"};
  if (!passphrase.isEmpty()) {
    args << "-o" << "wlan.enable_decryption:TRUE" << "-o"
         << QStringLiteral("uat:80211_keys:\"wpa-pwd\",\"%1:%2\"").arg(passphrase, ssid);
  }
  for (const QString& f : fields) args << "-e" << f;
  QProcess p;
  p.start("tshark", args);
  std::vector<QList<QByteArray>> rows;
  if (!p.waitForFinished(120000) || p.exitCode() != 0) return rows;
  for (const QByteArray& line : p.readAllStandardOutput().split('\n'))
    if (!line.trimmed().isEmpty()) rows.push_back(line.split('\t'));
  return rows;
}

struct Association {
  std::uint64_t frame = 0;  // stream index (tshark frame.number - 1)
  std::int64_t ns = 0;
  MacAddress sta, bssid;
};

struct KeyFrame {
  std::int64_t ns = 0;
  std::uint16_t keyInfo = 0;
};

struct AnyFrame {
  std::int64_t ns = 0;
  int subtype = -1;  // wlan.fc.type_subtype
  bool eapolKey = false, eap = false;
};

// The 802.11 type/subtype (IEEE 802.11-2016 Table 9-1) an exchange's request and response frames must have;
// data frames (EAP, EAPOL-Key) are checked by their payload instead.
bool frameFits(ExchangeKind kind, bool request, const AnyFrame& f) {
  switch (kind) {
    case ExchangeKind::Probe: return f.subtype == (request ? 0x04 : 0x05);
    case ExchangeKind::Authentication: return f.subtype == 0x0b;
    case ExchangeKind::FtAction: return f.subtype == 0x0d;
    case ExchangeKind::Reassociation:
      return request ? (f.subtype == 0x00 || f.subtype == 0x02) : (f.subtype == 0x01 || f.subtype == 0x03);
    case ExchangeKind::Eap: return f.eap;
    case ExchangeKind::Radius: return false;  // wired frames: none of these 802.11-only captures has RADIUS
    case ExchangeKind::M1M2:
    case ExchangeKind::M3M4:
    case ExchangeKind::GroupM1M2: return f.eapolKey;
    case ExchangeKind::Seed000M1M2:
    case ExchangeKind::Seed000M2M3: return f.subtype == 0x0d;  // vendor-specific Action frames
  }
  return false;
}

}  // namespace

class TestRoamCaptures : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (QStandardPaths::findExecutable("tshark").isEmpty()) QSKIP("tshark is not installed");
  }

  void captures_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("ssid");
    QTest::addColumn<QString>("passphrase");  // empty: unknown, MICs cannot be checked
    QTest::addColumn<int>("handshakeOnly");   // records of handshakes without their association

    // Four association attempts to one AP (one refused with status 10), three 4-way handshakes: every
    // handshake follows its association.
    QTest::newRow("wpa2-psk-linksys.cap") << "wpa2-psk-linksys.cap" << "linksys" << "dictionary" << 0;
    // WPA1: association, 4-way handshake, a group key message 1 before the data (no message 2 captured),
    // then 3 s later, inside the association, a group key rekey (protected, frames 210/211): that rekey
    // has no association of its own, so it is a handshake-only record.
    QTest::newRow("wpa-psk-linksys.cap") << "wpa-psk-linksys.cap" << "linksys" << "dictionary" << 1;
    // Only the four EAPOL frames: the capture has no association, the handshake is a handshake-only record.
    QTest::newRow("wpa.cap") << "wpa.cap" << "test" << "biscotte" << 1;
    QTest::newRow("wpa2.eapol.cap") << "wpa2.eapol.cap" << "Harkonen" << "12345678" << 1;
    // M1, then M2 ten minutes later, then M3, no association and no M4: longer than the 5 s attempt timeout
    // between M1 and M2, so two handshake-only records: M1 (failed: timeout, M2 missing) and M2+M3
    // (failed: incomplete, M4 missing). M2 and M3 still verify: the key check pairs M2 with M1's ANonce
    // across the gap.
    QTest::newRow("testm1m2m3.pcap") << "testm1m2m3.pcap" << "WLAN-2" << "12345678" << 2;
    // SAE commit/confirm, association, 4-way handshake; passphrase unknown: no MIC check.
    QTest::newRow("wpa3-psk.pcap") << "wpa3-psk.pcap" << "" << "" << 0;
    // WDS (4-address data frames), but the handshake runs as station ↔ AP; passphrase unknown.
    QTest::newRow("capture_wds-01.cap") << "capture_wds-01.cap" << "" << "" << 0;
  }

  void captures() {
    QFETCH(QString, file);
    QFETCH(QString, ssid);
    QFETCH(QString, passphrase);
    QFETCH(int, handshakeOnly);
    const std::string cap = "captures/" + file.toStdString();
    RS_REQUIRE_FIXTURE(cap);

    // The oracle.
    std::vector<Association> associations;
    for (const auto& row : tsharkRows(cap,
                                      "(wlan.fc.type_subtype == 1 || wlan.fc.type_subtype == 3) && "
                                      "wlan.fixed.status_code == 0",
                                      {"frame.number", "frame.time_epoch", "wlan.da", "wlan.bssid"}, ssid, passphrase)) {
      QCOMPARE(row.size(), qsizetype{4});
      const auto sta = MacAddress::parse(row[2].toStdString());
      const auto bssid = MacAddress::parse(row[3].toStdString());
      QVERIFY(sta && bssid);
      associations.push_back(Association{row[0].toULongLong() - 1, epochNs(row[1]), *sta, *bssid});
    }
    std::map<std::uint64_t, KeyFrame> keyFrames;  // by stream index
    for (const auto& row : tsharkRows(cap, "eapol.type == 3",
                                      {"frame.number", "frame.time_epoch", "wlan_rsna_eapol.keydes.key_info"}, ssid,
                                      passphrase)) {
      QCOMPARE(row.size(), qsizetype{3});
      bool ok = false;
      const auto keyInfo = static_cast<std::uint16_t>(row[2].trimmed().toUInt(&ok, 16));
      QVERIFY(ok);
      keyFrames[row[0].toULongLong() - 1] = KeyFrame{epochNs(row[1]), keyInfo};
    }
    QVERIFY2(!keyFrames.empty(), "tshark shows no EAPOL-Key frame (is tshark working?)");
    std::map<std::uint64_t, AnyFrame> frames;
    for (const auto& row : tsharkRows(cap, "frame", {"frame.number", "frame.time_epoch", "wlan.fc.type_subtype", "eapol.type"},
                                      ssid, passphrase)) {
      QCOMPARE(row.size(), qsizetype{4});
      bool ok = false;
      const int subtype = row[2].trimmed().isEmpty() ? -1 : static_cast<int>(row[2].trimmed().toUInt(&ok, 16));
      const int eapolType = row[3].trimmed().isEmpty() ? -1 : row[3].trimmed().toInt();
      frames[row[0].toULongLong() - 1] = AnyFrame{epochNs(row[1]), subtype, eapolType == 3, eapolType == 0};
    }

    // The analysis, with the capture's passphrase when it is known.
    auto opened = openCapture(rs::test::fixturePath(cap));
    QVERIFY(std::holds_alternative<std::unique_ptr<CaptureFile>>(opened));
    auto& capture = *std::get<std::unique_ptr<CaptureFile>>(opened);
    KeyRing ring;
    if (!passphrase.isEmpty()) {
      const std::string s = ssid.toStdString();
      ring.addPassphrase(passphrase.toStdString(), Bytes(s.begin(), s.end()));
    }
    RoamAnalyzer analyzer(passphrase.isEmpty() ? nullptr : &ring);
    CaptureFrame f;
    while (capture.next(f)) analyzer.observe(toFrameView(f));
    analyzer.finish();
    QVERIFY(!capture.error());
    const std::vector<HandoffRecord> records = analyzer.recordsByTime();

    // Every association: a record to that BSSID ending its (re)association at that response.
    std::set<MacAddress> associatedBefore;
    for (const Association& as : associations) {
      const HandoffRecord* match = nullptr;
      for (const HandoffRecord& r : records) {
        const Phase* p = r.phase(PhaseKind::Reassociation);
        if (r.kind == RecordKind::Handoff && r.sta == as.sta && r.to.bssid == as.bssid && p && p->endNs == as.ns)
          match = &r;
      }
      QVERIFY2(match, qPrintable(QStringLiteral("no record for the association response, frame %1").arg(as.frame + 1)));
      const Exchange* x = match->lastExchange(ExchangeKind::Reassociation);
      QVERIFY(x);
      QCOMPARE(x->response.ns, as.ns);
      QCOMPARE(x->response.frame, as.frame);
      QCOMPARE(x->status, std::optional<std::uint16_t>(0));
      if (!associatedBefore.count(as.sta)) QVERIFY2(!match->from, "the first association must be a join");
      associatedBefore.insert(as.sta);
    }

    // Every EAPOL-Key frame in exactly one record; the record's key phases bounded by its frames.
    std::map<std::uint64_t, int> owners;
    int handshakeOnlyRecords = 0;
    for (const HandoffRecord& r : records) {
      if (r.kind == RecordKind::HandshakeOnly) {
        ++handshakeOnlyRecords;
        QVERIFY(!r.keyFrames.empty());
        QVERIFY(!r.from);
      }
      std::int64_t pairFirst = -1, pairLast = -1, groupFirst = -1, groupLast = -1;
      bool micBearing = false;
      for (std::uint64_t index : r.keyFrames) {
        ++owners[index];
        const auto it = keyFrames.find(index);
        QVERIFY2(it != keyFrames.end(),
                 qPrintable(QStringLiteral("frame %1 is not an EAPOL-Key frame for tshark").arg(index + 1)));
        const KeyFrame& k = it->second;
        micBearing = micBearing || (k.keyInfo & kKeyInfoMic);
        auto& first = (k.keyInfo & kKeyInfoPairwise) ? pairFirst : groupFirst;
        auto& last = (k.keyInfo & kKeyInfoPairwise) ? pairLast : groupLast;
        if (first < 0 || k.ns < first) first = k.ns;
        last = std::max(last, k.ns);
      }
      if (pairFirst >= 0) {
        QVERIFY(r.phase(PhaseKind::FourWay));
        QCOMPARE(r.phase(PhaseKind::FourWay)->startNs, pairFirst);
        QCOMPARE(r.phase(PhaseKind::FourWay)->endNs, pairLast);
      }
      if (groupFirst >= 0) {
        QVERIFY(r.phase(PhaseKind::GroupKey));
        QCOMPARE(r.phase(PhaseKind::GroupKey)->startNs, groupFirst);
        QCOMPARE(r.phase(PhaseKind::GroupKey)->endNs, groupLast);
      }
      if (r.kind == RecordKind::HandshakeOnly) QCOMPARE(r.startNs, std::min(pairFirst < 0 ? groupFirst : pairFirst,
                                                                            groupFirst < 0 ? pairFirst : groupFirst));
      for (const Exchange& x : r.exchanges) {
        const auto req = frames.find(x.request.frame);
        const auto resp = frames.find(x.response.frame);
        QVERIFY(req != frames.end() && resp != frames.end());
        QVERIFY2(frameFits(x.kind, true, req->second) && frameFits(x.kind, false, resp->second),
                 qPrintable(QStringLiteral("%1 exchange: frames %2 -> %3")
                                .arg(QString::fromUtf8(exchangeKindName(x.kind)))
                                .arg(x.request.frame + 1)
                                .arg(x.response.frame + 1)));
        QCOMPARE(x.request.ns, req->second.ns);
        QCOMPARE(x.response.ns, resp->second.ns);
        QVERIFY(x.latencyNs() >= 0);
      }
      if (!passphrase.isEmpty() && micBearing) {
        QVERIFY2(r.micsVerified == std::optional<bool>(true),
                 qPrintable(QStringLiteral("record at %1: MICs not verified").arg(r.startNs)));
      }
    }
    for (const auto& [index, k] : keyFrames) {
      QVERIFY2(owners.count(index), qPrintable(QStringLiteral("EAPOL-Key frame %1 is in no record").arg(index + 1)));
      QCOMPARE(owners[index], 1);
    }
    QCOMPARE(handshakeOnlyRecords, handshakeOnly);
    std::size_t exchanges = 0;
    for (const HandoffRecord& r : records) exchanges += r.exchanges.size();
    qInfo("%s: %zu association(s), %zu EAPOL-Key frame(s), %zu record(s), %d handshake-only, %zu exchange(s)",
          qPrintable(file), associations.size(), keyFrames.size(), records.size(), handshakeOnlyRecords, exchanges);
  }

  // The EAP exchanges of a real PEAP roam (../shared/fixtures/roaming/eap, hostapd + wpa_supplicant): every
  // EAP-Request tshark shows that got an EAP-Response with its identifier is one exchange, at tshark's times.
  void eapExchangesOfRealRoams() {
    const std::string cap = "roaming/eap/eap.pcap";
    RS_REQUIRE_FIXTURE(cap);
    // tshark's EAP packets between the station and the AP, in order: (frame, time, code, identifier).
    struct Eap {
      std::uint64_t frame;
      std::int64_t ns;
      int code, id;
    };
    std::vector<Eap> eap;
    for (const auto& row : tsharkRows(cap, "eap && wlan", {"frame.number", "frame.time_epoch", "eap.code", "eap.id"},
                                      QString(), QString())) {
      QCOMPARE(row.size(), qsizetype{4});
      eap.push_back(Eap{row[0].toULongLong() - 1, epochNs(row[1]), row[2].toInt(), row[3].toInt()});
    }
    // The expected exchanges by the pairing rule: a response answers the last request with its identifier.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> expected;
    std::map<int, std::uint64_t> waiting;  // identifier → last request frame
    for (const Eap& e : eap) {
      if (e.code == 1) waiting[e.id] = e.frame;
      if (e.code == 2 && waiting.count(e.id)) {
        expected.emplace_back(waiting[e.id], e.frame);
        waiting.erase(e.id);
      }
    }
    QVERIFY(expected.size() >= 9);  // Identity and the PEAP rounds of each full authentication

    auto opened = openCapture(rs::test::fixturePath(cap));
    QVERIFY(std::holds_alternative<std::unique_ptr<CaptureFile>>(opened));
    auto& capture = *std::get<std::unique_ptr<CaptureFile>>(opened);
    RoamAnalyzer analyzer;
    CaptureFrame f;
    while (capture.next(f)) analyzer.observe(toFrameView(f));
    analyzer.finish();
    std::vector<std::pair<std::uint64_t, std::uint64_t>> found;
    for (const HandoffRecord& r : analyzer.recordsByTime()) {
      for (const Exchange& x : r.exchanges) {
        if (x.kind != ExchangeKind::Eap) continue;
        found.emplace_back(x.request.frame, x.response.frame);
        QVERIFY(x.identifier.has_value());
        QCOMPARE(x.step.empty(), false);
      }
    }
    QCOMPARE(found, expected);
  }
};

QTEST_GUILESS_MAIN(TestRoamCaptures)
#include "tst_roam_captures.moc"
