// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/status_task.h"

#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace rs::ui {

namespace {
// Progress is shown in thousandths, so totals beyond int (bytes of large files) fit the bar.
constexpr int kSteps = 1000;
}  // namespace

StatusTask::StatusTask(QStatusBar& bar, const QString& objectName, const QString& format, const QString& cancelText,
                       const QString& cancelToolTip)
    : QObject(&bar), progress_(new QProgressBar(&bar)), cancel_(new QToolButton(&bar)) {
  progress_->setObjectName(objectName);
  progress_->setMaximumWidth(220);
  progress_->setFormat(format);
  cancel_->setText(cancelText);
  cancel_->setToolTip(cancelToolTip);
  bar.addPermanentWidget(progress_);
  bar.addPermanentWidget(cancel_);
  progress_->hide();
  cancel_->hide();
  connect(cancel_, &QToolButton::clicked, this, &StatusTask::cancelRequested);
}

void StatusTask::start(bool busy) {
  progress_->setRange(0, busy ? 0 : kSteps);  // 0..0: Qt's busy indicator
  progress_->setValue(0);
  progress_->show();
  cancel_->show();
}

void StatusTask::setProgress(qint64 done, qint64 total) {
  progress_->setValue(total > 0 ? static_cast<int>(done * kSteps / total) : 0);
}

void StatusTask::finish() {
  progress_->hide();
  cancel_->hide();
}

void StatusTask::setText(const QString& format) { progress_->setFormat(format); }

bool StatusTask::isShown() const { return !progress_->isHidden(); }

}  // namespace rs::ui
