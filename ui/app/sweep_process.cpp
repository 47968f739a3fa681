// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/sweep_process.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "ui/report/sweep_csv.h"
#include "ui/report/sweep_series.h"

namespace rs::ui {

SweepProcess::SweepProcess(QObject* parent) : QObject(parent) {
  killTimer_.setSingleShot(true);
  killTimer_.setInterval(kKillAfterMs);
  connect(&killTimer_, &QTimer::timeout, this, [this] {
    if (isRunning()) process_->kill();
  });
}

SweepProcess::~SweepProcess() {
  if (!isRunning()) return;
  process_->disconnect(this);
  process_->kill();
  process_->waitForFinished(kKillAfterMs);
}

bool SweepProcess::start(const QString& cli, const SweepRequest& request, QString* error) {
  if (isRunning()) {
    if (error) *error = tr("A sweep is running: cancel it or wait for it to finish.");
    return false;
  }
  auto dir = std::make_unique<QTemporaryDir>();
  if (!dir->isValid()) {
    if (error) *error = tr("Cannot make a temporary folder for the sweep's table: %1").arg(dir->errorString());
    return false;
  }
  if (process_) process_->deleteLater();
  dir_ = std::move(dir);
  request_ = request;
  csvPath_ = dir_->filePath(QStringLiteral("sweep.csv"));
  stderrPending_.clear();
  errorLines_.clear();
  total_ = sweepRunCount(request);
  cancelling_ = false;
  process_ = new QProcess(this);
  // The Markdown table on stdout is the CSV again: not read, so it is not kept.
  process_->setStandardOutputFile(QProcess::nullDevice());
  connect(process_, &QProcess::readyReadStandardError, this, &SweepProcess::readStderr);
  connect(process_, &QProcess::finished, this, &SweepProcess::childFinished);
  connect(process_, &QProcess::errorOccurred, this, &SweepProcess::childError);
  process_->start(cli, sweepArguments(request, csvPath_));
  return true;
}

void SweepProcess::cancel() {
  if (!isRunning() || cancelling_) return;
  cancelling_ = true;
  process_->terminate();
  killTimer_.start();
}

void SweepProcess::readStderr() {
  stderrPending_ += process_->readAllStandardError();
  qsizetype end;
  while ((end = stderrPending_.indexOf('\n')) >= 0) {
    takeLine(QString::fromUtf8(stderrPending_.left(end)).trimmed());
    stderrPending_.remove(0, end + 1);
  }
}

void SweepProcess::takeLine(const QString& line) {
  if (line.isEmpty()) return;
  // sweep_runner.cpp's progress line: "run N/M: KEY=VALUE ...: R roams, F failed".
  static const QRegularExpression kProgress(QStringLiteral("^run (\\d+)/(\\d+): "));
  if (const auto match = kProgress.match(line); match.hasMatch()) {
    total_ = match.captured(2).toInt();
    emit progress(match.captured(1).toInt(), total_, line);
    return;
  }
  errorLines_.append(line);
  while (errorLines_.size() > kKeptErrorLines) errorLines_.removeFirst();
}

QString SweepProcess::lastErrorLines() const { return errorLines_.join(QLatin1Char('\n')); }

void SweepProcess::childError(QProcess::ProcessError error) {
  // The other errors end in finished(), which reports them.
  if (error != QProcess::FailedToStart) return;
  const QString message = tr("Could not start %1: %2").arg(process_->program(), process_->errorString());
  finish();
  emit failed(message);
}

void SweepProcess::childFinished(int exitCode, QProcess::ExitStatus status) {
  readStderr();
  if (!stderrPending_.isEmpty()) takeLine(QString::fromUtf8(stderrPending_).trimmed());
  stderrPending_.clear();
  const bool wasCancelled = cancelling_;
  if (wasCancelled) {
    finish();
    emit cancelled();
    return;
  }
  if (status == QProcess::CrashExit || exitCode != 0) {
    QString message = status == QProcess::CrashExit ? tr("roamscope-cli crashed during the sweep")
                                                    : tr("roamscope-cli failed (exit code %1)").arg(exitCode);
    if (!errorLines_.isEmpty()) message += QStringLiteral(": ") + lastErrorLines();
    finish();
    emit failed(message);
    return;
  }
  QFile file(csvPath_);
  if (!file.open(QIODevice::ReadOnly)) {
    const QString message = tr("The sweep finished but its table %1 cannot be read: %2").arg(csvPath_, file.errorString());
    finish();
    emit failed(message);
    return;
  }
  const QByteArray bytes = file.readAll();
  SweepCsvError csvError;
  auto table = parseSweepCsv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), &csvError);
  if (!table) {
    const QString message = tr("The sweep's table is not readable CSV (line %1: %2)")
                                .arg(csvError.line)
                                .arg(QString::fromStdString(csvError.message));
    finish();
    emit failed(message);
    return;
  }
  SweepResult result;
  result.csv = bytes.toStdString();
  result.report.scenario = request_.scenario.toStdString();
  for (const QString& axis : request_.axes) result.report.axes.push_back(axis.toStdString());
  result.report.header = std::move(table->header);
  result.report.rows = std::move(table->rows);
  addSweepSeries(result.report, static_cast<std::size_t>(request_.axes.size()));
  finish();
  emit succeeded(result);
}

void SweepProcess::finish() {
  killTimer_.stop();
  cancelling_ = false;
  dir_.reset();  // the CSV was read: nothing is left behind
}

}  // namespace rs::ui
