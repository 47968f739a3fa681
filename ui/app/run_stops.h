// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two stops a run can only notice while an event runs, because what they
// wait for is produced inside it: a captured frame of a chosen protocol ("step
// to the next EAPOL message") and a key trace event (a key-event breakpoint).
// Each sits between the network and the controller's store (a frame sink, a
// trace sink) and, once armed, asks the scheduler to stop after the current
// event (Scheduler::requestStop) when it sees its match.
#include <QString>
#include <functional>
#include <optional>
#include <string>

#include "core/sim/capture_hub.h"
#include "core/sim/scheduler.h"
#include "core/sim/trace.h"
#include "ui/app/breakpoints.h"

namespace rs::ui {

// Forwards every frame to `store`; while armed, stops at the first new frame whose protocol — as the
// packet list's Protocol column shows it, decrypted when the run's keys allow: `protocolOf(store index)` —
// equals the chosen one, ignoring case.
class ProtocolStopSink : public sim::FrameSink {
 public:
  using ProtocolOf = std::function<std::string(std::size_t storeIndex)>;
  ProtocolStopSink(sim::MemoryFrameSink& store, ProtocolOf protocolOf)
      : store_(store), protocolOf_(std::move(protocolOf)) {}
  void declare(const sim::CapturePoint& point) override { store_.declare(point); }
  void record(const sim::CapturedFrame& frame) override;

  void arm(sim::Scheduler& scheduler, const QString& protocol);
  void disarm();
  bool armed() const { return scheduler_ != nullptr; }
  // Index into the store of the frame that matched since arm().
  std::optional<std::size_t> hit() const { return hit_; }

 private:
  sim::MemoryFrameSink& store_;
  ProtocolOf protocolOf_;
  sim::Scheduler* scheduler_ = nullptr;
  QString protocol_;
  std::optional<std::size_t> hit_;
};

// While armed, stops after the event whose trace matches a key-event breakpoint.
class KeyEventStopSink : public sim::TraceSink {
 public:
  struct Hit {
    std::size_t breakpoint = 0;  // index into the compiled breakpoints
    sim::TraceEvent event;       // the key trace event (its derivation record dropped)
  };
  void onTrace(const sim::TraceEvent& event) override;

  // `breakpoints` must outlive the arming (the controller's compiled set).
  void arm(sim::Scheduler& scheduler, const CompiledBreakpoints& breakpoints);
  void disarm();
  const std::optional<Hit>& hit() const { return hit_; }

 private:
  sim::Scheduler* scheduler_ = nullptr;
  const CompiledBreakpoints* breakpoints_ = nullptr;
  std::optional<Hit> hit_;
};

}  // namespace rs::ui
