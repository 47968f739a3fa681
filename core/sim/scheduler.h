// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Discrete-event scheduler on a virtual clock. Events run in (time, insertion
// sequence) order, so two events at the same nanosecond run in the order they
// were scheduled: the run is deterministic whatever the container does.
//
// Cost per event: one heap push and pop of a 24-byte entry, one slot from a
// free list, the handler stored in place (EventHandler). Cancellation is lazy:
// cancel() frees the slot and the stale heap entry is dropped when it surfaces.
//
// Used by the GUI one event at a time (peek() + step()), to a breakpoint
// (run(predicate)) or at speed (runUntil()).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/sim/event_descriptor.h"
#include "core/sim/event_handler.h"
#include "core/sim/sim_time.h"

namespace rs::sim {

// Identifies one scheduled event; stays unique for the scheduler's lifetime
// (a reused slot gets a new sequence number), so cancelling an event that
// already ran is a harmless no-op.
struct EventId {
  std::uint32_t slot = 0;
  std::uint64_t sequence = 0;  // 0: no event
  bool valid() const { return sequence != 0; }
  bool operator==(const EventId&) const = default;
};

// The next event as the GUI shows it.
struct EventInfo {
  SimTime time = 0;
  std::uint64_t sequence = 0;
  EventDescriptor descriptor;
};

enum class StopReason : std::uint8_t {
  Empty,       // no event left
  Breakpoint,  // the predicate matched the next event (not run)
  Stopped,     // a handler called requestStop()
  TimeLimit,   // runUntil reached its time
  EventLimit,  // the event budget of run() is spent
};

class Scheduler {
 public:
  Scheduler();
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  SimTime now() const { return now_; }
  // Events scheduled and not yet run or cancelled.
  std::size_t pending() const { return live_; }
  std::uint64_t executed() const { return executed_; }

  // Schedules `handler` (callable as void()) at absolute time `at`. Scheduling
  // in the past is a bug in the model: throws std::invalid_argument.
  template <class F>
  EventId scheduleAt(SimTime at, const EventDescriptor& descriptor, F&& handler) {
    const std::uint32_t index = acquire(at, descriptor);
    try {
      slotAt(index).handler.emplace(std::forward<F>(handler));
    } catch (...) {  // only a failed heap allocation of an oversized callable
      release(index);
      throw;
    }
    return commit(index, at);
  }
  // Schedules `delay` nanoseconds after now() (delay >= 0).
  template <class F>
  EventId scheduleAfter(SimTime delay, const EventDescriptor& descriptor, F&& handler) {
    return scheduleAt(now_ + delay, descriptor, std::forward<F>(handler));
  }

  // True when the event was pending and is now cancelled; false for an event
  // that already ran, is running or was cancelled before.
  bool cancel(EventId id);
  bool isPending(EventId id) const;

  // The next event to run, without running it.
  std::optional<EventInfo> peek() const;
  // Runs the next event; false when there is none.
  bool step();
  // Runs every event with time <= `until`, then advances now() to `until`.
  StopReason runUntil(SimTime until);
  // Runs until the queue is empty, `breakBefore` returns true for the next
  // event (which is left pending, so it is what peek() shows), a handler calls
  // requestStop(), or `maxEvents` have run.
  StopReason run(const std::function<bool(const EventInfo&)>& breakBefore = {}, std::uint64_t maxEvents = UINT64_MAX);
  // Called from inside a handler (e.g. a trace sink that hit a key-event
  // breakpoint): run()/runUntil() return Stopped after the current event.
  void requestStop() { stopRequested_ = true; }

 private:
  struct Slot {
    std::uint64_t sequence = 0;  // of the pending event; 0 when free or running
    SimTime time = 0;
    EventDescriptor descriptor;
    EventHandler handler;
  };
  struct HeapEntry {
    SimTime time;
    std::uint64_t sequence;
    std::uint32_t slot;
  };
  static constexpr std::uint32_t kChunkBits = 10;
  static constexpr std::uint32_t kChunkSize = 1u << kChunkBits;

  Slot& slotAt(std::uint32_t index) const { return chunks_[index >> kChunkBits][index & (kChunkSize - 1)]; }
  std::uint32_t acquire(SimTime at, const EventDescriptor& descriptor);
  EventId commit(std::uint32_t index, SimTime at);
  void release(std::uint32_t index);
  // Drops cancelled entries from the top of the heap.
  void purgeTop() const;
  void pushHeap(const HeapEntry& e);
  void popHeap() const;
  void runTop();

  SimTime now_ = 0;
  std::uint64_t nextSequence_ = 1;
  std::uint64_t executed_ = 0;
  std::size_t live_ = 0;
  bool stopRequested_ = false;
  std::vector<std::unique_ptr<Slot[]>> chunks_;
  std::vector<std::uint32_t> freeSlots_;
  std::uint32_t slotCount_ = 0;
  // Lazy deletion needs to pop from a logically-const peek().
  mutable std::vector<HeapEntry> heap_;
};

}  // namespace rs::sim
