// SPDX-License-Identifier: GPL-3.0-or-later
// Seed-000 frames against tshark, the independent oracle: without a plugin
// tshark must see well-formed 802.11 vendor-specific Action frames (no
// malformed/expert item); with resources/wireshark/roamscope-seed000.lua it
// must decode every roamscope.seed000.* field to the value RoamScope shows.
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <vector>

#include "dissectors/common/link_type.h"
#include "dissectors/dispatch.h"
#include "tests/dissectors/seed000/seed000_exchange.h"
#include "tests/support/capture_frames.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {

const QString kLuaScript = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/wireshark/roamscope-seed000.lua");

const std::vector<std::string> kSeedFields = {
    "roamscope.seed000.oui_type", "roamscope.seed000.msg_type", "roamscope.seed000.group_cipher",
    "roamscope.seed000.pairwise_cipher", "roamscope.seed000.akm", "roamscope.seed000.arandom",
    "roamscope.seed000.srandom", "roamscope.seed000.ptkid", "roamscope.seed000.gtkid",
    "roamscope.seed000.gtk_len", "roamscope.seed000.gtk", "roamscope.seed000.mic"};

}  // namespace

class TestSeed000Tshark : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::string pcap_;
  test::Seed000Exchange exchange_;

 private slots:
  void initTestCase() {
    RS_REQUIRE_TSHARK();
    QVERIFY(dir_.isValid());
    exchange_ = test::makeSeed000Exchange();
    pcap_ = dir_.filePath("seed000.pcap").toStdString();
    std::string error;
    QVERIFY2(test::writePcap(pcap_, 127, exchange_.frames, &error), error.c_str());
  }

  void plainTsharkSeesWellFormedVendorActions() {
    QString error;
    const auto table = test::runTsharkFields(
        pcap_, {"wlan.fc.type_subtype", "wlan.fixed.category_code", "wlan.tag.oui", "_ws.malformed", "_ws.expert"}, {},
        error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), exchange_.frames.size());
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
      const auto& row = table->rows[i];
      QCOMPARE(row[0], std::string("0x000d"));
      QCOMPARE(row[1], std::string("127"));
      QCOMPARE(row[2], std::string("152147"));  // 0x025253, printed in decimal as by -T json
      QCOMPARE(row[3], std::string());
      QCOMPARE(row[4], std::string());
      const Dissection d = dissectFrame(127, exchange_.frames[i]);
      QVERIFY(d.find("wlan.tag.oui") != nullptr);
      QCOMPARE(d.find("wlan.tag.oui")->valueString(), row[2]);
    }
  }

  void luaDissectorMatchesRoamScope() {
    QString error;
    const auto table = test::runTsharkFields(pcap_, kSeedFields, {"-X", "lua_script:" + kLuaScript}, error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), exchange_.frames.size());
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
      const Dissection d = dissectFrame(127, exchange_.frames[i]);
      QVERIFY(!d.malformed);
      std::size_t present = 0;
      for (std::size_t k = 0; k < kSeedFields.size(); ++k) {
        const Field* f = d.find(kSeedFields[k]);
        const std::string ours = f ? test::withoutColons(f->valueString()) : std::string();
        const std::string theirs = test::withoutColons(table->rows[i][k]);
        QVERIFY2(ours == theirs, (kSeedFields[k] + ": roamscope '" + ours + "' tshark '" + theirs + "'").c_str());
        if (f) ++present;
      }
      constexpr std::size_t kFieldsPerMessage[] = {8, 12, 4};
      QCOMPARE(present, kFieldsPerMessage[i]);
    }
  }

  // A truncated or inconsistent message is malformed for both, and both keep the
  // fields before the fault.
  void luaDissectorFlagsMalformed_data() {
    QTest::addColumn<int>("frame");
    QTest::addColumn<int>("cutOctets");  // removed from the end
    QTest::addColumn<int>("patchAt");    // body offset to overwrite, -1 = none
    QTest::addColumn<int>("patchValue");
    QTest::newRow("message 1 cut in the MIC") << 0 << 3 << -1 << 0;
    QTest::newRow("message 2 GTKID reserved bits") << 1 << 0 << 98 << 0x04;
    QTest::newRow("message 2 wrapped GTK length 16") << 1 << 0 << 99 << 16;
  }
  void luaDissectorFlagsMalformed() {
    QFETCH(int, frame);
    QFETCH(int, cutOctets);
    QFETCH(int, patchAt);
    QFETCH(int, patchValue);
    Bytes cut = exchange_.frames[static_cast<std::size_t>(frame)];
    cut.resize(cut.size() - static_cast<std::size_t>(cutOctets));
    if (patchAt >= 0)
      cut[exchange_.bodyOffset + static_cast<std::size_t>(patchAt)] = static_cast<std::uint8_t>(patchValue);
    const std::string path = dir_.filePath("seed000-truncated.pcap").toStdString();
    std::string werr;
    QVERIFY2(test::writePcap(path, 127, {cut}, &werr), werr.c_str());
    QString error;
    const auto table =
        test::runTsharkFields(path, {"roamscope.seed000.ptkid", "_ws.expert.group"}, {"-X", "lua_script:" + kLuaScript},
                              error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), std::size_t{1});
    const Dissection d = dissectFrame(127, cut);
    QVERIFY(d.malformed);
    QVERIFY(!table->rows[0][1].empty());  // tshark's expert: Malformed
    const Field* ptkid = d.find("roamscope.seed000.ptkid");
    QVERIFY(ptkid != nullptr);
    QCOMPARE(test::withoutColons(table->rows[0][0]), test::withoutColons(ptkid->valueString()));
  }
};

QTEST_GUILESS_MAIN(TestSeed000Tshark)
#include "tst_seed000_tshark.moc"
