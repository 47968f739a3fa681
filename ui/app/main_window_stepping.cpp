// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's stepping controls (step to protocol, speed), its Go menu
// and its Breakpoints and Scenario docks; kept apart from main_window.cpp so
// the window's other parts change independently (docs/gui.md "Stepping and
// breakpoints", "Scenario view").
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include "ui/app/breakpoint_pane.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_filter_proxy.h"
#include "ui/app/packet_list_model.h"
#include "ui/app/parameter_editor.h"
#include "ui/app/scenario_view.h"

namespace rs::ui {

namespace {

constexpr auto kSpeedKey = "run/speed";

// Virtual seconds per wall second; 0 first: as fast as possible (the default).
constexpr double kSpeeds[] = {0, 0.01, 0.1, 1, 10, 100};

// The protocols the emulations' frames show in the Protocol column (WLAN, then Mobile IP's registrations and
// agent advertisements); the box is editable for others.
const QStringList& knownProtocols() {
  static const QStringList kProtocols{QStringLiteral("EAPOL"),    QStringLiteral("EAP"),     QStringLiteral("RADIUS"),
                                      QStringLiteral("802.11"),   QStringLiteral("SEED000"), QStringLiteral("UDP"),
                                      QStringLiteral("LLC"),      QStringLiteral("MobileIP"), QStringLiteral("ICMP")};
  return kProtocols;
}

}  // namespace

void MainWindow::createSteppingActions(QMenu* run, QToolBar* bar) {
  protocolBox_ = new QComboBox(this);
  protocolBox_->setObjectName(QStringLiteral("stepProtocol"));
  protocolBox_->setEditable(true);
  protocolBox_->setInsertPolicy(QComboBox::NoInsert);
  protocolBox_->addItems(knownProtocols());
  protocolBox_->setToolTip(tr("The protocol \"Step to protocol\" runs to, as the packet list's Protocol column shows it"));
  protocolStepAction_ = new QAction(tr("Step to &protocol"), this);
  protocolStepAction_->setShortcut(Qt::Key_F11);
  protocolStepAction_->setToolTip(tr("Run until the next frame of the chosen protocol is captured (F11)"));
  connect(protocolStepAction_, &QAction::triggered, this,
          [this] { controller_->stepToProtocol(protocolBox_->currentText()); });
  connect(protocolBox_->lineEdit(), &QLineEdit::returnPressed, protocolStepAction_, &QAction::trigger);
  connect(controller_, &EmulationController::protocolReached, this, [this](const QString& protocol, qsizetype frame) {
    const int row = viewRowOfFrame(static_cast<int>(frame));
    if (row >= 0) selectPacketRow(row);
    statusBar()->showMessage(tr("Stopped after frame %1, the next %2 frame").arg(frame + 1).arg(protocol), 10000);
  });

  speedBox_ = new QComboBox(this);
  speedBox_->setObjectName(QStringLiteral("runSpeed"));
  for (double speed : kSpeeds)
    speedBox_->addItem(speed == 0 ? tr("As fast as possible") : tr("%1× real time").arg(speed), speed);
  speedBox_->setToolTip(tr("Virtual time per wall time of Run (Ctrl+Shift+Up faster, Ctrl+Shift+Down slower)"));
  connect(speedBox_, &QComboBox::currentIndexChanged, this, &MainWindow::setSpeedIndex);
  const double saved = QSettings().value(kSpeedKey, 0.0).toDouble();
  const int savedIndex = speedBox_->findData(saved);
  speedBox_->setCurrentIndex(savedIndex >= 0 ? savedIndex : 0);
  setSpeedIndex(speedBox_->currentIndex());
  QAction* faster = new QAction(tr("&Faster"), this);
  faster->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Up);
  connect(faster, &QAction::triggered, this,
          [this] { speedBox_->setCurrentIndex(std::min(speedBox_->currentIndex() + 1, speedBox_->count() - 1)); });
  QAction* slower = new QAction(tr("S&lower"), this);
  slower->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Down);
  connect(slower, &QAction::triggered, this,
          [this] { speedBox_->setCurrentIndex(std::max(speedBox_->currentIndex() - 1, 0)); });

  run->insertAction(breakpointAction_, protocolStepAction_);
  run->addSeparator();
  run->addActions({faster, slower});
  bar->addSeparator();
  bar->addWidget(protocolBox_);
  bar->addAction(protocolStepAction_);
  bar->addSeparator();
  bar->addWidget(new QLabel(tr(" Speed "), this));
  bar->addWidget(speedBox_);
}

void MainWindow::setSpeedIndex(int index) {
  if (index < 0) return;
  const double speed = speedBox_->itemData(index).toDouble();
  controller_->setSpeed(speed);
  QSettings().setValue(kSpeedKey, speed);
}

void MainWindow::createNavigationActions() {
  QMenu* go = menuBar()->addMenu(tr("&Go"));
  auto add = [&](const QString& text, const QKeySequence& key, auto slot) {
    QAction* action = go->addAction(text, this, slot);
    action->setShortcut(key);
    return action;
  };
  const auto current = [this] { return packetView_->currentIndex().isValid() ? packetView_->currentIndex().row() : -1; };
  add(tr("&Next packet"), QKeySequence(Qt::CTRL | Qt::Key_Down), [this, current] { selectPacketRow(current() + 1); });
  add(tr("&Previous packet"), QKeySequence(Qt::CTRL | Qt::Key_Up),
      [this, current] { selectPacketRow(std::max(current() - 1, 0)); });
  add(tr("&First packet"), QKeySequence(Qt::CTRL | Qt::Key_Home), [this] { selectPacketRow(0); });
  add(tr("&Last packet"), QKeySequence(Qt::CTRL | Qt::Key_End),
      [this] { selectPacketRow(packetFilter_->rowCount() - 1); });
  add(tr("&Go to packet…"), QKeySequence(Qt::CTRL | Qt::Key_G), [this] {
    bool ok = false;
    const int number = QInputDialog::getInt(this, tr("Go to packet"), tr("Packet number:"), 1, 1,
                                            std::max(1, packetModel_->rowCount()), 1, &ok);
    if (ok && !goToPacket(number)) statusBar()->showMessage(tr("Packet %1 is not shown (filtered out?)").arg(number), 5000);
  });
  go->addSeparator();
  add(tr("Display &filter"), QKeySequence(Qt::CTRL | Qt::Key_Slash), [this] {
    filterEdit_->setFocus();
    filterEdit_->selectAll();
  });
  add(tr("&Breakpoints"), QKeySequence(Qt::CTRL | Qt::Key_B), [this] {
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("breakpointDock"))) {
      dock->show();
      dock->raise();
    }
    breakpointPane_->valueBox()->setFocus();
  });
}

bool MainWindow::selectPacketRow(int row) {
  if (row < 0 || row >= packetFilter_->rowCount()) return false;
  packetView_->selectRow(row);
  packetView_->scrollTo(packetFilter_->index(row, 0));
  return true;
}

bool MainWindow::goToPacket(int number) { return selectPacketRow(viewRowOfFrame(number - 1)); }

QList<QDockWidget*> MainWindow::createSteppingDocks() {
  breakpointPane_ = new BreakpointPane(*controller_, this);
  auto* breakpoints = new QDockWidget(tr("Breakpoints"), this);
  breakpoints->setObjectName(QStringLiteral("breakpointDock"));
  breakpoints->setWidget(breakpointPane_);

  scenarioView_ = new ScenarioView(*controller_, this);
  parameterEditor_ = new ParameterEditor(*controller_, this);
  auto* split = new QSplitter(Qt::Vertical, this);
  // The editor scrolls, so the drawing keeps most of the dock's height.
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(parameterEditor_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  split->addWidget(scenarioView_);
  split->addWidget(scroll);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  split->setSizes({340, 220});
  auto* scenario = new QDockWidget(tr("Scenario"), this);
  scenario->setObjectName(QStringLiteral("scenarioDock"));
  scenario->setWidget(split);

  addDockWidget(Qt::LeftDockWidgetArea, scenario);
  addDockWidget(Qt::LeftDockWidgetArea, breakpoints);
  resizeDocks({scenario}, {420}, Qt::Horizontal);
  resizeDocks({scenario, breakpoints}, {560, 200}, Qt::Vertical);
  return {breakpoints, scenario};
}

}  // namespace rs::ui
