// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli end to end: exit codes, dissect with keys (masked and shown),
// stats equal to tshark's counts, and the built-in demo checked by tshark.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

#include "tests/app/cli_suite.h"
#include "tests/support/fixtures.h"
#include "tests/support/program_run.h"
#include "tests/support/tshark_fields.h"

namespace {

using rs::test::runCli;

using Run = rs::test::ProgramRun;


QString fixture(const char* rel) { return QString::fromStdString(rs::test::fixturePath(rel)); }

// Collects every value of `name` anywhere in a JSON tree (arrays from repeated keys included).
void collect(const QJsonValue& v, const QString& name, QStringList& out) {
  if (v.isArray()) {
    for (const auto& e : v.toArray()) collect(e, name, out);
  } else if (v.isObject()) {
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
      if (it.key() == name) {
        if (it.value().isArray())
          for (const auto& e : it.value().toArray()) out << e.toString();
        else
          out << it.value().toString();
      }
      collect(it.value(), name, out);
    }
  }
}

}  // namespace

class Cli : public QObject {
  Q_OBJECT
 private slots:
  void versionAndUsage() {
    const Run v = runCli({"--version"});
    QCOMPARE(v.exitCode, 0);
    QVERIFY(v.out.contains("RoamScope"));
    QCOMPARE(runCli({}).exitCode, 1);
    QCOMPARE(runCli({"dissect"}).exitCode, 1);
    QCOMPARE(runCli({"no-such-command"}).exitCode, 1);
    QCOMPARE(runCli({"dissect", "x.pcap", "--format", "xml"}).exitCode, 1);
    const Run h = runCli({"--help"});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.contains("Exit codes"));
  }

  void inputErrorsNameTheFile() {
    const Run missing = runCli({"dissect", "/nonexistent/capture.pcap"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("/nonexistent/capture.pcap"));

    QTemporaryDir dir;
    const QString garbage = dir.filePath("garbage.pcap");
    QFile f(garbage);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(100, 'x'));
    f.close();
    const Run bad = runCli({"stats", garbage});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("garbage.pcap"));
  }

  // A capture cut in the middle of a frame: every complete frame is listed, then the error.
  void truncatedFileKeepsCompleteFrames() {
    RS_REQUIRE_FIXTURE("captures/wpa2.eapol.cap");
    QFile in(fixture("captures/wpa2.eapol.cap"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray all = in.readAll();
    QTemporaryDir dir;
    const QString cut = dir.filePath("cut.cap");
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(all.left(all.size() - 10));
    out.close();
    const Run r = runCli({"dissect", cut});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out.count('\n'), 4);  // 5 frames in the file, the last one cut
    QVERIFY(r.err.contains("cut.cap"));
  }

  void dissectWithPassphraseChecksMicsAndMasksKeys() {
    RS_REQUIRE_FIXTURE("captures/wpa2.eapol.cap");
    const Run r = runCli({"dissect", fixture("captures/wpa2.eapol.cap"), "--format", "json", "--psk", "12345678",
                          "--ssid", "Harkonen"});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
    QStringList mic;
    collect(doc.array(), "roamscope.mic_valid", mic);
    QCOMPARE(mic, QStringList({"true", "true", "true"}));
    // tshark's KCK for this handshake; hidden unless --show-keys.
    QVERIFY(!r.out.contains("ea0e404633c802450302868ccaa749de"));
    QVERIFY(r.out.contains("hidden"));
    const Run shown = runCli({"dissect", fixture("captures/wpa2.eapol.cap"), "--format", "json", "--psk", "12345678",
                              "--ssid", "Harkonen", "--show-keys"});
    QVERIFY(shown.out.contains("ea:0e:40:46:33:c8:02:45:03:02:86:8c:ca:a7:49:de"));
  }

  void wrongPassphraseExitsWithVerificationFailure() {
    RS_REQUIRE_FIXTURE("captures/wpa2.eapol.cap");
    const Run r = runCli({"dissect", fixture("captures/wpa2.eapol.cap"), "--frame", "3", "--psk", "wrong-passphrase",
                          "--ssid", "Harkonen"});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.contains("MIC valid: false"));
  }

  void frameTreeByNumber() {
    RS_REQUIRE_FIXTURE("captures/wpa2.eapol.cap");
    const Run r = runCli({"dissect", fixture("captures/wpa2.eapol.cap"), "--frame", "1"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Harkonen") || r.out.contains("48:61:72:6b:6f:6e:65:6e"));
    QCOMPARE(runCli({"dissect", fixture("captures/wpa2.eapol.cap"), "--frame", "99"}).exitCode, 1);
  }

  // `stats` counts equal tshark's: per type/subtype and per protocol.
  void statsEqualTshark_data() {
    QTest::addColumn<QString>("file");
    for (const char* f : {"captures/wpa2-psk-linksys.cap", "captures/wpa-psk-linksys.cap", "captures/wpa3-psk.pcap",
                          "captures/capture_wds-01.cap", "roaming/psk/psk.pcap", "roaming/eap/eap-br0.pcap",
                          "peers/radius-mschapv2.pcap", "peers/eapol-wired-internal-peap.pcap"})
      QTest::newRow(f) << QString::fromLatin1(f);
  }
  void statsEqualTshark() {
    QFETCH(QString, file);
    RS_REQUIRE_FIXTURE(file.toStdString());
    RS_REQUIRE_TSHARK();
    const Run r = runCli({"stats", "--format", "json", fixture(file.toLatin1().constData())});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject ours = QJsonDocument::fromJson(r.out).array().at(0).toObject();

    QString err;
    auto t = rs::test::runTsharkFields(rs::test::fixturePath(file.toStdString()),
                                       {"wlan.fc.type_subtype", "frame.protocols"}, {}, err);
    QVERIFY2(t.has_value(), qPrintable(err));
    QCOMPARE(ours.value("frames").toInteger(), static_cast<qint64>(t->rows.size()));
    std::map<QString, qint64> subtypes;
    std::map<QString, qint64> protocols;
    for (const auto& row : t->rows) {
      if (!row[0].empty()) ++subtypes[QString::fromStdString(row[0])];
      const QStringList layers = QString::fromStdString(row[1]).split(':');
      for (const char* p : {"wlan", "radiotap", "eth", "llc", "eapol", "eap", "arp", "ip", "ipv6", "udp", "tcp",
                            "icmp", "icmpv6"})
        if (layers.contains(QLatin1String(p))) ++protocols[QLatin1String(p)];
    }
    const QJsonObject ourSubtypes = ours.value("wlan_type_subtype").toObject();
    QCOMPARE(static_cast<std::size_t>(ourSubtypes.size()), subtypes.size());
    for (const auto& [ts, n] : subtypes)
      QVERIFY2(ourSubtypes.value(ts).toObject().value("frames").toInteger() == n,
               qPrintable(QStringLiteral("%1: tshark %2").arg(ts).arg(n)));
    const QJsonObject ourProtocols = ours.value("protocols").toObject();
    for (const auto& [p, n] : protocols)
      QVERIFY2(ourProtocols.value(p).toInteger() == n,
               qPrintable(QStringLiteral("%1: RoamScope %2, tshark %3")
                              .arg(p)
                              .arg(ourProtocols.value(p).toInteger())
                              .arg(n)));
  }

  // The built-in demo: real frames Wireshark accepts, derives keys for and decrypts.
  void demoIsCheckedByTshark() {
    RS_REQUIRE_TSHARK();
    QTemporaryDir dir;
    const QString out = dir.filePath("demo.pcapng");
    const Run r = runCli({"demo", "--out", out});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains("1 verified"));
    const QStringList keys{"-o", "wlan.enable_decryption:TRUE", "-o",
                           "uat:80211_keys:\"wpa-pwd\",\"roamscope-demo-passphrase:RoamScope-Demo\""};
    QString err;
    auto t = rs::test::runTsharkFields(out.toStdString(),
                                       {"frame.protocols", "wlan.analysis.kck", "_ws.malformed", "_ws.expert.severity"},
                                       keys, err);
    QVERIFY2(t.has_value(), qPrintable(err));
    int decryptedUdp = 0, decryptedArp = 0, withKck = 0;
    for (const auto& row : t->rows) {
      const QString protocols = QString::fromStdString(row[0]);
      decryptedUdp += protocols.contains("ip:udp");
      decryptedArp += protocols.contains("llc:arp");
      withKck += !row[1].empty();
      QVERIFY2(row[2].empty(), "tshark marks a demo frame malformed");
    }
    QCOMPARE(decryptedUdp, 8);
    QCOMPARE(decryptedArp, 1);
    QCOMPARE(withKck, 1);
    // Same seed, same bytes.
    const QString again = dir.filePath("again.pcapng");
    QCOMPARE(runCli({"demo", "--out", again}).exitCode, 0);
    QFile a(out), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
  }
};

QTEST_GUILESS_MAIN(Cli)
#include "tst_cli.moc"
