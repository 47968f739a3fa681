// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/random.h"

#include <cmath>

namespace rs::sim {
namespace {

__extension__ typedef unsigned __int128 Uint128;  // GCC/Clang; __extension__ keeps -Wpedantic quiet

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// FNV-1a 64-bit (Fowler, Noll, Vo; offset basis 14695981039346656037, prime
// 1099511628211): a fixed, portable hash of the stream name (std::hash is not).
std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::uint64_t splitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

Random::Random(std::uint64_t seed) {
  std::uint64_t sm = seed;
  for (auto& word : s_) word = splitMix64(sm);
}

Random Random::stream(std::uint64_t seed, std::string_view name) {
  // Mixing the hash through SplitMix64 once more keeps streams of nearby seeds apart.
  std::uint64_t mixed = seed ^ fnv1a64(name);
  return Random(splitMix64(mixed));
}

void Random::fill(std::span<std::uint8_t> out) {
  for (std::size_t i = 0; i < out.size(); i += 8) {
    const std::uint64_t v = next();
    for (std::size_t k = 0; k < 8 && i + k < out.size(); ++k) out[i + k] = static_cast<std::uint8_t>(v >> (8 * k));
  }
}

std::vector<std::uint8_t> Random::bytes(std::size_t n) {
  std::vector<std::uint8_t> out(n);
  fill(out);
  return out;
}

std::uint64_t Random::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Random::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Random::uniform(double low, double high) { return low + (high - low) * uniform(); }

std::int64_t Random::uniformInt(std::int64_t low, std::int64_t high) {
  if (high <= low) return low;
  const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  if (span == UINT64_MAX) return static_cast<std::int64_t>(next());
  const std::uint64_t range = span + 1;
  // Multiply-shift maps 64 random bits onto [0, range); values of the low
  // product below (2^64 mod range) belong to an incomplete block and are redrawn.
  const std::uint64_t threshold = (0 - range) % range;
  for (;;) {
    const Uint128 m = static_cast<Uint128>(next()) * range;
    if (static_cast<std::uint64_t>(m) >= threshold)
      return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + static_cast<std::uint64_t>(m >> 64));
  }
}

bool Random::bernoulli(double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return uniform() < p;
}

double Random::normal(double mean, double standardDeviation) {
  if (haveSpareNormal_) {
    haveSpareNormal_ = false;
    return mean + standardDeviation * spareNormal_;
  }
  double u, v, s;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spareNormal_ = v * factor;
  haveSpareNormal_ = true;
  return mean + standardDeviation * u * factor;
}

double Random::exponential(double mean) { return -mean * std::log1p(-uniform()); }

}  // namespace rs::sim
