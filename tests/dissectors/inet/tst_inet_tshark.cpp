// SPDX-License-Identifier: GPL-3.0-or-later
// Ethernet, Linux cooked capture, LLC, ARP, IPv4, IPv6, UDP and TCP fields of
// the fixture frames, and of frames our builders make, compared field by
// field with tshark 4.0 (checksum verification switched on there, as here).
#include <QTemporaryDir>
#include <QtTest>

#include "dissectors/common/mac_address.h"
#include "dissectors/inet/arp.h"
#include "dissectors/inet/checksum.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/ipv6.h"
#include "dissectors/inet/tcp.h"
#include "dissectors/inet/udp.h"
#include "tests/support/capture_frames.h"
#include "tests/support/field_compare.h"
#include "tests/support/fixtures.h"
#include "tests/support/frame_layers.h"

using namespace rs;

namespace {

const std::vector<std::string> kFields = {
    "eth.dst", "eth.src", "eth.type", "eth.len", "eth.addr", "eth.dst.ig", "eth.src.lg",
    "vlan.priority", "vlan.dei", "vlan.id", "vlan.etype",
    "sll.pkttype", "sll.hatype", "sll.halen", "sll.src.eth", "sll.etype", "sll.ifindex",
    "llc.dsap", "llc.ssap", "llc.control", "llc.oui", "llc.type",
    "arp.hw.type", "arp.proto.type", "arp.hw.size", "arp.proto.size", "arp.opcode", "arp.src.hw_mac",
    "arp.src.proto_ipv4", "arp.dst.hw_mac", "arp.dst.proto_ipv4",
    "ip.version", "ip.hdr_len", "ip.dsfield", "ip.dsfield.dscp", "ip.dsfield.ecn", "ip.len", "ip.id", "ip.flags",
    "ip.flags.rb", "ip.flags.df", "ip.flags.mf", "ip.frag_offset", "ip.ttl", "ip.proto", "ip.checksum",
    "ip.checksum.status", "ip.src", "ip.dst",
    "ipv6.tclass", "ipv6.flow", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.src", "ipv6.dst", "ipv6.addr",
    "ipv6.hopopts.nxt", "ipv6.hopopts.len", "ipv6.hopopts.len_oct",
    "udp.srcport", "udp.dstport", "udp.port", "udp.length", "udp.checksum", "udp.checksum.status",
    "tcp.srcport", "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.hdr_len", "tcp.flags", "tcp.flags.res",
    "tcp.flags.ae", "tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.urg", "tcp.flags.ack", "tcp.flags.push",
    "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin", "tcp.flags.str", "tcp.window_size_value", "tcp.checksum",
    "tcp.checksum.status", "tcp.urgent_pointer", "tcp.options", "tcp.len",
    "_ws.col.Protocol", "_ws.col.Info"};

const QStringList kVerifyChecksums{"-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                                   "-o", "tcp.check_checksum:TRUE"};

std::size_t column(const std::string& name) {
  return static_cast<std::size_t>(std::find(kFields.begin(), kFields.end(), name) - kFields.begin());
}

bool everyFrame(const std::vector<std::string>&, const Dissection&) { return true; }
// Columns are comparable where one of these protocols is the top layer
// (tshark's ICMP/ISAKMP/... dissectors are not ours).
bool ownColumns(const std::vector<std::string>& row) {
  const std::string& p = row[column("_ws.col.Protocol")];
  return p == "ARP" || p == "UDP" || p == "IPv4";
}

std::optional<Dissection> aboveMac(const CaptureFrame& f) { return rs::test::dissectAboveMac(f.linkType, f.data); }

rs::test::ComparisonResult compare(const std::string& path) {
  return rs::test::compareSelectedWithTshark(path, kFields, kVerifyChecksums, aboveMac, everyFrame, ownColumns);
}

void expectMatch(const rs::test::ComparisonResult& result, std::size_t minimumFrames) {
  if (!result.error.empty()) QFAIL(result.error.c_str());
  qInfo("%zu frames, %zu field values compared", result.frames, result.comparedValues);
  if (!result.mismatches.empty()) qWarning("%s", rs::test::describe(result, result.mismatches.size()).c_str());
  QCOMPARE(result.mismatches.size(), std::size_t{0});
  QVERIFY2(result.frames >= minimumFrames, qPrintable(QString("only %1 frames compared").arg(result.frames)));
}

const MacAddress kSta = *MacAddress::parse("02:00:00:00:02:00");
const MacAddress kAp = *MacAddress::parse("02:00:00:00:00:00");
constexpr std::uint32_t kStaIp = 0x0a000002;
constexpr std::uint32_t kApIp = 0x0a000001;

Bytes ipv4Frame(std::uint8_t protocol, const Bytes& transport, std::uint16_t id = 0x2345) {
  inet::Ipv4Fields ip;
  ip.protocol = protocol;
  ip.source = kStaIp;
  ip.destination = kApIp;
  ip.identification = id;
  ip.dsfield = 0xb8;  // EF, as voice over a roaming station would use
  return inet::buildEthernet(kAp, kSta, inet::kEtherTypeIpv4, inet::buildIpv4(ip, transport));
}

// Turns an unfragmented IPv4 frame into a fragment, fixing the header checksum
// incrementally (RFC 1624).
Bytes asFragment(Bytes frame, std::uint16_t flagsOffset) {
  const std::size_t at = 14 + 6;
  const auto oldWord = static_cast<std::uint16_t>((frame[at] << 8) | frame[at + 1]);
  const auto oldChecksum = static_cast<std::uint16_t>((frame[24] << 8) | frame[25]);
  frame[at] = static_cast<std::uint8_t>(flagsOffset >> 8);
  frame[at + 1] = static_cast<std::uint8_t>(flagsOffset);
  const std::uint16_t c = inet::updateChecksum(oldChecksum, oldWord, flagsOffset);
  frame[24] = static_cast<std::uint8_t>(c >> 8);
  frame[25] = static_cast<std::uint8_t>(c);
  return frame;
}

}  // namespace

class TestInetTshark : public QObject {
  Q_OBJECT
 private slots:
  void fixtures_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minimumFrames");
    QTest::newRow("hwsim psk bridge") << "roaming/psk/psk-br0.pcap" << 1000;
    QTest::newRow("hwsim psk station") << "roaming/psk/psk-sta.pcap" << 1000;
    QTest::newRow("hwsim ft-psk bridge") << "roaming/ft-psk/ft-psk-br0.pcap" << 1000;
    QTest::newRow("hwsim ft-psk station") << "roaming/ft-psk/ft-psk-sta.pcap" << 1000;
    QTest::newRow("hwsim eap bridge") << "roaming/eap/eap-br0.pcap" << 1000;
    QTest::newRow("hwsim eap station") << "roaming/eap/eap-sta.pcap" << 1000;
    QTest::newRow("FreeRADIUS MS-CHAPv2 (IPv4+IPv6 loopback)") << "peers/radius-mschapv2.pcap" << 10;
    QTest::newRow("FreeRADIUS PEAP") << "peers/radius-eap-peap-mschapv2.pcap" << 40;
    QTest::newRow("strongSwan IKEv1 + NAT-T") << "peers/ikev1.pcap" << 40;
    QTest::newRow("wired 802.1X (SLL2)") << "peers/eapol-wired-internal-peap.pcap" << 20;
  }
  void fixtures() {
    QFETCH(QString, file);
    QFETCH(int, minimumFrames);
    RS_REQUIRE_FIXTURE(qPrintable(file));
    expectMatch(compare(rs::test::fixturePath(file.toStdString())), static_cast<std::size_t>(minimumFrames));
  }

  // What the fixtures lack: TCP, VLAN tags, fragments, ARP probes and
  // announcements, UDP over IPv6, bad checksums.
  void builtFrames() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<Bytes> frames;
    inet::TcpFields syn;
    syn.sourcePort = 51000;
    syn.destinationPort = 443;
    syn.sequence = 0x11223344;
    syn.flags = inet::tcpflag::kSyn | inet::tcpflag::kEce | inet::tcpflag::kCwr;
    syn.window = 64240;
    syn.options = {0x02, 0x04, 0x05, 0xb4, 0x04, 0x02, 0x08, 0x0a, 0, 0, 0, 1, 0, 0, 0, 0, 0x01, 0x03, 0x03, 0x07};
    frames.push_back(ipv4Frame(inet::kIpProtoTcp, inet::buildTcp(kStaIp, kApIp, syn, {})));
    inet::TcpFields data;
    data.sourcePort = 443;
    data.destinationPort = 51000;
    data.sequence = 7;
    data.acknowledgment = 0x11223345;
    data.flags = inet::tcpflag::kAck | inet::tcpflag::kPsh | inet::tcpflag::kFin | inet::tcpflag::kUrg;
    data.urgentPointer = 3;
    frames.push_back(ipv4Frame(inet::kIpProtoTcp, inet::buildTcp(kApIp, kStaIp, data, Bytes{'d', 'a', 't', 'a'})));
    const Bytes udp = inet::buildUdp(kStaIp, kApIp, 434, 434, Bytes(24, 0x01));
    frames.push_back(ipv4Frame(inet::kIpProtoUdp, udp));
    Bytes badUdp = ipv4Frame(inet::kIpProtoUdp, udp);
    badUdp[14 + 20 + 6] ^= 0xff;
    frames.push_back(badUdp);
    frames.push_back(asFragment(ipv4Frame(inet::kIpProtoUdp, udp, 0x77), 0x2000));       // MF, offset 0
    frames.push_back(asFragment(ipv4Frame(inet::kIpProtoUdp, udp, 0x77), 185));          // offset 1480 bytes
    Bytes vlan = inet::buildEthernet(kAp, kSta, inet::kEtherTypeVlan, Bytes{0xa0, 0x64, 0x08, 0x06});
    const Bytes arpReply = inet::buildArp({inet::kArpReply, kSta, kStaIp, kAp, kApIp});
    vlan.insert(vlan.end(), arpReply.begin(), arpReply.end());
    frames.push_back(vlan);
    frames.push_back(inet::buildEthernet(MacAddress::broadcast(), kSta, inet::kEtherTypeArp,
                                         inet::buildArp({inet::kArpRequest, kSta, 0, MacAddress{}, kStaIp})));
    frames.push_back(inet::buildEthernet(MacAddress::broadcast(), kSta, inet::kEtherTypeArp,
                                         inet::buildArp({inet::kArpRequest, kSta, kStaIp, MacAddress{}, kStaIp})));
    inet::Ipv6Fields v6;
    v6.nextHeader = inet::kIpProtoUdp;
    v6.trafficClass = 0xb8;
    v6.flowLabel = 0x12345;
    v6.source = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
    v6.destination = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    frames.push_back(inet::buildEthernet(
        kAp, kSta, inet::kEtherTypeIpv6,
        inet::buildIpv6(v6, inet::buildUdpV6(v6.source, v6.destination, 5353, 5353, Bytes{0, 0, 0, 0}))));
    const std::string path = dir.filePath("built.pcap").toStdString();
    std::string error;
    QVERIFY2(rs::test::writePcap(path, 1, frames, &error), error.c_str());
    expectMatch(compare(path), frames.size());
  }
};

QTEST_GUILESS_MAIN(TestInetTshark)
#include "tst_inet_tshark.moc"
