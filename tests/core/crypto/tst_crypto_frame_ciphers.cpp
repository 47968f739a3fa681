// SPDX-License-Identifier: GPL-3.0-or-later
// CCMP and TKIP frame protection: IEEE 802.11 test vectors, authentication-failure
// cases, and decryption of real captured frames (plaintext compared with tshark's).
#include <QTest>

#include "core/crypto/akm_suite.h"
#include "core/crypto/ccmp.h"
#include "core/crypto/ft_key_hierarchy.h"
#include "core/crypto/michael.h"
#include "core/crypto/pbkdf2.h"
#include "core/crypto/ptk_derivation.h"
#include "core/crypto/tkip.h"
#include "tests/core/crypto/hex_helpers.h"
#include "tests/support/fixtures.h"

using namespace rs;
using namespace rs::crypto;
using rs::test::hx;
using rs::test::mac;

namespace {
Bytes concat(ByteView a, ByteView b) {
  Bytes out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}
}  // namespace

class CryptoFrameCiphersTest : public QObject {
  Q_OBJECT

 private slots:
  void ccmpTestVectors_data() {
    QTest::addColumn<QString>("tk");
    QTest::addColumn<QString>("header");
    QTest::addColumn<qulonglong>("pn");
    QTest::addColumn<int>("keyId");
    QTest::addColumn<QString>("plaintext");
    QTest::addColumn<QString>("encrypted");
    // IEEE 802.11-2016 J.6.4 (802.11-2012 M.6.4, 802.11i D7.0 "CCMP test mpdu 1"): data frame.
    QTest::newRow("IEEE 802.11-2016 J.6.4 CCMP test vector (mpdu 1)")
        << "c97c1f67ce371185514a8a19f2bdd52f" << "0848c32c0fd2e128a57c5030f1844408abaea5b8fcba8033"
        << qulonglong(0xB5039776E70CULL) << 0 << "f8ba1a55d02f85ae967bb62fb6cda8eb7e78a050"
        << "0848c32c0fd2e128a57c5030f1844408abaea5b8fcba80330ce700207697 03b5"
           "f3d0a2fe9a3dbf2342a643e43246e80c3c04d0197845ce0b16f97623";
    // 802.11i D7.0 "CCMP test mpdu 2": Data+CF-Ack+CF-Poll, Order bit set (kept in AAD: no QoS), key ID 2.
    QTest::newRow("802.11i CCMP test mpdu 2 (order bit, key 2)")
        << "8f7a053fa577a559752927 2097a603d5" << "38c06a51ea100c846850eec1762c88deaf2ee9f46a07e0cc"
        << qulonglong(0x31F3CBBA97EAULL) << 2 << "83a0634b5ed7627eb9df225e05740342de194117"
        << "38c06a51ea100c846850eec1762c88deaf2ee9f46a07e0ccea9700a0bacbf331"
           "814b6965d05bf2b2ed38d4beb069fe82714a610b542fbf8da06aa4ae";
    // "CCMP test mpdu 6": QoS data, From DS, power management, TID 13 -> nonce priority 0x0d.
    QTest::newRow("802.11i CCMP test mpdu 6 (QoS TID 13)")
        << "f71eea4e1f58804b9717230ad0614641" << "8852e11f5af28430fdabbff943b9f9a6ab1d98c7fe7350713d6a"
        << qulonglong(0x6B81ECA48989ULL) << 1 << "abfda22d3a0bfc9cc1fc079363c2fca143e6eb1d"
        << "8852e11f5af28430fdabbff943b9f9a6ab1d98c7fe7350713d6a89890060a4ec816b"
           "9a709b60a39d40b1dfb612e18b5f114badb6cc86309a8d5c466bbb71";
    // "CCMP test mpdu 7": Data+CF-Ack, To DS, retry/pwrmgt/moredata set (all masked), key ID 3.
    QTest::newRow("802.11i CCMP test mpdu 7 (To DS, masked FC bits)")
        << "1bdb34980e038124a1db1a892bec366a" << "187981469b50f4fd56f6efec95201691 83570c4ccdee20a0"
        << qulonglong(0x5EEC4073E723ULL) << 3 << "98beca86f4b38da20cfdf24724c58eb835665339"
        << "187981469b50f4fd56f6efec9520169183570c4ccdee20a023e700e07340ec5e"
           "12c537ebf3ab584ef1fef9a1f3547a8c13b3225a2d0957ecfabe95b9";
  }
  void ccmpTestVectors() {
    QFETCH(QString, tk);
    QFETCH(QString, header);
    QFETCH(qulonglong, pn);
    QFETCH(int, keyId);
    QFETCH(QString, plaintext);
    QFETCH(QString, encrypted);
    const Bytes key = hx(tk.toStdString());
    auto enc = ccmpEncrypt(key, hx(header.toStdString()), pn, hx(plaintext.toStdString()), static_cast<std::uint8_t>(keyId));
    QVERIFY2(enc.ok(), enc.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*enc), rs::test::hexOf(encrypted.toStdString()));

    auto dec = ccmpDecrypt(key, hx(encrypted.toStdString()));
    QVERIFY2(dec.ok(), dec.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(dec->plaintext), plaintext);
    QCOMPARE(dec->packetNumber, std::uint64_t{pn});
    QCOMPARE(int{dec->keyId}, keyId);
    QCOMPARE(dec->headerLength, hx(header.toStdString()).size());

    // Authentication failures: a flipped ciphertext bit, a changed header field that is
    // part of the AAD (A2), and the wrong key all yield IntegrityFailure.
    Bytes tampered = hx(encrypted.toStdString());
    tampered[tampered.size() - 12] ^= 0x01;
    QCOMPARE(ccmpDecrypt(key, tampered).code(), ErrorCode::IntegrityFailure);
    Bytes otherA2 = hx(encrypted.toStdString());
    otherA2[10] ^= 0x02;
    QCOMPARE(ccmpDecrypt(key, otherA2).code(), ErrorCode::IntegrityFailure);
    Bytes wrongKey = key;
    wrongKey[15] ^= 0x80;
    QCOMPARE(ccmpDecrypt(wrongKey, hx(encrypted.toStdString())).code(), ErrorCode::IntegrityFailure);
    // Bits the AAD masks out (Retry) do not matter.
    Bytes retried = hx(encrypted.toStdString());
    retried[1] ^= 0x08;
    QVERIFY(ccmpDecrypt(key, retried).ok());
  }

  void ccmpFourAddressAndManagementRoundTrip() {
    const Bytes tk = hx("000102030405060708090a0b0c0d0e0f");
    const Bytes body = hx("aaaa030000000800450000280001000040060000c0a80001c0a80002");
    // QoS data, To DS + From DS (WDS): A4 present and covered by the AAD.
    const Bytes wds = hx("8803 0000 020000000001 020000000002 020000000003 1000 020000000004 0500");
    auto wdsFrame = ccmpEncrypt(tk, wds, 7, body);
    QVERIFY2(wdsFrame.ok(), wdsFrame.error().describe().c_str());
    auto back = ccmpDecrypt(tk, *wdsFrame);
    QVERIFY(back.ok());
    QCOMPARE(back->plaintext, body);
    QCOMPARE(back->headerLength, std::size_t{32});
    Bytes otherA4 = *wdsFrame;
    otherA4[29] ^= 0x01;
    QCOMPARE(ccmpDecrypt(tk, otherA4).code(), ErrorCode::IntegrityFailure);
    Bytes otherTid = *wdsFrame;
    otherTid[30] ^= 0x01;
    QCOMPARE(ccmpDecrypt(tk, otherTid).code(), ErrorCode::IntegrityFailure);
    // Robust management frame (deauthentication, reason 2): nonce management bit set.
    const Bytes deauth = hx("c000 0000 020000000000 020000000001 020000000000 6000");
    auto mgmt = ccmpEncrypt(tk, deauth, 1, hx("0200"));
    QVERIFY(mgmt.ok());
    auto mgmtBack = ccmpDecrypt(tk, *mgmt);
    QVERIFY(mgmtBack.ok());
    RS_COMPARE_HEX(mgmtBack->plaintext, "0200");
    // The same body under a data frame header with identical addresses encrypts differently
    // (different nonce flags / AAD), so a management frame cannot be replayed as data.
    Bytes asData = *mgmt;
    asData[0] = 0x08;
    QCOMPARE(ccmpDecrypt(tk, asData).code(), ErrorCode::IntegrityFailure);
  }

  void ccmpRejectsMalformedFrames() {
    const Bytes tk(16, 1);
    QCOMPARE(ccmpDecrypt(tk, hx("0848c32c0fd2e128")).code(), ErrorCode::Malformed);
    QCOMPARE(ccmpDecrypt(tk, hx("0848c32c0fd2e128a57c5030f1844408abaea5b8fcba80330ce70020")).code(), ErrorCode::Malformed);
    QCOMPARE(ccmpDecrypt(tk, hx("0808c32c0fd2e128a57c5030f1844408abaea5b8fcba80330ce7002076970 3b5 0000000000000000"))
                 .code(),
             ErrorCode::InvalidArgument);  // Protected bit clear
    QCOMPARE(ccmpDecrypt(tk, hx("d400000002000000000000")).code(), ErrorCode::Unsupported);  // ACK (control)
    QCOMPARE(ccmpDecrypt(Bytes(5, 1), hx("0848c32c0fd2e128a57c5030f1844408abaea5b8fcba80330ce700207697 03b5"
                                          "f3d0a2fe9a3dbf2342a643e43246e80c3c04d0197845ce0b16f97623"))
                 .code(),
             ErrorCode::InvalidArgument);
    QCOMPARE(ccmpEncrypt(tk, hx("0848c32c"), 1, hx("00")).code(), ErrorCode::Malformed);
  }

  void ieee80211TkipTestVector() {
    // IEEE 802.11-2012 M.6.3 / 802.11i TKIP test vector (also used by FreeBSD's
    // net80211 regression test): TSC 1, From DS data frame, Michael key = TK bits 128-191.
    const Bytes tk = hx("12345678901234567890123456789012345678901234567890123456789012 34");
    const Bytes header = hx("08422c000203040506080203040506070203040506 07d002");
    const Bytes msdu = hx(
        "aaaa0300000008004500005400004000400 1a555c0a80a02c0a80a0108003ab000000000cd4c0500000000000809"
        "0a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637");
    const Bytes encrypted = hx(
        "08422c0002030405060802030405060702030405060 7d0020020012000000000"
        "c00e14fce7cfabc77547e666e57c0dac704a1e358a88c11c8e2e282e3801027a46560 55ee93e9c254702e9735805ddb5"
        "769ba73f1ebb56e844ef912285d3dd6e541e823873558adba079068abd7f7f50959675acc4b4de9aa99c05f289a7c52f"
        "ee5bfc14f6f8e5f8");
    const auto ttak = tkipPhase1(ByteView(tk).first(16), mac("02:03:04:05:06:07"), 0);
    const std::uint8_t ttakLe[10] = {
        static_cast<std::uint8_t>(ttak[0]), static_cast<std::uint8_t>(ttak[0] >> 8),
        static_cast<std::uint8_t>(ttak[1]), static_cast<std::uint8_t>(ttak[1] >> 8),
        static_cast<std::uint8_t>(ttak[2]), static_cast<std::uint8_t>(ttak[2] >> 8),
        static_cast<std::uint8_t>(ttak[3]), static_cast<std::uint8_t>(ttak[3] >> 8),
        static_cast<std::uint8_t>(ttak[4]), static_cast<std::uint8_t>(ttak[4] >> 8)};
    RS_COMPARE_HEX(ByteView(ttakLe, 10), "bb58071f9e93b438254b");
    const auto seed = tkipPhase2(ByteView(tk).first(16), ttak, 1);
    RS_COMPARE_HEX(seed, "0020014cfe67bed27c867b1bf8028b1c");

    auto mic = michaelMsdu(ByteView(tk).subspan(16, 8), mac("02:03:04:05:06:08"), mac("02:03:04:05:06:07"), 0, msdu);
    QVERIFY(mic.ok());
    RS_COMPARE_HEX(*mic, "6881a3f3d648d03c");

    auto enc = tkipEncrypt(tk, header, 1, msdu);
    QVERIFY2(enc.ok(), enc.error().describe().c_str());
    QCOMPARE(rs::test::hexOf(*enc), rs::test::hexOf(encrypted));
    auto dec = tkipDecrypt(tk, encrypted);
    QVERIFY2(dec.ok(), dec.error().describe().c_str());
    QCOMPARE(dec->plaintext, msdu);
    QCOMPARE(dec->packetNumber, std::uint64_t{1});
    QVERIFY(dec->michael == MichaelCheck::Verified);

    // Corrupted ciphertext -> ICV failure; wrong Michael key with intact RC4 -> Michael failure.
    Bytes corrupted = encrypted;
    corrupted[40] ^= 0x10;
    QCOMPARE(tkipDecrypt(tk, corrupted).code(), ErrorCode::IcvFailure);
    Bytes wrongMichael = tk;
    wrongMichael[16] ^= 0x01;
    QCOMPARE(tkipDecrypt(wrongMichael, encrypted).code(), ErrorCode::MichaelFailure);
    QCOMPARE(tkipDecrypt(tk, encrypted, TkipMichaelKey::SupplicantTx).code(), ErrorCode::MichaelFailure);
    Bytes wrongTk = tk;
    wrongTk[0] ^= 0x01;
    QCOMPARE(tkipDecrypt(wrongTk, encrypted).code(), ErrorCode::IcvFailure);
  }

  void tkipFragmentIsNotMichaelChecked() {
    const Bytes tk = hx("12345678901234567890123456789012345678901234567890123456789012 34");
    // More Fragments set: the MIC of the MSDU cannot be checked on this fragment alone.
    const Bytes header = hx("08462c000203040506080203040506070203040506 07d002");
    auto enc = tkipEncrypt(tk, header, 5, hx("0102030405"));
    QVERIFY(enc.ok());
    auto dec = tkipDecrypt(tk, *enc);
    QVERIFY2(dec.ok(), dec.error().describe().c_str());
    QVERIFY(dec->michael == MichaelCheck::NotCheckedFragment);
    QCOMPARE(dec->plaintext.size(), std::size_t{5 + 8});
    QCOMPARE(tkipDecrypt(tk, hx("0842")).code(), ErrorCode::Malformed);
    QCOMPARE(tkipDecrypt(Bytes(16, 0), *enc).code(), ErrorCode::InvalidArgument);
  }

  void wpa2PskLinksysCcmpDecryptsLikeTshark() {
    RS_REQUIRE_FIXTURE("captures/wpa2-psk-linksys.cap");
    // TK of the first handshake (frames 50-54) as tshark reports it (wlan.analysis.tk),
    // data frames 56 (To DS) and 57 (From DS); plaintext from tshark's "Decrypted CCMP data".
    const Bytes tk = hx("1d035e8beb4f83611dc93e2657cecf69");
    auto f56 = ccmpDecrypt(tk, hx("08410201000b86c2a4850013ce5598ef000f66e3e401202e010000200000000095c31e2d0201589f4debe227"
                                  "c4e9c21db12c7a666a35808abe1e738dab1da36ba0f31681709a94f0b6532cd6935b141359"));
    QVERIFY2(f56.ok(), f56.error().describe().c_str());
    RS_COMPARE_HEX(f56->plaintext, "aaaa03000000080045000021 6a12000001 01f743ac100065ac100001080026670400030044484350 43");
    QCOMPARE(f56->packetNumber, std::uint64_t{1});
    auto f57 = ccmpDecrypt(tk, hx("0842d4000013ce5598ef000b86c2a485000f66e3e401f02601000020000000008f5e07553759daf19abd5ea6"
                                  "309e404c56c4250bb030768d7cf2e6cb12dde45a4ac743db1a3815c1d9248565cc9835760efe541fcb5343fb0f"
                                  "3ece1b1348"));
    QVERIFY2(f57.ok(), f57.error().describe().c_str());
    RS_COMPARE_HEX(f57->plaintext, "aaaa0300000008004500002180e200004001a173ac100001ac10006500002e6704000300444843504300000000"
                                   "00000000007281e39b");
  }

  void wpaPskLinksysTkipDecryptsLikeTshark() {
    RS_REQUIRE_FIXTURE("captures/wpa-psk-linksys.cap");
    // WPA1/TKIP: derive the PTK from the handshake (frames 18/19) and decrypt frame 48
    // (To DS: Michael key of the Supplicant) and frame 50 (From DS: Authenticator's key).
    auto pmk = pmkFromPassphrase("dictionary", std::string_view("linksys"));
    QVERIFY(pmk.ok());
    auto ptk = derivePtk(akm::Psk, *pmk, mac("00:0b:86:c2:a4:85"), mac("00:13:ce:55:98:ef"),
                         hx("579bfba6d15d24e1dbed0f45c2620927fa0f62df66c79b17001414ad08549c0f"),
                         hx("e8dfa16b8769957d8249a4ec68d2b7641d3782162ef0dc37b014cc48343e8dd6"), cipher::Tkip);
    QVERIFY(ptk.ok());
    auto f48 = tkipDecrypt(ptk->tk, hx("08410201000b86c2a4850013ce5598ef000f66e3e401a00300200220000000005f7423c88d8b120d1b27"
                                       "8b8652eb5236fd0b9e3f82efc8a6ae365decb8df9159c2e078eb7c45a76d804b99d921b0f45198c5ec193d"
                                       "480ab10ef32cbb2e954d9bdde875adcf6254d5d7016fcbf5cb162c0efc35e1a9d4d83c81be8e11d8"));
    QVERIFY2(f48.ok(), f48.error().describe().c_str());
    QVERIFY(f48->michael == MichaelCheck::Verified);
    RS_COMPARE_HEX(f48->plaintext, "aaaa030000000800450000496db000008011154cac1000650a01013204010035003519819082010000010000"
                                   "000000000961727562612d6d78310d61727562616e6574776f726b7303636f6d0000010001");
    auto f50 = tkipDecrypt(ptk->tk, hx("0842d4000013ce5598ef000b86c2a485000f66e3e401e0fc00200220000000002e11c30deac9194a94f9"
                                       "79d8def12bd3ea29fc4314dc4a0da0290e30bfbdb647e2aad0a248544b0d84e382b4ee0bf3647a1cd939f5"
                                       "4f8ff6c1ee2423644de6e4e5beb0a9e69163d9293788b3"));
    QVERIFY2(f50.ok(), f50.error().describe().c_str());
    RS_COMPARE_HEX(f50->plaintext, "aaaa0300000008004500003800390000fb0107e40a010132ac1000650303df1000000000450000496db00000"
                                   "7c11194cac1000650a0101320401003500351981");
    QCOMPARE(f50->packetNumber, std::uint64_t{2});
  }

  void ftPskPcapDecryptsAcrossTheRoam() {
    RS_REQUIRE_FIXTURE("roaming/ft-psk/ft-psk.pcap");
    // FT key hierarchy from the passphrase, then CCMP with the PTK for AP1 (initial
    // association, frame 51) and for AP2 after the FT roam (nonces from the FT
    // authentication frames 1489/1491, data frame 1533). Plaintext from tshark.
    auto psk = pmkFromPassphrase("hwsim-roam-passphrase", std::string_view("hwsim-ft"));
    QVERIFY(psk.ok());
    const std::string_view r0kh = "ap1.hwsim.example";
    const std::string_view ssid = "hwsim-ft";
    auto r0 = derivePmkR0(akm::FtPsk, *psk, asView(ssid), hx("a1b2"), asView(r0kh), mac("02:00:00:00:02:00"));
    QVERIFY(r0.ok());
    struct Leg {
      const char* bssid;
      const char* anonce;
      const char* snonce;
      const char* mpdu;
      const char* plaintext;
    };
    const Leg legs[] = {
        {"02:00:00:00:00:00", "0fbbb3c6caeadea134b5c02dd6654593eadaa8420194e23582514a6c0b60fe14",
         "762ffebf01981ea2ec39b27f9855337da373fd174a6fa2139239d7f4f661e983",
         "8841d500020000000000020000000200020000000000300000000400002000000000557470a3048bd0596ab890570430e45f510d405c"
         "523b3c21054e81027ef476b6826430a444152105124408127934bf59523fc0d2b6819f3152dedfd6d6a4b056e168ab4a437b881c07f7"
         "b06ce94a07247b7a43dc05343d611e83f4611ea883c47822b990",
         "aaaa0300000008004500005420f64000400105b10a0000020a0000010800257500ec0000459e8c"},
        {"02:00:00:00:01:00", "883fc0cdda4fffaa3494f7bf4215a1de004d3544d6d3c8468b9fe1e4e32a3303",
         "d9c2c5440c1d5775bc205d1c797c22f49e658cc883e8490c0988e10ef3760554",
         "8841000002000000010002000000020002000000000020000000030000200000000034978d47b0ac8139df4b28c0c514da31d417274c"
         "157037f69e8cce5c6c3291e689543a7e86ed663256326d6a2d98bc18dac0c17b670743341c153fa61389e2dccf492cfca6f55d6c7ada"
         "adc1551212d98cfc7514e4e64ddd22ecc932eb5d0ecf9b1c5872",
         "aaaa03000000080045000054239a40004001030d0a0000020a0000010800a4ea00ec015287d6c9"},
    };
    for (const Leg& leg : legs) {
      auto r1 = derivePmkR1(akm::FtPsk, r0->pmkR0, r0->pmkR0Name, mac(leg.bssid), mac("02:00:00:00:02:00"));
      QVERIFY(r1.ok());
      auto ptk = derivePtkFt(akm::FtPsk, r1->pmkR1, r1->pmkR1Name, hx(leg.snonce), hx(leg.anonce), mac(leg.bssid),
                             mac("02:00:00:00:02:00"), cipher::Ccmp128);
      QVERIFY(ptk.ok());
      auto plain = ccmpDecrypt(ptk->ptk.tk, hx(leg.mpdu));
      QVERIFY2(plain.ok(), plain.error().describe().c_str());
      // tshark shows 92 octets: the ICMP echo header below, then 56 zero octets of ping payload.
      const Bytes expected = concat(hx(leg.plaintext), Bytes(92 - hx(leg.plaintext).size(), 0));
      QCOMPARE(rs::test::hexOf(plain->plaintext), rs::test::hexOf(expected));
    }
  }
};

QTEST_GUILESS_MAIN(CryptoFrameCiphersTest)
#include "tst_crypto_frame_ciphers.moc"
