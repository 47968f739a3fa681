// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RoamScope's main window: the packet list in the middle, the packet details,
// bytes, handoffs and trace as dock widgets, the run controls (run, pause,
// step, run to breakpoint, reset) in a toolbar and the Run menu, and the run's
// virtual time, executed events and next event in the status bar. Layout and
// last scenario persist in QSettings (the application's organization/name).
#include <QMainWindow>
#include <QStringList>

#include "ui/app/decryption_keys.h"
#include "ui/app/report_export.h"


class QAction;
class QComboBox;
class QDockWidget;
class QMenu;
class QToolBar;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QTableView;
class QToolButton;
class QTreeView;

namespace rs::ui {

class CaptureDocument;
class BreakpointPane;
class EmulationController;
class FrameSource;
class HandoffTableModel;
class LatencyPlotsWidget;
class ParameterEditor;
class ScenarioView;
class SweepController;
class PacketFilterProxy;
class ReportExportJob;
class StatusTask;
class HexView;
class PacketDetailsModel;
class PacketListModel;
class RegistrationTableModel;
class SaTablePane;
class TimelineView;
class TracePane;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  EmulationController& controller() { return *controller_; }
  CaptureDocument& captureDocument() { return *captureDocument_; }
  // What the packet list, details and handoff table show: the emulated run or the opened captures.
  FrameSource* activeSource() const { return activeSource_; }
  // Loads `path` (errors go to the status bar); remembered as the last scenario when it loads.
  bool openScenario(const QString& path);
  // Opens capture files (several are merged by timestamp) with the key manager's keys; they are read in
  // the background with a progress bar and Cancel. False when the keys are unusable.
  bool openCaptures(const QStringList& paths);
  // Opens `paths` as the command line and drag and drop do: one .json file is a scenario, anything else
  // captures.
  bool openPaths(const QStringList& paths);
  const DecryptionKeys& decryptionKeys() const { return keys_; }
  // Edit > Decryption keys without the dialog (tests): re-reads open captures with the new keys.
  void setDecryptionKeys(const DecryptionKeys& keys);
  // The recently opened captures, newest first (each entry is the list of files opened together).
  QList<QStringList> recentCaptures() const;
  void saveSettings() const;
  // File > Save capture as / Export report, without the dialog (tests, scripts); errors go to the status bar.
  bool saveCapture(const QString& path);
  bool exportReport(const QString& path);
  // Selects the first packet of the handoff in row `row` of the handoff table and shows the handoff in the timeline.
  void focusHandoff(int row);

  // For tests and the screenshot script: the parts a user looks at.
  PacketListModel* packetModel() const { return packetModel_; }
  QTableView* packetView() const { return packetView_; }
  // The display filter above the packet list; applyDisplayFilter is what Enter in it does.
  QLineEdit* filterEdit() const { return filterEdit_; }
  PacketFilterProxy* packetFilter() const { return packetFilter_; }
  bool applyDisplayFilter(const QString& text);
  // The packet-list row (in the filtered view) of frame `frame`, -1 when filtered out.
  int viewRowOfFrame(int frame) const;
  PacketDetailsModel* detailsModel() const { return detailsModel_; }
  QTreeView* detailsView() const { return detailsView_; }
  HexView* hexView() const { return hexView_; }
  HandoffTableModel* handoffModel() const { return handoffModel_; }
  QComboBox* definitionBox() const { return definitionBox_; }
  TracePane* tracePane() const { return tracePane_; }
  LatencyPlotsWidget* latencyPlots() const { return latencyPlots_; }
  TimelineView* timelineView() const { return timelineView_; }
  QLineEdit* breakpointEdit() const { return breakpointEdit_; }
  QString statusText() const;
  QProgressBar* loadProgressBar() const;
  // File > Export report as the menu does it: in the background (busy bar, Cancel); the result comes in
  // the status bar. False when nothing could start (no report to make, an export already running).
  bool startReportExport(const QString& path);
  ReportExportJob* reportExportJob() const { return exportJob_; }

  // Stepping and breakpoints (docs/gui.md "Stepping and breakpoints"): the protocol "Step to protocol"
  // (F11) runs to, the speed combo (persisted), the Breakpoints dock.
  QComboBox* protocolBox() const { return protocolBox_; }
  QComboBox* speedBox() const { return speedBox_; }
  BreakpointPane* breakpointPane() const { return breakpointPane_; }
  // The Scenario dock (docs/gui.md "Scenario view").
  ScenarioView* scenarioView() const { return scenarioView_; }
  ParameterEditor* parameterEditor() const { return parameterEditor_; }
  // Run > Sweep… and the Sweep dock (docs/gui.md "Sweeps").
  SweepController* sweep() const { return sweep_; }
  // Mobile IP runs (docs/gui.md "Mobile IP runs", main_window_mip.cpp): the Registrations and Security
  // associations docks.
  RegistrationTableModel* registrationModel() const { return registrationModel_; }
  QTableView* registrationView() const { return registrationView_; }
  SaTablePane* saTablePane() const { return saTablePane_; }
  // Selects the Registration Request of the registration in row `row` and shows the registration in the timeline.
  void focusRegistration(int row);
  // Go menu: moves the packet-list selection by `delta` rows (clamped), or to packet number `number`
  // (1-based, as the No. column) when it is shown; false when there is no such row.
  bool selectPacketRow(int row);
  bool goToPacket(int number);

 signals:
  // The views switched between the emulated run and the opened captures.
  void activeSourceChanged(FrameSource* source);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createActions();
  void createDocks();
  // The stepping part of the Run menu and toolbar (step to protocol, speed) and the Go menu.
  void createSteppingActions(QMenu* run, QToolBar* bar);
  void createNavigationActions();
  // The Breakpoints and Scenario docks; returns them for the View menu.
  QList<QDockWidget*> createSteppingDocks();
  // Run > Sweep… (main_window_sweep.cpp) and the Sweep dock.
  void createSweepAction(QMenu* run);
  QDockWidget* createSweepDock();
  // Run > AAA server… and the Registrations and Security associations docks (main_window_mip.cpp).
  void createAaaAction(QMenu* run);
  QList<QDockWidget*> createMipDocks();
  void chooseAaaServer();
  // File > Export report on a Mobile IP run writes the registration report (as `simulate --report`).
  bool mipReportActive() const;
  bool startRegistrationExport(const QString& path);
  bool exportRegistrationReport(const QString& path);
  void setSpeedIndex(int index);
  void restoreSettings();
  void showPacket(int row);
  void highlightField(const QModelIndex& field);
  void updateState();
  void showError(const QString& message);
  void chooseScenario();
  void chooseCaptures();
  void editDecryptionKeys();
  void setActiveSource(FrameSource* source);
  void rememberRecentCaptures(const QStringList& paths);
  void rebuildRecentMenu();
  void captureLoadFinished(bool cancelled);
  void showFilterResult(bool cancelled);
  // The records' report context and extras of the active source, or why there is no report to make.
  std::optional<QString> reportInputs(roam::ReportContext& context, ReportExtras& extras) const;
  void reportExportFinished(const QString& path, const QString& error, bool cancelled);
  void chooseCaptureFile();
  void chooseReportFile();

  EmulationController* controller_;
  CaptureDocument* captureDocument_;
  FrameSource* activeSource_;
  DecryptionKeys keys_;
  PacketListModel* packetModel_;
  QTableView* packetView_;
  PacketFilterProxy* packetFilter_;
  QLineEdit* filterEdit_;
  PacketDetailsModel* detailsModel_;
  QTreeView* detailsView_;
  HexView* hexView_;
  HandoffTableModel* handoffModel_;
  QComboBox* definitionBox_ = nullptr;
  TracePane* tracePane_;
  LatencyPlotsWidget* latencyPlots_ = nullptr;
  TimelineView* timelineView_ = nullptr;
  QLineEdit* breakpointEdit_ = nullptr;

  QAction* runAction_ = nullptr;
  QAction* pauseAction_ = nullptr;
  QAction* stepAction_ = nullptr;
  QAction* breakpointAction_ = nullptr;
  QAction* resetAction_ = nullptr;
  QAction* protocolStepAction_ = nullptr;
  QComboBox* protocolBox_ = nullptr;
  QComboBox* speedBox_ = nullptr;
  BreakpointPane* breakpointPane_ = nullptr;
  ScenarioView* scenarioView_ = nullptr;
  ParameterEditor* parameterEditor_ = nullptr;
  SweepController* sweep_ = nullptr;
  RegistrationTableModel* registrationModel_ = nullptr;
  QTableView* registrationView_ = nullptr;
  SaTablePane* saTablePane_ = nullptr;

  bool followTail_ = true;

  QLabel* timeLabel_;
  QLabel* eventsLabel_;
  QLabel* nextLabel_;
  StatusTask* loadTask_;
  StatusTask* filterTask_;
  StatusTask* exportTask_;
  ReportExportJob* exportJob_;
  QString filterText_;  // the filter whose result the status bar has yet to report (null: reported)
  QMenu* recentMenu_ = nullptr;
};

}  // namespace rs::ui
