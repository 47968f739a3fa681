// SPDX-License-Identifier: GPL-3.0-or-later
// ScopedDeterministicOpensslRandom: under a guard OpenSSL's RAND_bytes and
// everything built on it (the test PKI's keys and ECDSA signatures) depend on
// the seed alone; after the guard OpenSSL's own generator is back; guards do
// not nest.
#include <openssl/rand.h>

#include <QtTest>
#include <stdexcept>

#include "core/protocols/eap_tls/test_pki.h"
#include "core/sim/deterministic_openssl_random.h"

using namespace rs;
using rs::sim::ScopedDeterministicOpensslRandom;

namespace {

Bytes randBytes(std::size_t count) {
  Bytes out(count);
  if (RAND_bytes(out.data(), static_cast<int>(count)) != 1) out.clear();
  return out;
}

Bytes privRandBytes(std::size_t count) {
  Bytes out(count);
  if (RAND_priv_bytes(out.data(), static_cast<int>(count)) != 1) out.clear();
  return out;
}

struct Draws {
  Bytes publicBytes;
  Bytes privateBytes;
  eap::TestPki pki;
};

Draws drawUnder(std::uint64_t seed) {
  ScopedDeterministicOpensslRandom guard(seed);
  Draws d;
  d.publicBytes = randBytes(61);  // not a multiple of 8: the tail of a 64-bit draw is used too
  d.privateBytes = privRandBytes(32);
  d.pki = eap::makeTestPki("seeded").value();
  return d;
}

}  // namespace

class TestSimOpensslRandom : public QObject {
  Q_OBJECT
 private slots:
  void sameSeedSameBytesAndCertificates() {
    const Draws first = drawUnder(42);
    const Draws second = drawUnder(42);
    QCOMPARE(first.publicBytes.size(), std::size_t{61});
    QCOMPARE(first.publicBytes, second.publicBytes);
    QCOMPARE(first.privateBytes, second.privateBytes);
    QVERIFY(first.privateBytes != Bytes(first.privateBytes.size(), 0));
    QCOMPARE(first.pki.ca.certificateDer, second.pki.ca.certificateDer);
    QCOMPARE(first.pki.server.certificateDer, second.pki.server.certificateDer);
    QCOMPARE(first.pki.client.certificateDer, second.pki.client.certificateDer);
    QVERIFY(first.pki.client.privateKeyDer == second.pki.client.privateKeyDer);
  }

  void otherSeedOtherBytesAndCertificates() {
    const Draws a = drawUnder(42);
    const Draws b = drawUnder(43);
    QVERIFY(a.publicBytes != b.publicBytes);
    QVERIFY(a.privateBytes != b.privateBytes);
    QVERIFY(a.pki.ca.certificateDer != b.pki.ca.certificateDer);
    QVERIFY(a.pki.server.certificateDer != b.pki.server.certificateDer);
  }

  // After the guard, two draws differ and neither repeats the seeded sequence.
  void randomAgainAfterTheGuard() {
    const Bytes seeded = drawUnder(7).publicBytes;
    const Bytes one = randBytes(61);
    const Bytes two = randBytes(61);
    QCOMPARE(one.size(), std::size_t{61});
    QVERIFY(one != two);
    QVERIFY(one != seeded);
    QVERIFY(privRandBytes(32) != privRandBytes(32));
  }

  // A second live guard is refused and leaves the first one's stream untouched.
  void guardsDoNotNest() {
    Bytes drawn;
    {
      ScopedDeterministicOpensslRandom outer(1);
      drawn = randBytes(16);
      QVERIFY_THROWS_EXCEPTION(std::logic_error, ScopedDeterministicOpensslRandom(2));
      const Bytes after = randBytes(16);
      drawn.insert(drawn.end(), after.begin(), after.end());
    }
    ScopedDeterministicOpensslRandom fresh(1);
    QCOMPARE(drawn, randBytes(32));
  }

  void streamContinuesAcrossDrawsOfOneGuard() {
    Bytes firstRun, secondRun;
    {
      ScopedDeterministicOpensslRandom guard(1);
      firstRun = randBytes(16);
      const Bytes more = randBytes(16);
      firstRun.insert(firstRun.end(), more.begin(), more.end());
    }
    {
      ScopedDeterministicOpensslRandom guard(1);
      secondRun = randBytes(32);
    }
    QCOMPARE(firstRun, secondRun);
  }
};

QTEST_GUILESS_MAIN(TestSimOpensslRandom)
#include "tst_sim_openssl_random.moc"
