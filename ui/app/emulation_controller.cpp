// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/emulation_controller.h"

#include <fmt/format.h>

#include <exception>
#include <functional>
#include <variant>

#include "core/protocols/emulated_network.h"
#include "core/protocols/mip/mip_network.h"
#include "core/protocols/wlan/key_log.h"
#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/scenario.h"
#include "dissectors/dispatch.h"
#include "core/protocols/scenario_with_overrides.h"

namespace rs::ui {

namespace {
// Events run between two looks at the wall clock: small enough that a slice overshoots its budget
// by well under a millisecond, large enough that the clock is not read per event.
constexpr std::uint64_t kEventsPerClockCheck = 256;

mip::MipRunOptions mipRunOptions(const EmulationController::AaaServer& server) {
  mip::MipRunOptions options;
  if (!server.external()) return options;
  // parseUdpAddress reads "HOST:PORT" and "[v6]:PORT": an IPv6 literal needs its brackets.
  std::string host = server.host.trimmed().toStdString();
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  options.externalAaaServer = fmt::format("{}:{}", host, server.port);
  if (!server.secret.isEmpty()) options.aaaSecret = server.secret.toStdString();
  return options;
}
}  // namespace

EmulationController::EmulationController(QObject* parent) : FrameSource(parent) {
  sliceTimer_.setInterval(0);  // the next slice as soon as the event loop has handled what is queued
  connect(&sliceTimer_, &QTimer::timeout, this, &EmulationController::runSlice);
}

EmulationController::~EmulationController() { destroyNetwork(); }

bool EmulationController::load(const QString& path) {
  auto loaded = sim::loadScenario(path.toStdString());
  if (auto* error = std::get_if<sim::ConfigError>(&loaded)) {
    emit errorOccurred(QString::fromStdString(error->message()));
    return false;
  }
  pause();
  scenario_ = std::make_unique<sim::Scenario>(std::get<sim::Scenario>(std::move(loaded)));
  scenarioPath_ = path;
  overrides_.clear();
  return buildNetwork();
}

bool EmulationController::loadWithOverrides(const QString& path, std::vector<sim::ScenarioOverride> overrides) {
  auto loaded = protocols::loadScenarioWithOverrides(path.toStdString(), overrides);
  if (auto* error = std::get_if<sim::ConfigError>(&loaded)) {
    emit errorOccurred(QString::fromStdString(error->message()));
    return false;
  }
  pause();
  auto previous = std::move(scenario_);
  const QString previousPath = scenarioPath_;
  auto previousOverrides = std::move(overrides_);
  const std::uint64_t previousEvents = executedEvents();
  scenario_ = std::make_unique<sim::Scenario>(std::get<sim::Scenario>(std::move(loaded)));
  scenarioPath_ = path;
  overrides_ = std::move(overrides);
  if (buildNetwork() || !previous) return network_ != nullptr;
  // Only one network may exist at a time, so the new one could only be tried after the old one
  // went: bring the old run back where it was by replaying it (same scenario and seed, same events).
  scenario_ = std::move(previous);
  scenarioPath_ = previousPath;
  overrides_ = std::move(previousOverrides);
  if (buildNetwork()) {
    try {
      while (executedEvents() < previousEvents && stepOne()) {
      }
    } catch (const std::exception& e) {
      stopWithError(tr("The emulation stopped: %1").arg(QString::fromUtf8(e.what())));
    }
    publish();
  }
  return false;
}

void EmulationController::reset() {
  if (!scenario_) {
    emit errorOccurred(tr("No scenario is loaded: open one first."));
    return;
  }
  pause();
  buildNetwork();
}

bool EmulationController::buildNetwork() {
  emit aboutToClear();
  // The old network goes first: it holds the process-wide deterministic OpenSSL RNG guard.
  destroyNetwork();
  decryption_.clear();
  frames_.points.clear();
  frames_.frames.clear();
  trace_.events.clear();
  publishedFrames_ = publishedTrace_ = publishedHandoffFingerprint_ = publishedRegistrationFingerprint_ = publishedKeys_ = 0;
  frameHold_.reset();
  finished_ = false;

  sim::Scenario scenario = *scenario_;
  if (durationOverride_) scenario.duration = *durationOverride_;
  QString error;
  try {
    auto created = protocols::createNetwork(scenario, std::nullopt, mipRunOptions(aaaServer_));
    if (auto* message = std::get_if<std::string>(&created))
      error = QString::fromStdString(*message);
    else
      network_ = std::get<std::unique_ptr<protocols::EmulatedNetwork>>(std::move(created));
  } catch (const std::exception& e) {
    error = tr("%1: cannot build the network: %2").arg(scenarioPath_, QString::fromUtf8(e.what()));
  }
  if (network_) {
    wlan_ = dynamic_cast<wlan::WlanNetwork*>(network_.get());
    mip_ = dynamic_cast<const mip::MipNetwork*>(network_.get());
    // Frames reach the store through the protocol stop, which watches them only while a step is armed.
    network_->simulation().setFrameSink(&protocolStop_);
    network_->simulation().addTraceSink(&trace_);
    network_->simulation().addTraceSink(&keyStop_);
    network_->start();
  }
  emit cleared();
  if (!error.isEmpty()) {
    emit errorOccurred(error);
    emit stateChanged(0, 0, false);
    return false;
  }
  publish();
  return true;
}

void EmulationController::destroyNetwork() {
  if (!network_) return;
  // Detach the sinks first so nothing the network does while it is torn down reaches them.
  network_->simulation().setFrameSink(nullptr);
  protocolStop_.disarm();
  keyStop_.disarm();
  wlan_ = nullptr;
  mip_ = nullptr;
  network_.reset();
}

sim::SimTime EmulationController::now() const { return network_ ? network_->simulation().now() : 0; }

sim::SimTime EmulationController::duration() const { return network_ ? network_->duration() : 0; }

std::uint64_t EmulationController::executedEvents() const {
  return network_ ? network_->simulation().scheduler().executed() : 0;
}

std::optional<sim::EventInfo> EmulationController::nextEvent() const {
  if (!network_ || finished_) return std::nullopt;
  auto next = network_->simulation().scheduler().peek();
  if (next && next->time > network_->duration()) return std::nullopt;
  return next;
}

QString EmulationController::nextEventText() const {
  if (!network_) return tr("no scenario loaded");
  const auto next = nextEvent();
  if (!next) return tr("run finished");
  const auto& d = next->descriptor;
  const std::string node =
      d.node == sim::kNoNode ? std::string("-") : network_->simulation().topology().node(d.node).name;
  return QString::fromStdString(fmt::format("{} {} {}: {}", sim::formatSimTime(next->time),
                                            sim::eventKindName(d.kind), node, d.label));
}

const std::vector<roam::HandoffRecord>& EmulationController::handoffs() const {
  static const std::vector<roam::HandoffRecord> kNone;
  return wlan_ ? wlan_->truth().records() : kNone;
}

const std::vector<mipreg::RegistrationRecord>& EmulationController::registrations() const {
  static const std::vector<mipreg::RegistrationRecord> kNone;
  return mip_ ? mip_->truth().records() : kNone;
}

std::string EmulationController::displayedProtocol(std::size_t storeIndex) {
  const auto& f = frames_.frames[storeIndex];
  Dissection d = dissectFrame(static_cast<std::uint32_t>(f.linkType), ByteView(f.bytes));
  decryption_.annotate(frames_, installedKeys(), storeIndex, d);
  return d.protocol;
}

FrameView EmulationController::frame(std::size_t index) const {
  const auto& f = frames_.frames[index];
  return FrameView{index, f.time, static_cast<std::uint32_t>(f.linkType), f.point, ByteView(f.bytes)};
}

QString EmulationController::pointName(std::uint32_t point) const {
  return point < frames_.points.size() ? QString::fromStdString(frames_.points[point].name) : QString::number(point);
}

void EmulationController::annotateKeys(std::size_t index, Dissection& dissection) {
  decryption_.annotate(frames_, installedKeys(), index, dissection);
}

const wlan::KeyLog* EmulationController::installedKeys() const { return wlan_ ? &wlan_->keys() : nullptr; }

const sim::Topology* EmulationController::topology() const {
  return network_ ? &network_->simulation().topology() : nullptr;
}

void EmulationController::setBreakpoints(std::vector<Breakpoint> breakpoints) {
  breakpoints_ = std::move(breakpoints);
  if (!isRunning() || !network_) return;
  // Between two slices: the next one uses the new set.
  compiled_ = CompiledBreakpoints::compile(breakpoints_, &network_->simulation().topology(), quickLabel_);
  keyStop_.arm(network_->simulation().scheduler(), compiled_);
}

void EmulationController::setSpeed(double factor) {
  pacer_.setFactor(factor);
  sliceTimer_.setInterval(pacer_.paced() ? kPacedSliceIntervalMs : 0);
  pacer_.anchor(now());  // a new speed counts from the present, not from the start of the run
}

void EmulationController::runToEnd() { beginRun({}, {}); }

void EmulationController::runToBreakpoint(const QString& labelText) {
  if (!network_ || finished_) return;
  if (labelText.isEmpty()) {
    emit errorOccurred(tr("Breakpoint: type part of an event label, e.g. \"EAPOL-Key M3\"."));
    return;
  }
  beginRun(labelText, {});
}

void EmulationController::stepToProtocol(const QString& protocol) {
  if (!network_ || finished_) return;
  if (protocol.trimmed().isEmpty()) {
    emit errorOccurred(tr("Step to protocol: choose a protocol, e.g. EAPOL."));
    return;
  }
  beginRun({}, protocol.trimmed());
}

void EmulationController::beginRun(const QString& quickLabel, const QString& protocol) {
  if (!network_ || finished_) return;
  sliceTimer_.stop();
  frameHold_.reset();
  QStringList unknown;
  quickLabel_ = quickLabel;
  compiled_ = CompiledBreakpoints::compile(breakpoints_, &network_->simulation().topology(), quickLabel, &unknown);
  if (!unknown.isEmpty())
    emit errorOccurred(tr("Breakpoint on a node this scenario does not have: %1").arg(unknown.join(QStringLiteral(", "))));
  protocol_ = protocol;
  sim::Scheduler& scheduler = network_->simulation().scheduler();
  if (protocol_.isEmpty())
    protocolStop_.disarm();
  else
    protocolStop_.arm(scheduler, protocol_);
  keyStop_.arm(scheduler, compiled_);
  try {
    // Already standing on a match: run it, so a breakpoint means "the next one" when pressed again.
    if (const auto next = nextEvent(); next && compiled_.matchBefore(next->descriptor)) {
      stepOne();
      if (reportStopAfter()) return;
      if (finished_) {
        endRun();
        publish();
        return;
      }
    }
  } catch (const std::exception& e) {
    stopWithError(tr("The emulation stopped: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  pacer_.anchor(now());
  sliceTimer_.setInterval(pacer_.paced() ? kPacedSliceIntervalMs : 0);
  sliceTimer_.start();
  publish();
}

void EmulationController::endRun() {
  sliceTimer_.stop();
  protocolStop_.disarm();
  keyStop_.disarm();
}

bool EmulationController::reportStopAfter() {
  // Copies: endRun() disarms the stops, which forgets their hits.
  const std::optional<std::size_t> frame = protocolStop_.hit();
  const std::optional<KeyEventStopSink::Hit> key = keyStop_.hit();
  if (!frame && !key) return false;
  endRun();
  if (frame) frameHold_ = *frame + 1;
  finishIfDone();
  // The views have the matching frame and the stopped state before anyone hears why.
  publish();
  if (frame) {
    emit protocolReached(protocol_, static_cast<qsizetype>(*frame));
    return true;
  }
  const std::string node =
      key->event.node == sim::kNoNode ? std::string("-") : network_->simulation().topology().node(key->event.node).name;
  emit breakpointHit(tr("Breakpoint %1: stopped after the event that traced \"%2\" (%3 s, %4)")
                         .arg(compiled_.at(key->breakpoint).describe(), QString::fromStdString(key->event.text),
                              QString::fromStdString(sim::formatSimTime(key->event.time)), QString::fromStdString(node)));
  return true;
}

std::size_t EmulationController::visibleFrames() const {
  return frameHold_ ? std::min(*frameHold_, frames_.frames.size()) : frames_.frames.size();
}

void EmulationController::pause() {
  if (!sliceTimer_.isActive()) return;
  endRun();
  publish();
}

void EmulationController::stepEvent() {
  if (!network_ || finished_) return;
  pause();
  frameHold_.reset();
  try {
    stepOne();
  } catch (const std::exception& e) {
    stopWithError(tr("The emulation stopped: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  publish();
}

bool EmulationController::stepOne() {
  const auto next = nextEvent();
  if (next) network_->simulation().scheduler().step();
  finishIfDone();
  return next.has_value();
}

void EmulationController::finishIfDone() {
  if (finished_ || nextEvent()) return;
  // Nothing left before the duration: runToDuration() runs nothing more, advances the clock to
  // the duration and closes attempts still open, exactly as a headless run ends.
  network_->runToDuration();
  finished_ = true;
}

void EmulationController::runSlice() {
  if (!network_ || finished_) {
    endRun();
    publish();
    return;
  }
  sim::Scheduler& scheduler = network_->simulation().scheduler();
  const sim::SimTime end = network_->duration();
  // A paced run may only reach the virtual time the wall clock allows by now.
  const sim::SimTime limit = std::min(end, pacer_.limit().value_or(end));
  std::optional<std::size_t> before;
  const std::function<bool(const sim::EventInfo&)> breakBefore = [&](const sim::EventInfo& info) {
    if (info.time > limit) return true;
    before = compiled_.matchBefore(info.descriptor);
    return before.has_value();
  };
  QElapsedTimer wall;
  wall.start();
  sim::StopReason reason = sim::StopReason::EventLimit;
  QString hitMessage;  // told after the views have the stopped state
  QString endMessage;
  try {
    // At least one batch per slice, so a run always moves on whatever the budget.
    do {
      reason = scheduler.run(breakBefore, kEventsPerClockCheck);
    } while (reason == sim::StopReason::EventLimit && wall.elapsed() < sliceBudgetMs_);
    // A stop asked for by what the last event produced (a protocol frame, a key event) reports itself.
    if (reason == sim::StopReason::Stopped && reportStopAfter()) return;
    if (before) {
      endRun();
      hitMessage = tr("Breakpoint %1: stopped before %2").arg(compiled_.at(*before).describe(), nextEventText());
    } else if (reason == sim::StopReason::EventLimit) {
      // Behind the wall clock (the budget ran out first): what is missed is not made up in a burst later.
      if (pacer_.paced()) pacer_.anchor(now());
    } else if (reason == sim::StopReason::Breakpoint && limit < end) {
      // Paced and ahead: the clock shows the virtual time the wall clock has reached (no event lies
      // before it, so the run is unchanged), and the next slice goes on from there.
      scheduler.runUntil(limit);
    } else if (reason != sim::StopReason::Stopped) {
      // The duration or the last event is reached.
      endRun();
      finishIfDone();
      if (!protocol_.isEmpty()) endMessage = tr("No %1 frame before the end of the run.").arg(protocol_);
    }
  } catch (const std::exception& e) {
    stopWithError(tr("The emulation stopped: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  publish();
  if (!hitMessage.isEmpty()) emit breakpointHit(hitMessage);
  if (!endMessage.isEmpty()) emit errorOccurred(endMessage);
}

void EmulationController::stopWithError(const QString& message) {
  endRun();
  publish();
  emit errorOccurred(message);
}

std::size_t EmulationController::handoffFingerprint() const {
  // Records are completed in place (phases, latencies, outcome), so their count alone misses changes.
  std::size_t h = 0;
  for (const auto& r : handoffs()) {
    h = h * 31 + std::hash<std::int64_t>{}(r.endNs);
    h = h * 31 + r.phases.size() * 7 + r.latencyNs.size() * 3 + (r.success ? 1 : 0);
  }
  return h * 31 + handoffs().size();
}

std::size_t EmulationController::registrationFingerprint() const {
  // As handoffFingerprint(): a record's reply, outcome and figures arrive after it was appended.
  std::size_t h = 0;
  for (const auto& r : registrations()) {
    h = h * 31 + std::hash<std::int64_t>{}(r.endNs);
    h = h * 31 + r.steps.size() * 7 + r.latencyNs.size() * 3 + (r.success ? 1 : 0) + (r.code ? 2 : 0);
  }
  return h * 31 + registrations().size();
}

void EmulationController::publish() {
  if (visibleFrames() > publishedFrames_) {
    const std::size_t first = publishedFrames_;
    publishedFrames_ = visibleFrames();
    emit framesAdded(static_cast<qsizetype>(first), static_cast<qsizetype>(publishedFrames_ - first));
  }
  if (trace_.events.size() > publishedTrace_) {
    const std::size_t first = publishedTrace_;
    publishedTrace_ = trace_.events.size();
    emit traceAdded(static_cast<qsizetype>(first), static_cast<qsizetype>(publishedTrace_ - first));
  }
  if (const std::size_t keys = wlan_ ? wlan_->keys().entries().size() : 0; keys != publishedKeys_) {
    publishedKeys_ = keys;
    emit keysChanged();
  }
  if (const std::size_t h = handoffFingerprint(); h != publishedHandoffFingerprint_) {
    publishedHandoffFingerprint_ = h;
    emit handoffsChanged();
  }
  if (const std::size_t r = registrationFingerprint(); r != publishedRegistrationFingerprint_) {
    publishedRegistrationFingerprint_ = r;
    emit registrationsChanged();
  }
  emit stateChanged(static_cast<qint64>(now()), static_cast<quint64>(executedEvents()), isRunning());
}

}  // namespace rs::ui
