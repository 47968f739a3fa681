// SPDX-License-Identifier: GPL-3.0-or-later
// EAPOL / EAP / EAPOL-Key codecs: builders, message-number inference,
// byte-exact round trips of every EAPOL-Key frame in the fixtures, and
// truncation at every byte offset (never a crash, malformed where data ends).
#include <QtTest>

#include <random>

#include "dissectors/common/mac_address.h"
#include "dissectors/dispatch.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/llc.h"
#include "tests/support/capture_frames.h"
#include "tests/support/field_tree.h"
#include "tests/support/fixtures.h"
#include "tests/support/frame_layers.h"

using namespace rs;
using eapol::KeyMessage;

Q_DECLARE_METATYPE(rs::eapol::KeyMessage)

namespace {

Bytes onEthernet(const Bytes& eapolPdu) {
  return inet::buildEthernet(*MacAddress::parse("02:00:00:00:02:00"), *MacAddress::parse("02:00:00:00:00:00"),
                             inet::kEtherTypeEapol, eapolPdu);
}

eapol::EapolKeyFields message3Fields() {
  eapol::EapolKeyFields f;
  f.eapolVersion = 2;
  f.keyInfo = 0x13ca;
  f.keyLength = 16;
  f.replayCounter = 0x0102030405060708ull;
  for (std::size_t i = 0; i < f.nonce.size(); ++i) f.nonce[i] = static_cast<std::uint8_t>(i);
  f.rsc[0] = 0x37;
  f.keyData = Bytes(56, 0xab);
  return f;
}

// EAPOL PDUs (EtherType 0x888e) found in a fixture: 802.11 data frames through
// LLC/SNAP, SLL2 and Ethernet by their headers.
std::vector<Bytes> eapolPdus(const std::string& relative) {
  std::vector<Bytes> out;
  const auto capture = rs::test::loadCapture(rs::test::fixturePath(relative));
  for (const CaptureFrame& record : capture.frames) {
    const ByteView frame = record.data;
    std::size_t at = 0;
    if (capture.linkType == 276) {
      const auto h = inet::parseLinuxSll2(frame);
      if (!h || h->protocol != inet::kEtherTypeEapol) continue;
      at = h->payloadOffset;
    } else if (capture.linkType == 1) {
      const auto h = inet::parseEthernet(frame);
      if (!h || h->typeOrLength != inet::kEtherTypeEapol) continue;
      at = h->payloadOffset;
    } else {
      const auto msdu = rs::test::msduOffset(capture.linkType, frame);
      if (!msdu) continue;
      const auto snap = inet::parseLlcSnap(ByteView(frame).subspan(*msdu));
      if (!snap || snap->etherType != inet::kEtherTypeEapol) continue;
      at = *msdu + snap->payloadOffset;
    }
    out.emplace_back(frame.begin() + static_cast<std::ptrdiff_t>(at), frame.end());
  }
  return out;
}

}  // namespace

class TestEapolCodec : public QObject {
  Q_OBJECT
 private slots:
  void eapolHeader() {
    const Bytes start = eapol::buildEapol(1, eapol::PacketType::Start, {});
    QCOMPARE(start, (Bytes{0x01, 0x01, 0x00, 0x00}));
    const auto h = eapol::parseEapolHeader(start);
    QVERIFY(h);
    QCOMPARE(h->type, std::uint8_t{1});
    QVERIFY(!h->truncated);
    const Bytes longer{0x02, 0x00, 0x00, 0x10, 0x01, 0x02};
    const auto cut = eapol::parseEapolHeader(longer);
    QVERIFY(cut && cut->truncated);
    QCOMPARE(cut->body.size(), std::size_t{2});
    QVERIFY(!eapol::parseEapolHeader(Bytes{0x02, 0x00, 0x00}));
    QCOMPARE(eapol::packetTypeName(4), std::string_view("Encapsulated ASF Alert"));
    QCOMPARE(eapol::packetTypeName(5), std::string_view("MKA"));
  }

  void keyMessageInference_data() {
    QTest::addColumn<int>("keyInfo");
    QTest::addColumn<int>("dataLength");
    QTest::addColumn<KeyMessage>("expected");
    QTest::addColumn<int>("number");
    // Key Information values seen in the fixtures (tshark's msgnr in brackets).
    QTest::newRow("RSN M1 0x008a [1]") << 0x008a << 0 << KeyMessage::Pairwise1 << 1;
    QTest::newRow("RSN M1 with PMKID KDE 0x008a [1]") << 0x008a << 22 << KeyMessage::Pairwise1 << 1;
    QTest::newRow("RSN M2 0x010a [2]") << 0x010a << 22 << KeyMessage::Pairwise2 << 2;
    QTest::newRow("RSN M2 with Secure 0x030a [2]") << 0x030a << 22 << KeyMessage::Pairwise2 << 2;
    QTest::newRow("RSN M3 0x13ca [3]") << 0x13ca << 56 << KeyMessage::Pairwise3 << 3;
    QTest::newRow("RSN M4 0x030a [4]") << 0x030a << 0 << KeyMessage::Pairwise4 << 4;
    QTest::newRow("WPA M3 0x01c9 [3]") << 0x01c9 << 24 << KeyMessage::Pairwise3 << 3;
    QTest::newRow("WPA M4 0x0109 [4]") << 0x0109 << 0 << KeyMessage::Pairwise4 << 4;
    QTest::newRow("SAE M1 0x0088 [1]") << 0x0088 << 22 << KeyMessage::Pairwise1 << 1;
    QTest::newRow("group 1 0x1382") << 0x1382 << 40 << KeyMessage::Group1 << 1;
    QTest::newRow("group 2 0x0302") << 0x0302 << 0 << KeyMessage::Group2 << 2;
  }
  void keyMessageInference() {
    QFETCH(int, keyInfo);
    QFETCH(int, dataLength);
    QFETCH(KeyMessage, expected);
    QFETCH(int, number);
    const KeyMessage m = eapol::inferKeyMessage(eapol::KeyInfo{static_cast<std::uint16_t>(keyInfo)},
                                                static_cast<std::uint16_t>(dataLength));
    QCOMPARE(m, expected);
    QCOMPARE(eapol::messageNumber(m), number);
  }

  void buildEapolKeyLayout() {
    const Bytes pdu = eapol::buildEapolKey(message3Fields());
    // IEEE 802.11-2016 Figure 12-32: 95 bytes of body before the key data (16-byte MIC).
    QCOMPARE(pdu.size(), std::size_t{4 + 95 + 56});
    QCOMPARE(pdu[0], std::uint8_t{2});
    QCOMPARE(pdu[1], std::uint8_t{3});
    QCOMPARE((pdu[2] << 8) | pdu[3], 95 + 56);
    QCOMPARE(pdu[4], std::uint8_t{2});
    QCOMPARE((pdu[5] << 8) | pdu[6], 0x13ca);
    QCOMPARE(pdu[9], std::uint8_t{0x01});
    QCOMPARE(pdu[16], std::uint8_t{0x08});
    QCOMPARE(pdu[17 + 31], std::uint8_t{31});
    QCOMPARE(pdu[65], std::uint8_t{0x37});
    for (std::size_t i = eapol::kKeyMicOffset; i < eapol::kKeyMicOffset + 16; ++i) QCOMPARE(pdu[i], std::uint8_t{0});
    QCOMPARE((pdu[97] << 8) | pdu[98], 56);

    const auto k = eapol::parseEapolKey(pdu);
    QVERIFY(k);
    QCOMPARE(k->replayCounter, 0x0102030405060708ull);
    QCOMPARE(k->micOffset, eapol::kKeyMicOffset);
    QCOMPARE(k->micLength, std::size_t{16});
    QCOMPARE(k->keyDataOffset, std::size_t{99});
    QCOMPARE(k->keyData.size(), std::size_t{56});
    QCOMPARE(k->messageNumber(), 3);
    QVERIFY(k->keyInfo.install() && k->keyInfo.encryptedKeyData() && k->keyInfo.secure());
    QCOMPARE(k->keyInfo.descriptorVersion(), std::uint8_t{2});
    QCOMPARE(k->frame.size(), pdu.size());
  }

  void micLengths() {
    eapol::EapolKeyFields f = message3Fields();
    f.keyInfo = 0x13c8;  // descriptor version 0: MIC length set by the AKM
    f.micLength = 24;    // AKM 12/13, SHA-384
    f.mic = Bytes(24, 0xee);
    const Bytes pdu = eapol::buildEapolKey(f);
    QCOMPARE(pdu.size(), std::size_t{4 + 95 + 8 + 56});
    QCOMPARE(eapol::inferMicLength(pdu), std::size_t{24});
    const auto k = eapol::parseEapolKey(pdu, 24);
    QVERIFY(k);
    QCOMPARE(k->mic.size(), std::size_t{24});
    QCOMPARE(k->keyData.size(), std::size_t{56});
    QCOMPARE(eapol::buildEapolKey(eapol::fieldsOf(*k)), pdu);

    f.micLength = 0;  // FILS: no MIC field
    f.mic.clear();
    const Bytes fils = eapol::buildEapolKey(f);
    QCOMPARE(fils.size(), std::size_t{4 + 95 - 16 + 56});
    QCOMPARE(eapol::inferMicLength(fils), std::size_t{0});
    const auto kf = eapol::parseEapolKey(fils, 0);
    QVERIFY(kf);
    QCOMPARE(kf->keyData.size(), std::size_t{56});

    // A MIC shorter than the field is zero-padded; the caller patches it later.
    f.micLength = 16;
    f.mic = Bytes{0xaa, 0xbb};
    const Bytes padded = eapol::buildEapolKey(f);
    QCOMPARE(padded[eapol::kKeyMicOffset], std::uint8_t{0xaa});
    QCOMPARE(padded[eapol::kKeyMicOffset + 2], std::uint8_t{0});
  }

  // Every EAPOL-Key frame in the fixtures: parse -> fields -> build gives the
  // same bytes as the EAPOL PDU on the wire.
  void fixtureRoundTrip_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("keyFrames");
    QTest::newRow("aircrack-ng wpa.cap") << "captures/wpa.cap" << 4;
    QTest::newRow("aircrack-ng wpa-psk-linksys.cap") << "captures/wpa-psk-linksys.cap" << 4;
    QTest::newRow("aircrack-ng wpa2-psk-linksys.cap") << "captures/wpa2-psk-linksys.cap" << 12;
    QTest::newRow("aircrack-ng wpa2.eapol.cap") << "captures/wpa2.eapol.cap" << 4;
    QTest::newRow("aircrack-ng testm1m2m3.pcap") << "captures/testm1m2m3.pcap" << 3;
    QTest::newRow("aircrack-ng wpa3-psk.pcap") << "captures/wpa3-psk.pcap" << 4;
    QTest::newRow("aircrack-ng capture_wds-01.cap") << "captures/capture_wds-01.cap" << 4;
    QTest::newRow("hwsim psk air") << "roaming/psk/psk.pcap" << 8;
    QTest::newRow("hwsim ft-psk air") << "roaming/ft-psk/ft-psk.pcap" << 4;
    QTest::newRow("hwsim eap air") << "roaming/eap/eap.pcap" << 12;
  }
  void fixtureRoundTrip() {
    QFETCH(QString, file);
    QFETCH(int, keyFrames);
    RS_REQUIRE_FIXTURE(qPrintable(file));
    int seen = 0;
    for (const Bytes& pdu : eapolPdus(file.toStdString())) {
      const auto h = eapol::parseEapolHeader(pdu);
      QVERIFY(h);
      if (!h->isKey()) continue;
      const auto k = eapol::parseEapolKey(pdu, eapol::inferMicLength(pdu));
      QVERIFY2(k, "fixture EAPOL-Key frame did not parse");
      const Bytes rebuilt = eapol::buildEapolKey(eapol::fieldsOf(*k));
      QCOMPARE(toHex(rebuilt), toHex(k->frame));
      // A verifier zeroes the MIC at micOffset and gets the MIC input back.
      Bytes zeroed = toBytes(k->frame);
      std::fill_n(zeroed.begin() + static_cast<std::ptrdiff_t>(k->micOffset), k->micLength, 0);
      eapol::EapolKeyFields noMic = eapol::fieldsOf(*k);
      noMic.mic.clear();
      QCOMPARE(eapol::buildEapolKey(noMic), zeroed);
      ++seen;
    }
    QCOMPARE(seen, keyFrames);
  }

  void eapBuildAndParse() {
    const Bytes identity = eapol::buildEapIdentity(eapol::EapCode::Response, 42, "anonymous");
    QCOMPARE(toHex(identity), std::string("022a000e01616e6f6e796d6f7573"));
    const auto p = eapol::parseEap(identity);
    QVERIFY(p && p->type && *p->type == eapol::eaptype::kIdentity);
    QCOMPARE(p->text(), std::string("anonymous"));
    QCOMPARE(toHex(eapol::buildEapSuccess(50)), std::string("03320004"));
    QCOMPARE(toHex(eapol::buildEapFailure(7)), std::string("04070004"));
    const auto success = eapol::parseEap(eapol::buildEapSuccess(50));
    QVERIFY(success && !success->type);

    // PEAP Start (as hostapd sends it: flags 0x21 = Start | version 1).
    const Bytes start = eapol::buildEapTls(eapol::EapCode::Request, 43, eapol::eaptype::kPeap, 0x21, std::nullopt, {});
    QCOMPARE(toHex(start), std::string("012b00061921"));
    const Bytes fragment(1393, 0x16);
    const Bytes first = eapol::buildEapTls(eapol::EapCode::Request, 44, eapol::eaptype::kPeap,
                                           eapol::tlsflag::kMoreFragments | 1, 2006, fragment);
    QCOMPARE(first.size(), std::size_t{1403});
    const auto tls = eapol::parseEap(first);
    QVERIFY(tls && tls->tls);
    QCOMPARE(tls->tls->flags, std::uint8_t{0xc1});
    QVERIFY(tls->tls->lengthIncluded() && tls->tls->moreFragments() && !tls->tls->start());
    QCOMPARE(tls->tls->version(), std::uint8_t{1});
    QCOMPARE(*tls->tls->messageLength, std::uint32_t{2006});
    QCOMPARE(tls->tls->fragment.size(), fragment.size());

    // RFC 3748 5.7 expanded type: vendor id 32473 (documentation), vendor type 7.
    const Bytes expanded = eapol::buildEap(eapol::EapCode::Request, 1, eapol::eaptype::kExpanded,
                                           Bytes{0x00, 0x7e, 0xd9, 0x00, 0x00, 0x00, 0x07, 0xde, 0xad});
    const auto e = eapol::parseEap(expanded);
    QVERIFY(e);
    QCOMPARE(e->vendorId, std::uint32_t{32473});
    QCOMPARE(e->vendorType, std::uint32_t{7});
    QCOMPARE(e->typeData.size(), std::size_t{2});

    QVERIFY(!eapol::parseEap(Bytes{0x01, 0x01, 0x00, 0x03}));              // Length < 4
    QVERIFY(!eapol::parseEap(Bytes{0x01, 0x01, 0x00, 0x09, 0x01, 0x61}));  // Length beyond data
    QVERIFY(!eapol::parseEap(Bytes{0x01, 0x01, 0x00, 0x06, 0x0d, 0x80}));  // L flag without length
  }

  void dissectedEapolKey() {
    const Bytes frame = onEthernet(eapol::buildEapolKey(message3Fields()));
    const Dissection d = dissectFrame(1, frame);
    QVERIFY2(!d.malformed, d.malformedReason.c_str());
    QCOMPARE(d.protocols(), std::string("eth:eapol"));
    QCOMPARE(d.protocol, std::string("EAPOL"));
    QCOMPARE(d.info, std::string("Key (Message 3 of 4)"));
    const Field* mic = d.find("wlan_rsna_eapol.keydes.mic");
    QVERIFY(mic);
    QCOMPARE(mic->offset, std::uint32_t{14 + 81});
    QCOMPARE(mic->length, std::uint32_t{16});
    QCOMPARE(d.find("wlan_rsna_eapol.keydes.msgnr")->u, std::uint64_t{3});
    // Encrypted key data is shown as bytes only.
    const Field* data = d.find("wlan_rsna_eapol.keydes.data");
    QVERIFY(data && data->children.empty());
  }

  void dissectedEap() {
    const Dissection d = dissectFrame(
        1, onEthernet(eapol::buildEapol(2, eapol::PacketType::EapPacket,
                                        eapol::buildEapIdentity(eapol::EapCode::Request, 1, ""))));
    QCOMPARE(d.protocols(), std::string("eth:eapol:eap"));
    QCOMPARE(d.protocol, std::string("EAP"));
    QCOMPARE(d.info, std::string("Request, Identity"));
    const Dissection start = dissectFrame(1, onEthernet(eapol::buildEapol(1, eapol::PacketType::Start, {})));
    QCOMPARE(start.info, std::string("Start"));
    QCOMPARE(start.protocol, std::string("EAPOL"));
    // TLS fragments follow the eap layer as data.
    const Dissection tls = dissectFrame(
        1, onEthernet(eapol::buildEapol(2, eapol::PacketType::EapPacket,
                                        eapol::buildEapTls(eapol::EapCode::Response, 5, eapol::eaptype::kTls, 0,
                                                           std::nullopt, Bytes(30, 0x17)))));
    QCOMPARE(tls.protocols(), std::string("eth:eapol:eap:data"));
    QCOMPARE(tls.layer("data")->offset, std::uint32_t{14 + 4 + 6});
  }

  // Cutting a frame at every byte never crashes and marks it malformed exactly
  // where the data ends (the header lengths promise more).
  void truncationEveryOffset_data() {
    QTest::addColumn<QByteArray>("frame");
    auto add = [](const char* name, const Bytes& b) {
      QTest::newRow(name) << QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size()));
    };
    add("EAPOL-Key message 3", onEthernet(eapol::buildEapolKey(message3Fields())));
    eapol::EapolKeyFields m2 = message3Fields();
    m2.keyInfo = 0x010a;
    m2.keyData = Bytes{0x30, 0x14, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
                       0x01, 0x00, 0x00, 0x0f, 0xac, 0x02, 0x00, 0x00};  // plaintext RSNE
    add("EAPOL-Key message 2 (RSNE)", onEthernet(eapol::buildEapolKey(m2)));
    add("EAP-TLS with length", onEthernet(eapol::buildEapol(
                                   2, eapol::PacketType::EapPacket,
                                   eapol::buildEapTls(eapol::EapCode::Request, 44, eapol::eaptype::kPeap, 0xc1, 2006,
                                                      Bytes(40, 0x16)))));
    add("EAP identity", onEthernet(eapol::buildEapol(
                            2, eapol::PacketType::EapPacket,
                            eapol::buildEapIdentity(eapol::EapCode::Response, 3, "alice"))));
  }
  void truncationEveryOffset() {
    QFETCH(QByteArray, frame);
    const Bytes full(frame.begin(), frame.end());
    QVERIFY(!dissectFrame(1, full).malformed);
    for (std::size_t n = 0; n < full.size(); ++n) {
      const ByteView cut = ByteView(full).first(n);
      const Dissection d = dissectFrame(1, cut);
      QVERIFY2(d.malformed, qPrintable(QString("not malformed at length %1").arg(n)));
      QCOMPARE(d.malformedOffset, n);
      if (n >= 14) QVERIFY(!eapol::parseEapolKey(cut.subspan(14)));
      const bool eapPacket = full[15] == 0;  // the EAPOL packet type octet
      if (eapPacket && n >= 18) QVERIFY(!eapol::parseEap(cut.subspan(18)));
    }
  }

  void keyDataLengthBeyondFrame() {
    // eapol.len agrees with the bytes present, but Key Data Length claims more.
    Bytes pdu = eapol::buildEapolKey(message3Fields());
    pdu[97] = 0x01;  // 56 -> 312
    const Dissection d = dissectFrame(1, onEthernet(pdu));
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{14} + pdu.size());
    QCOMPARE(d.find("wlan_rsna_eapol.keydes.data_len")->u, std::uint64_t{312});
    QVERIFY(d.find("wlan_rsna_eapol.keydes.mic"));
    QVERIFY(!eapol::parseEapolKey(pdu));
  }

  void eapolLengthBeyondData() {
    Bytes pdu = eapol::buildEapol(2, eapol::PacketType::EapPacket, eapol::buildEapSuccess(9));
    pdu[3] = 0x40;
    const Bytes frame = onEthernet(pdu);
    const Dissection d = dissectFrame(1, frame);
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, frame.size());
    QVERIFY(d.find("eap.code"));
  }
  // Mutated valid frames (deterministic seed): no crash, every field and the
  // malformed point inside the frame, parsers agree with the dissector on
  // what is complete.
  void mutatedFrames() {
    eapol::EapolKeyFields m2 = message3Fields();
    m2.keyInfo = 0x010a;
    m2.keyData = Bytes{0x30, 0x14, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
                       0x01, 0x00, 0x00, 0x0f, 0xac, 0x02, 0x00, 0x00, 0xdd, 0x05, 0x00, 0x0f, 0xac, 0x01, 0x02};
    const std::vector<Bytes> seeds = {
        onEthernet(eapol::buildEapolKey(message3Fields())), onEthernet(eapol::buildEapolKey(m2)),
        onEthernet(eapol::buildEapol(2, eapol::PacketType::EapPacket,
                                     eapol::buildEapTls(eapol::EapCode::Request, 1, eapol::eaptype::kPeap, 0xc1, 99,
                                                        Bytes(20, 0x16)))),
        onEthernet(eapol::buildEapol(2, eapol::PacketType::EapPacket,
                                     eapol::buildEap(eapol::EapCode::Request, 1, eapol::eaptype::kMd5Challenge,
                                                     Bytes{4, 1, 2, 3, 4})))};
    std::mt19937 rng(20261125);
    for (int i = 0; i < 20000; ++i) {
      Bytes frame = seeds[static_cast<std::size_t>(i) % seeds.size()];
      const int flips = 1 + static_cast<int>(rng() % 4);
      for (int k = 0; k < flips; ++k) frame[14 + rng() % (frame.size() - 14)] = static_cast<std::uint8_t>(rng());
      if (rng() % 3 == 0) frame.resize(rng() % frame.size());
      const Dissection d = dissectFrame(1, frame);
      for (const Field& layer : d.layers) QVERIFY(rs::test::fieldsInside(layer, frame.size()));
      if (d.malformed) QVERIFY(d.malformedOffset <= frame.size());
      if (frame.size() > 14) {
        const ByteView pdu = ByteView(frame).subspan(14);
        if (const auto k = eapol::parseEapolKey(pdu, eapol::inferMicLength(pdu)))
          QCOMPARE(QString::fromStdString(toHex(eapol::buildEapolKey(eapol::fieldsOf(*k)))),
                   QString::fromStdString(toHex(k->frame)));
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestEapolCodec)
#include "tst_eapol_codec.moc"
