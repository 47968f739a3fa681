// SPDX-License-Identifier: GPL-3.0-or-later
// Mobile IP frames made by the builders (the seed-001 exchange, the standard
// extensions, agent discovery) against tshark 4.0: no malformed packet or
// expert item in any frame, and every mip.* and icmp.* field RoamScope shows
// equal to tshark's, field by field, with the Protocol and Info columns;
// also on a non-standard port through Decode As; with
// resources/wireshark/roamscope-seed001.lua, tshark's roamscope.mip.* fields
// equal RoamScope's.
#include <QTemporaryDir>
#include <QTest>

#include <set>
#include <string>
#include <vector>

#include "dissectors/dispatch.h"
#include "dissectors/inet/udp.h"
#include "dissectors/mip/agent_advertisement.h"
#include "tests/dissectors/mip/mip_exchange.h"
#include "tests/support/capture_frames.h"
#include "tests/support/field_compare.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {

const QString kLuaScript = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/wireshark/roamscope-seed001.lua");

// Every field the exchange's trees hold in the layers compared, that tshark knows
// (roamscope.* additions are RoamScope's own), plus the columns. UDP and IP
// are the inet suite's (tshark leaves UDP checksums unverified by default).
std::vector<std::string> comparedFields(const std::vector<Bytes>& frames) {
  std::vector<std::string> ours;
  for (const auto& f : frames) test::collectFieldNames(dissectFrame(1, f), {"mip", "icmp"}, ours);
  std::vector<std::string> fields;
  for (const auto& name : ours)
    if (test::tsharkFieldNames().count(name)) fields.push_back(name);
  fields.push_back("_ws.col.Protocol");
  fields.push_back("_ws.col.Info");
  return fields;
}

void expectNoMismatch(const test::ComparisonResult& result, std::size_t frames) {
  if (!result.error.empty()) QFAIL(result.error.c_str());
  qInfo("%zu frames, %zu field values compared", result.frames, result.comparedValues);
  if (!result.mismatches.empty()) qWarning("%s", test::describe(result, result.mismatches.size()).c_str());
  QCOMPARE(result.mismatches.size(), std::size_t{0});
  QCOMPARE(result.frames, frames);
}

test::ComparisonResult compare(const std::string& path, const std::vector<std::string>& fields,
                               const QStringList& args) {
  return test::compareSelectedWithTshark(
      path, fields, args, [](const CaptureFrame& f) -> std::optional<Dissection> { return dissectFrame(1, f.data); },
      [](const std::vector<std::string>&, const Dissection&) { return true; },
      [](const std::vector<std::string>&) { return true; });
}

}  // namespace

class TestMipTshark : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::string pcap_;
  test::MipExchange exchange_;

 private slots:
  void initTestCase() {
    RS_REQUIRE_TSHARK();
    QVERIFY(dir_.isValid());
    exchange_ = test::makeMipExchange();
    pcap_ = dir_.filePath("mip.pcap").toStdString();
    if (qEnvironmentVariableIsSet("RS_KEEP_BUILT")) dir_.setAutoRemove(false), qInfo("%s", pcap_.c_str());
    std::string error;
    QVERIFY2(test::writePcap(pcap_, 1, exchange_.frames, &error), error.c_str());
  }
  void cleanupTestCase() { inet::clearUdpDecodeAs(); }

  void noMalformedOrExpertItem() {
    QString error;
    const auto table = test::runTsharkFields(pcap_, {"frame.protocols", "_ws.malformed", "_ws.expert"}, {}, error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), exchange_.frames.size());
    std::size_t mip = 0;
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
      const auto& row = table->rows[i];
      QVERIFY2(row[1].empty() && row[2].empty(), qPrintable(QString("frame %1: malformed '%2' expert '%3'")
                                                                .arg(i + 1)
                                                                .arg(QString::fromStdString(row[1]))
                                                                .arg(QString::fromStdString(row[2]))));
      const Dissection d = dissectFrame(1, exchange_.frames[i]);
      QVERIFY2(!d.malformed, d.malformedReason.c_str());
      // The same layers as tshark's frame.protocols ("eth:ethertype:ip:udp:mip"; tshark adds "ethertype").
      std::string theirs = row[0];
      if (const auto at = theirs.find(":ethertype"); at != std::string::npos) theirs.erase(at, 10);
      QCOMPARE(d.protocols(), theirs);
      if (theirs.ends_with(":mip")) ++mip;
    }
    QCOMPARE(mip, exchange_.frames.size() - 2);  // all but the two ICMP frames
  }

  void everyFieldEqualsTshark() {
    const auto fields = comparedFields(exchange_.frames);
    // The list is derived from RoamScope's trees: make sure it covers what the suite is about.
    for (const char* required :
         {"mip.type", "mip.flags", "mip.s", "mip.d", "mip.code", "mip.life", "mip.homeaddr", "mip.haaddr", "mip.coa",
          "mip.ident", "mip.ext.type", "mip.ext.len", "mip.auth.spi", "mip.auth.auth", "mip.nai",
          "mip.ext.auth.subtype", "mip.ext.cvse.reserved", "mip.ext.cvse.vendor_id", "mip.ext.cvse.vendor_type",
          "mip.ext.cvse.vendor_value", "mip.ext.nvse.reserved", "mip.ext.nvse.vendor_id",
          "mip.ext.nvse.vendor_type", "mip.ext.nvse.vendor_value", "mip.extension", "icmp.num_addrs",
          "icmp.router_address", "icmp.pref_level", "icmp.mip.type", "icmp.mip.flags", "icmp.mip.h",
          "icmp.mip.reserved", "icmp.mip.prefixlength"})
      QVERIFY2(std::find(fields.begin(), fields.end(), required) != fields.end(), required);
    expectNoMismatch(compare(pcap_, fields, {}), exchange_.frames.size());
  }

  void luaScriptMatchesRoamScope() {
    std::vector<std::string> ours;
    for (const auto& f : exchange_.frames) test::collectFieldNames(dissectFrame(1, f), {"mip"}, ours);
    std::vector<std::string> fields;
    for (const auto& name : ours)
      if (name.starts_with("roamscope.mip.")) fields.push_back(name);
    QCOMPARE(fields.size(), std::size_t{15});  // every seed-001 field the exchange carries
    fields.push_back("_ws.expert");
    expectNoMismatch(compare(pcap_, fields, {"-X", "lua_script:" + kLuaScript}), exchange_.frames.size());
  }

  // Router advertisements without agent extensions, with code 16, several
  // care-of addresses and routers, the U/X flags, prefix lengths and a padding octet.
  void agentAdvertisementVariants() {
    using namespace rs::mip;
    const std::uint32_t ha = 0x0a010001, allSystems = 0xe0000001;
    MobilityAgentAdvertisement a;
    a.sequence = 65535;
    a.registrationLifetime = 0xffff;
    a.flags = adv_flag::kForeignAgent | adv_flag::kBusy | adv_flag::kVanJacobson | adv_flag::kUdpTunnel |
              adv_flag::kRevocation | adv_flag::kMinimalEncapsulation | adv_flag::kGre;
    a.careOfAddresses = {0xc0000201, 0xc0000202, 0xc0000203};
    Bytes exts = buildMobilityAgentExtension(a);
    exts.push_back(adv_ext::kPadding);
    const Bytes prefixes = *buildPrefixLengthsExtension({24, 16, 8});
    exts.insert(exts.end(), prefixes.begin(), prefixes.end());
    const std::vector<Bytes> frames = {
        test::onIcmp(ha, allSystems, buildAgentAdvertisement(0, 600, {{ha, 0}}, {})),
        test::onIcmp(ha, allSystems, buildAgentAdvertisement(16, 9000, {}, buildMobilityAgentExtension(a))),
        test::onIcmp(ha, allSystems, buildAgentAdvertisement(0, 1800, {{ha, -1}, {0x0a010002, 100}}, exts)),
    };
    const std::string path = dir_.filePath("adv.pcap").toStdString();
    std::string error;
    QVERIFY2(test::writePcap(path, 1, frames, &error), error.c_str());
    auto fields = comparedFields(frames);
    fields.push_back("_ws.malformed");
    fields.push_back("_ws.expert");
    expectNoMismatch(compare(path, fields, {}), frames.size());
  }

  void decodeAsOnAnotherPort() {
    // The initial request moved to UDP 10434, decoded as Mobile IP on both sides.
    const Bytes& message = exchange_.messages[exchange_.initialRequest];
    const std::vector<Bytes> frames = {test::onUdp(exchange_.careOfAddress, exchange_.homeAgent, 50000, 10434, message)};
    const std::string path = dir_.filePath("decode-as.pcap").toStdString();
    std::string error;
    QVERIFY2(test::writePcap(path, 1, frames, &error), error.c_str());
    QVERIFY(inet::registerUdpDecodeAs(10434, "mip"));
    const Dissection d = dissectFrame(1, frames[0]);
    QVERIFY(d.layer("mip") != nullptr);
    expectNoMismatch(compare(path, comparedFields(frames), {"-d", "udp.port==10434,mip"}), 1);
    inet::clearUdpDecodeAs();
    QVERIFY(dissectFrame(1, frames[0]).layer("mip") == nullptr);
  }
};

QTEST_GUILESS_MAIN(TestMipTshark)
#include "tst_mip_tshark.moc"
