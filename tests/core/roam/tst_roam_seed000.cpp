// SPDX-License-Identifier: GPL-3.0-or-later
// The seed-000 fast re-association (docs/protocols/seed-000.md) as the roam
// analysis measures it from the capture alone: captures built frame by frame
// at exact timestamps, with the messages the dissector builds and MICs the
// seed-000 key hierarchy computes. Every phase boundary and every latency
// definition must come out to the nanosecond (docs/latency.md, "Seed-000").
#include <QTemporaryDir>
#include <QtTest>
#include <variant>

#include "capture/file/capture_file.h"
#include "core/analysis/key_ring.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "core/analysis/roam/roam_report.h"
#include "core/crypto/seed000_keys.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/seed000/seed000.h"
#include "tests/core/roam/roam_scene.h"
#include "tests/core/roam/roam_scene_cast.h"
#include "tests/core/roam/seed000_scene.h"

using namespace rs;
using namespace rs::roam;
using rs::eapol::KeyMessage;
using rs::test::RequestSecurity;
using rs::test::RoamScene;
using rs::test::SceneAp;
using rs::test::Seed000Keys;
using rs::test::seed000Message;

using namespace rs::test::cast;

namespace {

Seed000Keys keysForAp2() { return Seed000Keys(kSta, kAp2.bssid); }
Bytes message1(const Seed000Keys& k) { return seed000Message(k, 1); }
Bytes message2(const Seed000Keys& k) { return seed000Message(k, 2); }
Bytes message3(const Seed000Keys& k) { return seed000Message(k, 3); }

// The station's first association with AP1: open authentication, association, the 4-way handshake (PSK, with the
// scene's zero MICs), then traffic.
void joinAp1(RoamScene& s, bool rsn) {
  s.authentication(at(100'000), kAp1, false, kOpen, 1);
  s.authentication(at(100'300), kAp1, true, kOpen, 2);
  s.associationRequest(at(101'000), kAp1, std::nullopt, RequestSecurity{rsn ? 2 : 0, false, false});
  s.associationResponse(at(101'500), kAp1, false, 0);
  if (rsn) {
    s.keyMessage(at(103'000), kAp1, KeyMessage::Pairwise1, 1);
    s.keyMessage(at(104'000), kAp1, KeyMessage::Pairwise2, 1);
    s.keyMessage(at(105'000), kAp1, KeyMessage::Pairwise3, 2);
    s.keyMessage(at(106'000), kAp1, KeyMessage::Pairwise4, 2);
  }
  s.data(at(500'000), kAp1, false);
  s.data(at(1'000'000), kAp1, true);
}

// RSN pre-authentication with AP2 through AP1 (EtherType 0x88c7): EAPOL-Start at 1.100 s → EAP-Success at 1.120 s.
void preauthenticate(RoamScene& s) {
  using eapol::EapCode;
  using eapol::PacketType;
  s.preauthEapol(at(1'100'000), kAp1, kAp2, false, eapol::buildEapol(2, PacketType::Start, {}));
  s.preauthEapol(at(1'100'500), kAp1, kAp2, true,
                 eapol::buildEapol(2, PacketType::EapPacket, eapol::buildEapIdentity(EapCode::Request, 1, "")));
  s.preauthEapol(at(1'101'000), kAp1, kAp2, false,
                 eapol::buildEapol(2, PacketType::EapPacket, eapol::buildEapIdentity(EapCode::Response, 1, "alice")));
  s.preauthEapol(at(1'120'000), kAp1, kAp2, true,
                 eapol::buildEapol(2, PacketType::EapPacket, eapol::buildEapSuccess(2)));
}

// The 4-way handshake with AP2 through AP1 before the re-association, message 1 at `m1Us`.
void preReassociationFourWay(RoamScene& s, const Seed000Keys& k, std::int64_t m1Us) {
  rs::test::preReassociationFourWay(s, k, kAp1, kAp2, at(m1Us));
}

// Open System Authentication with AP2 at `authUs`, then the three seed-000 messages 1 ms, 1.7 ms and 2.1 ms
// after it (any of them left out), and the first data frame through AP2 10 ms after it.
struct Exchange3 {
  bool m1 = true, m2 = true, m3 = true, dataAfter = true;
};
void seed000Roam(RoamScene& s, const Seed000Keys& k, std::int64_t authUs, Exchange3 x = {}) {
  s.authentication(at(authUs), kAp2, false, kOpen, 1);
  s.authentication(at(authUs + 300), kAp2, true, kOpen, 2);
  if (x.m1) s.action(at(authUs + 1'000), kAp2, false, message1(k));
  if (x.m2) s.action(at(authUs + 1'700), kAp2, true, message2(k));
  if (x.m3) s.action(at(authUs + 2'100), kAp2, false, message3(k));
  if (x.dataAfter) s.data(at(authUs + 10'000), kAp2, true);
}

struct Analysis {
  std::vector<HandoffRecord> records;
  std::uint64_t frames = 0;
  std::vector<std::uint64_t> framesWithKeyCheck;  // stream indices the key analysis checked a MIC of
};

Analysis analyze(const RoamScene& scene, KeyRing* keys = nullptr) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("scene.pcapng").toStdString();
  std::string error;
  if (!scene.write(path, error)) qFatal("cannot write the scene: %s", error.c_str());
  auto opened = openCapture(path);
  if (std::holds_alternative<FileError>(opened)) qFatal("cannot read the scene back");
  auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
  RoamAnalyzer analyzer(keys);
  CaptureFrame f;
  Analysis a;
  while (file.next(f)) {
    analyzer.observe(toFrameView(f));
    ++a.frames;
  }
  analyzer.finish();
  a.records = analyzer.recordsByTime();
  if (const HandshakeTracker* h = analyzer.handshakes())
    for (std::uint64_t i = 0; i < a.frames + 1; ++i)
      if (h->check(i)) a.framesWithKeyCheck.push_back(i);
  return a;
}

void comparePhase(const HandoffRecord& r, PhaseKind kind, std::int64_t startUs, std::int64_t endUs) {
  const Phase* p = r.phase(kind);
  QVERIFY2(p, std::string(phaseName(kind)).c_str());
  QCOMPARE(p->startNs, at(startUs));
  QCOMPARE(p->endNs, at(endUs));
}

std::vector<std::string> phaseNames(const HandoffRecord& r) {
  std::vector<std::string> names;
  for (const Phase& p : r.phases) names.emplace_back(phaseName(p.kind));
  return names;
}

std::optional<std::int64_t> latency(const HandoffRecord& r, Definition d) {
  auto it = r.latencyNs.find(d);
  return it == r.latencyNs.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}

}  // namespace

class TestRoamSeed000 : public QObject {
  Q_OBJECT

 private slots:
  // The messages the scenes carry are the protocol's: their MICs verify with the seed-000 KCK.
  void messagesCarryRealMics() {
    const Seed000Keys k = keysForAp2();
    for (const Bytes& body : {message1(k), message2(k), message3(k)}) {
      const auto ok = crypto::seed000::verifyMessageMic(k.ptk.kck, kSta, kAp2.bssid, body);
      QVERIFY(ok && *ok);
    }
  }

  // Pre-authentication and the 4-way handshake through AP1, a scan, open authentication and the three messages:
  // one seed-000 roam from AP1 to AP2, every phase and definition exact, and the station associated with AP2
  // afterwards (its next roam starts from there).
  void roamWithPreauthentication() {
    const Seed000Keys k = keysForAp2();
    RoamScene s(kSta);
    joinAp1(s, true);
    preauthenticate(s);
    preReassociationFourWay(s, k, 1'150'000);
    s.data(at(1'180'000), kAp1, false);  // the last data frame through AP1
    s.probeRequest(at(1'190'000), kAp2.mhz);
    s.probeResponse(at(1'190'400), kAp2);
    seed000Roam(s, k, 1'200'000);
    // Back to AP1 with an ordinary PSK reassociation: it must start from AP2.
    s.authentication(at(2'000'000), kAp1, false, kOpen, 1);
    s.authentication(at(2'000'300), kAp1, true, kOpen, 2);
    s.associationRequest(at(2'001'000), kAp1, kAp2.bssid, RequestSecurity{2, false, false});
    s.associationResponse(at(2'001'500), kAp1, true, 0);
    s.keyMessage(at(2'003'000), kAp1, KeyMessage::Pairwise1, 3);
    s.keyMessage(at(2'004'000), kAp1, KeyMessage::Pairwise2, 3);
    s.keyMessage(at(2'005'000), kAp1, KeyMessage::Pairwise3, 4);
    s.keyMessage(at(2'006'000), kAp1, KeyMessage::Pairwise4, 4);

    const auto records = analyze(s).records;
    QCOMPARE(records.size(), std::size_t{3});
    const HandoffRecord& r = records[1];
    QCOMPARE(r.kind, RecordKind::Handoff);
    QCOMPARE(r.method, Method::Seed000);
    QCOMPARE(methodName(r.method), std::string_view("seed000-fast-reassociation"));
    QVERIFY(r.success);
    QVERIFY(!r.failure);
    QVERIFY(r.from);
    QCOMPARE(r.from->bssid, kAp1.bssid);
    QCOMPARE(r.from->channel, std::optional<int>(1));
    QCOMPARE(r.to.bssid, kAp2.bssid);
    QCOMPARE(r.to.channel, std::optional<int>(6));
    QCOMPARE(r.startNs, at(1'200'000));
    QCOMPARE(r.endNs, at(1'202'100));

    // In time order: the EAP and 4-way phases ran through AP1 before the authentication.
    QCOMPARE(phaseNames(r), (std::vector<std::string>{"eap", "four-way", "scan", "authentication",
                                                      "seed000-exchange"}));
    comparePhase(r, PhaseKind::Eap, 1'100'000, 1'120'000);
    comparePhase(r, PhaseKind::FourWay, 1'150'000, 1'153'000);
    comparePhase(r, PhaseKind::Scan, 1'190'000, 1'190'400);
    comparePhase(r, PhaseKind::Authentication, 1'200'000, 1'200'300);
    comparePhase(r, PhaseKind::Seed000Exchange, 1'201'000, 1'202'100);

    QCOMPARE(r.latencyNs.size(), std::size_t{5});
    QCOMPARE(latency(r, Definition::AuthToM4), std::optional<std::int64_t>(us(2'100)));          // auth → msg 3
    QCOMPARE(latency(r, Definition::ReassocToLastKey), std::optional<std::int64_t>(us(1'100)));  // msg 1 → msg 3
    QCOMPARE(latency(r, Definition::RequestToResponse), std::optional<std::int64_t>(us(700)));   // msg 1 → msg 2
    QCOMPARE(latency(r, Definition::TotalWithScan), std::optional<std::int64_t>(us(12'100)));    // probe → msg 3
    QCOMPARE(latency(r, Definition::DataToData), std::optional<std::int64_t>(us(30'000)));       // AP1 → AP2 data

    // Exchanges: the probe, the open authentication and the two seed-000 pairs.
    QCOMPARE(r.exchanges.size(), std::size_t{4});
    const Exchange* m1m2 = r.lastExchange(ExchangeKind::Seed000M1M2);
    const Exchange* m2m3 = r.lastExchange(ExchangeKind::Seed000M2M3);
    QVERIFY(m1m2 && m2m3);
    QCOMPARE(m1m2->request.ns, at(1'201'000));
    QCOMPARE(m1m2->response.ns, at(1'201'700));
    QCOMPARE(m1m2->retries, 0);
    QCOMPARE(m2m3->request.ns, at(1'201'700));
    QCOMPARE(m2m3->response.ns, at(1'202'100));
    QCOMPARE(exchangeKindName(m1m2->kind), std::string_view("seed000-m1-m2"));
    QCOMPARE(exchangeKindName(m2m3->kind), std::string_view("seed000-m2-m3"));
    QVERIFY(!r.lastExchange(ExchangeKind::Reassociation));
    QVERIFY(!r.lastExchange(ExchangeKind::M1M2));  // the 4-way through AP1 is a phase, not the attempt's exchanges

    // Message 3 left the station associated with AP2: the next roam is from AP2.
    const HandoffRecord& back = records[2];
    QCOMPARE(back.method, Method::Psk);
    QVERIFY(back.success && back.from);
    QCOMPARE(back.from->bssid, kAp2.bssid);
    QCOMPARE(back.to.bssid, kAp1.bssid);
  }

  // No pre-authentication (the PMK was cached) and no scan: the 4-way handshake through AP1, authentication, the
  // three messages.
  void roamWithCachedPmk() {
    const Seed000Keys k = keysForAp2();
    RoamScene s(kSta);
    joinAp1(s, true);
    preReassociationFourWay(s, k, 1'150'000);
    s.data(at(1'160'000), kAp1, true);
    seed000Roam(s, k, 1'200'000);

    const auto records = analyze(s).records;
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QCOMPARE(r.method, Method::Seed000);
    QVERIFY(r.success);
    QCOMPARE(phaseNames(r), (std::vector<std::string>{"four-way", "authentication", "seed000-exchange"}));
    comparePhase(r, PhaseKind::FourWay, 1'150'000, 1'153'000);
    comparePhase(r, PhaseKind::Authentication, 1'200'000, 1'200'300);
    comparePhase(r, PhaseKind::Seed000Exchange, 1'201'000, 1'202'100);
    QCOMPARE(r.latencyNs.size(), std::size_t{4});
    QCOMPARE(latency(r, Definition::AuthToM4), std::optional<std::int64_t>(us(2'100)));
    QCOMPARE(latency(r, Definition::ReassocToLastKey), std::optional<std::int64_t>(us(1'100)));
    QCOMPARE(latency(r, Definition::RequestToResponse), std::optional<std::int64_t>(us(700)));
    QCOMPARE(latency(r, Definition::DataToData), std::optional<std::int64_t>(us(50'000)));
    QVERIFY(!latency(r, Definition::TotalWithScan));
  }

  // Message 1 never answered: when the station is next heard (its traffic through AP1, 6 s later) the attempt has
  // been silent longer than the tracker's 5 s timeout and fails; the station is still AP1's.
  void messageTwoMissing() {
    const Seed000Keys k = keysForAp2();
    RoamScene s(kSta);
    joinAp1(s, true);
    preReassociationFourWay(s, k, 1'150'000);
    seed000Roam(s, k, 1'200'000, Exchange3{true, false, false, false});
    s.data(at(7'300'000), kAp1, true);

    const auto records = analyze(s).records;
    QCOMPARE(records.size(), std::size_t{2});
    const HandoffRecord& r = records[1];
    QCOMPARE(r.method, Method::Seed000);
    QVERIFY(!r.success);
    QVERIFY(r.failure);
    QCOMPARE(r.failure->stage, std::string("timeout"));
    QCOMPARE(r.failure->reason, std::string("no frame of the attempt for 5 s; seed-000 message 2 missing"));
    QCOMPARE(r.endNs, at(1'201'000));
    QVERIFY(r.latencyNs.empty());
    comparePhase(r, PhaseKind::Seed000Exchange, 1'201'000, 1'201'000);
    QVERIFY(!r.lastExchange(ExchangeKind::Seed000M1M2));
  }

  // Message 2 sent, message 3 never came before the capture ended; a deauthentication by AP2 ends the attempt
  // at once, naming the missing message as well.
  void messageThreeMissingAndDeauthentication() {
    const Seed000Keys k = keysForAp2();
    {
      RoamScene s(kSta);
      joinAp1(s, true);
      seed000Roam(s, k, 1'200'000, Exchange3{true, true, false, false});
      const auto records = analyze(s).records;
      QCOMPARE(records.size(), std::size_t{2});
      const HandoffRecord& r = records[1];
      QVERIFY(!r.success && r.failure);
      QCOMPARE(r.failure->stage, std::string("incomplete"));
      QCOMPARE(r.failure->reason, std::string("the capture ended during the attempt; seed-000 message 3 missing"));
      QVERIFY(r.lastExchange(ExchangeKind::Seed000M1M2));
    }
    {
      RoamScene s(kSta);
      joinAp1(s, true);
      seed000Roam(s, k, 1'200'000, Exchange3{true, false, false, false});
      s.deauthentication(at(1'250'000), kAp2, true, 2);
      const auto records = analyze(s).records;
      QCOMPARE(records.size(), std::size_t{2});
      const HandoffRecord& r = records[1];
      QVERIFY(!r.success && r.failure);
      QCOMPARE(r.failure->stage, std::string("deauthentication"));
      QCOMPARE(r.failure->code, std::optional<std::uint16_t>(2));
      QVERIFY2(r.failure->reason.ends_with("; seed-000 message 2 missing"), r.failure->reason.c_str());
      QCOMPARE(r.endNs, at(1'250'000));
    }
  }

  // With the PMK given, the key analysis derives keys for ordinary 4-way handshakes: the pre-re-association one
  // (EtherType 0x88c7, the seed-000 PTK) must not be checked as one, so no frame gets a MIC verdict and the
  // record no MIC failure.
  void preReassociationHandshakeIsNotCheckedAsFourWay() {
    const Seed000Keys k = keysForAp2();
    RoamScene s(kSta);
    joinAp1(s, false);  // an open join: the only EAPOL-Key frames are the seed-000 ones
    preReassociationFourWay(s, k, 1'150'000);
    seed000Roam(s, k, 1'200'000);
    KeyRing ring;
    ring.addPmk(crypto::SecretBytes(k.pmk));
    const Analysis a = analyze(s, &ring);
    QCOMPARE(a.records.size(), std::size_t{2});
    const HandoffRecord& r = a.records[1];
    QCOMPARE(r.method, Method::Seed000);
    QVERIFY(r.success);
    QVERIFY(a.framesWithKeyCheck.empty());
    QVERIFY(!r.micsVerified.has_value());
    QVERIFY(r.keyFrames.empty());
  }

  // The reports name the method, the new phase and the exchange kinds.
  void reportsNameTheMethod() {
    const Seed000Keys k = keysForAp2();
    RoamScene s(kSta);
    joinAp1(s, true);
    preReassociationFourWay(s, k, 1'150'000);
    seed000Roam(s, k, 1'200'000);
    const auto records = analyze(s).records;
    ReportContext c;
    const auto j = reportJson(records, c);
    QCOMPARE(j["handoffs"][1]["method"].get<std::string>(), std::string("seed000-fast-reassociation"));
    bool exchangePhase = false;
    for (const auto& p : j["handoffs"][1]["phases"]) exchangePhase = exchangePhase || p["name"] == "seed000-exchange";
    QVERIFY(exchangePhase);
    const std::string text = reportText(records, c);
    QVERIFY2(text.find("seed000-fast-reassociation success") != std::string::npos, text.c_str());
    const std::string csv = reportCsv(records, c);
    QVERIFY(csv.find(",seed000-exchange_start,seed000-exchange_end,") != std::string::npos);
  }

  // Malformed or misdirected seed-000 frames are no part of a roam, and do not crash the analysis.
  void malformedMessagesAreIgnored() {
    const Seed000Keys k = keysForAp2();
    RoamScene s(kSta);
    joinAp1(s, true);
    const Bytes good = message1(k);
    for (std::size_t n = 0; n < good.size(); ++n)  // every truncation of message 1
      s.action(at(1'200'000 + static_cast<std::int64_t>(n)), kAp2, false, Bytes(good.begin(), good.begin() + n));
    s.action(at(1'300'000), kAp2, true, message1(k));   // message 1 sent by the AP
    s.action(at(1'300'100), kAp2, false, message2(k));  // message 2 sent by the station
    const auto records = analyze(s).records;
    QCOMPARE(records.size(), std::size_t{1});  // the join only
    QCOMPARE(records[0].method, Method::Psk);
  }
};

QTEST_GUILESS_MAIN(TestRoamSeed000)
#include "tst_roam_seed000.moc"
