// SPDX-License-Identifier: GPL-3.0-or-later
// The capture analysis of Mobile IP registrations against the emulator's
// ground truth: each preset's emulated capture, fed frame by frame in capture
// order, must give back the same records (everything a capture can show:
// not the attach, the advertisement or the reply's arrival, nor why the MN
// gave up), and broken frames and messages must never crash it.
#include <QtTest>

#include <fmt/format.h>

#include "core/analysis/mip/registration_analyzer.h"
#include "core/sim/node.h"
#include "dissectors/mip/mip_build.h"
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

std::vector<RegistrationRecord> analyze(const test::MemoryFrameSink& capture) {
  mipreg::RegistrationAnalyzer analyzer;
  for (std::size_t i = 0; i < capture.frames.size(); ++i) {
    FrameView f;
    f.index = i;
    f.timestampNs = capture.times[i];
    f.linkType = static_cast<std::uint32_t>(capture.linkTypes[i]);
    f.capturePoint = capture.points[i];
    f.data = capture.frames[i];
    analyzer.observe(f);
  }
  analyzer.finish();
  return analyzer.records();
}

}  // namespace

class TestMipAnalysis : public QObject {
  Q_OBJECT

 private slots:
  void matchesGroundTruth_data() {
    QTest::addColumn<QString>("preset");
    for (const char* p : {"mip-dynamic.json", "mip-static.json", "mip-ha-failover.json", "mip-replay.json"})
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
};

QTEST_GUILESS_MAIN(TestMipAnalysis)
#include "tst_mip_analysis.moc"
