// SPDX-License-Identifier: GPL-3.0-or-later
// What the desktop application makes of a finished Mobile IP run, offscreen:
// the mip-dynamic preset run to its end, then File > Export report in the
// background as the menu starts it, in each format (JSON and CSV byte-equal to
// what `simulate --report` writes, HTML well-formed with the two registration
// plots, PDF), and the Latency plots dock showing the registration plots in
// place of the roam ones, exported as PNG and SVG; loading a WLAN preset
// brings the roam plots back.
#include <qcustomplot.h>

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <memory>
#include <set>

#include "core/analysis/mip/registration_report.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/latency_plots_widget.h"
#include "ui/app/main_window.h"
#include "ui/app/report_export_job.h"
#include "ui/report/registration_html_report.h"

using rs::ui::EmulationController;
using rs::ui::LatencyPlotsWidget;
using rs::ui::MainWindow;

namespace {

const QString kMipScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/mip-dynamic.json");
const QString kWlanScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-psk-seed000.json");
constexpr int kRunTimeoutMs = 120000;

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestMipGuiReports : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_mip_gui_reports")));
    QVERIFY(dir_.isValid());
    window_ = std::make_unique<MainWindow>();
    window_->resize(1600, 1000);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(window_->openScenario(kMipScenario));
    EmulationController& run = window_->controller();
    run.runToEnd();
    QVERIFY(QTest::qWaitFor([&] { return run.isFinished(); }, kRunTimeoutMs));
    QCOMPARE(run.registrations().size(), std::size_t{8});
  }

  void cleanupTestCase() { window_.reset(); }

  // JSON: the registration report of simulate --report, byte for byte, with the run's 8 registrations.
  void jsonIsTheCliReport() {
    const QString path = exported(QStringLiteral("registrations.json"));
    QVERIFY(!path.isEmpty());
    const QByteArray bytes = readAll(path);
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(bytes, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(report.value(QStringLiteral("version")).toInt(), rs::mipreg::kRegistrationReportVersion);
    QCOMPARE(report.value(QStringLiteral("registrations")).toArray().size(), 8);
    QCOMPARE(report.value(QStringLiteral("inputs")).toArray().first().toString(), kMipScenario);
    const rs::mipreg::RegistrationReportContext context{{kMipScenario.toStdString()}};
    QCOMPARE(bytes.toStdString(),
             rs::mipreg::registrationReportJson(window_->controller().registrations(), context).dump(2) + "\n");
  }

  // CSV: a header and one line per registration, as the CLI writes it.
  void csvHasOneLinePerRegistration() {
    const QString path = exported(QStringLiteral("registrations.csv"));
    QVERIFY(!path.isEmpty());
    const QByteArray bytes = readAll(path);
    QCOMPARE(QString::fromUtf8(bytes).split('\n', Qt::SkipEmptyParts).size(), 9);
    QCOMPARE(bytes.toStdString(), rs::mipreg::registrationReportCsv(window_->controller().registrations()));
  }

  // HTML: well-formed (the page is XHTML-clean), the registration table's 8 rows, the two plots as PNGs.
  void htmlIsWellFormedWithTwoPlots() {
    const QString path = exported(QStringLiteral("registrations.html"));
    QVERIFY(!path.isEmpty());
    const QByteArray page = readAll(path);
    QVERIFY(page.startsWith("<!DOCTYPE html>"));
    QXmlStreamReader xml(page);
    int images = 0, rows = 0;
    bool inRegistrations = false, inBody = false;
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isStartElement()) {
        const auto name = xml.name();
        if (name == QLatin1String("img")) {
          const QString src = xml.attributes().value(QStringLiteral("src")).toString();
          QVERIFY(src.startsWith(QStringLiteral("data:image/png;base64,")));
          QVERIFY(!QImage::fromData(QByteArray::fromBase64(src.mid(22).toLatin1()), "PNG").isNull());
          ++images;
        }
        if (name == QLatin1String("table"))
          inRegistrations = xml.attributes().value(QStringLiteral("id")) == QLatin1String("registration-table");
        if (name == QLatin1String("tbody")) inBody = true;
        if (name == QLatin1String("tr") && inBody && inRegistrations) ++rows;
      } else if (xml.isEndElement() && xml.name() == QLatin1String("tbody")) {
        inBody = false;
      }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(images, 2);
    QCOMPARE(rows, 8);
    // The page simulate --report writes (same function, same figure size): the same bytes.
    const rs::mipreg::RegistrationReportContext context{{kMipScenario.toStdString()}};
    QVERIFY(page.toStdString() == rs::ui::registrationReportHtml(window_->controller().registrations(), context));
  }

  // PDF: the HTML page printed, with its two plots as images.
  void pdfIsThePrintedReport() {
    const QString path = exported(QStringLiteral("registrations.pdf"));
    QVERIFY(!path.isEmpty());
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY2(pdf.count("/Subtype /Image") >= 2, qPrintable(QString::number(pdf.count("/Subtype /Image"))));
  }

  // An unknown extension is refused with the formats to choose from, and nothing is written.
  void unknownExtensionIsRefused() {
    const QString path = dir_.filePath(QStringLiteral("registrations.txt"));
    QVERIFY(!window_->exportReport(path));
    QVERIFY(window_->statusBar()->currentMessage().contains(QStringLiteral(".json")));
    QVERIFY(!QFile::exists(path));
  }

  // The Latency plots dock: the registration plots instead of the roam ones, one graph per authentication
  // and outcome that occurs, one bar set per hop; both export as PNG and SVG.
  void latencyDockShowsTheRegistrationPlots() {
    LatencyPlotsWidget& plots = *window_->latencyPlots();
    QVERIFY(QTest::qWaitFor([&] { return !plots.isRedrawPending(); }, 10000));
    QVERIFY(plots.showsRegistrations());
    // isHidden, not isVisible: the dock itself may sit behind another tab.
    QVERIFY(!plots.registrationTabs()->isHidden());
    QVERIFY(plots.tabs()->isHidden());
    QVERIFY(!plots.pinAction()->isEnabled());
    const auto& records = window_->controller().registrations();
    std::set<std::pair<int, bool>> series;
    for (const auto& r : records) series.insert({static_cast<int>(r.auth), r.success});
    QCOMPARE(plots.registrationLatencyPlot()->graphCount(), static_cast<int>(series.size()));
    QCOMPARE(plots.registrationLatencyPlot()->graphCount(), 3);  // aaa-dynamic, skey-prime, skey-rekey
    QCOMPARE(plots.registrationLatencyPlot()->graph(0)->name(), QStringLiteral("aaa-dynamic"));
    int points = 0;
    for (int i = 0; i < plots.registrationLatencyPlot()->graphCount(); ++i)
      points += plots.registrationLatencyPlot()->graph(i)->dataCount();
    QCOMPARE(points, 8);
    QCOMPARE(plots.registrationHopsPlot()->plottableCount(), 5);  // mn-fa, fa-ha, aaa-round-trip, home-agent, ha-mn

    for (int tab = 0; tab < LatencyPlotsWidget::RegistrationTabCount; ++tab) {
      plots.registrationTabs()->setCurrentIndex(tab);
      QCOMPARE(plots.currentPlots().size(), 1);
      QCOMPARE(plots.currentPlots().first(),
               tab == LatencyPlotsWidget::RegistrationHopsTab ? plots.registrationHopsPlot()
                                                              : plots.registrationLatencyPlot());
      const QString png = dir_.filePath(QStringLiteral("registration-plot-%1.png").arg(tab));
      const auto pngError = plots.exportCurrentPlot(png, QSize(720, 400));
      QVERIFY2(!pngError, qPrintable(pngError.value_or(QString())));
      QCOMPARE(QImage(png).size(), QSize(720, 400));
      const QString svg = dir_.filePath(QStringLiteral("registration-plot-%1.svg").arg(tab));
      QVERIFY(!plots.exportCurrentPlot(svg, QSize(720, 400)));
      QVERIFY(readAll(svg).contains("<svg"));
    }
  }

  // Last, as it replaces the run: a WLAN run shows the roam plots again, and its report is the roam report.
  void wlanRunBringsBackTheRoamPlots() {
    QVERIFY(window_->openScenario(kWlanScenario));
    LatencyPlotsWidget& plots = *window_->latencyPlots();
    plots.redrawNow();
    QVERIFY(!plots.showsRegistrations());
    QVERIFY(!plots.tabs()->isHidden());
    QVERIFY(plots.pinAction()->isEnabled());
    const QString path = exported(QStringLiteral("wlan.json"));
    QVERIFY(!path.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(readAll(path)).object().value(QStringLiteral("format")).toString(),
             QStringLiteral("roamscope-roam-report"));
  }

 private:
  // Exports as File > Export report does (in the background); the file's path, empty when it failed.
  QString exported(const QString& name) {
    const QString path = dir_.filePath(name);
    QSignalSpy finished(window_->reportExportJob(), &rs::ui::ReportExportJob::finished);
    if (!window_->startReportExport(path)) return {};
    if (!finished.wait(60000)) return {};
    const QString error = finished.first().at(1).toString();
    if (!error.isEmpty()) {
      qWarning("%s", qPrintable(error));
      return {};
    }
    return path;
  }

  QTemporaryDir settingsDir_;
  QTemporaryDir dir_;
  std::unique_ptr<MainWindow> window_;
};

RS_OFFSCREEN_TEST_MAIN(TestMipGuiReports)
#include "tst_mip_gui_reports.moc"
