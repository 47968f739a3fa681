// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/timeline_view.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>

#include "core/report/dissection_output.h"
#include "core/sim/sim_time.h"
#include "dissectors/dispatch.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/frame_source.h"
#include "ui/app/timeline_label.h"
#include "ui/app/timeline_sampling.h"
#include "ui/plots/plot_palette.h"
#include "ui/plots/plot_theme.h"

namespace rs::ui {

namespace {

// Lane geometry in lane units (lane r's line is at y = r; the axis is reversed, so smaller y is higher):
// phase bars sit just above the station's line, ticks of group-addressed frames just below their sender's.
constexpr double kBarTop = -0.44;
constexpr double kBarBottom = -0.16;
constexpr double kTickLength = 0.22;
// The widest label in pixels before eliding: the start of the Info column says what a frame is.
constexpr int kLabelPixels = 220;

// The record's whole extent: its start..end and every phase (the scan phase starts before the attempt).
std::pair<std::int64_t, std::int64_t> recordSpan(const roam::HandoffRecord& record) {
  std::int64_t low = std::min(record.startNs, record.endNs);
  std::int64_t high = std::max(record.startNs, record.endNs);
  for (const roam::Phase& p : record.phases) {
    low = std::min(low, p.startNs);
    high = std::max(high, p.endNs);
  }
  return {low, high};
}

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)), status_(new QLabel(this)) {
  auto* fit = new QToolButton(this);
  fit->setObjectName(QStringLiteral("timelineFitAll"));
  fit->setText(tr("Fit all"));
  fit->setToolTip(tr("Show every frame (Home); the wheel zooms and dragging pans the time axis"));
  connect(fit, &QToolButton::clicked, this, &TimelineView::fitAll);
  status_->setObjectName(QStringLiteral("timelineStatus"));
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(2, 0, 2, 0);
  bar->addWidget(fit);
  bar->addWidget(status_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(bar);
  layout->addWidget(plot_, 1);

  plot_->setObjectName(QStringLiteral("timelinePlot"));
  plot_->installEventFilter(this);
  // Five or six lanes with a line of text between two of them; the dock's user makes it taller for more.
  plot_->setMinimumHeight(180);
  plot_->setFocusPolicy(Qt::StrongFocus);  // the keys below act when the chart has focus
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  // Time is the only axis the user moves: lanes stay put.
  plot_->axisRect()->setRangeDrag(Qt::Horizontal);
  plot_->axisRect()->setRangeZoom(Qt::Horizontal);
  plot_->setNoAntialiasingOnDrag(true);
  plot_->yAxis->setRangeReversed(true);  // the first lane on top
  plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
  plot_->yAxis->setSubTicks(false);
  plot_->yAxis->setTickLength(0, 0);
  plot_->xAxis->setLabel(tr("Time (s)"));
  connect(plot_->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TimelineView::onRangeChanged);
  connect(plot_, &QCustomPlot::mousePress, this, &TimelineView::onMousePress);
  connect(plot_, &QCustomPlot::mouseRelease, this, &TimelineView::onMouseRelease);
  connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton) return;  // dragging pans; no tooltips meanwhile
    const QString tip = toolTipAt(event->position());
    if (tip.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(event->globalPosition().toPoint(), tip, plot_);
  });

  const auto shortcut = [this](const QKeySequence& keys, auto slot) {
    auto* s = new QShortcut(keys, this, slot);
    s->setContext(Qt::WidgetWithChildrenShortcut);
  };
  shortcut(QKeySequence(Qt::Key_Home), [this] { fitAll(); });
  shortcut(QKeySequence(Qt::Key_Plus), [this] { zoomBy(0.5); });
  shortcut(QKeySequence(Qt::Key_Equal), [this] { zoomBy(0.5); });
  shortcut(QKeySequence(Qt::Key_Minus), [this] { zoomBy(2.0); });
  shortcut(QKeySequence(Qt::Key_Left), [this] { panBy(-0.25); });
  shortcut(QKeySequence(Qt::Key_Right), [this] { panBy(0.25); });

  // Range changes, new frames and new handoffs within one turn of the event loop cost one rebuild.
  rebuildTimer_.setSingleShot(true);
  rebuildTimer_.setInterval(0);
  connect(&rebuildTimer_, &QTimer::timeout, this, &TimelineView::ensureBuilt);
  growthTimer_.setSingleShot(true);
  growthTimer_.setInterval(kGrowthRedrawMs);
  // While captures are read in bulk, rebuilding a million-frame chart per batch would take the event loop
  // from the packet list: the chart waits for the end (handoffsChanged rebuilds it).
  connect(&growthTimer_, &QTimer::timeout, this, [this] {
    if (!source_ || !source_->isLoading()) scheduleRebuild();
  });
  applyTheme();
  fitAll();
}

TimelineView::~TimelineView() = default;

void TimelineView::setSource(FrameSource* source) {
  if (source == source_) return;
  if (source_) disconnect(source_, nullptr, this, nullptr);
  clearAll();
  source_ = source;
  if (source_) {
    connect(source_, &FrameSource::aboutToClear, this, &TimelineView::clearAll);
    connect(source_, &FrameSource::cleared, this, [this] {
      reloadNames();
      classifyNewFrames();
      addRecordLanes();
      fitAll();
    });
    connect(source_, &FrameSource::framesAdded, this, [this] { classifyNewFrames(); });
    connect(source_, &FrameSource::handoffsChanged, this, [this] {
      addRecordLanes();
      scheduleRebuild();
    });
    reloadNames();
    classifyNewFrames();
    addRecordLanes();
  }
  fitAll();
}

void TimelineView::setItemCap(int cap) {
  itemCap_ = std::max(cap, 1);
  scheduleRebuild();
}

void TimelineView::setVisibleRange(double lowerS, double upperS) {
  followAll_ = false;
  settingRange_ = true;
  plot_->xAxis->setRange(lowerS, upperS);
  settingRange_ = false;
  scheduleRebuild();
}

std::pair<double, double> TimelineView::visibleRange() const {
  return {plot_->xAxis->range().lower, plot_->xAxis->range().upper};
}

double TimelineView::toAxisSeconds(std::int64_t timestampNs) const {
  return sim::toSeconds(timestampNs - (source_ ? source_->timeOriginNs() : 0));
}

const std::vector<TimelineView::Mark>& TimelineView::marks() {
  ensureBuilt();
  return marks_;
}

const std::vector<TimelineView::PhaseBar>& TimelineView::phaseBars() {
  ensureBuilt();
  return bars_;
}

std::size_t TimelineView::framesInWindow() {
  ensureBuilt();
  return framesInWindow_;
}

std::optional<std::size_t> TimelineView::frameAt(const QPointF& pixel) {
  ensureBuilt();
  double best = plot_->selectionTolerance();
  std::optional<std::size_t> found;
  for (const Mark& m : marks_) {
    for (QCPLayerable* item : {static_cast<QCPLayerable*>(m.item), static_cast<QCPLayerable*>(m.label)}) {
      if (!item) continue;
      const double distance = item->selectTest(pixel, false);
      if (distance >= 0 && distance <= best) {
        best = distance;
        found = m.frame;
      }
    }
  }
  return found;
}

void TimelineView::setCurrentFrame(std::size_t frameIndex) {
  if (!source_ || frameIndex >= source_->frameCount()) return;
  current_ = frameIndex;
  const double x = toAxisSeconds(source_->frame(frameIndex).timestampNs);
  const QCPRange range = plot_->xAxis->range();
  if (!range.contains(x)) setVisibleRange(x - range.size() / 2, x + range.size() / 2);  // same zoom, centred
  scheduleRebuild();
}

void TimelineView::focusHandoff(const roam::HandoffRecord& record) {
  const auto [low, high] = recordSpan(record);
  focused_ = std::make_pair(record.sta, record.startNs);
  lanes_.ensureLane(NodeAddress::mac(record.sta), {});
  focusSpan(low, high);
}

void TimelineView::focusSpan(std::int64_t startNs, std::int64_t endNs) {
  // A tenth of the span on each side, at least 50 µs: a join's phases can all fall within a millisecond.
  const double margin = std::max(sim::toSeconds(endNs - startNs) / 10, 50e-6);
  setVisibleRange(toAxisSeconds(startNs) - margin, toAxisSeconds(endNs) + margin);
}

void TimelineView::fitAll() {
  followAll_ = true;
  fitRange();
  scheduleRebuild();
}

void TimelineView::fitRange() {
  double low = 0, high = 1;
  if (source_ && lanes_.frameCount() > 0) {
    low = toAxisSeconds(source_->frame(0).timestampNs);
    high = toAxisSeconds(source_->frame(lanes_.frameCount() - 1).timestampNs);
    const double margin = std::max((high - low) / 50, 1e-3);
    low -= margin;
    high += margin;
  }
  settingRange_ = true;
  plot_->xAxis->setRange(low, high);
  settingRange_ = false;
}

void TimelineView::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) applyTheme();
}

void TimelineView::clearAll() {
  // The source's frames are about to go: nothing may point at them or at the items any more.
  plot_->clearItems();
  marks_.clear();
  bars_.clear();
  labels_.clear();
  pointNames_.clear();
  current_.reset();
  focused_.reset();
  framesInWindow_ = 0;
  lanes_.reset();
  updateLaneAxis();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::reloadNames() {
  // The emulated run knows its nodes; opened captures name lanes by address (timeline_node_names.h).
  const auto* run = qobject_cast<EmulationController*>(source_);
  const sim::Topology* topology = run ? run->topology() : nullptr;
  lanes_.reset(topology ? nodeNamesOf(*topology) : NodeNames{});
  pointNames_.clear();
}

void TimelineView::classifyNewFrames() {
  if (!source_) return;
  const std::size_t before = lanes_.frameCount();
  for (std::size_t i = before; i < source_->frameCount(); ++i) {
    const FrameView frame = source_->frame(i);
    if (frame.capturePoint >= pointNames_.size()) pointNames_.resize(frame.capturePoint + 1);
    QString& point = pointNames_[frame.capturePoint];
    if (point.isNull()) point = source_->pointName(frame.capturePoint);
    lanes_.append(frame, point);
  }
  if (lanes_.frameCount() == before) return;
  // A growing run stays in view until the user zooms or pans: the range follows at once (cheap), but the
  // items are rebuilt at most every kGrowthRedrawMs while frames keep coming (a capture being read in
  // batches every 40 ms, a running emulation): a rebuild and replot take tens of milliseconds, and the
  // packet list must keep the event loop.
  if (followAll_) fitRange();
  dirty_ = true;
  if (!growthTimer_.isActive()) growthTimer_.start();
}

void TimelineView::addRecordLanes() {
  if (!source_) return;
  for (const roam::HandoffRecord& record : source_->handoffs()) lanes_.ensureLane(NodeAddress::mac(record.sta), {});
}

void TimelineView::scheduleRebuild() {
  dirty_ = true;
  // A hidden dock costs nothing while a run grows: its first paint builds what is pending (eventFilter).
  if (isVisible()) rebuildTimer_.start();
}

void TimelineView::ensureBuilt() {
  if (dirty_) rebuild();
}

void TimelineView::rebuild() {
  dirty_ = false;
  rebuildTimer_.stop();
  plot_->clearItems();
  marks_.clear();
  bars_.clear();
  updateLaneAxis();
  // A capture's origin is its first frame's wall-clock time, known only once it has frames.
  plot_->xAxis->setLabel(source_ && source_->timeOriginNs() != 0 ? tr("Time since the first frame (s)")
                                                                 : tr("Virtual time (s)"));
  const auto [lower, upper] = visibleRange();
  // Phase bars first (drawn under the arrows) with at most an eighth of the items, then the marks.
  int budget = itemCap_;
  budget -= drawPhaseBars(lower, upper, budget / 8);
  const std::vector<std::size_t> inWindow = acceptedFramesIn(lower, upper);
  framesInWindow_ = inWindow.size();
  // A labelled mark is two items.
  const bool labelled = inWindow.size() <= static_cast<std::size_t>(std::min(kMaxLabelledMarks, budget / 2));
  const std::vector<std::size_t> drawn =
      labelled ? inWindow : sampleFrames(inWindow, static_cast<std::size_t>(std::max(budget, 0)), current_);
  drawMarks(drawn, labelled);
  status_->setText(
      drawn.size() == inWindow.size()
          ? tr("%L1 frames in view").arg(inWindow.size())
          : tr("%L1 of %L2 frames in view drawn: zoom in to see each one").arg(drawn.size()).arg(inWindow.size()));
  // Rendered into the plot's buffers now, painted on the next update: a grab or a paint that comes before a
  // queued replot would show the previous window.
  plot_->replot(QCustomPlot::rpQueuedRefresh);
}

bool TimelineView::eventFilter(QObject* watched, QEvent* event) {
  // Whatever paints the chart first (a resize, a grab, the screenshot script) sees the current window.
  if (watched == plot_ && event->type() == QEvent::Paint) ensureBuilt();
  return QWidget::eventFilter(watched, event);
}

std::size_t TimelineView::firstFrameAfter(double axisSeconds, bool inclusive) const {
  // Frames are in time order in every source (run_export.h): binary search over the classified ones, comparing
  // in axis seconds so the window's edges mean exactly what toAxisSeconds says.
  std::size_t low = 0, high = lanes_.frameCount();
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    const double x = toAxisSeconds(source_->frame(mid).timestampNs);
    if (inclusive ? x < axisSeconds : x <= axisSeconds)
      low = mid + 1;
    else
      high = mid;
  }
  return low;
}

std::vector<std::size_t> TimelineView::acceptedFramesIn(double lowerS, double upperS) const {
  std::vector<std::size_t> frames;
  if (!source_) return frames;
  // Between the two searches only the per-frame lane records are read: no frame, no timestamp.
  const std::size_t end = firstFrameAfter(upperS, false);
  for (std::size_t i = firstFrameAfter(lowerS, true); i < end; ++i)
    if (lanes_.accepted(i)) frames.push_back(i);
  return frames;
}

int TimelineView::drawPhaseBars(double lowerS, double upperS, int budget) {
  if (!source_) return 0;
  const PlotTheme theme = plotThemeFor(palette());
  const QFontMetrics metrics(plot_->font());
  const auto& records = source_->handoffs();
  int used = 0;
  for (std::size_t r = 0; r < records.size() && used < budget; ++r) {
    const roam::HandoffRecord& record = records[r];
    const auto [low, high] = recordSpan(record);
    if (toAxisSeconds(high) < lowerS || toAxisSeconds(low) > upperS) continue;
    const int lane = lanes_.rowOf(NodeAddress::mac(record.sta));
    if (lane < 0) continue;
    const bool highlighted = focused_ && focused_->first == record.sta && focused_->second == record.startNs;
    for (const roam::Phase& phase : record.phases) {
      if (used >= budget) break;
      const double start = toAxisSeconds(phase.startNs);
      const double end = toAxisSeconds(phase.endNs);
      if (end < lowerS || start > upperS) continue;
      auto* rect = new QCPItemRect(plot_);
      rect->topLeft->setCoords(start, lane + kBarTop);
      rect->bottomRight->setCoords(end, lane + kBarBottom);
      QColor fill = phaseColor(phase.kind);
      // The focused handoff's phases stand out; the others stay visible but quiet.
      fill.setAlpha(highlighted ? 255 : 110);
      rect->setBrush(fill);
      rect->setPen(highlighted ? QPen(theme.foreground, 1.5) : QPen(Qt::NoPen));
      ++used;
      bars_.push_back({r, phase, lane, highlighted, rect});
      // The phase's name inside its bar when it fits; otherwise the tooltip of the mouse says it.
      const QString name = QString::fromStdString(std::string(roam::phaseName(phase.kind)));
      const double width = plot_->xAxis->coordToPixel(end) - plot_->xAxis->coordToPixel(start);
      if (used < budget && width > metrics.horizontalAdvance(name) + 6) {
        auto* text = new QCPItemText(plot_);
        text->position->setCoords((start + end) / 2, lane + (kBarTop + kBarBottom) / 2);
        text->setText(name);
        // On a solid bar the name takes whichever of black and white reads on the phase's colour.
        text->setColor(!highlighted             ? theme.foreground
                       : fill.lightness() > 150 ? QColor(Qt::black)
                                                : QColor(Qt::white));
        ++used;
      }
    }
  }
  return used;
}

void TimelineView::drawMarks(const std::vector<std::size_t>& frames, bool labelled) {
  const PlotTheme theme = plotThemeFor(palette());
  const QColor highlight = palette().color(QPalette::Highlight);
  QColor tickColor = theme.foreground;
  tickColor.setAlpha(120);
  // More arrows than a few pixels each: heads and full ink would merge into a black band, so a dense window
  // draws thin translucent lines whose darkness shows where traffic is dense; the selected frame stays bold.
  const bool dense = static_cast<int>(frames.size()) * 4 > plot_->axisRect()->width();
  QColor arrowColor = theme.foreground;
  if (dense) arrowColor.setAlpha(90);
  const auto makeLine = [&](std::size_t frame, const FrameLanes& lanes) {
    const double x = toAxisSeconds(source_->frame(frame).timestampNs);
    const bool isCurrent = current_ && *current_ == frame;
    auto* line = new QCPItemLine(plot_);
    if (lanes.groupAddressed()) {
      line->start->setCoords(x, lanes.sender);
      line->end->setCoords(x, lanes.sender + kTickLength);
      line->setPen(QPen(isCurrent ? highlight : tickColor, isCurrent ? 3 : 1));
    } else {
      // A frame a node sends to itself (two addresses of one named node) is a short arrow down from its lane.
      const double to = lanes.receiver == lanes.sender ? lanes.sender + kTickLength : lanes.receiver;
      line->start->setCoords(x, lanes.sender);
      line->end->setCoords(x, to);
      if (isCurrent || !dense)
        line->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, isCurrent ? 10 : 7, isCurrent ? 12 : 9));
      line->setPen(QPen(isCurrent ? highlight : arrowColor, isCurrent ? 2.5 : 1));
    }
    return line;
  };
  marks_.reserve(frames.size());
  std::optional<std::size_t> currentMark;
  for (const std::size_t frame : frames) {
    const FrameLanes lanes = lanes_.lanesOf(frame);
    const bool isCurrent = current_ && *current_ == frame;
    if (isCurrent) currentMark = marks_.size();  // its line is created last, so it is drawn on top
    marks_.push_back({frame, lanes, isCurrent ? nullptr : makeLine(frame, lanes), nullptr});
  }
  if (currentMark) marks_[*currentMark].item = makeLine(marks_[*currentMark].frame, marks_[*currentMark].lanes);
  if (labelled) drawLabels(theme.foreground, highlight);
}

void TimelineView::drawLabels(const QColor& text, const QColor& highlight) {
  // Greedy: a label starts right of its arrow, at the arrow's middle, and is placed only where it overlaps no
  // label placed before, so dense bursts keep their arrows but not a pile of text. The selected frame's label
  // goes first, then the others in time order. Ticks get no label (a beacon every 100 ms per AP would crowd
  // out the handshake); the tooltip names them.
  const QFontMetrics metrics(plot_->font());
  std::vector<Mark*> order;
  for (Mark& m : marks_)
    if (!m.lanes.groupAddressed()) order.push_back(&m);
  std::stable_partition(order.begin(), order.end(),
                        [this](const Mark* m) { return current_ && *current_ == m->frame; });
  std::vector<QRectF> placed;
  for (Mark* m : order) {
    const double x = m->item->start->coords().x();
    const double middle = (m->lanes.sender + m->lanes.receiver) / 2.0;
    const QString label = metrics.elidedText(labelOf(m->frame), Qt::ElideRight, kLabelPixels);
    const QRectF box(plot_->xAxis->coordToPixel(x) + 3, plot_->yAxis->coordToPixel(middle) - metrics.height() / 2.0,
                     metrics.horizontalAdvance(label) + 6, metrics.height());
    if (std::any_of(placed.begin(), placed.end(), [&](const QRectF& r) { return r.intersects(box); })) continue;
    auto* item = new QCPItemText(plot_);
    item->position->setCoords(x, middle);
    item->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    item->setPadding(QMargins(3, 0, 0, 0));
    item->setText(label);
    item->setColor(current_ && *current_ == m->frame ? highlight : text);
    placed.push_back(box);
    m->label = item;
  }
}

QString TimelineView::toolTipAt(const QPointF& pixel) {
  if (const auto frame = frameAt(pixel)) {
    const FrameView view = source_->frame(*frame);
    const Dissection d = dissectFrame(view.linkType, view.data);
    return tr("No. %1 at %2 s on %3\n%4: %5")
        .arg(*frame + 1)
        .arg(toAxisSeconds(view.timestampNs), 0, 'f', 9)
        .arg(source_->pointName(view.capturePoint), QString::fromStdString(d.protocol),
             QString::fromStdString(infoColumn(d)));
  }
  for (const PhaseBar& bar : bars_) {
    const double distance = bar.item->selectTest(pixel, false);
    if (distance >= 0 && distance <= 1)
      return tr("%1: %2 ms")
          .arg(QString::fromStdString(std::string(roam::phaseName(bar.phase.kind))))
          .arg(static_cast<double>(bar.phase.endNs - bar.phase.startNs) / 1e6, 0, 'f', 3);
  }
  return {};
}

QString TimelineView::labelOf(std::size_t frame) const {
  if (const QString* cached = labels_.object(frame)) return *cached;
  const FrameView view = source_->frame(frame);
  const QString text = timelineLabel(dissectFrame(view.linkType, view.data));
  labels_.insert(frame, new QString(text));
  return text;
}

void TimelineView::updateLaneAxis() {
  auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot_->yAxis->ticker());
  ticker->clear();
  for (int row = 0; row < lanes_.laneCount(); ++row) ticker->addTick(row, lanes_.laneName(row));
  plot_->yAxis->setRange(-0.6, std::max(lanes_.laneCount(), 1) - 0.4);
}

void TimelineView::applyTheme() {
  const PlotTheme theme = plotThemeFor(palette());
  applyPlotTheme(*plot_, theme);
  // The lane lines are the y grid: solid, so a lane reads as a line across the chart.
  QColor lane = theme.foreground;
  lane.setAlpha(70);
  plot_->yAxis->grid()->setPen(QPen(lane, 1, Qt::SolidLine));
  scheduleRebuild();  // items take their colours when drawn
}

void TimelineView::onRangeChanged() {
  if (settingRange_) return;  // set by this view, which rebuilds (or throttles the rebuild) itself
  followAll_ = false;         // the user zoomed or panned: new frames no longer move the view
  scheduleRebuild();
}

void TimelineView::onMousePress(QMouseEvent* event) { pressPos_ = event->position(); }

void TimelineView::onMouseRelease(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  // A drag pans the axis; only a click that stayed in place picks a frame.
  if ((event->position() - pressPos_).manhattanLength() > QApplication::startDragDistance()) return;
  if (const auto frame = frameAt(event->position())) {
    setCurrentFrame(*frame);
    emit frameActivated(*frame);
  }
}

void TimelineView::zoomBy(double factor) {
  const QCPRange range = plot_->xAxis->range();
  setVisibleRange(range.center() - range.size() * factor / 2, range.center() + range.size() * factor / 2);
}

void TimelineView::panBy(double fractionOfWindow) {
  const QCPRange range = plot_->xAxis->range();
  const double shift = range.size() * fractionOfWindow;
  setVisibleRange(range.lower + shift, range.upper + shift);
}

}  // namespace rs::ui
