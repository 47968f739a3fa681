// SPDX-License-Identifier: GPL-3.0-or-later
// The emulated HA <-> AAA traffic checked by tshark, the independent oracle:
// no malformed packet or expert warning, every Access-Accept / -Reject's
// Response Authenticator valid under the shared secret
// (radius.validate_authenticator) and invalid under another, and every RADIUS
// field equal to RoamScope's dissector. The same authenticator check on
// FreeRADIUS's fixture shows tshark's check is not vacuous.
#include <QTemporaryDir>
#include <QtTest>

#include "dissectors/dispatch.h"
#include "tests/core/protocols/aaa/aaa_emulation.h"
#include "tests/core/protocols/aaa/aaa_test_support.h"
#include "tests/support/capture_frames.h"
#include "tests/support/field_compare.h"
#include "tests/support/fixtures.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {

const std::vector<std::string> kFields = {
    "radius.code", "radius.id", "radius.length", "radius.authenticator", "radius.avp.type", "radius.avp.length",
    "radius.avp.vendor_id", "radius.avp.vendor_type", "radius.avp.vendor_len", "radius.User_Name",
    "radius.NAS_IP_Address", "radius.NAS_Identifier", "radius.Message_Authenticator", "radius.MS_CHAP_Challenge",
    "radius.MS_CHAP2_Response", "radius.MS_CHAP2_Success", "radius.MS_CHAP_Error", "radius.MS_MPPE_Send_Key",
    "radius.MS_MPPE_Recv_Key", "radius.MS_MPPE_Encryption_Policy", "radius.MS_MPPE_Encryption_Types",
    "udp.srcport", "udp.dstport", "_ws.col.Protocol", "_ws.col.Info"};

// CHAP-Password with its Ident / String sub-fields and CHAP-Challenge, as tshark -G fields names them.
const std::vector<std::string> kChapFields = {
    "radius.code", "radius.id", "radius.length", "radius.authenticator", "radius.avp.type", "radius.avp.length",
    "radius.User_Name", "radius.CHAP_Password", "radius.CHAP_Ident", "radius.CHAP_String", "radius.CHAP_Challenge",
    "radius.NAS_IP_Address", "radius.NAS_Identifier", "radius.Message_Authenticator", "udp.srcport", "udp.dstport",
    "_ws.col.Protocol", "_ws.col.Info"};

// Frame number -> (valid, invalid) as tshark's authenticator check reports them.
struct AuthenticatorCheck {
  int replies = 0, valid = 0, invalid = 0, malformed = 0, expert = 0;
};

AuthenticatorCheck tsharkCheck(const std::string& path, const QString& secret, const QStringList& extra) {
  QString error;
  QStringList args = extra;
  args << "-o" << "radius.shared_secret:" + secret << "-o" << "radius.validate_authenticator:TRUE";
  const auto table = test::runTsharkFields(
      path, {"radius.code", "radius.authenticator.valid", "radius.authenticator.invalid", "_ws.malformed", "_ws.expert"},
      args, error);
  AuthenticatorCheck c;
  if (!table) {
    qWarning("%s", qPrintable(error));
    return c;
  }
  for (const auto& row : table->rows) {
    if (row[0] == "2" || row[0] == "3") ++c.replies;
    if (row[1] == "1") ++c.valid;
    if (row[2] == "1") ++c.invalid;
    if (!row[3].empty()) ++c.malformed;
    if (!row[4].empty()) ++c.expert;
  }
  return c;
}

}  // namespace

class TestAaaTshark : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string pcap_;
  std::string chapPcap_;  // a Foreign Agent's CHAP checks (RFC 3012 via RFC 2865 5.3 / 5.40)

 private slots:
  void initTestCase() {
    RS_REQUIRE_TSHARK();
    QVERIFY(dir_.isValid());
    test::AaaEmulation run(2026);
    QCOMPARE(run.statusServer().outcome, aaa::AaaOutcome::Accepted);
    for (std::uint64_t i = 1; i <= 3; ++i)
      QCOMPARE(run.registerMobile(test::mobileResponse(test::kMnNai, test::kMnPassword, i)).outcome,
               aaa::AaaOutcome::Accepted);
    QCOMPARE(run.registerMobile(test::mobileResponse(test::kMnNai, "wrong", 9)).outcome, aaa::AaaOutcome::Rejected);
    QCOMPARE(run.registerMobile(test::mobileResponse("ghost@home.example", "x", 10)).outcome,
             aaa::AaaOutcome::Rejected);
    pcap_ = dir_.filePath("ha-aaa.pcap").toStdString();
    std::string error;
    QVERIFY2(test::writePcap(pcap_, 1, run.capture.frames, &error), error.c_str());
    QCOMPARE(run.capture.frames.size(), std::size_t{12});

    test::AaaEmulation chap(2027);
    for (std::uint64_t i = 1; i <= 2; ++i)
      QCOMPARE(chap.authenticateChap(test::chapResponse(test::kMnNai, test::kMnPassword, i)).outcome,
               aaa::AaaOutcome::Accepted);
    QCOMPARE(chap.authenticateChap(test::chapResponse(test::kMnNai, "wrong", 3)).outcome, aaa::AaaOutcome::Rejected);
    QCOMPARE(chap.authenticateChap(test::chapResponse("ghost@home.example", "x", 4)).outcome,
             aaa::AaaOutcome::Rejected);
    chapPcap_ = dir_.filePath("fa-aaa-chap.pcap").toStdString();
    QVERIFY2(test::writePcap(chapPcap_, 1, chap.capture.frames, &error), error.c_str());
    QCOMPARE(chap.capture.frames.size(), std::size_t{8});
  }

  void noMalformedAndAuthenticatorsVerify() {
    const auto good = tsharkCheck(pcap_, test::kAaaSecret, {});
    QCOMPARE(good.malformed, 0);
    QCOMPARE(good.expert, 0);
    // 6 replies; tshark 4.0 checks the 5 that answer Access-Requests (not
    // the Status-Server's Access-Accept, which tst_aaa_mschap verifies).
    QCOMPARE(good.replies, 6);
    QCOMPARE(good.valid, 5);
    QCOMPARE(good.invalid, 0);
    const auto bad = tsharkCheck(pcap_, "another-secret", {});
    QCOMPARE(bad.valid, 0);
    QCOMPARE(bad.invalid, 5);
  }

  void fieldsEqualTshark() {
    // Every frame, the packet-list columns too (RADIUS is the top protocol of each).
    const auto result = test::compareSelectedWithTshark(
        pcap_, kFields, {},
        [](const CaptureFrame& f) -> std::optional<Dissection> { return dissectFrame(f.linkType, f.data); },
        [](const std::vector<std::string>&, const Dissection&) { return true; },
        [](const std::vector<std::string>&) { return true; });
    if (!result.error.empty()) QFAIL(result.error.c_str());
    if (!result.mismatches.empty()) qWarning("%s", test::describe(result).c_str());
    QCOMPARE(result.mismatches.size(), std::size_t{0});
    QCOMPARE(result.frames, std::size_t{12});
    QVERIFY(result.comparedValues > 200);
  }

  void chapNoMalformedAndAuthenticatorsVerify() {
    const auto good = tsharkCheck(chapPcap_, test::kAaaSecret, {});
    QCOMPARE(good.malformed, 0);
    QCOMPARE(good.expert, 0);
    QCOMPARE(good.replies, 4);
    QCOMPARE(good.valid, 4);
    QCOMPARE(good.invalid, 0);
    QCOMPARE(tsharkCheck(chapPcap_, "another-secret", {}).invalid, 4);
  }

  void chapFieldsEqualTshark() {
    const auto result = test::compareSelectedWithTshark(
        chapPcap_, kChapFields, {},
        [](const CaptureFrame& f) -> std::optional<Dissection> { return dissectFrame(f.linkType, f.data); },
        [](const std::vector<std::string>&, const Dissection&) { return true; },
        [](const std::vector<std::string>&) { return true; });
    if (!result.error.empty()) QFAIL(result.error.c_str());
    if (!result.mismatches.empty()) qWarning("%s", test::describe(result).c_str());
    QCOMPARE(result.mismatches.size(), std::size_t{0});
    QCOMPARE(result.frames, std::size_t{8});
    // Each request's CHAP fields were there to compare, not just empty on both sides.
    QString error;
    const auto table = test::runTsharkFields(chapPcap_, {"radius.CHAP_Ident", "radius.CHAP_String",
                                                         "radius.CHAP_Challenge"}, {}, error);
    QVERIFY2(table, qPrintable(error));
    int requestsWithChap = 0;
    for (const auto& row : table->rows)
      if (!row[0].empty() && !row[1].empty() && !row[2].empty()) ++requestsWithChap;
    QCOMPARE(requestsWithChap, 4);
  }

  // FreeRADIUS's capture: tshark verifies its Access-Accept/-Reject authenticators with "hasecret".
  void fixtureAuthenticatorsVerifyInTshark() {
    RS_REQUIRE_FIXTURE("peers/radius-mschapv2.pcap");
    const std::string path = test::fixturePath("peers/radius-mschapv2.pcap");
    const QStringList decodeAs = {"-d", "udp.port==11812,radius"};
    const auto good = tsharkCheck(path, "hasecret", decodeAs);
    QVERIFY(good.valid >= 4);
    QCOMPARE(good.invalid, 0);
    QCOMPARE(tsharkCheck(path, "hasecreT", decodeAs).valid, 0);
  }
};

QTEST_GUILESS_MAIN(TestAaaTshark)
#include "tst_aaa_tshark.moc"
