// SPDX-License-Identifier: GPL-3.0-or-later
// The request → response exchanges of each handoff (docs/latency.md
// "request-to-response") on captures built with RoamScene, where every frame's
// timestamp is known to the microsecond: each exchange must pair exactly the
// frames the pairing rules name, with both timestamps, both frame numbers and
// the retries counted.
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <variant>

#include "capture/file/capture_file.h"
#include "core/analysis/roam/exchange_summary.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "core/analysis/roam/roam_report.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/udp.h"
#include "dissectors/radius/radius.h"
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

constexpr std::uint16_t kSae = ieee80211::auth_algorithm::Sae;

struct Analysis {
  std::vector<HandoffRecord> records;
  std::map<std::int64_t, std::uint64_t> frameAt;  // timestamp → stream index (every scene timestamp is unique)
};

Analysis analyze(const RoamScene& scene) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("scene.pcapng").toStdString();
  std::string error;
  if (!scene.write(path, error)) qFatal("cannot write the scene: %s", error.c_str());
  auto opened = openCapture(path);
  if (std::holds_alternative<FileError>(opened)) qFatal("cannot read the scene back");
  auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
  Analysis a;
  RoamAnalyzer analyzer;
  CaptureFrame f;
  while (file.next(f)) {
    a.frameAt[f.timestampNs] = f.index;
    analyzer.observe(toFrameView(f));
  }
  analyzer.finish();
  a.records = analyzer.recordsByTime();
  return a;
}

// What one exchange must be: kind, step, request and response at these microseconds, retries.
// The AP's RADIUS client (10.0.0.2:40000) ↔ the server (10.0.0.9:1812) on the distribution system, as
// Ethernet frames: an Access-Request naming `station` in Calling-Station-Id, or a response of `code`.
Bytes radiusFrame(bool request, std::uint8_t code, std::uint8_t identifier, std::uint8_t authenticatorByte,
                  const MacAddress& station) {
  radius::PacketBuilder b(code, identifier, Bytes(16, authenticatorByte));
  if (request) b.addText(radius::attr::kCallingStationId, station.toString());
  const Bytes packet = *b.build();
  const std::uint32_t ap = 0x0a000002, server = 0x0a000009;
  const Bytes udp = request ? inet::buildUdp(ap, server, 40000, 1812, packet) : inet::buildUdp(server, ap, 1812, 40000, packet);
  inet::Ipv4Fields ip;
  ip.protocol = inet::kIpProtoUdp;
  ip.source = request ? ap : server;
  ip.destination = request ? server : ap;
  const MacAddress apWire = *MacAddress::parse("02:cc:00:00:00:02"), serverWire = *MacAddress::parse("02:cc:00:00:00:09");
  return inet::buildEthernet(request ? serverWire : apWire, request ? apWire : serverWire, inet::kEtherTypeIpv4,
                             inet::buildIpv4(ip, udp));
}

// The scene's air frames and wired Ethernet frames in one stream, by timestamp (as a merge of an air and a
// distribution-system capture gives them).
Analysis analyzeWithWired(const RoamScene& scene, const std::vector<std::pair<std::int64_t, Bytes>>& wired) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("scene.pcapng").toStdString();
  std::string error;
  if (!scene.write(path, error)) qFatal("cannot write the scene: %s", error.c_str());
  auto opened = openCapture(path);
  if (std::holds_alternative<FileError>(opened)) qFatal("cannot read the scene back");
  auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
  struct Item {
    std::int64_t ns;
    std::uint32_t linkType;
    Bytes bytes;
  };
  std::vector<Item> items;
  CaptureFrame f;
  while (file.next(f)) items.push_back({f.timestampNs, f.linkType, toBytes(f.data)});
  for (const auto& [ns, bytes] : wired) items.push_back({ns, 1, bytes});
  std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.ns < y.ns; });
  Analysis a;
  RoamAnalyzer analyzer;
  for (std::uint64_t i = 0; i < items.size(); ++i) {
    a.frameAt[items[i].ns] = i;
    analyzer.observe(FrameView{i, items[i].ns, items[i].linkType, 0, items[i].bytes});
  }
  analyzer.finish();
  a.records = analyzer.recordsByTime();
  return a;
}

struct Expected {
  ExchangeKind kind;
  std::string step;
  std::int64_t requestUs;
  std::int64_t responseUs;
  int retries = 0;
};

// Compares the record's exchanges one by one (order: request time), frame numbers included.
bool exchangesAre(const Analysis& a, const HandoffRecord& r, const std::vector<Expected>& expected) {
  bool ok = r.exchanges.size() == expected.size();
  if (!ok) qWarning("%zu exchanges, %zu expected", r.exchanges.size(), expected.size());
  for (std::size_t i = 0; i < std::min(r.exchanges.size(), expected.size()); ++i) {
    const Exchange& x = r.exchanges[i];
    const Expected& e = expected[i];
    const auto reqFrame = a.frameAt.find(at(e.requestUs));
    const auto respFrame = a.frameAt.find(at(e.responseUs));
    const bool same = x.kind == e.kind && x.step == e.step && x.request.ns == at(e.requestUs) &&
                      x.response.ns == at(e.responseUs) && x.retries == e.retries &&
                      reqFrame != a.frameAt.end() && x.request.frame == reqFrame->second &&
                      respFrame != a.frameAt.end() && x.response.frame == respFrame->second &&
                      x.latencyNs() == us(e.responseUs - e.requestUs);
    if (!same) {
      qWarning("exchange %zu: %s(%s) %lld -> %lld us, %d retries; expected %s(%s) %lld -> %lld us, %d retries", i,
               std::string(exchangeKindName(x.kind)).c_str(), x.step.c_str(),
               static_cast<long long>((x.request.ns - kBaseNs) / 1000),
               static_cast<long long>((x.response.ns - kBaseNs) / 1000), x.retries,
               std::string(exchangeKindName(e.kind)).c_str(), e.step.c_str(), static_cast<long long>(e.requestUs),
               static_cast<long long>(e.responseUs), e.retries);
      ok = false;
    }
  }
  return ok;
}

std::optional<std::int64_t> latency(const HandoffRecord& r, Definition d) {
  auto it = r.latencyNs.find(d);
  if (it == r.latencyNs.end()) return std::nullopt;
  return it->second;
}

// The station's first association on AP1: open authentication, association, 4-way handshake, traffic.
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
  s.data(at(1'000'000), kAp1, true);
}

const std::vector<Expected> kJoinAp1{
    {ExchangeKind::Authentication, "open", 100'000, 100'300},
    {ExchangeKind::Reassociation, "association", 101'000, 101'500},
    {ExchangeKind::M1M2, "", 103'000, 104'000},
    {ExchangeKind::M3M4, "", 105'000, 106'000},
};

void fourWay(RoamScene& s, const SceneAp& ap, std::int64_t m1Us) {
  s.keyMessage(at(m1Us), ap, KeyMessage::Pairwise1, 1);
  s.keyMessage(at(m1Us + 1'000), ap, KeyMessage::Pairwise2, 1);
  s.keyMessage(at(m1Us + 2'000), ap, KeyMessage::Pairwise3, 2);
  s.keyMessage(at(m1Us + 3'000), ap, KeyMessage::Pairwise4, 2);
}

std::vector<Expected> fourWayExchanges(std::int64_t m1Us) {
  return {{ExchangeKind::M1M2, "", m1Us, m1Us + 1'000}, {ExchangeKind::M3M4, "", m1Us + 2'000, m1Us + 3'000}};
}

Bytes eapRequest(std::uint8_t id, std::uint8_t type) {
  const Bytes data{0x10, 0x01, 0x02, 0x03};
  return eapol::buildEap(eapol::EapCode::Request, id, type, data);
}
Bytes eapResponse(std::uint8_t id, std::uint8_t type) {
  const Bytes data{0x10, 0x0a, 0x0b, 0x0c};
  return eapol::buildEap(eapol::EapCode::Response, id, type, data);
}

}  // namespace

class TestRoamExchanges : public QObject {
  Q_OBJECT

 private slots:
  // Full PSK roam with a scan on two channels, every request retried once somewhere.
  void fullPskWithRetries() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    // Scan: channel 6 probed twice before AP2 answers (one retry), AP3 answers channel 11 twice (only the
    // first response counts).
    s.probeRequest(at(1'100'000), kAp2.mhz);
    s.probeRequest(at(1'100'200), kAp2.mhz);
    s.probeResponse(at(1'100'700), kAp2);
    s.probeRequest(at(1'110'000), kAp3.mhz);
    s.probeResponse(at(1'110'400), kAp3);
    s.probeResponse(at(1'110'450), kAp3);
    s.authentication(at(1'200'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'200'300), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{2, false, false});
    s.associationRequest(at(1'201'900), kAp2, kAp1.bssid, RequestSecurity{2, false, false});  // retry
    s.associationResponse(at(1'202'400), kAp2, true, 0);
    // Message 1 sent twice (new replay counter each time, as authenticators do); M2 answers the second.
    s.keyMessage(at(1'203'000), kAp2, KeyMessage::Pairwise1, 1);
    s.keyMessage(at(1'204'000), kAp2, KeyMessage::Pairwise1, 2);
    s.keyMessage(at(1'204'800), kAp2, KeyMessage::Pairwise2, 2);
    s.keyMessage(at(1'205'500), kAp2, KeyMessage::Pairwise3, 3);
    s.keyMessage(at(1'206'100), kAp2, KeyMessage::Pairwise4, 3);
    s.keyMessage(at(1'207'000), kAp2, KeyMessage::Group1, 4);
    s.keyMessage(at(1'207'650), kAp2, KeyMessage::Group2, 4);
    s.data(at(1'250'000), kAp2, true);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    QVERIFY(exchangesAre(a, a.records[0], kJoinAp1));
    const HandoffRecord& r = a.records[1];
    QCOMPARE(r.method, Method::Psk);
    QVERIFY(r.success);
    QVERIFY(exchangesAre(a, r,
                         {
                             {ExchangeKind::Probe, "", 1'100'200, 1'100'700, 1},
                             {ExchangeKind::Probe, "", 1'110'000, 1'110'400},
                             {ExchangeKind::Authentication, "open", 1'200'000, 1'200'300},
                             {ExchangeKind::Reassociation, "reassociation", 1'201'900, 1'202'400, 1},
                             {ExchangeKind::M1M2, "", 1'204'000, 1'204'800, 1},
                             {ExchangeKind::M3M4, "", 1'205'500, 1'206'100},
                             {ExchangeKind::GroupM1M2, "", 1'207'000, 1'207'650},
                         }));
    QCOMPARE(r.exchanges[0].channel, std::optional<int>(6));
    QCOMPARE(r.exchanges[1].channel, std::optional<int>(11));
    QCOMPARE(r.exchanges[2].status, std::optional<std::uint16_t>(0));
    QCOMPARE(r.exchangesDropped, std::size_t{0});
    // The single figure: the (re)association exchange, from the request that was answered.
    QCOMPARE(latency(r, Definition::RequestToResponse), std::optional<std::int64_t>(us(500)));
    // The reassociation phase still starts at the first request.
    QCOMPARE(r.phase(PhaseKind::Reassociation)->startNs, at(1'201'000));
  }

  // An M2 that echoes the first M1's replay counter answers that M1, not the retry after it.
  void m2AnswersTheM1WithItsReplayCounter() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    s.authentication(at(1'200'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'200'300), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{2, false, false});
    s.associationResponse(at(1'201'500), kAp2, true, 0);
    s.keyMessage(at(1'203'000), kAp2, KeyMessage::Pairwise1, 1);
    s.keyMessage(at(1'204'000), kAp2, KeyMessage::Pairwise1, 2);
    s.keyMessage(at(1'204'100), kAp2, KeyMessage::Pairwise2, 1);
    s.keyMessage(at(1'205'000), kAp2, KeyMessage::Pairwise3, 3);
    s.keyMessage(at(1'206'000), kAp2, KeyMessage::Pairwise4, 3);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    const Exchange* m1m2 = a.records[1].lastExchange(ExchangeKind::M1M2);
    QVERIFY(m1m2);
    QCOMPARE(m1m2->request.ns, at(1'203'000));
    QCOMPARE(m1m2->response.ns, at(1'204'100));
    QCOMPARE(m1m2->retries, 1);
  }

  // Full 802.1X: EAP Identity, an MD5 round whose request is retransmitted (same identifier), a second
  // method round, Success, then the 4-way handshake.
  void full8021xEapRounds() {
    RoamScene s(kSta);
    joinAp1(s, 1);
    s.authentication(at(1'200'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'200'250), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{1, false, false});
    s.associationResponse(at(1'201'400), kAp2, true, 0);
    s.eapolStart(at(1'201'600), kAp2);
    s.eapPacket(at(1'202'000), kAp2, true, eapol::buildEapIdentity(eapol::EapCode::Request, 1, ""));
    s.eapPacket(at(1'202'350), kAp2, false, eapol::buildEapIdentity(eapol::EapCode::Response, 1, "alice"));
    s.eapPacket(at(1'210'000), kAp2, true, eapRequest(2, eapol::eaptype::kMd5Challenge));
    s.eapPacket(at(1'213'000), kAp2, true, eapRequest(2, eapol::eaptype::kMd5Challenge));  // retransmission
    s.eapPacket(at(1'213'900), kAp2, false, eapResponse(2, eapol::eaptype::kMd5Challenge));
    s.eapPacket(at(1'220'000), kAp2, true, eapRequest(3, eapol::eaptype::kTls));
    s.eapPacket(at(1'221'200), kAp2, false, eapResponse(3, eapol::eaptype::kTls));
    s.eapPacket(at(1'230'000), kAp2, true, eapol::buildEapSuccess(3));
    fourWay(s, kAp2, 1'231'000);
    s.data(at(1'300'000), kAp2, false);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    const HandoffRecord& r = a.records[1];
    QCOMPARE(r.method, Method::Full8021X);
    std::vector<Expected> expected{
        {ExchangeKind::Authentication, "open", 1'200'000, 1'200'250},
        {ExchangeKind::Reassociation, "reassociation", 1'201'000, 1'201'400},
        {ExchangeKind::Eap, "identity", 1'202'000, 1'202'350},
        {ExchangeKind::Eap, "md5", 1'213'000, 1'213'900, 1},
        {ExchangeKind::Eap, "tls", 1'220'000, 1'221'200},
    };
    for (const Expected& e : fourWayExchanges(1'231'000)) expected.push_back(e);
    QVERIFY(exchangesAre(a, r, expected));
    QCOMPARE(r.exchanges[2].identifier, std::optional<std::uint8_t>(1));
    QCOMPARE(r.exchanges[3].identifier, std::optional<std::uint8_t>(2));
    QCOMPARE(latency(r, Definition::RequestToResponse), std::optional<std::int64_t>(us(400)));
  }

  // The wired side of a full 802.1X roam: each EAP round trip on the air contains a RADIUS round trip to the
  // server, paired by Identifier, with a retransmitted Access-Request counted; a request for another station
  // and an unanswered one are not the record's.
  void full8021xWithRadiusOnTheWire() {
    RoamScene s(kSta);
    joinAp1(s, 1);
    s.authentication(at(1'200'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'200'250), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{1, false, false});
    s.associationResponse(at(1'201'400), kAp2, true, 0);
    s.eapPacket(at(1'202'000), kAp2, true, eapol::buildEapIdentity(eapol::EapCode::Request, 1, ""));
    s.eapPacket(at(1'202'350), kAp2, false, eapol::buildEapIdentity(eapol::EapCode::Response, 1, "alice"));
    s.eapPacket(at(1'210'000), kAp2, true, eapRequest(2, eapol::eaptype::kTls));
    s.eapPacket(at(1'211'000), kAp2, false, eapResponse(2, eapol::eaptype::kTls));
    s.eapPacket(at(1'230'000), kAp2, true, eapol::buildEapSuccess(2));
    fourWay(s, kAp2, 1'231'000);
    s.data(at(1'300'000), kAp2, false);
    const MacAddress other = *MacAddress::parse("02:bb:00:00:00:77");
    const std::vector<std::pair<std::int64_t, Bytes>> wired{
        {at(1'202'500), radiusFrame(true, radius::code::kAccessRequest, 10, 0xa1, kSta)},      // identity
        {at(1'204'000), radiusFrame(true, radius::code::kAccessRequest, 10, 0xa1, kSta)},      // sent again
        {at(1'209'500), radiusFrame(false, radius::code::kAccessChallenge, 10, 0, kSta)},
        {at(1'209'600), radiusFrame(true, radius::code::kAccessRequest, 40, 0xb1, other)},     // another station
        {at(1'209'700), radiusFrame(false, radius::code::kAccessAccept, 40, 0, other)},
        {at(1'211'100), radiusFrame(true, radius::code::kAccessRequest, 11, 0xa2, kSta)},      // TLS round
        {at(1'229'000), radiusFrame(false, radius::code::kAccessAccept, 11, 0, kSta)},
        {at(1'229'500), radiusFrame(true, radius::code::kAccessRequest, 12, 0xa3, kSta)},      // never answered
    };
    const Analysis a = analyzeWithWired(s, wired);
    QCOMPARE(a.records.size(), std::size_t{2});
    const HandoffRecord& r = a.records[1];
    QCOMPARE(r.method, Method::Full8021X);
    std::vector<Expected> expected{
        {ExchangeKind::Authentication, "open", 1'200'000, 1'200'250},
        {ExchangeKind::Reassociation, "reassociation", 1'201'000, 1'201'400},
        {ExchangeKind::Eap, "identity", 1'202'000, 1'202'350},
        {ExchangeKind::Radius, "access-challenge", 1'204'000, 1'209'500, 1},
        {ExchangeKind::Eap, "tls", 1'210'000, 1'211'000},
        {ExchangeKind::Radius, "access-accept", 1'211'100, 1'229'000},
    };
    for (const Expected& e : fourWayExchanges(1'231'000)) expected.push_back(e);
    QVERIFY(exchangesAre(a, r, expected));
    QCOMPARE(r.exchanges[3].identifier, std::optional<std::uint8_t>(10));
    QCOMPARE(r.exchanges[3].status, std::optional<std::uint16_t>(radius::code::kAccessChallenge));
    QCOMPARE(r.exchanges[5].status, std::optional<std::uint16_t>(radius::code::kAccessAccept));
    // The report names them like the others.
    const auto j = reportJson(a.records, ReportContext{});
    QCOMPARE(j["handoffs"][1]["exchanges"][3]["kind"].get<std::string>(), std::string("radius"));
  }

  void ftOverTheAir() {
    RoamScene s(kSta);
    joinAp1(s, 4);
    s.authentication(at(1'200'000), kAp2, false, kFt, 1);
    s.authentication(at(1'200'450), kAp2, true, kFt, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{4, false, true});
    s.associationResponse(at(1'201'800), kAp2, true, 0);
    s.data(at(1'210'000), kAp2, false);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    const HandoffRecord& r = a.records[1];
    QCOMPARE(r.method, Method::FtOverAir);
    QVERIFY(exchangesAre(a, r,
                         {{ExchangeKind::Authentication, "ft", 1'200'000, 1'200'450},
                          {ExchangeKind::Reassociation, "reassociation", 1'201'000, 1'201'800}}));
    QCOMPARE(latency(r, Definition::RequestToResponse), std::optional<std::int64_t>(us(800)));
    QCOMPARE(latency(r, Definition::FtAuthToReassocResp), std::optional<std::int64_t>(us(1'800)));
  }

  // FT over the DS: the FT Request is retried once through the current AP before its response.
  void ftOverTheDs() {
    RoamScene s(kSta);
    joinAp1(s, 4);
    s.ftAction(at(1'200'000), kAp1, kAp2, false);
    s.ftAction(at(1'200'500), kAp1, kAp2, false);
    s.ftAction(at(1'201'100), kAp1, kAp2, true, 0);
    s.associationRequest(at(1'202'000), kAp2, kAp1.bssid, RequestSecurity{4, false, true});
    s.associationResponse(at(1'202'700), kAp2, true, 0);
    s.data(at(1'210'000), kAp2, true);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    const HandoffRecord& r = a.records[1];
    QCOMPARE(r.method, Method::FtOverDs);
    QVERIFY(exchangesAre(a, r,
                         {{ExchangeKind::FtAction, "", 1'200'500, 1'201'100, 1},
                          {ExchangeKind::Reassociation, "reassociation", 1'202'000, 1'202'700}}));
    QCOMPARE(r.exchanges[0].status, std::optional<std::uint16_t>(0));
    QCOMPARE(latency(r, Definition::RequestToResponse), std::optional<std::int64_t>(us(700)));
    QCOMPARE(latency(r, Definition::FtActionToReassocResp), std::optional<std::int64_t>(us(2'700)));
  }

  // SAE: the first Commit is refused with status 76 (anti-clogging token required), the station commits
  // again with the token; Commit answers Commit and Confirm answers Confirm (IEEE 802.11-2016 12.4.7.6).
  void saeWithAntiCloggingToken() {
    RoamScene s(kSta);
    joinAp1(s, 8);
    s.authentication(at(1'200'000), kAp2, false, kSae, 1);
    s.authentication(at(1'200'400), kAp2, true, kSae, 1, 76);
    s.authentication(at(1'201'000), kAp2, false, kSae, 1);
    s.authentication(at(1'203'000), kAp2, true, kSae, 1);
    s.authentication(at(1'203'500), kAp2, false, kSae, 2);
    s.authentication(at(1'203'800), kAp2, true, kSae, 2);
    s.associationRequest(at(1'204'000), kAp2, kAp1.bssid, RequestSecurity{8, false, false});
    s.associationResponse(at(1'204'600), kAp2, true, 0);
    fourWay(s, kAp2, 1'206'000);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    const HandoffRecord& r = a.records[1];
    QCOMPARE(r.method, Method::Sae);
    QVERIFY(r.success);
    std::vector<Expected> expected{
        {ExchangeKind::Authentication, "sae-commit", 1'200'000, 1'200'400},
        {ExchangeKind::Authentication, "sae-commit", 1'201'000, 1'203'000},
        {ExchangeKind::Authentication, "sae-confirm", 1'203'500, 1'203'800},
        {ExchangeKind::Reassociation, "reassociation", 1'204'000, 1'204'600},
    };
    for (const Expected& e : fourWayExchanges(1'206'000)) expected.push_back(e);
    QVERIFY(exchangesAre(a, r, expected));
    QCOMPARE(r.exchanges[0].status, std::optional<std::uint16_t>(76));
    QCOMPARE(r.exchanges[1].status, std::optional<std::uint16_t>(0));
  }

  // PMK caching: no EAP, the 4-way handshake right after the reassociation.
  void pmkCache() {
    RoamScene s(kSta);
    s.authentication(at(100'000), kAp1, false, kOpen, 1);
    s.authentication(at(100'300), kAp1, true, kOpen, 2);
    s.associationRequest(at(101'000), kAp1, std::nullopt, RequestSecurity{1, false, false});
    s.associationResponse(at(101'500), kAp1, false, 0);
    s.eapPacket(at(102'000), kAp1, true, eapol::buildEapIdentity(eapol::EapCode::Request, 1, ""));
    s.eapPacket(at(102'500), kAp1, false, eapol::buildEapIdentity(eapol::EapCode::Response, 1, "alice"));
    s.eapPacket(at(120'000), kAp1, true, eapol::buildEapSuccess(2));
    fourWay(s, kAp1, 121'000);
    s.data(at(500'000), kAp1, false);
    s.authentication(at(1'000'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'000'300), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'001'000), kAp2, kAp1.bssid, RequestSecurity{1, false, false});
    s.associationResponse(at(1'001'500), kAp2, true, 0);
    s.eapPacket(at(1'002'000), kAp2, true, eapol::buildEapIdentity(eapol::EapCode::Request, 1, ""));
    s.eapPacket(at(1'002'500), kAp2, false, eapol::buildEapIdentity(eapol::EapCode::Response, 1, "alice"));
    s.eapPacket(at(1'020'000), kAp2, true, eapol::buildEapSuccess(2));
    fourWay(s, kAp2, 1'021'000);
    s.data(at(1'100'000), kAp2, false);
    s.authentication(at(2'000'000), kAp1, false, kOpen, 1);
    s.authentication(at(2'000'350), kAp1, true, kOpen, 2);
    s.associationRequest(at(2'001'000), kAp1, kAp2.bssid, RequestSecurity{1, true, false});
    s.associationResponse(at(2'001'650), kAp1, true, 0);
    fourWay(s, kAp1, 2'002'000);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{3});
    const HandoffRecord& r = a.records[2];
    QCOMPARE(r.method, Method::PmkCache);
    std::vector<Expected> expected{
        {ExchangeKind::Authentication, "open", 2'000'000, 2'000'350},
        {ExchangeKind::Reassociation, "reassociation", 2'001'000, 2'001'650},
    };
    for (const Expected& e : fourWayExchanges(2'002'000)) expected.push_back(e);
    QVERIFY(exchangesAre(a, r, expected));
    QCOMPARE(latency(r, Definition::RequestToResponse), std::optional<std::int64_t>(us(650)));
  }

  // A refused reassociation is still an exchange (with its status); the single figure applies only to
  // successful handoffs.
  void refusedReassociation() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    s.authentication(at(1'200'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'200'300), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{2, false, false});
    s.associationResponse(at(1'201'700), kAp2, true, 17);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    const HandoffRecord& r = a.records[1];
    QVERIFY(!r.success);
    QVERIFY(exchangesAre(a, r,
                         {{ExchangeKind::Authentication, "open", 1'200'000, 1'200'300},
                          {ExchangeKind::Reassociation, "reassociation", 1'201'000, 1'201'700}}));
    QCOMPARE(r.exchanges[1].status, std::optional<std::uint16_t>(17));
    QVERIFY(!latency(r, Definition::RequestToResponse));
  }

  // Memory stays bounded: an EAP conversation of 100 rounds keeps kMaxExchangesPerRecord exchanges.
  void exchangeListIsCapped() {
    RoamScene s(kSta);
    joinAp1(s, 1);
    s.authentication(at(1'200'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'200'300), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{1, false, false});
    s.associationResponse(at(1'201'500), kAp2, true, 0);
    for (int i = 0; i < 100; ++i) {
      const auto id = static_cast<std::uint8_t>(i);
      s.eapPacket(at(1'210'000 + i * 1'000), kAp2, true, eapRequest(id, eapol::eaptype::kTls));
      s.eapPacket(at(1'210'000 + i * 1'000 + 400), kAp2, false, eapResponse(id, eapol::eaptype::kTls));
    }
    s.eapPacket(at(1'400'000), kAp2, true, eapol::buildEapSuccess(100));
    fourWay(s, kAp2, 1'401'000);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    const HandoffRecord& r = a.records[1];
    QVERIFY(r.success);
    QCOMPARE(r.exchanges.size(), kMaxExchangesPerRecord);
    QCOMPARE(r.exchangesDropped, std::size_t{2 + 100 + 2 - kMaxExchangesPerRecord});
    // The first ones are kept: the authentication and reassociation exchanges are always there.
    QCOMPARE(r.exchanges[0].kind, ExchangeKind::Authentication);
    QCOMPARE(r.exchanges[1].kind, ExchangeKind::Reassociation);
    QCOMPARE(latency(r, Definition::RequestToResponse), std::optional<std::int64_t>(us(500)));
  }

  // EAPOL frames with no (re)association in the capture make handshake-only records; a handshake that
  // pauses longer than the attempt timeout is two records (the first failed by timeout).
  void handshakeWithoutAssociation() {
    RoamScene s(kSta);
    fourWay(s, kAp1, 100'000);
    s.data(at(200'000), kAp1, true);
    s.keyMessage(at(1'000'000), kAp2, KeyMessage::Pairwise1, 5);
    s.keyMessage(at(7'000'000), kAp2, KeyMessage::Pairwise2, 5);
    s.keyMessage(at(7'001'000), kAp2, KeyMessage::Pairwise3, 6);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{3});
    const HandoffRecord& done = a.records[0];
    QCOMPARE(done.kind, RecordKind::HandshakeOnly);
    QVERIFY(done.success);
    QVERIFY(!done.from);
    QCOMPARE(done.to.bssid, kAp1.bssid);
    QCOMPARE(done.startNs, at(100'000));
    QCOMPARE(done.endNs, at(103'000));
    QCOMPARE(done.keyFrames.size(), std::size_t{4});
    QCOMPARE(done.method, Method::Psk);
    QVERIFY(done.latencyNs.empty());
    QVERIFY(exchangesAre(a, done, fourWayExchanges(100'000)));

    const HandoffRecord& timedOut = a.records[1];
    QCOMPARE(timedOut.kind, RecordKind::HandshakeOnly);
    QVERIFY(!timedOut.success);
    QCOMPARE(timedOut.failure->stage, std::string("timeout"));
    QVERIFY2(timedOut.failure->reason.find("M2 missing") != std::string::npos, timedOut.failure->reason.c_str());
    QCOMPARE(timedOut.keyFrames.size(), std::size_t{1});

    const HandoffRecord& cut = a.records[2];
    QVERIFY(!cut.success);
    QCOMPARE(cut.failure->stage, std::string("incomplete"));
    QVERIFY2(cut.failure->reason.find("M4 missing") != std::string::npos, cut.failure->reason.c_str());
    QCOMPARE(cut.keyFrames.size(), std::size_t{2});
    QVERIFY(cut.exchanges.empty());  // M2 answers an M1 of the previous record
  }

  // A completed handshake-only record tells where the station is: its next reassociation is a roam.
  void roamAfterHandshakeOnly() {
    RoamScene s(kSta);
    fourWay(s, kAp1, 100'000);
    s.data(at(300'000), kAp1, false);
    s.authentication(at(1'000'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'000'300), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'001'000), kAp2, kAp1.bssid, RequestSecurity{2, false, false});
    s.associationResponse(at(1'001'500), kAp2, true, 0);
    fourWay(s, kAp2, 1'002'000);
    s.data(at(1'100'000), kAp2, true);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{2});
    QCOMPARE(a.records[0].kind, RecordKind::HandshakeOnly);
    const HandoffRecord& r = a.records[1];
    QCOMPARE(r.kind, RecordKind::Handoff);
    QVERIFY(r.from);
    QCOMPARE(r.from->bssid, kAp1.bssid);
    QCOMPARE(latency(r, Definition::DataToData), std::optional<std::int64_t>(us(800'000)));
  }

  // Unit rules of the pairer: keys keep requests apart, a second response finds nothing, the cap holds.
  void pairerRules() {
    ExchangePairer p;
    p.request(ExchangeKind::Eap, 7, FrameStamp{100, 1}, "identity");
    p.request(ExchangeKind::Eap, 8, FrameStamp{200, 2}, "tls");
    QVERIFY(!p.respond(ExchangeKind::Eap, 9, FrameStamp{250, 3}));
    auto x = p.respond(ExchangeKind::Eap, 7, FrameStamp{300, 4});
    QVERIFY(x);
    QCOMPARE(x->step, std::string("identity"));
    QCOMPARE(x->request.frame, std::uint64_t{1});
    QCOMPARE(x->latencyNs(), std::int64_t{200});
    QVERIFY(!p.respond(ExchangeKind::Eap, 7, FrameStamp{400, 5}));
    QVERIFY(!p.respond(ExchangeKind::M1M2, 8, FrameStamp{400, 5}));  // another kind with the same key
    for (std::uint64_t k = 0; k < ExchangePairer::kMaxPending + 1; ++k)
      p.request(ExchangeKind::Probe, k, FrameStamp{1000, 10 + k});
    QVERIFY(!p.respond(ExchangeKind::Eap, 8, FrameStamp{2000, 50}));  // the oldest were given up
    QVERIFY(p.respond(ExchangeKind::Probe, ExchangePairer::kMaxPending, FrameStamp{2000, 51}));
    // Retries counted past the transmissions remembered.
    for (std::uint64_t i = 0; i < 20; ++i) p.request(ExchangeKind::M3M4, 0, FrameStamp{static_cast<std::int64_t>(i), i});
    x = p.respond(ExchangeKind::M3M4, 0, FrameStamp{30, 30});
    QVERIFY(x);
    QCOMPARE(x->retries, 19);
    QCOMPARE(x->request.ns, std::int64_t{19});
  }

  void stepNames() {
    QCOMPARE(authenticationStepName(ieee80211::auth_algorithm::Sae, 1), std::string("sae-commit"));
    QCOMPARE(authenticationStepName(ieee80211::auth_algorithm::Sae, 2), std::string("sae-confirm"));
    QCOMPARE(authenticationStepName(ieee80211::auth_algorithm::SharedKey, 3), std::string("shared-key"));
    QCOMPARE(authenticationStepName(9, 1), std::string("algorithm-9"));
    QCOMPARE(eapStepName(eapol::eaptype::kPeap), std::string("peap"));
    QCOMPARE(eapStepName(200), std::string("type-200"));
    QCOMPARE(definitionFromName("request-to-response"), std::optional<Definition>(Definition::RequestToResponse));
    QCOMPARE(definitionName(Definition::RequestToResponse), std::string_view("request-to-response"));
  }

  // The report: `exchanges` per handoff, `exchanges_ms` per method, CSV columns, `--definition
  // request-to-response`, handshake-only records listed but kept out of the per-method summary.
  void report() {
    RoamScene s(kSta);
    joinAp1(s, 2);
    s.authentication(at(1'200'000), kAp2, false, kOpen, 1);
    s.authentication(at(1'200'300), kAp2, true, kOpen, 2);
    s.associationRequest(at(1'201'000), kAp2, kAp1.bssid, RequestSecurity{2, false, false});
    s.associationResponse(at(1'201'700), kAp2, true, 0);
    s.keyMessage(at(1'203'000), kAp2, KeyMessage::Pairwise1, 1);
    s.keyMessage(at(1'203'500), kAp2, KeyMessage::Pairwise1, 2);
    s.keyMessage(at(1'204'000), kAp2, KeyMessage::Pairwise2, 2);
    s.keyMessage(at(1'205'000), kAp2, KeyMessage::Pairwise3, 3);
    s.keyMessage(at(1'206'000), kAp2, KeyMessage::Pairwise4, 3);
    s.data(at(1'300'000), kAp2, true);
    s.keyMessage(at(3'000'000), kAp2, KeyMessage::Group1, 4);  // a GTK rekey: handshake-only
    s.keyMessage(at(3'000'200), kAp2, KeyMessage::Group2, 4);
    const Analysis a = analyze(s);
    QCOMPARE(a.records.size(), std::size_t{3});
    QCOMPARE(a.records[2].kind, RecordKind::HandshakeOnly);
    QVERIFY(a.records[2].success);
    QCOMPARE(a.records[2].endNs, at(3'000'200));

    ReportContext c;
    const auto j = reportJson(a.records, c);
    QCOMPARE(j["version"].get<int>(), 1);
    QCOMPARE(j["handoffs"].size(), std::size_t{3});
    const auto& roam = j["handoffs"][1];
    QCOMPARE(roam["record_kind"].get<std::string>(), std::string("handoff"));
    QCOMPARE(j["handoffs"][2]["record_kind"].get<std::string>(), std::string("handshake-only"));
    QCOMPARE(roam["exchanges"].size(), std::size_t{4});
    const auto& reassoc = roam["exchanges"][1];
    QCOMPARE(reassoc["kind"].get<std::string>(), std::string("reassociation"));
    QCOMPARE(reassoc["step"].get<std::string>(), std::string("reassociation"));
    QCOMPARE(reassoc["request"].get<std::string>(), std::string("1700000001.201000000"));
    QCOMPARE(reassoc["response"].get<std::string>(), std::string("1700000001.201700000"));
    QCOMPARE(reassoc["request_frame"].get<std::uint64_t>(), a.frameAt.at(at(1'201'000)) + 1);
    QCOMPARE(reassoc["response_frame"].get<std::uint64_t>(), a.frameAt.at(at(1'201'700)) + 1);
    QCOMPARE(reassoc["latency_ms"].get<double>(), 0.7);
    QCOMPARE(reassoc["retries"].get<int>(), 0);
    QCOMPARE(reassoc["status"].get<int>(), 0);
    QVERIFY(reassoc["channel"].is_null());
    const auto& m1m2 = roam["exchanges"][2];
    QCOMPARE(m1m2["kind"].get<std::string>(), std::string("m1-m2"));
    QVERIFY(m1m2["step"].is_null());
    QCOMPARE(m1m2["retries"].get<int>(), 1);
    QCOMPARE(m1m2["latency_ms"].get<double>(), 0.5);
    QCOMPARE(roam["exchanges_dropped"].get<int>(), 0);
    QCOMPARE(roam["latency_ms"]["request-to-response"].get<double>(), 0.7);

    // Summary: one psk method with two handoffs (the join and the roam), not the GTK rekey.
    QCOMPARE(j["summary"].size(), std::size_t{1});
    const auto& psk = j["summary"][0];
    QCOMPARE(psk["handoffs"].get<int>(), 2);
    const auto& reassocStats = psk["exchanges_ms"]["reassociation"];
    QCOMPARE(reassocStats["count"].get<int>(), 2);
    QCOMPARE(reassocStats["min"].get<double>(), 0.5);
    QCOMPARE(reassocStats["max"].get<double>(), 0.7);
    QCOMPARE(reassocStats["retries"].get<int>(), 0);
    QCOMPARE(psk["exchanges_ms"]["m1-m2"]["retries"].get<int>(), 1);
    QVERIFY(!psk["exchanges_ms"].contains("group-m1-m2"));
    const auto stats = exchangeStats(a.records, Method::Psk);  // the library call counts every record given
    QCOMPARE(stats.at(ExchangeKind::GroupM1M2).latency.count, std::size_t{1});

    // --definition request-to-response: that single figure.
    ReportContext only;
    only.onlyDefinition = definitionFromName("request-to-response");
    const auto j2 = reportJson(a.records, only);
    QCOMPARE(j2["definitions"].size(), std::size_t{1});
    QCOMPARE(j2["handoffs"][1]["latency_ms"].size(), std::size_t{1});
    QCOMPARE(j2["handoffs"][1]["latency_ms"]["request-to-response"].get<double>(), 0.7);
    QCOMPARE(j2["summary"][0]["latency_ms"]["request-to-response"]["median"].get<double>(), 0.5);

    const std::string csv = reportCsv(a.records, c);
    QVERIFY(csv.find(",record_kind,auth_rtt_ms,ft_action_rtt_ms,reassoc_rtt_ms,m1_m2_rtt_ms,m3_m4_rtt_ms,"
                     "group_m1_m2_rtt_ms,eap_exchanges,eap_rtt_sum_ms,exchange_retries,exchanges_dropped,budget_class,"
                     "diagnostics\n") !=
            std::string::npos);
    QVERIFY2(csv.find(",handoff,0.300,,0.700,0.500,1.000,,0,,1,0,") != std::string::npos, csv.c_str());
    QVERIFY2(csv.find(",handshake-only,,,,,,0.200,0,,0,0,") != std::string::npos, csv.c_str());

    const std::string text = reportText(a.records, c);
    QVERIFY2(text.find("    exchanges (ms): authentication(open) 0.300, reassociation 0.700, "
                       "m1-m2 0.500 (1 retry), m3-m4 1.000\n") != std::string::npos,
             text.c_str());
    QVERIFY(text.find("2 handoff(s) and 1 handshake(s) without a (re)association.") != std::string::npos);
    QVERIFY(text.find("  exchange reassociation     n=2") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestRoamExchanges)
#include "tst_roam_exchanges.moc"
