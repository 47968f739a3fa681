// SPDX-License-Identifier: GPL-3.0-or-later
// Known-answer tests for the building blocks: digests, HMAC, CMAC, PBKDF2, the
// IEEE 802.11 PRF/KDF, AES key wrap, RC4, Michael, and the secret-handling helpers.
#include <QTest>

#include <string>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/hash_mac.h"
#include "core/crypto/ieee80211_prf.h"
#include "core/crypto/michael.h"
#include "core/crypto/pbkdf2.h"
#include "core/crypto/rc4.h"
#include "core/crypto/secret_bytes.h"
#include "tests/core/crypto/hex_helpers.h"

using namespace rs;
using namespace rs::crypto;
using rs::test::hx;

Q_DECLARE_METATYPE(rs::crypto::HashAlgorithm)

class CryptoPrimitivesTest : public QObject {
  Q_OBJECT

 private slots:
  void rfc1320Md4_data() {
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("RFC 1320 A.5 \"\"") << "" << "31d6cfe0d16ae931b73c59d7e0c089c0";
    QTest::newRow("RFC 1320 A.5 \"a\"") << "a" << "bde52cb31de33e46245e05fbdbd6fb24";
    QTest::newRow("RFC 1320 A.5 \"abc\"") << "abc" << "a448017aaf21d8525fc10ae87aa6729d";
    QTest::newRow("RFC 1320 A.5 \"message digest\"") << "message digest" << "d9130a8164549fe818874806e1c7014b";
    QTest::newRow("RFC 1320 A.5 a..z") << "abcdefghijklmnopqrstuvwxyz" << "d79e1c308aa5bbcdeea8ed63df412da9";
    QTest::newRow("RFC 1320 A.5 A..Za..z0..9")
        << "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" << "043f8582f241db351ce627e153e7f0e4";
    QTest::newRow("RFC 1320 A.5 8x1234567890")
        << QString("1234567890").repeated(8) << "e33b4ddc9c38f2199c3e7b164fcc0536";
  }
  void rfc1320Md4() {
    QFETCH(QString, message);
    QFETCH(QString, expected);
    const std::string m = message.toStdString();
    auto d = md4(asView(m));
    QVERIFY2(d.ok(), d.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*d), expected);
  }

  void rfc2202And4231Hmac_data() {
    QTest::addColumn<rs::crypto::HashAlgorithm>("hash");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("expected");
    const QString k0b16 = QString("0b").repeated(16), k0b20 = QString("0b").repeated(20);
    const QString kaa16 = QString("aa").repeated(16), kaa20 = QString("aa").repeated(20), kaa80 = QString("aa").repeated(80);
    const QString hiThere = QString::fromLatin1(QByteArray("Hi There").toHex());
    const QString jefeKey = QString::fromLatin1(QByteArray("Jefe").toHex());
    const QString jefeData = QString::fromLatin1(QByteArray("what do ya want for nothing?").toHex());
    const QString dd50 = QString("dd").repeated(50);
    const QString larger = QString::fromLatin1(QByteArray("Test Using Larger Than Block-Size Key - Hash Key First").toHex());
    using H = rs::crypto::HashAlgorithm;
    QTest::newRow("RFC 2202 2 HMAC-MD5 test case 1") << H::Md5 << k0b16 << hiThere << "9294727a3638bb1c13f48ef8158bfc9d";
    QTest::newRow("RFC 2202 2 HMAC-MD5 test case 2") << H::Md5 << jefeKey << jefeData << "750c783e6ab0b503eaa86e310a5db738";
    QTest::newRow("RFC 2202 2 HMAC-MD5 test case 3") << H::Md5 << kaa16 << dd50 << "56be34521d144c88dbb8c733f0e8b3f6";
    QTest::newRow("RFC 2202 2 HMAC-MD5 test case 6") << H::Md5 << kaa80 << larger << "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd";
    QTest::newRow("RFC 2202 3 HMAC-SHA1 test case 1") << H::Sha1 << k0b20 << hiThere << "b617318655057264e28bc0b6fb378c8ef146be00";
    QTest::newRow("RFC 2202 3 HMAC-SHA1 test case 2") << H::Sha1 << jefeKey << jefeData << "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";
    QTest::newRow("RFC 2202 3 HMAC-SHA1 test case 3") << H::Sha1 << kaa20 << dd50 << "125d7342b9ac11cd91a39af48aa17b4f63f175d3";
    QTest::newRow("RFC 2202 3 HMAC-SHA1 test case 6") << H::Sha1 << kaa80 << larger << "aa4ae5e15272d00e95705637ce8a3b55ed402112";
    QTest::newRow("RFC 4231 4.2 HMAC-SHA256") << H::Sha256 << k0b20 << hiThere
        << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    QTest::newRow("RFC 4231 4.2 HMAC-SHA384") << H::Sha384 << k0b20 << hiThere
        << "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6";
    QTest::newRow("RFC 4231 4.3 HMAC-SHA256") << H::Sha256 << jefeKey << jefeData
        << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    QTest::newRow("RFC 4231 4.3 HMAC-SHA384") << H::Sha384 << jefeKey << jefeData
        << "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649";
    QTest::newRow("RFC 4231 4.4 HMAC-SHA256") << H::Sha256 << kaa20 << dd50
        << "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe";
    QTest::newRow("RFC 4231 4.4 HMAC-SHA384") << H::Sha384 << kaa20 << dd50
        << "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27";
  }
  void rfc2202And4231Hmac() {
    QFETCH(rs::crypto::HashAlgorithm, hash);
    QFETCH(QString, key);
    QFETCH(QString, data);
    QFETCH(QString, expected);
    auto mac = hmac(hash, hx(key.toStdString()), {hx(data.toStdString())});
    QVERIFY2(mac.ok(), mac.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*mac), expected);
    // The multi-part form must give the same MAC as one buffer.
    const Bytes whole = hx(data.toStdString());
    const ByteView v(whole);
    auto split = hmac(hash, hx(key.toStdString()), {v.first(v.size() / 2), v.subspan(v.size() / 2)});
    QVERIFY(split.ok());
    QCOMPARE(rs::test::hexOf(*split), expected);
  }

  void hmacMd4IsRefused() {
    auto mac = hmac(HashAlgorithm::Md4, hx("00"), {hx("00")});
    QVERIFY(!mac.ok());
    QCOMPARE(mac.code(), ErrorCode::Unsupported);
  }

  void rfc4493AesCmac_data() {
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    const QString m = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                      "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
    QTest::newRow("RFC 4493 4 Example 1 (len 0)") << "" << "bb1d6929e95937287fa37d129b756746";
    QTest::newRow("RFC 4493 4 Example 2 (len 16)") << m.left(32) << "070a16b46b4d4144f79bdd9dd04a287c";
    QTest::newRow("RFC 4493 4 Example 3 (len 40)") << m.left(80) << "dfa66747de9ae63030ca32611497c827";
    QTest::newRow("RFC 4493 4 Example 4 (len 64)") << m << "51f0bebf7e3b9d92fc49741779363cfe";
  }
  void rfc4493AesCmac() {
    QFETCH(QString, message);
    QFETCH(QString, expected);
    auto tag = aesCmac(hx("2b7e151628aed2a6abf7158809cf4f3c"), hx(message.toStdString()));
    QVERIFY2(tag.ok(), tag.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*tag), expected);
  }

  void aesCmacRejectsWrongKeyLength() {
    auto tag = aesCmac(hx("2b7e151628aed2a6abf7158809cf4f"), hx("00"));
    QVERIFY(!tag.ok());
    QCOMPARE(tag.code(), ErrorCode::InvalidArgument);
  }

  void rfc6070Pbkdf2HmacSha1_data() {
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("salt");
    QTest::addColumn<unsigned>("iterations");
    QTest::addColumn<QString>("expected");
    QTest::newRow("RFC 6070 2 c=1") << "password" << "salt" << 1u << "0c60c80f961f0e71f3a9b524af6012062fe037a6";
    QTest::newRow("RFC 6070 2 c=2") << "password" << "salt" << 2u << "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957";
    QTest::newRow("RFC 6070 2 c=4096") << "password" << "salt" << 4096u << "4b007901b765489abead49d926f721d065a429c1";
    QTest::newRow("RFC 6070 2 c=4096 dkLen=25") << "passwordPASSWORDpassword" << "saltSALTsaltSALTsaltSALTsaltSALTsalt"
                                                << 4096u << "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038";
  }
  void rfc6070Pbkdf2HmacSha1() {
    QFETCH(QString, password);
    QFETCH(QString, salt);
    QFETCH(unsigned, iterations);
    QFETCH(QString, expected);
    const std::string p = password.toStdString(), s = salt.toStdString();
    auto key = pbkdf2HmacSha1(asView(p), asView(s), iterations, static_cast<std::size_t>(expected.size() / 2));
    QVERIFY2(key.ok(), key.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*key), expected);
  }

  void rfc6070Pbkdf2EmbeddedNul() {
    // RFC 6070 2, last vector: "pass\0word" / "sa\0lt", c = 4096, dkLen = 16.
    const Bytes password = {'p', 'a', 's', 's', 0, 'w', 'o', 'r', 'd'};
    const Bytes salt = {'s', 'a', 0, 'l', 't'};
    auto key = pbkdf2HmacSha1(password, salt, 4096, 16);
    QVERIFY(key.ok());
    RS_COMPARE_HEX(*key, "56fa6aa75548099dcc37d7f03425e0c3");
  }

  void ieee80211J4PassphraseToPsk_data() {
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("ssid");
    QTest::addColumn<QString>("expected");
    QTest::newRow("IEEE 802.11-2016 J.4.2 test case 1") << "password" << "IEEE"
        << "f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e";
    QTest::newRow("IEEE 802.11-2016 J.4.2 test case 2") << "ThisIsAPassword" << "ThisIsASSID"
        << "0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721af";
    QTest::newRow("IEEE 802.11-2016 J.4.2 test case 3") << QString(32, 'a') << QString(32, 'Z')
        << "becb93866bb8c3832cb777c2f559807c8c59afcb6eae734885001300a981cc62";
  }
  void ieee80211J4PassphraseToPsk() {
    QFETCH(QString, passphrase);
    QFETCH(QString, ssid);
    QFETCH(QString, expected);
    auto pmk = pmkFromPassphrase(passphrase.toStdString(), ssid.toStdString());
    QVERIFY2(pmk.ok(), pmk.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*pmk), expected);
  }

  void passphraseRulesAreEnforced() {
    QCOMPARE(pmkFromPassphrase("short", std::string_view("IEEE")).code(), ErrorCode::InvalidArgument);
    QCOMPARE(pmkFromPassphrase(std::string(64, 'a'), std::string_view("IEEE")).code(), ErrorCode::InvalidArgument);
    QCOMPARE(pmkFromPassphrase("pass\tword", std::string_view("IEEE")).code(), ErrorCode::InvalidArgument);
    QCOMPARE(pmkFromPassphrase("password", std::string(33, 'x')).code(), ErrorCode::InvalidArgument);
    QCOMPARE(pbkdf2HmacSha1(hx("00"), hx("00"), 0, 16).code(), ErrorCode::InvalidArgument);
  }

  void ieee80211J3PrfSha1_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("data");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("expected");
    QTest::newRow("IEEE 802.11-2016 J.3.2 test case 1 (PRF-512)")
        << QString("0b").repeated(20) << "prefix" << QString::fromLatin1(QByteArray("Hi There").toHex()) << 512
        << "bcd4c650b30b9684951829e0d75f9d54b862175ed9f00606e17d8da35402ffee"
           "75df78c3d31e0f889f012120c0862beb67753e7439ae242edb8373698356cf5a";
    QTest::newRow("IEEE 802.11-2016 J.3.2 test case 2 (PRF-512)")
        << QString::fromLatin1(QByteArray("Jefe").toHex()) << "prefix"
        << QString::fromLatin1(QByteArray("what do ya want for nothing?").toHex()) << 512
        << "51f4de5b33f249adf81aeb713a3c20f4fe631446fabdfa58244759ae58ef9009"
           "a99abf4eac2ca5fa87e692c440eb40023e7babb206d61de7b92f41529092b8fc";
    QTest::newRow("IEEE 802.11-2016 J.3.2 test case 3 (PRF-512)")
        << QString("aa").repeated(20) << "prefix" << QString("dd").repeated(50) << 512
        << "e1ac546ec4cb636f9976487be5c86be17a0252ca5d8d8df12cfb0473525249ce"
           "9dd8d177ead710bc9b590547239107aef7b4abd43d87f0a68f1cbd9e2b6f7607";
    QTest::newRow("IEEE 802.11-2016 J.3.2 test case 4 (PRF-384, prefix-2)")
        << QString::fromLatin1(QByteArray("Jefe").toHex()) << "prefix-2"
        << QString::fromLatin1(QByteArray("what do ya want for nothing?").toHex()) << 384
        << "47c4908e30c947521ad20be9053450ecbea23d3aa604b77326d8b3825ff7475c06f51fb9c5313d1e9f90d897d134b72e";
    QTest::newRow("IEEE 802.11-2016 J.3.2 test case 1 truncated (PRF-192)")
        << QString("0b").repeated(20) << "prefix" << QString::fromLatin1(QByteArray("Hi There").toHex()) << 192
        << "bcd4c650b30b9684951829e0d75f9d54b862175ed9f00606";
  }
  void ieee80211J3PrfSha1() {
    QFETCH(QString, key);
    QFETCH(QString, label);
    QFETCH(QString, data);
    QFETCH(int, bits);
    QFETCH(QString, expected);
    auto out = prfSha1(hx(key.toStdString()), label.toStdString(), hx(data.toStdString()), static_cast<std::size_t>(bits));
    QVERIFY2(out.ok(), out.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*out), expected);
  }

  void kdfHashLengthCrossCheck_data() {
    QTest::addColumn<rs::crypto::HashAlgorithm>("hash");
    QTest::addColumn<int>("keyBytes");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("expected");
    // No KDF-only vector is published in Annex J (KDF-SHA-256 is checked against
    // published PTK and FT vectors in tst_crypto_wpa_keys). These values come from an
    // independent implementation of the 12.7.1.7.2 formula with Python's hmac module:
    // key = 00 01 .. (keyBytes-1), label "Pairwise key expansion", context = 00 01 .. 4b.
    QTest::newRow("12.7.1.7.2 KDF-SHA-384 576 bits (Python hmac)") << rs::crypto::HashAlgorithm::Sha384 << 48 << 576
        << "bbf7e5de7efcf9bf692171fb291f8a535220533b8ac1657e6d87f6ff50126c611c148b6e11e2975f"
           "712473a7e3e3511717c3bc6b1e78ac7f7a32c5f870ced827ab1fb08c26bc417c";
    QTest::newRow("12.7.1.7.2 KDF-SHA-256 384 bits (Python hmac)") << rs::crypto::HashAlgorithm::Sha256 << 32 << 384
        << "ca5d2b63205753bc5b26c31a135d1fb964f1ce5d87062246c4da6433d5422ca19065f6c58c3da70e0756992606528f4d";
  }
  void kdfHashLengthCrossCheck() {
    QFETCH(rs::crypto::HashAlgorithm, hash);
    QFETCH(int, keyBytes);
    QFETCH(int, bits);
    QFETCH(QString, expected);
    Bytes key(static_cast<std::size_t>(keyBytes)), context(76);
    for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(i);
    for (std::size_t i = 0; i < context.size(); ++i) context[i] = static_cast<std::uint8_t>(i);
    auto out = kdfHashLength(hash, key, "Pairwise key expansion", context, static_cast<std::size_t>(bits));
    QVERIFY2(out.ok(), out.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*out), expected);
    // Length is an input of every block: a shorter request is not a prefix of the longer one.
    auto shorter = kdfHashLength(hash, key, "Pairwise key expansion", context, static_cast<std::size_t>(bits - 128));
    QVERIFY(shorter.ok());
    QVERIFY(rs::test::hexOf(*shorter) != expected.left(shorter->size() * 2));
  }

  void rfc3394KeyWrap_data() {
    QTest::addColumn<QString>("kek");
    QTest::addColumn<QString>("keyData");
    QTest::addColumn<QString>("wrapped");
    const QString kek128 = "000102030405060708090a0b0c0d0e0f", kek192 = kek128 + "1011121314151617";
    const QString kek256 = kek128 + "101112131415161718191a1b1c1d1e1f";
    const QString data128 = "00112233445566778899aabbccddeeff";
    QTest::newRow("RFC 3394 4.1 128-bit data, 128-bit KEK") << kek128 << data128
        << "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5";
    QTest::newRow("RFC 3394 4.2 128-bit data, 192-bit KEK") << kek192 << data128
        << "96778b25ae6ca435f92b5b97c050aed2468ab8a17ad84e5d";
    QTest::newRow("RFC 3394 4.3 128-bit data, 256-bit KEK") << kek256 << data128
        << "64e8c3f9ce0f5ba263e9777905818a2a93c8191e7d6e8ae7";
    QTest::newRow("RFC 3394 4.4 192-bit data, 192-bit KEK") << kek192 << data128 + "0001020304050607"
        << "031d33264e15d33268f24ec260743edce1c6c7ddee725a936ba814915c6762d2";
    QTest::newRow("RFC 3394 4.5 192-bit data, 256-bit KEK") << kek256 << data128 + "0001020304050607"
        << "a8f9bc1612c68b3ff6e6f4fbe30e71e4769c8b80a32cb8958cd5d17d6b254da1";
    QTest::newRow("RFC 3394 4.6 256-bit data, 256-bit KEK") << kek256 << data128 + "000102030405060708090a0b0c0d0e0f"
        << "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21";
  }
  void rfc3394KeyWrap() {
    QFETCH(QString, kek);
    QFETCH(QString, keyData);
    QFETCH(QString, wrapped);
    const Bytes k = hx(kek.toStdString());
    auto w = aesKeyWrap(k, hx(keyData.toStdString()));
    QVERIFY2(w.ok(), w.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*w), wrapped);
    auto u = aesKeyUnwrap(k, hx(wrapped.toStdString()));
    QVERIFY2(u.ok(), u.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*u), keyData);
    // One flipped bit anywhere must fail the integrity check, never yield data.
    Bytes tampered = hx(wrapped.toStdString());
    tampered[tampered.size() / 2] ^= 0x01;
    auto bad = aesKeyUnwrap(k, tampered);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.code(), ErrorCode::IntegrityFailure);
    Bytes wrongKek = k;
    wrongKek[0] ^= 0x80;
    QCOMPARE(aesKeyUnwrap(wrongKek, hx(wrapped.toStdString())).code(), ErrorCode::IntegrityFailure);
  }

  void keyWrapRejectsBadSizes() {
    QCOMPARE(aesKeyWrap(hx("000102030405060708090a0b0c0d0e0f"), hx("0011223344556677")).code(), ErrorCode::InvalidArgument);
    QCOMPARE(aesKeyWrap(hx("0001020304"), hx("00112233445566778899aabbccddeeff")).code(), ErrorCode::InvalidArgument);
    QCOMPARE(aesKeyUnwrap(hx("000102030405060708090a0b0c0d0e0f"), hx("1fa68b0a8112b447aef34bd8fb5a7b82")).code(),
             ErrorCode::Malformed);
  }

  void rfc6229Rc4() {
    // RFC 6229 2, key 0x0102030405 (40 bits): keystream octets 0..15 and 256..271.
    auto zeros = Bytes(272, 0);
    auto stream = rc4(hx("0102030405"), zeros);
    QVERIFY2(stream.ok(), stream.error().describe().c_str());
    RS_COMPARE_HEX(ByteView(*stream).first(16), "b2396305f03dc027ccc3524a0a1118a8");
    auto skipped = rc4(hx("0102030405"), Bytes(16, 0), 256);
    QVERIFY(skipped.ok());
    RS_COMPARE_HEX(*skipped, toHex(ByteView(*stream).subspan(256, 16)));
    // Encrypting twice restores the input.
    auto back = rc4(hx("0102030405"), *stream);
    QVERIFY(back.ok());
    QCOMPARE(*back, zeros);
  }

  void ieee80211MichaelVectors_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("mic");
    // IEEE 802.11-2016 12.5.2.3 / J.6.1 Michael test vectors: each key is the MIC of the previous line.
    QTest::newRow("IEEE 802.11 Michael \"\"") << "0000000000000000" << "" << "82925c1ca1d130b8";
    QTest::newRow("IEEE 802.11 Michael \"M\"") << "82925c1ca1d130b8" << "M" << "434721ca40639b3f";
    QTest::newRow("IEEE 802.11 Michael \"Mi\"") << "434721ca40639b3f" << "Mi" << "e8f9becae97e5d29";
    QTest::newRow("IEEE 802.11 Michael \"Mic\"") << "e8f9becae97e5d29" << "Mic" << "90038fc6cf13c1db";
    QTest::newRow("IEEE 802.11 Michael \"Mich\"") << "90038fc6cf13c1db" << "Mich" << "d55e100510128986";
    QTest::newRow("IEEE 802.11 Michael \"Michael\"") << "d55e100510128986" << "Michael" << "0a942b124ecaa546";
  }
  void ieee80211MichaelVectors() {
    QFETCH(QString, key);
    QFETCH(QString, message);
    QFETCH(QString, mic);
    const std::string m = message.toStdString();
    auto out = michael(hx(key.toStdString()), asView(m));
    QVERIFY2(out.ok(), out.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*out), mic);
  }

  void michaelRejectsWrongKeyLength() { QCOMPARE(michael(hx("00"), hx("00")).code(), ErrorCode::InvalidArgument); }

  void secretBytesMaskAndWipeSemantics() {
    SecretBytes secret(hx("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    QCOMPARE(QString::fromStdString(maskedHex(secret)), QString::fromUtf8("a1b2…(16 bytes)"));
    QCOMPARE(QString::fromStdString(maskedHex(hx("0102"))), QString::fromUtf8("…(2 bytes)"));
    QCOMPARE(QString::fromStdString(secretHex(secret, true)), QString("a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    SecretBytes copy = secret;
    QVERIFY(copy == secret);
    copy.data()[15] ^= 1;
    QVERIFY(!(copy == secret));
    SecretBytes moved = std::move(copy);
    QCOMPARE(moved.size(), std::size_t{16});
    QCOMPARE(copy.size(), std::size_t{0});  // NOLINT(bugprone-use-after-move): moved-from state is defined
    Bytes plain = hx("0102030405");
    wipe(plain);
    QVERIFY(plain.empty());
    QVERIFY(constantTimeEquals(hx("0102"), hx("0102")));
    QVERIFY(!constantTimeEquals(hx("0102"), hx("0103")));
    QVERIFY(!constantTimeEquals(hx("0102"), hx("010200")));
  }
};

QTEST_GUILESS_MAIN(CryptoPrimitivesTest)
#include "tst_crypto_primitives.moc"
