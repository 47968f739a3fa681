// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/sweep_controller.h"

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include "ui/app/emulation_controller.h"
#include "ui/app/resource_paths.h"
#include "ui/app/roamscope_cli_path.h"
#include "ui/app/status_task.h"
#include "ui/app/sweep_dialog.h"
#include "ui/app/sweep_pane.h"
#include "ui/app/sweep_process.h"

namespace rs::ui {

namespace {
constexpr int kMessageMs = 20000;
}

SweepController::SweepController(QMainWindow& window, const EmulationController& emulation)
    : QObject(&window),
      window_(window),
      emulation_(emulation),
      sweepAction_(new QAction(tr("S&weep…"), this)),
      pane_(new SweepPane(&window)),
      process_(new SweepProcess(this)),
      task_(new StatusTask(*window.statusBar(), QStringLiteral("sweepProgress"), QString(), tr("Cancel sweep"),
                           tr("Stop the sweep's roamscope-cli; nothing of it is shown"))) {
  pane_->setObjectName(QStringLiteral("sweepPane"));
  sweepAction_->setToolTip(tr("Run the scenario over values of one or two parameters in the background; "
                              "the table and plot appear in the Sweep dock"));
  connect(sweepAction_, &QAction::triggered, this, &SweepController::openDialog);

  task_->cancelButton()->setObjectName(QStringLiteral("sweepCancel"));
  connect(task_, &StatusTask::cancelRequested, this, &SweepController::cancel);

  connect(process_, &SweepProcess::progress, this, [this](int done, int total) { showProgress(done, total); });
  connect(process_, &SweepProcess::succeeded, this, &SweepController::finished);
  connect(process_, &SweepProcess::failed, this, [this](const QString& message) {
    stopProgress();
    report(tr("Sweep failed — %1. Check the key and values in Run > Sweep… and start again.").arg(message));
  });
  connect(process_, &SweepProcess::cancelled, this, [this] {
    stopProgress();
    window_.statusBar()->showMessage(tr("Sweep cancelled: nothing of it is shown."), kMessageMs);
  });
  connect(pane_, &SweepPane::statusMessage, this,
          [this](const QString& message) { window_.statusBar()->showMessage(message, kMessageMs); });
}

SweepDialog* SweepController::openDialog() {
  if (dialog_) {
    dialog_->raise();
    dialog_->activateWindow();
    return dialog_;
  }
  const QString loaded = emulation_.scenarioPath();
  dialog_ = new SweepDialog(loaded.isEmpty() ? demoScenarioPath() : loaded, &window_);
  dialog_->setAttribute(Qt::WA_DeleteOnClose);
  // What the scenario dock's editor changed in the loaded run holds in the sweep too.
  if (!loaded.isEmpty()) dialog_->setEditorChanges(loaded, fixedParameters(emulation_.scenarioOverrides()));
  connect(dialog_, &QDialog::accepted, this, [this] {
    if (dialog_) start(dialog_->request());
  });
  dialog_->open();
  return dialog_;
}

bool SweepController::start(const SweepRequest& request) {
  if (isRunning()) {
    report(tr("A sweep is running: cancel it or wait for it to finish."));
    return false;
  }
  if (const auto error = checkSweepRequest(request)) {
    report(tr("Sweep not started — %1").arg(*error));
    return false;
  }
  const CliLocation cli = locateRoamscopeCli();
  if (cli.path.isEmpty()) {
    report(tr("Sweep not started — %1").arg(cli.error));
    return false;
  }
  // The bar first: a child that cannot even start reports it (failed) from inside start().
  task_->start();
  showProgress(0, sweepRunCount(request));
  sweepAction_->setEnabled(false);
  window_.statusBar()->showMessage(
      tr("Sweeping %1 over %2…").arg(QFileInfo(request.scenario).fileName(), request.axes.join(QStringLiteral("; "))));
  QString error;
  if (!process_->start(cli.path, request, &error)) {
    stopProgress();
    report(tr("Sweep not started — %1").arg(error));
    return false;
  }
  return true;
}

SweepDialog* SweepController::dialog() const { return dialog_; }

QProgressBar* SweepController::progressBar() const { return task_->progressBar(); }

QToolButton* SweepController::cancelButton() const { return task_->cancelButton(); }

void SweepController::cancel() { process_->cancel(); }

bool SweepController::isRunning() const { return process_->isRunning(); }

void SweepController::report(const QString& message) {
  // The status bar is one line; the dock's note wraps and keeps the child's lines apart.
  window_.statusBar()->showMessage(QString(message).replace(QLatin1Char('\n'), QStringLiteral(" / ")), kMessageMs);
  pane_->showNote(message);
}

void SweepController::showProgress(int done, int total) {
  task_->setProgress(done, std::max(total, 1));
  task_->setText(tr("sweep %1/%2 runs").arg(done).arg(total));
}

void SweepController::stopProgress() {
  task_->finish();
  sweepAction_->setEnabled(true);
}

void SweepController::finished(const SweepResult& result) {
  stopProgress();
  pane_->showResult(result);
  window_.statusBar()->showMessage(tr("Sweep done: %1 row(s) in the Sweep dock").arg(result.report.rows.size()), kMessageMs);
  emit resultShown();
}

}  // namespace rs::ui
