// SPDX-License-Identifier: GPL-3.0-or-later
// PPI (CACE PPI Header Format Specification 1.0.10) build/parse/describe.
#include <QTest>

#include "dissectors/dispatch.h"
#include "dissectors/radiotap/fcs.h"
#include "dissectors/radiotap/ppi.h"
#include "tests/support/field_compare.h"
#include "tests/support/test_bytes.h"

namespace {

using rs::Bytes;
using rs::test::concat;
using rs::test::nullDataFrame;
using rs::test::hexBytes;

rs::PpiHeader commonHeader() {
  rs::PpiHeader h;
  h.dlt = 105;
  rs::Ppi80211Common c;
  c.tsfTimer = 0x1122334455667788;
  c.rate = 22;
  c.channelFrequency = 2437;
  c.channelFlags = 0x00a0;
  c.dbmAntSignal = -50;
  c.dbmAntNoise = -95;
  h.common = c;
  return h;
}
// Spec 4.1.2 layout: TSF(8) flags(2) rate(2) freq(2) channel flags(2) hopset pattern signal noise.
const char* kCommonBytes = "00 00 20 00 69 00 00 00 02 00 14 00 88 77 66 55 44 33 22 11 00 00 16 00 85 09 a0 00 00 00 ce a1";

rs::Dissection dissect(const Bytes& frame) {
  rs::Dissection d;
  rs::dissectPpi(rs::PayloadContext{frame, 0, 0}, d);
  return d;
}

}  // namespace

class TestPpiCodec : public QObject {
  Q_OBJECT

 private slots:
  void commonFieldRoundTrip() {
    const Bytes built = rs::buildPpi(commonHeader());
    QCOMPARE(rs::toHex(built), rs::toHex(hexBytes(kCommonBytes)));
    const auto h = rs::parsePpi(built);
    QVERIFY(h && h->ok());
    QCOMPARE(h->length, std::uint16_t{32});
    QCOMPARE(h->dlt, std::uint32_t{105});
    QVERIFY(h->common == commonHeader().common);
    QCOMPARE(rs::buildPpi(*h), built);
  }

  void describesCommonAndRadio() {
    const rs::Dissection d = dissect(concat(hexBytes(kCommonBytes), nullDataFrame()));
    QVERIFY(!d.malformed);
    QCOMPARE(d.layers[0].name, std::string("ppi"));
    QCOMPARE(rs::test::ourFieldValues(d, "ppi.80211-common.tsft"), std::to_string(0x1122334455667788ull));
    QCOMPARE(rs::test::ourFieldValues(d, "ppi.80211-common.rate"), std::string("11000"));
    QCOMPARE(rs::test::ourFieldValues(d, "ppi.80211-common.chan.freq"), std::string("2437"));
    QCOMPARE(rs::test::ourFieldValues(d, "ppi.80211-common.chan.flags"), std::string("0x00a0"));
    QCOMPARE(rs::test::ourFieldValues(d, "ppi.80211-common.dbm.antsignal"), std::string("-50"));
    QCOMPARE(rs::test::ourFieldValues(d, "wlan_radio.phy"), std::string("4"));
    QCOMPARE(rs::test::ourFieldValues(d, "wlan_radio.channel"), std::string("6"));
    QCOMPARE(rs::test::ourFieldValues(d, "wlan_radio.data_rate"), std::string("11"));
    QCOMPARE(d.layers.back().offset, std::uint32_t{32});
  }

  void otherFieldTypesByTypeAndLength() {
    // 802.11-Common then an 802.11n MAC field (type 3, 12 bytes), fields 32-bit aligned.
    Bytes ppi = concat(hexBytes(kCommonBytes), hexBytes("03 00 0c 00 01 00 00 00 44 33 22 11 02 00 00 00"));
    ppi[1] = 0x01;
    ppi[2] = static_cast<std::uint8_t>(ppi.size());
    const auto h = rs::parsePpi(ppi);
    QVERIFY(h && h->ok());
    QCOMPARE(h->fields.size(), std::size_t{2});
    QCOMPARE(h->fields[1].type, rs::ppi_field::k80211nMac);
    QCOMPARE(h->fields[1].length, std::uint16_t{12});
    const rs::Dissection d = dissect(concat(ppi, nullDataFrame()));
    QCOMPARE(rs::test::ourFieldValues(d, "ppi.field_type"), std::string("2,3"));
    QCOMPARE(rs::test::ourFieldValues(d, "ppi.field_len"), std::string("20,12"));
  }

  void nonIeee80211DltGoesToData() {
    rs::PpiHeader h = commonHeader();
    h.dlt = 1;
    const rs::Dissection d = dissect(concat(rs::buildPpi(h), nullDataFrame()));
    QCOMPARE(d.layers.back().name, std::string("data"));
    QCOMPARE(d.layers.back().offset, std::uint32_t{32});
  }

  void fcsPresentFlag() {
    rs::PpiHeader h = commonHeader();
    h.common->flags = rs::ppi_common_flag::kFcsPresent;
    const Bytes mpdu = nullDataFrame();
    Bytes frame = concat(rs::buildPpi(h), mpdu);
    const std::uint32_t fcs = rs::ieee80211Fcs(mpdu);
    for (int i = 0; i < 4; ++i) frame.push_back(static_cast<std::uint8_t>(fcs >> (8 * i)));
    const rs::Dissection d = dissect(frame);
    QCOMPARE(rs::test::ourFieldValues(d, "wlan.fcs.status"), std::string("1"));
    QCOMPARE(d.layers.back().offset + d.layers.back().length, static_cast<std::uint32_t>(frame.size() - 4));
  }

  void truncatedAtEveryOffset() {
    const Bytes full = concat(hexBytes(kCommonBytes), nullDataFrame());
    for (std::size_t k = 0; k <= full.size(); ++k) {
      const Bytes cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(k));
      const rs::Dissection d = dissect(cut);
      QCOMPARE(d.layers.at(0).name, std::string("ppi"));
      if (k < 32) {
        QVERIFY(d.malformed);
        QCOMPARE(d.malformedOffset, k);
        QCOMPARE(d.layers.size(), std::size_t{1});
      } else {
        QVERIFY(d.layers[0].find("_ws.malformed") == nullptr);
      }
    }
  }

  void badVersionAndShortLength() {
    rs::Dissection d = dissect(hexBytes("01 00 08 00 69 00 00 00"));
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{0});
    d = dissect(hexBytes("00 00 04 00 69 00 00 00"));
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{2});
  }
};

QTEST_GUILESS_MAIN(TestPpiCodec)
#include "tst_ppi_codec.moc"
