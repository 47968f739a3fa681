// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #4: events per second of the emulation scheduler, without crypto or
// frames: TIMERS self-rescheduling timers, each firing re-arms itself after a
// pseudo-random delay (0..1 ms, drawn from the run's Random stream) until
// EVENTS events have run. The target is >= 3,000,000 events/s on one core
// (the order of ns-3 and OMNeT++ for the same workload).
//
//   bench_scheduler [EVENTS] [TIMERS]       defaults: 10,000,000 and 10,000
//
// Prints the figures; they go into docs/emulation.md and docs/performance.md by hand.
#include <fmt/format.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string>

#include "core/sim/random.h"
#include "core/sim/scheduler.h"

using namespace rs::sim;
using Clock = std::chrono::steady_clock;

namespace {

struct Workload {
  Scheduler scheduler;
  Random random{Random::stream(1, "bench/timers")};
  std::uint64_t budget = 0;
  std::uint64_t fired = 0;

  void arm(std::uint32_t timer) {
    const SimTime delay =
        static_cast<SimTime>(random.next() % 1'000'000);  // up to 1 ms; modulo bias is irrelevant here
    scheduler.scheduleAfter(delay, EventDescriptor{EventKind::Timer, timer, "timer"}, [this, timer] { fire(timer); });
  }
  void fire(std::uint32_t timer) {
    if (++fired + scheduler.pending() < budget) arm(timer);
  }
};

// CPU time of this thread: on a shared machine (parallel builds) wall time
// measures the neighbours too, so both figures are printed.
double threadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Timing {
  double wall = 0;
  double cpu = 0;
};

Timing runOnce(std::uint64_t events, std::uint32_t timers, SimTime& endTime, std::uint64_t& executed) {
  Workload w;
  w.budget = events;
  for (std::uint32_t i = 0; i < timers; ++i) w.arm(i);
  const auto start = Clock::now();
  const double cpuStart = threadCpuSeconds();
  w.scheduler.run();
  const double cpuStop = threadCpuSeconds();
  const auto stop = Clock::now();
  endTime = w.scheduler.now();
  executed = w.scheduler.executed();
  return Timing{std::chrono::duration<double>(stop - start).count(), cpuStop - cpuStart};
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
  const auto timers = static_cast<std::uint32_t>(argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 10'000);
  // One core, as the target is stated.
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(0, &one);
  sched_setaffinity(0, sizeof one, &one);

  SimTime endTime = 0;
  std::uint64_t executed = 0;
  Timing best{1e300, 1e300};
  for (int round = 0; round < 3; ++round) {
    const Timing t = runOnce(events, timers, endTime, executed);
    best.wall = std::min(best.wall, t.wall);
    best.cpu = std::min(best.cpu, t.cpu);
  }
  const double wallRate = static_cast<double>(executed) / best.wall;
  const double cpuRate = static_cast<double>(executed) / best.cpu;
  fmt::print("bench_scheduler: {} events, {} timers, virtual end {}\n", executed, timers, formatSimTime(endTime));
  fmt::print("  best of 3, wall: {:.3f} s, {:.0f} events/s ({:.1f} ns/event)\n", best.wall, wallRate, 1e9 / wallRate);
  fmt::print("  best of 3, CPU:  {:.3f} s, {:.0f} events/s ({:.1f} ns/event)\n", best.cpu, cpuRate, 1e9 / cpuRate);
  fmt::print("  target 3,000,000 events/s (CPU): {}\n", cpuRate >= 3e6 ? "met" : "NOT met");
  return 0;
}
