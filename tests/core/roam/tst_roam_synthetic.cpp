// SPDX-License-Identifier: GPL-3.0-or-later
// Roam analysis on captures built with RoamScope's own frame builders, where
// every timestamp is known: each phase boundary and each latency definition
// must come out to the nanosecond (docs/latency.md says which frames bound them).
#include <QTemporaryDir>
#include <QtTest>
#include <variant>

#include "capture/file/capture_file.h"
#include "core/analysis/roam/latency_summary.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "tests/core/roam/roam_scene.h"
#include "tests/core/roam/roam_scene_cast.h"

using namespace rs;
using namespace rs::roam;
using rs::eapol::KeyMessage;
using rs::test::RequestSecurity;
using rs::test::RoamScene;
using rs::test::SceneAp;

using namespace rs::test::cast;

namespace {

// The station's first association: open authentication, association, 4-way handshake, some traffic.
void joinAp1(RoamScene& s, int akm) {
  s.authentication(at(100'000), kAp1, false, kOpen, 1);
  s.authentication(at(100'300), kAp1, true, kOpen, 2);
  s.associationRequest(at(101'000), kAp1, std::nullopt, RequestSecurity{akm, false, false});
  s.associationResponse(at(101'500), kAp1, false, 0);
  s.keyMessage(at(103'000), kAp1, KeyMessage::Pairwise1, 1);
  s.keyMessage(at(104'000), kAp1, KeyMessage::Pairwise2, 1);
  s.keyMessage(at(105'000), kAp1, KeyMessage::Pairwise3, 2);
  s.keyMessage(at(106'000), kAp1, KeyMessage::Pairwise4, 2);
  s.data(at(500'000), kAp1, false);
  s.data(at(900'000), kAp1, true);
  s.data(at(1'000'000), kAp1, false);
}

void fourWay(RoamScene& s, const SceneAp& ap, std::int64_t m1Us) {
  s.keyMessage(at(m1Us), ap, KeyMessage::Pairwise1, 1);
  s.keyMessage(at(m1Us + 1'000), ap, KeyMessage::Pairwise2, 1);
  s.keyMessage(at(m1Us + 2'000), ap, KeyMessage::Pairwise3, 2);
  s.keyMessage(at(m1Us + 3'000), ap, KeyMessage::Pairwise4, 2);
}

// Full 802.1X: EAP identity exchange and Success, then the 4-way handshake.
void eapThenFourWay(RoamScene& s, const SceneAp& ap, std::int64_t startUs) {
  s.eapPacket(at(startUs), ap, true, eapol::buildEapIdentity(eapol::EapCode::Request, 1, ""));
  s.eapPacket(at(startUs + 500), ap, false, eapol::buildEapIdentity(eapol::EapCode::Response, 1, "alice"));
  s.eapPacket(at(startUs + 18'000), ap, true, eapol::buildEapSuccess(2));
  fourWay(s, ap, startUs + 19'000);
}

void reassociate(RoamScene& s, const SceneAp& from, const SceneAp& to, std::int64_t authUs, RequestSecurity sec,
                 std::uint16_t algorithm = kOpen) {
  s.authentication(at(authUs), to, false, algorithm, 1);
  s.authentication(at(authUs + 300), to, true, algorithm, 2);
  s.associationRequest(at(authUs + 1'000), to, from.bssid, sec);
  s.associationResponse(at(authUs + 1'500), to, true, 0);
}

std::vector<HandoffRecord> analyze(const RoamScene& scene) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("scene.pcapng").toStdString();
  std::string error;
  if (!scene.write(path, error)) qFatal("cannot write the scene: %s", error.c_str());
  auto opened = openCapture(path);
  if (std::holds_alternative<FileError>(opened)) qFatal("cannot read the scene back");
  auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
  RoamAnalyzer analyzer;
  CaptureFrame f;
  while (file.next(f)) analyzer.observe(toFrameView(f));
  analyzer.finish();
  return analyzer.recordsByTime();
}

bool phaseIs(const HandoffRecord& r, PhaseKind kind, std::int64_t startUs, std::int64_t endUs) {
  const Phase* p = r.phase(kind);
  if (!p) {
    qWarning("phase %s missing", std::string(phaseName(kind)).c_str());
    return false;
  }
  if (p->startNs != at(startUs) || p->endNs != at(endUs)) {
    qWarning("phase %s: %lld..%lld ns after origin", std::string(phaseName(kind)).c_str(),
             static_cast<long long>(p->startNs - kBaseNs), static_cast<long long>(p->endNs - kBaseNs));
    return false;
  }
  return true;
}

std::optional<std::int64_t> latency(const HandoffRecord& r, Definition d) {
  auto it = r.latencyNs.find(d);
  if (it == r.latencyNs.end()) return std::nullopt;
  return it->second;
}

}  // namespace

class TestRoamSynthetic : public QObject {
  Q_OBJECT

 private slots:
  void fullPskRoam() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    s.probeRequest(at(1'100'000), kAp2.mhz);
    s.probeResponse(at(1'100'500), kAp2);
    reassociate(s, kAp1, kAp2, 1'200'000, RequestSecurity{2, false, false});
    fourWay(s, kAp2, 1'203'000);
    s.keyMessage(at(1'207'000), kAp2, KeyMessage::Group1, 3);
    s.keyMessage(at(1'208'000), kAp2, KeyMessage::Group2, 3);
    s.data(at(1'250'000), kAp2, true);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});

    const HandoffRecord& join = records[0];
    QVERIFY(!join.from);
    QCOMPARE(join.method, Method::Psk);
    QVERIFY(join.success);
    QCOMPARE(latency(join, Definition::AuthToM4), std::optional<std::int64_t>(us(6'000)));
    QCOMPARE(latency(join, Definition::ReassocToLastKey), std::optional<std::int64_t>(us(5'000)));
    QVERIFY(!latency(join, Definition::DataToData));
    QVERIFY(!latency(join, Definition::TotalWithScan));

    const HandoffRecord& r = records[1];
    QVERIFY(r.from);
    QCOMPARE(r.sta, kSta);
    QCOMPARE(r.from->bssid, kAp1.bssid);
    QCOMPARE(r.from->channel, std::optional<int>(1));
    QCOMPARE(r.from->signalDbm, std::optional<int>(-70));
    QCOMPARE(r.to.bssid, kAp2.bssid);
    QCOMPARE(r.to.channel, std::optional<int>(6));
    QCOMPARE(r.to.signalDbm, std::optional<int>(-45));
    QCOMPARE(r.method, Method::Psk);
    QVERIFY(r.success);
    QCOMPARE(r.startNs, at(1'200'000));
    QCOMPARE(r.endNs, at(1'206'000));
    QVERIFY(phaseIs(r, PhaseKind::Scan, 1'100'000, 1'100'500));
    QCOMPARE(r.scanChannels, std::vector<int>{6});
    QVERIFY(phaseIs(r, PhaseKind::Authentication, 1'200'000, 1'200'300));
    QVERIFY(phaseIs(r, PhaseKind::Reassociation, 1'201'000, 1'201'500));
    QVERIFY(phaseIs(r, PhaseKind::FourWay, 1'203'000, 1'206'000));
    QVERIFY(phaseIs(r, PhaseKind::GroupKey, 1'207'000, 1'208'000));
    QVERIFY(!r.phase(PhaseKind::Eap));
    QCOMPARE(latency(r, Definition::DataToData), std::optional<std::int64_t>(us(250'000)));
    QCOMPARE(latency(r, Definition::AuthToM4), std::optional<std::int64_t>(us(6'000)));
    QCOMPARE(latency(r, Definition::ReassocToLastKey), std::optional<std::int64_t>(us(7'000)));
    QCOMPARE(latency(r, Definition::TotalWithScan), std::optional<std::int64_t>(us(106'000)));
    QVERIFY(!latency(r, Definition::FtAuthToReassocResp));
    QVERIFY(!latency(r, Definition::FtActionToReassocResp));
    QCOMPARE(r.keyFrames.size(), std::size_t{6});
  }

  void pmkCacheRoamBack() {
    RoamScene s(kSta);
    s.authentication(at(100'000), kAp1, false, kOpen, 1);
    s.authentication(at(100'300), kAp1, true, kOpen, 2);
    s.associationRequest(at(101'000), kAp1, std::nullopt, RequestSecurity{1, false, false});
    s.associationResponse(at(101'500), kAp1, false, 0);
    s.eapolStart(at(102'000), kAp1);
    eapThenFourWay(s, kAp1, 102'500);
    s.data(at(500'000), kAp1, false);
    reassociate(s, kAp1, kAp2, 1'000'000, RequestSecurity{1, false, false});
    eapThenFourWay(s, kAp2, 1'002'000);
    s.data(at(1'100'000), kAp2, false);
    reassociate(s, kAp2, kAp1, 2'000'000, RequestSecurity{1, true, false});
    fourWay(s, kAp1, 2'002'000);
    s.data(at(2'050'000), kAp1, true);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{3});

    QCOMPARE(records[0].method, Method::Full8021X);
    QVERIFY(phaseIs(records[0], PhaseKind::Eap, 102'000, 120'500));  // EAPOL-Start → EAP-Success

    const HandoffRecord& full = records[1];
    QCOMPARE(full.method, Method::Full8021X);
    QVERIFY(phaseIs(full, PhaseKind::Eap, 1'002'000, 1'020'000));
    QVERIFY(phaseIs(full, PhaseKind::FourWay, 1'021'000, 1'024'000));
    QCOMPARE(latency(full, Definition::AuthToM4), std::optional<std::int64_t>(us(24'000)));
    QCOMPARE(latency(full, Definition::DataToData), std::optional<std::int64_t>(us(600'000)));

    const HandoffRecord& cached = records[2];
    QCOMPARE(cached.method, Method::PmkCache);
    QVERIFY(cached.success);
    QCOMPARE(cached.from->bssid, kAp2.bssid);
    QCOMPARE(cached.to.bssid, kAp1.bssid);
    QVERIFY(!cached.phase(PhaseKind::Eap));
    QVERIFY(phaseIs(cached, PhaseKind::Authentication, 2'000'000, 2'000'300));
    QVERIFY(phaseIs(cached, PhaseKind::Reassociation, 2'001'000, 2'001'500));
    QVERIFY(phaseIs(cached, PhaseKind::FourWay, 2'002'000, 2'005'000));
    QCOMPARE(latency(cached, Definition::AuthToM4), std::optional<std::int64_t>(us(5'000)));
    QCOMPARE(latency(cached, Definition::ReassocToLastKey), std::optional<std::int64_t>(us(4'000)));
    QCOMPARE(latency(cached, Definition::DataToData), std::optional<std::int64_t>(us(950'000)));
  }

  // A PMKID for a BSSID the station never authenticated with is opportunistic key caching.
  void okcRoam() {
    RoamScene s(kSta);
    s.authentication(at(100'000), kAp1, false, kOpen, 1);
    s.authentication(at(100'300), kAp1, true, kOpen, 2);
    s.associationRequest(at(101'000), kAp1, std::nullopt, RequestSecurity{1, false, false});
    s.associationResponse(at(101'500), kAp1, false, 0);
    eapThenFourWay(s, kAp1, 102'000);
    reassociate(s, kAp1, kAp2, 1'000'000, RequestSecurity{1, true, false});
    fourWay(s, kAp2, 1'002'000);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    QCOMPARE(records[1].method, Method::Okc);
    QCOMPARE(latency(records[1], Definition::AuthToM4), std::optional<std::int64_t>(us(5'000)));
  }

  // A PMKID for a BSSID the station pre-authenticated with through its current AP.
  void preauthenticationRoam() {
    RoamScene s(kSta);
    s.authentication(at(100'000), kAp1, false, kOpen, 1);
    s.authentication(at(100'300), kAp1, true, kOpen, 2);
    s.associationRequest(at(101'000), kAp1, std::nullopt, RequestSecurity{1, false, false});
    s.associationResponse(at(101'500), kAp1, false, 0);
    eapThenFourWay(s, kAp1, 102'000);
    s.data(at(600'000), kAp1, true);
    s.preauthSuccess(at(700'000), kAp1, kAp2);
    s.data(at(800'000), kAp1, false);
    reassociate(s, kAp1, kAp2, 1'000'000, RequestSecurity{1, true, false});
    fourWay(s, kAp2, 1'002'000);
    s.data(at(1'010'000), kAp2, true);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QCOMPARE(r.method, Method::PreAuthentication);
    QCOMPARE(r.from->signalDbm, std::optional<int>(-70));
    QVERIFY(!r.phase(PhaseKind::Eap));  // the EAP ran before the roam, through AP1
    QCOMPARE(latency(r, Definition::DataToData), std::optional<std::int64_t>(us(210'000)));
    QCOMPARE(latency(r, Definition::AuthToM4), std::optional<std::int64_t>(us(5'000)));
  }

  void ftOverTheAir() {
    RoamScene s(kSta);
    joinAp1(s, 4);
    s.authentication(at(1'200'000), kAp2, false, kFt, 1);
    s.authentication(at(1'200'400), kAp2, true, kFt, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{4, false, true});
    s.associationResponse(at(1'201'800), kAp2, true, 0);
    s.data(at(1'210'000), kAp2, false);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QCOMPARE(r.method, Method::FtOverAir);
    QVERIFY(r.success);
    QCOMPARE(r.endNs, at(1'201'800));
    QVERIFY(phaseIs(r, PhaseKind::Authentication, 1'200'000, 1'200'400));
    QVERIFY(phaseIs(r, PhaseKind::Reassociation, 1'201'000, 1'201'800));
    QVERIFY(!r.phase(PhaseKind::FourWay));
    QCOMPARE(latency(r, Definition::FtAuthToReassocResp), std::optional<std::int64_t>(us(1'800)));
    QCOMPARE(latency(r, Definition::DataToData), std::optional<std::int64_t>(us(210'000)));
    QVERIFY(!latency(r, Definition::AuthToM4));
    QVERIFY(!latency(r, Definition::ReassocToLastKey));
    QVERIFY(!latency(r, Definition::TotalWithScan));
  }

  void ftOverTheDs() {
    RoamScene s(kSta);
    joinAp1(s, 4);
    s.ftAction(at(1'200'000), kAp1, kAp2, false);
    s.ftAction(at(1'200'600), kAp1, kAp2, true, 0);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{4, false, true});
    s.associationResponse(at(1'201'700), kAp2, true, 0);
    s.data(at(1'210'000), kAp2, true);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QCOMPARE(r.method, Method::FtOverDs);
    QVERIFY(r.success);
    QCOMPARE(r.from->bssid, kAp1.bssid);
    QCOMPARE(r.to.bssid, kAp2.bssid);
    QCOMPARE(r.to.channel, std::optional<int>(6));  // from the reassociation exchange, not the FT action frames
    QVERIFY(phaseIs(r, PhaseKind::FtAction, 1'200'000, 1'200'600));
    QVERIFY(phaseIs(r, PhaseKind::Reassociation, 1'201'000, 1'201'700));
    QCOMPARE(latency(r, Definition::FtActionToReassocResp), std::optional<std::int64_t>(us(1'700)));
    QCOMPARE(latency(r, Definition::DataToData), std::optional<std::int64_t>(us(210'000)));
  }

  void reassociationRefused() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    s.authentication(at(1'200'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'200'300), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{2, false, false});
    s.associationResponse(at(1'201'500), kAp2, true, 17);
    s.data(at(1'300'000), kAp1, false);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QVERIFY(!r.success);
    QVERIFY(r.failure);
    QCOMPARE(r.failure->stage, std::string("reassociation"));
    QCOMPARE(r.failure->code, std::optional<std::uint16_t>(17));
    QCOMPARE(r.endNs, at(1'201'500));
    QVERIFY(phaseIs(r, PhaseKind::Reassociation, 1'201'000, 1'201'500));
    QVERIFY(r.latencyNs.empty());
  }

  void fourWayTimeout() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    reassociate(s, kAp1, kAp2, 1'200'000, RequestSecurity{2, false, false});
    s.keyMessage(at(1'203'000), kAp2, KeyMessage::Pairwise1, 1);
    s.keyMessage(at(1'204'000), kAp2, KeyMessage::Pairwise2, 1);
    s.keyMessage(at(1'303'000), kAp2, KeyMessage::Pairwise1, 2);  // retry: message 2 did not verify at the AP
    s.deauthentication(at(1'403'000), kAp2, true, 15);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QVERIFY(!r.success);
    QCOMPARE(r.failure->stage, std::string("deauthentication"));
    QCOMPARE(r.failure->code, std::optional<std::uint16_t>(15));
    QVERIFY2(r.failure->reason.find("M3 missing") != std::string::npos, r.failure->reason.c_str());
    QCOMPARE(r.endNs, at(1'403'000));
    QVERIFY(phaseIs(r, PhaseKind::FourWay, 1'203'000, 1'303'000));
    QCOMPARE(r.keyFrames.size(), std::size_t{3});
    QVERIFY(r.latencyNs.empty());
  }

  void captureEndsBeforeM4() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    reassociate(s, kAp1, kAp2, 1'200'000, RequestSecurity{2, false, false});
    s.keyMessage(at(1'203'000), kAp2, KeyMessage::Pairwise1, 1);
    s.keyMessage(at(1'204'000), kAp2, KeyMessage::Pairwise2, 1);
    s.keyMessage(at(1'205'000), kAp2, KeyMessage::Pairwise3, 2);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    QVERIFY(!records[1].success);
    QCOMPARE(records[1].failure->stage, std::string("incomplete"));
    QVERIFY2(records[1].failure->reason.find("M4 missing") != std::string::npos, records[1].failure->reason.c_str());
    QCOMPARE(records[1].endNs, at(1'205'000));
  }

  // SAE: Commit and Confirm both ways (algorithm 3), then reassociation and the 4-way handshake.
  void saeRoam() {
    RoamScene s(kSta);
    joinAp1(s, 8);
    constexpr std::uint16_t kSae = ieee80211::auth_algorithm::Sae;
    s.authentication(at(1'200'000), kAp2, false, kSae, 1);
    s.authentication(at(1'202'000), kAp2, true, kSae, 1);
    s.authentication(at(1'203'000), kAp2, false, kSae, 2);
    s.authentication(at(1'203'500), kAp2, true, kSae, 2);
    s.associationRequest(at(1'204'000), kAp2, kAp1.bssid, RequestSecurity{8, false, false});
    s.associationResponse(at(1'204'500), kAp2, true, 0);
    fourWay(s, kAp2, 1'206'000);
    const auto records = analyze(s);
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QCOMPARE(r.method, Method::Sae);
    QVERIFY(r.success);
    QVERIFY(phaseIs(r, PhaseKind::Authentication, 1'200'000, 1'203'500));
    QCOMPARE(latency(r, Definition::AuthToM4), std::optional<std::int64_t>(us(9'000)));
    QCOMPARE(latency(r, Definition::ReassocToLastKey), std::optional<std::int64_t>(us(5'000)));
  }

  // Peer bytes never crash the analysis: every frame of a roam cut at every length.
  void truncatedFramesAreHarmless() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    reassociate(s, kAp1, kAp2, 1'200'000, RequestSecurity{2, true, false});
    fourWay(s, kAp2, 1'203'000);
    s.ftAction(at(1'300'000), kAp2, kAp1, false);
    s.deauthentication(at(1'400'000), kAp2, true, 15);
    QTemporaryDir dir;
    const std::string path = dir.filePath("cut.pcapng").toStdString();
    std::string error;
    QVERIFY2(s.write(path, error), error.c_str());
    auto opened = openCapture(path);
    QVERIFY(std::holds_alternative<std::unique_ptr<CaptureFile>>(opened));
    auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
    RoamAnalyzer analyzer;
    CaptureFrame f;
    std::uint64_t index = 0;
    while (file.next(f)) {
      for (std::size_t n = 0; n <= f.data.size(); ++n) {
        FrameView v = toFrameView(f);
        v.index = index++;
        v.data = f.data.first(n);
        analyzer.observe(v);
      }
    }
    analyzer.finish();
    QVERIFY(!analyzer.records().empty());  // the whole frames (the last cut of each) still make records
  }

  // Nearest rank: the value at rank ceil(p/100 * n).
  void nearestRankStatistics() {
    const LatencyStats s = latencyStats({10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
    QCOMPARE(s.count, std::size_t{10});
    QCOMPARE(s.minNs, std::int64_t{1});
    QCOMPARE(s.medianNs, std::int64_t{5});
    QCOMPARE(s.p90Ns, std::int64_t{9});
    QCOMPARE(s.p99Ns, std::int64_t{10});
    QCOMPARE(s.maxNs, std::int64_t{10});
    QCOMPARE(nearestRankPercentile({42}, 50), std::int64_t{42});
  }
};

QTEST_GUILESS_MAIN(TestRoamSynthetic)
#include "tst_roam_synthetic.moc"
