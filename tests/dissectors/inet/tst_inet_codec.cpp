// SPDX-License-Identifier: GPL-3.0-or-later
// Link-layer and Internet-protocol codecs: checksum vectors (RFC 1071, RFC 1624),
// builders, byte-exact round trips of fixture frames, and truncation at every
// byte offset.
#include <QtTest>

#include <random>

#include "dissectors/common/mac_address.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/arp.h"
#include "dissectors/inet/checksum.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/ipv6.h"
#include "dissectors/inet/llc.h"
#include "dissectors/inet/tcp.h"
#include "dissectors/inet/udp.h"
#include "tests/support/capture_frames.h"
#include "tests/support/field_tree.h"
#include "tests/support/fixtures.h"

using namespace rs;

namespace {

const MacAddress kSta = *MacAddress::parse("02:00:00:00:02:00");
const MacAddress kAp = *MacAddress::parse("02:00:00:00:00:00");
constexpr std::uint32_t kStaIp = 0x0a000002;  // 10.0.0.2
constexpr std::uint32_t kApIp = 0x0a000001;   // 10.0.0.1

// Port 9 (discard) has no payload dissector, so the payload stays "data".
Bytes udpFrame() {
  const Bytes payload{'r', 'o', 'a', 'm', 's', 'c', 'o', 'p', 'e'};
  inet::Ipv4Fields ip;
  ip.protocol = inet::kIpProtoUdp;
  ip.source = kStaIp;
  ip.destination = kApIp;
  ip.identification = 0x1234;
  ip.dontFragment = true;
  return inet::buildEthernet(kAp, kSta, inet::kEtherTypeIpv4,
                             inet::buildIpv4(ip, inet::buildUdp(kStaIp, kApIp, 40000, 9, payload)));
}

Bytes tcpFrame() {
  inet::TcpFields t;
  t.sourcePort = 51000;
  t.destinationPort = 443;
  t.sequence = 1000;
  t.acknowledgment = 2000;
  t.flags = inet::tcpflag::kAck | inet::tcpflag::kPsh;
  t.window = 502;
  t.options = {0x01, 0x01, 0x08, 0x0a, 0, 0, 0, 1, 0, 0, 0, 2};  // NOP NOP timestamps
  inet::Ipv4Fields ip;
  ip.protocol = inet::kIpProtoTcp;
  ip.source = kStaIp;
  ip.destination = kApIp;
  return inet::buildEthernet(kAp, kSta, inet::kEtherTypeIpv4,
                             inet::buildIpv4(ip, inet::buildTcp(kStaIp, kApIp, t, Bytes{'h', 'i'})));
}

Bytes arpRequest() {
  return inet::buildEthernet(MacAddress::broadcast(), kSta, inet::kEtherTypeArp,
                             inet::buildArp({inet::kArpRequest, kSta, kStaIp, MacAddress{}, kApIp}));
}

}  // namespace

class TestInetCodec : public QObject {
  Q_OBJECT
 private slots:
  void rfc1071Sum() {
    // RFC 1071 3: the bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2; the checksum is its complement.
    const Bytes data{0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
    QCOMPARE(inet::internetChecksum(data), std::uint16_t{0x220d});
    // Summing in odd-sized pieces gives the same result.
    inet::InternetChecksum c;
    c.add(ByteView(data).first(3));
    c.add(ByteView(data).subspan(3));
    QCOMPARE(c.finish(), std::uint16_t{0x220d});
  }

  void rfc1624Incremental() {
    // RFC 1624 4: m = 0x5555 -> m' = 0x3285 with HC = 0xdd2f gives HC' = 0x0000.
    QCOMPARE(inet::updateChecksum(0xdd2f, 0x5555, 0x3285), std::uint16_t{0x0000});
    // And it agrees with recomputation on a real header (TTL/protocol word changed).
    inet::Ipv4Fields f;
    f.protocol = inet::kIpProtoUdp;
    f.source = kStaIp;
    f.destination = kApIp;
    Bytes ip = inet::buildIpv4(f, {});
    const std::uint16_t oldChecksum = static_cast<std::uint16_t>((ip[10] << 8) | ip[11]);
    const std::uint16_t oldWord = static_cast<std::uint16_t>((ip[8] << 8) | ip[9]);
    f.ttl = 63;
    const Bytes recomputed = inet::buildIpv4(f, {});
    const std::uint16_t newWord = static_cast<std::uint16_t>((recomputed[8] << 8) | recomputed[9]);
    QCOMPARE(inet::updateChecksum(oldChecksum, oldWord, newWord),
             static_cast<std::uint16_t>((recomputed[10] << 8) | recomputed[11]));
  }

  void ipv4HeaderChecksumVector() {
    // The header 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7 (a classic
    // worked example of the RFC 791 header checksum): checksum b861.
    inet::Ipv4Fields f;
    f.dontFragment = true;
    f.ttl = 0x40;
    f.protocol = inet::kIpProtoUdp;
    f.source = 0xc0a80001;
    f.destination = 0xc0a800c7;
    const Bytes packet = inet::buildIpv4(f, Bytes(0x73 - 20, 0));
    QCOMPARE(toHex(ByteView(packet).first(20)), std::string("45000073000040004011b861c0a80001c0a800c7"));
    const auto h = inet::parseIpv4(packet);
    QVERIFY(h && h->checksumValid);
    QCOMPARE(h->checksum, std::uint16_t{0xb861});
    QCOMPARE(h->payload.size(), std::size_t{0x73 - 20});
  }

  void llcSnap() {
    const Bytes snap = inet::buildLlcSnap(inet::kEtherTypeEapol, Bytes{0x01});
    QCOMPARE(toHex(snap), std::string("aaaa03000000888e01"));
    const auto s = inet::parseLlcSnap(snap);
    QVERIFY(s);
    QCOMPARE(s->etherType, inet::kEtherTypeEapol);
    QCOMPARE(s->payloadOffset, std::size_t{8});
    QVERIFY(!inet::parseLlcSnap(Bytes{0x00, 0x01, 0xaf, 0x81}));  // XID, not SNAP
    const auto xid = inet::parseLlc(Bytes{0x00, 0x01, 0xaf, 0x81});
    QVERIFY(xid && !xid->snap && xid->controlLength == 1);
    QVERIFY(!inet::parseLlcSnap(Bytes{0xaa, 0xaa, 0x03, 0x00, 0x00}));
  }

  // parseLlcSnap reads the SNAP header straight (it runs for every data frame); it must accept exactly what
  // the general parseLlc calls SNAP: every truncation and every value of each of the first three octets.
  void llcSnapAgreesWithParseLlc() {
    const Bytes full = inet::buildLlcSnap(0x88c7, Bytes{0x02, 0x00});
    auto agree = [](ByteView v) {
      const auto general = inet::parseLlc(v);
      const auto snap = inet::parseLlcSnap(v);
      const bool isSnap = general && general->snap;
      if (isSnap != snap.has_value()) return false;
      return !snap || (snap->oui == general->oui && snap->etherType == general->protocolId &&
                       snap->payloadOffset == general->payloadOffset);
    };
    for (std::size_t n = 0; n <= full.size(); ++n) QVERIFY2(agree(ByteView(full).first(n)), std::to_string(n).c_str());
    for (std::size_t at = 0; at < 3; ++at) {
      for (int value = 0; value < 256; ++value) {
        Bytes mutated = full;
        mutated[at] = static_cast<std::uint8_t>(value);
        QVERIFY2(agree(mutated), (std::to_string(at) + "=" + std::to_string(value)).c_str());
      }
    }
    Bytes tunnel = full;  // 802.1H bridge tunnel OUI 00-00-F8
    tunnel[5] = 0xf8;
    const auto s = inet::parseLlcSnap(tunnel);
    QVERIFY(s && s->oui == 0x0000f8 && s->etherType == 0x88c7);
  }

  void ethernetAndVlan() {
    const Bytes frame = inet::buildEthernet(kAp, kSta, inet::kEtherTypeArp, Bytes{});
    QCOMPARE(toHex(frame), std::string("020000000000020000000200") + "0806");
    Bytes tagged = {0x02, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 2, 0, 0x81, 0x00, 0xa0, 0x64, 0x08, 0x00};
    const auto h = inet::parseEthernet(tagged);
    QVERIFY(h && h->vlan);
    QCOMPARE(h->vlan->priority, std::uint8_t{5});
    QCOMPARE(h->vlan->id, std::uint16_t{100});
    QCOMPARE(h->typeOrLength, inet::kEtherTypeIpv4);
    QCOMPARE(h->payloadOffset, std::size_t{18});
    const Dissection d = dissectFrame(1, tagged);
    QCOMPARE(d.protocols(), std::string("eth:vlan:ip"));
    QCOMPARE(d.find("vlan.id")->u, std::uint64_t{100});
  }

  void linuxSll() {
    const Bytes v1{0x00, 0x04, 0x00, 0x01, 0x00, 0x06, 0x02, 0, 0, 0, 2, 0, 0, 0, 0x08, 0x06};
    const auto h = inet::parseLinuxSll(v1);
    QVERIFY(h);
    QCOMPARE(h->packetType, std::uint16_t{4});
    QCOMPARE(h->protocol, inet::kEtherTypeArp);
    QCOMPARE(h->address.size(), std::size_t{6});
    QVERIFY(!inet::parseLinuxSll(ByteView(v1).first(15)));
    Bytes frame = v1;
    const Bytes arp = inet::buildArp({inet::kArpReply, kAp, kApIp, kSta, kStaIp});
    frame.insert(frame.end(), arp.begin(), arp.end());
    const Dissection d = dissectFrame(113, frame);
    QCOMPARE(d.protocols(), std::string("sll:arp"));
    QCOMPARE(d.info, std::string("10.0.0.1 is at 02:00:00:00:00:00"));
  }

  void arp() {
    const Bytes a = inet::buildArp({inet::kArpRequest, kSta, kStaIp, MacAddress{}, kApIp});
    QCOMPARE(a.size(), std::size_t{28});
    const auto p = inet::parseArp(a);
    QVERIFY(p && p->isEthernetIpv4());
    QCOMPARE(p->senderIp(), kStaIp);
    QCOMPARE(p->targetIp(), kApIp);
    const Dissection d = dissectFrame(1, arpRequest());
    QCOMPARE(d.protocol, std::string("ARP"));
    QCOMPARE(d.info, std::string("Who has 10.0.0.1? Tell 10.0.0.2"));
  }

  void udpOverIpv4() {
    const Bytes frame = udpFrame();
    const auto ip = inet::parseIpv4(ByteView(frame).subspan(14));
    QVERIFY(ip && ip->checksumValid);
    const auto udp = inet::parseUdp(ip->payload);
    QVERIFY(udp);
    QCOMPARE(udp->destinationPort, std::uint16_t{9});
    QCOMPARE(inet::transportChecksumV4(ip->source, ip->destination, inet::kIpProtoUdp, ip->payload),
             std::uint16_t{0});
    const Dissection d = dissectFrame(1, frame);
    QVERIFY2(!d.malformed, d.malformedReason.c_str());
    QCOMPARE(d.protocols(), std::string("eth:ip:udp:data"));
    QCOMPARE(d.info, std::string("40000 → 9 Len=9"));
    QCOMPARE(d.source, std::string("10.0.0.2"));
    QCOMPARE(d.destination, std::string("10.0.0.1"));
    QCOMPARE(d.find("udp.checksum.status")->u, std::uint64_t{1});
    QCOMPARE(d.find("ip.checksum.status")->u, std::uint64_t{1});
    // A flipped payload bit makes the UDP checksum bad, the IP header stays good.
    Bytes bad = frame;
    bad.back() ^= 0x01;
    QCOMPARE(dissectFrame(1, bad).find("udp.checksum.status")->u, std::uint64_t{0});
  }

  void udpOverIpv6() {
    inet::Ipv6Fields f;
    f.nextHeader = inet::kIpProtoUdp;
    f.source[0] = 0xfe;
    f.source[1] = 0x80;
    f.source[15] = 0x02;
    f.destination[0] = 0xfe;
    f.destination[1] = 0x80;
    f.destination[15] = 0x01;
    const Bytes udp = inet::buildUdpV6(f.source, f.destination, 546, 547, Bytes{1, 2, 3});
    const Bytes packet = inet::buildIpv6(f, udp);
    const auto h = inet::parseIpv6(packet);
    QVERIFY(h);
    QCOMPARE(h->upperProtocol, inet::kIpProtoUdp);
    QCOMPARE(h->upperPayload.size(), udp.size());
    QCOMPARE(inet::transportChecksumV6(h->source, h->destination, inet::kIpProtoUdp, h->upperPayload),
             std::uint16_t{0});
    const Dissection d = dissectFrame(1, inet::buildEthernet(kAp, kSta, inet::kEtherTypeIpv6, packet));
    QCOMPARE(d.protocols(), std::string("eth:ipv6:udp:data"));
    QCOMPARE(d.source, std::string("fe80::2"));
    QCOMPARE(d.find("udp.checksum.status")->u, std::uint64_t{1});
  }

  void ipv6ExtensionHeaders() {
    // Hop-by-hop (router alert + PadN), then UDP: the upper layer is found behind it.
    inet::Ipv6Fields f;
    f.nextHeader = inet::kIpProtoHopOpts;
    const Bytes udp = inet::buildUdpV6(f.source, f.destination, 1, 2, {});
    Bytes payload{inet::kIpProtoUdp, 0x00, 0x05, 0x02, 0x00, 0x00, 0x01, 0x00};
    payload.insert(payload.end(), udp.begin(), udp.end());
    const Bytes packet = inet::buildIpv6(f, payload);
    const auto h = inet::parseIpv6(packet);
    QVERIFY(h);
    QCOMPARE(h->upperProtocol, inet::kIpProtoUdp);
    QCOMPARE(h->upperOffset, std::size_t{48});
    const Dissection d = dissectFrame(229, packet);
    QCOMPARE(d.protocols(), std::string("ipv6:udp"));
    QCOMPARE(d.find("ipv6.hopopts.nxt")->u, std::uint64_t{17});
    // An extension header longer than the payload: malformed where the payload ends.
    Bytes broken = packet;
    broken[41] = 0x10;  // Hdr Ext Len 16 -> 136 bytes
    const Dissection b = dissectFrame(229, broken);
    QVERIFY(b.malformed);
    QCOMPARE(b.malformedOffset, broken.size());
    QVERIFY(!inet::parseIpv6(broken));
  }

  void tcp() {
    const Bytes frame = tcpFrame();
    const auto ip = inet::parseIpv4(ByteView(frame).subspan(14));
    QVERIFY(ip);
    const auto t = inet::parseTcp(ip->payload);
    QVERIFY(t);
    QCOMPARE(t->headerLength, std::uint8_t{32});
    QCOMPARE(t->options.size(), std::size_t{12});
    QCOMPARE(t->payload.size(), std::size_t{2});
    QCOMPARE(t->flags, std::uint16_t{0x018});
    const Dissection d = dissectFrame(1, frame);
    QVERIFY2(!d.malformed, d.malformedReason.c_str());
    QCOMPARE(d.protocols(), std::string("eth:ip:tcp:data"));
    QCOMPARE(d.find("tcp.checksum.status")->u, std::uint64_t{1});
    QCOMPARE(d.find("tcp.flags")->valueString(), std::string("0x0018"));
    QCOMPARE(d.info, std::string("51000 → 443 [PSH, ACK] Seq=1000 Ack=2000 Win=502 Len=2"));
  }

  void ipv4Malformed() {
    Bytes frame = udpFrame();
    frame[14] = 0x44;  // IHL 4 -> 16 bytes, below the minimum
    Dissection d = dissectFrame(1, frame);
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{14});
    QVERIFY(!inet::parseIpv4(ByteView(frame).subspan(14)));
    frame[14] = 0x4f;  // 60 bytes of header, more than the 37 present
    d = dissectFrame(1, frame);
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, frame.size());
    QVERIFY(d.find("ip.src"));  // the fixed header is still described
    frame = udpFrame();
    frame[14 + 20 + 4] = 0x00;  // UDP length 5 (< 8)
    frame[14 + 20 + 5] = 0x05;
    d = dissectFrame(1, frame);
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{14 + 20 + 4});
    QVERIFY(!inet::parseUdp(ByteView(frame).subspan(34)));
  }

  void truncationEveryOffset_data() {
    QTest::addColumn<QByteArray>("frame");
    auto add = [](const char* name, const Bytes& b) {
      QTest::newRow(name) << QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size()));
    };
    add("Ethernet/IPv4/UDP", udpFrame());
    add("Ethernet/IPv4/TCP", tcpFrame());
    add("Ethernet/ARP", arpRequest());
  }
  void truncationEveryOffset() {
    QFETCH(QByteArray, frame);
    const Bytes full(frame.begin(), frame.end());
    QVERIFY(!dissectFrame(1, full).malformed);
    for (std::size_t n = 0; n < full.size(); ++n) {
      const Dissection d = dissectFrame(1, ByteView(full).first(n));
      QVERIFY2(d.malformed, qPrintable(QString("not malformed at length %1").arg(n)));
      QCOMPARE(d.malformedOffset, n);
    }
  }

  // Real frames re-serialize byte for byte through the builders.
  void fixtureRoundTrip_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("hwsim psk station") << "roaming/psk/psk-sta.pcap";
    QTest::newRow("hwsim eap bridge") << "roaming/eap/eap-br0.pcap";
    QTest::newRow("FreeRADIUS loopback") << "peers/radius-mschapv2.pcap";
    QTest::newRow("strongSwan IKEv1") << "peers/ikev1.pcap";
  }
  void fixtureRoundTrip() {
    QFETCH(QString, file);
    RS_REQUIRE_FIXTURE(qPrintable(file));
    const auto capture = rs::test::loadCapture(rs::test::fixturePath(file.toStdString()));
    QVERIFY2(capture.error.empty(), capture.error.c_str());
    int arps = 0, ipv4 = 0;
    for (const CaptureFrame& record : capture.frames) {
      const ByteView frame = record.data;
      const auto eth = inet::parseEthernet(frame);
      QVERIFY(eth);
      const ByteView payload = ByteView(frame).subspan(eth->payloadOffset);
      if (eth->typeOrLength == inet::kEtherTypeArp) {
        const auto a = inet::parseArp(payload);
        QVERIFY(a && a->isEthernetIpv4());
        const Bytes rebuilt = inet::buildEthernet(
            eth->destination, eth->source, inet::kEtherTypeArp,
            inet::buildArp({a->opcode, MacAddress::fromView(a->senderHardware), a->senderIp(),
                            MacAddress::fromView(a->targetHardware), a->targetIp()}));
        QCOMPARE(toHex(rebuilt), toHex(ByteView(frame).first(rebuilt.size())));
        ++arps;
      } else if (eth->typeOrLength == inet::kEtherTypeIpv4) {
        const auto ip = inet::parseIpv4(payload);
        QVERIFY(ip && ip->checksumValid);
        if (!ip->options.empty() || (ip->flags & ~0x2) || ip->fragmentOffset) continue;
        inet::Ipv4Fields f{ip->dsfield, ip->identification, ip->dontFragment(), ip->ttl, ip->protocol, ip->source,
                           ip->destination};
        const Bytes rebuilt = inet::buildIpv4(f, ip->payload);
        QCOMPARE(toHex(rebuilt), toHex(payload.first(ip->totalLength)));
        ++ipv4;
      }
    }
    QVERIFY(arps + ipv4 > 0);
  }
  // Mutated valid frames over every link type these dissectors own
  // (deterministic seed): no crash, fields and malformed points inside the frame.
  void mutatedFrames() {
    inet::Ipv6Fields v6;
    v6.nextHeader = inet::kIpProtoHopOpts;
    Bytes hop{inet::kIpProtoTcp, 0x00, 0x05, 0x02, 0x00, 0x00, 0x01, 0x00};
    const Bytes tcp = tcpFrame();
    hop.insert(hop.end(), tcp.begin() + 34, tcp.end());  // the TCP segment behind a hop-by-hop header
    const Bytes v6frame = inet::buildEthernet(kAp, kSta, inet::kEtherTypeIpv6, inet::buildIpv6(v6, hop));
    inet::Ipv6Fields fragmented;
    fragmented.nextHeader = inet::kIpProtoFragment;
    Bytes fragment{inet::kIpProtoUdp, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x2a};  // offset 0, more fragments
    const Bytes udpSegment = inet::buildUdpV6(fragmented.source, fragmented.destination, 7, 9, Bytes(12, 0x61));
    fragment.insert(fragment.end(), udpSegment.begin(), udpSegment.end());
    const Bytes fragFrame = inet::buildEthernet(kAp, kSta, inet::kEtherTypeIpv6, inet::buildIpv6(fragmented, fragment));
    Bytes sll{0x00, 0x04, 0x00, 0x01, 0x00, 0x06, 0x02, 0, 0, 0, 2, 0, 0, 0, 0x08, 0x00};
    const Bytes udp = udpFrame();
    sll.insert(sll.end(), udp.begin() + 14, udp.end());
    const std::vector<std::pair<std::uint32_t, Bytes>> seeds = {
        {1, udpFrame()}, {1, tcpFrame()}, {1, arpRequest()}, {1, v6frame}, {1, fragFrame}, {113, sll},
        {1, Bytes{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 2, 0, 0x00, 0x06, 0x00, 0x01, 0xaf, 0x81, 0x01, 0x00}}};
    std::mt19937 rng(1624);
    for (int i = 0; i < 20000; ++i) {
      const auto& [linkType, seed] = seeds[static_cast<std::size_t>(i) % seeds.size()];
      Bytes frame = seed;
      const int flips = 1 + static_cast<int>(rng() % 4);
      for (int k = 0; k < flips; ++k) frame[rng() % frame.size()] = static_cast<std::uint8_t>(rng());
      if (rng() % 3 == 0) frame.resize(rng() % frame.size());
      const Dissection d = dissectFrame(linkType, frame);
      for (const Field& layer : d.layers)
        QVERIFY2(rs::test::fieldsInside(layer, frame.size()), qPrintable(QString::fromStdString(toHex(frame))));
      if (d.malformed) QVERIFY(d.malformedOffset <= frame.size());
    }
  }
};

QTEST_GUILESS_MAIN(TestInetCodec)
#include "tst_inet_codec.moc"
