// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window's sweep (Run > Sweep…, docs/gui.md "Sweeps"): opens the
// dialog, finds roamscope-cli (roamscope_cli_path.h), runs it in the
// background (sweep_process.h) with a progress bar and Cancel in the status
// bar, and shows the result in the Sweep dock (sweep_pane.h). Errors — a
// refused request, no CLI, a failing child — go to the status bar and the
// dock's note, each saying what to do. The window's own run is never touched.
#include <QObject>
#include <QPointer>

#include "ui/app/sweep_request.h"

class QAction;
class QMainWindow;
class QProgressBar;
class QToolButton;

namespace rs::ui {

class StatusTask;

class EmulationController;
class SweepDialog;
class SweepPane;
class SweepProcess;
struct SweepResult;

class SweepController : public QObject {
  Q_OBJECT

 public:
  // Adds its progress bar and Cancel to `window`'s status bar; the dialog's default scenario is the one
  // `emulation` has loaded.
  SweepController(QMainWindow& window, const EmulationController& emulation);

  QAction* sweepAction() const { return sweepAction_; }
  SweepPane* pane() const { return pane_; }
  SweepProcess& process() const { return *process_; }
  QProgressBar* progressBar() const;
  QToolButton* cancelButton() const;

  // Run > Sweep…: the dialog, window-modal and not blocking; Start in it starts the sweep.
  SweepDialog* openDialog();
  SweepDialog* dialog() const;  // the open dialog, null when none is
  // Checks `request`, finds roamscope-cli and starts it. False, with the reason in the status bar and the
  // dock, when the request is refused, the CLI is missing or a sweep is running.
  bool start(const SweepRequest& request);
  void cancel();
  bool isRunning() const;

 signals:
  // A finished sweep's rows are in the dock (the window raises it).
  void resultShown();

 private:
  void report(const QString& message);
  void showProgress(int done, int total);
  void stopProgress();
  void finished(const SweepResult& result);

  QMainWindow& window_;
  const EmulationController& emulation_;
  QAction* sweepAction_;
  SweepPane* pane_;
  SweepProcess* process_;
  StatusTask* task_;
  QPointer<SweepDialog> dialog_;
};

}  // namespace rs::ui
