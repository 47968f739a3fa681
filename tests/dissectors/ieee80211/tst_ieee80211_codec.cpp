// SPDX-License-Identifier: GPL-3.0-or-later
// 802.11 MAC codec without fixtures: header layouts and address roles of
// IEEE 802.11-2016 9.3 (Table 9-26), builders → parse → describe round trips
// for every frame the emulator emits, code tables (9.4.1.7, 9.4.1.9), and
// truncation of frames at every byte offset (no crash, malformed point at the
// first missing byte).
#include <QTest>

#include <random>

#include "dissectors/common/byte_writer.h"
#include "dissectors/dispatch.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/ieee80211/names.h"
#include "tests/support/test_bytes.h"

using namespace rs;
using namespace rs::ieee80211;

namespace {

const MacAddress kAp = *MacAddress::parse("02:00:00:00:00:00");
const MacAddress kAp2 = *MacAddress::parse("02:00:00:00:01:00");
const MacAddress kSta = *MacAddress::parse("02:00:00:00:02:00");
const MacAddress kHost = *MacAddress::parse("02:00:00:00:03:00");

Dissection describe(const Bytes& frame) {
  Dissection d;
  dissectIeee80211(PayloadContext{frame, 0, 0}, d);
  return d;
}

std::string value(const Dissection& d, const char* name) {
  const Field* f = d.find(name);
  return f ? f->valueString() : std::string("<absent>");
}

// Elements of a minimal (re)association / beacon: SSID "hwsim-ft", Supported Rates, MDE a1b2.
Bytes sampleElements() {
  Bytes e{0x00, 0x08};
  for (char c : std::string("hwsim-ft")) e.push_back(static_cast<std::uint8_t>(c));
  for (int b : {0x01, 0x04, 0x82, 0x84, 0x8b, 0x96, 0x36, 0x03, 0xa1, 0xb2, 0x01}) e.push_back(static_cast<std::uint8_t>(b));
  return e;
}

}  // namespace

class TestIeee80211Codec : public QObject {
  Q_OBJECT

 private slots:
  void headerLayoutsFollowTable9_26_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("subtype");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("length");
    QTest::newRow("management 9.3.3.2") << 0 << 8 << 0x00 << 24;
    QTest::newRow("management +HTC") << 0 << 13 << 0x80 << 28;
    QTest::newRow("ACK 9.3.1.4") << 1 << 13 << 0x00 << 10;
    QTest::newRow("CTS 9.3.1.3") << 1 << 12 << 0x00 << 10;
    QTest::newRow("RTS 9.3.1.2") << 1 << 11 << 0x00 << 16;
    QTest::newRow("PS-Poll 9.3.1.5") << 1 << 10 << 0x00 << 16;
    QTest::newRow("BlockAckReq 9.3.1.8") << 1 << 8 << 0x00 << 16;
    QTest::newRow("data ToDS") << 2 << 0 << 0x01 << 24;
    QTest::newRow("data WDS 4-address") << 2 << 0 << 0x03 << 30;
    QTest::newRow("QoS data") << 2 << 8 << 0x02 << 26;
    QTest::newRow("QoS data WDS +HTC") << 2 << 8 << 0x83 << 36;
    QTest::newRow("non-QoS data with Order bit has no HTC") << 2 << 0 << 0x80 << 24;
    QTest::newRow("DMG beacon 9.3.4.2") << 3 << 0 << 0x00 << 10;
  }
  void headerLayoutsFollowTable9_26() {
    QFETCH(int, type);
    QFETCH(int, subtype);
    QFETCH(int, flags);
    QFETCH(int, length);
    QCOMPARE(headerLayout(static_cast<std::uint8_t>(type), static_cast<std::uint8_t>(subtype),
                          static_cast<std::uint8_t>(flags))
                 .length,
             static_cast<std::size_t>(length));
  }

  void addressRolesByDsBits() {
    // 9.3.2.1 Table 9-26.
    MacHeader up = MacHeader::qosData(true, kAp, kSta, kHost, 7, 5);
    QCOMPARE(*up.ra(), kAp);
    QCOMPARE(*up.ta(), kSta);
    QCOMPARE(*up.sa(), kSta);
    QCOMPARE(*up.da(), kHost);
    QCOMPARE(*up.bssid(), kAp);
    MacHeader down = MacHeader::qosData(false, kAp, kSta, kHost, 7, 5);
    QCOMPARE(*down.ra(), kSta);
    QCOMPARE(*down.da(), kSta);
    QCOMPARE(*down.sa(), kHost);
    QCOMPARE(*down.bssid(), kAp);
    const Bytes wds = buildDataFrame(
        [] {
          MacHeader h;
          h.type = frame_type::Data;
          h.flags = 0x03;
          h.addressCount = 4;
          h.addr = {kAp2, kAp, kHost, kSta};
          h.hasSequenceControl = true;
          return h;
        }(),
        {});
    const auto parsed = parseMacHeader(wds);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->length, std::size_t{30});
    QCOMPARE(*parsed->sa(), kSta);
    QCOMPARE(*parsed->da(), kHost);
    QVERIFY(!parsed->bssid().has_value());
    const Dissection d = describe(wds);
    QVERIFY(d.find("wlan.bssid") == nullptr);  // tshark shows no BSSID for 4-address frames
    QCOMPARE(value(d, "wlan.sa"), kSta.toString());
  }

  // The longest header (QoS data between two DS stations with +HTC, 36 octets): every field read from its own
  // offset, and every shorter prefix refused.
  void longestHeaderFieldByField() {
    const Bytes frame = test::hexBytes(
        "88 83 34 12"                                            // QoS Data; To DS, From DS, Order; duration
        " 02 00 00 00 00 01 02 00 00 00 00 02 02 00 00 00 00 03"  // addresses 1-3
        " cd ab 02 00 00 00 00 04 87 00 44 33 22 11 aa");          // Sequence Control, address 4, QoS, HTC, body
    const auto h = parseMacHeader(frame);
    QVERIFY(h.has_value());
    QCOMPARE(h->type, frame_type::Data);
    QCOMPARE(h->subtype, data::QosData);
    QCOMPARE(h->flags, std::uint8_t{0x83});
    QCOMPARE(h->duration, std::uint16_t{0x1234});
    QCOMPARE(h->addressCount, std::uint8_t{4});
    for (std::size_t i = 0; i < 4; ++i)
      QCOMPARE(h->addr[i].toString(), "02:00:00:00:00:0" + std::to_string(i + 1));
    QVERIFY(h->hasSequenceControl && h->hasQosControl && h->hasHtControl);
    QCOMPARE(h->sequenceControl, std::uint16_t{0xabcd});
    QCOMPARE(h->qosControl, std::uint16_t{0x0087});
    QCOMPARE(h->htControl, std::uint32_t{0x11223344});
    QCOMPARE(h->length, std::size_t{36});
    for (std::size_t n = 0; n < 36; ++n) QVERIFY2(!parseMacHeader(ByteView(frame).first(n)), std::to_string(n).c_str());
    QVERIFY(parseMacHeader(ByteView(frame).first(36)).has_value());
    Bytes version1 = frame;
    version1[0] |= 1;  // protocol version 1 is not this header
    QVERIFY(!parseMacHeader(version1));
  }

  // Equality, order, toU64 and the hash read the octets in transmission order, each octet counting.
  void macAddressCompareAndHash() {
    const MacAddress a = *MacAddress::parse("02:52:53:a0:b1:c2");
    QCOMPARE(a.toU64(), std::uint64_t{0x025253a0b1c2});
    QCOMPARE(MacAddressHash{}(a), static_cast<std::size_t>(0x025253a0b1c2ull * 0x9e3779b97f4a7c15ull));
    QVERIFY(a == MacAddress::fromView(a.view()));
    for (std::size_t i = 0; i < 6; ++i) {
      MacAddress b = a;
      b.octets[i] ^= 0x01;
      QVERIFY2(a != b && !(a == b), std::to_string(i).c_str());
      QVERIFY(a.toU64() != b.toU64());
      QCOMPARE(a < b, a.octets[i] < b.octets[i]);
    }
    QVERIFY(*MacAddress::parse("01:ff:ff:ff:ff:ff") < *MacAddress::parse("02:00:00:00:00:00"));
    QVERIFY(MacAddress::broadcast().isBroadcast());
  }

  void namesFromTheStandard() {
    QCOMPARE(frameTypeName(0, 8), std::string_view("Beacon frame"));
    QCOMPARE(frameTypeName(2, 12), std::string_view("QoS Null function (No data)"));
    QCOMPARE(frameTypeName(1, 9), std::string_view("802.11 Block Ack"));
    QCOMPARE(statusCodeName(0), std::string_view("Successful"));
    QCOMPARE(statusCodeName(53), std::string_view("Invalid pairwise master key identifier (PMKID)"));
    QCOMPARE(statusCodeName(4), std::string_view("Reserved"));
    QCOMPARE(reasonCodeName(15), std::string_view("4-way handshake timeout"));
    QCOMPARE(reasonCodeName(0), std::string_view("Reserved"));
    QCOMPARE(authAlgorithmName(3), std::string_view("Simultaneous Authentication of Equals (SAE)"));
    QCOMPARE(actionName(6, 2), std::string_view("FT Response"));
  }

  void beaconBuildParseDescribe() {
    const Bytes elements = sampleElements();
    MacHeader h = MacHeader::management(0, MacAddress::broadcast(), kAp, kAp, 113);
    const Bytes frame = buildBeacon(h, BeaconBody{0x1122334455667788ull, 100, 0x0411, elements});
    const auto parsed = parseMacHeader(frame);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->subtype, mgmt::Beacon);
    const auto body = parseBeaconBody(ByteView(frame).subspan(parsed->length));
    QVERIFY(body.has_value());
    QCOMPARE(body->timestamp, 0x1122334455667788ull);
    QCOMPARE(toHex(body->elements), toHex(elements));
    const Dissection d = describe(frame);
    QVERIFY(!d.malformed);
    QCOMPARE(value(d, "wlan.fc.type_subtype"), std::string("0x0008"));
    QCOMPARE(value(d, "wlan.fixed.beacon"), std::string("100"));
    QCOMPARE(value(d, "wlan.fixed.capabilities"), std::string("0x0411"));
    QCOMPARE(d.info, std::string("Beacon frame, SN=113, FN=0, Flags=........, BI=100, SSID=\"hwsim-ft\""));
    QCOMPARE(d.source, kAp.toString());
    QCOMPARE(d.destination, std::string("ff:ff:ff:ff:ff:ff"));
  }

  void ftAuthenticationAndReassociation() {
    MacHeader h = MacHeader::management(0, kAp2, kSta, kAp2, 42);
    const Bytes mde{0x36, 0x03, 0xa1, 0xb2, 0x01};
    const Bytes auth = buildAuthentication(h, AuthenticationBody{auth_algorithm::FastBssTransition, 1, 0, mde});
    Dissection d = describe(auth);
    QCOMPARE(value(d, "wlan.fixed.auth.alg"), std::string("2"));
    QCOMPARE(value(d, "wlan.fixed.auth_seq"), std::string("0x0001"));
    QVERIFY(d.find("wlan.tagged.all") != nullptr);

    const Bytes reassoc = buildAssociationRequest(h, AssociationRequestBody{0x0411, 10, kAp, sampleElements()});
    d = describe(reassoc);
    QCOMPARE(value(d, "wlan.fc.type_subtype"), std::string("0x0002"));
    QCOMPARE(value(d, "wlan.fixed.current_ap"), kAp.toString());
    QCOMPARE(value(d, "wlan.fixed.listen_ival"), std::string("0x000a"));
    const auto parsed = parseAssociationRequestBody(ByteView(reassoc).subspan(24), true);
    QVERIFY(parsed && parsed->currentAp == kAp);

    const Bytes resp = buildAssociationResponse(h, AssociationResponseBody{0x0411, 0, 0xc003, sampleElements()}, true);
    d = describe(resp);
    QCOMPARE(value(d, "wlan.fc.type_subtype"), std::string("0x0003"));
    QCOMPARE(value(d, "wlan.fixed.aid"), std::string("0x0003"));
    QCOMPARE(parseAssociationResponseBody(ByteView(resp).subspan(24))->aid(), std::uint16_t{3});
  }

  void ftActionFrames_data() {
    QTest::addColumn<int>("action");
    QTest::newRow("FT Request 9.6.8.2") << 1;
    QTest::newRow("FT Response 9.6.8.3") << 2;
    QTest::newRow("FT Confirm 9.6.8.4") << 3;
    QTest::newRow("FT Ack 9.6.8.5") << 4;
  }
  void ftActionFrames() {
    QFETCH(int, action);
    const Bytes mde{0x36, 0x03, 0xa1, 0xb2, 0x01};
    FtActionBody body;
    body.action = static_cast<std::uint8_t>(action);
    body.staAddress = kSta;
    body.targetApAddress = kAp2;
    if (FtActionBody::hasStatus(body.action)) body.statusCode = 53;
    body.elements = mde;
    const Bytes frame = buildFtAction(MacHeader::management(0, kAp, kSta, kAp, 9), body);
    const auto parsed = parseFtActionBody(ByteView(frame).subspan(24));
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->targetApAddress, kAp2);
    QCOMPARE(parsed->statusCode.has_value(), FtActionBody::hasStatus(body.action));
    const Dissection d = describe(frame);
    QVERIFY(!d.malformed);
    QCOMPARE(value(d, "wlan.fixed.category_code"), std::string("6"));
    QCOMPARE(value(d, "wlan.fixed.action_code"), std::to_string(action));
    QCOMPARE(value(d, "wlan.fixed.sta_address"), kSta.toString());
    QCOMPARE(value(d, "wlan.fixed.target_ap_address"), kAp2.toString());
    QCOMPARE(value(d, "wlan.fixed.status_code"), FtActionBody::hasStatus(body.action) ? "0x0035" : "<absent>");
  }

  void saQueryAndDeauth() {
    const MacHeader h = MacHeader::management(0, kAp, kSta, kAp, 1);
    Dissection d = describe(buildSaQuery(h, SaQueryBody{1, 0x3412}));
    QCOMPARE(value(d, "wlan.fixed.action_code"), std::string("1"));
    QCOMPARE(value(d, "wlan.fixed.transaction_id"), std::string("0x3412"));
    const Bytes deauth = buildDeauthentication(h, ReasonBody{15, {}});
    d = describe(deauth);
    QCOMPARE(value(d, "wlan.fixed.reason_code"), std::string("0x000f"));
    QCOMPARE(parseReasonBody(ByteView(deauth).subspan(24))->reasonCode, std::uint16_t{15});
  }

  void qosDataCarriesMsduToLlc() {
    const Bytes msdu{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x88, 0x8e, 0x02, 0x01, 0x00, 0x00};
    const Bytes frame = buildDataFrame(MacHeader::qosData(true, kAp, kSta, kAp, 5, 6), msdu);
    const Dissection d = describe(frame);
    QCOMPARE(value(d, "wlan.qos.tid"), std::string("6"));
    QCOMPARE(value(d, "wlan.qos.bit4"), std::string("0"));
    QVERIFY(d.layer("llc") != nullptr);
  }

  void protectedDataShowsSecurityHeader_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    // CCMP (12.5.3.2): PN0 PN1 rsvd keyid|ExtIV PN2..PN5 → PN 0x0000000002A0 as tshark prints it.
    QTest::newRow("CCMP 12.5.3.2") << QByteArray::fromHex("a002002000000000") << "wlan.ccmp.extiv"
                                   << "0x0000000002A0";
    // TKIP (12.5.2.2): TSC1, WEPSeed=(TSC1|0x20)&0x7f, TSC0, keyid|ExtIV, TSC2..TSC5.
    QTest::newRow("TKIP 12.5.2.2") << QByteArray::fromHex("0020012001000000") << "wlan.tkip.extiv"
                                   << "0x000000010001";
    QTest::newRow("WEP 12.3.2.2") << QByteArray::fromHex("01020340") << "wlan.wep.iv" << "0x010203";
  }
  void protectedDataShowsSecurityHeader() {
    QFETCH(QByteArray, header);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    MacHeader h = MacHeader::qosData(false, kAp, kSta, kHost, 3, 0);
    h.flags |= fc_flag::Protected;
    Bytes body(header.begin(), header.end());
    body.insert(body.end(), 20, 0x5a);
    const Dissection d = describe(buildDataFrame(h, body));
    QCOMPARE(QString::fromStdString(value(d, field.toUtf8().constData())), expected);
    QVERIFY(d.layer("data") != nullptr);
    QVERIFY(d.layer("llc") == nullptr);
  }

  void blockAckBitmapListsMissingFrames() {
    // Compressed BlockAck (9.3.1.9.3): SSN 16, bitmap 0x01 then zeros → 24 acknowledged only of the first octets.
    ByteWriter w;
    w.u8(0x94).u8(0x00).u16le(0).bytes(kSta.view()).bytes(kAp.view()).u16le(0x0005).u16le(0x0100);
    w.u8(0xff).u8(0xfe).zeros(6);
    const Dissection d = describe(w.take());
    QVERIFY(!d.malformed);
    const auto missing = d.findAll("wlan.ba.bm.missing_frame");
    QCOMPARE(missing.size(), std::size_t{64 - 15});
    QCOMPARE(missing.front()->u, std::uint64_t{24});
  }

  void aMsduSubframesGoToLlc() {
    MacHeader h = MacHeader::qosData(false, kAp, kSta, kHost, 3, 0);
    h.qosControl |= 0x0080;
    const Bytes msdu{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x88, 0x8e, 0x02, 0x01, 0x00, 0x00};
    ByteWriter w;
    for (int i = 0; i < 2; ++i) {
      w.bytes(kSta.view()).bytes(kHost.view()).u16be(static_cast<std::uint16_t>(msdu.size())).bytes(msdu);
      if (i == 0) w.zeros(2);  // pad the 26-octet subframe to 28 (9.3.2.2.2)
    }
    const Dissection d = describe(buildDataFrame(h, w.data()));
    QVERIFY(!d.malformed);
    QCOMPARE(d.findAll("wlan_aggregate.a_mdsu.subframe").size(), std::size_t{2});
    QCOMPARE(d.findAll("wlan_aggregate.a_mdsu.length").size(), std::size_t{2});
  }

  // Peer bytes never crash the dissector: random frames of every type (the first
  // octet walks all type/subtype/flag combinations), every malformed point inside the frame.
  void randomFramesNeverCrash() {
    std::mt19937 rng(80211);
    std::size_t malformed = 0;
    for (int i = 0; i < 20000; ++i) {
      Bytes f(static_cast<std::size_t>(rng() % 80));
      for (auto& b : f) b = static_cast<std::uint8_t>(rng());
      if (!f.empty()) f[0] = static_cast<std::uint8_t>(i & 0xfc);  // protocol version 0, all types/subtypes
      if (f.size() > 1) f[1] = static_cast<std::uint8_t>((i >> 8) & 0xff);
      const Dissection d = describe(f);
      QVERIFY(!d.layers.empty());
      if (d.malformed) {
        ++malformed;
        QVERIFY(d.malformedOffset <= f.size());
      }
      (void)parseMacHeader(f);
    }
    QVERIFY(malformed > 0);
  }

  // Every prefix of real-shaped frames: never a crash, the malformed point is the first missing byte.
  void truncationAtEveryOffset_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("fixedEnd");  // end of header + fixed fields: every cut before it is malformed right there
    const MacHeader mh = MacHeader::management(0, kAp, kSta, kAp, 7);
    auto add = [](const char* name, const Bytes& b, int fixedEnd) {
      QTest::newRow(name) << QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<int>(b.size()))
                          << fixedEnd;
    };
    add("beacon", buildBeacon(mh, BeaconBody{1, 100, 0x0431, sampleElements()}), 36);
    add("reassociation request",
        buildAssociationRequest(mh, AssociationRequestBody{0x0411, 10, kAp2, sampleElements()}), 34);
    add("association response",
        buildAssociationResponse(mh, AssociationResponseBody{0x0411, 0, 0xc001, sampleElements()}, false), 30);
    const Bytes scalar(32, 0x11), element(64, 0x22);
    add("SAE commit", buildAuthentication(mh, AuthenticationBody{3, 1, 0, buildSaeCommitTrailer(SaeCommit{19, {}, scalar, element, {}})}),
        128);
    FtActionBody ft;
    ft.action = 2;
    ft.staAddress = kSta;
    ft.targetApAddress = kAp2;
    ft.statusCode = 0;
    add("FT response", buildFtAction(mh, ft), 40);
    add("deauthentication", buildDeauthentication(mh, ReasonBody{3, {}}), 26);
    MacHeader q = MacHeader::qosData(true, kAp, kSta, kHost, 1, 0);
    q.flags |= fc_flag::Protected;
    add("CCMP QoS data", buildDataFrame(q, Bytes{0x01, 0x00, 0x00, 0x20, 0, 0, 0, 0, 9, 9, 9, 9}), 34);
  }
  void truncationAtEveryOffset() {
    QFETCH(QByteArray, frame);
    QFETCH(int, fixedEnd);
    const auto fixed = static_cast<std::size_t>(fixedEnd);
    const Bytes full(frame.begin(), frame.end());
    QVERIFY(!describe(full).malformed);
    for (std::size_t n = 0; n < full.size(); ++n) {
      const Bytes cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
      const Dissection d = describe(cut);
      QVERIFY(!d.layers.empty());
      const QString where = QString("cut at %1: malformed=%2 at %3").arg(n).arg(d.malformed).arg(d.malformedOffset);
      if (n < fixed) {
        // Header or fixed fields cut: malformed exactly at the first missing byte.
        QVERIFY2(d.malformed && d.malformedOffset == n, qPrintable(where));
      } else if (d.malformed) {
        // Element list cut: the elements helper marks the element that runs past the end,
        // which starts between the fixed fields and the cut. A cut on an element
        // boundary is a shorter, well-formed frame.
        QVERIFY2(d.malformedOffset >= fixed && d.malformedOffset <= n, qPrintable(where));
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestIeee80211Codec)
#include "tst_ieee80211_codec.moc"
