// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Makes OpenSSL's random numbers a function of the run's seed, so emulated
// EAP-TLS (TLS randoms, ECDHE keys, ECDSA signatures, the test PKI's keys)
// gives byte-identical captures for the same seed.
//
// While a guard lives, OpenSSL's RAND_bytes / RAND_priv_bytes (and through
// them key generation and ECDSA nonces) draw from Random::stream(seed,
// "openssl/rand") through OpenSSL 3.0's legacy RAND_METHOD hook. The hook is
// process-global: only one emulation run per process may hold a guard at a
// time (a second live guard throws std::logic_error), and every other
// OpenSSL user of the process — threads included — gets the seeded bytes too
// while it lives.
//
// Why this is not a security problem: it exists for the emulator only, whose
// keys protect nothing (they are published in the run's traces on request).
// The analysis of captures and the real peers (FreeRADIUS, hostapd,
// strongSwan) never run under a guard, and the destructor restores the
// previous method, so OpenSSL's own DRBG is back as soon as the run ends.
#include <cstdint>

namespace rs::sim {

class ScopedDeterministicOpensslRandom {
 public:
  // Installs the seeded method. Throws std::logic_error when another guard is
  // alive, std::runtime_error when OpenSSL refuses the method.
  explicit ScopedDeterministicOpensslRandom(std::uint64_t seed);
  // Restores the method that was in place before.
  ~ScopedDeterministicOpensslRandom();
  ScopedDeterministicOpensslRandom(const ScopedDeterministicOpensslRandom&) = delete;
  ScopedDeterministicOpensslRandom& operator=(const ScopedDeterministicOpensslRandom&) = delete;
};

}  // namespace rs::sim
