// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QProgressBar>
#include <QToolButton>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "core/sim/sim_time.h"
#include "core/analysis/key_ring.h"
#include "ui/app/capture_document.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/key_manager_dialog.h"
#include "ui/app/handoff_table_model.h"
#include "ui/app/hex_view.h"
#include "ui/app/latency_plots_widget.h"
#include "ui/app/packet_details_model.h"
#include "ui/app/packet_filter_proxy.h"
#include "ui/app/packet_list_model.h"
#include "ui/app/report_export.h"
#include "ui/app/report_export_job.h"
#include "ui/app/resource_paths.h"
#include "ui/app/status_task.h"
#include "ui/app/run_export.h"
#include "ui/app/timeline_view.h"
#include "ui/app/trace_pane.h"

namespace rs::ui {

namespace {

constexpr auto kGeometryKey = "mainWindow/geometry";
constexpr auto kStateKey = "mainWindow/state";
constexpr auto kLastScenarioKey = "scenario/last";
constexpr auto kRecentCapturesKey = "captures/recent";
constexpr int kRecentCaptures = 10;
// Bump when the docks change, so an old saved layout is not applied to a different set of docks.
constexpr int kStateVersion = 5;

QTableView* makeTableView(QWidget* parent, const QString& name) {
  auto* view = new QTableView(parent);
  view->setObjectName(name);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setWordWrap(false);
  view->verticalHeader()->hide();
  // Fixed row heights: a virtual list of a million rows must never measure them.
  view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
  view->horizontalHeader()->setStretchLastSection(true);
  return view;
}

QDockWidget* makeDock(const QString& title, const QString& name, QWidget* content, QMainWindow* window) {
  auto* dock = new QDockWidget(title, window);
  dock->setObjectName(name);  // saveState()/restoreState() identify docks by name
  dock->setWidget(content);
  return dock;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      controller_(new EmulationController(this)),
      captureDocument_(new CaptureDocument(this)),
      activeSource_(controller_),
      keys_(DecryptionKeys::loadSettings()),
      packetModel_(new PacketListModel(controller_, this)),
      packetView_(makeTableView(this, QStringLiteral("packetList"))),
      packetFilter_(new PacketFilterProxy(*packetModel_, this)),
      filterEdit_(new QLineEdit(this)),
      detailsModel_(new PacketDetailsModel(this)),
      detailsView_(new QTreeView(this)),
      hexView_(new HexView(this)),
      handoffModel_(new HandoffTableModel(controller_, this)),
      tracePane_(new TracePane(*controller_, this)),
      timeLabel_(new QLabel(this)),
      eventsLabel_(new QLabel(this)),
      nextLabel_(new QLabel(this)),
      loadTask_(new StatusTask(*statusBar(), QStringLiteral("loadProgress"), tr("reading %p%"), tr("Cancel"),
                               tr("Stop reading; the frames read so far stay and are analysed"))),
      filterTask_(new StatusTask(*statusBar(), QStringLiteral("filterProgress"), tr("filtering %p%"),
                                 tr("Stop filtering"), tr("Stop filtering; the matches found so far stay"))),
      exportTask_(new StatusTask(*statusBar(), QStringLiteral("exportProgress"), tr("exporting…"), tr("Cancel export"),
                                 tr("Stop the export; nothing half-written is left"))),
      exportJob_(new ReportExportJob(this)) {
  setWindowTitle(tr("RoamScope"));
  setAcceptDrops(true);
  packetView_->setModel(packetFilter_);
  const QFontMetrics metrics = packetView_->fontMetrics();
  packetView_->setColumnWidth(PacketListModel::Number, metrics.horizontalAdvance(QStringLiteral("0000000")));
  packetView_->setColumnWidth(PacketListModel::Time, metrics.horizontalAdvance(QStringLiteral("000.000000000  ")));
  packetView_->setColumnWidth(PacketListModel::Source, metrics.horizontalAdvance(QStringLiteral("00:00:00:00:00:00  ")));
  packetView_->setColumnWidth(PacketListModel::Destination,
                              metrics.horizontalAdvance(QStringLiteral("00:00:00:00:00:00  ")));
  // The display filter sits above the packet list, as in Wireshark.
  filterEdit_->setObjectName(QStringLiteral("displayFilter"));
  filterEdit_->setPlaceholderText(tr("Apply a display filter … (eapol && wlan.sa == 02:00:00:00:01:00, radius.code == 2)"));
  filterEdit_->setClearButtonEnabled(true);
  connect(filterEdit_, &QLineEdit::returnPressed, this, [this] { applyDisplayFilter(filterEdit_->text()); });
  auto* central = new QWidget(this);
  auto* centralLayout = new QVBoxLayout(central);
  centralLayout->setContentsMargins(0, 0, 0, 0);
  centralLayout->setSpacing(2);
  centralLayout->addWidget(filterEdit_);
  centralLayout->addWidget(packetView_);
  setCentralWidget(central);

  detailsView_->setObjectName(QStringLiteral("packetDetails"));
  detailsView_->setModel(detailsModel_);
  detailsView_->setHeaderHidden(true);
  hexView_->setObjectName(QStringLiteral("packetBytes"));

  createActions();
  createDocks();

  statusBar()->addWidget(timeLabel_);
  statusBar()->addWidget(eventsLabel_);
  statusBar()->addWidget(nextLabel_, 1);
  // Long work in the status bar, each with its own way out: reading captures (what was read stays, analysed),
  // filtering (the matches found so far stay), exporting (nothing half-written stays).
  connect(loadTask_, &StatusTask::cancelRequested, captureDocument_, &CaptureDocument::cancel);
  connect(filterTask_, &StatusTask::cancelRequested, packetFilter_, &PacketFilterProxy::cancel);
  connect(exportTask_, &StatusTask::cancelRequested, exportJob_, &ReportExportJob::cancel);
  connect(exportJob_, &ReportExportJob::finished, this, &MainWindow::reportExportFinished);
  connect(packetFilter_, &PacketFilterProxy::filterProgress, filterTask_,
          [this](int examined, int total) { filterTask_->setProgress(examined, total); });
  connect(packetFilter_, &PacketFilterProxy::filterFinished, this, &MainWindow::showFilterResult);
  connect(captureDocument_, &CaptureDocument::loadProgress, loadTask_, &StatusTask::setProgress);
  connect(captureDocument_, &CaptureDocument::loadFinished, this, &MainWindow::captureLoadFinished);
  connect(captureDocument_, &CaptureDocument::errorOccurred, this, &MainWindow::showError);
  connect(captureDocument_, &CaptureDocument::aboutToClear, this, [this] {
    detailsModel_->clear();
    hexView_->setBytes({});
  });

  connect(packetView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { showPacket(packetFilter_->mapToSource(current).row()); });
  connect(detailsView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          [this](const QModelIndex& current) { highlightField(current); });
  // Follow the newest frames while the list is scrolled to its end, as a live capture does; a user
  // who scrolled up to read keeps their place.
  connect(packetModel_, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
    const QScrollBar* bar = packetView_->verticalScrollBar();
    followTail_ = bar->value() == bar->maximum();
  });
  connect(packetModel_, &QAbstractItemModel::rowsInserted, this, [this] {
    if (followTail_) packetView_->scrollToBottom();
  });
  connect(tracePane_, &TracePane::revealKeysChanged, detailsModel_, &PacketDetailsModel::setRevealSecrets);
  connect(controller_, &EmulationController::stateChanged, this, &MainWindow::updateState);
  connect(controller_, &EmulationController::errorOccurred, this, &MainWindow::showError);
  connect(controller_, &EmulationController::aboutToClear, this, [this] {
    detailsModel_->clear();
    hexView_->setBytes({});
  });
  connect(controller_, &EmulationController::breakpointHit, this,
          [this](const QString& description) { statusBar()->showMessage(description, 10000); });

  restoreSettings();
  updateState();
}

MainWindow::~MainWindow() = default;

QProgressBar* MainWindow::loadProgressBar() const { return loadTask_->progressBar(); }

bool MainWindow::applyDisplayFilter(const QString& text) {
  if (const auto error = packetFilter_->setFilterText(text)) {
    // Red until the filter compiles, and where it broke, as Wireshark's filter bar does.
    filterEdit_->setStyleSheet(QStringLiteral("QLineEdit { background: palette(base); border: 2px solid #d93025; }"));
    showError(tr("Display filter: %1 at character %2").arg(QString::fromStdString(error->message)).arg(error->position + 1));
    return false;
  }
  filterEdit_->setStyleSheet(text.trimmed().isEmpty() ? QString()
                                                      : QStringLiteral("QLineEdit { border: 2px solid #1e8e3e; }"));
  filterText_ = text.trimmed();
  if (packetFilter_->isFiltering()) {
    filterTask_->start();
    statusBar()->showMessage(tr("Filtering %1 frames with \"%2\"…").arg(packetModel_->rowCount()).arg(filterText_));
  } else {
    showFilterResult(false);
  }
  return true;
}

void MainWindow::showFilterResult(bool cancelled) {
  filterTask_->finish();
  if (filterText_.isNull()) return;  // reported already: later rows are filtered quietly
  QString message = filterText_.isEmpty() ? tr("All %1 frames").arg(packetModel_->rowCount())
                                          : tr("%1 of %2 frames match \"%3\"")
                                                .arg(packetFilter_->rowCount())
                                                .arg(packetFilter_->examinedRows())
                                                .arg(filterText_);
  if (cancelled) message = tr("Filtering stopped: %1 (frames after %2 not examined)").arg(message).arg(packetFilter_->examinedRows());
  statusBar()->showMessage(message, 10000);
  filterText_ = QString();
}

int MainWindow::viewRowOfFrame(int frame) const {
  if (frame < 0) return -1;
  return packetFilter_->mapFromSource(packetModel_->index(frame, 0)).row();
}

void MainWindow::focusHandoff(int row) {
  FrameSource& source = *activeSource_;
  const auto& records = source.handoffs();
  if (row < 0 || row >= static_cast<int>(records.size())) return;
  timelineView_->focusHandoff(records[static_cast<std::size_t>(row)]);
  const int packet = viewRowOfFrame(firstFrameOfHandoff(source, records[static_cast<std::size_t>(row)]));
  if (packet < 0) return;  // filtered out
  packetView_->selectRow(packet);
  packetView_->scrollTo(packetFilter_->index(packet, 0), QAbstractItemView::PositionAtCenter);
}

bool MainWindow::saveCapture(const QString& path) {
  const auto error = saveRunCapture(*controller_, path);
  if (error) showError(*error);
  else statusBar()->showMessage(tr("Saved the capture to %1").arg(path), 10000);
  return !error;
}

std::optional<QString> MainWindow::reportInputs(roam::ReportContext& context, ReportExtras& extras) const {
  if (activeSource_ == captureDocument_) {
    // As `roamscope-cli analyze --report`: the analysis' records, the input files, their clock offsets.
    if (captureDocument_->isLoading()) return tr("The captures are still being read: export when they are done.");
    if (!captureDocument_->isOpen()) return tr("Nothing to export: open a capture first.");
    context = captureDocument_->reportContext();
    extras = ReportExtras{ReportClocks{captureDocument_->clockOffsets(), captureDocument_->fileNames()}};
    return std::nullopt;
  }
  // As `roamscope-cli simulate --report`: the ground truth of the scenario's run.
  if (!controller_->isLoaded()) return tr("Nothing to export: no scenario is loaded.");
  context = runReportContext(*controller_);
  return std::nullopt;
}

bool MainWindow::startReportExport(const QString& path) {
  if (mipReportActive()) return startRegistrationExport(path);
  roam::ReportContext context;
  ReportExtras extras;
  if (const auto error = reportInputs(context, extras)) {
    showError(*error);
    return false;
  }
  if (!exportJob_->start(activeSource_->handoffs(), std::move(context), path, std::move(extras))) {
    showError(tr("An export is already running: wait for it or cancel it."));
    return false;
  }
  exportTask_->start(true);
  statusBar()->showMessage(tr("Exporting the report to %1…").arg(path));
  return true;
}

void MainWindow::reportExportFinished(const QString& path, const QString& error, bool cancelled) {
  exportTask_->finish();
  if (cancelled) statusBar()->showMessage(tr("Export cancelled: %1 was not written").arg(path), 10000);
  else if (!error.isEmpty()) showError(error);
  else statusBar()->showMessage(tr("Exported the report to %1").arg(path), 10000);
}

bool MainWindow::exportReport(const QString& path) {
  if (mipReportActive()) return exportRegistrationReport(path);
  roam::ReportContext context;
  ReportExtras extras;
  std::optional<QString> error = reportInputs(context, extras);
  if (!error) error = exportRoamReport(activeSource_->handoffs(), context, path, extras);
  if (error) showError(*error);
  else statusBar()->showMessage(tr("Exported the report to %1").arg(path), 10000);
  return !error;
}

void MainWindow::chooseCaptureFile() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save capture"), QStringLiteral("emulated.pcapng"),
                                                    tr("pcapng (*.pcapng)"));
  if (!path.isEmpty()) saveCapture(path);
}

void MainWindow::chooseReportFile() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export report"), mipReportActive() ? QStringLiteral("registrations.html") : QStringLiteral("handoffs.html"),
      reportFileFilter());
  if (!path.isEmpty()) startReportExport(path);
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  // Ctrl+O opens captures, as in Wireshark; scenarios are Ctrl+Shift+O.
  QAction* openCapture = file->addAction(tr("&Open capture…"), this, &MainWindow::chooseCaptures);
  openCapture->setShortcut(QKeySequence::Open);
  recentMenu_ = file->addMenu(tr("Open &recent"));
  rebuildRecentMenu();
  QAction* open = file->addAction(tr("Open &scenario…"), this, &MainWindow::chooseScenario);
  open->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
  file->addSeparator();
  QAction* saveCapture = file->addAction(tr("&Save capture as…"), this, &MainWindow::chooseCaptureFile);
  saveCapture->setShortcut(QKeySequence::Save);
  QAction* exportReport = file->addAction(tr("&Export report…"), this, &MainWindow::chooseReportFile);
  exportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* keys = edit->addAction(tr("&Decryption keys…"), this, &MainWindow::editDecryptionKeys);
  keys->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_K);

  runAction_ = new QAction(tr("&Run"), this);
  runAction_->setShortcut(Qt::Key_F5);
  runAction_->setToolTip(tr("Run to the end of the scenario (F5)"));
  connect(runAction_, &QAction::triggered, controller_, &EmulationController::runToEnd);

  pauseAction_ = new QAction(tr("&Pause"), this);
  pauseAction_->setShortcut(Qt::SHIFT | Qt::Key_F5);
  connect(pauseAction_, &QAction::triggered, controller_, &EmulationController::pause);

  stepAction_ = new QAction(tr("&Step"), this);
  stepAction_->setShortcut(Qt::Key_F10);
  stepAction_->setToolTip(tr("Run the next event only (F10)"));
  connect(stepAction_, &QAction::triggered, controller_, &EmulationController::stepEvent);

  breakpointEdit_ = new QLineEdit(this);
  breakpointEdit_->setObjectName(QStringLiteral("breakpointLabel"));
  breakpointEdit_->setPlaceholderText(tr("event label, e.g. EAPOL-Key M3"));
  breakpointEdit_->setClearButtonEnabled(true);
  breakpointEdit_->setMaximumWidth(260);
  breakpointAction_ = new QAction(tr("Run to &breakpoint"), this);
  breakpointAction_->setShortcut(Qt::CTRL | Qt::Key_F5);
  breakpointAction_->setToolTip(tr("Run until the next event whose label contains the text (Ctrl+F5)"));
  connect(breakpointAction_, &QAction::triggered, this,
          [this] { controller_->runToBreakpoint(breakpointEdit_->text().trimmed()); });
  connect(breakpointEdit_, &QLineEdit::returnPressed, breakpointAction_, &QAction::trigger);

  resetAction_ = new QAction(tr("Rese&t"), this);
  resetAction_->setShortcut(Qt::CTRL | Qt::Key_R);
  resetAction_->setToolTip(tr("Rebuild the run from the same scenario and seed"));
  connect(resetAction_, &QAction::triggered, controller_, &EmulationController::reset);

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  run->addActions({runAction_, pauseAction_, stepAction_, breakpointAction_});
  run->addSeparator();
  run->addAction(resetAction_);

  QToolBar* bar = addToolBar(tr("Run"));
  bar->setObjectName(QStringLiteral("runToolBar"));
  bar->addActions({runAction_, pauseAction_, stepAction_});
  bar->addSeparator();
  bar->addWidget(breakpointEdit_);
  bar->addAction(breakpointAction_);
  bar->addSeparator();
  bar->addAction(resetAction_);
  createSteppingActions(run, bar);
  createSweepAction(run);
  createAaaAction(run);
  createNavigationActions();
}

void MainWindow::createDocks() {
  auto* handoffs = new QWidget(this);
  auto* handoffView = makeTableView(handoffs, QStringLiteral("handoffTable"));
  handoffView->setModel(handoffModel_);
  definitionBox_ = new QComboBox(handoffs);
  definitionBox_->setObjectName(QStringLiteral("latencyDefinition"));
  for (int i = 0; i < roam::kDefinitionCount; ++i) {
    const auto d = static_cast<roam::Definition>(i);
    definitionBox_->addItem(QString::fromStdString(std::string(roam::definitionName(d))), i);
  }
  definitionBox_->setCurrentIndex(definitionBox_->findData(static_cast<int>(handoffModel_->definition())));
  connect(definitionBox_, &QComboBox::currentIndexChanged, this, [this](int index) {
    handoffModel_->setDefinition(static_cast<roam::Definition>(definitionBox_->itemData(index).toInt()));
  });
  auto* choice = new QHBoxLayout;
  choice->addWidget(new QLabel(tr("Latency:"), handoffs));
  choice->addWidget(definitionBox_, 1);
  auto* layout = new QVBoxLayout(handoffs);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(choice);
  layout->addWidget(handoffView);

  QDockWidget* details = makeDock(tr("Packet details"), QStringLiteral("detailsDock"), detailsView_, this);
  QDockWidget* bytes = makeDock(tr("Packet bytes"), QStringLiteral("bytesDock"), hexView_, this);
  QDockWidget* handoffDock = makeDock(tr("Handoffs"), QStringLiteral("handoffDock"), handoffs, this);
  QDockWidget* trace = makeDock(tr("Trace"), QStringLiteral("traceDock"), tracePane_, this);
  addDockWidget(Qt::BottomDockWidgetArea, details);
  addDockWidget(Qt::BottomDockWidgetArea, bytes);
  // The timeline: a row of its own under details and bytes, the full width of the bottom area. A click on an
  // arrow selects its packet; the selected packet is highlighted in the timeline.
  timelineView_ = new TimelineView(this);
  timelineView_->setObjectName(QStringLiteral("timeline"));
  timelineView_->setSource(packetModel_->source());
  QDockWidget* timeline = makeDock(tr("Timeline"), QStringLiteral("timelineDock"), timelineView_, this);
  addDockWidget(Qt::BottomDockWidgetArea, timeline, Qt::Vertical);
  connect(timelineView_, &TimelineView::frameActivated, this, [this](std::size_t frame) {
    const int packet = viewRowOfFrame(static_cast<int>(frame));
    if (packet >= 0) packetView_->selectRow(packet);  // else filtered out of the list
  });
  connect(packetView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
    if (const int frame = packetFilter_->mapToSource(current).row(); frame >= 0)
      timelineView_->setCurrentFrame(static_cast<std::size_t>(frame));
  });
  addDockWidget(Qt::RightDockWidgetArea, handoffDock);
  addDockWidget(Qt::RightDockWidgetArea, trace);

  // First-start sizes only: restoreState() replaces them with the user's own layout.
  resizeDocks({handoffDock, trace}, {560, 560}, Qt::Horizontal);
  resizeDocks({handoffDock, trace}, {160, 400}, Qt::Vertical);
  resizeDocks({details, timeline}, {260, 240}, Qt::Vertical);
  connect(handoffModel_, &QAbstractItemModel::rowsInserted, handoffView, &QTableView::resizeColumnsToContents);
  // Selecting a handoff shows its first frame (the attempt's authentication) in the packet list.
  connect(handoffView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { focusHandoff(current.row()); });

  // Latency plots (issue 5): drawn from the same source and definition as the Handoffs dock.
  latencyPlots_ = new LatencyPlotsWidget(this);
  latencyPlots_->setObjectName(QStringLiteral("latencyPlots"));
  latencyPlots_->setSource(packetModel_->source());
  latencyPlots_->setDefinition(handoffModel_->definition());
  connect(definitionBox_, &QComboBox::currentIndexChanged, latencyPlots_, [this](int index) {
    latencyPlots_->setDefinition(static_cast<roam::Definition>(definitionBox_->itemData(index).toInt()));
  });
  // The run's name in the comparison's legend; a new scenario clears the run first.
  connect(controller_, &EmulationController::cleared, latencyPlots_,
          [this] { latencyPlots_->setRunLabel(QFileInfo(controller_->scenarioPath()).completeBaseName()); });
  connect(latencyPlots_, &LatencyPlotsWidget::errorOccurred, this, &MainWindow::showError);
  connect(latencyPlots_, &LatencyPlotsWidget::statusMessage, this,
          [this](const QString& message) { statusBar()->showMessage(message, 10000); });
  QDockWidget* plots = makeDock(tr("Latency plots"), QStringLiteral("latencyPlotsDock"), latencyPlots_, this);
  addDockWidget(Qt::BottomDockWidgetArea, plots);
  tabifyDockWidget(bytes, plots);
  QDockWidget* sweepDock = createSweepDock();
  tabifyDockWidget(plots, sweepDock);
  bytes->raise();

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (QDockWidget* dock : {details, bytes, timeline, handoffDock, trace, plots, sweepDock}) view->addAction(dock->toggleViewAction());
  for (QDockWidget* dock : createSteppingDocks()) view->addAction(dock->toggleViewAction());
  for (QDockWidget* dock : createMipDocks()) view->addAction(dock->toggleViewAction());
  view->addSeparator();
  view->addActions({latencyPlots_->pinAction(), latencyPlots_->clearPinAction(), latencyPlots_->exportPlotAction()});
}

void MainWindow::restoreSettings() {
  QSettings settings;
  restoreGeometry(settings.value(kGeometryKey).toByteArray());
  restoreState(settings.value(kStateKey).toByteArray(), kStateVersion);
}

void MainWindow::saveSettings() const {
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState(kStateVersion));
  if (!controller_->scenarioPath().isEmpty()) settings.setValue(kLastScenarioKey, controller_->scenarioPath());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  controller_->pause();
  captureDocument_->cancel();
  exportJob_->waitForFinished();  // a report being written is finished, not cut off
  saveSettings();
  event->accept();
}

bool MainWindow::openScenario(const QString& path) {
  if (!controller_->load(path)) return false;
  setActiveSource(controller_);
  setWindowTitle(tr("%1 — RoamScope").arg(QFileInfo(path).fileName()));
  QSettings().setValue(kLastScenarioKey, path);
  statusBar()->showMessage(tr("Loaded %1").arg(path), 5000);
  return true;
}

void MainWindow::setActiveSource(FrameSource* source) {
  if (source == activeSource_) return;
  activeSource_ = source;
  detailsModel_->clear();
  hexView_->setBytes({});
  packetModel_->setSource(source);
  handoffModel_->setSource(source);
  latencyPlots_->setSource(source);
  timelineView_->setSource(source);
  emit activeSourceChanged(source);
  updateState();
}

bool MainWindow::openCaptures(const QStringList& paths) {
  if (paths.isEmpty()) return false;
  QString error;
  std::unique_ptr<KeyRing> ring = keys_.keyRing(error);
  if (!ring) {
    showError(tr("Decryption keys: %1 — fix it in Edit > Decryption keys.").arg(error));
    return false;
  }
  controller_->pause();
  captureDocument_->open(paths, std::move(ring));
  setActiveSource(captureDocument_);
  loadTask_->start();
  QStringList names;
  for (const QString& p : paths) names.append(QFileInfo(p).fileName());
  setWindowTitle(tr("%1 — RoamScope").arg(names.join(QStringLiteral(" + "))));
  latencyPlots_->setRunLabel(names.join(QStringLiteral(" + ")));
  rememberRecentCaptures(paths);
  statusBar()->showMessage(tr("Reading %1…").arg(names.join(QStringLiteral(", "))));
  updateState();
  return true;
}

void MainWindow::captureLoadFinished(bool cancelled) {
  loadTask_->finish();
  const CaptureDocument& doc = *captureDocument_;
  QString message = tr("%1 frames from %2 file(s), %3 handoff(s)")
                        .arg(doc.frameCount())
                        .arg(doc.paths().size())
                        .arg(doc.handoffs().size());
  if (doc.paths().size() > 1) message += tr("; %1 duplicate frame(s) heard by two adapters dropped").arg(doc.duplicatesDropped());
  if (cancelled) message = tr("Reading cancelled: %1 (the rest of the files was not read)").arg(message);
  if (!doc.loadErrors().isEmpty()) message += QStringLiteral(" — ") + doc.loadErrors().join(QStringLiteral("; "));
  statusBar()->showMessage(message, 20000);
  updateState();
}

bool MainWindow::openPaths(const QStringList& paths) {
  if (paths.size() == 1 && paths.front().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
    return openScenario(paths.front());
  return openCaptures(paths);
}

void MainWindow::chooseCaptures() {
  const QList<QStringList> recent = recentCaptures();
  const QString dir = recent.isEmpty() ? QString() : QFileInfo(recent.front().front()).absolutePath();
  const QStringList paths = QFileDialog::getOpenFileNames(
      this, tr("Open capture files (several are merged)"), dir,
      tr("Capture files (*.pcap *.pcapng *.cap *.ntar);;All files (*)"));
  if (!paths.isEmpty()) openCaptures(paths);
}

QList<QStringList> MainWindow::recentCaptures() const {
  QList<QStringList> recent;
  for (const QString& entry : QSettings().value(kRecentCapturesKey).toStringList())
    recent.append(entry.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
  return recent;
}

void MainWindow::rememberRecentCaptures(const QStringList& paths) {
  QStringList absolute;
  for (const QString& p : paths) absolute.append(QFileInfo(p).absoluteFilePath());
  QStringList entries = QSettings().value(kRecentCapturesKey).toStringList();
  const QString entry = absolute.join(QLatin1Char('\n'));
  entries.removeAll(entry);
  entries.prepend(entry);
  while (entries.size() > kRecentCaptures) entries.removeLast();
  QSettings().setValue(kRecentCapturesKey, entries);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QList<QStringList> recent = recentCaptures();
  for (const QStringList& paths : recent) {
    QStringList names;
    for (const QString& p : paths) names.append(QFileInfo(p).fileName());
    QAction* action = recentMenu_->addAction(names.join(QStringLiteral(" + ")), this, [this, paths] { openCaptures(paths); });
    action->setToolTip(paths.join(QLatin1Char('\n')));
  }
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::editDecryptionKeys() {
  KeyManagerDialog dialog(keys_, this);
  if (dialog.exec() != QDialog::Accepted) return;
  dialog.keys().saveSettings(dialog.remember());
  setDecryptionKeys(dialog.keys());
}

void MainWindow::setDecryptionKeys(const DecryptionKeys& keys) {
  keys_ = keys;
  // New keys change what the analysis can verify and decrypt: read the open captures again.
  if (captureDocument_->isOpen()) openCaptures(captureDocument_->paths());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!event->mimeData()->hasUrls()) return;
  for (const QUrl& url : event->mimeData()->urls())
    if (!url.isLocalFile()) return;
  event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls()) paths.append(url.toLocalFile());
  if (paths.isEmpty()) return;
  event->acceptProposedAction();
  openPaths(paths);
}

void MainWindow::chooseScenario() {
  const QString last = QSettings().value(kLastScenarioKey).toString();
  // Before any scenario was opened (or when its folder is gone) the presets are where to start.
  const QString dir = !last.isEmpty() && QFileInfo(last).absoluteDir().exists() ? QFileInfo(last).absolutePath()
                                                                               : scenariosDirectory();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), dir,
                                                    tr("Scenario files (*.json);;All files (*)"));
  if (!path.isEmpty()) openScenario(path);
}

void MainWindow::showPacket(int row) {
  if (row < 0 || row >= packetModel_->rowCount()) {
    detailsModel_->clear();
    hexView_->setBytes({});
    return;
  }
  FrameSource& source = *activeSource_;
  detailsModel_->setDissection(packetModel_->dissect(row));  // decrypted with the source's keys
  hexView_->setBytes(source.frame(static_cast<std::size_t>(row)).data);
  // Layers open, fields closed: what Wireshark shows for a newly selected packet.
  for (int i = 0; i < detailsModel_->rowCount(); ++i) detailsView_->expand(detailsModel_->index(i, 0));
}

void MainWindow::highlightField(const QModelIndex& field) {
  // Decrypted payloads and EAP messages reassembled from RADIUS are not the frame's bytes.
  if (!field.isValid() || field.data(PacketDetailsModel::ByteSourceRole).toInt() != 0) {
    hexView_->clearHighlight();
    return;
  }
  hexView_->highlight(field.data(PacketDetailsModel::ByteOffsetRole).toInt(),
                      field.data(PacketDetailsModel::ByteLengthRole).toInt());
}

void MainWindow::updateState() {
  // Run controls act on the emulation: only while it is what the views show.
  const bool loaded = controller_->isLoaded() && activeSource_ == controller_;
  const bool running = controller_->isRunning();
  const bool open = loaded && !controller_->isFinished();
  runAction_->setEnabled(open && !running);
  pauseAction_->setEnabled(running);
  stepAction_->setEnabled(open && !running);
  breakpointAction_->setEnabled(open && !running);
  protocolStepAction_->setEnabled(open && !running);
  resetAction_->setEnabled(controller_->scenarioPath().isEmpty() ? false : !running);
  if (activeSource_ != controller_) {
    timeLabel_->setText(tr("captures"));
    eventsLabel_->setText(tr("%L1 frames").arg(activeSource_->frameCount()));
    nextLabel_->setText(captureDocument_->isLoading() ? tr("reading…") : captureDocument_->paths().join(QStringLiteral(", ")));
    return;
  }
  timeLabel_->setText(tr("t = %1").arg(QString::fromStdString(sim::formatSimTime(controller_->now()))));
  eventsLabel_->setText(tr("%L1 events").arg(controller_->executedEvents()));
  nextLabel_->setText(running ? tr("running…") : tr("next: %1").arg(controller_->nextEventText()));
}

QString MainWindow::statusText() const {
  return QStringList{timeLabel_->text(), eventsLabel_->text(), nextLabel_->text()}.join(QStringLiteral(" | "));
}

void MainWindow::showError(const QString& message) {
  statusBar()->showMessage(message, 15000);
}

}  // namespace rs::ui
