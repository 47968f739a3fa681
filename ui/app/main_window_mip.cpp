// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's Mobile IP parts (issue #6): the Registrations dock (one
// row per registration of the run, a selection shows its request in the
// packet list and its span in the timeline), the Security associations dock
// (the HAs' and MNs' SA tables at the current virtual time), Run > AAA
// server… and File > Export report's registration report; kept apart from main_window.cpp so the window's other parts change
// independently (docs/gui.md "Mobile IP runs").
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>

#include "ui/app/aaa_server_dialog.h"
#include "ui/app/aaa_server_settings.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_filter_proxy.h"
#include "ui/app/registration_report_export.h"
#include "ui/app/registration_table_model.h"
#include "ui/app/report_export_job.h"
#include "ui/app/run_export.h"
#include "ui/app/sa_table_pane.h"
#include "ui/app/status_task.h"
#include "ui/app/timeline_view.h"

namespace rs::ui {

namespace {

// The frame of the run captured at `timeNs` (the first one: a message is recorded once, on its sender's link).
int frameAt(const EmulationController& run, std::int64_t timeNs) {
  for (std::size_t i = 0; i < run.frameCount(); ++i)
    if (run.frame(i).timestampNs == timeNs) return static_cast<int>(i);
  return -1;
}

}  // namespace

void MainWindow::createAaaAction(QMenu* run) {
  // The stored choice is the default of every run of this session; the dialog changes it.
  controller_->setAaaServer(AaaServerChoice::load().server());
  run->addSeparator();
  run->addAction(tr("&AAA server…"), this, &MainWindow::chooseAaaServer)
      ->setToolTip(tr("Where a Mobile IP run's home agents send their RADIUS requests: embedded or an external server"));
}

QList<QDockWidget*> MainWindow::createMipDocks() {
  registrationModel_ = new RegistrationTableModel(*controller_, this);
  registrationView_ = new QTableView(this);
  registrationView_->setObjectName(QStringLiteral("registrationTable"));
  registrationView_->setModel(registrationModel_);
  registrationView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  registrationView_->setSelectionMode(QAbstractItemView::SingleSelection);
  registrationView_->setWordWrap(false);
  registrationView_->verticalHeader()->hide();
  registrationView_->horizontalHeader()->setStretchLastSection(true);
  connect(registrationModel_, &QAbstractItemModel::rowsInserted, registrationView_, &QTableView::resizeColumnsToContents);
  connect(registrationView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { focusRegistration(current.row()); });

  saTablePane_ = new SaTablePane(*controller_, this);
  saTablePane_->setObjectName(QStringLiteral("saTablePane"));

  auto* registrations = new QDockWidget(tr("Registrations"), this);
  registrations->setObjectName(QStringLiteral("registrationDock"));  // saveState()/restoreState() use the name
  registrations->setWidget(registrationView_);
  auto* sas = new QDockWidget(tr("Security associations"), this);
  sas->setObjectName(QStringLiteral("saDock"));
  sas->setWidget(saTablePane_);
  // Beside the Handoffs dock: a run has one or the other, and the tab shows which.
  auto* handoffs = findChild<QDockWidget*>(QStringLiteral("handoffDock"));
  addDockWidget(Qt::RightDockWidgetArea, registrations);
  addDockWidget(Qt::RightDockWidgetArea, sas);
  if (handoffs) tabifyDockWidget(handoffs, registrations);
  if (auto* trace = findChild<QDockWidget*>(QStringLiteral("traceDock"))) tabifyDockWidget(trace, sas);
  // Raise the docks that matter for the run just loaded (restoreState() keeps whatever a user arranged).
  connect(controller_, &EmulationController::cleared, this, [this, registrations, handoffs] {
    if (controller_->mipNetwork())
      registrations->raise();
    else if (controller_->isLoaded() && handoffs)
      handoffs->raise();
  });
  return {registrations, sas};
}

void MainWindow::focusRegistration(int row) {
  const mipreg::RegistrationRecord* record = registrationModel_->record(row);
  if (!record || activeSource_ != controller_) return;
  // An open registration has no end yet: show it up to now.
  const std::int64_t end = record->endNs > record->startNs ? record->endNs : static_cast<std::int64_t>(controller_->now());
  timelineView_->focusSpan(record->startNs, std::max(end, record->startNs));
  const auto request = record->steps.find(mipreg::Step::Request);
  if (request == record->steps.end()) return;
  const int packet = viewRowOfFrame(frameAt(*controller_, request->second));
  if (packet < 0) return;  // not captured yet, or filtered out
  packetView_->selectRow(packet);
  packetView_->scrollTo(packetFilter_->index(packet, 0), QAbstractItemView::PositionAtCenter);
}

bool MainWindow::mipReportActive() const {
  // Opened captures have no registration truth: their report stays the roam analysis'.
  return activeSource_ == controller_ && controller_->mipNetwork() != nullptr;
}

bool MainWindow::startRegistrationExport(const QString& path) {
  // A copy of the records: the run may go on while the worker writes.
  if (!exportJob_->start(controller_->registrations(), runRegistrationReportContext(*controller_), path)) {
    showError(tr("An export is already running: wait for it or cancel it."));
    return false;
  }
  exportTask_->start(true);
  statusBar()->showMessage(tr("Exporting the registration report to %1…").arg(path));
  return true;
}

bool MainWindow::exportRegistrationReport(const QString& path) {
  const auto error =
      rs::ui::exportRegistrationReport(controller_->registrations(), runRegistrationReportContext(*controller_), path);
  if (error) showError(*error);
  else statusBar()->showMessage(tr("Exported the registration report to %1").arg(path), 10000);
  return !error;
}

void MainWindow::chooseAaaServer() {
  // The stored choice, with this session's server (and a secret typed but not remembered) over it.
  AaaServerChoice choice = AaaServerChoice::load();
  if (const EmulationController::AaaServer& current = controller_->aaaServer(); current.external()) {
    choice.external = true;
    choice.host = current.host;
    choice.port = current.port;
    choice.secret = current.secret;
  } else {
    choice.external = false;
  }
  AaaServerDialog dialog(choice, this);
  if (dialog.exec() != QDialog::Accepted) return;
  dialog.choice().save();
  controller_->setAaaServer(dialog.choice().server());
  statusBar()->showMessage(tr("AAA server: %1 — applies when a scenario is next loaded or reset")
                               .arg(dialog.choice().external ? dialog.choice().host : tr("embedded")),
                           10000);
}

}  // namespace rs::ui
