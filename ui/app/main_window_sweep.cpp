// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's sweep: Run > Sweep… and the Sweep dock (docs/gui.md
// "Sweeps"); the work is SweepController's. Kept apart from main_window.cpp
// so the window's other parts change independently.
#include <QDockWidget>
#include <QMenu>

#include "ui/app/main_window.h"
#include "ui/app/sweep_controller.h"
#include "ui/app/sweep_pane.h"

namespace rs::ui {

void MainWindow::createSweepAction(QMenu* run) {
  sweep_ = new SweepController(*this, *controller_);
  run->addSeparator();
  run->addAction(sweep_->sweepAction());
}

QDockWidget* MainWindow::createSweepDock() {
  auto* dock = new QDockWidget(tr("Sweep"), this);
  dock->setObjectName(QStringLiteral("sweepDock"));  // saveState()/restoreState() identify docks by name
  dock->setWidget(sweep_->pane());
  addDockWidget(Qt::BottomDockWidgetArea, dock);
  // A finished sweep is what the user waited for: show it.
  connect(sweep_, &SweepController::resultShown, dock, [dock] {
    dock->show();
    dock->raise();
  });
  return dock;
}

}  // namespace rs::ui
