// SPDX-License-Identifier: GPL-3.0-or-later
// dissectors/radius codec: build -> parse -> build round trips, FreeRADIUS's
// packets re-serialised byte for byte, VSA and EAP-Message handling, Calling-
// Station-Id parsing, the UDP port table and Decode As.
#include <QtTest>

#include "dissectors/dispatch.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/inet/udp.h"
#include "dissectors/radius/radius.h"
#include "tests/support/capture_frames.h"
#include "tests/support/fixtures.h"

using namespace rs;

namespace {

// Rebuilds a parsed packet from its parts with the builder.
std::optional<Bytes> rebuild(const radius::Packet& p) {
  radius::PacketBuilder b(p.code, p.identifier, p.authenticator);
  for (const auto& a : p.attributes) b.add(a.type, a.value);
  return b.build();
}

std::vector<Bytes> fixturePackets(const std::string& relative) {
  std::vector<Bytes> out;
  auto loaded = rs::test::loadCapture(rs::test::fixturePath(relative));
  for (const auto& f : loaded.frames) {
    const Dissection d = dissectFrame(f.linkType, f.data);
    if (const Field* layer = d.layer("radius")) out.push_back(toBytes(f.data.subspan(layer->offset)));
  }
  return out;
}

}  // namespace

class TestRadiusCodec : public QObject {
  Q_OBJECT
 private slots:
  void cleanup() { inet::clearUdpDecodeAs(); }

  void buildParseBuild() {
    const Bytes auth(16, 0xab);
    radius::PacketBuilder b(radius::code::kAccessRequest, 42, auth);
    const Bytes eap = eapol::buildEapTls(eapol::EapCode::Response, 5, eapol::eaptype::kPeap, 0, std::nullopt,
                                         Bytes(700, 0x17));
    b.addText(radius::attr::kUserName, "bob").addU32(radius::attr::kFramedMtu, 1400)
        .addIpv4(radius::attr::kNasIpAddress, 0x7f000001)
        .addMicrosoft(radius::ms::kChapChallenge, Bytes(16, 0x11))
        .addEapMessage(eap).addMessageAuthenticator();
    auto built = b.build();
    QVERIFY(built);
    const auto p = radius::parsePacket(*built);
    QVERIFY(p);
    QCOMPARE(p->code, radius::code::kAccessRequest);
    QCOMPARE(p->identifier, std::uint8_t{42});
    QCOMPARE(std::size_t{p->length}, built->size());
    QVERIFY(!p->malformedAt && !p->truncated);
    QCOMPARE(p->findAll(radius::attr::kEapMessage).size(), std::size_t{3});  // 253 + 253 + rest
    QVERIFY(p->eapMessage() == eap);
    QCOMPARE(p->text(radius::attr::kUserName).value_or(""), std::string("bob"));
    const auto challenge = p->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChapChallenge);
    QVERIFY(challenge);
    QCOMPARE(challenge->value.size(), std::size_t{16});
    QVERIFY(p->messageAuthenticatorOffset());
    auto again = rebuild(*p);
    QVERIFY(again);
    QVERIFY(*again == *built);
  }

  void builderRefusesOversizedValues() {
    std::string error;
    radius::PacketBuilder tooLong(radius::code::kAccessRequest, 1, Bytes(16, 0));
    tooLong.add(radius::attr::kState, Bytes(254, 0));
    QVERIFY(!tooLong.build(&error));
    QVERIFY(error.find("253") != std::string::npos);
    radius::PacketBuilder badAuth(radius::code::kAccessRequest, 1, Bytes(15, 0));
    QVERIFY(!badAuth.build());
    radius::PacketBuilder tooBig(radius::code::kAccessRequest, 1, Bytes(16, 0));
    tooBig.addEapMessage(Bytes(4100, 0));
    QVERIFY(!tooBig.build());
  }

  void fixturesReserialise_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("packets");
    QTest::newRow("radius-mschapv2.pcap") << "peers/radius-mschapv2.pcap" << 10;
    QTest::newRow("radius-eap-peap-mschapv2.pcap") << "peers/radius-eap-peap-mschapv2.pcap" << 46;
  }
  void fixturesReserialise() {
    QFETCH(QString, file);
    QFETCH(int, packets);
    RS_REQUIRE_FIXTURE(file.toStdString());
    QVERIFY(inet::registerUdpDecodeAs(11812, "radius"));
    const auto all = fixturePackets(file.toStdString());
    QCOMPARE(static_cast<int>(all.size()), packets);
    for (const auto& bytes : all) {
      const auto p = radius::parsePacket(bytes);
      QVERIFY(p && !p->malformedAt && !p->truncated);
      auto again = rebuild(*p);
      QVERIFY(again);
      QVERIFY(ByteView(*again).size() == p->packet.size());
      QVERIFY(std::equal(again->begin(), again->end(), p->packet.begin()));
      for (const auto* vsa : p->findAll(radius::attr::kVendorSpecific)) {
        const auto v = radius::parseVendorSpecific(vsa->value);
        QVERIFY(v && v->wellFormed);
        QCOMPARE(v->vendorId, radius::kVendorMicrosoft);
      }
    }
  }

  void malformedAttributes() {
    // Attribute length 1 at offset 20; a length running past the packet at offset 26.
    Bytes shortLength = {1, 0, 0, 22};
    shortLength.resize(20, 0);
    shortLength.push_back(1);
    shortLength.push_back(1);
    auto p = radius::parsePacket(shortLength);
    QVERIFY(p && p->malformedAt);
    QCOMPARE(*p->malformedAt, std::size_t{21});
    Bytes overrun = {2, 0, 0, 28};
    overrun.resize(20, 0);
    for (int b : {1, 6, 0x61, 0x62, 0x63, 0x64, 24, 9}) overrun.push_back(static_cast<std::uint8_t>(b));
    p = radius::parsePacket(overrun);
    QVERIFY(p && p->malformedAt);
    QCOMPARE(*p->malformedAt, std::size_t{26});
    QCOMPARE(p->attributes.size(), std::size_t{1});
    // Below 20 octets or a Length below 20: not a RADIUS packet.
    QVERIFY(!radius::parsePacket(Bytes(19, 0)));
    Bytes lowLength(20, 0);
    lowLength[3] = 19;
    QVERIFY(!radius::parsePacket(lowLength));
    // Length beyond the data: parsed, flagged.
    Bytes cut(20, 0);
    cut[3] = 40;
    p = radius::parsePacket(cut);
    QVERIFY(p && p->truncated);
    // Octets after Length are padding (RFC 2865 3).
    Bytes padded(24, 0);
    padded[3] = 20;
    p = radius::parsePacket(padded);
    QVERIFY(p && !p->truncated && p->attributes.empty());
    QCOMPARE(p->packet.size(), std::size_t{20});
  }

  void stationIdMac_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("mac");
    QTest::newRow("RFC 3580 dashes") << "02-00-00-00-02-00" << "020000000200";
    QTest::newRow("with SSID") << "02-00-00-00-01-00:RoamScope" << "020000000100";
    QTest::newRow("colons, upper case") << "AA:BB:CC:DD:EE:FF" << "aabbccddeeff";
    QTest::newRow("no separators") << "aabbccddeeff" << "aabbccddeeff";
    QTest::newRow("not a MAC") << "mnuser" << "";
    QTest::newRow("too short") << "02-00-00-00-02" << "";
    QTest::newRow("trailing junk") << "02-00-00-00-02-00x" << "";
  }
  void stationIdMac() {
    QFETCH(QString, id);
    QFETCH(QString, mac);
    const auto got = radius::stationIdMac(id.toStdString());
    QCOMPARE(got ? QString::fromStdString(toHex(*got)) : QString(), mac);
  }

  void names() {
    QCOMPARE(radius::codeName(1), std::string_view("Access-Request"));
    QCOMPARE(radius::codeName(12), std::string_view("Status-Server"));
    QCOMPARE(radius::codeName(43), std::string_view("CoA-Request"));
    QVERIFY(radius::codeName(99).empty());
    QCOMPARE(radius::attributeName(79), std::string_view("EAP-Message"));
    QCOMPARE(radius::microsoftAttributeName(17), std::string_view("MS-MPPE-Recv-Key"));
  }

  void udpPortsAndDecodeAs() {
    QVERIFY(inet::udpPayloadDissector(40000, 1812) == &dissectRadius);
    QVERIFY(inet::udpPayloadDissector(1813, 40000) == &dissectRadius);
    QVERIFY(inet::udpPayloadDissector(40000, 3799) == &dissectRadius);
    QVERIFY(inet::udpPayloadDissector(40000, 11812) == nullptr);
    std::string error;
    QVERIFY(inet::applyUdpDecodeAs("udp.port==11812,radius", error));
    QVERIFY(inet::udpPayloadDissector(40000, 11812) == &dissectRadius);
    QCOMPARE(inet::udpDecodeAsPorts("radius"), std::vector<std::uint16_t>{11812});
    for (const char* bad : {"udp.port=11812,radius", "tcp.port==11812,radius", "udp.port==11812",
                            "udp.port==0,radius", "udp.port==70000,radius", "udp.port==12x,radius",
                            "udp.port==11812,nosuch"}) {
      error.clear();
      QVERIFY2(!inet::applyUdpDecodeAs(bad, error), bad);
      QVERIFY(error.find("expected udp.port==PORT,PROTOCOL") != std::string::npos);
    }
  }
};

QTEST_GUILESS_MAIN(TestRadiusCodec)
#include "tst_radius_codec.moc"
