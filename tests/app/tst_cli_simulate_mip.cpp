// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli simulate on the Mobile IP presets: the registration table and
// the SA tables on stdout, the registration report as JSON and CSV, the
// trace with the seed-001 key derivations masked unless --show-keys, the same
// capture for the same seed, the external AAA option (an AAA server that
// never answers denies the registration with 130), and the options that do
// not apply refused with a clear line.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "tests/app/cli_suite.h"
#include "tests/support/program_run.h"

namespace {

using rs::test::runCli;
using rs::test::preset;
using rs::test::contents;

using Run = rs::test::ProgramRun;


}  // namespace

class TestCliSimulateMip : public QObject {
  Q_OBJECT
 private slots:
  void dynamicPresetWritesReportsAndTables() {
    QTemporaryDir dir;
    const QString json = dir.filePath("r.json"), csv = dir.filePath("r.csv"), trace = dir.filePath("t.txt");
    const Run r = runCli({"simulate", preset("mip-dynamic.json"), "--report", json, "--trace", trace});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Mobile IP, dynamic keys, AAA embedded"), r.out.constData());
    QVERIFY(r.out.contains("movement       aaa-dynamic success    0"));
    QVERIFY(r.out.contains("8 registration(s)"));
    QVERIFY(r.out.contains("ha1: 0 SA(s) of 80 bytes: 0 bytes of NVRAM (static, room for 1638 in 131072), 0 bytes of "
                           "memory (session keys)"));
    const auto report = QJsonDocument::fromJson(contents(json)).object();
    QCOMPARE(report.value("format").toString(), QString("roamscope-registration-report"));
    const auto registrations = report.value("registrations").toArray();
    QCOMPARE(registrations.size(), 8);
    const auto first = registrations[0].toObject();
    QCOMPARE(first.value("auth").toString(), QString("aaa-dynamic"));
    QCOMPARE(first.value("foreign_agent").toString(), QString("10.2.0.1"));
    QVERIFY(first.value("latency_ms").toObject().value("aaa-round-trip").toDouble() > 3.0);
    QVERIFY(first.value("steps").toObject().contains("access-reply"));
    QCOMPARE(runCli({"simulate", preset("mip-dynamic.json"), "--report", csv}).exitCode, 0);
    const QList<QByteArray> rows = contents(csv).trimmed().split('\n');
    QCOMPARE(rows.size(), 9);
    QVERIFY(rows[0].startsWith("start,nai,home_address"));
    // Key derivations in the trace, masked.
    const QByteArray text = contents(trace);
    QVERIFY(text.contains("Skey and Skey' derived from the AAA key material and installed"));
    QVERIFY(text.contains("out Skey = "));
    QVERIFY(text.contains("\xe2\x80\xa6(16 bytes)"));
  }

  // The HTML report: well-formed, both plots embedded, one table row per registration.
  void htmlReport() {
    QTemporaryDir dir;
    const QString html = dir.filePath("r.html");
    QCOMPARE(runCli({"simulate", preset("mip-dynamic.json"), "--report", html}).exitCode, 0);
    QXmlStreamReader xml(contents(html));
    int images = 0, rows = 0;
    bool inTable = false;
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isStartElement() && xml.name() == QStringLiteral("img")) {
        ++images;
        QVERIFY(xml.attributes().value("src").startsWith(QStringLiteral("data:image/png;base64,")));
      }
      if (xml.isStartElement() && xml.name() == QStringLiteral("table"))
        inTable = xml.attributes().value("id") == QStringLiteral("registration-table");
      if (inTable && xml.isStartElement() && xml.name() == QStringLiteral("tr")) ++rows;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(images, 2);
    QCOMPARE(rows, 9);  // header + 8 registrations
    QVERIFY(contents(html).contains("aaa-dynamic"));
  }

  void showKeysRevealsSkey() {
    QTemporaryDir dir;
    const QString trace = dir.filePath("t.txt");
    QCOMPARE(runCli({"simulate", preset("mip-dynamic.json"), "--duration", "6", "--trace", trace, "--show-keys"})
                 .exitCode,
             0);
    const QByteArray text = contents(trace);
    const auto at = text.indexOf("out Skey = ");
    QVERIFY(at > 0);
    const QByteArray value = text.mid(at + 11, 32);
    QVERIFY2(QByteArray::fromHex(value).toHex() == value, value.constData());  // 16 octets in clear hex
  }

  void sameSeedSameCapture() {
    QTemporaryDir dir;
    const QString a = dir.filePath("a.pcapng"), b = dir.filePath("b.pcapng");
    QCOMPARE(runCli({"simulate", preset("mip-replay.json"), "--seed", "7", "--pcap", a}).exitCode, 0);
    QCOMPARE(runCli({"simulate", preset("mip-replay.json"), "--seed", "7", "--pcap", b}).exitCode, 0);
    QVERIFY(contents(a).size() > 20000);
    QCOMPARE(contents(a), contents(b));
  }

  // The external AAA option reaches the home agents: their Access-Requests go to that address (here a loopback
  // port where nothing answers, so the registration fails: the mobile gives up while the HA still waits).
  void externalAaaServerThatNeverAnswers() {
    // A UDP socket bound on loopback and never read: the requests reach a port where nobody answers.
    const int silent = ::socket(AF_INET, SOCK_DGRAM, 0);
    QVERIFY(silent >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    QCOMPARE(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    QCOMPARE(::getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length), 0);
    const QString server = QString("127.0.0.1:%1").arg(ntohs(address.sin_port));
    QTemporaryDir dir;
    const QString trace = dir.filePath("t.txt");
    const Run r = runCli({"simulate", preset("mip-dynamic.json"), "--duration", "7", "--aaa-server", server,
                          "--aaa-secret", "whatever", "--trace", trace});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("AAA " + server.toUtf8()), r.out.constData());
    QVERIFY2(r.out.contains("aaa-dynamic failed"), r.out.constData());
    QVERIFY(contents(trace).contains("Access-Request to the external AAA server " + server.toUtf8()));
    ::close(silent);
  }

  // A sweep over the AAA server's link: only the initial dynamic-key registration slows down.
  void sweepOverTheAaaLink() {
    const Run r = runCli({"simulate", preset("mip-dynamic.json"), "--sweep", "methods.mip.key_mode=static,dynamic",
                          "--sweep", "links.core-aaa.delay_us=1000,50000"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("| dynamic → movement/aaa-dynamic | 16.628 | 114.628 |"), r.out.constData());
    QVERIFY(r.out.contains("| dynamic → movement/skey-prime | 9.534 | 9.534 |"));
    QVERIFY(r.out.contains("| static → movement/static | 12.549 | 12.549 |"));
    QVERIFY2(r.err.contains("run 4/4: "), r.err.constData());
    QVERIFY(r.err.contains(" registrations, 0 failed"));
    // Registration columns with every hop, none of the WLAN ones; the AAA hops grow with the link.
    QVERIFY(r.out.contains("| registrations | failed | method | method_registrations | registration_ms | mn-fa_ms | "
                           "fa-aaa-round-trip_ms | fa-ha_ms | aaa-round-trip_ms | home-agent_ms | ha-mn_ms | events |"));
    QVERIFY(!r.out.contains("voice_lost"));
    QVERIFY(r.out.contains("| dynamic | 50000 | 1 | 8 | 0 | movement/aaa-dynamic | 1 | 114.628 | 0.539 | – | 6.029 | "
                           "51.019 | 51.019 | 6.022 |"));
  }

  // --set changes one parameter for the run (or every run of a sweep); a bad one is named.
  void setChangesAParameter() {
    Run r = runCli({"simulate", preset("mip-fa-challenge.json"), "--set", "methods.mip.fa_challenge=false", "--set",
                    "methods.mip.faults=[]"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains("104:") && r.out.contains(" 131 "), r.out.constData());  // bob reaches his HA now
    r = runCli({"simulate", preset("mip-dynamic.json"), "--set", "methods.mip.fa_challenge=true", "--sweep",
                "methods.mip.key_mode=static,dynamic"});
    QCOMPARE(r.exitCode, 0);
    // Both runs have the FA's AAA check (fa-aaa-round-trip 7.027 ms), static keys included.
    QVERIFY2(r.out.contains("| static | 1 | 7 | 0 | movement/static | 3 | 26.599 | 0.523 | 7.027 |"),
             r.out.constData());
    QVERIFY(r.out.contains("| dynamic | 1 | 8 | 0 | movement/aaa-dynamic | 1 | 32.677 | 0.546 | 7.027 |"));
    r = runCli({"simulate", preset("mip-dynamic.json"), "--set", "lifetime"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--set: 'lifetime' is not KEY=VALUE"), r.err.constData());
    r = runCli({"simulate", preset("mip-dynamic.json"), "--set", "methods.mip.lifetime_s=0"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("/methods/mip/lifetime_s: expected an integer 1..65534"), r.err.constData());
    r = runCli({"simulate", preset("mip-dynamic.json"), "--set", "links.nowhere.delay_us=5"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--set links.nowhere.delay_us: "), r.err.constData());
  }

  void optionsThatDoNotApply() {
    QTemporaryDir dir;
    Run r = runCli({"simulate", preset("mip-dynamic.json"), "--keys-out", dir.filePath("k")});
    QCOMPARE(r.exitCode, 1);
    r = runCli({"simulate", preset("wlan-psk-full.json"), "--aaa-server", "127.0.0.1:1812"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("apply to Mobile IP scenarios"));
  }

  void badMobileIpSectionIsNamed() {
    QTemporaryDir dir;
    QFile in(preset("mip-dynamic.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    auto doc = QJsonDocument::fromJson(in.readAll()).object();
    auto methods = doc.value("methods").toObject();
    auto mipSection = methods.value("mip").toObject();
    mipSection.insert("lifetime_s", 0);
    methods.insert("mip", mipSection);
    doc.insert("methods", methods);
    doc.insert("profile", QJsonObject{{"file", QString(ROAMSCOPE_SOURCE_DIR "/resources/profiles/reference.json")}});
    const QString path = dir.filePath("bad.json");
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(doc).toJson());
    out.close();
    const Run r = runCli({"simulate", path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("bad.json: /methods/mip/lifetime_s: expected an integer 1..65534"), r.err.constData());
  }
};

QTEST_GUILESS_MAIN(TestCliSimulateMip)
#include "tst_cli_simulate_mip.moc"
