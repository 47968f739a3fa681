// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RoamScope's main window: the packet list in the middle, the packet details,
// bytes, handoffs and trace as dock widgets, the run controls (run, pause,
// step, run to breakpoint, reset) in a toolbar and the Run menu, and the run's
// virtual time, executed events and next event in the status bar. Layout and
// last scenario persist in QSettings (the application's organization/name).
#include <QMainWindow>


class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTreeView;

namespace rs::ui {

class EmulationController;
class HandoffTableModel;
class PacketFilterProxy;
class HexView;
class PacketDetailsModel;
class PacketListModel;
class TimelineView;
class TracePane;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  EmulationController& controller() { return *controller_; }
  // Loads `path` (errors go to the status bar); remembered as the last scenario when it loads.
  bool openScenario(const QString& path);
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
  TimelineView* timelineView() const { return timelineView_; }
  QLineEdit* breakpointEdit() const { return breakpointEdit_; }
  QString statusText() const;

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createDocks();
  void restoreSettings();
  void showPacket(int row);
  void highlightField(const QModelIndex& field);
  void updateState();
  void showError(const QString& message);
  void chooseScenario();
  void chooseCaptureFile();
  void chooseReportFile();

  EmulationController* controller_;
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
  TimelineView* timelineView_ = nullptr;
  QLineEdit* breakpointEdit_ = nullptr;

  QAction* runAction_ = nullptr;
  QAction* pauseAction_ = nullptr;
  QAction* stepAction_ = nullptr;
  QAction* breakpointAction_ = nullptr;
  QAction* resetAction_ = nullptr;

  bool followTail_ = true;

  QLabel* timeLabel_;
  QLabel* eventsLabel_;
  QLabel* nextLabel_;
};

}  // namespace rs::ui
