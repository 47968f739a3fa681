// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Latency plots dock: tabs with the latency per handoff over time, the
// cumulative distribution per method, the stacked phase breakdown and a
// comparison of a pinned run with the current one, drawn by the same
// functions as the HTML report's figures (ui/plots). It reads a FrameSource
// (the emulated run or opened captures) and redraws when its handoffs
// change, coalesced by one timer so a running emulation does not redraw per
// event (STYLE.md, GUI). Only one emulated network can exist at a time, so
// two runs are compared by pinning a copy of one run's records and then
// running (or opening) the other. A Mobile IP run has no handoffs: the dock
// shows its registration plots instead (latency over time, hop breakdown, as
// the registration report draws them), redrawn as its registrations change.
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/analysis/roam/handoff_record.h"

class QAction;
class QCustomPlot;
class QStackedWidget;
class QTabWidget;

namespace rs::ui {

class FrameSource;

class LatencyPlotsWidget : public QWidget {
  Q_OBJECT

 public:
  enum Tab { TimelineTab, CdfTab, PhasesTab, ComparisonTab, TabCount };
  // The tabs of registrationTabs(), shown in place of tabs() on a Mobile IP run.
  enum RegistrationTab { RegistrationLatencyTab, RegistrationHopsTab, RegistrationTabCount };
  // How long handoff changes are collected before one redraw.
  static constexpr int kRedrawDelayMs = 200;

  explicit LatencyPlotsWidget(QWidget* parent = nullptr);
  ~LatencyPlotsWidget() override;

  // Shows another source's handoffs (an opened capture instead of the run, and back), or the
  // registrations of a Mobile IP run (the EmulationController with a mipNetwork()); null shows none.
  void setSource(FrameSource* source);
  FrameSource* source() const { return source_; }
  roam::Definition definition() const { return definition_; }
  // The current run's name (scenario or capture file) in the comparison's legend; a pin takes it along.
  void setRunLabel(const QString& label);
  QString runLabel() const { return runLabel_; }

  bool hasPin() const { return pinned_.has_value(); }
  QString pinnedLabel() const;
  // The pinned copy; empty without a pin.
  const std::vector<roam::HandoffRecord>& pinnedRecords() const;

  // Writes the current tab as PNG or SVG (by extension) at `size`; an invalid size takes each plot's size on
  // screen (the report's figure size when the dock is hidden), stacked. nullopt on success, else the error.
  std::optional<QString> exportCurrentPlot(const QString& path, QSize size = {});

  // For tests and the main window's menus.
  QTabWidget* tabs() const { return tabs_; }
  QCustomPlot* timelinePlot() const { return timeline_; }
  QCustomPlot* cdfPlot() const { return cdf_; }
  QCustomPlot* phasePlot() const { return phases_; }
  QCustomPlot* comparisonTimelinePlot() const { return compareTimeline_; }
  QCustomPlot* comparisonCdfPlot() const { return compareCdf_; }
  QTabWidget* registrationTabs() const { return registrationTabs_; }
  QCustomPlot* registrationLatencyPlot() const { return registrationLatency_; }
  QCustomPlot* registrationHopsPlot() const { return registrationHops_; }
  // True while the source is a Mobile IP run: registrationTabs() is shown instead of tabs().
  bool showsRegistrations() const;
  // The plots the current tab shows, left to right (an exported file stacks them top to bottom).
  QList<QCustomPlot*> currentPlots() const;
  bool isRedrawPending() const { return redrawTimer_.isActive(); }
  QAction* pinAction() const { return pinAction_; }
  QAction* clearPinAction() const { return clearPinAction_; }
  QAction* exportPlotAction() const { return exportPlotAction_; }

 public slots:
  // The latency definition of the Handoffs dock's combo box.
  void setDefinition(roam::Definition definition);
  // Keeps a copy of the current source's handoffs under runLabel() for the comparison tab (replacing an
  // earlier pin); refused with a message when there are none.
  void pinCurrentRun();
  void clearPin();
  // Refills every plot now (the timer calls it; tests may too).
  void redrawNow();
  // "Export plot…": asks for a file, then exportCurrentPlot.
  void chooseExportFile();

 signals:
  // What happened, for the status bar.
  void statusMessage(const QString& message);
  void errorOccurred(const QString& message);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct PinnedRun {
    QString label;
    std::vector<roam::HandoffRecord> records;
    std::int64_t originNs = 0;
  };

  void scheduleRedraw();
  void applyTheme();
  // Both the roam and the registration plots: the theme and the context menu reach every one.
  QList<QCustomPlot*> allPlots() const;

  QPointer<FrameSource> source_;
  roam::Definition definition_ = roam::Definition::ReassocToLastKey;
  QString runLabel_;
  std::optional<PinnedRun> pinned_;

  QTabWidget* tabs_;
  QCustomPlot* timeline_;
  QCustomPlot* cdf_;
  QCustomPlot* phases_;
  QCustomPlot* compareTimeline_;
  QCustomPlot* compareCdf_;
  QTabWidget* registrationTabs_;
  QCustomPlot* registrationLatency_;
  QCustomPlot* registrationHops_;
  QStackedWidget* stack_;
  QAction* pinAction_;
  QAction* clearPinAction_;
  QAction* exportPlotAction_;
  QTimer redrawTimer_;
};

}  // namespace rs::ui
