// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs a sweep (sweep_request.h) in a roamscope-cli child process, off the GUI
// thread and outside this process. A child process, not a worker thread:
// only one WlanNetwork may exist per process — it holds a process-wide guard
// that makes OpenSSL's RNG deterministic for the run — and the window's own
// emulated run stays loaded meanwhile. The child writes its rows to a CSV in
// a temporary folder; its per-run stderr line ("run 3/12: ...") is the
// progress. cancel() terminates it, then kills it if it has not gone after
// kKillAfterMs; nothing of a cancelled or failed sweep is delivered.
#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <string>

#include "ui/app/sweep_request.h"
#include "ui/report/sweep_report.h"

class QTemporaryDir;

namespace rs::ui {

struct SweepResult {
  SweepReport report;  // scenario, axes, table and plot series (ui/report/sweep_series.h)
  std::string csv;     // the CSV as the child wrote it
};

class SweepProcess : public QObject {
  Q_OBJECT

 public:
  static constexpr int kKillAfterMs = 3000;
  // Lines of the child's stderr kept for a failure's message.
  static constexpr int kKeptErrorLines = 6;

  explicit SweepProcess(QObject* parent = nullptr);
  ~SweepProcess() override;  // a child still running is killed

  // Starts `cli` on `request` (checked with checkSweepRequest already). False, with `error`, when a sweep is
  // running or no temporary folder can be made; a child that fails to start is reported by failed().
  bool start(const QString& cli, const SweepRequest& request, QString* error = nullptr);
  void cancel();
  bool isRunning() const { return process_ && process_->state() != QProcess::NotRunning; }
  QProcess::ProcessState state() const { return process_ ? process_->state() : QProcess::NotRunning; }
  const SweepRequest& request() const { return request_; }
  // How the last child ended: CrashExit after cancel() means it was stopped by a signal, not finished.
  QProcess::ExitStatus lastExitStatus() const { return process_ ? process_->exitStatus() : QProcess::NormalExit; }

 signals:
  // `done` runs of `total` have finished; `line` is the child's progress line.
  void progress(int done, int total, const QString& line);
  void succeeded(const rs::ui::SweepResult& result);
  // The child failed to start, crashed, exited with an error or wrote an unreadable CSV.
  void failed(const QString& message);
  void cancelled();

 private:
  void readStderr();
  void takeLine(const QString& line);
  void childFinished(int exitCode, QProcess::ExitStatus status);
  void childError(QProcess::ProcessError error);
  void finish();
  QString lastErrorLines() const;

  QProcess* process_ = nullptr;  // one per sweep
  std::unique_ptr<QTemporaryDir> dir_;
  QTimer killTimer_;
  SweepRequest request_;
  QString csvPath_;
  QByteArray stderrPending_;  // an incomplete last line
  QStringList errorLines_;    // the last lines that are not progress
  int total_ = 0;
  bool cancelling_ = false;
};

}  // namespace rs::ui
