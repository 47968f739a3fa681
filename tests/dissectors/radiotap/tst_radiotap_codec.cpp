// SPDX-License-Identifier: GPL-3.0-or-later
// Radiotap parse/build/describe on hand-built headers whose bytes are worked
// out from radiotap.org's field table and alignment rule.
#include <QTest>

#include "dissectors/dispatch.h"
#include "dissectors/radiotap/fcs.h"
#include "dissectors/radiotap/radiotap.h"
#include "dissectors/radiotap/wlan_radio.h"
#include "tests/support/field_compare.h"
#include "tests/support/test_bytes.h"

namespace {

using rs::Bytes;
using rs::test::concat;
using rs::test::nullDataFrame;
using rs::test::hexBytes;

// Three radiotap namespaces (combined + two antennas), as iwlwifi writes them.
rs::RadiotapHeader threeNamespaceHeader() {
  rs::RadiotapHeader h;
  h.namespaces.resize(3);
  auto& f = h.namespaces[0];
  f.tsft = 1;
  f.flags = 0;
  f.rate = 12;
  f.channel = rs::RadiotapChannel{5180, 0x0140};
  f.dbmAntennaSignal = -40;
  f.rxFlags = 0;
  h.namespaces[1].dbmAntennaSignal = -42;
  h.namespaces[1].antenna = 0;
  h.namespaces[2].dbmAntennaSignal = -45;
  h.namespaces[2].antenna = 1;
  return h;
}
// Worked out by hand: words at 4/8/12, TSFT 8-aligned at 16, flags 24, rate 25,
// channel 26, signal 30, pad 31, RX flags 32, then (signal, antenna) twice.
const char* kThreeNamespaceBytes =
    "00 00 26 00 2f 40 00 a0 20 08 00 a0 20 08 00 00 01 00 00 00 00 00 00 00"
    " 00 0c 3c 14 40 01 d8 00 00 00 d6 00 d3 01";

// Flags, then a vendor namespace (OUI 00:11:22, sub-namespace 1, 3 data bytes)
// whose word claims a field, then a radiotap namespace with a dBm signal.
const char* kVendorBytes =
    "00 00 1c 00 02 00 00 c0 01 00 00 a0 20 00 00 00 00 00 00 11 22 01 03 00 aa bb cc c4";

// Rate, XChannel (4-aligned), MCS, A-MPDU status (4-aligned), timestamp (8-aligned).
const char* kAlignmentBytes =
    "00 00 2c 00 04 00 5c 00 6c 00 00 00 40 01 00 00 3c 14 24 14 07 01 07 00"
    " 78 56 34 12 04 00 00 00 08 07 06 05 04 03 02 01 05 00 12 02";

rs::Dissection dissect(const Bytes& frame) {
  rs::Dissection d;
  rs::dissectRadiotap(rs::PayloadContext{frame, 0, 0}, d);
  return d;
}

std::size_t indexOfLayer(const rs::Dissection& d, std::string_view name) {
  for (std::size_t i = 0; i < d.layers.size(); ++i)
    if (d.layers[i].name == name) return i;
  return d.layers.size();
}

}  // namespace

class TestRadiotapCodec : public QObject {
  Q_OBJECT

 private slots:
  void hwsimHeaderParsesAndRebuilds() {
    // First frame of fixtures/captures/wpa3-psk.pcap (mac80211_hwsim layout).
    const Bytes bytes = hexBytes("000016000f0000007c50b182ae86050000026c09a000");
    const auto h = rs::parseRadiotap(bytes);
    QVERIFY(h && h->ok());
    QCOMPARE(h->length, std::uint16_t{22});
    QCOMPARE(h->presentWords, std::vector<std::uint32_t>{0x0000000f});
    QCOMPARE(*h->primary().tsft, std::uint64_t{1555458958643324});
    QCOMPARE(*h->primary().rate, std::uint8_t{2});
    QCOMPARE(h->primary().channel->frequency, std::uint16_t{2412});
    QCOMPARE(h->primary().channel->flags, std::uint16_t{0x00a0});
    QVERIFY(rs::radiotapIsBuildable(*h));
    QCOMPARE(rs::buildRadiotap(*h), bytes);
  }

  void extendedBitmapsKeepEveryAntenna() {
    const Bytes built = rs::buildRadiotap(threeNamespaceHeader());
    QCOMPARE(rs::toHex(built), rs::toHex(hexBytes(kThreeNamespaceBytes)));
    const auto h = rs::parseRadiotap(built);
    QVERIFY(h && h->ok());
    QCOMPARE(h->presentWords, (std::vector<std::uint32_t>{0xa000402f, 0xa0000820, 0x00000820}));
    QCOMPARE(h->namespaces.size(), std::size_t{3});
    QCOMPARE(h->allDbmAntennaSignals(), (std::vector<std::int8_t>{-40, -42, -45}));
    QCOMPARE(*h->namespaces[2].antenna, std::uint8_t{1});
    QVERIFY(h->namespaces == threeNamespaceHeader().namespaces);
    QCOMPARE(rs::buildRadiotap(*h), built);  // build -> parse -> build

    const rs::Dissection d = dissect(concat(built, nullDataFrame()));
    QVERIFY(!d.malformed);
    QCOMPARE(rs::test::ourFieldValues(d, "radiotap.dbm_antsignal"), std::string("-40,-42,-45"));
    QCOMPARE(rs::test::ourFieldValues(d, "radiotap.antenna"), std::string("0,1"));
    QCOMPARE(rs::test::ourFieldValues(d, "radiotap.present.word"), std::string("0xa000402f,0xa0000820,0x00000820"));
    // Wireshark 4.0 lets each namespace overwrite the radio signal: the last antenna's shows.
    QCOMPARE(rs::test::ourFieldValues(d, "wlan_radio.signal_dbm"), std::string("-45"));
    QCOMPARE(rs::test::ourFieldValues(d, "wlan_radio.phy"), std::string("5"));  // 5 GHz + OFDM = 802.11a
    QCOMPARE(rs::test::ourFieldValues(d, "wlan_radio.channel"), std::string("36"));
    QCOMPARE(rs::test::ourFieldValues(d, "wlan_radio.data_rate"), std::string("6"));
    // The 802.11 frame starts right after it_len.
    const std::size_t next = indexOfLayer(d, "wlan_radio") + 1;
    QVERIFY(next < d.layers.size());
    QCOMPARE(d.layers[next].offset, std::uint32_t{38});
  }

  void naturalAlignmentRelativeToHeaderStart() {
    const Bytes bytes = hexBytes(kAlignmentBytes);
    const auto h = rs::parseRadiotap(bytes);
    QVERIFY(h && h->ok());
    std::vector<std::size_t> offsets;
    for (const auto& s : h->spans) offsets.push_back(s.offset);
    QCOMPARE(offsets, (std::vector<std::size_t>{8, 12, 20, 24, 32}));
    const auto& f = h->primary();
    QCOMPARE(f.xChannel->frequency, std::uint16_t{5180});
    QCOMPARE(f.xChannel->channel, std::uint8_t{36});
    QCOMPARE(f.xChannel->maxPower, std::uint8_t{20});
    QCOMPARE(f.mcs->index, std::uint8_t{7});
    QCOMPARE(f.ampduStatus->reference, std::uint32_t{0x12345678});
    QCOMPARE(f.timestamp->timestamp, std::uint64_t{0x0102030405060708});
    QCOMPARE(f.timestamp->accuracy, std::uint16_t{5});
    QVERIFY(!rs::radiotapIsBuildable(*h));  // XChannel, A-MPDU, timestamp are parse-only
  }

  void vendorNamespaceIsSkippedBySkipLength() {
    const Bytes bytes = hexBytes(kVendorBytes);
    const auto h = rs::parseRadiotap(bytes);
    QVERIFY(h && h->ok());
    QCOMPARE(h->vendorNamespaces.size(), std::size_t{1});
    const auto& v = h->vendorNamespaces[0];
    QCOMPARE(rs::toHex(v.oui), std::string("001122"));
    QCOMPARE(v.subNamespace, std::uint8_t{1});
    QCOMPARE(v.skipLength, std::uint16_t{3});
    QCOMPARE(v.headerOffset, std::size_t{18});
    QCOMPARE(v.dataOffset, std::size_t{24});
    QCOMPARE(h->namespaces.size(), std::size_t{2});
    QCOMPARE(*h->namespaces[1].dbmAntennaSignal, std::int8_t{-60});
    const rs::Dissection d = dissect(concat(bytes, nullDataFrame()));
    QVERIFY(!d.malformed);
    QCOMPARE(rs::test::ourFieldValues(d, "radiotap.vendor_oui"), std::string("4386"));
    QCOMPARE(rs::test::ourFieldValues(d, "radiotap.vendor_data_len"), std::string("3"));
  }

  void unknownFieldStopsFieldsButKeepsLength() {
    // Antenna (bit 11) then bit 25, which radiotap does not define a size for.
    const Bytes bytes = hexBytes("00 00 0c 00 00 08 00 06 03 aa bb cc");
    const auto h = rs::parseRadiotap(bytes);
    QVERIFY(h && h->ok());
    QVERIFY(h->stoppedAtUnknownField);
    QCOMPARE(h->unknownBit, 25u);
    QCOMPARE(*h->primary().antenna, std::uint8_t{3});
    QVERIFY(!h->primary().zeroLengthPsdu);
    const rs::Dissection d = dissect(concat(bytes, nullDataFrame()));
    QVERIFY(!d.malformed);
    QCOMPARE(d.layers.back().offset, std::uint32_t{12});
  }

  void bothNamespaceBitsAreMalformed() {
    const Bytes bytes = concat(hexBytes("00 00 0c 00 00 00 00 60 00 00 00 00"), nullDataFrame());
    const auto h = rs::parseRadiotap(bytes);
    QCOMPARE(h->error, rs::RadiotapError::BothNamespaces);
    const rs::Dissection d = dissect(bytes);
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{4});
  }

  void fieldOverrunningHeaderLength() {
    // TSFT claimed but it_len is 12: 4 of its 8 bytes are in the header.
    const Bytes bytes = concat(hexBytes("00 00 0c 00 01 00 00 00 11 22 33 44"), nullDataFrame());
    const rs::Dissection d = dissect(bytes);
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{12});
    QVERIFY(!d.find("radiotap.mactime"));
    // it_len is inside the frame, so the 802.11 frame is still dissected from 12.
    QCOMPARE(d.layers.back().offset, std::uint32_t{12});
  }

  void lengthBelowEightAndBadVersion() {
    rs::Dissection d = dissect(concat(hexBytes("00 00 06 00 00 00 00 00"), nullDataFrame()));
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{2});
    QCOMPARE(d.layers.size(), std::size_t{1});
    d = dissect(concat(hexBytes("01 00 08 00 00 00 00 00"), nullDataFrame()));
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{0});
    QCOMPARE(d.layers.size(), std::size_t{1});
  }

  void truncatedAtEveryOffset_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("three namespaces") << toQByteArray(concat(hexBytes(kThreeNamespaceBytes), nullDataFrame()));
    QTest::newRow("vendor namespace") << toQByteArray(concat(hexBytes(kVendorBytes), nullDataFrame()));
    QTest::newRow("alignment") << toQByteArray(concat(hexBytes(kAlignmentBytes), nullDataFrame()));
  }
  void truncatedAtEveryOffset() {
    QFETCH(QByteArray, frame);
    const Bytes full(frame.begin(), frame.end());
    const std::size_t itLen = full[2] | (full[3] << 8);
    for (std::size_t k = 0; k <= full.size(); ++k) {
      const Bytes cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(k));
      const rs::Dissection d = dissect(cut);
      QVERIFY(!d.layers.empty());
      QCOMPARE(d.layers[0].name, std::string("radiotap"));
      const bool radiotapMalformed = d.layers[0].find("_ws.malformed") != nullptr;
      if (k < itLen) {
        QVERIFY2(radiotapMalformed, qPrintable(QStringLiteral("cut at %1").arg(k)));
        QCOMPARE(d.malformedOffset, k);  // where the bytes ran out
        QCOMPARE(d.layers.size(), std::size_t{1});  // no 802.11 dissection
      } else {
        QVERIFY2(!radiotapMalformed, qPrintable(QStringLiteral("cut at %1").arg(k)));
        QVERIFY(indexOfLayer(d, "wlan_radio") == 1);
      }
      checkQuickInfo(cut, k >= itLen);
    }
  }

  void fcsAtEndIsExcludedAndChecked() {
    // CRC-32 check value for "123456789" (the IEEE 802.3 CRC the FCS uses).
    QCOMPARE(rs::ieee80211Fcs(rs::asView("123456789")), std::uint32_t{0xCBF43926});

    rs::RadiotapHeader h;
    h.namespaces.resize(1);
    h.namespaces[0].flags = rs::radiotap_flag::kFcsAtEnd;
    const Bytes mpdu = nullDataFrame();
    const std::uint32_t fcs = rs::ieee80211Fcs(mpdu);
    Bytes frame = concat(rs::buildRadiotap(h), mpdu);
    for (int i = 0; i < 4; ++i) frame.push_back(static_cast<std::uint8_t>(fcs >> (8 * i)));

    rs::Dissection d = dissect(frame);
    QVERIFY(!d.malformed);
    QCOMPARE(rs::test::ourFieldValues(d, "wlan.fcs"), rs::hexString(fcs, 8));
    QCOMPARE(rs::test::ourFieldValues(d, "wlan.fcs.status"), std::string("1"));
    for (std::size_t i = indexOfLayer(d, "wlan_radio") + 1; i < d.layers.size(); ++i)
      QVERIFY(d.layers[i].offset + d.layers[i].length <= frame.size() - 4);
    const rs::Field* fcsField = d.find("wlan.fcs");
    QCOMPARE(fcsField->offset, static_cast<std::uint32_t>(frame.size() - 4));

    frame.back() ^= 0xff;
    d = dissect(frame);
    QCOMPARE(rs::test::ourFieldValues(d, "wlan.fcs.status"), std::string("0"));
    QVERIFY(!d.find("wlan.fcs")->expert.empty());

    // A capture that flags the FCS as bad says so on the flags field.
    frame[8] = rs::radiotap_flag::kFcsAtEnd | rs::radiotap_flag::kBadFcs;
    d = dissect(frame);
    QVERIFY(!d.find("radiotap.flags")->expert.empty());
    QCOMPARE(rs::test::ourFieldValues(d, "radiotap.flags.badfcs"), std::string("1"));
  }

  void mcsBuildAndRate() {
    rs::RadiotapHeader h;
    h.namespaces.resize(1);
    h.namespaces[0].flags = 0;
    h.namespaces[0].channel = rs::RadiotapChannel{2437, 0x00c0};
    h.namespaces[0].dbmAntennaSignal = -51;
    h.namespaces[0].dbmAntennaNoise = -95;
    h.namespaces[0].antenna = 0;
    h.namespaces[0].rxFlags = 0;
    h.namespaces[0].mcs = rs::RadiotapMcs{0x07, 0x00, 7};  // BW, index and GI known: 20 MHz, long GI
    const Bytes built = rs::buildRadiotap(h);
    // flags 8, pad, channel 10, signal 14, noise 15, antenna 16, pad, RX flags 18, MCS 20.
    QCOMPARE(rs::toHex(built), rs::toHex(hexBytes("00 00 17 00 6a 48 08 00 00 00 85 09 c0 00 cd a1 00 00 00 00 07 00 07")));
    const auto p = rs::parseRadiotap(built);
    QVERIFY(p && p->ok());
    QVERIFY(p->namespaces == h.namespaces);
    rs::RadioInfo info = rs::radioInfoFromRadiotap(*p);
    QCOMPARE(info.phy, rs::WlanPhy::Ieee80211n);
    QCOMPARE(rs::formatRate(*info.dataRateMbps()), std::string("65"));  // IEEE 802.11-2016 Table 19-27, MCS 7
    info.shortGi = true;
    QCOMPARE(rs::formatRate(*info.dataRateMbps()), std::string("72.2222"));
    info.bandwidth = 1;
    info.mcsIndex = 15;
    QCOMPARE(rs::formatRate(*info.dataRateMbps()), std::string("300"));  // Table 19-28, MCS 15, 40 MHz, SGI
  }

  void quickInfoMatchesFullParse() {
    const Bytes frame = concat(hexBytes(kThreeNamespaceBytes), nullDataFrame());
    rs::RadiotapQuick q;
    QVERIFY(rs::radiotapQuickInfo(frame, q));
    QCOMPARE(q.headerLength, std::uint16_t{38});
    QVERIFY(!q.fcsAtEnd);
    QVERIFY(q.hasFrequency && q.hasSignal);
    QCOMPARE(q.frequency, std::uint16_t{5180});
    QCOMPARE(q.dbmSignal, std::int8_t{-40});
    QVERIFY(!rs::radiotapQuickInfo(hexBytes("00 00 30 00 00 00 00 00"), q));  // length beyond frame
    QVERIFY(!rs::radiotapQuickInfo(hexBytes("01 00 08 00 00 00 00 00"), q));  // version
    QVERIFY(!rs::radiotapQuickInfo(hexBytes("00 00 0a 00 08 00 00 00 00 00"), q));  // channel overruns it_len
  }

  void channelNumbers() {
    QCOMPARE(rs::channelFromFrequency(2412), std::optional<unsigned>(1));
    QCOMPARE(rs::channelFromFrequency(2472), std::optional<unsigned>(13));
    QCOMPARE(rs::channelFromFrequency(2484), std::optional<unsigned>(14));
    QCOMPARE(rs::channelFromFrequency(5180), std::optional<unsigned>(36));
    QCOMPARE(rs::channelFromFrequency(5825), std::optional<unsigned>(165));
    QCOMPARE(rs::channelFromFrequency(5955), std::optional<unsigned>(1));
    QCOMPARE(rs::channelFromFrequency(6115), std::optional<unsigned>(33));
    QCOMPARE(rs::channelFromFrequency(5935), std::optional<unsigned>(2));
    QCOMPARE(rs::channelFromFrequency(2400), std::optional<unsigned>());
    QCOMPARE(rs::channelFromFrequency(2413), std::optional<unsigned>());
  }

 private:
  static QByteArray toQByteArray(const Bytes& b) {
    return QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size()));
  }
  // The quick pass accepts a header exactly when its length fits the frame.
  static void checkQuickInfo(const Bytes& frame, bool lengthFits) {
    rs::RadiotapQuick q;
    QCOMPARE(rs::radiotapQuickInfo(frame, q), lengthFits);
  }
};

QTEST_GUILESS_MAIN(TestRadiotapCodec)
#include "tst_radiotap_codec.moc"
