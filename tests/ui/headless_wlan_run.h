// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The reference the GUI's stepping is compared with: the same preset run
// headless (WlanNetwork on its own, no controller), keeping every frame with
// its protocol as the packet list shows it, every trace event, and for each
// the scheduler's event count while it was produced (the event that made it).
// Only one WlanNetwork may exist at a time: call it while no controller holds
// a loaded run.
#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/capture_hub.h"
#include "core/sim/scenario.h"
#include "core/sim/trace.h"
#include "core/protocols/wlan/key_log.h"
#include "dissectors/dispatch.h"
#include "ui/app/run_decryption.h"

namespace rs::test {

struct HeadlessFrame {
  sim::SimTime time = 0;
  std::uint64_t event = 0;  // scheduler().executed() while it was recorded: the event that recorded it
  std::string protocol;     // dissectFrame(...).protocol, decrypted with the keys installed when it was recorded
  Bytes bytes;
};

struct HeadlessTrace {
  sim::TraceEvent event;
  std::uint64_t eventCount = 0;  // as HeadlessFrame::event
};

struct HeadlessRun {
  std::vector<HeadlessFrame> frames;
  std::vector<HeadlessTrace> trace;
  std::vector<sim::SimTime> eventTimes;  // time of event 1, 2, ... (index 0 is event 1)
  std::vector<sim::NodeId> eventNodes;
  sim::Topology topology;
  std::vector<roam::HandoffRecord> records;
};

// Runs `path` to `duration`, event by event; empty frames on a scenario that does not load.
inline HeadlessRun runHeadless(const QString& path, sim::SimTime duration) {
  HeadlessRun out;
  auto loaded = sim::loadScenario(path.toStdString());
  if (!std::holds_alternative<sim::Scenario>(loaded)) return out;
  auto scenario = std::get<sim::Scenario>(std::move(loaded));
  scenario.duration = duration;
  auto created = wlan::WlanNetwork::create(scenario);
  if (!std::holds_alternative<std::unique_ptr<wlan::WlanNetwork>>(created)) return out;
  auto& network = *std::get<std::unique_ptr<wlan::WlanNetwork>>(created);
  sim::Scheduler& scheduler = network.simulation().scheduler();

  // The packet list shows protected frames decrypted with the keys the APs have installed by then; the
  // reference does the same through the GUI's own RunDecryption over its own store.
  struct Frames : sim::FrameSink {
    HeadlessRun& run;
    sim::Scheduler& scheduler;
    const wlan::KeyLog& keys;
    sim::MemoryFrameSink store;
    ui::RunDecryption decryption;
    Frames(HeadlessRun& r, sim::Scheduler& s, const wlan::KeyLog& k) : run(r), scheduler(s), keys(k) {}
    void declare(const sim::CapturePoint&) override {}
    void record(const sim::CapturedFrame& f) override {
      store.record(f);
      Dissection d = dissectFrame(static_cast<std::uint32_t>(f.linkType), f.bytes);
      decryption.annotate(store, &keys, store.frames.size() - 1, d);
      run.frames.push_back(HeadlessFrame{f.time, scheduler.executed(), d.protocol, Bytes(f.bytes.begin(), f.bytes.end())});
    }
  } frames(out, scheduler, network.keys());
  struct Trace : sim::TraceSink {
    HeadlessRun& run;
    sim::Scheduler& scheduler;
    Trace(HeadlessRun& r, sim::Scheduler& s) : run(r), scheduler(s) {}
    void onTrace(const sim::TraceEvent& e) override { run.trace.push_back(HeadlessTrace{e, scheduler.executed()}); }
  } trace(out, scheduler);
  network.simulation().setFrameSink(&frames);
  network.simulation().addTraceSink(&trace);
  network.start();
  while (auto next = scheduler.peek()) {
    if (next->time > network.duration()) break;
    out.eventTimes.push_back(next->time);
    out.eventNodes.push_back(next->descriptor.node);
    scheduler.step();
  }
  network.run();  // closes the ground truth as the controller's end of run does
  network.simulation().setFrameSink(nullptr);
  out.topology = network.simulation().topology();
  out.records = network.truth().records();
  return out;
}

}  // namespace rs::test
