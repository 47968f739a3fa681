// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML roam report (ui/report) on HandoffRecord values built directly: it
// parses as XML, has one row per record, the statistics and budget classes
// equal latency_summary's and the budget's, every image is an embedded PNG of
// the fixed size, nothing is loaded from outside, capture text is escaped,
// and the same input gives the same bytes.
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <map>

#include "core/analysis/roam/latency_budget.h"
#include "core/analysis/roam/roam_report.h"
#include "core/version.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/synthetic_records.h"
#include "ui/report/html_figures.h"
#include "ui/report/html_report.h"

using rs::roam::Definition;
using rs::roam::HandoffRecord;
using rs::roam::Method;
using rs::roam::ReportContext;

namespace {

// What the tests read back from the document with QXmlStreamReader.
struct Parsed {
  QString error;
  QString rootName;
  std::map<QString, QList<QStringList>> tableRows;  // table id -> tbody rows -> cell texts
  QStringList imageSources;
  QStringList hrefs;
  QSet<QString> ids;
  QStringList elementNames;
  QString allText;
};

Parsed parse(const std::string& html) {
  Parsed p;
  QXmlStreamReader xml(QByteArray::fromStdString(html));
  QString table;
  bool inBody = false;
  QStringList row;
  QString cellText;
  int cellDepth = 0;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement()) {
      const QString name = xml.name().toString();
      if (p.rootName.isEmpty()) p.rootName = name;
      p.elementNames << name;
      const auto attrs = xml.attributes();
      if (attrs.hasAttribute("id")) p.ids.insert(attrs.value("id").toString());
      if (attrs.hasAttribute("href")) p.hrefs << attrs.value("href").toString();
      if (name == "img") p.imageSources << attrs.value("src").toString();
      if (name == "table") table = attrs.value("id").toString();
      if (name == "tbody") inBody = true;
      if (name == "tr" && inBody) row.clear();
      if ((name == "td" || name == "th") && inBody) {
        cellText.clear();
        cellDepth = 1;
      } else if (cellDepth > 0) {
        ++cellDepth;
      }
    } else if (xml.isCharacters()) {
      p.allText += xml.text();
      if (cellDepth > 0) cellText += xml.text();
    } else if (xml.isEndElement()) {
      const QString name = xml.name().toString();
      if ((name == "td" || name == "th") && cellDepth == 1) {
        row << cellText.trimmed();
        cellDepth = 0;
      } else if (cellDepth > 1) {
        --cellDepth;
      }
      if (name == "tr" && inBody) p.tableRows[table].append(row);
      if (name == "tbody") inBody = false;
    }
  }
  if (xml.hasError()) p.error = xml.errorString() + " at line " + QString::number(xml.lineNumber());
  return p;
}

QString ms(std::int64_t ns) { return QString::number(rs::roam::toMilliseconds(ns), 'f', 3); }

ReportContext contextFor(const QStringList& inputs) {
  ReportContext c;
  for (const QString& i : inputs) c.inputs.push_back(i.toStdString());
  return c;
}

// Budget classes as the analysis attaches them (latency_budget.h).
std::vector<HandoffRecord> classified(std::vector<HandoffRecord> records, const rs::roam::LatencyBudget& budget) {
  for (HandoffRecord& r : records) r.budget = rs::roam::classify(budget, r);
  return records;
}

}  // namespace

class HtmlReport : public QObject {
  Q_OBJECT
 private slots:
  void parsesAsXmlWithOneRowPerRecord() {
    const auto records = classified(rs::test::mixedRecords(), {});
    const std::string html = rs::ui::reportHtml(records, contextFor({}));
    const Parsed p = parse(html);
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.rootName, QStringLiteral("html"));
    QVERIFY(QByteArray::fromStdString(html).startsWith("<!DOCTYPE html>"));
    const auto rows = p.tableRows.at("handoffs");
    QCOMPARE(static_cast<std::size_t>(rows.size()), records.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
      const HandoffRecord& r = records[static_cast<std::size_t>(i)];
      QCOMPARE(rows[i][0], QString::number(i + 1));
      QCOMPARE(rows[i][2], QString::fromStdString(rs::roam::epochString(r.startNs)));
      QCOMPARE(rows[i][3], QString::fromStdString(r.sta.toString()));
      QCOMPARE(rows[i][8], QString::fromUtf8(rs::roam::methodName(r.method)));
      QCOMPARE(rows[i][9], r.success ? QStringLiteral("success") : QStringLiteral("failed"));
      // Definition columns follow "failure" (column 10), in report order, "-" when absent.
      for (int d = 0; d < rs::roam::kDefinitionCount; ++d) {
        auto it = r.latencyNs.find(static_cast<Definition>(d));
        QCOMPARE(rows[i][11 + d], it == r.latencyNs.end() ? QStringLiteral("-") : ms(it->second));
      }
    }
    QVERIFY(rows[3][10].contains("Reason 15: 4-way handshake timeout"));
    QVERIFY(rows[6].last().contains("over-latency-budget"));
    QVERIFY(p.allText.contains(QString::fromUtf8(rs::versionString())));
  }

  void statisticsEqualLatencySummary() {
    const auto records = classified(rs::test::mixedRecords(), {});
    const ReportContext context = contextFor({});
    const Parsed p = parse(rs::ui::reportHtml(records, context));
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    const auto summaries = rs::roam::summarizeByMethod(records);

    const auto methodRows = p.tableRows.at("methods");
    QCOMPARE(static_cast<std::size_t>(methodRows.size()), summaries.size());
    QList<QStringList> expectedStats;
    for (std::size_t i = 0; i < summaries.size(); ++i) {
      const auto& m = summaries[i];
      QCOMPARE(methodRows[static_cast<qsizetype>(i)],
               (QStringList{QString::fromUtf8(rs::roam::methodName(m.method)), QString::number(m.handoffs),
                            QString::number(m.succeeded), QString::number(m.failed)}));
      for (const auto& [d, s] : m.latency) {
        expectedStats.append({QString::fromUtf8(rs::roam::methodName(m.method)),
                              QString::fromUtf8(rs::roam::definitionName(d)), QString::number(s.count), ms(s.minNs),
                              ms(s.medianNs), ms(s.p90Ns), ms(s.p99Ns), ms(s.maxNs)});
      }
    }
    QCOMPARE(p.tableRows.at("statistics"), expectedStats);
    // A figure worked out by hand: psk auth-to-m4 over 38, 40, 60, 60 ms has median 40 (rank 2) and p90 60.
    QVERIFY(expectedStats.contains(
        QStringList{"psk", "auth-to-m4", "4", "38.000", "40.000", "60.000", "60.000", "60.000"}));

    QList<QStringList> expectedBudget;
    for (const auto& m : summaries) {
      QStringList row{QString::fromUtf8(rs::roam::methodName(m.method))};
      for (std::size_t n : rs::roam::budgetClassCounts(records, m.method, context.budget)) row << QString::number(n);
      expectedBudget.append(row);
    }
    QCOMPARE(p.tableRows.at("budget"), expectedBudget);
    // full-802.1x at 140 ms reassoc-to-last-key is in "≤150 ms" (the third class).
    QVERIFY(expectedBudget.contains(QStringList{"full-802.1x", "0", "0", "1", "0", "0"}));
  }

  void handshakeOnlyRecordsAreListedButNotCounted() {
    auto records = rs::test::mixedRecords();
    HandoffRecord rekey = rs::test::makeRecord(Method::Psk, true, records.back().startNs + 1'000'000'000,
                                               {{Definition::ReassocToLastKey, rs::test::msNs(5)}},
                                               {{rs::roam::PhaseKind::FourWay, rs::test::msNs(5)}});
    rekey.kind = rs::roam::RecordKind::HandshakeOnly;
    records.push_back(rekey);
    const Parsed p = parse(rs::ui::reportHtml(records, contextFor({})));
    QCOMPARE(static_cast<std::size_t>(p.tableRows.at("handoffs").size()), records.size());
    QCOMPARE(p.tableRows.at("handoffs").last()[1], QStringLiteral("handshake-only"));
    std::vector<HandoffRecord> handoffs(records.begin(), records.end() - 1);
    for (const auto& m : rs::roam::summarizeByMethod(handoffs))
      if (m.method == Method::Psk)
        QVERIFY(p.tableRows.at("methods").contains(
            QStringList{"psk", QString::number(m.handoffs), QString::number(m.succeeded), QString::number(m.failed)}));
  }

  void imagesAreEmbeddedPngsOfTheFixedSize() {
    const auto records = rs::test::mixedRecords();
    rs::ui::HtmlReportOptions options;
    options.plotFormat.logicalSize = QSize(500, 240);
    options.plotFormat.scale = 1.5;
    const ReportContext context = contextFor({});
    const Parsed p = parse(rs::ui::reportHtml(records, context, options));
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    // A timeline and a CDF per definition any successful record has, and the phase breakdown.
    const auto defs = rs::ui::plottedDefinitions(records, context);
    QCOMPARE(defs, (std::vector<Definition>{Definition::DataToData, Definition::AuthToM4,
                                            Definition::FtAuthToReassocResp, Definition::ReassocToLastKey}));
    QCOMPARE(p.imageSources.size(), static_cast<qsizetype>(2 * defs.size() + 1));
    const QString prefix = QStringLiteral("data:image/png;base64,");
    for (const QString& src : p.imageSources) {
      QVERIFY(src.startsWith(prefix));
      const auto decoded =
          QByteArray::fromBase64Encoding(src.mid(prefix.size()).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
      QVERIFY(decoded);
      QVERIFY(decoded.decoded.startsWith("\x89PNG\r\n\x1a\n"));
      QImage image;
      QVERIFY(image.loadFromData(decoded.decoded, "PNG"));
      QCOMPARE(image.size(), QSize(750, 360));
    }
    // Each latency caption links to its definition in the glossary.
    for (Definition d : defs) {
      const QString anchor = "def-" + QString::fromUtf8(rs::roam::definitionName(d));
      QVERIFY(p.ids.contains(anchor));
      QVERIFY(p.hrefs.contains("#" + anchor));
      QVERIFY(p.ids.contains("fig-timeline-" + QString::fromUtf8(rs::roam::definitionName(d))));
    }
  }

  void selfContained() {
    const Parsed p = parse(rs::ui::reportHtml(rs::test::mixedRecords(), contextFor({})));
    QVERIFY(!p.elementNames.contains("script"));
    QVERIFY(!p.elementNames.contains("link"));
    QVERIFY(!p.elementNames.contains("iframe"));
    for (const QString& href : p.hrefs) {
      QVERIFY2(href.startsWith('#'), qPrintable(href));
      QVERIFY2(p.ids.contains(href.mid(1)), qPrintable(href));  // every internal link has its target
    }
    for (const QString& src : p.imageSources) QVERIFY(src.startsWith("data:"));
  }

  void captureTextIsEscaped() {
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("cap<&>\"'.pcap"));
    QFile f(input);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(1234, 'x'));
    f.close();
    auto records = rs::test::mixedRecords();
    const std::string hostile = "SSID <script>alert(1)</script> & \"x\" 'y'";
    records[3].failure->reason = hostile + "\x01\x7f";  // a control character XML 1.0 forbids, and DEL which it allows
    records[6].diagnostics[0].message = "AP advertises " + hostile;
    ReportContext context = contextFor({input, dir.filePath("missing.pcap")});
    context.station = "<sta&>";
    const std::string html = rs::ui::reportHtml(records, context);
    QVERIFY(html.find("<script>") == std::string::npos);
    QVERIFY(html.find("<sta&>") == std::string::npos);
    QVERIFY(html.find('\x01') == std::string::npos);
    const Parsed p = parse(html);
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QVERIFY(!p.elementNames.contains("script"));
    // Read back as text, the strings are intact (the forbidden character became U+FFFD).
    QVERIFY(p.allText.contains(QString::fromStdString(hostile) + QChar(QChar::ReplacementCharacter) + QChar(0x7f)));
    QVERIFY(p.allText.contains(QString::fromStdString("AP advertises " + hostile)));
    QVERIFY(p.allText.contains(input + " (1234 bytes)"));
    QVERIFY(p.allText.contains(dir.filePath("missing.pcap") + " (unreadable)"));
    const auto params = p.tableRows.at("parameters");
    QVERIFY(params.contains(QStringList{"station filter", "<sta&>"}));
  }

  void clockOffsetsAreListedWhenFilesWereMerged() {
    const auto records = rs::test::mixedRecords();
    const Parsed without = parse(rs::ui::reportHtml(records, contextFor({})));
    QVERIFY(!without.allText.contains("Clock offsets"));
    rs::ui::HtmlReportOptions options;
    options.clockOffsetLines = {"a.pcap: reference clock", "b<&>.pcap: clock offset +2.500000 ms against a.pcap"};
    const std::string html = rs::ui::reportHtml(records, contextFor({}), options);
    QVERIFY(html.find("id=\"clock-offsets\"") != std::string::npos);
    const Parsed p = parse(html);
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QVERIFY(p.allText.contains("Clock offsets"));
    QVERIFY(p.allText.contains("a.pcap: reference clock"));
    QVERIFY(p.allText.contains("b<&>.pcap: clock offset +2.500000 ms against a.pcap"));
  }

  void parametersNameKeysButNeverShowThem() {
    ReportContext context = contextFor({});
    context.keysGiven = true;
    context.onlyDefinition = Definition::AuthToM4;
    context.budget.thresholdsNs = {10'000'000, 30'500'000};
    context.budget.definition = Definition::AuthToM4;
    const auto records = classified(rs::test::mixedRecords(), context.budget);
    const Parsed p = parse(rs::ui::reportHtml(records, context));
    const auto params = p.tableRows.at("parameters");
    QVERIFY(params.contains(QStringList{"latency definitions", "auth-to-m4 (--definition)"}));
    QVERIFY(params.contains(QStringList{"budget thresholds (ms)", "10, 30.5"}));
    QVERIFY(params.contains(QStringList{"budget definition", "auth-to-m4"}));
    QVERIFY(params.contains(QStringList{"keys given", "yes (MICs and PMKIDs checked; the keys are not shown)"}));
    // Only the chosen definition: one latency column, its timeline and CDF, the phase plot.
    QCOMPARE(p.imageSources.size(), 3);
    QCOMPARE(p.tableRows.at("handoffs").front().size(), 11 + 1 + 3 + 2 + 1);
    QCOMPARE(p.tableRows.at("budget").front().size(), 4);  // method and three classes
  }

  void emptyReport() {
    const Parsed p = parse(rs::ui::reportHtml({}, contextFor({})));
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QVERIFY(p.tableRows.find("handoffs") == p.tableRows.end());  // an empty <tbody>: no rows
    QCOMPARE(p.imageSources.size(), 3);                          // the plots say "no handoffs"
    QVERIFY(p.allText.contains("0 handoff attempt(s)"));
  }

  void sameInputSameBytes() {
    const auto records = rs::test::mixedRecords();
    const std::string a = rs::ui::reportHtml(records, contextFor({}));
    const std::string b = rs::ui::reportHtml(records, contextFor({}));
    QCOMPARE(a.size(), b.size());
    QVERIFY(a == b);
  }
};

RS_OFFSCREEN_TEST_MAIN(HtmlReport)
#include "tst_html_report.moc"
