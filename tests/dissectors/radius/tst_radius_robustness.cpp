// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input never crashes the RADIUS dissector: every truncation of every
// packet of the fixtures (and of built packets), and seeded random garbage
// behind a valid header, dissect without throwing; a cut packet is marked
// malformed at an offset inside the frame.
#include <QtTest>

#include <random>

#include "dissectors/dispatch.h"
#include "dissectors/radius/radius.h"
#include "tests/support/capture_frames.h"
#include "tests/support/fixtures.h"

using namespace rs;

namespace {

std::vector<Bytes> samplePackets() {
  std::vector<Bytes> out;
  for (const char* file : {"peers/radius-mschapv2.pcap", "peers/radius-eap-peap-mschapv2.pcap"}) {
    if (!rs::test::fixtureExists(file)) continue;
    auto loaded = rs::test::loadCapture(rs::test::fixturePath(file));
    for (const auto& f : loaded.frames) {
      // Ethernet / IPv4 or IPv6 / UDP: the RADIUS packet follows the 8-byte UDP header.
      const std::size_t ipAt = 14;
      if (f.data.size() < ipAt + 1) continue;
      const std::size_t udpAt = ipAt + ((f.data[ipAt] >> 4) == 6 ? 40 : 20);
      if (f.data.size() > udpAt + 8) out.push_back(toBytes(f.data.subspan(udpAt + 8)));
    }
  }
  radius::PacketBuilder b(radius::code::kAccessAccept, 1, Bytes(16, 0));
  b.addMicrosoft(radius::ms::kMppeRecvKey, Bytes(34, 0x81)).addVendor(32473, 1, Bytes(5, 2))
      .addU32(radius::attr::kNasPortType, 19).addEapMessage(Bytes{3, 1, 0, 4});
  out.push_back(*b.build());
  return out;
}

std::size_t dissectOne(ByteView packet) {
  Dissection d;
  dissectRadius(PayloadContext{packet, 0, 0}, d);
  if (d.malformed && d.malformedOffset > packet.size()) QTest::qFail("malformed offset outside the data", __FILE__, __LINE__);
  return d.layers.size();
}

}  // namespace

class TestRadiusRobustness : public QObject {
  Q_OBJECT
 private slots:
  void everyTruncation() {
    const auto packets = samplePackets();
    QVERIFY(!packets.empty());
    std::size_t cases = 0;
    for (const auto& p : packets) {
      for (std::size_t n = 0; n <= p.size(); ++n) {
        const ByteView cut = ByteView(p).first(n);
        Dissection d;
        dissectRadius(PayloadContext{cut, 0, 0}, d);
        QVERIFY(!d.layers.empty());
        QVERIFY(d.layers.front().name == "radius");
        const auto parsed = radius::parsePacket(p);
        if (parsed && n < parsed->packet.size()) {
          QVERIFY2(d.malformed, qPrintable(QString("a packet cut to %1 of %2 octets is not marked malformed")
                                               .arg(n).arg(parsed->packet.size())));
          QVERIFY(d.malformedOffset <= n);
        }
        ++cases;
      }
    }
    qInfo("%zu truncations", cases);
  }

  void randomGarbage() {
    std::mt19937 rng(20261125);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> size(0, 600);
    for (int i = 0; i < 20000; ++i) {
      Bytes data(static_cast<std::size_t>(size(rng)));
      for (auto& b : data) b = static_cast<std::uint8_t>(byte(rng));
      // Half the cases get a plausible header so the attribute walker is exercised.
      if (i % 2 == 0 && data.size() >= 20) {
        data[0] = static_cast<std::uint8_t>(1 + i % 13);
        data[2] = static_cast<std::uint8_t>(data.size() >> 8);
        data[3] = static_cast<std::uint8_t>(data.size());
      }
      QVERIFY(dissectOne(data) >= 1);
    }
  }

  void garbageAttributeValues() {
    // Valid framing, random values for every attribute type (incl. VSAs and EAP-Message).
    std::mt19937 rng(3579);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int type = 0; type < 256; ++type) {
      for (std::size_t len : {0u, 1u, 3u, 4u, 5u, 16u, 40u}) {
        Bytes value(len);
        for (auto& b : value) b = static_cast<std::uint8_t>(byte(rng));
        if (type == radius::attr::kVendorSpecific && len >= 4) value[0] = value[1] = 0, value[2] = 1, value[3] = 0x37;
        radius::PacketBuilder b(radius::code::kAccessAccept, 1, Bytes(16, 0));
        b.add(static_cast<std::uint8_t>(type), value);
        QVERIFY(dissectOne(*b.build()) >= 1);
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestRadiusRobustness)
#include "tst_radius_robustness.moc"
