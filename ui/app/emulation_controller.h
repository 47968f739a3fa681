// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Drives one emulated run for the GUI (the WLAN or the Mobile IP system,
// whichever the scenario describes): loads a scenario, keeps every
// captured frame and trace event, and runs the scheduler in slices of wall
// time on a QTimer so the event loop stays responsive (STYLE.md: no
// processEvents re-entrance). Views read the stores through the accessors and
// learn about growth through the signals; they never touch the network itself.
//
// Every run (runToEnd, runToBreakpoint, stepToProtocol) stops at the enabled
// breakpoints (breakpoints.h) and is paced by the speed factor (run_pacer.h).
#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/mip/registration_record.h"
#include "core/analysis/roam/handoff_record.h"
#include "core/sim/capture_hub.h"
#include "core/sim/scenario_override.h"
#include "core/sim/scheduler.h"
#include "core/sim/sim_time.h"
#include "core/sim/trace.h"
#include "ui/app/breakpoints.h"
#include "ui/app/frame_source.h"
#include "ui/app/run_decryption.h"
#include "ui/app/run_pacer.h"
#include "ui/app/run_stops.h"

namespace rs::wlan {
class KeyLog;
class WlanNetwork;
}
namespace rs::mip {
class MipNetwork;
}
namespace rs::protocols {
class EmulatedNetwork;
}
namespace rs::sim {
class Topology;
struct Scenario;
}

namespace rs::ui {

class EmulationController : public FrameSource {
  Q_OBJECT

 public:
  explicit EmulationController(QObject* parent = nullptr);
  ~EmulationController() override;

  // Virtual time a loaded run stops at instead of the scenario's duration_s (tests, quick looks);
  // applies to the next load() or reset().
  void setDurationOverride(std::optional<sim::SimTime> duration) { durationOverride_ = duration; }
  // Wall time one slice of runToEnd()/runToBreakpoint() may take before the event loop gets control back;
  // a slice always runs at least one batch of events (0: exactly one batch per slice).
  void setSliceBudgetMs(int ms) { sliceBudgetMs_ = ms; }
  // Where a Mobile IP run's home agents ask for keys (Run > AAA server…): empty host: the embedded AAA
  // server; else an external RADIUS server. Applies to the next load() or reset(); a WLAN run ignores it.
  struct AaaServer {
    QString host;  // empty: embedded
    quint16 port = 1812;
    QString secret;  // empty: the scenario's

    bool external() const { return !host.trimmed().isEmpty(); }
    bool operator==(const AaaServer&) const = default;
  };
  void setAaaServer(AaaServer server) { aaaServer_ = std::move(server); }
  const AaaServer& aaaServer() const { return aaaServer_; }

  // Loads `path` and builds its network at time zero. On failure emits errorOccurred and returns
  // false; a scenario that does not even parse leaves the current run untouched.
  bool load(const QString& path);
  // Loads `path` with parameters changed (scenario_with_overrides.h) and builds it at time zero; reset()
  // rebuilds it with the same overrides. A file, value or WLAN setting the loader rejects emits
  // errorOccurred and leaves the current run as it is. Should the network still fail to build, the
  // previous scenario is rebuilt and replayed to the event it had reached (runs are deterministic).
  bool loadWithOverrides(const QString& path, std::vector<sim::ScenarioOverride> overrides);
  const std::vector<sim::ScenarioOverride>& scenarioOverrides() const { return overrides_; }
  // The scenario as loaded, overrides applied (before the duration override); null when none is.
  const sim::Scenario* scenario() const { return scenario_.get(); }

  // The breakpoints every run honours; a node breakpoint names a node of the topology. A change while
  // a run is in progress applies from its next slice on.
  void setBreakpoints(std::vector<Breakpoint> breakpoints);
  const std::vector<Breakpoint>& breakpoints() const { return breakpoints_; }

  // Virtual seconds per wall second of a run; 0 (or less): as fast as possible. Takes effect at once.
  void setSpeed(double factor);
  double speed() const { return pacer_.factor(); }
  // The wall clock pacing reads (tests inject a fake one).
  void setWallClock(RunPacer::WallClock clock) { pacer_.setClock(std::move(clock)); }
  // Wall time between two slices of a paced run (an unpaced run slices back to back).
  static constexpr int kPacedSliceIntervalMs = 15;

  bool isLoaded() const { return network_ != nullptr; }
  bool isRunning() const { return sliceTimer_.isActive(); }
  // The run reached its duration (or ran out of events): the ground truth is closed.
  bool isFinished() const { return finished_; }
  QString scenarioPath() const { return scenarioPath_; }
  sim::SimTime now() const;
  sim::SimTime duration() const;
  std::uint64_t executedEvents() const;
  // The event the next step would run; empty when the run is finished or nothing is loaded.
  std::optional<sim::EventInfo> nextEvent() const;
  // "1.234567890 s AirDelivery ap1: EAPOL-Key M1", or why there is none.
  QString nextEventText() const;

  const std::vector<sim::CapturePoint>& capturePoints() const { return frames_.points; }
  const std::vector<sim::MemoryFrameSink::Frame>& frames() const { return frames_.frames; }
  const std::vector<sim::TraceEvent>& traceEvents() const { return trace_.events; }
  // The WLAN run's handoffs; empty for a Mobile IP run (its registrations are below).
  const std::vector<roam::HandoffRecord>& handoffs() const override;
  // The Mobile IP system of the run (home agents, mobiles, their SA tables, registration truth); null for a
  // WLAN run or when nothing is loaded.
  const mip::MipNetwork* mipNetwork() const { return mip_; }
  // The Mobile IP run's registrations so far; empty for a WLAN run.
  const std::vector<mipreg::RegistrationRecord>& registrations() const;

  // FrameSource: the frames the run's capture points recorded, decrypted with the keys its APs installed.
  // After a step to a protocol, frames the same event recorded after the matching one wait for the
  // next step or run, so the matching frame is the last one shown.
  std::size_t frameCount() const override { return visibleFrames(); }
  FrameView frame(std::size_t index) const override;
  QString pointName(std::uint32_t point) const override;
  void annotateKeys(std::size_t index, Dissection& dissection) override;
  // The Protocol column of stored frame `storeIndex` (held back or not): decrypted with the run's keys.
  std::string displayedProtocol(std::size_t storeIndex);
  // The keys the run's APs installed so far (PMKs, TKs, GTKs); null when nothing is loaded or for a
  // Mobile IP run (its keys are in the SA tables, see mipNetwork()).
  const wlan::KeyLog* installedKeys() const;
  // Node names for the trace; null when nothing is loaded.
  const sim::Topology* topology() const;

 public slots:
  void runToEnd();
  void pause();
  void stepEvent();
  // Runs until the next event whose label contains `labelText` (that event is not run). When the
  // next event already matches, it runs first, so pressing the action again moves on.
  void runToBreakpoint(const QString& labelText);
  // Runs until the next captured frame whose protocol (the packet list's Protocol column: EAPOL, EAP,
  // RADIUS, 802.11, SEED000, ...) is `protocol`, ignoring case, and stops right after the event that
  // recorded it; breakpoints stop it earlier.
  void stepToProtocol(const QString& protocol);
  // Rebuilds the network from the same scenario and seed.
  void reset();

 signals:
  // (aboutToClear/cleared, framesAdded, handoffsChanged and errorOccurred come from FrameSource.)
  void traceAdded(qsizetype first, qsizetype count);
  void stateChanged(qint64 timeNs, quint64 events, bool running);
  // A breakpoint stopped the run: what it was and where ("Breakpoint node ap2: stopped before ...",
  // "Breakpoint key install: stopped after ...").
  void breakpointHit(const QString& description);
  // A step to a protocol stopped right after frame `frame` (an index into frames()).
  void protocolReached(const QString& protocol, qsizetype frame);
  // A Mobile IP run's registrations grew or one was completed (see registrations()).
  void registrationsChanged();

 private:
  void runSlice();
  // Arms the stops and starts slicing; `quickLabel` is the toolbar's one-off label breakpoint.
  void beginRun(const QString& quickLabel, const QString& protocol);
  // Stops the slicing and disarms the stops.
  void endRun();
  // Reports a stop the event just run caused (a protocol frame, a key event); true when there was one.
  bool reportStopAfter();
  std::size_t visibleFrames() const;
  bool buildNetwork();
  void destroyNetwork();
  // Runs one event unless the next one lies past the duration; closes the run when nothing is left.
  bool stepOne();
  void finishIfDone();
  void stopWithError(const QString& message);
  // Emits the growth signals for what the last steps added, then stateChanged.
  void publish();
  std::size_t handoffFingerprint() const;
  std::size_t registrationFingerprint() const;

  // The sinks outlive the network that writes into them (declared first, destroyed last).
  sim::MemoryFrameSink frames_;
  sim::MemoryTraceSink trace_;
  std::unique_ptr<protocols::EmulatedNetwork> network_;
  // network_ seen as the system it is, set once after building: the WLAN-only parts (handoffs, key log)
  // and the Mobile IP-only ones (registrations, SA tables). Exactly one is non-null while loaded.
  wlan::WlanNetwork* wlan_ = nullptr;
  const mip::MipNetwork* mip_ = nullptr;
  AaaServer aaaServer_;
  RunDecryption decryption_;
  std::unique_ptr<sim::Scenario> scenario_;  // as loaded, so reset() rebuilds the same run
  QString scenarioPath_;
  std::optional<sim::SimTime> durationOverride_;
  bool finished_ = false;

  std::vector<sim::ScenarioOverride> overrides_;

  QTimer sliceTimer_;
  int sliceBudgetMs_ = 20;
  RunPacer pacer_;
  std::vector<Breakpoint> breakpoints_;
  // The breakpoints of the run in progress (the list plus the quick label), compiled at its start.
  CompiledBreakpoints compiled_;
  ProtocolStopSink protocolStop_{frames_, [this](std::size_t i) { return displayedProtocol(i); }};
  KeyEventStopSink keyStop_;
  QString quickLabel_;  // of the run in progress (runToBreakpoint); empty: none
  QString protocol_;    // of the step in progress; empty: none
  // Frames from this index on wait for the next step (see frameCount()).
  std::optional<std::size_t> frameHold_;

  std::size_t publishedFrames_ = 0;
  std::size_t publishedTrace_ = 0;
  std::size_t publishedHandoffFingerprint_ = 0;
  std::size_t publishedRegistrationFingerprint_ = 0;
  std::size_t publishedKeys_ = 0;  // KeyLog entries when keysChanged was last emitted
};

}  // namespace rs::ui
