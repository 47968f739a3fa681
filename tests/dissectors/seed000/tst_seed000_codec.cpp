// SPDX-License-Identifier: GPL-3.0-or-later
// Seed-000 codec and describe step (dissectors/seed000/): build -> parse ->
// build round trips, the field tree reached through the 802.11 dissector,
// truncation at every length and the malformed diagnostics of
// docs/protocols/seed-000.md.
#include <QTest>

#include <random>

#include "dissectors/common/link_type.h"
#include "dissectors/dispatch.h"
#include "dissectors/seed000/seed000.h"
#include "tests/dissectors/seed000/seed000_exchange.h"

using namespace rs;

namespace {

Dissection dissect(const Bytes& frame) { return dissectFrame(127, frame); }

std::string fieldValue(const Dissection& d, std::string_view name) {
  const Field* f = d.find(name);
  return f ? f->valueString() : std::string("<absent>");
}

}  // namespace

class TestSeed000Codec : public QObject {
  Q_OBJECT

 private slots:
  void roundTrip_data() {
    QTest::addColumn<int>("index");
    QTest::newRow("Authenticate PTK request") << 0;
    QTest::newRow("Authenticate PTK response") << 1;
    QTest::newRow("Group Key Confirm") << 2;
  }
  void roundTrip() {
    QFETCH(int, index);
    const auto x = test::makeSeed000Exchange();
    const Bytes& body = x.bodies[static_cast<std::size_t>(index)];
    auto parsed = seed000::parseActionBody(body);
    QVERIFY2(parsed.ok, parsed.error.c_str());
    QCOMPARE(static_cast<int>(parsed.message.type), index + 1);
    auto rebuilt = seed000::buildActionBody(parsed.message);
    QVERIFY(rebuilt.has_value());
    QCOMPARE(*rebuilt, body);
  }

  void layoutSizes() {
    const auto x = test::makeSeed000Exchange();
    // 6 header + 12 SA type + 32 SRandom + 16 PTKID + 16 MIC
    QCOMPARE(x.bodies[0].size(), std::size_t{82});
    // 6 + 12 + 32 ARandom + 32 SRandom + 16 PTKID + 1 GTKID + 1 length + 24 wrapped GTK + 16 MIC
    QCOMPARE(x.bodies[1].size(), std::size_t{140});
    // 6 + 32 ARandom + 16 MIC
    QCOMPARE(x.bodies[2].size(), std::size_t{54});
  }

  void describeResponse() {
    const auto x = test::makeSeed000Exchange();
    const Dissection d = dissect(x.frames[1]);
    QVERIFY2(!d.malformed, d.malformedReason.c_str());
    QVERIFY(d.layer("roamscope.seed000") != nullptr);
    QCOMPARE(fieldValue(d, "wlan.fixed.category_code"), std::string("127"));
    QCOMPARE(fieldValue(d, "wlan.tag.oui"), std::string("152147"));
    QCOMPARE(fieldValue(d, "roamscope.seed000.msg_type"), std::string("2"));
    QCOMPARE(fieldValue(d, "roamscope.seed000.pairwise_cipher"), std::string("0x000fac04"));
    QCOMPARE(fieldValue(d, "roamscope.seed000.akm"), std::string("0x000fac01"));
    QCOMPARE(fieldValue(d, "roamscope.seed000.arandom"), toColonHex(x.aRandom));
    QCOMPARE(fieldValue(d, "roamscope.seed000.srandom"), toColonHex(x.sRandom));
    QCOMPARE(fieldValue(d, "roamscope.seed000.ptkid"), toColonHex(x.ptkId));
    QCOMPARE(fieldValue(d, "roamscope.seed000.gtkid"), std::string("1"));
    QCOMPARE(fieldValue(d, "roamscope.seed000.gtk_len"), std::string("24"));
    QCOMPARE(fieldValue(d, "roamscope.seed000.gtk"), toColonHex(x.wrappedGtk));
    const Field* mic = d.find("roamscope.seed000.mic");
    QVERIFY(mic != nullptr);
    QCOMPARE(std::size_t{mic->offset}, x.frames[1].size() - 16);
    QCOMPARE(d.info, std::string("Seed-000 Authenticate PTK response"));
  }

  // Every prefix that cuts into the seed-000 body is shown with what was decoded
  // and marked malformed; nothing reads past the end.
  void truncatedAtEveryLength() {
    const auto x = test::makeSeed000Exchange();
    for (const Bytes& frame : x.frames) {
      for (std::size_t n = x.bodyOffset + 5; n < frame.size(); ++n) {
        const Bytes cut(frame.begin(), frame.begin() + static_cast<std::ptrdiff_t>(n));
        const Dissection d = dissect(cut);
        QVERIFY2(d.layer("roamscope.seed000") != nullptr, std::to_string(n).c_str());
        QVERIFY2(d.malformed, std::to_string(n).c_str());
        QVERIFY(d.malformedOffset <= n);
      }
    }
  }

  // Random octet changes after the vendor header never crash; a frame the
  // dissector calls well-formed is one the parser accepts and rebuilds exactly.
  void randomMutations() {
    const auto x = test::makeSeed000Exchange();
    std::mt19937 rng(20261125);
    for (int round = 0; round < 3000; ++round) {
      Bytes frame = x.frames[static_cast<std::size_t>(round % 3)];
      const std::size_t changes = 1 + rng() % 4;
      for (std::size_t c = 0; c < changes; ++c) {
        const std::size_t at = x.bodyOffset + 5 + rng() % (frame.size() - x.bodyOffset - 5);
        frame[at] = static_cast<std::uint8_t>(rng());
      }
      if (rng() % 4 == 0) frame.resize(x.bodyOffset + 5 + rng() % (frame.size() - x.bodyOffset - 5));
      const Dissection d = dissect(frame);
      QVERIFY(d.layer("roamscope.seed000") != nullptr);
      const Bytes body(frame.begin() + static_cast<std::ptrdiff_t>(x.bodyOffset), frame.end());
      const auto parsed = seed000::parseActionBody(body);
      QCOMPARE(parsed.ok, !d.malformed);
      if (parsed.ok) QCOMPARE(seed000::buildActionBody(parsed.message).value_or(Bytes{}), body);
    }
  }

  void malformed_data() {
    QTest::addColumn<int>("frame");
    QTest::addColumn<int>("at");     // offset in the body to change; -1 = append an octet
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("errorAt"); // expected malformed offset in the body
    QTest::newRow("unknown message type") << 0 << 5 << 9 << 5;
    QTest::newRow("GTKID reserved bits") << 1 << 98 << 0x05 << 98;
    QTest::newRow("wrapped GTK length 20") << 1 << 99 << 20 << 99;
    QTest::newRow("octet after the MIC") << 2 << -1 << 0 << 54;
  }
  void malformed() {
    QFETCH(int, frame);
    QFETCH(int, at);
    QFETCH(int, value);
    QFETCH(int, errorAt);
    const auto x = test::makeSeed000Exchange();
    Bytes bytes = x.frames[static_cast<std::size_t>(frame)];
    if (at < 0)
      bytes.push_back(static_cast<std::uint8_t>(value));
    else
      bytes[x.bodyOffset + static_cast<std::size_t>(at)] = static_cast<std::uint8_t>(value);
    const Dissection d = dissect(bytes);
    QVERIFY(d.layer("roamscope.seed000") != nullptr);
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, x.bodyOffset + static_cast<std::size_t>(errorAt));
  }

  // Another vendor's action frame keeps the plain 802.11 view.
  void otherVendorIsNotSeed000() {
    auto x = test::makeSeed000Exchange();
    Bytes bytes = x.frames[0];
    bytes[x.bodyOffset + 1] = 0x00;  // OUI 00-52-53
    const Dissection d = dissect(bytes);
    QVERIFY(d.layer("roamscope.seed000") == nullptr);
    QVERIFY(!d.malformed);
    QCOMPARE(fieldValue(d, "wlan.tag.oui"), std::string("21075"));
    QVERIFY(!seed000::parseActionBody(toBytes(ByteView(bytes).subspan(x.bodyOffset))).ok);
  }

  void buildRefusesWrongSizes() {
    const Bytes short31(31, 0), id(16, 0);
    seed000::Message m;
    m.type = seed000::MessageType::AuthenticatePtkRequest;
    m.sRandom = short31;
    m.ptkId = id;
    QVERIFY(!seed000::buildActionBody(m).has_value());
    m.type = static_cast<seed000::MessageType>(4);
    QVERIFY(!seed000::buildActionBody(m).has_value());
  }

  void capabilityElement() {
    using namespace seed000::capability;
    const Bytes e = seed000::buildCapabilityElement(kFastReassociation | kPmkCache);
    QCOMPARE(toHex(e), std::string("dd050252530003"));
    QCOMPARE(seed000::parseCapabilityElement(e).value_or(0xff), std::uint8_t{3});
    QVERIFY(!seed000::parseCapabilityElement(ByteView(e).first(6)).has_value());
    Bytes other = e;
    other[2] = 0x00;
    QVERIFY(!seed000::parseCapabilityElement(other).has_value());
  }
};

QTEST_GUILESS_MAIN(TestSeed000Codec)
#include "tst_seed000_codec.moc"
