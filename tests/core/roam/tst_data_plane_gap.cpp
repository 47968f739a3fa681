// SPDX-License-Identifier: GPL-3.0-or-later
// The data-plane gap of a roam (core/analysis/roam/data_plane_gap.h) on
// synthetic frames with exactly known times: IP traffic on Ethernet before the
// roam, the gateway's ARP request heard at two capture points (one exchange),
// the station's reply, traffic resuming; the cases without ARP, without
// traffic after the roam, and without any visible traffic; multicast that does
// not end the gap; an unprotected 802.11 data frame carrying the first packet.
#include <QtTest>

#include "core/analysis/roam/data_plane_gap.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/inet/arp.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/llc.h"

using namespace rs;
using namespace rs::roam;

namespace {

constexpr std::int64_t kBaseNs = 1'700'000'000'000'000'000;
constexpr std::int64_t atMs(double ms) { return kBaseNs + static_cast<std::int64_t>(ms * 1'000'000); }
const MacAddress kSta = *MacAddress::parse("02:00:00:00:02:00");
const MacAddress kGw = *MacAddress::parse("02:00:00:00:00:00");
const MacAddress kAp2 = *MacAddress::parse("02:00:00:00:01:00");
constexpr std::uint32_t kStaIp = 0x0a000002, kGwIp = 0x0a000001;

Bytes ping(bool fromSta, std::uint16_t seq) {
  inet::Ipv4Fields f;
  f.protocol = 1;
  f.identification = seq;
  f.source = fromSta ? kStaIp : kGwIp;
  f.destination = fromSta ? kGwIp : kStaIp;
  const Bytes body{8, 0, 0, 0, 0, 1, static_cast<std::uint8_t>(seq >> 8), static_cast<std::uint8_t>(seq)};
  return inet::buildIpv4(f, body);
}

Bytes ethernetPing(bool fromSta, std::uint16_t seq) {
  return inet::buildEthernet(fromSta ? kGw : kSta, fromSta ? kSta : kGw, inet::kEtherTypeIpv4, ping(fromSta, seq));
}

Bytes arp(std::uint16_t opcode, const MacAddress& senderMac, std::uint32_t senderIp, const MacAddress& targetMac,
          std::uint32_t targetIp) {
  inet::ArpFields f{opcode, senderMac, senderIp, opcode == inet::kArpRequest ? MacAddress{} : targetMac, targetIp};
  return inet::buildEthernet(opcode == inet::kArpRequest ? MacAddress::broadcast() : targetMac, senderMac,
                             inet::kEtherTypeArp, inet::buildArp(f));
}

HandoffRecord successfulRoam(double startMs, double endMs) {
  HandoffRecord r;
  r.sta = kSta;
  r.from = Endpoint{kGw, 1, std::nullopt};
  r.to = Endpoint{kAp2, 6, std::nullopt};
  r.success = true;
  r.startNs = atMs(startMs);
  r.endNs = atMs(endMs);
  return r;
}

class Feed {
 public:
  explicit Feed(DataPlaneGapTracker& t) : t_(t) {}
  void ethernet(double ms, const Bytes& frame) { observe(ms, 1, frame); }
  void observe(double ms, std::uint32_t linkType, const Bytes& frame) {
    frames_.push_back(frame);
    t_.observe(FrameView{index_++, atMs(ms), linkType, 0, frames_.back()}, nullptr);
  }

 private:
  DataPlaneGapTracker& t_;
  std::deque<Bytes> frames_;
  std::uint64_t index_ = 0;
};

template <typename T>
T value(const Diagnostic& d, const std::string& key) {
  for (const auto& [k, v] : d.values)
    if (k == key) return std::get<T>(v);
  qFatal("no value %s", key.c_str());
}

bool hasValue(const Diagnostic& d, const std::string& key) {
  return std::any_of(d.values.begin(), d.values.end(), [&](const auto& kv) { return kv.first == key; });
}

// Pings every 10 ms from 0 to 1000 ms, the roam from 1050 to 1120 ms.
void trafficBeforeRoam(Feed& feed) {
  for (int i = 0; i <= 100; ++i) feed.ethernet(i * 10.0, ethernetPing(true, static_cast<std::uint16_t>(i)));
}

}  // namespace

class TestDataPlaneGap : public QObject {
  Q_OBJECT
 private slots:
  void arpExchangeIsTheCause() {
    DataPlaneGapTracker t;
    Feed feed(t);
    trafficBeforeRoam(feed);
    t.watch(7, successfulRoam(1050, 1120));
    // An IPv6 multicast listener report from the station is not its traffic flow: the gap stays open.
    inet::Ipv4Fields mcast;
    mcast.protocol = 2;
    mcast.source = kStaIp;
    mcast.destination = 0xe0000016;  // 224.0.0.22
    feed.ethernet(1130, inet::buildEthernet(*MacAddress::parse("01:00:5e:00:00:16"), kSta, inet::kEtherTypeIpv4,
                                            inet::buildIpv4(mcast, Bytes(8, 0))));
    // The gateway asks for the station, heard on the bridge and 0.9 ms later in the station's own capture.
    feed.ethernet(1900, arp(inet::kArpRequest, kGw, kGwIp, kSta, kStaIp));
    feed.ethernet(1900.9, arp(inet::kArpRequest, kGw, kGwIp, kSta, kStaIp));
    feed.ethernet(1901, ethernetPing(true, 101));  // the station learned the gateway's MAC from the request
    QVERIFY(t.takeReady().empty());               // the reply is still awaited
    feed.ethernet(1905, arp(inet::kArpReply, kSta, kStaIp, kGw, kGwIp));
    const auto ready = t.takeReady();
    QCOMPARE(ready.size(), std::size_t{1});
    QCOMPARE(ready[0].first, std::size_t{7});
    const Diagnostic& d = ready[0].second;
    QCOMPARE(d.kind, std::string("data-plane-gap"));
    QCOMPARE(value<double>(d, "gap_ms"), 901.0);
    QCOMPARE(value<double>(d, "l2_handoff_ms"), 70.0);
    QCOMPARE(value<double>(d, "resumed_after_handoff_ms"), 781.0);
    QCOMPARE(value<std::string>(d, "last_packet_before"), std::string("1700000001.000000000"));
    QCOMPARE(value<std::string>(d, "first_packet_after"), std::string("1700000001.901000000"));
    QCOMPARE(value<std::string>(d, "cause"), std::string("arp-resolution"));
    QCOMPARE(value<std::int64_t>(d, "arp_requests"), std::int64_t{1});
    QCOMPARE(value<std::string>(d, "arp_request_time"), std::string("1700000001.900000000"));
    QCOMPARE(value<std::string>(d, "arp_requester"), std::string("10.0.0.1"));
    QCOMPARE(value<std::string>(d, "arp_requester_mac"), std::string("02:00:00:00:00:00"));
    QCOMPARE(value<std::string>(d, "arp_target"), std::string("10.0.0.2"));
    QCOMPARE(value<std::string>(d, "arp_reply_time"), std::string("1700000001.905000000"));
    QCOMPARE(value<double>(d, "arp_reply_ms"), 5.0);
    QVERIFY2(d.message.find("10.0.0.1 (02:00:00:00:00:00) asked who has 10.0.0.2 at +780.000 ms") != std::string::npos,
             d.message.c_str());
    QVERIFY2(d.message.find("replied 5.000 ms later") != std::string::npos, d.message.c_str());
    t.finish();
    QVERIFY(t.takeReady().empty());  // handed out once
  }

  // A reply that never comes: the diagnostic is given arpReplyWaitNs after the traffic resumed.
  void unansweredRequestWaitsThenReports() {
    DataPlaneGapTracker t;
    Feed feed(t);
    trafficBeforeRoam(feed);
    t.watch(0, successfulRoam(1050, 1120));
    feed.ethernet(1200, arp(inet::kArpRequest, kSta, kStaIp, kGw, kGwIp));
    feed.ethernet(1300, ethernetPing(false, 1));
    feed.ethernet(3000, ethernetPing(false, 2));
    QVERIFY(t.takeReady().empty());
    feed.ethernet(3301, ethernetPing(false, 3));
    const auto ready = t.takeReady();
    QCOMPARE(ready.size(), std::size_t{1});
    QVERIFY(ready[0].second.message.find("no reply seen") != std::string::npos);
    QCOMPARE(value<std::string>(ready[0].second, "arp_requester"), std::string("10.0.0.2"));
    QVERIFY(!hasValue(ready[0].second, "arp_reply_time"));
  }

  void noArpMeansNoTrafficOffered() {
    DataPlaneGapTracker t;
    Feed feed(t);
    trafficBeforeRoam(feed);
    t.watch(0, successfulRoam(1050, 1120));
    feed.ethernet(1500, ethernetPing(false, 1));
    const auto ready = t.takeReady();
    QCOMPARE(ready.size(), std::size_t{1});
    QCOMPARE(value<std::string>(ready[0].second, "cause"), std::string("no-traffic-offered"));
    QCOMPARE(value<double>(ready[0].second, "gap_ms"), 500.0);
  }

  void trafficNeverResumes() {
    DataPlaneGapTracker t;
    Feed feed(t);
    trafficBeforeRoam(feed);
    t.watch(0, successfulRoam(1050, 1120));
    // Another host's traffic does not count.
    feed.ethernet(1500, inet::buildEthernet(kGw, *MacAddress::parse("02:00:00:00:03:00"), inet::kEtherTypeIpv4,
                                            ping(true, 1000)));
    t.finish();
    const auto ready = t.takeReady();
    QCOMPARE(ready.size(), std::size_t{1});
    const Diagnostic& d = ready[0].second;
    QVERIFY2(d.message.find("never resumed") != std::string::npos, d.message.c_str());
    QCOMPARE(value<std::string>(d, "cause"), std::string("no-traffic-offered"));
    QVERIFY(!hasValue(d, "gap_ms"));
  }

  // Nothing of the station's traffic visible (an encrypted air capture without keys): no finding at all.
  void invisibleTrafficGivesNoDiagnostic() {
    DataPlaneGapTracker t;
    t.watch(0, successfulRoam(1050, 1120));
    t.finish();
    QVERIFY(t.takeReady().empty());
  }

  // First joins and failed attempts are not roams with a gap.
  void onlySuccessfulRoamsAreFollowed() {
    DataPlaneGapTracker t;
    Feed feed(t);
    trafficBeforeRoam(feed);
    HandoffRecord join = successfulRoam(1050, 1120);
    join.from.reset();
    HandoffRecord failed = successfulRoam(1050, 1120);
    failed.success = false;
    t.watch(0, join);
    t.watch(1, failed);
    t.finish();
    QVERIFY(t.takeReady().empty());
  }

  // The first packet after the roam on the air, in an unprotected QoS data frame (From DS) with LLC/SNAP.
  void unprotectedAirFrameEndsTheGap() {
    DataPlaneGapTracker t;
    Feed feed(t);
    trafficBeforeRoam(feed);
    t.watch(0, successfulRoam(1050, 1120));
    Bytes frame = ieee80211::buildMacHeader(ieee80211::MacHeader::qosData(false, kAp2, kSta, kGw, 5, 0));
    const Bytes body = inet::buildLlcSnap(inet::kEtherTypeIpv4, ping(false, 9));
    frame.insert(frame.end(), body.begin(), body.end());
    feed.observe(1250, 105, frame);
    const auto ready = t.takeReady();
    QCOMPARE(ready.size(), std::size_t{1});
    QCOMPARE(value<double>(ready[0].second, "gap_ms"), 250.0);
  }
};

QTEST_GUILESS_MAIN(TestDataPlaneGap)
#include "tst_data_plane_gap.moc"
