// SPDX-License-Identifier: GPL-3.0-or-later
// The 802.11 MAC dissector against tshark 4.0 (the independent oracle) on
// every frame of the shared captures: header, QoS, security header and
// management fixed fields field by field, the packet-list columns, which
// frames are malformed, and parse → build round trips of real headers and
// management frames.
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

#include "dissectors/common/byte_writer.h"
#include "dissectors/dispatch.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "tests/support/capture_frames.h"
#include "tests/support/fixtures.h"
#include "tests/support/frame_layers.h"
#include "tests/support/tshark_fields.h"

using namespace rs;
using namespace rs::ieee80211;

namespace {

const QStringList kFields{
    "wlan.fc.type_subtype", "wlan.fc", "wlan.flags", "wlan.fc.version", "wlan.fc.type", "wlan.fc.subtype",
    "wlan.fc.ds", "wlan.fc.tods", "wlan.fc.fromds", "wlan.fc.frag", "wlan.fc.retry", "wlan.fc.pwrmgt",
    "wlan.fc.moredata", "wlan.fc.protected", "wlan.fc.order", "wlan.duration", "wlan.aid", "wlan.ra", "wlan.ta",
    "wlan.sa", "wlan.da", "wlan.bssid", "wlan.staa", "wlan.addr", "wlan.seq", "wlan.frag", "wlan.qos",
    "wlan.qos.tid", "wlan.qos.priority", "wlan.qos.eosp", "wlan.qos.bit4", "wlan.qos.ack",
    "wlan.qos.amsdupresent", "wlan.qos.ps_buf_state", "wlan.qos.buf_state_indicated", "wlan.qos.txop_dur_req",
    "wlan.qos.queue_size", "wlan.htc", "wlan.ccmp.extiv", "wlan.tkip.extiv", "wlan.wep.iv", "wlan.wep.key",
    "wlan.wep.icv", "wlan.fixed.timestamp", "wlan.fixed.beacon", "wlan.fixed.capabilities",
    "wlan.fixed.capabilities.ess", "wlan.fixed.capabilities.ibss", "wlan.fixed.capabilities.privacy",
    "wlan.fixed.capabilities.short_preamble", "wlan.fixed.capabilities.spec_man", "wlan.fixed.capabilities.qos",
    "wlan.fixed.capabilities.short_slot_time", "wlan.fixed.capabilities.apsd",
    "wlan.fixed.capabilities.radio_measurement", "wlan.fixed.capabilities.epd", "wlan.fixed.listen_ival",
    "wlan.fixed.current_ap", "wlan.fixed.aid", "wlan.fixed.auth.alg", "wlan.fixed.auth_seq",
    "wlan.fixed.status_code", "wlan.fixed.reason_code", "wlan.fixed.sae_message_type",
    "wlan.fixed.finite_cyclic_group", "wlan.fixed.scalar", "wlan.fixed.finite_field_element",
    "wlan.fixed.send_confirm", "wlan.fixed.confirm", "wlan.fixed.category_code", "wlan.fixed.action_code",
    "wlan.fixed.dialog_token", "wlan.fixed.baparams", "wlan.fixed.baparams.amsdu", "wlan.fixed.baparams.policy",
    "wlan.fixed.baparams.tid", "wlan.fixed.baparams.buffersize", "wlan.fixed.batimeout", "wlan.fixed.ssc",
    "wlan.fixed.ssc.sequence", "wlan.fixed.ssc.fragment", "wlan.fixed.htact", "wlan.fixed.sm.powercontrol",
    "wlan.fixed.sm.powercontrol.enabled", "wlan.fixed.sta_address", "wlan.fixed.target_ap_address",
    "wlan.fixed.transaction_id", "data.len"};

// Layers whose fields this suite owns (elements below wlan.mgt use other names).
const std::set<std::string> kLayers{"wlan", "wlan.mgt", "wlan_aggregate", "data"};

QString normalise(QString s) { return s.remove(':'); }

struct TsharkRow {
  QStringList values;  // kFields order
  QString protocol, info, source, destination;
};

bool runTshark(const QString& path, std::map<std::uint32_t, TsharkRow>& rows, QString& error) {
  if (!test::tsharkAvailable()) {
    error = "tshark is not installed (Debian package 'tshark'); it is the oracle of this suite";
    return false;
  }
  std::vector<std::string> fields{"frame.number", "_ws.col.Protocol", "_ws.col.Info", "_ws.col.Source",
                                  "_ws.col.Destination"};
  for (const QString& f : kFields) fields.push_back(f.toStdString());
  const auto table = test::runTsharkFields(path.toStdString(), fields, {"-o", "nameres.mac_name:FALSE"}, error);
  if (!table) return false;
  for (const auto& cols : table->rows) {
    TsharkRow row;
    row.protocol = QString::fromStdString(cols[1]);
    row.info = QString::fromStdString(cols[2]);
    row.source = QString::fromStdString(cols[3]);
    row.destination = QString::fromStdString(cols[4]);
    for (std::size_t i = 5; i < cols.size(); ++i) row.values << QString::fromStdString(cols[i]);
    rows[QString::fromStdString(cols[0]).toUInt()] = row;
  }
  return true;
}

QString ours(const Dissection& d, const QString& field) {
  std::vector<const Field*> found;
  for (const Field& layer : d.layers)
    if (kLayers.count(layer.name)) layer.findAll(field.toStdString(), found);
  QStringList parts;
  for (const Field* f : found) parts << QString::fromStdString(f->valueString());
  return parts.join(',');
}

bool wlanMalformed(const Field& f) {
  if (f.malformed) return true;
  for (const Field& c : f.children)
    if (wlanMalformed(c)) return true;
  return false;
}

// The MAC layers from the 802.11 header to the end of the frame.
Dissection dissect(const CaptureFrame& f) {
  Dissection d;
  if (const auto offset = test::ieee80211Offset(f.linkType, f.data))
    dissectIeee80211(PayloadContext{f.data, *offset, 0}, d);
  return d;
}

// Compares every frame of `path` with tshark; false (with the reasons) on any difference.
bool compareWithTshark(const std::string& path, QStringList& mismatches) {
  std::map<std::uint32_t, TsharkRow> rows;
  QString error;
  if (!runTshark(QString::fromStdString(path), rows, error)) {
    mismatches << error;
    return false;
  }
  const test::LoadedCapture cap = test::loadCapture(path);
  if (!cap.error.empty() || rows.size() != cap.frames.size()) {
    mismatches << QString("could not read %1 (%2 records, %3 tshark rows)")
                      .arg(QString::fromStdString(path)).arg(cap.frames.size()).arg(rows.size());
    return false;
  }

  std::size_t compared = 0, columnsCompared = 0;
  for (const auto& rec : cap.frames) {
    const Dissection d = dissect(rec);
    const auto found = rows.find(test::frameNumber(rec));
    if (found == rows.end()) {
      mismatches << QString("tshark printed no row for frame %1").arg(test::frameNumber(rec));
      return false;
    }
    const TsharkRow& row = found->second;
    const bool isProtected = row.values[kFields.indexOf("wlan.fc.protected")] == "1";
    for (int i = 0; i < kFields.size(); ++i) {
      // "data" is ours only for ciphertext; upper layers (EAP, TLS) add their own.
      if (kFields[i] == "data.len" && !isProtected) continue;
      const QString expected = normalise(row.values[i]);
      const QString got = normalise(ours(d, kFields[i]));
      ++compared;
      if (expected != got && mismatches.size() < 25)
        mismatches << QString("frame %1 %2: tshark '%3' ours '%4'").arg(test::frameNumber(rec)).arg(kFields[i], expected, got);
    }
    // The columns are ours only while 802.11 is the topmost protocol.
    if (row.protocol == "802.11" && !row.info.contains("[Malformed")) {
      ++columnsCompared;
      const QString info = QString::fromStdString(d.info);
      const QString src = QString::fromStdString(d.source), dst = QString::fromStdString(d.destination);
      if ((info != row.info || src != row.source || dst != row.destination) && mismatches.size() < 25)
        mismatches << QString("frame %1 columns: tshark '%2' | '%3' | '%4' ours '%5' | '%6' | '%7'")
                          .arg(test::frameNumber(rec))
                          .arg(row.source, row.destination, row.info, src, dst, info);
    }
  }
  if (compared == 0 || columnsCompared == 0) mismatches << "nothing compared";
  return mismatches.isEmpty();
}

void addFixtureRows() {
  QTest::addColumn<QString>("fixture");
  for (const char* f : {"captures/wpa2-psk-linksys.cap", "captures/wpa-psk-linksys.cap", "captures/wpa.cap",
                        "captures/wpa2.eapol.cap", "captures/testm1m2m3.pcap", "captures/wpa3-psk.pcap",
                        "captures/capture_wds-01.cap", "roaming/psk/psk.pcap", "roaming/ft-psk/ft-psk.pcap",
                        "roaming/eap/eap.pcap"})
    QTest::newRow(f) << QString(f);
}

}  // namespace

class TestIeee80211Tshark : public QObject {
  Q_OBJECT

 private slots:
  void fieldsAndColumnsMatchTshark_data() { addFixtureRows(); }
  void fieldsAndColumnsMatchTshark() {
    QFETCH(QString, fixture);
    RS_REQUIRE_FIXTURE(fixture.toStdString());
    const std::string path = test::fixturePath(fixture.toStdString());
    QStringList mismatches;
    if (!compareWithTshark(path, mismatches)) QFAIL(qPrintable(mismatches.join('\n')));
    if (!mismatches.isEmpty()) QFAIL(qPrintable(mismatches.join('\n')));
  }

  // Frames the fixtures lack, built by RoamScope's own builders (and by hand for
  // control frames), dissected by tshark as the independent check: FT and SA
  // Query actions, DELBA, BlockAckReq/BlockAck, PS-Poll, CF-End, RTS, WEP/TKIP
  // headers, WDS, +HTC, A-MSDU, SAE commit, reassociation.
  void builtFramesMatchTshark() {
    const MacAddress ap = *MacAddress::parse("02:00:00:00:00:00");
    const MacAddress ap2 = *MacAddress::parse("02:00:00:00:01:00");
    const MacAddress sta = *MacAddress::parse("02:00:00:00:02:00");
    const MacAddress host = *MacAddress::parse("02:00:00:00:03:00");
    const Bytes mde{0x36, 0x03, 0xa1, 0xb2, 0x01};
    const Bytes elems{0x00, 0x03, 'a', 'b', 'c', 0x01, 0x02, 0x82, 0x84};
    const Bytes eapolStart{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x88, 0x8e, 0x01, 0x01, 0x00, 0x00};
    const MacHeader mh = MacHeader::management(0, ap2, sta, ap2, 291);
    std::vector<Bytes> frames;
    for (std::uint8_t a = 1; a <= 4; ++a) {
      FtActionBody ft;
      ft.action = a;
      ft.staAddress = sta;
      ft.targetApAddress = ap2;
      if (FtActionBody::hasStatus(a)) ft.statusCode = 0;
      ft.elements = mde;
      frames.push_back(buildFtAction(mh, ft));
    }
    frames.push_back(buildSaQuery(mh, SaQueryBody{0, 0x1234}));
    frames.push_back(buildSaQuery(mh, SaQueryBody{1, 0x1234}));
    frames.push_back(buildDisassociation(mh, ReasonBody{8, {}}));
    frames.push_back(buildAssociationRequest(mh, AssociationRequestBody{0x0411, 10, ap, elems}));
    frames.push_back(buildAssociationResponse(mh, AssociationResponseBody{0x0411, 0, 0xc002, elems}, true));
    frames.push_back(buildProbeResponse(mh, BeaconBody{77, 100, 0x0431, elems}));
    const Bytes scalar(32, 0x11), element(64, 0x22);
    frames.push_back(buildAuthentication(
        mh, AuthenticationBody{3, 1, 0, buildSaeCommitTrailer(SaeCommit{19, {}, scalar, element, {}})}));
    frames.push_back(buildAuthentication(mh, AuthenticationBody{2, 2, 0, mde}));
    auto raw = [&](std::initializer_list<int> head, std::initializer_list<const MacAddress*> addrs, Bytes tail) {
      ByteWriter w;
      for (int b : head) w.u8(static_cast<std::uint8_t>(b));
      for (const MacAddress* m : addrs) w.bytes(m->view());
      w.bytes(tail);
      return w.take();
    };
    frames.push_back(raw({0xa4, 0x00, 0x01, 0xc0}, {&ap, &sta}, {}));                                    // PS-Poll
    frames.push_back(raw({0x84, 0x00, 0, 0}, {&ap, &sta}, {0x04, 0x00, 0x00, 0x01}));                     // BAR
    frames.push_back(raw({0x94, 0x00, 0, 0}, {&sta, &ap}, {0x05, 0x00, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8}));  // BA
    frames.push_back(raw({0xe4, 0x00, 0, 0}, {&host, &ap}, {}));                                          // CF-End
    frames.push_back(raw({0xb4, 0x00, 0, 0}, {&ap, &sta}, {}));                                           // RTS
    frames.push_back(raw({0xd0, 0x00, 0, 0}, {&ap2, &sta, &ap2}, {0x30, 0x12, 3, 2, 0x00, 0x08, 0x25, 0x00}));  // DELBA
    frames.push_back(raw({0x08, 0x41, 0, 0}, {&ap, &sta, &host}, {0x10, 0x00, 1, 2, 3, 0x40, 9, 9, 9, 9, 9, 9, 9, 9}));  // WEP
    frames.push_back(raw({0x08, 0x42, 0, 0}, {&sta, &ap, &host},
                         {0x20, 0x00, 0x05, 0x25, 0x07, 0x60, 0x01, 0x00, 0x00, 0x00, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}));  // TKIP
    Bytes wds = raw({0x08, 0x03, 0, 0}, {&ap2, &ap, &host}, {0x10, 0x00});
    wds.insert(wds.end(), sta.octets.begin(), sta.octets.end());
    wds.insert(wds.end(), eapolStart.begin(), eapolStart.end());
    frames.push_back(wds);
    Bytes htc = raw({0x88, 0x81, 0, 0}, {&ap, &sta, &host}, {0x10, 0x00, 0x05, 0x00, 0x02, 0x00, 0x00, 0x00});
    htc.insert(htc.end(), eapolStart.begin(), eapolStart.end());
    frames.push_back(htc);
    MacHeader agg = MacHeader::qosData(false, ap, sta, host, 4, 0);
    agg.qosControl |= 0x0080;
    ByteWriter sub;
    sub.bytes(sta.view()).bytes(host.view()).u16be(static_cast<std::uint16_t>(eapolStart.size())).bytes(eapolStart);
    sub.zeros(2).bytes(sta.view()).bytes(host.view()).u16be(static_cast<std::uint16_t>(eapolStart.size()));
    sub.bytes(eapolStart);
    frames.push_back(buildDataFrame(agg, sub.data()));
    MacHeader aggUp = MacHeader::qosData(true, ap, sta, ap, 5, 0);
    aggUp.qosControl |= 0x0080;
    frames.push_back(buildDataFrame(aggUp, sub.data()));
    frames.push_back(buildDataFrame(MacHeader::qosData(true, ap, sta, host, 9, 6), eapolStart));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("built.pcap").toStdString();
    std::string error;
    QVERIFY2(test::writePcap(path, 105, frames, &error), error.c_str());
    QStringList mismatches;
    if (!compareWithTshark(path, mismatches)) QFAIL(qPrintable(mismatches.join('\n')));
  }

  // tshark flags exactly two truncated 802.11 bodies in the fixtures (frame 1 of
  // wpa.cap, frame 309 of wpa2-psk-linksys.cap); RoamScope must flag the same set.
  void malformedFramesMatchTshark_data() { addFixtureRows(); }
  void malformedFramesMatchTshark() {
    QFETCH(QString, fixture);
    RS_REQUIRE_FIXTURE(fixture.toStdString());
    const std::string path = test::fixturePath(fixture.toStdString());
    RS_REQUIRE_TSHARK();
    QString error;
    const auto table = test::runTsharkFields(path, {"frame.number"}, {"-Y", "_ws.malformed && !llc && !eapol"}, error);
    QVERIFY2(table, qPrintable(error));
    std::set<std::uint32_t> expected;
    for (const auto& row : table->rows) expected.insert(QString::fromStdString(row[0]).toUInt());
    const test::LoadedCapture cap = test::loadCapture(path);
    std::set<std::uint32_t> got;
    for (const auto& rec : cap.frames) {
      const Dissection d = dissect(rec);
      for (const Field& layer : d.layers)
        if ((layer.name == "wlan" || layer.name == "wlan.mgt") && wlanMalformed(layer)) got.insert(test::frameNumber(rec));
    }
    QCOMPARE(got, expected);
  }

  // STYLE.md #6: real headers and management frames re-serialise byte for byte.
  void realFramesRoundTrip_data() { addFixtureRows(); }
  void realFramesRoundTrip() {
    QFETCH(QString, fixture);
    RS_REQUIRE_FIXTURE(fixture.toStdString());
    const test::LoadedCapture cap = test::loadCapture(test::fixturePath(fixture.toStdString()));
    std::size_t headers = 0, bodies = 0;
    for (const auto& rec : cap.frames) {
      const auto off = test::ieee80211Offset(rec.linkType, rec.data);
      QVERIFY(off.has_value());
      const ByteView frame = rec.data.subspan(*off);
      const auto h = parseMacHeader(frame);
      if (!h) continue;
      if (!h->isManagement() && !h->isData()) continue;
      const Bytes built = buildMacHeader(*h);
      QCOMPARE(toHex(built), toHex(frame.first(h->length)));
      ++headers;
      if (!h->isManagement() || h->isProtected()) continue;
      const ByteView body = frame.subspan(h->length);
      Bytes rebuilt;
      switch (h->subtype) {
        case mgmt::Beacon:
          if (auto b = parseBeaconBody(body)) rebuilt = buildBeacon(*h, *b);
          break;
        case mgmt::ProbeResponse:
          if (auto b = parseBeaconBody(body)) rebuilt = buildProbeResponse(*h, *b);
          break;
        case mgmt::ProbeRequest: rebuilt = buildProbeRequest(*h, parseProbeRequestBody(body)); break;
        case mgmt::Authentication:
          if (auto b = parseAuthenticationBody(body)) rebuilt = buildAuthentication(*h, *b);
          break;
        case mgmt::AssociationRequest:
        case mgmt::ReassociationRequest:
          if (auto b = parseAssociationRequestBody(body, h->subtype == mgmt::ReassociationRequest))
            rebuilt = buildAssociationRequest(*h, *b);
          break;
        case mgmt::AssociationResponse:
        case mgmt::ReassociationResponse:
          if (auto b = parseAssociationResponseBody(body))
            rebuilt = buildAssociationResponse(*h, *b, h->subtype == mgmt::ReassociationResponse);
          break;
        case mgmt::Deauthentication:
          if (auto b = parseReasonBody(body)) rebuilt = buildDeauthentication(*h, *b);
          break;
        case mgmt::Disassociation:
          if (auto b = parseReasonBody(body)) rebuilt = buildDisassociation(*h, *b);
          break;
        default: continue;
      }
      QVERIFY2(!rebuilt.empty(), qPrintable(QString("frame %1 body did not parse").arg(test::frameNumber(rec))));
      QCOMPARE(toHex(rebuilt), toHex(frame));
      ++bodies;
      // SAE trailers re-serialise too (wpa3-psk.pcap).
      if (h->subtype == mgmt::Authentication) {
        const auto a = parseAuthenticationBody(body);
        if (a->algorithm == auth_algorithm::Sae && a->transactionSequence == 1) {
          const auto c = parseSaeCommit(a->trailer, a->statusCode);
          QVERIFY(c.has_value());
          QCOMPARE(toHex(buildSaeCommitTrailer(*c)), toHex(a->trailer));
        }
        if (a->algorithm == auth_algorithm::Sae && a->transactionSequence == 2) {
          const auto c = parseSaeConfirm(a->trailer);
          QVERIFY(c.has_value());
          QCOMPARE(toHex(buildSaeConfirmTrailer(*c)), toHex(a->trailer));
        }
      }
    }
    QVERIFY(headers > 0);
    QVERIFY(bodies > 0);
  }
};

QTEST_GUILESS_MAIN(TestIeee80211Tshark)
#include "tst_ieee80211_tshark.moc"
