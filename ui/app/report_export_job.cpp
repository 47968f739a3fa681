// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/report_export_job.h"

#include <QEventLoop>
#include <QFile>
#include <QMetaObject>

#include "ui/app/registration_report_export.h"

namespace rs::ui {

ReportExportJob::ReportExportJob(QObject* parent) : QObject(parent) {}

ReportExportJob::~ReportExportJob() {
  cancel();
  waitForFinished();
}

bool ReportExportJob::start(std::vector<roam::HandoffRecord> records, roam::ReportContext context, const QString& path,
                            ReportExtras extras) {
  if (isRunning()) return false;
  return startWork(path, [records = std::move(records), context = std::move(context), path,
                          extras = std::move(extras)] { return exportRoamReport(records, context, path, extras); });
}

bool ReportExportJob::start(std::vector<mipreg::RegistrationRecord> records, mipreg::RegistrationReportContext context,
                            const QString& path) {
  if (isRunning()) return false;
  return startWork(path, [records = std::move(records), context = std::move(context), path] {
    return exportRegistrationReport(records, context, path);
  });
}

bool ReportExportJob::startWork(const QString& path, std::function<std::optional<QString>()> write) {
  if (isRunning()) return false;
  path_ = path;
  cancelled_ = false;
  worker_ = QThread::create([this, write = std::move(write)] {
    std::optional<QString> error = write();
    QMetaObject::invokeMethod(this, [this, error] { deliver(error); }, Qt::QueuedConnection);
  });
  worker_->start();
  return true;
}

void ReportExportJob::deliver(std::optional<QString> error) {
  if (worker_) {
    worker_->wait();  // it has posted its last call: returns at once
    delete worker_;
    worker_ = nullptr;
  }
  if (cancelled_ && !error) QFile::remove(path_);
  emit finished(path_, error.value_or(QString()), cancelled_);
}

void ReportExportJob::waitForFinished() {
  if (!isRunning()) return;
  // Not a plain join: the worker needs this thread for its plots. The loop ends when deliver() ran.
  QEventLoop loop;
  const auto connection = connect(this, &ReportExportJob::finished, &loop, &QEventLoop::quit);
  if (isRunning()) loop.exec();
  disconnect(connection);
}

}  // namespace rs::ui
