// SPDX-License-Identifier: GPL-3.0-or-later
// The security-association table (sa_table.h): rows by (mobile, SPI), the
// NVRAM budget that limits static rows only (80-byte rows: the seed's 128 KB
// holds 1,638), session keys in memory, replacement and removal wiping keys,
// expiry that spares static rows, and the per-mobile replay state.
#include <QtTest>

#include "core/protocols/mip/sa_table.h"
#include "core/sim/sim_time.h"

using namespace rs;
using mip::SaKeyKind;
using mip::SaTable;
using mip::SecurityAssociation;

namespace {

SecurityAssociation row(std::uint32_t mobile, std::uint32_t spi, SaKeyKind kind, std::uint8_t fill,
                        std::int64_t nowNs = 0, std::uint32_t lifetime = 30) {
  const Bytes key(16, fill);
  auto sa = SecurityAssociation::make(mobile, spi, key, nowNs, lifetime);
  sa->kind = kind;
  if (kind == SaKeyKind::Static) sa->expiresNs = std::numeric_limits<std::int64_t>::max();
  return *sa;
}

}  // namespace

class TestMipSaTable : public QObject {
  Q_OBJECT
 private slots:
  void rowSizeIsTheSeeds() {
    // The seed: "approximately 80 bytes" per SA; 128 KB of NVRAM for about 1,500 of them.
    QCOMPARE(sizeof(SecurityAssociation), std::size_t{80});
    QCOMPARE(SaTable().capacity(), std::size_t{1638});
  }

  void nvramLimitsStaticRowsOnly() {
    SaTable t(3 * sizeof(SecurityAssociation));
    for (std::uint32_t m = 1; m <= 3; ++m) QCOMPARE(t.install(row(m, 256, SaKeyKind::Static, 1)), SaTable::Install::Added);
    QCOMPARE(t.install(row(4, 256, SaKeyKind::Static, 1)), SaTable::Install::Full);
    QVERIFY(!t.find(4, 256));
    // Session keys do not count against NVRAM.
    for (std::uint32_t m = 1; m <= 100; ++m) {
      QCOMPARE(t.install(row(m, 0x1000, SaKeyKind::Skey, 2)), SaTable::Install::Added);
      QCOMPARE(t.install(row(m, 0x1001, SaKeyKind::SkeyPrime, 3)), SaTable::Install::Added);
    }
    QCOMPARE(t.nvramBytesUsed(), 3 * sizeof(SecurityAssociation));
    QCOMPARE(t.memoryBytesUsed(), 200 * sizeof(SecurityAssociation));
    QCOMPARE(t.bytesUsed(), 203 * sizeof(SecurityAssociation));
    // Removing a static row frees its NVRAM for another.
    QVERIFY(t.remove(2, 256));
    QCOMPARE(t.install(row(4, 256, SaKeyKind::Static, 1)), SaTable::Install::Added);
  }

  void replaceAndRemoveSessionKeys() {
    SaTable t;
    t.install(row(7, 256, SaKeyKind::Static, 1));
    t.install(row(7, 0x1000, SaKeyKind::Skey, 2));
    t.install(row(7, 0x1001, SaKeyKind::SkeyPrime, 3));
    t.install(row(8, 0x1001, SaKeyKind::SkeyPrime, 4));
    QCOMPARE(t.install(row(7, 0x1001, SaKeyKind::SkeyPrime, 9)), SaTable::Install::Replaced);
    QCOMPARE(t.find(7, 0x1001)->key[0], std::uint8_t{9});
    QCOMPARE(t.removeSessionKeys(7), std::size_t{2});
    QVERIFY(t.find(7, 256));  // configured keys stay
    QVERIFY(t.find(8, 0x1001));  // other mobiles untouched
    QCOMPARE(t.size(), std::size_t{2});
    const auto rows = t.rows();
    QCOMPARE(rows.front()->mobileNode, 7u);
    QCOMPARE(rows.back()->mobileNode, 8u);
  }

  void expiryExtendAndReplayState() {
    SaTable t;
    t.install(row(7, 256, SaKeyKind::Static, 1));
    t.install(row(7, 0x1000, SaKeyKind::Skey, 2, 0, 30));
    t.install(row(9, 0x1000, SaKeyKind::Skey, 2, 0, 60));
    t.extend(7, sim::seconds(45));
    QVERIFY(t.expire(sim::seconds(44)).empty());
    const auto gone = t.expire(sim::seconds(45));
    QCOMPARE(gone.size(), std::size_t{1});
    QCOMPARE(gone[0], (std::pair<std::uint32_t, std::uint32_t>{7, 0x1000}));
    QVERIFY(t.find(7, 256));  // static rows never expire
    QCOMPARE(t.expire(sim::seconds(60)).size(), std::size_t{1});
    t.noteIdentification(7, 42);
    QCOMPARE(t.find(7, 256)->lastIdentification, std::uint64_t{42});
    t.clear();
    QVERIFY(t.empty());
    QCOMPARE(t.nvramBytesUsed(), std::size_t{0});
  }
};

QTEST_GUILESS_MAIN(TestMipSaTable)
#include "tst_mip_sa_table.moc"
