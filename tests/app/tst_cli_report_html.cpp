// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli analyze --report OUT.html end to end on the real psk roaming
// capture, with no display and no QT_QPA_PLATFORM: the file parses as XML,
// names the roam, shows the JSON report's figures, embeds its plots, never
// shows the passphrase, and a second run writes the same bytes. An unknown
// report extension is still a usage error.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "tests/app/cli_suite.h"
#include "tests/support/fixtures.h"
#include "tests/support/program_run.h"

namespace {

using rs::test::runCli;
using rs::test::contents;



struct HtmlFacts {
  QString error;
  QList<QStringList> handoffRows, statisticsRows;
  int images = 0;
  int pngImages = 0;
};

HtmlFacts readHtml(const QByteArray& html) {
  HtmlFacts facts;
  QXmlStreamReader xml(html);
  QString table;
  QStringList row;
  QString cell;
  bool inCell = false;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement()) {
      if (xml.name() == u"table") table = xml.attributes().value("id").toString();
      if (xml.name() == u"tr") row.clear();
      if (xml.name() == u"td") {
        inCell = true;
        cell.clear();
      }
      if (xml.name() == u"img") {
        ++facts.images;
        const QString src = xml.attributes().value("src").toString();
        const QString prefix = QStringLiteral("data:image/png;base64,");
        if (src.startsWith(prefix) && QByteArray::fromBase64(src.mid(prefix.size()).toLatin1()).startsWith("\x89PNG"))
          ++facts.pngImages;
      }
    } else if (xml.isCharacters() && inCell) {
      cell += xml.text();
    } else if (xml.isEndElement()) {
      if (xml.name() == u"td") {
        row << cell.trimmed();
        inCell = false;
      }
      if (xml.name() == u"tr" && !row.isEmpty()) {
        if (table == u"handoffs") facts.handoffRows << row;
        if (table == u"statistics") facts.statisticsRows << row;
      }
    }
  }
  if (xml.hasError()) facts.error = xml.errorString();
  return facts;
}

}  // namespace

class CliReportHtml : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    // As on a headless server: the CLI must pick the offscreen platform itself.
    qunsetenv("QT_QPA_PLATFORM");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
  }

  void realPskRoam() {
    RS_REQUIRE_FIXTURE("roaming/psk/psk.pcap");
    QTemporaryDir dir;
    const QString cap = QString::fromStdString(rs::test::fixturePath("roaming/psk/psk.pcap"));
    const QStringList keys{"--psk", "hwsim-roam-passphrase", "--ssid", "hwsim-psk"};
    const QString html = dir.filePath("x.html");
    const auto run = runCli(QStringList{"analyze", cap} + keys + QStringList{"--report", html});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QByteArray bytes = contents(html);
    QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
    const HtmlFacts facts = readHtml(bytes);
    QVERIFY2(facts.error.isEmpty(), qPrintable(facts.error));

    // The same records as the JSON report: the join to AP1, the roam AP1 (ch 1) -> AP2 (ch 6).
    const QString json = dir.filePath("x.json");
    QCOMPARE(runCli(QStringList{"analyze", cap} + keys + QStringList{"--report", json}).exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(contents(json)).object();
    const QJsonArray handoffs = report.value("handoffs").toArray();
    QCOMPARE(facts.handoffRows.size(), handoffs.size());
    QCOMPARE(facts.handoffRows.size(), 2);
    const QStringList roam = facts.handoffRows[1];
    QVERIFY(roam.contains("02:00:00:00:02:00"));
    QVERIFY(roam.contains("02:00:00:00:00:00 (1)"));
    QVERIFY(roam.contains("02:00:00:00:01:00 (6)"));
    QVERIFY(roam.contains("psk"));
    QVERIFY(roam.contains("success"));
    QVERIFY(roam.contains("ok"));  // MICs verified with the passphrase
    QVERIFY(roam.contains(
        QString::number(handoffs[1].toObject().value("latency_ms").toObject().value("auth-to-m4").toDouble(), 'f', 3)));

    // Per-method statistics: the JSON summary's figures, to the text report's three decimals.
    const QJsonObject psk = report.value("summary").toArray()[0].toObject();
    const QJsonObject authToM4 = psk.value("latency_ms").toObject().value("auth-to-m4").toObject();
    QStringList expected{"psk", "auth-to-m4", QString::number(authToM4.value("count").toInt())};
    for (const char* k : {"min", "median", "p90", "p99", "max"})
      expected << QString::number(authToM4.value(k).toDouble(), 'f', 3);
    QVERIFY2(facts.statisticsRows.contains(expected), qPrintable(expected.join(' ')));

    QVERIFY(facts.images >= 3);
    QCOMPARE(facts.pngImages, facts.images);
    QVERIFY(!bytes.contains("hwsim-roam-passphrase"));
    QVERIFY(!bytes.contains("<script"));

    // Deterministic: the same inputs give the same bytes.
    const QString again = dir.filePath("y.html");
    QCOMPARE(runCli(QStringList{"analyze", cap} + keys + QStringList{"--report", again}).exitCode, 0);
    QVERIFY(contents(again) == bytes);
  }

  void unknownExtensionIsAUsageError() {
    RS_REQUIRE_FIXTURE("roaming/psk/psk.pcap");
    QTemporaryDir dir;
    const QString cap = QString::fromStdString(rs::test::fixturePath("roaming/psk/psk.pcap"));
    const auto run = runCli({"analyze", cap, "--report", dir.filePath("x.htm")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("must end in .json, .csv or .html"));
    QVERIFY(!QFile::exists(dir.filePath("x.htm")));
  }
};

QTEST_GUILESS_MAIN(CliReportHtml)
#include "tst_cli_report_html.moc"
