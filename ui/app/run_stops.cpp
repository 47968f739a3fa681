// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/run_stops.h"


namespace rs::ui {

void ProtocolStopSink::record(const sim::CapturedFrame& frame) {
  store_.record(frame);
  if (!scheduler_ || hit_) return;
  const std::size_t index = store_.frames.size() - 1;
  if (QString::fromStdString(protocolOf_(index)).compare(protocol_, Qt::CaseInsensitive) != 0) return;
  hit_ = index;
  scheduler_->requestStop();
}

void ProtocolStopSink::arm(sim::Scheduler& scheduler, const QString& protocol) {
  scheduler_ = &scheduler;
  protocol_ = protocol;
  hit_.reset();
}

void ProtocolStopSink::disarm() {
  scheduler_ = nullptr;
  protocol_.clear();
  hit_.reset();
}

void KeyEventStopSink::onTrace(const sim::TraceEvent& event) {
  if (!scheduler_ || hit_) return;
  const auto match = breakpoints_->matchAfter(event);
  if (!match) return;
  hit_ = Hit{*match, sim::TraceEvent{event.time, event.node, event.kind, event.text, std::nullopt}};
  scheduler_->requestStop();
}

void KeyEventStopSink::arm(sim::Scheduler& scheduler, const CompiledBreakpoints& breakpoints) {
  hit_.reset();
  if (!breakpoints.hasKeyEvents()) {
    disarm();
    return;
  }
  scheduler_ = &scheduler;
  breakpoints_ = &breakpoints;
}

void KeyEventStopSink::disarm() {
  scheduler_ = nullptr;
  breakpoints_ = nullptr;
  hit_.reset();
}

}  // namespace rs::ui
