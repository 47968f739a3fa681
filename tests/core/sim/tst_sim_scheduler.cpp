// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler: (time, insertion) order, cancellation, step/runUntil/run with
// breakpoints, handler storage (in place and on the heap) and its clean-up.
#include <QtTest>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/sim/scheduler.h"

using namespace rs::sim;

namespace {
const EventDescriptor kTimer{EventKind::Timer, kNoNode, "timer"};
}

class TestSimScheduler : public QObject {
  Q_OBJECT
 private slots:
  void runsInTimeOrder() {
    Scheduler s;
    std::vector<int> order;
    s.scheduleAt(300, kTimer, [&] { order.push_back(3); });
    s.scheduleAt(100, kTimer, [&] { order.push_back(1); });
    s.scheduleAt(200, kTimer, [&] { order.push_back(2); });
    QCOMPARE(s.pending(), std::size_t{3});
    QCOMPARE(s.run(), StopReason::Empty);
    QCOMPARE(order, (std::vector<int>{1, 2, 3}));
    QCOMPARE(s.now(), SimTime{300});
    QCOMPARE(s.executed(), std::uint64_t{3});
    QCOMPARE(s.pending(), std::size_t{0});
  }

  void tiesRunInInsertionOrder() {
    Scheduler s;
    std::vector<int> order;
    for (int i = 0; i < 50; ++i) s.scheduleAt(1000, kTimer, [&order, i] { order.push_back(i); });
    // An event scheduled for "now" from a handler runs after those already queued for that time.
    s.scheduleAt(1000, kTimer, [&] { s.scheduleAfter(0, kTimer, [&] { order.push_back(99); }); });
    s.scheduleAt(1000, kTimer, [&] { order.push_back(50); });
    s.run();
    std::vector<int> expected;
    for (int i = 0; i <= 50; ++i) expected.push_back(i);
    expected.push_back(99);
    QCOMPARE(order, expected);
  }

  void cancel() {
    Scheduler s;
    int ran = 0;
    const EventId a = s.scheduleAt(10, kTimer, [&] { ran += 1; });
    const EventId b = s.scheduleAt(20, kTimer, [&] { ran += 10; });
    QVERIFY(s.isPending(a));
    QVERIFY(s.cancel(a));
    QVERIFY(!s.isPending(a));
    QVERIFY(!s.cancel(a));  // twice: no-op
    QCOMPARE(s.pending(), std::size_t{1});
    QCOMPARE(s.peek()->time, SimTime{20});
    s.run();
    QCOMPARE(ran, 10);
    QVERIFY(!s.cancel(b));  // already ran
    QVERIFY(!s.cancel(EventId{}));
    // The freed slot is reused; the old id must not cancel the new event.
    const EventId c = s.scheduleAfter(5, kTimer, [&] { ran += 100; });
    QCOMPARE(c.slot, b.slot);
    QVERIFY(!s.cancel(b));
    s.run();
    QCOMPARE(ran, 110);
  }

  void handlerCancelsAnotherEvent() {
    Scheduler s;
    bool lateRan = false;
    const EventId late = s.scheduleAt(50, kTimer, [&] { lateRan = true; });
    s.scheduleAt(10, kTimer, [&] { QVERIFY(s.cancel(late)); });
    s.run();
    QVERIFY(!lateRan);
    QCOMPARE(s.now(), SimTime{10});
  }

  void stepRunsOneEvent() {
    Scheduler s;
    int count = 0;
    s.scheduleAt(5, kTimer, [&] { ++count; });
    s.scheduleAt(7, kTimer, [&] { ++count; });
    QVERIFY(s.step());
    QCOMPARE(count, 1);
    QCOMPARE(s.now(), SimTime{5});
    QVERIFY(s.step());
    QCOMPARE(s.now(), SimTime{7});
    QVERIFY(!s.step());
    QCOMPARE(count, 2);
  }

  void runUntilStopsAtTime() {
    Scheduler s;
    std::vector<SimTime> seen;
    for (SimTime t : {10, 20, 30, 40}) s.scheduleAt(t, kTimer, [&] { seen.push_back(s.now()); });
    QCOMPARE(s.runUntil(30), StopReason::TimeLimit);  // events at exactly 30 run
    QCOMPARE(seen, (std::vector<SimTime>{10, 20, 30}));
    QCOMPARE(s.runUntil(35), StopReason::TimeLimit);
    QCOMPARE(s.now(), SimTime{35});  // the clock advances to the limit even without events
    QCOMPARE(s.pending(), std::size_t{1});
  }

  void breakpointLeavesEventPending() {
    Scheduler s;
    std::vector<std::string> ran;
    s.scheduleAt(10, EventDescriptor{EventKind::AirDelivery, 1, "Probe Request"}, [&] { ran.emplace_back("probe"); });
    s.scheduleAt(20, EventDescriptor{EventKind::AirDelivery, 2, "EAPOL-Key M3"}, [&] { ran.emplace_back("m3-ap2"); });
    s.scheduleAt(30, EventDescriptor{EventKind::AirDelivery, 3, "EAPOL-Key M3"}, [&] { ran.emplace_back("m3-ap3"); });
    const auto atAp3M3 = [](const EventInfo& e) {
      return e.descriptor.label == "EAPOL-Key M3" && e.descriptor.node == 3;
    };
    QCOMPARE(s.run(atAp3M3), StopReason::Breakpoint);
    QCOMPARE(ran, (std::vector<std::string>{"probe", "m3-ap2"}));
    const auto next = s.peek();
    QVERIFY(next.has_value());
    QCOMPARE(next->time, SimTime{30});
    QCOMPARE(next->descriptor.node, NodeId{3});
    QCOMPARE(eventKindName(next->descriptor.kind), std::string_view("air-delivery"));
    QCOMPARE(s.now(), SimTime{20});
    // Stepping over the breakpoint event.
    QVERIFY(s.step());
    QCOMPARE(ran.back(), std::string("m3-ap3"));
  }

  void eventLimitAndRequestStop() {
    Scheduler s;
    int count = 0;
    for (int i = 0; i < 10; ++i) s.scheduleAt(i, kTimer, [&] { ++count; });
    QCOMPARE(s.run({}, 3), StopReason::EventLimit);
    QCOMPARE(count, 3);
    s.scheduleAt(5, kTimer, [&] { s.requestStop(); });  // runs after the other event at 5
    QCOMPARE(s.run(), StopReason::Stopped);
    QCOMPARE(count, 6);  // events at 3, 4 and 5 ran, then the stop event
    QCOMPARE(s.run(), StopReason::Empty);
    QCOMPARE(count, 10);
  }

  void schedulingInThePastThrows() {
    Scheduler s;
    s.scheduleAt(100, kTimer, [] {});
    s.run();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, s.scheduleAt(99, kTimer, [] {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, s.scheduleAfter(-1, kTimer, [] {}));
    QCOMPARE(s.pending(), std::size_t{0});
  }

  // Captured state is destroyed exactly once whether the event runs or is cancelled,
  // for handlers stored in place and for oversized ones moved to the heap.
  void handlerStateIsReleased() {
    auto token = std::make_shared<int>(7);
    struct Big {
      std::shared_ptr<int> keep;
      char padding[200] = {};
      int* out;
      void operator()() const { *out += *keep; }
    };
    static_assert(sizeof(Big) > EventHandler::kInlineSize);
    int sum = 0;
    {
      Scheduler s;
      s.scheduleAt(1, kTimer, [token, &sum] { sum += *token; });
      s.scheduleAt(2, kTimer, Big{token, {}, &sum});
      const EventId cancelled = s.scheduleAt(3, kTimer, Big{token, {}, &sum});
      const EventId cancelledSmall = s.scheduleAt(3, kTimer, [token, &sum] { sum += 1000; });
      s.scheduleAt(4, kTimer, [token] {});  // still pending when the scheduler is destroyed
      QCOMPARE(token.use_count(), 6L);
      QVERIFY(s.cancel(cancelled));
      QVERIFY(s.cancel(cancelledSmall));
      QCOMPARE(token.use_count(), 4L);
      s.runUntil(3);
      QCOMPARE(sum, 14);
      QCOMPARE(token.use_count(), 2L);
    }
    QCOMPARE(token.use_count(), 1L);
  }

  void throwingHandlerLeavesQueueConsistent() {
    Scheduler s;
    int after = 0;
    s.scheduleAt(1, kTimer, [] { throw std::runtime_error("model bug"); });
    s.scheduleAt(2, kTimer, [&] { ++after; });
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, s.step());
    QCOMPARE(s.pending(), std::size_t{1});
    QVERIFY(s.step());
    QCOMPARE(after, 1);
  }

  // Many self-rescheduling timers: every event runs in strictly increasing
  // (time, sequence) order, which is what makes equal-time events deterministic.
  void manyTimersStayOrdered() {
    Scheduler s;
    int fired = 0;
    std::function<void(int)> arm = [&](int k) {
      s.scheduleAfter((k * 7919) % 13, kTimer, [&, k] {
        if (++fired < 20000) arm((k + 1) % 97);
      });
    };
    for (int i = 0; i < 100; ++i) arm(i);
    SimTime lastTime = -1;
    std::uint64_t lastSeq = 0;
    int steps = 0;
    while (const auto next = s.peek()) {
      const bool after = next->time > lastTime || (next->time == lastTime && next->sequence > lastSeq);
      if (!after) QFAIL(qPrintable(QString("event %1 out of order").arg(steps)));
      lastTime = next->time;
      lastSeq = next->sequence;
      QVERIFY(s.step());
      ++steps;
    }
    QCOMPARE(fired, 20099);  // 100 chains; the 20000th event stops re-arming, the other 99 chains end after it
    QCOMPARE(steps, fired);
  }

  void formatsTime() {
    QCOMPARE(formatSimTime(seconds(12) + 345'678'901), std::string("12.345678901 s"));
    QCOMPARE(formatSimTime(-microseconds(1)), std::string("-0.000001000 s"));
    QCOMPARE(fromSeconds(1.5), SimTime{1'500'000'000});
    QCOMPARE(fromMicroseconds(2.5), SimTime{2'500});
  }
};

QTEST_GUILESS_MAIN(TestSimScheduler)
#include "tst_sim_scheduler.moc"
