// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #4 acceptance 4 in the emulator: each fault injected into the seed-000
// roam (methods.wlan.seed000_fault) makes the exchange fail at the message the
// protocol names (docs/protocols/seed-000.md section 4), with the matching
// trace event at the node that checks that message, and nothing is installed.
#include <QtTest>

#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/scenario.h"
#include "core/sim/trace.h"

using namespace rs;

namespace {

struct FaultRun {
  std::vector<roam::HandoffRecord> records;
  std::vector<sim::TraceEvent> trace;
  std::vector<std::string> nodeNames;
  std::string error;
};

FaultRun runWithFault(const std::string& fault) {
  FaultRun out;
  auto loaded = sim::loadScenario(std::string(ROAMSCOPE_SOURCE_DIR) + "/resources/scenarios/wlan-psk-seed000.json");
  if (auto* e = std::get_if<sim::ConfigError>(&loaded)) {
    out.error = e->message();
    return out;
  }
  auto scenario = std::get<sim::Scenario>(std::move(loaded));
  scenario.methods["wlan"]["seed000_fault"] = fault;
  scenario.duration = sim::seconds(9);  // the join and the first roam (at about 7.3 s)
  auto created = wlan::WlanNetwork::create(scenario);
  if (auto* e = std::get_if<std::string>(&created)) {
    out.error = *e;
    return out;
  }
  auto& network = *std::get<std::unique_ptr<wlan::WlanNetwork>>(created);
  sim::MemoryTraceSink trace;
  network.simulation().addTraceSink(&trace);
  network.run();
  out.records = network.truth().records();
  out.trace = std::move(trace.events);
  for (const auto& n : network.simulation().topology().nodes()) out.nodeNames.push_back(n.name);
  return out;
}

// The first error event, as "node: text".
std::string firstError(const FaultRun& r) {
  for (const auto& e : r.trace)
    if (e.kind == sim::TraceKind::Error) return r.nodeNames.at(e.node) + ": " + e.text;
  return {};
}

bool traced(const FaultRun& r, std::string_view text) {
  return std::any_of(r.trace.begin(), r.trace.end(), [&](const sim::TraceEvent& e) { return e.text.find(text) != std::string::npos; });
}

}  // namespace

class TestWlanSeed000Faults : public QObject {
  Q_OBJECT
 private slots:
  void noFaultNoError() {
    const FaultRun r = runWithFault("none");
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(QString::fromStdString(firstError(r)), QString());
    QCOMPARE(r.records.size(), std::size_t{2});
    QVERIFY(r.records[1].success);
    QVERIFY(traced(r, "ap2: Group Key Confirm verified"));
  }

  void faultFailsAtItsMessage_data() {
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("error");  // the first error event, "node: text" prefix
    QTest::addColumn<bool>("roamFails");  // the station's attempt ends without message 2
    QTest::newRow("wrong PMK: handshake message 2")
        << "wrong-pmk" << "ap2: ap2: MIC of message 2 from 02:00:00:00:01:00 does not verify" << false;
    QTest::newRow("unknown PTKID: message 1")
        << "bad-ptkid" << "ap2: ap2: seed-000 Authenticate PTK request from 02:00:00:00:01:00 rejected: unknown PTKID"
        << true;
    QTest::newRow("MIC: message 1") << "bad-mic-1"
                                    << "ap2: ap2: seed-000 Authenticate PTK request from 02:00:00:00:01:00 rejected: "
                                       "MIC failure"
                                    << true;
    QTest::newRow("MIC: message 2") << "bad-mic-2" << "sta: sta: seed-000 Authenticate PTK response rejected: MIC failure"
                                    << true;
    QTest::newRow("MIC: message 3")
        << "bad-mic-3" << "ap2: ap2: seed-000 Group Key Confirm from 02:00:00:00:01:00 rejected: MIC failure" << false;
    QTest::newRow("replayed SRandom: message 1")
        << "replay-srandom"
        << "ap2: ap2: seed-000 Authenticate PTK request from 02:00:00:00:01:00 rejected: replayed SRandom" << false;
    QTest::newRow("stale SRandom: message 2")
        << "stale-srandom" << "sta: sta: seed-000 Authenticate PTK response rejected: SRandom not the one sent" << true;
    QTest::newRow("stale ARandom: message 3")
        << "stale-arandom" << "ap2: ap2: seed-000 Group Key Confirm from 02:00:00:00:01:00 rejected: ARandom not the one sent"
        << false;
  }
  void faultFailsAtItsMessage() {
    QFETCH(QString, fault);
    QFETCH(QString, error);
    QFETCH(bool, roamFails);
    const FaultRun r = runWithFault(fault.toStdString());
    QVERIFY2(r.error.empty(), r.error.c_str());
    QVERIFY2(QString::fromStdString(firstError(r)).startsWith(error), firstError(r).c_str());
    if (roamFails) {
      QVERIFY(r.records.size() >= 2);
      QVERIFY(!r.records[1].success);
      QCOMPARE(QString::fromStdString(r.records[1].failure->stage), QString("seed-000 Authenticate PTK request"));
    }
    if (fault == "wrong-pmk") {
      // The PTK never came about: the station stays with ap1 and never authenticates with ap2.
      QVERIFY(!traced(r, "ap2 got Authentication"));
    }
    if (fault == "bad-mic-3" || fault == "stale-arandom") {
      // The AP installs nothing for a Group Key Confirm that fails its checks.
      QVERIFY(!traced(r, "ap2: Group Key Confirm verified"));
    }
    if (fault == "replay-srandom") {
      // The genuine exchange completes; only the replayed copy of message 1 is refused.
      QVERIFY(traced(r, "ap2: Group Key Confirm verified"));
      QVERIFY(r.records[1].success);
    }
  }

  void unknownFaultNamesTheChoices() {
    const FaultRun r = runWithFault("gamma-rays");
    QVERIFY(r.error.find("/methods/wlan/seed000_fault") != std::string::npos);
    QVERIFY(r.error.find("bad-mic-2") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestWlanSeed000Faults)
#include "tst_wlan_seed000_faults.moc"
