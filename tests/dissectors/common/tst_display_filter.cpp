// SPDX-License-Identifier: GPL-3.0-or-later
// Display filters (dissectors/common/display_filter.h): the grammar, each
// comparison on each kind of field, the errors with their positions, and
// agreement with tshark -Y on real captures (the same frames match).
#include <QtTest>

#include "dissectors/common/display_filter.h"
#include "dissectors/common/mac_address.h"
#include "tests/support/fixtures.h"
#include "tests/support/program_run.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {

// A frame with an EAPOL layer: wlan.sa, wlan.fc.retry, eapol.type, an IPv4 and a text field.
Dissection sample() {
  Dissection d;
  Field wlan = makeLayer("wlan", "IEEE 802.11", 0, 24);
  wlan.addBytes("wlan.sa", "Source address", MacAddress{{0x02, 0, 0, 0, 1, 0}}.view(), 10);
  wlan.addUint("wlan.fc.retry", "Retry", 0, 1, 1);
  wlan.addUint("wlan.fc.type_subtype", "Type/Subtype", 0x28, 0, 2, 4);
  d.addLayer(std::move(wlan));
  Field eapol = makeLayer("eapol", "802.1X Authentication", 32, 99);
  eapol.addUint("eapol.type", "Type", 3, 33, 1);
  eapol.addString("eap.identity", "Identity", "alice@example.org", 40, 17);
  eapol.addIpv4("ip.src", "Source", 0x0a000164, 50);
  eapol.addInt("wlan_radio.signal_dbm", "Signal", -45, 60, 1);
  d.addLayer(std::move(eapol));
  return d;
}

bool matches(const char* filter, const Dissection& d) {
  auto compiled = DisplayFilter::compile(filter);
  if (auto* e = std::get_if<FilterError>(&compiled)) {
    qWarning("filter '%s' did not compile: %s", filter, e->message.c_str());
    return false;
  }
  return std::get<DisplayFilter>(compiled).matches(d);
}

}  // namespace

class TestDisplayFilter : public QObject {
  Q_OBJECT
 private slots:
  void matching_data() {
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("expected");
    QTest::newRow("empty") << "" << true;
    QTest::newRow("layer present") << "eapol" << true;
    QTest::newRow("layer absent") << "radius" << false;
    QTest::newRow("field present") << "wlan.sa" << true;
    QTest::newRow("mac ==") << "wlan.sa == 02:00:00:00:01:00" << true;
    QTest::newRow("mac == other") << "wlan.sa == 02:00:00:00:01:01" << false;
    QTest::newRow("mac with dashes") << "wlan.sa == 02-00-00-00-01-00" << true;
    QTest::newRow("uint eq word") << "eapol.type eq 3" << true;
    QTest::newRow("uint hex") << "wlan.fc.type_subtype == 0x0028" << true;
    QTest::newRow("uint >") << "eapol.type > 2" << true;
    QTest::newRow("uint <=") << "eapol.type <= 2" << false;
    QTest::newRow("!= present, differs") << "eapol.type != 1" << true;
    QTest::newRow("!= present, equal") << "eapol.type != 3" << false;
    QTest::newRow("!= absent") << "radius.code != 2" << false;
    QTest::newRow("signed <") << "wlan_radio.signal_dbm < 0" << true;
    QTest::newRow("signed negative") << "wlan_radio.signal_dbm == -45" << true;
    QTest::newRow("signed >") << "wlan_radio.signal_dbm > -40" << false;
    QTest::newRow("ipv4") << "ip.src == 10.0.1.100" << true;
    QTest::newRow("ipv4 other") << "ip.src == 10.0.1.101" << false;
    QTest::newRow("string ==") << "eap.identity == \"alice@example.org\"" << true;
    QTest::newRow("contains") << "eap.identity contains \"example\"" << true;
    QTest::newRow("contains not") << "eap.identity contains \"bob\"" << false;
    QTest::newRow("bytes contains") << "wlan.sa contains 01:00" << true;
    QTest::newRow("and") << "eapol && wlan.sa == 02:00:00:00:01:00" << true;
    QTest::newRow("and word") << "eapol and radius" << false;
    QTest::newRow("or") << "radius || eapol.type == 3" << true;
    QTest::newRow("not") << "!radius" << true;
    QTest::newRow("not word") << "not eapol" << false;
    QTest::newRow("parentheses") << "!(eapol && wlan.fc.retry == 1)" << true;
    QTest::newRow("precedence: and before or") << "radius && eapol || wlan" << true;
    QTest::newRow("precedence: not binds tight") << "!eapol || radius" << false;
  }
  void matching() {
    QFETCH(QString, filter);
    QFETCH(bool, expected);
    QCOMPARE(matches(filter.toUtf8().constData(), sample()), expected);
  }

  void errorsNameTheirPosition_data() {
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    QTest::newRow("dangling and") << "eapol &&" << 8 << "expected a field name at the end";
    QTest::newRow("missing value") << "radius.code ==" << 14 << "expected a value after '=='";
    QTest::newRow("unclosed") << "(eapol" << 6 << "expected ')'";
    QTest::newRow("stray paren") << "eapol)" << 5 << "unexpected ')'";
    QTest::newRow("bad character") << "eapol # x" << 6 << "unexpected character '#'";
    QTest::newRow("number first") << "3 == eapol" << 0 << "expected a field name";
    QTest::newRow("unterminated string") << "eap.identity == \"bob" << 16 << "unterminated string";
  }
  void errorsNameTheirPosition() {
    QFETCH(QString, filter);
    QFETCH(int, position);
    QFETCH(QString, message);
    auto compiled = DisplayFilter::compile(filter.toStdString());
    QVERIFY(std::holds_alternative<FilterError>(compiled));
    const FilterError& e = std::get<FilterError>(compiled);
    QCOMPARE(static_cast<int>(e.position), position);
    QVERIFY2(QString::fromStdString(e.message).startsWith(message), e.message.c_str());
  }

  // The same frames as tshark -Y on real captures of 802.11 with EAP and of RADIUS.
  void agreesWithTshark_data() {
    QTest::addColumn<QString>("capture");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("decodeAs");  // the fixture's FreeRADIUS listened on 11812 (peers/README.md)
    const QString air = QStringLiteral("roaming/eap/eap.pcap");
    const QString radius = QStringLiteral("peers/radius-eap-peap-mschapv2.pcap");
    const QString none, radiusPort = QStringLiteral("udp.port==11812,radius");
    QTest::newRow("eapol") << air << "eapol" << none;
    QTest::newRow("eap identity") << air << "eap.code == 2 && eap.type == 1" << none;
    QTest::newRow("auth frames of the station")
        << air << "wlan.fc.type_subtype == 0x000b && wlan.sa == 02:00:00:00:02:00" << none;
    QTest::newRow("not beacons") << air << "wlan && !(wlan.fc.type_subtype == 8)" << none;
    QTest::newRow("reassociation") << air << "wlan.fc.type_subtype == 2 || wlan.fc.type_subtype == 3" << none;
    QTest::newRow("access-accept") << radius << "radius.code == 2" << radiusPort;
    QTest::newRow("radius requests") << radius << "radius.code eq 1 or radius.code eq 12" << radiusPort;
    QTest::newRow("radius to the server") << radius << "udp.dstport == 11812" << radiusPort;
  }
  void agreesWithTshark() {
    QFETCH(QString, capture);
    QFETCH(QString, filter);
    QFETCH(QString, decodeAs);
    RS_REQUIRE_FIXTURE(capture.toStdString());
    RS_REQUIRE_TSHARK();
    const QString file = QString::fromStdString(test::fixturePath(capture.toStdString()));
    QString error;
    QStringList tsharkArgs{"-r", file, "-Y", filter, "-T", "fields", "-e", "frame.number"};
    QStringList ourArgs{"dissect", file, "-Y", filter};
    if (!decodeAs.isEmpty()) {
      tsharkArgs << "-d" << decodeAs;
      ourArgs << "--decode-as" << decodeAs;
    }
    const auto theirs = test::runTshark(tsharkArgs, error);
    QVERIFY2(theirs, qPrintable(error));
    const auto ours = test::runProgram(QStringLiteral(ROAMSCOPE_CLI), ourArgs);
    QCOMPARE(ours.exitCode, 0);
    QStringList tsharkFrames, ourFrames;
    for (const QByteArray& line : theirs->trimmed().split('\n'))
      if (!line.isEmpty()) tsharkFrames << QString::fromLatin1(line.trimmed());
    for (const QByteArray& line : ours.out.trimmed().split('\n'))
      if (!line.isEmpty()) ourFrames << QString::fromLatin1(line.trimmed().split(' ').front());
    QVERIFY(!tsharkFrames.isEmpty());
    QCOMPARE(ourFrames, tsharkFrames);
  }
};

QTEST_GUILESS_MAIN(TestDisplayFilter)
#include "tst_display_filter.moc"
