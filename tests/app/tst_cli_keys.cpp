// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli keys end to end (issue #3): derived keys listed masked by
// default, a Wireshark key file only with --show-keys, and that file imported
// with --keys decrypts the same frames as the passphrase; --tk/--msk errors
// name the option and what was expected.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/app/cli_suite.h"
#include "tests/support/fixtures.h"
#include "tests/support/program_run.h"

namespace {

using rs::test::runCli;

using Run = rs::test::ProgramRun;


QString fixture(const char* rel) { return QString::fromStdString(rs::test::fixturePath(rel)); }

constexpr const char* kLinksys = "captures/wpa2-psk-linksys.cap";

// The frame numbers `dissect --format json` marks as decrypted.
QList<qint64> decryptedFrames(const QStringList& keyArgs) {
  const Run r = runCli(QStringList{"dissect", fixture(kLinksys), "--format", "json"} + keyArgs);
  QList<qint64> out;
  if (r.exitCode != 0) return out;
  const QJsonArray frames = QJsonDocument::fromJson(r.out).array();
  for (const auto& f : frames) {
    const QByteArray text = QJsonDocument(f.toObject()).toJson(QJsonDocument::Compact);
    if (text.contains("\"roamscope.decrypted\"")) out << f.toObject().value("frame.number").toInteger();
  }
  return out;
}

}  // namespace

class CliKeys : public QObject {
  Q_OBJECT
 private slots:
  void listIsMaskedByDefault() {
    RS_REQUIRE_FIXTURE(kLinksys);
    const Run r = runCli({"keys", fixture(kLinksys), "--psk", "dictionary", "--ssid", "linksys", "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j.value("masked").toBool(), true);
    const QJsonArray ptksas = j.value("ptksas").toArray();
    QCOMPARE(ptksas.size(), 3);
    for (const auto& p : ptksas) {
      QVERIFY(p.toObject().value("tk").toString().contains(QStringLiteral("…")));
      QCOMPARE(p.toObject().value("station").toString(), QStringLiteral("00:13:ce:55:98:ef"));
      QVERIFY(p.toObject().value("frames_decrypted").toInt() > 0);
    }
  }

  void maskedWiresharkExportIsRefused() {
    RS_REQUIRE_FIXTURE(kLinksys);
    const Run r = runCli({"keys", fixture(kLinksys), "--psk", "dictionary", "--format", "wireshark"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("masked keys cannot be imported: add --show-keys"));
    QVERIFY(r.out.isEmpty());
  }

  void exportedFileImportsWithKeys() {
    RS_REQUIRE_FIXTURE(kLinksys);
    QTemporaryDir dir;
    const QString exported = dir.filePath("80211_keys");
    const Run r = runCli({"keys", fixture(kLinksys), "--psk", "dictionary", "--format", "wireshark", "--show-keys",
                          "--out", exported});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFile::exists(exported));
    const auto reference = decryptedFrames({"--psk", "dictionary", "--ssid", "linksys"});
    QCOMPARE(reference.size(), 30);
    QCOMPARE(decryptedFrames({"--keys", exported}), reference);
  }

  void badKeyOptionsNameTheOption_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("tk") << QStringList{"--tk", "0011"}
                        << "--tk #1: expected 32 hex digits (CCMP TK) or 64 (TKIP TK with its Michael keys)";
    QTest::newRow("second tk") << QStringList{"--tk", QString(32, 'a'), "--tk", "zz"} << "--tk #2: expected";
    QTest::newRow("pmk") << QStringList{"--pmk", QString(64, 'a'), "--pmk", QString(62, 'a')}
                         << "--pmk #2: expected 64 hex digits (or 96 for a SHA-384 AKM)";
    QTest::newRow("msk") << QStringList{"--msk", QString(64, 'a')}
                         << "--msk #1: expected 128 to 256 hex digits (an MSK of 64 to 128 octets)";
  }
  void badKeyOptionsNameTheOption() {
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    RS_REQUIRE_FIXTURE(kLinksys);
    const Run r = runCli(QStringList{"dissect", fixture(kLinksys)} + args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(expected.toUtf8()), r.err.constData());
  }
};

QTEST_GUILESS_MAIN(CliKeys)
#include "tst_cli_keys.moc"
