// SPDX-License-Identifier: GPL-3.0-or-later
// The mobility security-association entry: its size against the seed's
// figure (about 80 bytes per SA, ~1500 SAs in 128 KB of NVRAM), timestamp and
// nonce replay checks (RFC 3344 5.7), lifetime expiry and key discarding.
#include <QTest>

#include "core/protocols/mip/security_association.h"
#include "dissectors/mip/ntp_time.h"

using namespace rs;
using mip::SecurityAssociation;

class TestMipSecurityAssociation : public QObject {
  Q_OBJECT

 private slots:
  // The seed (background): "each security association consumes approximately
  // 80 bytes of memory", so 128 KB of NVRAM holds about 1500. RoamScope's entry
  // is 80 bytes on x86-64 (a 32-byte key field for keys up to 256 bits, three
  // 64-bit times/counters); the check fails if it grows past what keeps the
  // seed's capacity.
  void sizeMatchesTheSeedsFigure() {
    qInfo("sizeof(SecurityAssociation) = %zu bytes; 128 KiB holds %zu", sizeof(SecurityAssociation),
          std::size_t{128 * 1024} / sizeof(SecurityAssociation));
    QVERIFY(std::size_t{128 * 1024} / sizeof(SecurityAssociation) >= 1500);
  }

  void makeChecksTheKeyAndSetsTheLifetime() {
    const Bytes key(16, 0x42);
    QVERIFY(!SecurityAssociation::make(1, 0x1001, Bytes{}, 0, 1800).has_value());
    QVERIFY(!SecurityAssociation::make(1, 0x1001, Bytes(33, 1), 0, 1800).has_value());
    auto sa = SecurityAssociation::make(0x0a010005, 0x1001, key, 5'000'000'000, 1800);
    QVERIFY(sa.has_value());
    QCOMPARE(toHex(sa->keyView()), toHex(key));
    QCOMPARE(sa->expiresNs, std::int64_t{1805'000'000'000});
    QVERIFY(!sa->expired(1804'999'999'999));
    QVERIFY(sa->expired(1805'000'000'000));
    sa->discardKey();
    QCOMPARE(sa->keyLength, std::uint8_t{0});
    for (std::uint8_t b : sa->key) QCOMPARE(b, std::uint8_t{0});
  }

  void timestampReplayProtection() {
    auto sa = *SecurityAssociation::make(1, 0x1001, Bytes(16, 1), 0, 1800);
    const std::uint64_t now = mip::unixToNtp(1796385600, 0);
    QVERIFY(sa.acceptsIdentification(now, now));
    QVERIFY(sa.acceptsIdentification(mip::unixToNtp(1796385607, 0), now));   // 7 s ahead: inside the window
    QVERIFY(!sa.acceptsIdentification(mip::unixToNtp(1796385608, 0), now));  // 8 s: outside
    QVERIFY(sa.acceptsIdentification(mip::unixToNtp(1796385593, 0), now));
    QVERIFY(!sa.acceptsIdentification(mip::unixToNtp(1796385592, 0), now));
    sa.lastIdentification = now;
    QVERIFY(!sa.acceptsIdentification(now, now));  // a replay inside the window
    QVERIFY(sa.acceptsIdentification(now + 1, now));
  }

  void fromSeed001KeyExtension() {
    namespace s1 = mip::seed001;
    const s1::KeyExtension ext{0x1002, s1::algorithm::kKeyedMd5PrefixSuffix, s1::replay::kNonces, 30};
    auto sa = SecurityAssociation::fromKeyExtension(ext, mip::SaKeyKind::SkeyPrime, 0x0a010005, Bytes(16, 7), 0, 600);
    QVERIFY(sa.has_value());
    QCOMPARE(sa->spi, 0x1002u);
    QVERIFY(sa->mode == mip::SaMode::PrefixSuffix);
    QVERIFY(sa->authAlgorithm() == crypto::mip::AuthAlgorithm::KeyedMd5PrefixSuffix);
    QVERIFY(sa->replay == mip::ReplayProtection::Nonces);
    QCOMPARE(sa->replayWindowSeconds, std::uint16_t{30});
    QVERIFY(sa->kind == mip::SaKeyKind::SkeyPrime);
    auto bad = ext;
    bad.algorithm = 9;
    QVERIFY(!SecurityAssociation::fromKeyExtension(bad, mip::SaKeyKind::Skey, 1, Bytes(16, 7), 0, 600));
    bad = ext;
    bad.replayMethod = 0;
    QVERIFY(!SecurityAssociation::fromKeyExtension(bad, mip::SaKeyKind::Skey, 1, Bytes(16, 7), 0, 600));
  }

  void nonceReplayProtection() {
    auto sa = *SecurityAssociation::make(1, 0x1001, Bytes(16, 1), 0, 1800);
    sa.replay = mip::ReplayProtection::Nonces;
    sa.lastIdentification = 0x1234;
    QVERIFY(!sa.acceptsIdentification(0x1234, 0));
    QVERIFY(sa.acceptsIdentification(0x1, 0));
  }
};

QTEST_GUILESS_MAIN(TestMipSecurityAssociation)
#include "tst_mip_security_association.moc"
