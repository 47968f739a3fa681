// SPDX-License-Identifier: GPL-3.0-or-later
// Every file the desktop application exports, read back and validated: the
// wlan-psk-seed000 preset run to 10 s through the main window, then the
// report as JSON (the documented fields, matching the handoff table), CSV
// (header and one row per handoff), HTML (table rows, embedded images) and
// PDF (header, trailer, pages, the plot images), and each plot tab as PNG
// (loads at the requested size) and SVG (XML with an <svg> root that Qt SVG
// renders). Also the export API's capture path (clock offsets as `analyze`
// writes them) and the errors that say what to do.
#include <qcustomplot.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "core/analysis/roam/roam_report.h"
#include "tests/ui/offscreen_main.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/handoff_table_model.h"
#include "ui/app/latency_plots_widget.h"
#include "ui/app/main_window.h"
#include "ui/app/report_export.h"
#include "ui/report/plot_images.h"

using rs::roam::HandoffRecord;
using rs::ui::HandoffTableModel;
using rs::ui::LatencyPlotsWidget;
using rs::ui::MainWindow;

namespace {

const QString kScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-psk-seed000.json");
constexpr rs::sim::SimTime kDuration = rs::sim::seconds(10);
constexpr int kRunTimeoutMs = 120000;

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// RFC 4180 fields of one CSV line (quotes around fields with commas or quotes, "" for a quote).
QStringList csvFields(const QString& line) {
  QStringList fields;
  QString field;
  bool quoted = false;
  for (qsizetype i = 0; i < line.size(); ++i) {
    const QChar c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields << field;
      field.clear();
    } else {
      field += c;
    }
  }
  fields << field;
  return fields;
}

int count(const QByteArray& haystack, const QByteArray& needle) {
  int n = 0;
  for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.size())) ++n;
  return n;
}

}  // namespace

class TestReportExports : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("RoamScopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_report_exports"));
    window_ = std::make_unique<MainWindow>();
    window_->controller().setDurationOverride(kDuration);
    QVERIFY(window_->openScenario(kScenario));
    window_->controller().runToEnd();
    QVERIFY(QTest::qWaitFor([&] { return window_->controller().isFinished(); }, kRunTimeoutMs));
    QCOMPARE(window_->handoffModel()->rowCount(), 2);  // the join and the seed-000 roam
  }

  void cleanupTestCase() { window_.reset(); }

  // JSON: the documented envelope, and per handoff the documented fields with the table's values.
  void jsonHasTheTablesRecords() {
    const QString path = dir_.filePath(QStringLiteral("report.json"));
    QVERIFY2(window_->exportReport(path), qPrintable(window_->statusText()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(path), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject report = doc.object();
    QCOMPARE(report.value(QStringLiteral("format")).toString(), QStringLiteral("roamscope-roam-report"));
    QCOMPARE(report.value(QStringLiteral("version")).toInt(), rs::roam::kReportVersion);
    QCOMPARE(report.value(QStringLiteral("inputs")).toArray().first().toString(), kScenario);
    QVERIFY(!report.contains(QStringLiteral("clock_offsets")));  // an emulated run, as simulate --report
    QVERIFY(report.value(QStringLiteral("summary")).isArray());
    const QJsonArray handoffs = report.value(QStringLiteral("handoffs")).toArray();
    const HandoffTableModel& table = *window_->handoffModel();
    QCOMPARE(handoffs.size(), table.rowCount());
    const QStringList documented{"record_kind", "sta",         "from_bssid",    "to_bssid",        "from_channel",
                                 "to_channel",  "method",      "outcome",       "start",           "end",
                                 "phases",      "latency_ms",  "exchanges",     "budget",          "diagnostics",
                                 "scan_channels", "rssi_before_dbm", "rssi_after_dbm"};
    // The table's text of row `row`, column `column`.
    auto cell = [&](int row, int column) { return table.index(row, column).data().toString(); };
    for (int row = 0; row < table.rowCount(); ++row) {
      const QJsonObject h = handoffs[row].toObject();
      auto text = [&](const char* key) { return h.value(QLatin1String(key)).toString(); };
      for (const QString& key : documented) QVERIFY2(h.contains(key), qPrintable(key));
      QCOMPARE(text("sta"), cell(row, HandoffTableModel::Station));
      QCOMPARE(text("method"), cell(row, HandoffTableModel::Method));
      QCOMPARE(text("outcome"), cell(row, HandoffTableModel::Outcome));
      QVERIFY(cell(row, HandoffTableModel::To).startsWith(text("to_bssid")));
      const double latencyMs =
          h.value(QStringLiteral("latency_ms")).toObject().value(QStringLiteral("reassoc-to-last-key")).toDouble();
      const QVariant latencyNs = table.index(row, HandoffTableModel::Latency).data(HandoffTableModel::LatencyNsRole);
      QCOMPARE(latencyMs, rs::roam::toMilliseconds(latencyNs.toLongLong()));
      for (const QJsonValue& phase : h.value(QStringLiteral("phases")).toArray())
        for (const char* key : {"name", "start", "end", "duration_ms"})
          QVERIFY(phase.toObject().contains(QLatin1String(key)));
    }
  }

  // CSV: a header with the documented first columns, one row per handoff, as many fields as the header.
  void csvHasOneRowPerHandoff() {
    const QString path = dir_.filePath(QStringLiteral("report.csv"));
    QVERIFY(window_->exportReport(path));
    const QStringList lines = QString::fromUtf8(readAll(path)).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + window_->handoffModel()->rowCount());
    const QStringList header = csvFields(lines[0]);
    QCOMPARE(header.mid(0, 3), (QStringList{"sta", "from_bssid", "to_bssid"}));
    QVERIFY(header.contains(QStringLiteral("reassoc-to-last-key_ms")));
    for (int row = 1; row < lines.size(); ++row) {
      const QStringList fields = csvFields(lines[row]);
      QCOMPARE(fields.size(), header.size());
      QCOMPARE(fields[header.indexOf(QStringLiteral("method"))],
               window_->handoffModel()->index(row - 1, HandoffTableModel::Method).data().toString());
    }
  }

  // HTML: one table row per handoff and the plots as PNGs that decode.
  void htmlHasTheRowsAndEmbeddedImages() {
    const QString path = dir_.filePath(QStringLiteral("report.html"));
    QVERIFY(window_->exportReport(path));
    const QByteArray page = readAll(path);
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    const qsizetype table = page.indexOf("<table id=\"handoffs\"");
    QVERIFY(table > 0);
    const qsizetype bodyStart = page.indexOf("<tbody>", table);
    const qsizetype bodyEnd = page.indexOf("</tbody>", table);
    QVERIFY(bodyStart > table && bodyEnd > bodyStart);
    const QByteArray body = page.mid(bodyStart, bodyEnd - bodyStart);
    QCOMPARE(count(body, "<tr"), window_->handoffModel()->rowCount());
    QVERIFY(body.contains("seed000-fast-reassociation"));
    static const QRegularExpression image(QStringLiteral("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""));
    int images = 0;
    for (auto it = image.globalMatch(QString::fromUtf8(page)); it.hasNext(); ++images)
      QVERIFY(!QImage::fromData(QByteArray::fromBase64(it.next().captured(1).toLatin1()), "PNG").isNull());
    QVERIFY2(images >= 3, qPrintable(QString::number(images)));  // timeline, CDF, phases
  }

  // PDF: a complete PDF file with pages, and the HTML report's plot images in it (QTextDocument resolved them).
  void pdfIsAPrintedReportWithItsImages() {
    const QString path = dir_.filePath(QStringLiteral("report.pdf"));
    QVERIFY2(window_->exportReport(path), qPrintable(window_->statusText()));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-z])"));
    QVERIFY(QString::fromLatin1(pdf).count(page) >= 1);
    const int htmlImages = count(readAll(dir_.filePath(QStringLiteral("report.html"))), "data:image/png");
    QVERIFY(htmlImages >= 3);
    // Each plot is one image XObject (PNG with alpha may add a soft mask): at least as many as the HTML has.
    QVERIFY2(count(pdf, "/Subtype /Image") >= htmlImages, qPrintable(QString::number(count(pdf, "/Subtype /Image"))));
    QVERIFY2(pdf.size() > 50000, qPrintable(QString::number(pdf.size())));
  }

  // PNG and SVG of every tab: the PNG at the requested size, the SVG well-formed with an <svg> root that
  // Qt SVG can render.
  void everyPlotTabExportsAsPngAndSvg() {
    LatencyPlotsWidget& plots = *window_->latencyPlots();
    QVERIFY(QTest::qWaitFor([&] { return !plots.isRedrawPending(); }, 10000));
    const QSize size(720, 400);
    for (int tab = 0; tab < LatencyPlotsWidget::TabCount; ++tab) {
      plots.tabs()->setCurrentIndex(tab);
      const QString png = dir_.filePath(QStringLiteral("plot-%1.png").arg(tab));
      const auto pngError = plots.exportCurrentPlot(png, size);
      QVERIFY2(!pngError, qPrintable(pngError.value_or(QString())));
      const QImage image(png);
      QVERIFY(!image.isNull());
      QCOMPARE(image.size(), size);
      // Not blank: axes, labels, grid and data differ from the background in a fair share of the pixels.
      int drawn = 0;
      for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) drawn += image.pixel(x, y) != image.pixel(0, 0) ? 1 : 0;
      QVERIFY2(drawn > image.width() * image.height() / 4 / 100, qPrintable(QString::number(drawn)));

      const QString svg = dir_.filePath(QStringLiteral("plot-%1.svg").arg(tab));
      const auto svgError = plots.exportCurrentPlot(svg, size);
      QVERIFY2(!svgError, qPrintable(svgError.value_or(QString())));
      QFile file(svg);
      QVERIFY(file.open(QIODevice::ReadOnly));
      QXmlStreamReader xml(&file);
      QString root;
      int elements = 0;
      while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
          if (root.isEmpty()) root = xml.name().toString();
          ++elements;
        }
      }
      QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
      QCOMPARE(root, QStringLiteral("svg"));
      QVERIFY(elements > 20);
      QSvgRenderer renderer(svg);
      QVERIFY(renderer.isValid());
      QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), size));
    }
  }

  // Without a size (the dock hidden) a plot is written at the report's figure size; the comparison tab
  // writes both of its plots, stacked.
  void defaultSizeStacksTheComparison() {
    LatencyPlotsWidget& plots = *window_->latencyPlots();
    const QSize figure = rs::ui::PlotImageFormat{}.logicalSize;
    plots.tabs()->setCurrentIndex(LatencyPlotsWidget::TimelineTab);
    QCOMPARE(plots.currentPlots(), QList<QCustomPlot*>{plots.timelinePlot()});
    const QString single = dir_.filePath(QStringLiteral("default-timeline.png"));
    QVERIFY(!plots.exportCurrentPlot(single));
    QCOMPARE(QImage(single).size(), figure);
    plots.tabs()->setCurrentIndex(LatencyPlotsWidget::ComparisonTab);
    QCOMPARE(plots.currentPlots(), (QList<QCustomPlot*>{plots.comparisonTimelinePlot(), plots.comparisonCdfPlot()}));
    const QString both = dir_.filePath(QStringLiteral("default-comparison.png"));
    QVERIFY(!plots.exportCurrentPlot(both));
    QCOMPARE(QImage(both).size(), QSize(figure.width(), 2 * figure.height()));
  }

  // Unknown extensions and unwritable places are refused with what to do, and nothing is written.
  void errorsSayWhatToDo() {
    const QString txt = dir_.filePath(QStringLiteral("report.txt"));
    QVERIFY(!window_->exportReport(txt));
    QVERIFY(!QFile::exists(txt));
    const auto plotError =
        window_->latencyPlots()->exportCurrentPlot(dir_.filePath(QStringLiteral("plot.gif")), {640, 480});
    QVERIFY(plotError && plotError->contains(QStringLiteral(".png or .svg")));
    const QString missing = dir_.filePath(QStringLiteral("no-such-folder/report"));
    for (const char* ext : {".pdf", ".html", ".json"}) {
      const auto error = rs::ui::exportRoamReport(window_->controller().handoffs(), {}, missing + QLatin1String(ext));
      QVERIFY2(error && error->contains(missing), ext);
    }
    for (const char* ext : {".png", ".svg"}) {
      const auto error = window_->latencyPlots()->exportCurrentPlot(missing + QLatin1String(ext), {640, 480});
      QVERIFY2(error && error->contains(missing), ext);
    }
  }

  // The capture path (as the capture document calls it): records and a context listing the input files;
  // the JSON carries "clock_offsets" right after "inputs" as `analyze` writes it, the HTML the sentences.
  void captureReportsCarryClockOffsetsLikeAnalyze() {
    const std::vector<HandoffRecord>& records = window_->controller().handoffs();
    rs::roam::ReportContext context;
    context.inputs = {"air-ch1.pcapng", "air-ch6.pcapng"};
    rs::ui::ReportExtras one;
    one.clocks = rs::ui::ReportClocks{};
    const QString single = dir_.filePath(QStringLiteral("capture-one.json"));
    QVERIFY(!rs::ui::exportRoamReport(records, context, single, one));
    const QJsonObject report = QJsonDocument::fromJson(readAll(single)).object();
    QVERIFY(report.contains(QStringLiteral("clock_offsets")));
    QVERIFY(report.value(QStringLiteral("clock_offsets")).isNull());
    const QByteArray text = readAll(single);
    QVERIFY(text.indexOf("\"inputs\"") < text.indexOf("\"clock_offsets\"") &&
            text.indexOf("\"clock_offsets\"") < text.indexOf("\"station\""));

    rs::ui::ReportExtras merged;
    rs::ClockOffsetEstimate estimate;
    estimate.files.resize(2);
    estimate.files[0].reference = true;
    estimate.files[1].offsetNs = 110000;
    estimate.files[1].against = 0;
    estimate.files[1].matches = 1271;
    merged.clocks = rs::ui::ReportClocks{estimate, context.inputs};
    const QString json = dir_.filePath(QStringLiteral("capture-merged.json"));
    QVERIFY(!rs::ui::exportRoamReport(records, context, json, merged));
    const QJsonArray offsets =
        QJsonDocument::fromJson(readAll(json)).object().value(QStringLiteral("clock_offsets")).toArray();
    QCOMPARE(offsets.size(), 2);
    QCOMPARE(offsets[1].toObject().value(QStringLiteral("against")).toString(), QStringLiteral("air-ch1.pcapng"));
    QCOMPARE(offsets[1].toObject().value(QStringLiteral("offset_ms")).toDouble(), 0.11);
    const QString html = dir_.filePath(QStringLiteral("capture-merged.html"));
    QVERIFY(!rs::ui::exportRoamReport(records, context, html, merged));
    const QByteArray page = readAll(html);
    QVERIFY(page.contains("id=\"clock-offsets\""));
    QVERIFY(page.contains("air-ch1.pcapng: reference clock"));
    QVERIFY(page.contains("air-ch6.pcapng: clock offset +0.110000 ms against air-ch1.pcapng"));
  }

 private:
  QTemporaryDir dir_;
  std::unique_ptr<MainWindow> window_;
};

RS_OFFSCREEN_TEST_MAIN(TestReportExports)
#include "tst_report_exports.moc"
