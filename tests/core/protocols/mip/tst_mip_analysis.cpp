// SPDX-License-Identifier: GPL-3.0-or-later
// The capture analysis of Mobile IP registrations against the emulator's
// ground truth: each preset's emulated capture, fed frame by frame in capture
// order, must give back the same records (everything a capture can show:
// not the attach, the advertisement or the reply's arrival, nor why the MN
// gave up), and broken frames and messages must never crash it.
#include <QtTest>

#include <fmt/format.h>

#include "core/analysis/mip/registration_analyzer.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/sim/node.h"
#include "dissectors/mip/mip.h"
#include "tests/core/protocols/mip/mip_test_scenarios.h"

using namespace rs;
using mipreg::Figure;
using mipreg::RegistrationRecord;
using mipreg::Step;

namespace {

// Every field a capture can show, one line per record, so a failure says which differs.
std::string describe(const RegistrationRecord& r) {
  std::string s = fmt::format(
      "{} home {} ha {} coa {} fa {} {}/{} id {:#x} life {} {} code {} retx {} start {}", r.nai,
      sim::formatIpv4Address(r.homeAddress), sim::formatIpv4Address(r.homeAgent),
      sim::formatIpv4Address(r.careOfAddress), r.foreignAgent ? sim::formatIpv4Address(*r.foreignAgent) : "-",
      mipreg::triggerName(r.trigger), mipreg::authName(r.auth), r.identification, r.lifetime,
      r.success ? "ok" : "failed", r.code ? std::to_string(*r.code) : "-", r.retransmissions, r.startNs);
  // A successful registration ends with the reply on the MN's link; a failure's end is when the MN gave up,
  // which no capture shows.
  if (r.success) s += fmt::format(" end {}", r.endNs);
  for (const auto& [step, at] : r.steps)
    if (step != Step::Attach && step != Step::ReplyReceived)
      s += fmt::format(" {}={}", mipreg::stepName(step), at);
  for (const auto& [figure, ns] : r.latencyNs)
    if (figure != Figure::MovementToRegistered) s += fmt::format(" {}:{}", mipreg::figureName(figure), ns);
  return s;
}

std::string describe(const std::vector<RegistrationRecord>& records) {
  std::string s;
  for (const auto& r : records) s += describe(r) + "\n";
  return s;
}

constexpr std::size_t kEthernetHeader = 14;

// The capture as it was recorded, or with every Ethernet header cut off as a raw-IP capture (LINKTYPE_RAW) shows it.
std::vector<RegistrationRecord> analyze(const test::MemoryFrameSink& capture, bool asRawIp = false) {
  mipreg::RegistrationAnalyzer analyzer;
  for (std::size_t i = 0; i < capture.frames.size(); ++i) {
    FrameView f;
    f.index = i;
    f.timestampNs = capture.times[i];
    f.linkType = static_cast<std::uint32_t>(capture.linkTypes[i]);
    f.capturePoint = capture.points[i];
    f.data = capture.frames[i];
    if (asRawIp) {
      if (capture.linkTypes[i] != LinkType::Ethernet || f.data.size() < kEthernetHeader) continue;
      f.linkType = static_cast<std::uint32_t>(LinkType::Raw);
      f.data = f.data.subspan(kEthernetHeader);
    }
    analyzer.observe(f);
  }
  analyzer.finish();
  return analyzer.records();
}

FrameView frameOf(ByteView data, std::int64_t at, LinkType linkType = LinkType::Ethernet) {
  FrameView f;
  f.timestampNs = at;
  f.linkType = static_cast<std::uint32_t>(linkType);
  f.data = data;
  return f;
}

// The UDP payload of an emulated Ethernet/IPv4 frame on port 434 (the emulator writes no IP options).
std::optional<ByteView> mipPayload(const Bytes& frame) {
  const auto udp = wlan::parseUdpFrame(frame);
  if (!udp || (udp->from.port != mip::kUdpPort && udp->to.port != mip::kUdpPort)) return std::nullopt;
  return udp->payload;
}

}  // namespace

class TestMipAnalysis : public QObject {
  Q_OBJECT

 private slots:
  void matchesGroundTruth_data() {
    QTest::addColumn<QString>("preset");
    for (const char* p : {"mip-dynamic.json", "mip-static.json", "mip-ha-failover.json", "mip-replay.json",
                          "mip-fa-challenge.json"})
      QTest::newRow(p) << QString(p);
  }
  void matchesGroundTruth() {
    QFETCH(QString, preset);
    auto run = test::makeMipRun(preset.toStdString());
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& truth = run.network->truth().records();
    QVERIFY(!truth.empty());
    // The ground truth is in the order the requests were first sent, as the analysis sorts its records.
    const std::string expected = describe(truth);
    const std::string analyzed = describe(analyze(*run.capture));
    if (qEnvironmentVariableIsSet("MIP_ANALYSIS_SHOW") || analyzed != expected) qWarning("ground truth:\n%s\nanalyzed:\n%s", expected.c_str(), analyzed.c_str());
    QCOMPARE(analyzed, expected);
  }

  // Another link type carries the same datagrams: the records do not change.
  void rawIpCaptureGivesTheSameRecords() {
    auto run = test::makeMipRun("mip-dynamic.json");
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    QCOMPARE(describe(analyze(*run.capture, true)), describe(analyze(*run.capture)));
  }

  // Every truncation of every Mobile IP frame, garbage, and requests/replies whose extensions run past their end,
  // mixed into a real run: nothing crashes, and the run's own registrations are still found.
  void brokenFramesNeverCrash() {
    auto run = test::makeMipRun("mip-replay.json");
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& capture = *run.capture;
    mipreg::RegistrationAnalyzer analyzer;
    const Bytes garbage{0xff, 0x00, 0x08, 0x00, 0x45, 0x00, 0x00, 0x1c, 0xde, 0xad};
    int broken = 0;
    for (std::size_t i = 0; i < capture.frames.size(); ++i) {
      const Bytes& frame = capture.frames[i];
      const std::int64_t at = capture.times[i];
      if (const auto payload = mipPayload(frame)) {
        for (std::size_t n = 0; n < frame.size(); n += 3, ++broken)
          analyzer.observe(frameOf(ByteView(frame).first(n), at));
        for (LinkType lt : {LinkType::Raw, LinkType::LinuxSll, LinkType::Ieee80211, LinkType::Radiotap})
          analyzer.observe(frameOf(frame, at, lt)), ++broken;
        // The same message with its first extension claiming 255 octets, and cut after every header field,
        // in valid UDP/IPv4 frames so the message parser sees them.
        const auto udp = wlan::parseUdpFrame(frame);
        Bytes message = toBytes(*payload);
        for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4}, std::size_t{19}, std::size_t{23}}) {
          const Bytes cut = message.size() > n ? Bytes(message.begin(), message.begin() + n) : message;
          const Bytes f = wlan::buildUdpFrame(udp->from, udp->to, 1, cut);
          analyzer.observe(frameOf(f, at)), ++broken;
        }
        const std::size_t header = message[0] == mip::msg::kRegistrationRequest ? mip::kRequestHeaderLength
                                                                                 : mip::kReplyHeaderLength;
        if (message.size() > header + 1) {
          message[header + 1] = 0xff;
          const Bytes f = wlan::buildUdpFrame(udp->from, udp->to, 1, message);
          analyzer.observe(frameOf(f, at)), ++broken;
        }
      }
      analyzer.observe(frameOf(garbage, at)), ++broken;
      analyzer.observe(frameOf(ByteView{}, at)), ++broken;
      FrameView whole = frameOf(frame, at);
      whole.capturePoint = capture.points[i];
      analyzer.observe(whole);
    }
    analyzer.finish();
    QVERIFY(broken > 1000);
    // The genuine frames still make the run's records (the broken copies may add incomplete ones of their own).
    std::size_t found = 0;
    for (const auto& r : analyzer.records()) found += r.success;
    std::size_t expected = 0;
    for (const auto& r : run.network->truth().records()) expected += r.success;
    QCOMPARE(found, expected);
  }
};

QTEST_GUILESS_MAIN(TestMipAnalysis)
#include "tst_mip_analysis.moc"
