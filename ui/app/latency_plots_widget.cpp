// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/latency_plots_widget.h"

#include <qcustomplot.h>

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/app/emulation_controller.h"
#include "ui/app/frame_source.h"
#include "ui/app/plot_file_export.h"
#include "ui/plots/latency_cdf_plot.h"
#include "ui/plots/latency_timeline_plot.h"
#include "ui/plots/phase_breakdown_plot.h"
#include "ui/plots/plot_theme.h"
#include "ui/plots/registration_plots.h"
#include "ui/plots/run_comparison_plot.h"
#include "ui/report/html_tables.h"
#include "ui/report/plot_images.h"

namespace rs::ui {
namespace {

QCustomPlot* makePlot(QWidget* parent, const QString& name) {
  auto* plot = new QCustomPlot(parent);
  plot->setObjectName(name);
  plot->setMinimumSize(240, 160);
  // Drag and wheel-zoom to read a crowded region; the next redraw fits the axes to the data again.
  plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  // The dock's actions (pin, export) on right click as well.
  plot->setContextMenuPolicy(Qt::ActionsContextMenu);
  return plot;
}

// The Mobile IP run `source` is, or null (a WLAN run, captures, nothing).
const EmulationController* mipRun(const FrameSource* source) {
  const auto* run = qobject_cast<const EmulationController*>(source);
  return run && run->mipNetwork() ? run : nullptr;
}

QString defaultFileName(bool registrations, int tab) {
  if (registrations)
    return tab == LatencyPlotsWidget::RegistrationHopsTab ? QStringLiteral("registration-hops.png")
                                                          : QStringLiteral("registration-latency.png");
  switch (tab) {
    case LatencyPlotsWidget::TimelineTab: return QStringLiteral("latency-timeline.png");
    case LatencyPlotsWidget::CdfTab: return QStringLiteral("latency-cdf.png");
    case LatencyPlotsWidget::PhasesTab: return QStringLiteral("phase-breakdown.png");
    default: return QStringLiteral("latency-comparison.png");
  }
}

}  // namespace

LatencyPlotsWidget::LatencyPlotsWidget(QWidget* parent)
    : QWidget(parent),
      tabs_(new QTabWidget(this)),
      timeline_(makePlot(this, QStringLiteral("latencyTimelinePlot"))),
      cdf_(makePlot(this, QStringLiteral("latencyCdfPlot"))),
      phases_(makePlot(this, QStringLiteral("phaseBreakdownPlot"))),
      compareTimeline_(makePlot(this, QStringLiteral("comparisonTimelinePlot"))),
      compareCdf_(makePlot(this, QStringLiteral("comparisonCdfPlot"))),
      registrationTabs_(new QTabWidget(this)),
      registrationLatency_(makePlot(this, QStringLiteral("registrationLatencyPlot"))),
      registrationHops_(makePlot(this, QStringLiteral("registrationHopsPlot"))),
      stack_(new QStackedWidget(this)),
      pinAction_(new QAction(tr("&Pin run for comparison"), this)),
      clearPinAction_(new QAction(tr("&Unpin run"), this)),
      exportPlotAction_(new QAction(tr("Export &plot…"), this)) {
  tabs_->setObjectName(QStringLiteral("latencyPlotTabs"));
  tabs_->addTab(timeline_, tr("Latency over time"));
  tabs_->addTab(cdf_, tr("CDF per method"));
  tabs_->addTab(phases_, tr("Phases"));
  // The comparison shows both views of the two runs at once, side by side: the dock is usually wide and low.
  auto* comparison = new QSplitter(Qt::Horizontal, this);
  comparison->setChildrenCollapsible(false);
  comparison->addWidget(compareTimeline_);
  comparison->addWidget(compareCdf_);
  tabs_->addTab(comparison, tr("Comparison"));
  registrationTabs_->setObjectName(QStringLiteral("registrationPlotTabs"));
  registrationTabs_->addTab(registrationLatency_, tr("Registration latency"));
  registrationTabs_->addTab(registrationHops_, tr("Registration hops"));
  // One set of tabs at a time: a run has handoffs or registrations, never both.
  stack_->addWidget(tabs_);
  stack_->addWidget(registrationTabs_);

  pinAction_->setToolTip(tr("Keep a copy of this run's handoffs to compare the next run or capture with"));
  clearPinAction_->setEnabled(false);
  exportPlotAction_->setToolTip(tr("Save the plot of the current tab as PNG or SVG"));
  connect(pinAction_, &QAction::triggered, this, &LatencyPlotsWidget::pinCurrentRun);
  connect(clearPinAction_, &QAction::triggered, this, &LatencyPlotsWidget::clearPin);
  connect(exportPlotAction_, &QAction::triggered, this, &LatencyPlotsWidget::chooseExportFile);
  for (QCustomPlot* plot : allPlots()) plot->addActions({pinAction_, clearPinAction_, exportPlotAction_});

  auto* buttons = new QHBoxLayout;
  for (QAction* action : {pinAction_, clearPinAction_, exportPlotAction_}) {
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    buttons->addWidget(button);
  }
  buttons->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(buttons);
  layout->addWidget(stack_, 1);

  // One redraw for every change within the delay: a running emulation completes records in bursts.
  redrawTimer_.setSingleShot(true);
  redrawTimer_.setInterval(kRedrawDelayMs);
  connect(&redrawTimer_, &QTimer::timeout, this, &LatencyPlotsWidget::redrawNow);
  redrawNow();
}

LatencyPlotsWidget::~LatencyPlotsWidget() = default;

void LatencyPlotsWidget::setSource(FrameSource* source) {
  if (source == source_) return;
  if (source_) disconnect(source_, nullptr, this, nullptr);
  source_ = source;
  if (source_) {
    connect(source_, &FrameSource::handoffsChanged, this, &LatencyPlotsWidget::scheduleRedraw);
    connect(source_, &FrameSource::cleared, this, &LatencyPlotsWidget::scheduleRedraw);
    if (auto* run = qobject_cast<EmulationController*>(source))
      connect(run, &EmulationController::registrationsChanged, this, &LatencyPlotsWidget::scheduleRedraw);
  }
  scheduleRedraw();
}

void LatencyPlotsWidget::setRunLabel(const QString& label) {
  if (label == runLabel_) return;
  runLabel_ = label;
  if (pinned_) scheduleRedraw();  // the label is only shown in the comparison's legend
}

QString LatencyPlotsWidget::pinnedLabel() const { return pinned_ ? pinned_->label : QString(); }

const std::vector<roam::HandoffRecord>& LatencyPlotsWidget::pinnedRecords() const {
  static const std::vector<roam::HandoffRecord> none;
  return pinned_ ? pinned_->records : none;
}

void LatencyPlotsWidget::setDefinition(roam::Definition definition) {
  if (definition == definition_) return;
  definition_ = definition;
  scheduleRedraw();
}

void LatencyPlotsWidget::pinCurrentRun() {
  const std::vector<roam::HandoffRecord> records =
      source_ ? handoffRecordsOnly(source_->handoffs()) : std::vector<roam::HandoffRecord>{};
  if (records.empty()) {
    emit errorOccurred(tr("Nothing to pin: run a scenario (or open a capture) until it has handoffs, then pin it."));
    return;
  }
  const QString label = runLabel_.isEmpty() ? tr("pinned run") : runLabel_;
  pinned_ = PinnedRun{label, records, source_->timeOriginNs()};
  clearPinAction_->setEnabled(true);
  tabs_->setCurrentIndex(ComparisonTab);
  emit statusMessage(tr("Pinned %1 (%n handoff(s)); run or open another to compare it in the Comparison tab.", nullptr,
                        static_cast<int>(records.size()))
                         .arg(label));
  redrawNow();
}

void LatencyPlotsWidget::clearPin() {
  if (!pinned_) return;
  pinned_.reset();
  clearPinAction_->setEnabled(false);
  redrawNow();
}

void LatencyPlotsWidget::scheduleRedraw() {
  if (!redrawTimer_.isActive()) redrawTimer_.start();
}

void LatencyPlotsWidget::redrawNow() {
  redrawTimer_.stop();
  static const std::vector<roam::HandoffRecord> none;
  const std::vector<roam::HandoffRecord>& all = source_ ? source_->handoffs() : none;
  // As the report does: the latency plots describe handoffs, the phase plot numbers every record as the table.
  const std::vector<roam::HandoffRecord> handoffs = handoffRecordsOnly(all);
  const std::int64_t originNs = source_ ? source_->timeOriginNs() : 0;
  plotLatencyTimeline(*timeline_, handoffs, definition_, originNs);
  plotLatencyCdf(*cdf_, handoffs, definition_);
  plotPhaseBreakdown(*phases_, all);

  const ComparedRun current{runLabel_.isEmpty() ? tr("current run") : runLabel_, &handoffs, originNs};
  ComparedRun pinned;
  if (pinned_) pinned = ComparedRun{tr("%1 (pinned)").arg(pinned_->label), &pinned_->records, pinned_->originNs};
  plotTimelineComparison(*compareTimeline_, pinned, current, definition_);
  plotCdfComparison(*compareCdf_, pinned, current, definition_);

  static const std::vector<mipreg::RegistrationRecord> noRegistrations;
  const EmulationController* run = mipRun(source_);
  const auto& registrations = run ? run->registrations() : noRegistrations;
  plotRegistrationLatency(*registrationLatency_, registrations);
  plotRegistrationHops(*registrationHops_, registrations);
  stack_->setCurrentWidget(run ? static_cast<QWidget*>(registrationTabs_) : tabs_);
  // A pin keeps handoffs for the comparison tab, which a Mobile IP run does not show.
  pinAction_->setEnabled(run == nullptr);
  applyTheme();
}

void LatencyPlotsWidget::applyTheme() {
  // After the fills: the theme reaches the legend entries and notes they created (plot_theme.h).
  const PlotTheme theme = plotThemeFor(palette());
  for (QCustomPlot* plot : allPlots()) {
    applyPlotTheme(*plot, theme);
    plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

void LatencyPlotsWidget::changeEvent(QEvent* event) {
  // The desktop switched between light and dark: the plots' frame follows, the data colours stay.
  if (event->type() == QEvent::PaletteChange) applyTheme();
  QWidget::changeEvent(event);
}

QList<QCustomPlot*> LatencyPlotsWidget::allPlots() const {
  return {timeline_, cdf_, phases_, compareTimeline_, compareCdf_, registrationLatency_, registrationHops_};
}

bool LatencyPlotsWidget::showsRegistrations() const { return stack_->currentWidget() == registrationTabs_; }

QList<QCustomPlot*> LatencyPlotsWidget::currentPlots() const {
  if (showsRegistrations())
    return {registrationTabs_->currentIndex() == RegistrationHopsTab ? registrationHops_ : registrationLatency_};
  switch (tabs_->currentIndex()) {
    case TimelineTab: return {timeline_};
    case CdfTab: return {cdf_};
    case PhasesTab: return {phases_};
    case ComparisonTab: return {compareTimeline_, compareCdf_};
    default: return {};
  }
}

std::optional<QString> LatencyPlotsWidget::exportCurrentPlot(const QString& path, QSize size) {
  if (redrawTimer_.isActive()) redrawNow();  // the file shows the handoffs as they are now
  const QList<QCustomPlot*> plots = currentPlots();
  if (!size.isValid()) {
    // Each plot as large as on screen (the report's figure size when the dock is hidden or tiny), stacked.
    const QCustomPlot* first = plots.value(0);
    QSize each = PlotImageFormat{}.logicalSize;
    if (first && first->isVisible() && first->width() >= 320 && first->height() >= 200) each = first->size();
    size = QSize(each.width(), each.height() * static_cast<int>(plots.size()));
  }
  return savePlotsImage(plots, path, size);
}

void LatencyPlotsWidget::chooseExportFile() {
  const bool registrations = showsRegistrations();
  const int tab = registrations ? registrationTabs_->currentIndex() : tabs_->currentIndex();
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export plot"), defaultFileName(registrations, tab), plotFileFilter());
  if (path.isEmpty()) return;
  if (const auto error = exportCurrentPlot(path)) emit errorOccurred(*error);
  else emit statusMessage(tr("Exported the plot to %1").arg(path));
}

}  // namespace rs::ui
