// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/emulation_controller.h"

#include <fmt/format.h>

#include <exception>
#include <functional>
#include <variant>

#include "core/protocols/wlan/key_log.h"
#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/scenario.h"

namespace rs::ui {

namespace {
// Events run between two looks at the wall clock: small enough that a slice overshoots its budget
// by well under a millisecond, large enough that the clock is not read per event.
constexpr std::uint64_t kEventsPerClockCheck = 256;
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
  return buildNetwork();
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
  publishedFrames_ = publishedTrace_ = publishedHandoffFingerprint_ = publishedKeys_ = 0;
  finished_ = false;

  sim::Scenario scenario = *scenario_;
  if (durationOverride_) scenario.duration = *durationOverride_;
  QString error;
  try {
    auto created = wlan::WlanNetwork::create(scenario);
    if (auto* message = std::get_if<std::string>(&created))
      error = QString::fromStdString(*message);
    else
      network_ = std::get<std::unique_ptr<wlan::WlanNetwork>>(std::move(created));
  } catch (const std::exception& e) {
    error = tr("%1: cannot build the network: %2").arg(scenarioPath_, QString::fromUtf8(e.what()));
  }
  if (network_) {
    network_->simulation().setFrameSink(&frames_);
    network_->simulation().addTraceSink(&trace_);
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
  return network_ ? network_->truth().records() : kNone;
}

FrameView EmulationController::frame(std::size_t index) const {
  const auto& f = frames_.frames[index];
  return FrameView{index, f.time, static_cast<std::uint32_t>(f.linkType), f.point, ByteView(f.bytes)};
}

QString EmulationController::pointName(std::uint32_t point) const {
  return point < frames_.points.size() ? QString::fromStdString(frames_.points[point].name) : QString::number(point);
}

void EmulationController::annotateKeys(std::size_t index, Dissection& dissection) {
  decryption_.annotate(*this, static_cast<int>(index), dissection);
}

const wlan::KeyLog* EmulationController::installedKeys() const { return network_ ? &network_->keys() : nullptr; }

const sim::Topology* EmulationController::topology() const {
  return network_ ? &network_->simulation().topology() : nullptr;
}

void EmulationController::runToEnd() {
  if (!network_ || finished_) return;
  breakpoint_.clear();
  breakpointUtf8_.clear();
  sliceTimer_.start();
  publish();
}

void EmulationController::runToBreakpoint(const QString& labelText) {
  if (!network_ || finished_) return;
  if (labelText.isEmpty()) {
    emit errorOccurred(tr("Breakpoint: type part of an event label, e.g. \"EAPOL-Key M3\"."));
    return;
  }
  breakpoint_ = labelText;
  breakpointUtf8_ = labelText.toStdString();
  try {
    // Already standing on a match: run it, so the breakpoint means "the next one".
    if (const auto next = nextEvent(); next && breakpointMatches(*next)) stepOne();
  } catch (const std::exception& e) {
    stopWithError(tr("The emulation stopped: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  sliceTimer_.start();
  publish();
}

void EmulationController::pause() {
  if (!sliceTimer_.isActive()) return;
  sliceTimer_.stop();
  publish();
}

void EmulationController::stepEvent() {
  if (!network_ || finished_) return;
  pause();
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
  // Nothing left before the duration: WlanNetwork::run() runs nothing more, advances the clock to
  // the duration and closes attempts still open, exactly as a headless run ends.
  network_->run();
  finished_ = true;
}

bool EmulationController::breakpointMatches(const sim::EventInfo& info) const {
  return !breakpointUtf8_.empty() && info.descriptor.label.find(breakpointUtf8_) != std::string_view::npos;
}

void EmulationController::runSlice() {
  if (!network_ || finished_) {
    sliceTimer_.stop();
    publish();
    return;
  }
  const sim::SimTime end = network_->duration();
  const std::function<bool(const sim::EventInfo&)> breakBefore = [&](const sim::EventInfo& info) {
    return info.time > end || breakpointMatches(info);
  };
  QElapsedTimer wall;
  wall.start();
  sim::StopReason reason = sim::StopReason::EventLimit;
  try {
    // At least one batch per slice, so a run always moves on whatever the budget.
    do {
      reason = network_->simulation().scheduler().run(breakBefore, kEventsPerClockCheck);
    } while (reason == sim::StopReason::EventLimit && wall.elapsed() < sliceBudgetMs_);
    const bool hitBreakpoint = reason == sim::StopReason::Breakpoint && nextEvent().has_value();
    if (reason != sim::StopReason::EventLimit) {
      sliceTimer_.stop();
      finishIfDone();
    }
    if (hitBreakpoint) emit breakpointHit(breakpoint_);
  } catch (const std::exception& e) {
    stopWithError(tr("The emulation stopped: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  publish();
}

void EmulationController::stopWithError(const QString& message) {
  sliceTimer_.stop();
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

void EmulationController::publish() {
  if (frames_.frames.size() > publishedFrames_) {
    const std::size_t first = publishedFrames_;
    publishedFrames_ = frames_.frames.size();
    emit framesAdded(static_cast<qsizetype>(first), static_cast<qsizetype>(publishedFrames_ - first));
  }
  if (trace_.events.size() > publishedTrace_) {
    const std::size_t first = publishedTrace_;
    publishedTrace_ = trace_.events.size();
    emit traceAdded(static_cast<qsizetype>(first), static_cast<qsizetype>(publishedTrace_ - first));
  }
  if (const std::size_t keys = network_ ? network_->keys().entries().size() : 0; keys != publishedKeys_) {
    publishedKeys_ = keys;
    emit keysChanged();
  }
  if (const std::size_t h = handoffFingerprint(); h != publishedHandoffFingerprint_) {
    publishedHandoffFingerprint_ = h;
    emit handoffsChanged();
  }
  emit stateChanged(static_cast<qint64>(now()), static_cast<quint64>(executedEvents()), isRunning());
}

}  // namespace rs::ui
