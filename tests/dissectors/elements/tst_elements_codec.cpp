// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests for the 802.11 element parse views, builders and describers with
// hand-built bytes and element bytes taken from the shared fixture captures.
#include <QtTest>

#include "dissectors/common/dissection.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/element_ids.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/elements.h"
#include "dissectors/ieee80211/elements/ft_elements.h"
#include "dissectors/ieee80211/elements/kde.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "tests/support/test_bytes.h"

using namespace rs;
using namespace rs::ieee80211;

namespace {

using rs::test::hexBytes;

Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// RSNE of the M2 in captures/wpa2.eapol.cap (CCMP/CCMP/PSK, pre-auth capable).
const char* kEapolM2Rsne = "30 14 01 00 00 0f ac 04 01 00 00 0f ac 04 01 00 00 0f ac 02 01 00";
// WPA1 element of the beacon in captures/wpa.cap (TKIP/TKIP/PSK).
const char* kWpaCapWpaIe = "dd 16 00 50 f2 01 01 00 00 50 f2 02 01 00 00 50 f2 02 01 00 00 50 f2 02";
// Decrypted Key Data of M3 in captures/wpa2.eapol.cap, as tshark -x prints it
// ("Decrypted AES keydata"): RSNE, GTK KDE (key ID 1), two zero padding octets.
const char* kEapolM3KeyData =
    "30 14 01 00 00 0f ac 04 01 00 00 0f ac 04 01 00 00 0f ac 02 01 00 dd 16 00 0f ac 01 01 00 d9 1c"
    "f4 89 de 42 88 89 c3 3d 73 2d 2e 10 65 f7 00 00";

// RSNE with every optional field: one PMKID and BIP-CMAC-128 as group management cipher.
Bytes fullRsne() {
  return hexBytes("30 2a 01 00 00 0f ac 04 01 00 00 0f ac 04 01 00 00 0f ac 04 c0 00 01 00"
             " 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 00 0f ac 06");
}

FastBssTransitionElement sampleFte() {
  FastBssTransitionElement f;
  f.setElementCount(3);
  for (std::size_t i = 0; i < 16; ++i) f.mic[i] = static_cast<std::uint8_t>(0xa0 + i);
  for (std::size_t i = 0; i < 32; ++i) f.anonce[i] = static_cast<std::uint8_t>(i);
  for (std::size_t i = 0; i < 32; ++i) f.snonce[i] = static_cast<std::uint8_t>(0x80 + i);
  f.subelements.push_back(makeR1khIdSubelement(*MacAddress::parse("02:00:00:00:01:00")));
  f.subelements.push_back(makeR0khIdSubelement(asView("ap1.hwsim.example")));
  FtGtkSubelement gtk;
  gtk.keyInfo = 0x0001;
  gtk.keyLength = 16;
  gtk.wrappedKey = Bytes(24, 0x5a);
  f.subelements.push_back(makeGtkSubelement(gtk));
  return f;
}

Field describeList(ByteView list, Dissection& d, bool* ok = nullptr) {
  Field root = makeLayer("wlan.tagged.all", "Tagged parameters", 0, list.size());
  const bool result = describeElements(list, 0, list.size(), root, d);
  if (ok) *ok = result;
  return root;
}

QString value(const Field& root, const char* name) {
  const Field* f = root.find(name);
  return f ? QString::fromStdString(f->valueString()) : QStringLiteral("<absent>");
}

}  // namespace

class TestElementsCodec : public QObject {
  Q_OBJECT

 private slots:
  void elementNames() {
    QCOMPARE(elementName(48), std::string_view("RSN Information"));
    QCOMPARE(elementName(54), std::string_view("Mobility Domain"));
    QCOMPARE(elementName(2), std::string_view("Reserved"));
    QCOMPARE(extensionElementName(35), std::string_view("HE Capabilities"));
  }

  void iteratorWalksAndStopsOnOverrun() {
    const Bytes list = hexBytes("00 04 74 65 73 74 ff 02 23 01 dd 09 00 50 f2");
    std::vector<ElementView> seen;
    const ElementWalk walk = forEachElement(list, [&](const ElementView& e) { seen.push_back(e); }, 100);
    QCOMPARE(seen.size(), std::size_t{2});
    QCOMPARE(seen[0].id, std::uint8_t{0});
    QCOMPARE(seen[0].offset, std::size_t{100});
    QVERIFY(seen[1].hasExtId);
    QCOMPARE(seen[1].extId, std::uint8_t{0x23});
    QCOMPARE(seen[1].data.size(), std::size_t{1});
    QVERIFY(!walk.complete);
    QCOMPARE(walk.stopOffset, std::size_t{110});  // the vendor element claims 9 octets, 3 remain
    QVERIFY(findElement(list, 0).has_value());
    QVERIFY(!findElement(list, 221).has_value());
  }

  void rsneFromCaptureParsesAndRebuilds() {
    const Bytes bytes = hexBytes(kEapolM2Rsne);
    const auto rsne = parseRsne(ByteView(bytes).subspan(2));
    QVERIFY(rsne);
    QCOMPARE(rsne->version, std::uint16_t{1});
    QVERIFY(rsne->groupCipher == cipher::kCcmp128);
    QCOMPARE(rsne->pairwiseCiphers->size(), std::size_t{1});
    QVERIFY(rsne->akmSuites->front() == akm::kPsk);
    QCOMPARE(*rsne->capabilities, std::uint16_t{rsncap::kPreauth});
    QVERIFY(!rsne->pmkids);
    QCOMPARE(buildRsne(*rsne), bytes);
  }

  void rsneOptionalTailShapesRoundTrip_data() {
    QTest::addColumn<QByteArray>("element");
    const Bytes full = fullRsne();
    // Every field boundary of IEEE 802.11-2016 9.4.2.25.1 is a legal end.
    for (std::size_t infoLen : {2, 6, 12, 18, 20, 38, 42}) {
      Bytes e(full.begin(), full.begin() + static_cast<long>(2 + infoLen));
      e[1] = static_cast<std::uint8_t>(infoLen);
      QTest::newRow(qPrintable(QStringLiteral("ends after %1 octets").arg(infoLen)))
          << QByteArray(reinterpret_cast<const char*>(e.data()), static_cast<int>(e.size()));
    }
  }
  void rsneOptionalTailShapesRoundTrip() {
    QFETCH(QByteArray, element);
    const Bytes e(element.begin(), element.end());
    const auto rsne = parseRsne(ByteView(e).subspan(2));
    QVERIFY(rsne);
    QCOMPARE(buildRsne(*rsne), e);
  }

  void rsneFullFields() {
    const Bytes e = fullRsne();
    const auto rsne = parseRsne(ByteView(e).subspan(2));
    QVERIFY(rsne);
    QCOMPARE(rsne->pmkids->size(), std::size_t{1});
    QCOMPARE(rsne->pmkids->front()[15], std::uint8_t{0x0f});
    QVERIFY(rsne->groupManagementCipher == cipher::kBipCmac128);
    QCOMPARE(*rsne->capabilities, std::uint16_t{rsncap::kMfpCapable | rsncap::kMfpRequired});
  }

  void rsneRejectsCountsBeyondData() {
    // Pairwise count 2 but only one suite present.
    QVERIFY(!parseRsne(hexBytes("01 00 00 0f ac 04 02 00 00 0f ac 04")));
    // Group cipher cut after 3 octets.
    QVERIFY(!parseRsne(hexBytes("01 00 00 0f ac")));
    // PMKID count 1 with 15 octets.
    QVERIFY(!parseRsne(hexBytes("01 00 00 0f ac 04 01 00 00 0f ac 04 01 00 00 0f ac 02 00 00 01 00"
                           " 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e")));
  }

  void rsneBuildFillsStandardDefaults() {
    RsnElement e;
    e.pmkids = std::vector<Pmkid>{};
    // 9.4.2.25.1 defaults: CCMP-128 group and pairwise, 00-0F-AC:1 AKM, capabilities 0.
    QCOMPARE(buildRsne(e), hexBytes("30 16 01 00 00 0f ac 04 01 00 00 0f ac 04 01 00 00 0f ac 01 00 00 00 00"));
  }

  void wpaElementFromCaptureRoundTrips() {
    const Bytes bytes = hexBytes(kWpaCapWpaIe);
    const auto wpa = parseWpaElement(ByteView(bytes).subspan(2));
    QVERIFY(wpa);
    QVERIFY((wpa->groupCipher == SuiteSelector{kWfaOui, 2}));
    QVERIFY((wpa->akmSuites->front() == SuiteSelector{kWfaOui, 2}));
    QCOMPARE(buildWpaElement(*wpa), bytes);
    QVERIFY(!parseWpaElement(hexBytes("00 50 f2 02 01 01")));  // a WMM element, not WPA
  }

  void mobilityDomain() {
    const Bytes bytes = hexBytes("36 03 a1 b2 01");
    const auto mde = parseMde(ByteView(bytes).subspan(2));
    QVERIFY(mde);
    QCOMPARE(mde->mdid, std::uint16_t{0xb2a1});
    QVERIFY(mde->ftOverDs());
    QCOMPARE(buildMde(*mde), bytes);
    QVERIFY(!parseMde(hexBytes("a1 b2")));
  }

  void fastBssTransitionRoundTrip() {
    const FastBssTransitionElement fte = sampleFte();
    const Bytes bytes = buildFte(fte);
    QCOMPARE(bytes[0], std::uint8_t{55});
    QCOMPARE(std::size_t{bytes[1]}, bytes.size() - 2);
    const auto parsed = parseFte(ByteView(bytes).subspan(2));
    QVERIFY(parsed);
    QVERIFY(*parsed == fte);
    QCOMPARE(parsed->elementCount(), std::uint8_t{3});
    QCOMPARE(toColonHex(*parsed->r1khId()), std::string("02:00:00:00:01:00"));
    QCOMPARE(std::string(parsed->r0khId()->begin(), parsed->r0khId()->end()), std::string("ap1.hwsim.example"));
    const auto gtk = parsed->gtk();
    QVERIFY(gtk);
    QCOMPARE(gtk->keyId(), std::uint8_t{1});
    QCOMPARE(gtk->wrappedKey.size(), std::size_t{24});
    QVERIFY(!parsed->igtk());
  }

  void timeoutInterval() {
    // Key lifetime 200000 s, as hostapd puts it in FT message 3 / M3 of an FT initial association.
    const Bytes bytes = hexBytes("38 05 02 40 0d 03 00");
    const auto tie = parseTimeoutInterval(ByteView(bytes).subspan(2));
    QVERIFY(tie);
    QCOMPARE(tie->type, timeout::kKeyLifetime);
    QCOMPARE(tie->value, std::uint32_t{200000});
    QCOMPARE(buildTimeoutInterval(*tie), bytes);
  }

  void simpleBuilders() {
    QCOMPARE(buildSsid(std::string_view("hwsim-ft")), hexBytes("00 08 68 77 73 69 6d 2d 66 74"));
    QCOMPARE(buildSsid(std::string(40, 'x')).size(), std::size_t{34});
    QVERIFY(!parseSsid(Bytes(33, 'x')));
    QCOMPARE(buildDsParameter(6), hexBytes("03 01 06"));
    QCOMPARE(*parseDsParameter(hexBytes("06")), std::uint8_t{6});
    const Bytes rates = hexBytes("82 84 8b 96 0c 12 18 24 30 48 60 6c");
    QCOMPARE(buildRates(rates), hexBytes("01 08 82 84 8b 96 0c 12 18 24 32 04 30 48 60 6c"));
    QCOMPARE(buildVendorSpecific(0x001122, 7, hexBytes("aa")), hexBytes("dd 05 00 11 22 07 aa"));
    QCOMPARE(buildExtensionElement(35, hexBytes("01")), hexBytes("ff 02 23 01"));
  }

  void keyDataFromCapture() {
    const Bytes keyData = hexBytes(kEapolM3KeyData);
    std::vector<KeyDataItem> items;
    const KeyDataWalk walk = forEachKeyDataItem(keyData, [&](const KeyDataItem& i) { items.push_back(i); });
    QVERIFY(walk.complete);
    QVERIFY(walk.padded);
    QCOMPARE(walk.stopOffset, std::size_t{46});
    QCOMPARE(items.size(), std::size_t{2});
    QVERIFY(!items[0].isKde);
    QCOMPARE(items[0].element.id, eid::kRsn);
    QVERIFY(items[1].isKde);
    QCOMPARE(items[1].dataType, kde::kGtk);
    const auto gtk = parseGtkKde(items[1].kdeData);
    QVERIFY(gtk);
    QCOMPARE(gtk->keyId, std::uint8_t{1});
    QVERIFY(!gtk->tx);
    QCOMPARE(toHex(gtk->gtk), std::string("d91cf489de428889c33d732d2e1065f7"));
    const Bytes kdeBytes(keyData.begin() + 22, keyData.begin() + 46);
    QCOMPARE(buildGtkKde(1, false, gtk->gtk), kdeBytes);
    QVERIFY(findKde(keyData, kde::kGtk).has_value());
    QVERIFY(!findKde(keyData, kde::kIgtk).has_value());
  }

  void kdeBuildersAndPadding() {
    Pmkid pmkid{};
    for (std::size_t i = 0; i < 16; ++i) pmkid[i] = static_cast<std::uint8_t>(i);
    const Bytes p = buildPmkidKde(pmkid);
    QCOMPARE(p, hexBytes("dd 14 00 0f ac 04 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"));
    QVERIFY(*parsePmkidKde(ByteView(p).subspan(6)) == pmkid);

    const Bytes igtkKey(16, 0x11);
    const Bytes i = buildIgtkKde(4, 0x0000010203040506ull, igtkKey);
    const auto igtk = parseIgtkKde(ByteView(i).subspan(6));
    QVERIFY(igtk);
    QCOMPARE(igtk->keyId, std::uint16_t{4});
    QCOMPARE(igtk->ipn, std::uint64_t{0x010203040506});
    QCOMPARE(igtk->igtk.size(), std::size_t{16});

    // 12.7.2: pad to a multiple of 8 (at least 16) with 0xdd then zeros.
    Bytes keyData = hexBytes(kEapolM2Rsne);
    padKeyDataForKeyWrap(keyData);
    QCOMPARE(keyData.size(), std::size_t{24});
    QCOMPARE(keyData[22], std::uint8_t{0xdd});
    QCOMPARE(keyData[23], std::uint8_t{0x00});
    Bytes aligned(16, 0x30);
    padKeyDataForKeyWrap(aligned);
    QCOMPARE(aligned.size(), std::size_t{16});
    QVERIFY(isKeyDataPadding(keyData, 22));
    QVERIFY(!isKeyDataPadding(keyData, 0));
  }

  void describeRsneFields() {
    const Bytes list = fullRsne();
    Dissection d;
    bool ok = false;
    const Field root = describeList(list, d, &ok);
    QVERIFY(ok);
    QVERIFY(!d.malformed);
    QCOMPARE(value(root, "wlan.tag.number"), QStringLiteral("48"));
    QCOMPARE(value(root, "wlan.tag.length"), QStringLiteral("42"));
    QCOMPARE(value(root, "wlan.rsn.gcs"), QStringLiteral("1027076"));
    QCOMPARE(value(root, "wlan.rsn.gcs.oui"), QStringLiteral("4012"));
    QCOMPARE(value(root, "wlan.rsn.capabilities"), QStringLiteral("0x00c0"));
    QCOMPARE(value(root, "wlan.rsn.capabilities.mfpc"), QStringLiteral("1"));
    QCOMPARE(value(root, "wlan.rsn.capabilities.ptksa_replay_counter"), QStringLiteral("0x0000"));
    QCOMPARE(value(root, "wlan.pmkid.akms"), QStringLiteral("00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f"));
    QCOMPARE(value(root, "wlan.rsn.gmcs.type"), QStringLiteral("6"));
    const Field* gmcs = root.find("wlan.rsn.gmcs");
    QCOMPARE(gmcs->offset, std::uint32_t{40});
    QCOMPARE(gmcs->length, std::uint32_t{4});
  }

  void describeFtAndKdes() {
    Pmkid pmkid{};
    pmkid.fill(0x42);
    const Bytes list = cat({buildMde({0xb2a1, 0x01}), buildFte(sampleFte()), buildTimeoutInterval({2, 3600}),
                            buildGtkKde(2, true, Bytes(16, 0x77)), buildPmkidKde(pmkid),
                            buildIgtkKde(4, 7, Bytes(16, 0x33))});
    Dissection d;
    bool ok = false;
    const Field root = describeList(list, d, &ok);
    QVERIFY(ok);
    QCOMPARE(value(root, "wlan.mobility_domain.mdid"), QStringLiteral("0xb2a1"));
    QCOMPARE(value(root, "wlan.mobility_domain.ft_capab.ft_over_ds"), QStringLiteral("0x01"));
    QCOMPARE(value(root, "wlan.ft.mic_control"), QStringLiteral("0x0300"));
    QCOMPARE(value(root, "wlan.ft.mic_control.element_count"), QStringLiteral("3"));
    QCOMPARE(value(root, "wlan.ft.subelem.r1kh_id"), QStringLiteral("02:00:00:00:01:00"));
    QCOMPARE(value(root, "wlan.ft.subelem.gtk.key_info"), QStringLiteral("0x0001"));
    QCOMPARE(value(root, "wlan.ft.subelem.gtk.key_length"), QStringLiteral("16"));
    QCOMPARE(value(root, "wlan.timeout_int.type"), QStringLiteral("2"));
    QCOMPARE(value(root, "wlan.timeout_int.value"), QStringLiteral("3600"));
    QCOMPARE(value(root, "wlan.rsn.ie.gtk_kde.key_id"), QStringLiteral("0x02"));
    QCOMPARE(value(root, "wlan.rsn.ie.gtk_kde.tx"), QStringLiteral("1"));
    QCOMPARE(value(root, "wlan.rsn.ie.pmkid"), QString::fromStdString(toColonHex(pmkid)));
    QCOMPARE(value(root, "wlan.rsn.ie.igtk.kde.keyid"), QStringLiteral("4"));
    QCOMPARE(value(root, "wlan.rsn.ie.igtk.kde.ipn"), QStringLiteral("7"));
    std::vector<const Field*> types;
    root.findAll("wlan.rsn.ie.kde.data_type", types);
    QCOMPARE(types.size(), std::size_t{3});
  }

  void describeOverrunMarksParent() {
    // SSID, then an MDE that claims 137 octets with 2 left (as in frame 1 of captures/wpa.cap).
    const Bytes list = hexBytes("00 04 74 65 73 74 36 89 0d 86");
    Dissection d;
    bool ok = true;
    Field root = describeList(list, d, &ok);
    QVERIFY(!ok);
    QVERIFY(d.malformed);
    QCOMPARE(d.malformedOffset, std::size_t{6});
    QCOMPARE(root.children.size(), std::size_t{3});  // SSID tag, the broken tag, the malformed marker
    const Field& broken = root.children[1];
    QVERIFY(broken.malformed);
    QCOMPARE(value(broken, "wlan.tag.number"), QStringLiteral("54"));
    QCOMPARE(value(broken, "wlan.tag.length"), QStringLiteral("137"));
    QVERIFY(!broken.find("wlan.mobility_domain.mdid"));
  }

  // Every internal cut of an RSNE: describe flags malformed exactly when parse refuses.
  void rsneTruncatedAtEveryOffset() {
    const Bytes full = fullRsne();
    for (std::size_t n = 0; n + 2 <= full.size(); ++n) {
      Bytes e(full.begin(), full.begin() + static_cast<long>(2 + n));
      e[1] = static_cast<std::uint8_t>(n);
      Dissection d;
      bool ok = false;
      describeList(e, d, &ok);
      const bool parses = parseRsne(ByteView(e).subspan(2)).has_value();
      QVERIFY2(ok == parses, qPrintable(QStringLiteral("information length %1").arg(n)));
      QCOMPARE(d.malformed, !parses);
      // The same bytes cut without fixing the length: an overrun at offset 0.
      Bytes cut(full.begin(), full.begin() + static_cast<long>(n));
      Dissection d2;
      describeList(cut, d2, &ok);
      if (n > 0) {
        QVERIFY(!ok);
        QCOMPARE(d2.malformedOffset, std::size_t{0});
      }
    }
  }

  void fteTruncatedAtEveryOffset() {
    const Bytes full = buildFte(sampleFte());
    for (std::size_t n = 0; n + 2 <= full.size(); ++n) {
      Bytes e(full.begin(), full.begin() + static_cast<long>(2 + n));
      e[1] = static_cast<std::uint8_t>(n);
      Dissection d;
      bool ok = false;
      describeList(e, d, &ok);
      const auto parsed = parseFte(ByteView(e).subspan(2));
      const bool valid = parsed && (!parsed->find(ftsub::kGtk) || parsed->gtk());
      QVERIFY2(ok == valid, qPrintable(QStringLiteral("information length %1").arg(n)));
      QCOMPARE(d.malformed, !valid);
    }
  }

  void wmmQosInfoFollowsSender() {
    const Bytes wmmInfo = hexBytes("dd 07 00 50 f2 02 00 01 0f");
    Dissection d;
    Field root = describeList(wmmInfo, d);
    QVERIFY(root.find("wlan.wfa.ie.wme.qos_info.sta.ac_vo"));
    Field apRoot = makeLayer("wlan.tagged.all", "", 0, wmmInfo.size());
    describeElements(wmmInfo, 0, wmmInfo.size(), apRoot, d, ElementContext{ElementSender::AccessPoint});
    QCOMPARE(value(apRoot, "wlan.wfa.ie.wme.qos_info.ap.parameter_set_count"), QStringLiteral("0x0f"));
  }
};

QTEST_GUILESS_MAIN(TestElementsCodec)
#include "tst_elements_codec.moc"
