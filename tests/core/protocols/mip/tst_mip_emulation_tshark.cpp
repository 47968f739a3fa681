// SPDX-License-Identifier: GPL-3.0-or-later
// The emulated Mobile IP capture judged by tshark (issue #6 acceptance 4): the
// pcapng that `simulate --pcap` writes for the replay preset (initial
// dynamic-key registration through the AAA server, re-keys, a co-located care-of
// address, replayed requests refused with 133, de-registration) and for the
// RFC 3012 preset (challenges in advertisements, MN-FA Challenge and MN-AAA
// extensions, the foreign agents' CHAP Access-Requests, their 104/105/106/67
// denials) has no malformed frame and no expert warning, every RADIUS reply's
// authenticator verifies with the scenario's shared secret (and none with
// another), and every Mobile IP, ICMP agent-discovery and RADIUS field RoamScope
// shows equals tshark's.
#include <QtTest>

#include <map>

#include "capture/sim/pcapng_frame_sink.h"
#include "core/protocols/mip/mip_network.h"
#include "core/protocols/wlan/ds_frames.h"
#include "dissectors/dispatch.h"
#include "dissectors/radius/radius.h"
#include "tests/core/protocols/mip/mip_test_scenarios.h"
#include "tests/support/field_compare.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {
constexpr char kSecret[] = "roamscope-aaa-secret";  // methods.mip.aaa_secret of the presets
}

// One preset's emulated capture: on disk for tshark, in memory for RoamScope.
struct EmulatedCapture {
  std::string pcap;
  std::vector<Bytes> frames;
  std::size_t accessRequests = 0;  // RADIUS Access-Requests in it (HAs' and FAs')
};

class TestMipEmulationTshark : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::map<QString, EmulatedCapture> captures_;
  std::string pcap_;
  std::vector<Bytes> frames_;
  std::size_t accessRequests_ = 0;

  void presetRows() {
    QTest::addColumn<QString>("preset");
    for (const auto& [name, capture] : captures_) QTest::newRow(qPrintable(name)) << name;
  }
  // Points pcap_, frames_ and accessRequests_ at the row's capture.
  void select() {
    QFETCH(QString, preset);
    const EmulatedCapture& c = captures_.at(preset);
    pcap_ = c.pcap;
    frames_ = c.frames;
    accessRequests_ = c.accessRequests;
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    for (const char* preset : {"mip-replay", "mip-fa-challenge"}) {
      EmulatedCapture c;
      c.pcap = dir_.filePath(QString(preset) + ".pcapng").toStdString();
      auto run = test::makeMipRun(std::string(preset) + ".json");
      QVERIFY2(run.error.empty(), run.error.c_str());
      auto sink = PcapngFrameSink::create(c.pcap, "tst_mip_emulation_tshark");
      QVERIFY(std::holds_alternative<std::unique_ptr<PcapngFrameSink>>(sink));
      auto& writer = *std::get<std::unique_ptr<PcapngFrameSink>>(sink);
      run.network->simulation().setFrameSink(&writer);
      run.network->run();
      QVERIFY(writer.close());
      // The same run again into memory, for RoamScope's own dissection (runs are deterministic).
      auto again = test::makeMipRun(std::string(preset) + ".json");
      again.network->run();
      c.frames = again.capture->frames;
      QCOMPARE(static_cast<std::uint64_t>(c.frames.size()), writer.framesWritten());
      c.accessRequests = accessRequestsIn(c.frames);
      QVERIFY(c.accessRequests >= 1);
      captures_[preset] = std::move(c);
    }
  }

  void noMalformedFrameAndAuthenticatorsVerify_data() { presetRows(); }
  void noMalformedFrameAndAuthenticatorsVerify() {
    select();
    QString error;
    auto check = [&](const QString& secret) {
      return test::runTsharkFields(
          pcap_, {"_ws.malformed", "_ws.expert.severity", "radius.code", "radius.authenticator.valid",
                  "radius.authenticator.invalid", "mip.type"},
          {"-o", "radius.shared_secret:" + secret, "-o", "radius.validate_authenticator:TRUE"}, error);
    };
    const auto good = check(kSecret);
    QVERIFY2(good, qPrintable(error));
    QCOMPARE(good->rows.size(), frames_.size());
    std::size_t malformed = 0, warnings = 0, replies = 0, valid = 0, invalid = 0, mip = 0;
    for (const auto& row : good->rows) {
      malformed += !row[0].empty();
      // Severity as tshark numbers it: 0x00400000 warn, 0x00800000 error; notes and chats are fine.
      for (const auto& s : test::TsharkTable{{}, {row}}.values(0, 1))
        if (!s.empty() && std::stoul(s, nullptr, 0) >= 0x00400000) ++warnings;
      if (row[2] == "2" || row[2] == "3") ++replies;
      valid += row[3] == "1";
      invalid += row[4] == "1";
      mip += !row[5].empty();
    }
    QCOMPARE(malformed, std::size_t{0});
    QCOMPARE(warnings, std::size_t{0});
    QCOMPARE(replies, accessRequests_);
    QCOMPARE(valid, replies);
    QCOMPARE(invalid, std::size_t{0});
    QCOMPARE(mip, udpFramesOnPort434());
    const auto bad = check("not-the-secret");
    QVERIFY2(bad, qPrintable(error));
    std::size_t badValid = 0;
    for (const auto& row : bad->rows) badValid += row[3] == "1";
    QCOMPARE(badValid, std::size_t{0});
  }

  void everyFieldEqualsTshark_data() { presetRows(); }
  void everyFieldEqualsTshark() {
    select();
    QFETCH(QString, preset);
    std::vector<std::string> ours;
    // The IP and UDP layers are the distribution system's (checked by the WLAN suites); ip.checksum.status differs
    // only because tshark leaves IP checksums unverified by default.
    for (const auto& f : frames_) test::collectFieldNames(dissectFrame(1, f), {"mip", "icmp", "radius"}, ours);
    std::vector<std::string> fields;
    for (const auto& name : ours)
      if (test::tsharkFieldNames().count(name)) fields.push_back(name);
    for (const char* required : {"mip.type", "mip.code", "mip.coa", "mip.ident", "mip.auth.spi", "mip.nai",
                                 "mip.ext.cvse.vendor_type", "icmp.mip.flags", "radius.code", "radius.User_Name"})
      QVERIFY2(std::find(fields.begin(), fields.end(), required) != fields.end(), required);
    if (preset == QLatin1String("mip-fa-challenge"))
      for (const char* required : {"icmp.mip.challenge", "mip.ext.auth.subtype", "radius.CHAP_Password",
                                   "radius.CHAP_Ident", "radius.CHAP_String", "radius.CHAP_Challenge"})
        QVERIFY2(std::find(fields.begin(), fields.end(), required) != fields.end(), required);
    fields.push_back("_ws.col.Protocol");
    fields.push_back("_ws.col.Info");
    const auto result = test::compareSelectedWithTshark(
        pcap_, fields, {}, [](const CaptureFrame& f) -> std::optional<Dissection> { return dissectFrame(f.linkType, f.data); },
        [](const std::vector<std::string>&, const Dissection&) { return true; },
        [](const std::vector<std::string>&) { return true; });
    if (!result.error.empty()) QFAIL(result.error.c_str());
    if (!result.mismatches.empty()) qWarning("%s", test::describe(result).c_str());
    QCOMPARE(result.mismatches.size(), std::size_t{0});
    QCOMPARE(result.frames, frames_.size());
  }

  // With the domain controller each RADIUS hop verifies under its own secret: the HA's under aaa_secret,
  // the domain controller's under dc_secret, and neither under the other.
  void proxiedRadiusVerifiesPerHop() {
    const std::string pcap = dir_.filePath("mip-dc.pcapng").toStdString();
    auto run = test::makeMipRun("mip-domain-controller.json", [](nlohmann::json& j) { j["duration_s"] = 10; });
    QVERIFY2(run.error.empty(), run.error.c_str());
    auto sink = PcapngFrameSink::create(pcap, "tst_mip_emulation_tshark");
    auto& writer = *std::get<std::unique_ptr<PcapngFrameSink>>(sink);
    run.network->simulation().setFrameSink(&writer);
    run.network->run();
    QVERIFY(writer.close());
    auto validBySource = [&](const QString& secret) {
      QString error;
      const auto t = test::runTsharkFields(pcap, {"ip.src", "radius.authenticator.valid", "_ws.malformed"},
                                           {"-o", "radius.shared_secret:" + secret, "-o",
                                            "radius.validate_authenticator:TRUE", "-Y", "radius.code == 2"},
                                           error);
      std::map<std::string, int> valid;
      if (!t) return valid;
      for (const auto& row : t->rows) valid[row[0]] += row[1] == "1" && row[2].empty();
      return valid;
    };
    const auto ha = validBySource(kSecret), dc = validBySource("roamscope-dc-secret");
    QCOMPARE(ha.at("10.0.0.10"), 1);  // the AAA server's Access-Accept to the HA
    QCOMPARE(ha.at("10.0.0.11"), 0);
    QCOMPARE(dc.at("10.0.0.11"), 1);  // the domain controller's to the AAA server
    QCOMPARE(dc.at("10.0.0.10"), 0);
  }

 private:
  std::size_t udpFramesOnPort434() const {
    std::size_t n = 0;
    for (const Bytes& f : frames_)
      if (auto udp = wlan::parseUdpFrame(f); udp && (udp->to.port == 434 || udp->from.port == 434)) ++n;
    return n;
  }
  static std::size_t accessRequestsIn(const std::vector<Bytes>& frames) {
    std::size_t n = 0;
    for (const Bytes& f : frames)
      if (auto udp = wlan::parseUdpFrame(f); udp && udp->to.port == radius::kAuthPort)
        if (auto p = radius::parsePacket(udp->payload); p && p->code == radius::code::kAccessRequest) ++n;
    return n;
  }
};

QTEST_GUILESS_MAIN(TestMipEmulationTshark)
#include "tst_mip_emulation_tshark.moc"
