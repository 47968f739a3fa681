// SPDX-License-Identifier: GPL-3.0-or-later
// RAND_set_rand_method() is deprecated in OpenSSL 3.0 but still honoured:
// RAND_bytes_ex and RAND_priv_bytes_ex call a non-default method's `bytes`
// (crypto/rand/rand_lib.c), and BN_priv_rand_range_ex (EC key generation,
// ECDSA nonces) and libssl's randoms go through them. The providers' EVP_RAND
// API offers no seedable generator without writing a provider, so the legacy
// hook is the small, contained way. Deprecation warnings are silenced here only.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "core/sim/deterministic_openssl_random.h"

#include <openssl/rand.h>

#include <mutex>
#include <optional>
#include <stdexcept>

#include "core/sim/random.h"

namespace rs::sim {
namespace {

struct SeededState {
  std::mutex mutex;  // OpenSSL may call from any thread
  std::optional<Random> generator;
  const RAND_METHOD* previous = nullptr;
  bool active = false;
};

SeededState& state() {
  static SeededState s;
  return s;
}

int seededBytes(unsigned char* out, int count) {
  if (count < 0) return 0;
  SeededState& s = state();
  std::lock_guard lock(s.mutex);
  if (!s.generator) return 0;
  auto remaining = static_cast<std::size_t>(count);
  while (remaining > 0) {
    const std::uint64_t word = s.generator->next();
    const std::size_t take = remaining < sizeof word ? remaining : sizeof word;
    for (std::size_t i = 0; i < take; ++i) out[i] = static_cast<unsigned char>(word >> (8 * i));
    out += take;
    remaining -= take;
  }
  return 1;
}

// Entropy OpenSSL or an application offers is ignored: mixing it in would make the output depend on it.
int ignoreSeed(const void*, int) { return 1; }
int ignoreAdd(const void*, int, double) { return 1; }
int alwaysReady() { return 1; }

// bytes and pseudorand (the only two draws of a RAND_METHOD; RAND_priv_bytes uses bytes) share the stream.
const RAND_METHOD kSeededMethod = {ignoreSeed, seededBytes, nullptr, ignoreAdd, seededBytes, alwaysReady};

}  // namespace

ScopedDeterministicOpensslRandom::ScopedDeterministicOpensslRandom(std::uint64_t seed) {
  SeededState& s = state();
  std::lock_guard lock(s.mutex);
  if (s.active)
    throw std::logic_error(
        "a ScopedDeterministicOpensslRandom is already alive: OpenSSL's random method is process-global, one run at a "
        "time may seed it");
  const RAND_METHOD* previous = RAND_get_rand_method();
  s.generator.emplace(Random::stream(seed, "openssl/rand"));
  if (RAND_set_rand_method(&kSeededMethod) != 1) {
    s.generator.reset();
    throw std::runtime_error("OpenSSL refused the seeded RAND_METHOD");
  }
  s.previous = previous;
  s.active = true;
}

ScopedDeterministicOpensslRandom::~ScopedDeterministicOpensslRandom() {
  SeededState& s = state();
  std::lock_guard lock(s.mutex);
  // RAND_get_rand_method() gives the default (RAND_OpenSSL()) when nothing was set before.
  RAND_set_rand_method(s.previous);
  s.generator.reset();
  s.previous = nullptr;
  s.active = false;
}

}  // namespace rs::sim
