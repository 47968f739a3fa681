// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A piece of long work in the status bar: a progress bar with its text
// ("reading 42%", "filtering 7%", "exporting…") and the button that stops it.
// Hidden while idle. Reading captures, filtering and exporting each have one,
// so two kinds of work can run at once and each keeps its own Cancel.
#include <QObject>
#include <QString>

class QProgressBar;
class QStatusBar;
class QToolButton;

namespace rs::ui {

class StatusTask : public QObject {
  Q_OBJECT

 public:
  // Adds the bar and the button to `bar` (permanent widgets); `format` is QProgressBar's ("reading %p%").
  StatusTask(QStatusBar& bar, const QString& objectName, const QString& format, const QString& cancelText,
             const QString& cancelToolTip);

  // Shows the task with a determinate range, or busy (no known end) when `busy`.
  void start(bool busy = false);
  void setProgress(qint64 done, qint64 total);
  void finish();
  bool isShown() const;
  QProgressBar* progressBar() const { return progress_; }
  QToolButton* cancelButton() const { return cancel_; }
  // The bar's text, for work counted in its own units ("sweep 3/12 runs").
  void setText(const QString& format);

 signals:
  void cancelRequested();

 private:
  QProgressBar* progress_;
  QToolButton* cancel_;
};

}  // namespace rs::ui
