// SPDX-License-Identifier: GPL-3.0-or-later
// PTK derivation, PMKID, EAPOL-Key MIC, EAPOL key data and the FT key hierarchy:
// a published IEEE vector plus cross-checks against real captures in
// ../shared/fixtures, whose expected values tshark 4.0 derived (commands quoted).
#include <QTest>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/akm_suite.h"
#include "core/crypto/eapol_mic.h"
#include "core/crypto/ft_key_hierarchy.h"
#include "core/crypto/pbkdf2.h"
#include "core/crypto/pmkid.h"
#include "core/crypto/ptk_derivation.h"
#include "tests/core/crypto/hex_helpers.h"
#include "tests/support/fixtures.h"

using namespace rs;
using namespace rs::crypto;
using rs::test::hx;
using rs::test::mac;

namespace {

// Measured data from captures/wpa2.eapol.cap (SSID "Harkonen", passphrase "12345678"),
// obtained with
//   tshark -r wpa2.eapol.cap -o wlan.enable_decryption:TRUE
//     -o 'uat:80211_keys:"wpa-pwd","12345678:Harkonen"' -T fields -e frame.number
//     -e wlan.analysis.kck -e wlan.analysis.kek -e wlan_rsna_eapol.keydes.nonce -e wlan.sa -e wlan.da -Y eapol
// and the EAPOL frames as raw bytes (tshark -T json -x, field eapol_raw).
namespace harkonen {
constexpr std::string_view aa = "00:14:6c:7e:40:80";
constexpr std::string_view spa = "00:13:46:fe:32:0c";
constexpr std::string_view anonce = "225854b0444de3af06d1492b852984f04cf6274c0e3218b8681756864db7a055";  // frame 2
constexpr std::string_view snonce = "59168bc3a5df18d71efb6423f340088dab9e1ba2bbc58659e07b3764b0de8570";  // frame 3
constexpr std::string_view kck = "ea0e404633c802450302868ccaa749de";                                     // frame 4
constexpr std::string_view kek = "5cba5abcb267e2de1d5e21e57accd507";                                     // frame 4
constexpr std::string_view message2 =  // frame 3, key descriptor version 2 (HMAC-SHA1-128)
    "0103007502010a0010000000000000000159168bc3a5df18d71efb6423f340088dab9e1ba2bbc58659e07b3764b0de8570"
    "0000000000000000000000000000000000000000000000000000000000000000d5355382b8a9b806dcaf99cdaf564eb6"
    "001630140100000fac040100000fac040100000fac020100";
constexpr std::string_view message3 =  // frame 4, encrypted key data (AES key wrap)
    "010300970213ca00100000000000000002225854b0444de3af06d1492b852984f04cf6274c0e3218b8681756864db7a055"
    "192eeef7fd968ec80aee3dfb875e8222370000000000000000000000000000001e228672d2dee930714f688c5746028d"
    "00383ca9185462eca4ab7ff51cd3a3e6179a8391f5ad824c9e09763794c680902ad3bf0703452fbb7c1f5f1ee9f5bbd3"
    "88ae559e78d27e6b121f";
}  // namespace harkonen

// captures/wpa-psk-linksys.cap: WPA1 (vendor RSN element), TKIP, SSID "linksys",
// passphrase "dictionary". KCK/KEK/TK from tshark -e wlan.analysis.kck/kek/tk (frame 25).
namespace linksysWpa1 {
constexpr std::string_view aa = "00:0b:86:c2:a4:85";
constexpr std::string_view spa = "00:13:ce:55:98:ef";
constexpr std::string_view anonce = "579bfba6d15d24e1dbed0f45c2620927fa0f62df66c79b17001414ad08549c0f";  // frame 18
constexpr std::string_view snonce = "e8dfa16b8769957d8249a4ec68d2b7641d3782162ef0dc37b014cc48343e8dd6";  // frame 19
constexpr std::string_view kck = "1b7b269603f06c6cd403aaf6ace281fc";
constexpr std::string_view kek = "55159aafbb3b5aa8690513735c1cece0";
constexpr std::string_view tk = "a2154ae0996fa95b211da18e85fd9649";
constexpr std::string_view message2 =  // frame 19, descriptor type 254, version 1 (HMAC-MD5)
    "01030079fe010900000000000000000001e8dfa16b8769957d8249a4ec68d2b7641d3782162ef0dc37b014cc48343e8dd6"
    "00000000000000000000000000000000000000000000000000000000000000006d45f3538ead8eca5598c260eefe6f51"
    "001add180050f20101000050f20201000050f20201000050f2022a00";
}  // namespace linksysWpa1

// roaming/ft-psk/ft-psk.pcap: FT-PSK (AKM 4), SSID "hwsim-ft", passphrase
// "hwsim-roam-passphrase", MDID a1 b2, R0KH-ID "ap1.hwsim.example", R1KH-ID = BSSID.
// Names from the RSNE PMKID fields (tshark -V), KCK/KEK from tshark frame 27
// (-o 'uat:80211_keys:"wpa-pwd","hwsim-roam-passphrase:hwsim-ft"').
namespace ftPsk {
constexpr std::string_view ap1 = "02:00:00:00:00:00";
constexpr std::string_view ap2 = "02:00:00:00:01:00";
constexpr std::string_view sta = "02:00:00:00:02:00";
constexpr std::string_view r0khId = "ap1.hwsim.example";
constexpr std::string_view pmkR0Name = "067b136573c525009edb34620e90ad9f";      // FT auth request, frame 1489
constexpr std::string_view pmkR1NameAp1 = "a2a3f4fd4149f82c7546ca003c9ee871";  // 4-way M2, frame 25
constexpr std::string_view pmkR1NameAp2 = "e381283ee8f0aa92c035c029cd8c4db1";  // reassociation response, frame 1495
constexpr std::string_view anonce = "0fbbb3c6caeadea134b5c02dd6654593eadaa8420194e23582514a6c0b60fe14";  // frame 23
constexpr std::string_view snonce = "762ffebf01981ea2ec39b27f9855337da373fd174a6fa2139239d7f4f661e983";  // frame 25
constexpr std::string_view kck = "1d8e701b1e76e909296c3c46d897bf62";
constexpr std::string_view kek = "5907aa5ea071c9fdcf71ab9432c76eea";
constexpr std::string_view message2 =  // frame 25, key descriptor version 3 (AES-128-CMAC)
    "010300fb02010b00000000000000000001762ffebf01981ea2ec39b27f9855337da373fd174a6fa2139239d7f4f661e9"
    "8300000000000000000000000000000000000000000000000000000000000000001f5f40efb53db5c9c056499190d055"
    "60009c30260100000fac040100000fac040100000fac0400000100a2a3f4fd4149f82c7546ca003c9ee8713603a1b200"
    "376d00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000010602000000000003116170"
    "312e687773696d2e6578616d706c65";
}  // namespace ftPsk

Bytes bytesOf(std::string_view text) { return Bytes(text.begin(), text.end()); }

}  // namespace

class CryptoWpaKeysTest : public QObject {
  Q_OBJECT

 private slots:
  void ieee80211_2024J13SaePtkWithKdk() {
    // IEEE Std 802.11-2024 J.13 (KDK when PASN is not used): AKM 8 (SAE), CCMP,
    // PTK = KDF-SHA-256-640(PMK, "Pairwise key expansion", ...) = KCK || KEK || TK || KDK.
    auto ptk = derivePtk(akm::Sae, hx("def43e5567e01ca6649265f19a290eeff8bd888f6c1d9cc9d10f04bd378f3cad"),
                         mac("c0:ff:d4:a8:db:c1"), mac("00:90:4c:01:c1:07"),
                         hx("be7a1ca284347b5bd67dbd2dfdb4d99f1afae0b88ba18e008718417e4b27ef5f"),
                         hx("404b012ffb43ed0fb43ea1f287c91f2506d21b4a92d74b5ea50c943350ce8671"), cipher::Ccmp128, 32);
    QVERIFY2(ptk.ok(), ptk.error().describe().c_str());
    RS_COMPARE_HEX(ptk->kck, "cd7b9e7555362df0b63568484a8112f5");
    RS_COMPARE_HEX(ptk->kek, "99cad3588da0f1e63fd190191039bb4b");
    RS_COMPARE_HEX(ptk->tk, "9e2e9377e7532e737a1bc250fe194a03");
    RS_COMPARE_HEX(ptk->kdk, "6c7fb97ceb55b01acff00f070942bdf5291feb4bee38e0365b25a250bb2ac9ff");
  }

  void wpa2EapolCapPtkMatchesTshark() {
    RS_REQUIRE_FIXTURE("captures/wpa2.eapol.cap");
    auto pmk = pmkFromPassphrase("12345678", std::string_view("Harkonen"));
    QVERIFY(pmk.ok());
    auto ptk = derivePtk(akm::Psk, *pmk, mac(harkonen::aa), mac(harkonen::spa), hx(harkonen::anonce),
                         hx(harkonen::snonce), cipher::Ccmp128);
    QVERIFY2(ptk.ok(), ptk.error().describe().c_str());
    RS_COMPARE_HEX(ptk->kck, harkonen::kck);
    RS_COMPARE_HEX(ptk->kek, harkonen::kek);
    QCOMPARE(ptk->tk.size(), std::size_t{16});
    // Swapping the roles must not matter (Min/Max ordering), a wrong passphrase must.
    auto swapped = derivePtk(akm::Psk, *pmk, mac(harkonen::spa), mac(harkonen::aa), hx(harkonen::snonce),
                             hx(harkonen::anonce), cipher::Ccmp128);
    QVERIFY(swapped.ok());
    QVERIFY(swapped->kck == ptk->kck && swapped->tk == ptk->tk);
    auto wrongPmk = pmkFromPassphrase("12345679", std::string_view("Harkonen"));
    auto wrong = derivePtk(akm::Psk, *wrongPmk, mac(harkonen::aa), mac(harkonen::spa), hx(harkonen::anonce),
                           hx(harkonen::snonce), cipher::Ccmp128);
    QVERIFY(wrong.ok());
    QVERIFY(!(wrong->kck == ptk->kck));
  }

  void wpa2EapolCapMicVerifies() {
    RS_REQUIRE_FIXTURE("captures/wpa2.eapol.cap");
    const Bytes kck = hx(harkonen::kck);
    auto m2 = verifyEapolKeyFrame(akm::Psk, 2, kck, hx(harkonen::message2));
    QVERIFY2(m2.ok(), m2.error().describe().c_str());
    QVERIFY(*m2);
    auto m3 = verifyEapolKeyFrame(akm::Psk, 2, kck, hx(harkonen::message3));
    QVERIFY(m3.ok() && *m3);
    // Explicit form: the MIC over the zeroed frame equals the captured MIC.
    Bytes zeroed = hx(harkonen::message2);
    std::fill_n(zeroed.begin() + kEapolKeyMicOffset, 16, std::uint8_t{0});
    auto mic = eapolKeyMic(akm::Psk, 2, kck, zeroed);
    QVERIFY(mic.ok());
    RS_COMPARE_HEX(*mic, "d5355382b8a9b806dcaf99cdaf564eb6");
    // One changed octet in the frame, or the wrong KCK, must fail verification.
    Bytes tampered = hx(harkonen::message2);
    tampered[20] ^= 0x01;
    auto bad = verifyEapolKeyFrame(akm::Psk, 2, kck, tampered);
    QVERIFY(bad.ok() && !*bad);
    Bytes wrongKck = kck;
    wrongKck[0] ^= 0x01;
    auto badKey = verifyEapolKeyFrame(akm::Psk, 2, wrongKck, hx(harkonen::message2));
    QVERIFY(badKey.ok() && !*badKey);
    // Verifying with the wrong descriptor version (HMAC-MD5) fails as well.
    auto wrongVersion = verifyEapolKeyFrame(akm::Psk, 1, kck, hx(harkonen::message2));
    QVERIFY(wrongVersion.ok() && !*wrongVersion);
  }

  void wpa2EapolCapKeyDataUnwraps() {
    RS_REQUIRE_FIXTURE("captures/wpa2.eapol.cap");
    // M3 key data (56 octets from offset 99) is AES-key-wrapped with the KEK; inside are
    // the AP's RSNE (element 0x30) and the GTK KDE (0xdd ... 00-0f-ac:1).
    const Bytes m3 = hx(harkonen::message3);
    const ByteView keyData = ByteView(m3).subspan(99, 0x38);
    auto plain = aesKeyUnwrap(hx(harkonen::kek), keyData);
    QVERIFY2(plain.ok(), plain.error().describe().c_str());
    QCOMPARE(plain->size(), std::size_t{48});
    QCOMPARE(plain->data()[0], std::uint8_t{0x30});
    const std::size_t gtkKde = 2u + plain->data()[1];
    QCOMPARE(plain->data()[gtkKde], std::uint8_t{0xdd});
    RS_COMPARE_HEX(plain->subview(gtkKde + 2, 4), "000fac01");
    QCOMPARE(aesKeyUnwrap(hx(harkonen::kck), keyData).code(), ErrorCode::IntegrityFailure);
  }

  void wpaPskLinksysWpa1TkipPtkMatchesTshark() {
    RS_REQUIRE_FIXTURE("captures/wpa-psk-linksys.cap");
    // WPA1 PSK with TKIP: PRF-512 (KCK 128 || KEK 128 || TK 128 || Michael 64 || Michael 64).
    auto pmk = pmkFromPassphrase("dictionary", std::string_view("linksys"));
    QVERIFY(pmk.ok());
    auto ptk = derivePtk(akm::Psk, *pmk, mac(linksysWpa1::aa), mac(linksysWpa1::spa), hx(linksysWpa1::anonce),
                         hx(linksysWpa1::snonce), cipher::Tkip);
    QVERIFY2(ptk.ok(), ptk.error().describe().c_str());
    RS_COMPARE_HEX(ptk->kck, linksysWpa1::kck);
    RS_COMPARE_HEX(ptk->kek, linksysWpa1::kek);
    QCOMPARE(ptk->tk.size(), std::size_t{32});
    RS_COMPARE_HEX(ptk->tk.subview(0, 16), linksysWpa1::tk);
    auto m2 = verifyEapolKeyFrame(akm::Psk, 1, ptk->kck, hx(linksysWpa1::message2));
    QVERIFY2(m2.ok(), m2.error().describe().c_str());
    QVERIFY(*m2);
  }

  void eapPcapPmkidMatchesReassociationRequest() {
    RS_REQUIRE_FIXTURE("roaming/eap/eap.pcap");
    // roaming/eap: PMKSA-cache roam back to AP1; the reassociation request (frame 2956)
    // carries PMKID 939ca1c9..., the PMK of that PMKSA is the second line of 80211_keys.
    const Bytes pmk = hx("1e7fcb3aff08d3bb1b52f6b70fadc7faa944c12ff1229a3d6440cf42b8880be5");
    auto id = pmkid(akm::Ieee8021x, pmk, mac("02:00:00:00:00:00"), mac("02:00:00:00:02:00"));
    QVERIFY2(id.ok(), id.error().describe().c_str());
    RS_COMPARE_HEX(*id, "939ca1c9abd9fd717f70d8c227eaa926");
    auto otherAp = pmkid(akm::Ieee8021x, pmk, mac("02:00:00:00:01:00"), mac("02:00:00:00:02:00"));
    QVERIFY(otherAp.ok() && rs::test::hexOf(*otherAp) != "939ca1c9abd9fd717f70d8c227eaa926");
  }

  void pmkidSha256AndRefusals() {
    const Bytes pmk(32, 0x11);
    auto sha1Id = pmkid(akm::Psk, pmk, mac("02:00:00:00:00:00"), mac("02:00:00:00:02:00"));
    auto sha256Id = pmkid(akm::PskSha256, pmk, mac("02:00:00:00:00:00"), mac("02:00:00:00:02:00"));
    QVERIFY(sha1Id.ok() && sha256Id.ok());
    QCOMPARE(sha256Id->size(), std::size_t{16});
    QVERIFY(*sha1Id != *sha256Id);
    QCOMPARE(pmkid(akm::FtPsk, pmk, {}, {}).code(), ErrorCode::InvalidArgument);
    QCOMPARE(pmkid(akm::Sae, pmk, {}, {}).code(), ErrorCode::InvalidArgument);
    QCOMPARE(pmkid(99, pmk, {}, {}).code(), ErrorCode::Unsupported);
  }

  void derivePtkRejectsBadInput() {
    const Bytes pmk(32, 0x22), nonce(32, 0x33);
    QCOMPARE(derivePtk(akm::FtPsk, pmk, {}, {}, nonce, nonce, cipher::Ccmp128).code(), ErrorCode::InvalidArgument);
    QCOMPARE(derivePtk(42, pmk, {}, {}, nonce, nonce, cipher::Ccmp128).code(), ErrorCode::Unsupported);
    QCOMPARE(derivePtk(akm::Psk, pmk, {}, {}, nonce, nonce, 7).code(), ErrorCode::Unsupported);
    QCOMPARE(derivePtk(akm::Psk, pmk, {}, {}, hx("00"), nonce, cipher::Ccmp128).code(), ErrorCode::InvalidArgument);
    auto suiteB192 = derivePtk(akm::SuiteB192, Bytes(48, 1), {}, {}, nonce, nonce, cipher::Gcmp256);
    QVERIFY(suiteB192.ok());
    QCOMPARE(suiteB192->kck.size(), std::size_t{24});
    QCOMPARE(suiteB192->kek.size(), std::size_t{32});
    QCOMPARE(suiteB192->tk.size(), std::size_t{32});
  }

  void eapolMicLengthsByAkm() {
    const Bytes frame(121, 0);
    auto cmac = eapolKeyMic(akm::PskSha256, 3, Bytes(16, 1), frame);
    auto b192 = eapolKeyMic(akm::SuiteB192, 0, Bytes(24, 1), frame);
    QVERIFY(cmac.ok() && b192.ok());
    QCOMPARE(cmac->size(), std::size_t{16});
    QCOMPARE(b192->size(), std::size_t{24});
    QCOMPARE(eapolKeyMic(akm::Psk, 5, Bytes(16, 1), frame).code(), ErrorCode::Unsupported);
    QCOMPARE(verifyEapolKeyFrame(akm::Psk, 2, Bytes(16, 1), Bytes(90, 0)).code(), ErrorCode::Malformed);
  }

  void ftPskPcapKeyHierarchyMatchesCapture() {
    RS_REQUIRE_FIXTURE("roaming/ft-psk/ft-psk.pcap");
    // FT-PSK: XXKey = PSK (12.7.1.7.3).
    auto psk = pmkFromPassphrase("hwsim-roam-passphrase", std::string_view("hwsim-ft"));
    QVERIFY(psk.ok());
    auto r0 = derivePmkR0(akm::FtPsk, *psk, bytesOf("hwsim-ft"), hx("a1b2"), bytesOf(ftPsk::r0khId), mac(ftPsk::sta));
    QVERIFY2(r0.ok(), r0.error().describe().c_str());
    RS_COMPARE_HEX(r0->pmkR0Name, ftPsk::pmkR0Name);
    QCOMPARE(r0->pmkR0.size(), std::size_t{32});

    auto r1 = derivePmkR1(akm::FtPsk, r0->pmkR0, r0->pmkR0Name, mac(ftPsk::ap1), mac(ftPsk::sta));
    QVERIFY2(r1.ok(), r1.error().describe().c_str());
    RS_COMPARE_HEX(r1->pmkR1Name, ftPsk::pmkR1NameAp1);
    auto r1Ap2 = derivePmkR1(akm::FtPsk, r0->pmkR0, r0->pmkR0Name, mac(ftPsk::ap2), mac(ftPsk::sta));
    QVERIFY(r1Ap2.ok());
    RS_COMPARE_HEX(r1Ap2->pmkR1Name, ftPsk::pmkR1NameAp2);

    // Initial mobility domain association with AP1: the 4-way handshake uses the FT PTK.
    auto ptk = derivePtkFt(akm::FtPsk, r1->pmkR1, r1->pmkR1Name, hx(ftPsk::snonce), hx(ftPsk::anonce), mac(ftPsk::ap1),
                           mac(ftPsk::sta), cipher::Ccmp128);
    QVERIFY2(ptk.ok(), ptk.error().describe().c_str());
    RS_COMPARE_HEX(ptk->ptk.kck, ftPsk::kck);
    RS_COMPARE_HEX(ptk->ptk.kek, ftPsk::kek);
    QCOMPARE(ptk->ptkName.size(), std::size_t{16});
    auto m2 = verifyEapolKeyFrame(akm::FtPsk, 3, ptk->ptk.kck, hx(ftPsk::message2));
    QVERIFY2(m2.ok(), m2.error().describe().c_str());
    QVERIFY(*m2);

    // A different R0KH-ID gives a different PMKR0Name (the name binds the key holder).
    auto otherR0 = derivePmkR0(akm::FtPsk, *psk, bytesOf("hwsim-ft"), hx("a1b2"), bytesOf("ap2.hwsim.example"),
                               mac(ftPsk::sta));
    QVERIFY(otherR0.ok());
    QVERIFY(rs::test::hexOf(otherR0->pmkR0Name) != rs::test::hexOf(ftPsk::pmkR0Name));
  }

  void ftHierarchyRejectsBadInput() {
    const Bytes key(32, 5);
    QCOMPARE(derivePmkR0(akm::Psk, key, bytesOf("s"), hx("a1b2"), bytesOf("r0"), {}).code(), ErrorCode::InvalidArgument);
    QCOMPARE(derivePmkR0(akm::FtPsk, key, bytesOf("s"), hx("a1"), bytesOf("r0"), {}).code(), ErrorCode::InvalidArgument);
    QCOMPARE(derivePmkR0(akm::FtPsk, key, bytesOf("s"), hx("a1b2"), Bytes(49, 'x'), {}).code(), ErrorCode::InvalidArgument);
    QCOMPARE(derivePmkR1(akm::FtPsk, key, hx("00"), {}, {}).code(), ErrorCode::InvalidArgument);
    auto xx = xxKeyFromMsk(akm::FtIeee8021x, Bytes(64, 7));
    QVERIFY(xx.ok());
    QCOMPARE(xx->size(), std::size_t{32});
    QCOMPARE(xxKeyFromMsk(akm::FtPsk, Bytes(64, 7)).code(), ErrorCode::InvalidArgument);
    // AKM 13 uses SHA-384 with Q = 384: PMK-R0 has 48 octets, KCK 24, KEK 32.
    auto r0 = derivePmkR0(akm::FtIeee8021xSha384, Bytes(48, 9), bytesOf("s"), hx("a1b2"), bytesOf("r0"), {});
    QVERIFY(r0.ok());
    QCOMPARE(r0->pmkR0.size(), std::size_t{48});
    auto r1 = derivePmkR1(akm::FtIeee8021xSha384, r0->pmkR0, r0->pmkR0Name, {}, {});
    QVERIFY(r1.ok());
    auto ptk = derivePtkFt(akm::FtIeee8021xSha384, r1->pmkR1, r1->pmkR1Name, Bytes(32, 1), Bytes(32, 2), {}, {},
                           cipher::Gcmp256);
    QVERIFY(ptk.ok());
    QCOMPARE(ptk->ptk.kck.size(), std::size_t{24});
    QCOMPARE(ptk->ptk.kek.size(), std::size_t{32});
  }
};

QTEST_GUILESS_MAIN(CryptoWpaKeysTest)
#include "tst_crypto_wpa_keys.moc"
