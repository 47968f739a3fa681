// SPDX-License-Identifier: GPL-3.0-or-later
// The diagnostics of docs/diagnostics.md on captures built with RoamScope's
// own frame builders, where every timestamp and signal is known: the latency
// budget class, message-1 retries and reason 15, "802.11r advertised but not
// used" and the sticky client, each with a case that must not be flagged.
#include <QTemporaryDir>
#include <QtTest>
#include <variant>

#include "capture/file/capture_file.h"
#include "core/analysis/roam/latency_budget.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "core/analysis/roam/roam_report.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "tests/core/roam/roam_scene.h"
#include "tests/core/roam/roam_scene_cast.h"

using namespace rs;
using namespace rs::roam;
using rs::eapol::KeyMessage;
using rs::test::BeaconSecurity;
using rs::test::RequestSecurity;
using rs::test::RoamScene;
using rs::test::SceneAp;

using namespace rs::test::cast;

namespace {

constexpr std::int64_t ms(std::int64_t v) { return v * 1'000'000; }

constexpr int kAkmPsk = 2;
constexpr int kAkmFtPsk = 4;

void fourWay(RoamScene& s, const SceneAp& ap, std::int64_t m1Us) {
  s.keyMessage(at(m1Us), ap, KeyMessage::Pairwise1, 1);
  s.keyMessage(at(m1Us + 1'000), ap, KeyMessage::Pairwise2, 1);
  s.keyMessage(at(m1Us + 2'000), ap, KeyMessage::Pairwise3, 2);
  s.keyMessage(at(m1Us + 3'000), ap, KeyMessage::Pairwise4, 2);
}

// Open authentication and (re)association starting at `authUs`; the request goes out at authUs + 1 ms.
void associate(RoamScene& s, const SceneAp& to, std::optional<MacAddress> from, std::int64_t authUs,
               RequestSecurity sec, std::uint16_t algorithm = kOpen) {
  s.authentication(at(authUs), to, false, algorithm, 1);
  s.authentication(at(authUs + 300), to, true, algorithm, 2);
  s.associationRequest(at(authUs + 1'000), to, from, sec);
  s.associationResponse(at(authUs + 1'500), to, from.has_value(), 0);
}

// Join AP1 with PSK at 100 ms (reassoc-to-last-key 5 ms), data until 1 s.
void joinAp1(RoamScene& s) {
  associate(s, kAp1, std::nullopt, 100'000, RequestSecurity{kAkmPsk, false, false});
  fourWay(s, kAp1, 103'000);
  s.data(at(500'000), kAp1, false);
  s.data(at(1'000'000), kAp1, false);
}

// A PSK roam to AP2 whose reassociation request (at roamUs + 1 ms) is 30 ms before message 4.
void pskRoamToAp2(RoamScene& s, std::int64_t roamUs) {
  associate(s, kAp2, kAp1.bssid, roamUs, RequestSecurity{kAkmPsk, false, false});
  fourWay(s, kAp2, roamUs + 28'000);
  s.data(at(roamUs + 50'000), kAp2, true);
}

std::vector<HandoffRecord> analyze(const RoamScene& scene, const TrackerConfig& config = {}) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("scene.pcapng").toStdString();
  std::string error;
  if (!scene.write(path, error)) qFatal("cannot write the scene: %s", error.c_str());
  auto opened = openCapture(path);
  if (std::holds_alternative<FileError>(opened)) qFatal("cannot read the scene back");
  auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
  RoamAnalyzer analyzer(nullptr, config);
  CaptureFrame f;
  while (file.next(f)) analyzer.observe(toFrameView(f));
  analyzer.finish();
  return analyzer.recordsByTime();
}

const Diagnostic* diagnostic(const HandoffRecord& r, const std::string& kind) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.kind == kind) return &d;
  return nullptr;
}

template <typename T>
std::optional<T> value(const Diagnostic& d, const std::string& key) {
  for (const auto& [k, v] : d.values)
    if (k == key && std::holds_alternative<T>(v)) return std::get<T>(v);
  return std::nullopt;
}

// Beacons of `ap` every 100 ms from `fromUs` up to and including `toUs`, `offsetUs` after each tick.
void beacons(RoamScene& s, const SceneAp& ap, std::int64_t fromUs, std::int64_t toUs, std::int64_t offsetUs = 0,
             const BeaconSecurity& security = BeaconSecurity{{kAkmPsk}, std::nullopt, "roam"}) {
  for (std::int64_t t = fromUs; t <= toUs; t += 100'000) s.beacon(at(t + offsetUs), ap, security);
}

}  // namespace

class TestRoamDiagnostics : public QObject {
  Q_OBJECT

 private slots:
  void budgetThresholdsParse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("lastNs");
    QTest::newRow("default") << "20,50,150,250" << true << qint64{250'000'000};
    QTest::newRow("decimals") << "12.5" << true << qint64{12'500'000};
    QTest::newRow("descending") << "50,20" << false << qint64{0};
    QTest::newRow("repeated") << "20,20" << false << qint64{0};
    QTest::newRow("empty item") << "10,,20" << false << qint64{0};
    QTest::newRow("empty") << "" << false << qint64{0};
    QTest::newRow("word") << "fast" << false << qint64{0};
    QTest::newRow("negative") << "-5,10" << false << qint64{0};
    QTest::newRow("trailing junk") << "20ms" << false << qint64{0};
  }
  void budgetThresholdsParse() {
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, lastNs);
    std::string error;
    const auto t = parseBudgetThresholds(text.toStdString(), error);
    QCOMPARE(t.has_value(), valid);
    if (valid) QCOMPARE(t->back(), std::int64_t{lastNs});
    else QVERIFY(!error.empty());
  }

  void budgetLabels() {
    const std::vector<std::string> expected{"≤20 ms", "≤50 ms", "≤150 ms", "≤250 ms", ">250 ms"};
    QCOMPARE(budgetClassLabels(LatencyBudget{}), expected);
  }

  // A roam of 30 ms (reassociation request → message 4) lands in ≤50 ms; the join's 5 ms in ≤20 ms.
  void thirtyMillisecondRoamIsWithinFifty() {
    RoamScene s(kSta);
    joinAp1(s);
    pskRoamToAp2(s, 1'200'000);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    QVERIFY(records[0].budget);
    QCOMPARE(records[0].budget->label, std::string("≤20 ms"));
    const HandoffRecord& r = records[1];
    QVERIFY(r.budget);
    QCOMPARE(r.budget->definition, Definition::ReassocToLastKey);
    QCOMPARE(r.budget->latencyNs, ms(30));
    QCOMPARE(r.budget->classIndex, std::size_t{1});
    QCOMPARE(r.budget->label, std::string("≤50 ms"));
    QVERIFY(!diagnostic(r, "over-latency-budget"));
    const std::vector<std::size_t> counts{1, 1, 0, 0, 0};
    QCOMPARE(budgetClassCounts(records, Method::Psk, LatencyBudget{}), counts);
  }

  // --budget 10,25 --budget-definition auth-to-m4: the roam's 31 ms is over the budget and says so.
  void configuredBudgetAndDefinition() {
    RoamScene s(kSta);
    joinAp1(s);
    pskRoamToAp2(s, 1'200'000);
    TrackerConfig config;
    config.budget = LatencyBudget{{ms(10), ms(25)}, Definition::AuthToM4};
    const auto records = analyze(s, config);
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QVERIFY(r.budget);
    QCOMPARE(r.budget->definition, Definition::AuthToM4);
    QCOMPARE(r.budget->latencyNs, ms(31));
    QCOMPARE(r.budget->label, std::string(">25 ms"));
    const Diagnostic* over = diagnostic(r, "over-latency-budget");
    QVERIFY(over);
    QCOMPARE(value<double>(*over, "latency_ms"), std::optional<double>(31.0));
    QCOMPARE(value<double>(*over, "budget_ms"), std::optional<double>(25.0));
    QCOMPARE(records[0].budget->label, std::string("≤10 ms"));  // the join: 6 ms auth → M4
  }

  // An FT roam has no key messages: its class comes from ft-auth-to-reassoc-resp (1.5 ms).
  void ftRoamUsesItsOwnDefinition() {
    RoamScene s(kSta);
    joinAp1(s);
    associate(s, kAp2, kAp1.bssid, 1'200'000, RequestSecurity{kAkmFtPsk, true, true}, kFt);
    s.data(at(1'210'000), kAp2, true);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    QCOMPARE(records[1].method, Method::FtOverAir);
    QVERIFY(records[1].budget);
    QCOMPARE(records[1].budget->definition, Definition::FtAuthToReassocResp);
    QCOMPARE(records[1].budget->latencyNs, std::int64_t{1'500'000});
    QCOMPARE(records[1].budget->label, std::string("≤20 ms"));
  }

  // The AP sends message 1 three times (new replay counter each time, no M2 in between): 2 retries.
  void twoMessageOneRetries() {
    RoamScene s(kSta);
    joinAp1(s);
    associate(s, kAp2, kAp1.bssid, 1'200'000, RequestSecurity{kAkmPsk, false, false});
    s.keyMessage(at(1'203'000), kAp2, KeyMessage::Pairwise1, 1);
    s.keyMessage(at(1'204'000), kAp2, KeyMessage::Pairwise1, 2);
    s.keyMessage(at(1'205'000), kAp2, KeyMessage::Pairwise1, 3);
    s.keyMessage(at(1'206'000), kAp2, KeyMessage::Pairwise2, 3);
    s.keyMessage(at(1'207'000), kAp2, KeyMessage::Pairwise3, 4);
    s.keyMessage(at(1'208'000), kAp2, KeyMessage::Pairwise4, 4);
    s.data(at(1'250'000), kAp2, true);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    QCOMPARE(records[0].m1Retries, 0);
    QVERIFY(!diagnostic(records[0], "eapol-timeout"));
    const HandoffRecord& r = records[1];
    QVERIFY(r.success);
    QCOMPARE(r.m1Retries, 2);
    const Diagnostic* d = diagnostic(r, "eapol-timeout");
    QVERIFY(d);
    QCOMPARE(value<std::int64_t>(*d, "m1_retries"), std::optional<std::int64_t>(2));
    QVERIFY(!value<std::int64_t>(*d, "reason_code"));
  }

  // Message 1 sent again with the same replay counter after the station's M2 (M2 lost on the way back),
  // then Deauthentication reason 15: one retry and the reason on the diagnostic.
  void retryWithSameReplayCounterThenReason15() {
    RoamScene s(kSta);
    joinAp1(s);
    associate(s, kAp2, kAp1.bssid, 1'200'000, RequestSecurity{kAkmPsk, false, false});
    s.keyMessage(at(1'203'000), kAp2, KeyMessage::Pairwise1, 7);
    s.keyMessage(at(1'204'000), kAp2, KeyMessage::Pairwise2, 7);
    s.keyMessage(at(1'205'000), kAp2, KeyMessage::Pairwise1, 7);
    s.deauthentication(at(1'300'000), kAp2, true, 15);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QVERIFY(!r.success);
    QCOMPARE(r.failure->code, std::optional<std::uint16_t>(15));
    QCOMPARE(r.m1Retries, 1);
    const Diagnostic* d = diagnostic(r, "eapol-timeout");
    QVERIFY(d);
    QCOMPARE(value<std::int64_t>(*d, "reason_code"), std::optional<std::int64_t>(15));
    QVERIFY(!r.budget);  // failed: no class
  }

  // Both APs advertise a mobility domain and FT-PSK next to PSK; the station roams with PSK and a full 4-way.
  void ftAdvertisedButFullFourWay_data() {
    QTest::addColumn<bool>("mde");
    QTest::addColumn<bool>("ftAkm");
    QTest::addColumn<bool>("ftRoam");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("MDE + FT AKM, PSK roam") << true << true << false << true;
    QTest::newRow("no MDE, PSK roam") << false << true << false << false;
    QTest::newRow("MDE, no FT AKM, PSK roam") << true << false << false << false;
    QTest::newRow("MDE + FT AKM, FT roam") << true << true << true << false;
  }
  void ftAdvertisedButFullFourWay() {
    QFETCH(bool, mde);
    QFETCH(bool, ftAkm);
    QFETCH(bool, ftRoam);
    QFETCH(bool, flagged);
    BeaconSecurity sec{ftAkm ? std::vector<int>{kAkmPsk, kAkmFtPsk} : std::vector<int>{kAkmPsk},
                       mde ? std::optional<std::uint16_t>(0xb2a1) : std::nullopt, "roam"};
    RoamScene s(kSta);
    beacons(s, kAp1, 50'000, 50'000, 0, sec);
    beacons(s, kAp2, 50'000, 50'000, 500, sec);
    joinAp1(s);
    if (ftRoam) {
      associate(s, kAp2, kAp1.bssid, 1'200'000, RequestSecurity{kAkmFtPsk, true, true}, kFt);
      s.data(at(1'210'000), kAp2, true);
    } else {
      pskRoamToAp2(s, 1'200'000);
    }
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    QVERIFY(!diagnostic(records[0], "ft-advertised-not-used"));  // a first join cannot use FT
    const Diagnostic* d = diagnostic(records[1], "ft-advertised-not-used");
    QCOMPARE(d != nullptr, flagged);
    if (d) {
      QCOMPARE(value<std::int64_t>(*d, "mdid"), std::optional<std::int64_t>(0xb2a1));
      QCOMPARE(value<std::string>(*d, "method"), std::optional<std::string>("psk"));
    }
  }

  // The station stays on AP1 (-70 dBm) while AP2 of the same SSID is heard at `ap2Dbm` from 1.0 s to
  // `untilUs`, then roams at 4.2 s (or never).
  void stickyClient_data() {
    QTest::addColumn<int>("ap2Dbm");
    QTest::addColumn<qint64>("untilUs");
    QTest::addColumn<QString>("ssid");
    QTest::addColumn<bool>("roams");
    QTest::addColumn<bool>("flagged");
    QTest::addColumn<double>("durationMs");
    QTest::newRow("15 dB stronger for 3 s") << -55 << qint64{4'000'000} << "roam" << true << true << 3000.0;
    QTest::newRow("exactly 10 dB for 2 s") << -60 << qint64{3'000'000} << "roam" << true << true << 2000.0;
    QTest::newRow("5 dB stronger for 3 s") << -65 << qint64{4'000'000} << "roam" << true << false << 0.0;
    QTest::newRow("15 dB stronger for 1.9 s") << -55 << qint64{2'900'000} << "roam" << true << false << 0.0;
    QTest::newRow("another SSID") << -55 << qint64{4'000'000} << "other" << true << false << 0.0;
    QTest::newRow("never roams") << -55 << qint64{4'000'000} << "roam" << false << true << 3000.0;
  }
  void stickyClient() {
    QFETCH(int, ap2Dbm);
    QFETCH(qint64, untilUs);
    QFETCH(QString, ssid);
    QFETCH(bool, roams);
    QFETCH(bool, flagged);
    QFETCH(double, durationMs);
    const SceneAp strong{kAp2.bssid, kAp2.mhz, static_cast<std::int8_t>(ap2Dbm)};
    RoamScene s(kSta);
    joinAp1(s);
    beacons(s, kAp1, 1'000'000, 4'100'000);
    beacons(s, strong, 1'000'000, untilUs, 500,
            BeaconSecurity{{kAkmPsk}, std::nullopt, ssid.toStdString()});
    if (roams) pskRoamToAp2(s, 4'200'000);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{roams ? 2u : 1u});
    const HandoffRecord& r = records.back();  // the roam, or the join when the station never left
    QVERIFY(!diagnostic(records.front(), "sticky-client") || !roams);
    const Diagnostic* d = diagnostic(r, "sticky-client");
    QCOMPARE(d != nullptr, flagged);
    if (!d) return;
    QCOMPARE(value<std::int64_t>(*d, "current_rssi_dbm"), std::optional<std::int64_t>(-70));
    QCOMPARE(value<std::int64_t>(*d, "stronger_rssi_dbm"), std::optional<std::int64_t>(ap2Dbm));
    QCOMPARE(value<std::string>(*d, "stronger_bssid"), std::optional<std::string>(kAp2.bssid.toString()));
    QCOMPARE(value<double>(*d, "duration_ms"), std::optional<double>(durationMs));
  }

  // After a roam the watch follows the new AP: the station moves from AP1 to AP2 at 1.2 s, then AP1 is heard
  // 15 dB stronger than AP2 (-30 against -45 dBm) from 1.5 s to 4.5 s, and the station roams back at 4.7 s.
  // The roam back is flagged against AP2; the first roam (AP2 heard only 0.1 s before it) is not.
  void stickyClientFollowsTheRoam() {
    const SceneAp loudAp1{kAp1.bssid, kAp1.mhz, -30};
    RoamScene s(kSta);
    joinAp1(s);
    beacons(s, kAp1, 1'000'000, 1'100'000);
    beacons(s, kAp2, 1'000'000, 1'100'000, 500);
    pskRoamToAp2(s, 1'200'000);
    beacons(s, loudAp1, 1'500'000, 4'500'000);
    beacons(s, kAp2, 1'500'000, 4'500'000, 500);
    associate(s, kAp1, kAp2.bssid, 4'700'000, RequestSecurity{kAkmPsk, false, false});
    fourWay(s, kAp1, 4'703'000);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{3});
    QVERIFY(!diagnostic(records[1], "sticky-client"));
    const Diagnostic* d = diagnostic(records[2], "sticky-client");
    QVERIFY(d);
    QCOMPARE(value<std::string>(*d, "current_bssid"), std::optional<std::string>(kAp2.bssid.toString()));
    QCOMPARE(value<std::string>(*d, "stronger_bssid"), std::optional<std::string>(kAp1.bssid.toString()));
    QCOMPARE(value<std::int64_t>(*d, "current_rssi_dbm"), std::optional<std::int64_t>(-45));
    QCOMPARE(value<std::int64_t>(*d, "stronger_rssi_dbm"), std::optional<std::int64_t>(-30));
    QCOMPARE(value<double>(*d, "duration_ms"), std::optional<double>(3000.0));
  }

  // The report carries the class and the diagnostics: JSON array, CSV column, text line.
  void reportShowsDiagnostics() {
    RoamScene s(kSta);
    joinAp1(s);
    associate(s, kAp2, kAp1.bssid, 1'200'000, RequestSecurity{kAkmPsk, false, false});
    s.keyMessage(at(1'203'000), kAp2, KeyMessage::Pairwise1, 1);
    s.keyMessage(at(1'204'000), kAp2, KeyMessage::Pairwise1, 2);
    fourWay(s, kAp2, 1'205'000);
    s.data(at(1'250'000), kAp2, true);
    const auto records = analyze(s);
    ReportContext c;
    const auto j = reportJson(records, c);
    QCOMPARE(j["version"].get<int>(), 1);
    const auto& roam = j["handoffs"][1];
    QCOMPARE(roam["budget"]["class"].get<std::string>(), std::string("≤20 ms"));
    QCOMPARE(roam["diagnostics"].size(), std::size_t{1});
    QCOMPARE(roam["diagnostics"][0]["kind"].get<std::string>(), std::string("eapol-timeout"));
    QCOMPARE(roam["diagnostics"][0]["m1_retries"].get<int>(), 2);
    QCOMPARE(j["handoffs"][0]["diagnostics"].size(), std::size_t{0});
    QCOMPARE(j["summary"][0]["budget_classes"]["≤20 ms"].get<int>(), 2);
    const std::string csv = reportCsv(records, c);
    QVERIFY(csv.find(",budget_class,diagnostics\n") != std::string::npos);
    QVERIFY(csv.find(",≤20 ms,eapol-timeout: 4-way handshake message 1 retried 2 time(s)\n") != std::string::npos);
    const std::string text = reportText(records, c);
    QVERIFY(text.find("    diagnostic eapol-timeout: 4-way handshake message 1 retried 2 time(s)\n") !=
            std::string::npos);
    QVERIFY(text.find("budget classes (reassoc-to-last-key or most specific): ≤20 ms 2, ≤50 ms 0") !=
            std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestRoamDiagnostics)
#include "tst_roam_diagnostics.moc"
