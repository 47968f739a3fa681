// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deterministic random numbers for the emulation.
//
// Why not <random>'s distributions: the engines are specified bit for bit, but
// std::uniform_real_distribution, std::normal_distribution and friends are not
// (the standard fixes only the resulting distribution, so libstdc++, libc++ and
// MSVC — and different versions of one library — draw different sequences).
// A scenario must give the same capture everywhere, so the generator and every
// transform are written here. uniform(), uniformInt() and bernoulli() are
// exact integer/IEEE arithmetic and identical everywhere; normal() and
// exponential() also call std::sqrt (exact under IEEE 754) and std::log
// (within an ulp in glibc, possibly differing in the last bit on another libm).
//
// Generator: xoshiro256** (Blackman & Vigna, "Scrambled Linear Pseudorandom
// Number Generators", ACM TOMS 47(4), 2021), seeded through SplitMix64 (Steele,
// Lea & Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014)
// as its authors recommend.
//
// Streams: each model draws from its own stream, derived from the scenario seed
// and a stream name ("medium/ch6/loss", "link/ds-ap1/jitter"), so adding a draw
// in one model leaves every other model's numbers unchanged.
#include <array>
#include <span>
#include <vector>
#include <cstdint>
#include <string_view>

namespace rs::sim {

// SplitMix64 step: advances `state` and returns the mixed value.
std::uint64_t splitMix64(std::uint64_t& state);

class Random {
 public:
  // A generator seeded from `seed` alone.
  explicit Random(std::uint64_t seed);
  // The independent stream `name` of the run seeded with `seed`.
  static Random stream(std::uint64_t seed, std::string_view name);

  // 64 uniformly distributed bits.
  std::uint64_t next();
  // `out` filled with random octets, each 64-bit draw used least significant octet first (nonces,
  // keys, authenticators of emulated protocols).
  void fill(std::span<std::uint8_t> out);
  // `n` random octets, as fill().
  std::vector<std::uint8_t> bytes(std::size_t n);
  // Uniform in [0, 1): the top 53 bits scaled by 2^-53, so every value is an
  // exact double and the mapping is the same on every IEEE 754 machine.
  double uniform();
  // Uniform in [low, high).
  double uniform(double low, double high);
  // Uniform integer in [low, high] (inclusive), without modulo bias (rejection
  // of the incomplete last block, Lemire, "Fast Random Integer Generation in
  // an Interval", ACM TOMACS 29(1), 2019).
  std::int64_t uniformInt(std::int64_t low, std::int64_t high);
  // True with probability p (p <= 0 never draws true, p >= 1 always).
  bool bernoulli(double p);
  // Normal (Gaussian) by the Marsaglia polar method; draws pairs and keeps the
  // second value for the next call.
  double normal(double mean, double standardDeviation);
  // Exponential with the given mean, by inversion: -mean * ln(1 - U).
  double exponential(double mean);

 private:
  std::array<std::uint64_t, 4> s_{};
  bool haveSpareNormal_ = false;
  double spareNormal_ = 0.0;
};

}  // namespace rs::sim
