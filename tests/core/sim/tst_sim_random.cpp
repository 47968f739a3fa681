// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic random streams: golden values of the generators, range and
// distribution checks of the transforms, independence of named streams.
#include <QtTest>
#include <cmath>
#include <set>
#include <vector>

#include "core/sim/random.h"

using namespace rs::sim;

class TestSimRandom : public QObject {
  Q_OBJECT
 private slots:
  // SplitMix64 seeded with 1234567: the first five outputs published with
  // Java's SplittableRandom / Vigna's splitmix64.c test run (also reproduced by
  // an independent Python implementation when this test was written).
  void splitMix64Golden() {
    std::uint64_t state = 1234567;
    const std::uint64_t expected[] = {6457827717110365317ull, 3203168211198807973ull, 9817491932198370423ull,
                                      4593380528125082431ull, 16408922859458223821ull};
    for (std::uint64_t e : expected) QCOMPARE(splitMix64(state), e);
  }

  // xoshiro256** seeded through SplitMix64(42): first four outputs, from an
  // independent Python transcription of Blackman & Vigna's reference algorithm.
  void xoshiroGolden() {
    Random r(42);
    QCOMPARE(r.next(), 1546998764402558742ull);
    QCOMPARE(r.next(), 6990951692964543102ull);
    QCOMPARE(r.next(), 12544586762248559009ull);
    QCOMPARE(r.next(), 17057574109182124193ull);
  }

  // A named stream: seed XOR FNV-1a-64(name), through SplitMix64, seeds the generator.
  void streamGolden() {
    Random r = Random::stream(42, "medium/ch1/loss");
    QCOMPARE(r.next(), 10781149370347058095ull);
    QCOMPARE(r.next(), 10923467994837345048ull);
    QCOMPARE(r.next(), 12400310619167942904ull);
  }

  // uniform(): top 53 bits * 2^-53 of the outputs above.
  void uniformGolden() {
    Random r(42);
    QCOMPARE(r.uniform(), 0.08386297105988216);
    QCOMPARE(r.uniform(), 0.3789802506626686);
  }

  void streamsAreIndependent() {
    Random a1 = Random::stream(7, "link/ds-ap1/jitter");
    std::vector<std::uint64_t> alone;
    for (int i = 0; i < 8; ++i) alone.push_back(a1.next());

    // Drawing from another stream in between does not change this one.
    Random a2 = Random::stream(7, "link/ds-ap1/jitter");
    Random b = Random::stream(7, "medium/ch6/loss");
    std::vector<std::uint64_t> interleaved;
    for (int i = 0; i < 8; ++i) {
      for (int k = 0; k < i; ++k) b.next();
      interleaved.push_back(a2.next());
    }
    QCOMPARE(interleaved, alone);

    // Different names and different seeds give different sequences.
    QVERIFY(Random::stream(7, "link/ds-ap1/jitter").next() != Random::stream(7, "link/ds-ap2/jitter").next());
    QVERIFY(Random::stream(7, "x").next() != Random::stream(8, "x").next());
  }

  void uniformIntCoversRangeWithoutEscaping() {
    Random r(1);
    std::set<std::int64_t> seen;
    for (int i = 0; i < 10000; ++i) {
      const auto v = r.uniformInt(-3, 3);
      QVERIFY(v >= -3 && v <= 3);
      seen.insert(v);
    }
    QCOMPARE(seen.size(), std::size_t{7});
    QCOMPARE(r.uniformInt(5, 5), std::int64_t{5});
    QCOMPARE(r.uniformInt(5, 4), std::int64_t{5});  // empty range: the low end
    const auto full = r.uniformInt(INT64_MIN, INT64_MAX);
    Q_UNUSED(full);
  }

  void uniformStaysInUnitInterval() {
    Random r(2);
    double sum = 0;
    for (int i = 0; i < 100000; ++i) {
      const double u = r.uniform();
      QVERIFY(u >= 0.0 && u < 1.0);
      sum += u;
    }
    QVERIFY(std::fabs(sum / 100000 - 0.5) < 0.01);
  }

  // Moments with 200,000 draws: the standard error of the mean is sd/447, so
  // the bounds below are more than five standard errors wide.
  void normalMoments() {
    Random r(3);
    const int n = 200000;
    double sum = 0, sq = 0;
    for (int i = 0; i < n; ++i) {
      const double x = r.normal(10.0, 2.0);
      sum += x;
      sq += x * x;
    }
    const double mean = sum / n;
    const double var = sq / n - mean * mean;
    QVERIFY2(std::fabs(mean - 10.0) < 0.03, qPrintable(QString::number(mean)));
    QVERIFY2(std::fabs(std::sqrt(var) - 2.0) < 0.03, qPrintable(QString::number(std::sqrt(var))));
  }

  void exponentialMean() {
    Random r(4);
    const int n = 200000;
    double sum = 0;
    for (int i = 0; i < n; ++i) {
      const double x = r.exponential(5.0);
      QVERIFY(x >= 0.0);
      sum += x;
    }
    QVERIFY(std::fabs(sum / n - 5.0) < 0.06);
  }

  void bernoulliEdges() {
    Random r(5);
    int hits = 0;
    for (int i = 0; i < 1000; ++i) {
      QVERIFY(!r.bernoulli(0.0));
      QVERIFY(r.bernoulli(1.0));
      hits += r.bernoulli(0.25) ? 1 : 0;
    }
    QVERIFY(hits > 200 && hits < 300);
  }
};

QTEST_GUILESS_MAIN(TestSimRandom)
#include "tst_sim_random.moc"
