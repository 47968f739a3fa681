// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/scheduler.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace rs::sim {
namespace {

// The run order: earlier time first, then earlier scheduling.
template <class E>
bool earlier(const E& a, const E& b) {
  return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
}

// A 4-ary min-heap: half the depth of a binary heap, and the four children of a
// node share a cache line or two. Both sifts move a hole instead of swapping.
constexpr std::size_t kArity = 4;

}  // namespace

std::string_view eventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::Timer:
      return "timer";
    case EventKind::AirDelivery:
      return "air-delivery";
    case EventKind::WireDelivery:
      return "wire-delivery";
    case EventKind::Processing:
      return "processing";
    case EventKind::Mobility:
      return "mobility";
    case EventKind::Protocol:
      return "protocol";
    case EventKind::Control:
      return "control";
  }
  return "unknown";
}

Scheduler::Scheduler() = default;
Scheduler::~Scheduler() = default;

std::uint32_t Scheduler::acquire(SimTime at, const EventDescriptor& descriptor) {
  if (at < now_)
    throw std::invalid_argument(fmt::format("event \"{}\" scheduled at {} which is before now ({})", descriptor.label,
                                            formatSimTime(at), formatSimTime(now_)));
  std::uint32_t index;
  if (!freeSlots_.empty()) {
    index = freeSlots_.back();
    freeSlots_.pop_back();
  } else {
    if ((slotCount_ & (kChunkSize - 1)) == 0) chunks_.push_back(std::make_unique<Slot[]>(kChunkSize));
    index = slotCount_++;
  }
  Slot& s = slotAt(index);
  s.time = at;
  s.descriptor = descriptor;
  return index;
}

EventId Scheduler::commit(std::uint32_t index, SimTime at) {
  Slot& s = slotAt(index);
  s.sequence = nextSequence_++;
  pushHeap(HeapEntry{at, s.sequence, index});
  ++live_;
  return EventId{index, s.sequence};
}

void Scheduler::release(std::uint32_t index) {
  Slot& s = slotAt(index);
  s.sequence = 0;
  s.handler.reset();
  freeSlots_.push_back(index);
}

void Scheduler::pushHeap(const HeapEntry& e) {
  heap_.push_back(e);
  std::size_t hole = heap_.size() - 1;
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / kArity;
    if (!earlier(e, heap_[parent])) break;
    heap_[hole] = heap_[parent];
    hole = parent;
  }
  heap_[hole] = e;
}

void Scheduler::popHeap() const {
  const HeapEntry last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0) return;
  std::size_t hole = 0;
  for (;;) {
    const std::size_t first = hole * kArity + 1;
    if (first >= n) break;
    const std::size_t end = std::min(first + kArity, n);
    std::size_t best = first;
    for (std::size_t c = first + 1; c < end; ++c)
      if (earlier(heap_[c], heap_[best])) best = c;
    if (!earlier(heap_[best], last)) break;
    heap_[hole] = heap_[best];
    hole = best;
  }
  heap_[hole] = last;
}

void Scheduler::purgeTop() const {
  // A cancelled event's slot is free (sequence 0) or reused (another sequence).
  while (!heap_.empty() && slotAt(heap_.front().slot).sequence != heap_.front().sequence) popHeap();
}

bool Scheduler::isPending(EventId id) const {
  return id.valid() && id.slot < slotCount_ && slotAt(id.slot).sequence == id.sequence;
}

bool Scheduler::cancel(EventId id) {
  if (!isPending(id)) return false;
  release(id.slot);
  --live_;
  return true;
}

std::optional<EventInfo> Scheduler::peek() const {
  purgeTop();
  if (heap_.empty()) return std::nullopt;
  const HeapEntry& top = heap_.front();
  return EventInfo{top.time, top.sequence, slotAt(top.slot).descriptor};
}

void Scheduler::runTop() {
  const HeapEntry top = heap_.front();
  popHeap();
  Slot& s = slotAt(top.slot);
  now_ = top.time;
  s.sequence = 0;  // running: cancel() of its own id is a no-op from here
  --live_;
  ++executed_;
  // The slot is released even when the handler throws, so the queue stays consistent.
  struct Release {
    Scheduler& self;
    std::uint32_t index;
    ~Release() { self.release(index); }
  } release{*this, top.slot};
  s.handler();
}

bool Scheduler::step() {
  purgeTop();
  if (heap_.empty()) return false;
  runTop();
  return true;
}

StopReason Scheduler::runUntil(SimTime until) {
  stopRequested_ = false;
  for (;;) {
    purgeTop();
    if (heap_.empty() || heap_.front().time > until) break;
    runTop();
    if (stopRequested_) return StopReason::Stopped;
  }
  if (until > now_) now_ = until;
  return StopReason::TimeLimit;
}

StopReason Scheduler::run(const std::function<bool(const EventInfo&)>& breakBefore, std::uint64_t maxEvents) {
  stopRequested_ = false;
  for (std::uint64_t done = 0;; ++done) {
    purgeTop();
    if (heap_.empty()) return StopReason::Empty;
    if (done == maxEvents) return StopReason::EventLimit;
    if (breakBefore) {
      const HeapEntry& top = heap_.front();
      if (breakBefore(EventInfo{top.time, top.sequence, slotAt(top.slot).descriptor})) return StopReason::Breakpoint;
    }
    runTop();
    if (stopRequested_) return StopReason::Stopped;
  }
}

}  // namespace rs::sim
