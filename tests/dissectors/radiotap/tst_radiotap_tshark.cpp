// SPDX-License-Identifier: GPL-3.0-or-later
// Independent check: radiotap, PPI and wlan_radio fields against tshark, on
// the real radiotap fixtures and on crafted headers written to a temporary pcap.
#include <QTemporaryDir>
#include <QTest>

#include "dissectors/dispatch.h"
#include "dissectors/radiotap/fcs.h"
#include "dissectors/radiotap/ppi.h"
#include "dissectors/radiotap/radiotap.h"
#include "tests/support/capture_frames.h"
#include "tests/support/field_compare.h"
#include "tests/support/fixtures.h"
#include "tests/support/test_bytes.h"
#include "tests/support/tshark_fields.h"

namespace {

using rs::Bytes;
using rs::test::concat;
using rs::test::nullDataFrame;
using rs::test::hexBytes;

Bytes withFcs(Bytes radiotapAndMpdu, std::size_t mpduStart) {
  const std::uint32_t fcs = rs::ieee80211Fcs(rs::ByteView(radiotapAndMpdu).subspan(mpduStart));
  for (int i = 0; i < 4; ++i) radiotapAndMpdu.push_back(static_cast<std::uint8_t>(fcs >> (8 * i)));
  return radiotapAndMpdu;
}

const std::vector<std::string> kFixtureFields = {
    "radiotap.version", "radiotap.pad", "radiotap.length", "radiotap.present.word", "radiotap.present.tsft",
    "radiotap.present.flags", "radiotap.present.rate", "radiotap.present.channel", "radiotap.present.dbm_antsignal",
    "radiotap.present.antenna", "radiotap.present.rxflags", "radiotap.present.ext", "radiotap.mactime",
    "radiotap.flags", "radiotap.flags.preamble", "radiotap.flags.fcs", "radiotap.flags.badfcs", "radiotap.datarate",
    "radiotap.channel.freq", "radiotap.channel.flags", "radiotap.channel.flags.cck", "radiotap.channel.flags.ofdm",
    "radiotap.channel.flags.2ghz", "radiotap.channel.flags.5ghz", "radiotap.dbm_antsignal", "radiotap.dbm_antnoise",
    "radiotap.antenna", "radiotap.rxflags", "radiotap.rxflags.badplcp", "wlan_radio.phy", "wlan_radio.short_preamble",
    "wlan_radio.11g.mode", "wlan_radio.data_rate", "wlan_radio.channel", "wlan_radio.frequency",
    "wlan_radio.signal_dbm", "wlan_radio.noise_dbm", "wlan_radio.timestamp", "wlan_radio.duration",
    "wlan_radio.preamble", "wlan_radio.start_tsf", "wlan_radio.end_tsf"};

// The radio header alone, as this suite owns it (802.11 has its own suite).
rs::Dissection dissectRadioHeader(std::uint32_t linkType, rs::ByteView frame) {
  rs::Dissection d;
  const rs::PayloadContext ctx{frame, 0, 0};
  if (linkType == 127) rs::dissectRadiotap(ctx, d);
  else rs::dissectPpi(ctx, d);
  return d;
}

// Compares every frame's `fields` with tshark's; returns the differences ("" if none).
std::string compareWithTshark(const std::string& path, std::uint32_t linkType, const std::vector<std::string>& fields,
                              const QStringList& extraArgs = {}) {
  const auto result = rs::test::compareWithTshark(
      path, fields, extraArgs, [linkType](const rs::CaptureFrame& f) { return dissectRadioHeader(linkType, f.data); });
  if (!result.error.empty() || !result.mismatches.empty()) return path + ": " + rs::test::describe(result);
  return {};
}

// The valued fields our describers emit for these frames that tshark also knows.
std::vector<std::string> sharedFieldNames(const std::vector<Bytes>& frames, std::uint32_t linkType) {
  std::vector<std::string> names;
  for (const Bytes& f : frames) {
    const rs::Dissection d = dissectRadioHeader(linkType, f);
    rs::test::collectFieldNames(d, {"radiotap", "wlan_radio", "ppi"}, names);
    for (const char* fcs : {"wlan.fcs", "wlan.fcs.status"})
      if (d.find(fcs) && std::find(names.begin(), names.end(), fcs) == names.end()) names.push_back(fcs);
  }
  const auto& known = rs::test::tsharkFieldNames();
  std::erase_if(names, [&known](const std::string& n) { return !known.count(n); });
  return names;
}

std::vector<Bytes> craftedRadiotapFrames() {
  std::vector<Bytes> frames;
  // Combined + two per-antenna namespaces (5 GHz, 802.11a).
  frames.push_back(concat(hexBytes("00 00 26 00 2f 40 00 a0 20 08 00 a0 20 08 00 00 01 00 00 00 00 00 00 00"
                              " 00 0c 3c 14 40 01 d8 00 00 00 d6 00 d3 01"),
                          nullDataFrame()));
  // Vendor namespace skipped by its skip_length, then a radiotap namespace.
  frames.push_back(concat(hexBytes("00 00 1c 00 02 00 00 c0 01 00 00 a0 20 00 00 00 00 00 00 11 22 01 03 00 aa bb cc c4"),
                          nullDataFrame()));
  // Rate, XChannel, MCS, A-MPDU status, timestamp.
  frames.push_back(concat(hexBytes("00 00 2c 00 04 00 5c 00 6c 00 00 00 40 01 00 00 3c 14 24 14 07 01 07 00"
                              " 78 56 34 12 04 00 00 00 08 07 06 05 04 03 02 01 05 00 12 02"),
                          nullDataFrame()));
  // What the emulator writes: TSFT, flags (short preamble, FCS at end), rate, channel, signal, noise,
  // antenna, RX flags; 802.11b.
  rs::RadiotapHeader h;
  h.namespaces.resize(1);
  auto& f = h.namespaces[0];
  f.tsft = 123456789;
  f.flags = rs::radiotap_flag::kShortPreamble | rs::radiotap_flag::kFcsAtEnd;
  f.rate = 11;
  f.channel = rs::RadiotapChannel{2462, 0x00a0};
  f.dbmAntennaSignal = -48;
  f.dbmAntennaNoise = -92;
  f.antenna = 1;
  f.rxFlags = 0;
  const Bytes emulated = rs::buildRadiotap(h);
  frames.push_back(withFcs(concat(emulated, nullDataFrame()), emulated.size()));
  // 802.11g with OFDM rate and a bad FCS.
  f.flags = rs::radiotap_flag::kFcsAtEnd;
  f.rate = 108;
  f.channel = rs::RadiotapChannel{2412, 0x00c0};
  Bytes bad = withFcs(concat(rs::buildRadiotap(h), nullDataFrame()), emulated.size());
  bad.back() ^= 0x5a;
  frames.push_back(bad);
  // MCS (802.11n, 20 MHz, long GI, MCS 7).
  f.flags = 0;
  f.rate.reset();
  f.mcs = rs::RadiotapMcs{0x1f, 0x10, 7};
  frames.push_back(concat(rs::buildRadiotap(h), nullDataFrame()));
  return frames;
}

std::vector<Bytes> craftedPpiFrames() {
  rs::PpiHeader h;
  rs::Ppi80211Common c;
  c.tsfTimer = 0x1122334455667788;
  c.rate = 22;
  c.channelFrequency = 2437;
  c.channelFlags = 0x00a0;
  c.dbmAntSignal = -50;
  c.dbmAntNoise = -95;
  h.common = c;
  std::vector<Bytes> frames;
  frames.push_back(concat(rs::buildPpi(h), nullDataFrame()));
  c.flags = rs::ppi_common_flag::kFcsPresent;
  c.rate = 108;
  c.channelFrequency = 5180;
  c.channelFlags = 0x0140;
  h.common = c;
  const Bytes ppi = rs::buildPpi(h);
  frames.push_back(withFcs(concat(ppi, nullDataFrame()), ppi.size()));
  return frames;
}

}  // namespace

class TestRadiotapTshark : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    RS_REQUIRE_TSHARK();
  }

  void fixtureFieldsMatchTshark_data() {
    QTest::addColumn<QString>("fixture");
    QTest::newRow("captures/wpa3-psk.pcap") << QStringLiteral("captures/wpa3-psk.pcap");
    QTest::newRow("captures/testm1m2m3.pcap") << QStringLiteral("captures/testm1m2m3.pcap");
    QTest::newRow("roaming/psk/psk.pcap") << QStringLiteral("roaming/psk/psk.pcap");
    QTest::newRow("roaming/ft-psk/ft-psk.pcap") << QStringLiteral("roaming/ft-psk/ft-psk.pcap");
    QTest::newRow("roaming/eap/eap.pcap") << QStringLiteral("roaming/eap/eap.pcap");
  }
  void fixtureFieldsMatchTshark() {
    QFETCH(QString, fixture);
    const std::string relative = fixture.toStdString();
    RS_REQUIRE_FIXTURE(relative.c_str());
    const std::string mismatch = compareWithTshark(rs::test::fixturePath(fixture.toStdString()), 127, kFixtureFields);
    QVERIFY2(mismatch.empty(), mismatch.c_str());
  }

  // Real headers re-serialise byte for byte, and the quick pass agrees with the full parse.
  void fixtureHeadersRebuildAndQuickInfo_data() { fixtureFieldsMatchTshark_data(); }
  void fixtureHeadersRebuildAndQuickInfo() {
    QFETCH(QString, fixture);
    const std::string relative = fixture.toStdString();
    RS_REQUIRE_FIXTURE(relative.c_str());
    const auto capture = rs::test::loadCapture(rs::test::fixturePath(fixture.toStdString()));
    QVERIFY2(capture.error.empty(), capture.error.c_str());
    QCOMPARE(capture.linkType, std::uint32_t{127});
    std::size_t rebuilt = 0;
    for (const rs::CaptureFrame& f : capture.frames) {
      const rs::ByteView frame = f.data;
      const auto h = rs::parseRadiotap(frame);
      QVERIFY(h && h->ok());
      if (rs::radiotapIsBuildable(*h)) {
        QCOMPARE(rs::toHex(rs::buildRadiotap(*h)), rs::toHex(frame.first(h->length)));
        ++rebuilt;
      }
      rs::RadiotapQuick q;
      QVERIFY(rs::radiotapQuickInfo(frame, q));
      QCOMPARE(q.headerLength, h->length);
      QCOMPARE(q.fcsAtEnd, h->fcsAtEnd());
      QCOMPARE(q.hasFrequency, h->primary().channel.has_value());
      if (q.hasFrequency) QCOMPARE(q.frequency, h->primary().channel->frequency);
      QCOMPARE(q.hasSignal, h->primary().dbmAntennaSignal.has_value());
      if (q.hasSignal) QCOMPARE(q.dbmSignal, *h->primary().dbmAntennaSignal);
    }
    QCOMPARE(rebuilt, capture.frames.size());  // every fixture header uses only buildable fields
  }

  void craftedRadiotapMatchesTshark() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("crafted-radiotap.pcap")).toStdString();
    const auto frames = craftedRadiotapFrames();
    std::string error;
    QVERIFY2(rs::test::writePcap(path, 127, frames, &error), error.c_str());
    const auto fields = sharedFieldNames(frames, 127);
    QVERIFY(fields.size() > 60);
    const std::string mismatch =
        compareWithTshark(path, 127, fields, {QStringLiteral("-o"), QStringLiteral("wlan.check_checksum:TRUE")});
    QVERIFY2(mismatch.empty(), mismatch.c_str());
  }

  void craftedPpiMatchesTshark() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("crafted-ppi.pcap")).toStdString();
    const auto frames = craftedPpiFrames();
    std::string error;
    QVERIFY2(rs::test::writePcap(path, 192, frames, &error), error.c_str());
    const auto fields = sharedFieldNames(frames, 192);
    QVERIFY(fields.size() > 20);
    const std::string mismatch =
        compareWithTshark(path, 192, fields, {QStringLiteral("-o"), QStringLiteral("wlan.check_checksum:TRUE")});
    QVERIFY2(mismatch.empty(), mismatch.c_str());
  }
};

QTEST_GUILESS_MAIN(TestRadiotapTshark)
#include "tst_radiotap_tshark.moc"
