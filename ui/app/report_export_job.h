// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Export report in the background: exportRoamReport (or, for a Mobile
// IP run, exportRegistrationReport) on a worker thread over a copy of the
// records, so writing 10,000 handoffs as HTML (seconds) or
// PDF (tens of seconds of Qt's text layout) never freezes the window. The
// plots are still drawn on the GUI thread, one queued call per plot
// (ui/report/plot_images.h), which keeps the window answering between them.
//
// Cancel cannot interrupt Qt's layout of the PDF: the job runs to its end and
// a cancelled export then removes what it wrote, so no half-made report is
// left behind.
#include <QObject>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/analysis/mip/registration_report.h"
#include "ui/app/report_export.h"

namespace rs::ui {

class ReportExportJob : public QObject {
  Q_OBJECT

 public:
  explicit ReportExportJob(QObject* parent = nullptr);
  // Waits for a running export while handling events (its plots are drawn on this thread).
  ~ReportExportJob() override;

  // False (nothing started) while another export runs.
  bool start(std::vector<roam::HandoffRecord> records, roam::ReportContext context, const QString& path,
             ReportExtras extras = {});
  // The registration report of a Mobile IP run; false while another export runs.
  bool start(std::vector<mipreg::RegistrationRecord> records, mipreg::RegistrationReportContext context,
             const QString& path);
  void cancel() { cancelled_ = true; }
  bool isRunning() const { return worker_ != nullptr; }
  QString path() const { return path_; }
  // Blocks, handling events, until the running export (if any) is done: scripts and shutdown.
  void waitForFinished();

 signals:
  // `error` is empty on success; a cancelled export reports cancelled = true and leaves no file.
  void finished(const QString& path, const QString& error, bool cancelled);

 private:
  // Runs `write` (which owns its copy of the records) on the worker thread.
  bool startWork(const QString& path, std::function<std::optional<QString>()> write);
  void deliver(std::optional<QString> error);

  // A QThread, not a std::thread: QTextDocument and the PDF engine start Qt timers, which need one.
  QThread* worker_ = nullptr;
  QString path_;
  bool cancelled_ = false;
};

}  // namespace rs::ui
