// SPDX-License-Identifier: GPL-3.0-or-later
// CHAP-MD5 (RFC 1994 4.1): Response = MD5(Identifier || secret || Challenge).
// RFC 1994 publishes no test vector, so the expected values were computed
// independently with Python's hashlib, e.g.
//   python3 -c 'import hashlib; print(hashlib.md5(bytes([0x2a]) + b"mn1-password"
//               + bytes.fromhex("00112233445566778899aabbccddeeff")).hexdigest())'
#include <QTest>

#include "core/crypto/chap.h"
#include "tests/core/crypto/hex_helpers.h"

using namespace rs;
using namespace rs::crypto;
using rs::test::hx;

class CryptoChapTest : public QObject {
  Q_OBJECT
 private slots:
  void rfc1994Md5Response_data() {
    QTest::addColumn<int>("ident");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("challenge");
    QTest::addColumn<QString>("expected");
    QTest::newRow("16-octet challenge") << 0x2a << QByteArray("mn1-password") << "00112233445566778899aabbccddeeff"
                                        << "bd75b8fb79a7f0c142d3d0003a4ac427";
    QTest::newRow("5-octet challenge, ident 0") << 0x00 << QByteArray("secret") << "0102030405"
                                                << "2f405eb9c21089ded1f07d717ba4f01c";
  }
  void rfc1994Md5Response() {
    QFETCH(int, ident);
    QFETCH(QByteArray, secret);
    QFETCH(QString, challenge);
    QFETCH(QString, expected);
    const auto response = chapMd5Response(static_cast<std::uint8_t>(ident), asView(secret.toStdString()),
                                          hx(challenge.toStdString()));
    QVERIFY(response);
    RS_COMPARE_HEX(*response, expected.toStdString());
  }

  // The identifier is part of the hash: another ident gives another response.
  void identChangesTheResponse() {
    const Bytes challenge = hx("00112233445566778899aabbccddeeff");
    const auto a = chapMd5Response(0x2a, asView("mn1-password"), challenge);
    const auto b = chapMd5Response(0x2b, asView("mn1-password"), challenge);
    QVERIFY(a && b);
    QVERIFY(*a != *b);
  }

  void emptyChallengeIsRefused() {
    QCOMPARE(chapMd5Response(1, asView("secret"), {}).code(), ErrorCode::InvalidArgument);
  }
};

QTEST_GUILESS_MAIN(CryptoChapTest)
#include "tst_crypto_chap.moc"
