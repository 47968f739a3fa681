// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #5 acceptance 3: the desktop application opening a capture of at
// least 1,000,000 frames (the roam capture of bench_roam_analysis: 10,000
// roams): time to first paint of the packet list, time until every frame is
// indexed and analysed (the handoff table filled), and the GUI thread's
// event-loop latency while the file is read; then a display filter over every
// frame (time, and the event-loop latency while it runs). Targets: first
// paint under 1 s, event latency under 50 ms.
//
//   bench_gui_open_capture [FRAMES] [ROAMS]
//
// Event-loop latency is measured as a user would feel it: a 5 ms timer on
// the GUI thread, and how late each timeout fires. Runs on the offscreen
// platform unless QT_QPA_PLATFORM says otherwise; prints the figures (they go
// into docs/performance.md by hand).
#include <fmt/format.h>
#include <sys/resource.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QEventLoop>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <string>
#include <vector>

#include "tests/bench/roam_capture_builder.h"
#include "ui/app/capture_document.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_filter_proxy.h"
#include "ui/app/packet_list_model.h"
#include "ui/app/report_export_job.h"

namespace {

constexpr int kProbeIntervalMs = 5;

double maxRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// Notes when the packet list's viewport first paints with rows in the model.
class FirstPaintWatch : public QObject {
 public:
  FirstPaintWatch(const QTableView& view, const QElapsedTimer& clock) : view_(view), clock_(clock) {}
  qint64 firstPaintMs = -1;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Paint && firstPaintMs < 0 && view_.model()->rowCount() > 0) firstPaintMs = clock_.elapsed();
    return QObject::eventFilter(watched, event);
  }

 private:
  const QTableView& view_;
  const QElapsedTimer& clock_;
};

double percentile(std::vector<qint64> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  return static_cast<double>(values[rank]);
}

}  // namespace

int main(int argc, char** argv) {
  if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  std::size_t frames = 1'000'000;
  std::size_t roams = 10'000;
  if (argc > 1) frames = std::stoul(argv[1]);
  if (argc > 2) roams = std::stoul(argv[2]);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("RoamScopeBench"));
  QApplication::setApplicationName(QStringLiteral("bench_gui_open_capture"));

  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("roams.pcapng")).toStdString();
  const std::size_t built = rs::bench::buildRoamCapture(
      path, dir.filePath(QStringLiteral("scene.pcapng")).toStdString(), rs::bench::makeRoamCapturePlan(frames, roams));
  if (built == 0) return 1;
  fmt::print("capture: {} frames, {} roams, {:.1f} MiB\n", built, roams,
             static_cast<double>(QFileInfo(QString::fromStdString(path)).size()) / 1048576.0);

  rs::ui::MainWindow window;
  window.resize(1600, 1000);
  window.show();
  QApplication::processEvents();  // the window's own first paint, before the clock starts
  QElapsedTimer clock;
  FirstPaintWatch watch(*window.packetView(), clock);
  window.packetView()->viewport()->installEventFilter(&watch);

  std::vector<qint64> lateness;
  QElapsedTimer sinceLastProbe;
  QTimer probe;
  probe.setTimerType(Qt::PreciseTimer);
  probe.setInterval(kProbeIntervalMs);
  QObject::connect(&probe, &QTimer::timeout, [&] {
    lateness.push_back(std::max<qint64>(0, sinceLastProbe.elapsed() - kProbeIntervalMs));
    sinceLastProbe.restart();
  });

  QEventLoop loop;
  qint64 loadedMs = -1;
  QObject::connect(&window.captureDocument(), &rs::ui::CaptureDocument::loadFinished, [&] {
    loadedMs = clock.elapsed();
    loop.quit();
  });
  clock.start();
  sinceLastProbe.start();
  probe.start();
  window.openCaptures({QString::fromStdString(path)});
  loop.exec();
  probe.stop();
  if (qEnvironmentVariableIsSet("BENCH_LOAD_ONLY")) {  // profiling the reading alone (perf record …)
    fmt::print("loaded in {} ms; first paint {} ms; max event-loop latency {:.0f} ms\n", loadedMs, watch.firstPaintMs,
               percentile(lateness, 1.0));
    qint64 at = 0;
    for (qint64 l : lateness) {
      at += l + kProbeIntervalMs;
      if (l > 20) fmt::print("  late by {} ms at about {} ms\n", l, at);
    }
    return 0;
  }
  // Scroll to the end once: the packet list must answer at once for any row of the million.
  QElapsedTimer scroll;
  scroll.start();
  window.packetView()->scrollToBottom();
  QApplication::processEvents();
  const qint64 scrollMs = scroll.elapsed();

  // File > Export report on the opened capture (10,000 handoffs), as the menu does it: in the background. How
  // long each format takes, and how late the window's events are meanwhile.
  struct ExportFigure {
    std::string format;
    qint64 ms = 0;
    double maxLatenessMs = 0;
  };
  std::vector<ExportFigure> exports;
  for (const char* extension : {"json", "csv", "html", "pdf"}) {
    std::vector<qint64> exportLateness;
    QObject::disconnect(&probe, nullptr, nullptr, nullptr);
    QObject::connect(&probe, &QTimer::timeout, [&] {
      exportLateness.push_back(std::max<qint64>(0, sinceLastProbe.elapsed() - kProbeIntervalMs));
      sinceLastProbe.restart();
    });
    QEventLoop exportLoop;
    bool failed = false;
    const auto done = QObject::connect(window.reportExportJob(), &rs::ui::ReportExportJob::finished,
                                       [&](const QString&, const QString& error, bool) {
                                         failed = !error.isEmpty();
                                         exportLoop.quit();
                                       });
    QElapsedTimer exportClock;
    exportClock.start();
    sinceLastProbe.restart();
    probe.start();
    if (window.startReportExport(dir.filePath(QStringLiteral("report.%1").arg(QLatin1String(extension)))))
      exportLoop.exec();
    probe.stop();
    QObject::disconnect(done);
    exports.push_back({failed ? std::string(extension) + " (failed)" : std::string(extension), exportClock.elapsed(),
                       percentile(exportLateness, 1.0)});
  }

  // A display filter over every frame: sliced on the event loop, so the window keeps answering.
  std::vector<qint64> filterLateness;
  QObject::disconnect(&probe, nullptr, nullptr, nullptr);
  QObject::connect(&probe, &QTimer::timeout, [&] {
    filterLateness.push_back(std::max<qint64>(0, sinceLastProbe.elapsed() - kProbeIntervalMs));
    sinceLastProbe.restart();
  });
  QEventLoop filterLoop;
  QObject::connect(window.packetFilter(), &rs::ui::PacketFilterProxy::filterFinished, &filterLoop, &QEventLoop::quit);
  QElapsedTimer filterClock;
  filterClock.start();
  sinceLastProbe.restart();
  probe.start();
  window.applyDisplayFilter(QStringLiteral("eapol"));
  if (window.packetFilter()->isFiltering()) filterLoop.exec();
  probe.stop();
  const qint64 filterMs = filterClock.elapsed();
  const int matches = window.packetView()->model()->rowCount();

  const auto rows = window.packetModel()->rowCount();
  const auto handoffs = window.captureDocument().handoffs().size();
  fmt::print("first paint of the packet list: {} ms (target < 1000)\n", watch.firstPaintMs);
  fmt::print("every frame indexed and analysed: {} ms ({} rows, {} handoffs, {:.2f} M frames/s)\n", loadedMs, rows,
             handoffs, loadedMs > 0 ? static_cast<double>(rows) / static_cast<double>(loadedMs) / 1e3 : 0.0);
  fmt::print("event-loop latency while reading ({} probes of {} ms): median {:.0f} ms, p99 {:.0f} ms, max {:.0f} ms "
             "(target < 50)\n",
             lateness.size(), kProbeIntervalMs, percentile(lateness, 0.5), percentile(lateness, 0.99),
             percentile(lateness, 1.0));
  fmt::print("scroll to the last row and paint: {} ms\n", scrollMs);
  for (const auto& e : exports)
    fmt::print("export report as {} in the background: {} ms; event-loop latency meanwhile: max {:.0f} ms\n", e.format,
               e.ms, e.maxLatenessMs);
  fmt::print("display filter \"eapol\" over every frame: {} ms, {} matches ({:.2f} M frames/s); event-loop latency "
             "meanwhile: median {:.0f} ms, p99 {:.0f} ms, max {:.0f} ms\n",
             filterMs, matches, filterMs > 0 ? static_cast<double>(rows) / static_cast<double>(filterMs) / 1e3 : 0.0,
             percentile(filterLateness, 0.5), percentile(filterLateness, 0.99), percentile(filterLateness, 1.0));
  fmt::print("peak RSS: {:.1f} MiB (the file is memory-mapped: its pages count)\n", maxRssMiB());
  if (static_cast<std::size_t>(rows) != built) fmt::print("WARNING: {} rows for {} frames\n", rows, built);
  return 0;
}
