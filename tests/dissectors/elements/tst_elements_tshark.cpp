// SPDX-License-Identifier: GPL-3.0-or-later
// Independent check: the element fields RoamScope describes must equal what
// tshark prints for every frame of the shared captures, including the Key
// Data tshark decrypts with the capture's passphrase; and every RSNE, WPA1
// element, MDE, FTE, TIE and SSID found in the captures must rebuild byte for byte.
#include <QRegularExpression>
#include <QtTest>
#include <map>

#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/elements.h"
#include "dissectors/ieee80211/elements/ft_elements.h"
#include "dissectors/ieee80211/elements/kde.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "tests/support/capture_frames.h"
#include "tests/support/fixtures.h"
#include "tests/support/frame_layers.h"
#include "tests/support/tshark_fields.h"

using namespace rs;
using namespace rs::ieee80211;

namespace {

const QStringList kFields = {
    "wlan.tag.number", "wlan.tag.length", "wlan.ssid", "wlan.supported_rates", "wlan.extended_supported_rates",
    "wlan.ds.current_channel", "wlan.tim.dtim_count", "wlan.tim.dtim_period", "wlan.tim.bmapctl",
    "wlan.tim.bmapctl.offset", "wlan.tim.partial_virtual_bitmap", "wlan.tim.aid", "wlan.country_info.code",
    "wlan.country_info.environment", "wlan.country_info.fnm.fcn", "wlan.country_info.fnm.nc",
    "wlan.country_info.fnm.mtpl", "wlan.erp_info", "wlan.erp_info.barker_preamble_mode", "wlan.rsn.version",
    "wlan.rsn.gcs", "wlan.rsn.gcs.oui", "wlan.rsn.gcs.type", "wlan.rsn.pcs.count", "wlan.rsn.pcs.type",
    "wlan.rsn.akms.count", "wlan.rsn.akms", "wlan.rsn.akms.type", "wlan.rsn.capabilities",
    "wlan.rsn.capabilities.preauth", "wlan.rsn.capabilities.ptksa_replay_counter",
    "wlan.rsn.capabilities.gtksa_replay_counter", "wlan.rsn.capabilities.mfpc", "wlan.rsn.pmkid.count",
    "wlan.pmkid.akms", "wlan.rsn.gmcs.type", "wlan.mobility_domain.mdid", "wlan.mobility_domain.ft_capab",
    "wlan.mobility_domain.ft_capab.ft_over_ds", "wlan.ft.mic_control", "wlan.ft.mic_control.element_count",
    "wlan.ft.mic", "wlan.ft.anonce", "wlan.ft.snonce", "wlan.ft.subelem.id", "wlan.ft.subelem.len",
    "wlan.ft.subelem.r1kh_id", "wlan.ft.subelem.r0kh_id", "wlan.ft.subelem.gtk.key_info",
    "wlan.ft.subelem.gtk.key_id", "wlan.ft.subelem.gtk.key_length", "wlan.ft.subelem.gtk.rsc",
    "wlan.ft.subelem.gtk.key_encrypted", "wlan.timeout_int.type", "wlan.timeout_int.value",
    "wlan.ht.capabilities", "wlan.ht.capabilities.sm", "wlan.ht.ampduparam", "wlan.ht.mcsset.rxbitmask.0to7",
    "wlan.ht.mcsset.highestdatarate", "wlan.htex.capabilities", "wlan.txbf", "wlan.asel",
    "wlan.ht.info.primarychannel", "wlan.ht.info.delim1", "wlan.ht.info.delim2", "wlan.ht.info.delim3",
    "wlan.ht.info.secchanoffset", "wlan.extcap", "wlan.extcap.b19", "wlan.tag.oui", "wlan.tag.vendor.oui.type",
    "wlan.wfa.ie.type", "wlan.wfa.ie.wpa.version", "wlan.wfa.ie.wpa.mcs", "wlan.wfa.ie.wpa.mcs.type",
    "wlan.wfa.ie.wpa.ucs.count", "wlan.wfa.ie.wpa.ucs.type", "wlan.wfa.ie.wpa.akms.count", "wlan.wfa.ie.wpa.type",
    "wlan.wfa.ie.wme.subtype", "wlan.wfa.ie.wme.version", "wlan.wfa.ie.wme.qos_info",
    "wlan.wfa.ie.wme.qos_info.ap.parameter_set_count", "wlan.wfa.ie.wme.acp.aci_aifsn",
    "wlan.wfa.ie.wme.acp.ecw", "wlan.wfa.ie.wme.acp.cw.max", "wlan.wfa.ie.wme.acp.txop_limit",
    "wlan.rsn.ie.kde.data_type", "wlan.rsn.ie.pmkid", "wlan.rsn.ie.gtk_kde.key_id", "wlan.rsn.ie.gtk_kde.tx",
    "wlan.rsn.ie.gtk_kde.gtk", "wlan.rsn.ie.igtk.kde.keyid", "wlan.rsn.ie.igtk.kde.ipn",
    "wlan.rsn.ie.igtk.kde.igtk", "wlan.ext_tag.number", "wlan.ext_tag.length",
};

struct Capture {
  const char* path;
  const char* wpaPassword;  // "passphrase:SSID" for tshark's decryption, or nullptr
};

const Capture kCaptures[] = {
    {"captures/capture_wds-01.cap", nullptr},
    {"captures/testm1m2m3.pcap", "12345678:WLAN-2"},
    {"captures/wpa-psk-linksys.cap", "dictionary:linksys"},
    {"captures/wpa.cap", "biscotte:test"},
    {"captures/wpa2-psk-linksys.cap", "dictionary:linksys"},
    {"captures/wpa2.eapol.cap", "12345678:Harkonen"},
    {"captures/wpa3-psk.pcap", nullptr},
    {"roaming/psk/psk.pcap", "hwsim-roam-passphrase:hwsim-psk"},
    {"roaming/ft-psk/ft-psk.pcap", "hwsim-roam-passphrase:hwsim-ft"},
    {"roaming/eap/eap.pcap", nullptr},
};

QStringList decryptionArgs(const char* password) {
  if (!password) return {};
  return {"-o", "wlan.enable_decryption:TRUE", "-o",
          QStringLiteral("uat:80211_keys:\"wpa-pwd\",\"%1\"").arg(QString::fromLatin1(password))};
}

struct ElementList {
  std::size_t offset = 0;
  std::size_t end = 0;
  bool keyData = false;  // EAPOL-Key Key Data rather than a management body
  ElementSender sender = ElementSender::Unknown;
};

// Fixed-field octets before the elements, per management subtype (IEEE 802.11-2016 9.3.3).
std::optional<std::size_t> fixedFields(unsigned subtype) {
  switch (subtype) {
    case 0: return 4;    // association request
    case 1: return 6;    // association response
    case 2: return 10;   // reassociation request
    case 3: return 6;    // reassociation response
    case 4: return 0;    // probe request
    case 5: return 12;   // probe response
    case 8: return 12;   // beacon
    case 10: return 2;   // disassociation
    case 12: return 2;   // deauthentication
    case 11: return 6;   // authentication (algorithm checked by the caller)
    default: return std::nullopt;
  }
}

// The element lists in one frame (management bodies, plaintext EAPOL-Key Key
// Data), found without the MAC dissector so the element tests stand on their
// own; std::nullopt when the frame carries elements this walker cannot locate
// (action frames, SAE, protected frames), so a comparison must skip it.
std::optional<std::vector<ElementList>> locateElementLists(ByteView f, std::uint32_t linkType) {
  std::vector<ElementList> lists;
  const auto mac = rs::test::ieee80211Offset(linkType, f);
  if (!mac || *mac + 24 > f.size()) return lists;
  const std::uint8_t fc = f[*mac], flags = f[*mac + 1];
  const unsigned type = (fc >> 2) & 3, subtype = fc >> 4;
  if (flags & 0x40) return std::nullopt;  // protected: tshark may decrypt what we cannot
  if (type == 0) {
    const auto fixed = fixedFields(subtype);
    if (!fixed) return subtype == 9 ? std::optional(lists) : std::nullopt;
    const std::size_t header = 24 + ((flags & 0x80) ? 4 : 0);
    const std::size_t body = *mac + header;
    if (subtype == 11 && body + 2 <= f.size() && (f[body] | (f[body + 1] << 8)) == 3) return std::nullopt;  // SAE
    if (body + *fixed > f.size()) return lists;
    ElementSender sender = ElementSender::Unknown;
    if (subtype == 1 || subtype == 3 || subtype == 5 || subtype == 8) sender = ElementSender::AccessPoint;
    if (subtype == 0 || subtype == 2 || subtype == 4) sender = ElementSender::Station;
    lists.push_back(ElementList{body + *fixed, f.size(), false, sender});
    return lists;
  }
  if (type != 2) return lists;
  std::size_t header = 24;
  if ((flags & 0x03) == 0x03) header += 6;
  if (subtype & 0x08) header += 2 + ((flags & 0x80) ? 4 : 0);
  const std::size_t llc = *mac + header;
  static constexpr std::uint8_t kEapolSnap[] = {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x88, 0x8e};
  if (llc + 8 > f.size() || !std::equal(std::begin(kEapolSnap), std::end(kEapolSnap), f.begin() + static_cast<long>(llc)))
    return lists;
  const std::size_t eapol = llc + 8;
  // EAPOL header (4), descriptor type (1), Key Information (2) ... Key Data Length at +97 (IEEE 802.11-2016 12.7.2).
  if (eapol + 99 > f.size() || f[eapol + 1] != 3) return lists;
  const std::uint8_t descriptor = f[eapol + 4];
  const unsigned keyInfo = (f[eapol + 5] << 8) | f[eapol + 6];
  const std::size_t length = (f[eapol + 97] << 8) | f[eapol + 98];
  if (length == 0) return lists;
  if (descriptor == 2 && (keyInfo & 0x1000)) return lists;    // encrypted Key Data
  if (descriptor == 254 && !(keyInfo & 0x0008)) return lists;  // WPA1 group key: encrypted
  lists.push_back(ElementList{eapol + 99, std::min(f.size(), eapol + 99 + length), true, ElementSender::Unknown});
  return lists;
}

// Frame number -> Key Data tshark decrypted ("Decrypted ... keydata" blocks of -x output).
std::map<std::uint32_t, Bytes> decryptedKeyData(const QByteArray& hexdump) {
  std::map<std::uint32_t, Bytes> out;
  static const QRegularExpression summary(QStringLiteral("^\\s+(\\d+)\\s+\\d+\\.\\d+"));
  static const QRegularExpression hexLine(QStringLiteral("^[0-9a-f]{4}  ((?:[0-9a-f]{2} )+)"));
  std::uint32_t frame = 0;
  bool inKeyData = false;
  for (const QByteArray& raw : hexdump.split('\n')) {
    const QString line = QString::fromLatin1(raw);
    if (auto m = summary.match(line); m.hasMatch()) {
      frame = m.captured(1).toUInt();
      inKeyData = false;
    } else if (line.startsWith(QStringLiteral("Decrypted")) && line.contains(QStringLiteral("keydata"))) {
      inKeyData = true;
      out[frame].clear();
    } else if (auto h = hexLine.match(line); h.hasMatch() && inKeyData) {
      Bytes b;
      if (parseHex(h.captured(1).trimmed().toStdString(), b)) out[frame].insert(out[frame].end(), b.begin(), b.end());
    } else if (line.trimmed().isEmpty() || !h.hasMatch()) {
      if (!line.startsWith(QStringLiteral("Decrypted"))) inKeyData = false;
    }
  }
  return out;
}

// -T fields prints bytes without separators and an empty byte field as "<MISSING>".
QString normalized(QString v) { return v.remove(QLatin1Char(':')).replace(QStringLiteral("<MISSING>"), QString()); }

}  // namespace

class TestElementsTshark : public QObject {
  Q_OBJECT

 private slots:
  void fieldsMatchTshark_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("password");
    for (const auto& c : kCaptures)
      QTest::newRow(c.path) << QString::fromLatin1(c.path) << (c.wpaPassword ? QString::fromLatin1(c.wpaPassword) : QString());
  }

  void fieldsMatchTshark() {
    QFETCH(QString, path);
    QFETCH(QString, password);
    const std::string relative = path.toStdString();
    RS_REQUIRE_FIXTURE(relative.c_str());
    const std::string file = rs::test::fixturePath(relative);
    const QByteArray pw = password.toLatin1();
    const QStringList keyArgs = decryptionArgs(password.isEmpty() ? nullptr : pw.constData());

    RS_REQUIRE_TSHARK();
    std::vector<std::string> fields{"frame.number"};
    for (const auto& f : kFields) fields.push_back(f.toStdString());
    QString error;
    const auto table = rs::test::runTsharkFields(file, fields, keyArgs, error);
    QVERIFY2(table, qPrintable(error));
    std::map<std::uint32_t, Bytes> keyData;
    if (!keyArgs.isEmpty()) {
      const auto dump = rs::test::runTshark(keyArgs + QStringList{"-r", QString::fromStdString(file), "-x", "-P"}, error);
      QVERIFY2(dump, qPrintable(error));
      keyData = decryptedKeyData(*dump);
    }

    std::map<std::uint32_t, QStringList> expected;
    for (const auto& row : table->rows) {
      QStringList cols;
      for (std::size_t i = 1; i < row.size(); ++i) cols << QString::fromStdString(row[i]);
      expected[QString::fromStdString(row[0]).toUInt()] = cols;
    }

    const auto capture = rs::test::loadCapture(file);
    QVERIFY2(capture.error.empty(), capture.error.c_str());
    QCOMPARE(expected.size(), capture.frames.size());

    std::size_t framesCompared = 0, valuesCompared = 0, keyDataCompared = 0;
    QStringList mismatches;
    for (const auto& rec : capture.frames) {
      const auto lists = locateElementLists(rec.data, rec.linkType);
      if (!lists) continue;
      Field root = makeLayer("wlan.tagged.all", "Tagged parameters", 0, rec.data.size());
      Dissection d;
      for (const auto& l : *lists)
        describeElements(rec.data, l.offset, l.end, root, d, ElementContext{l.sender});
      if (auto it = keyData.find(rs::test::frameNumber(rec)); it != keyData.end() && !it->second.empty()) {
        describeElements(it->second, 0, it->second.size(), root, d);
        ++keyDataCompared;
      }
      const QStringList& theirs = expected[rs::test::frameNumber(rec)];
      ++framesCompared;
      for (int i = 0; i < kFields.size(); ++i) {
        std::vector<const Field*> found;
        root.findAll(kFields[i].toStdString(), found);
        QStringList values;
        for (const Field* f : found) values << QString::fromStdString(f->valueString());
        const QString mine = normalized(values.join(QLatin1Char(',')));
        const QString tshark = normalized(theirs[i]);
        if (!tshark.isEmpty()) ++valuesCompared;
        if (mine != tshark && mismatches.size() < 20)
          mismatches << QStringLiteral("frame %1 %2: ours '%3' tshark '%4'")
                            .arg(rs::test::frameNumber(rec))
                            .arg(kFields[i], mine.left(120), tshark.left(120));
      }
    }
    if (!mismatches.isEmpty()) QFAIL(qPrintable(mismatches.join(QLatin1Char('\n'))));
    QVERIFY(framesCompared > 0);
    QVERIFY(valuesCompared > 0);
    qInfo("%s: %zu frames, %zu tshark values, %zu decrypted Key Data blocks compared", qPrintable(path),
          framesCompared, valuesCompared, keyDataCompared);
  }

  void fixtureElementsRebuildByteForByte() {
    std::size_t rsne = 0, wpa = 0, mde = 0, fte = 0, tie = 0, ssid = 0;
    for (const auto& c : kCaptures) {
      if (!rs::test::fixtureExists(c.path)) continue;
      const auto capture = rs::test::loadCapture(rs::test::fixturePath(c.path));
      for (const auto& rec : capture.frames) {
        const auto lists = locateElementLists(rec.data, rec.linkType);
        if (!lists) continue;
        for (const auto& l : *lists) {
          const ByteView list = rec.data.subspan(l.offset, l.end - l.offset);
          forEachElement(list, [&](const ElementView& e) {
            const ByteView whole = list.subspan(e.offset, e.totalLength());
            const QString where =
                QStringLiteral("%1 frame %2 element %3").arg(c.path).arg(rs::test::frameNumber(rec)).arg(e.id);
            Bytes rebuilt;
            if (e.id == 48) {
              const auto p = parseRsne(e.data);
              QVERIFY2(p, qPrintable(where));
              rebuilt = buildRsne(*p);
              ++rsne;
            } else if (e.id == 54) {
              const auto p = parseMde(e.data);
              QVERIFY2(p, qPrintable(where));
              rebuilt = buildMde(*p);
              ++mde;
            } else if (e.id == 55) {
              const auto p = parseFte(e.data);
              QVERIFY2(p, qPrintable(where));
              rebuilt = buildFte(*p);
              ++fte;
            } else if (e.id == 56) {
              const auto p = parseTimeoutInterval(e.data);
              QVERIFY2(p, qPrintable(where));
              rebuilt = buildTimeoutInterval(*p);
              ++tie;
            } else if (e.id == 0) {
              const auto p = parseSsid(e.data);
              QVERIFY2(p, qPrintable(where));
              rebuilt = buildSsid(*p);
              ++ssid;
            } else if (const auto p = parseWpaElement(e.data); e.id == 221 && p) {
              rebuilt = buildWpaElement(*p);
              ++wpa;
            } else {
              return;
            }
            QVERIFY2(rebuilt == toBytes(whole), qPrintable(where));
          });
        }
      }
    }
    if (rsne == 0) QSKIP("no fixture captures present");
    QVERIFY(mde > 0 && fte > 0 && wpa > 0 && ssid > 0);
    qInfo("rebuilt %zu RSNE, %zu WPA1, %zu MDE, %zu FTE, %zu TIE, %zu SSID elements", rsne, wpa, mde, fte, tie, ssid);
  }

  // tshark flags the Mobility Domain element of frame 1 of wpa.cap: length 137 with 2 octets left.
  void truncatedElementInWpaCap() {
    RS_REQUIRE_FIXTURE("captures/wpa.cap");
    const auto capture = rs::test::loadCapture(rs::test::fixturePath("captures/wpa.cap"));
    QVERIFY(!capture.frames.empty());
    const ByteView frame = capture.frames[0].data;
    const auto lists = locateElementLists(frame, capture.linkType);
    QVERIFY(lists && lists->size() == 1);
    Field root = makeLayer("wlan.tagged.all", "Tagged parameters", lists->front().offset, 0);
    Dissection d;
    QVERIFY(!describeElements(frame, lists->front().offset, lists->front().end, root, d));
    QVERIFY(d.malformed);
    QCOMPARE(frame[d.malformedOffset], std::uint8_t{54});
    QCOMPARE(frame[d.malformedOffset + 1], std::uint8_t{137});
    QCOMPARE(d.malformedOffset + 4, frame.size());
  }

  // Frame 309 of wpa2-psk-linksys.cap is an association response that ends
  // right after its fixed fields; tshark's malformed mark there comes from the
  // frame-body dissector, so an empty element list is not malformed here.
  void emptyElementListIsNotMalformed() {
    RS_REQUIRE_FIXTURE("captures/wpa2-psk-linksys.cap");
    const auto capture = rs::test::loadCapture(rs::test::fixturePath("captures/wpa2-psk-linksys.cap"));
    QVERIFY(capture.frames.size() >= 309);
    const ByteView frame = capture.frames[308].data;
    const auto lists = locateElementLists(frame, capture.linkType);
    QVERIFY(lists && lists->size() == 1);
    QCOMPARE(lists->front().offset, frame.size());
    Field root = makeLayer("wlan.tagged.all", "Tagged parameters", frame.size(), 0);
    Dissection d;
    QVERIFY(describeElements(frame, lists->front().offset, lists->front().end, root, d));
    QVERIFY(!d.malformed);
    QVERIFY(root.children.empty());
  }
};

QTEST_GUILESS_MAIN(TestElementsTshark)
#include "tst_elements_tshark.moc"
