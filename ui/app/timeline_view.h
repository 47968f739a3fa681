// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Timeline dock: a sequence chart of a frame source (the emulated run or
// opened captures). Time runs left to right (seconds since the source's time
// origin: virtual time, or since a capture's first frame); each node is a
// horizontal lane (timeline_lanes.h); a frame is a vertical arrow at its
// timestamp from the sender's lane to the receiver's, labelled with its Info
// text when there is room, and a group-addressed frame (beacon, broadcast
// probe) a short tick on the sender's lane. Each handoff's phases are bars
// just above its station's lane, in the plots' phase colours.
//
// Only the visible window becomes QCustomPlot items, at most itemCap() of
// them, rebuilt lazily (one zero-delay timer coalesces range changes and new
// frames; a hidden view waits for its next paint; reading marks() or
// phaseBars() builds pending changes first). The
// mouse drags and wheels the time axis only; a click on an arrow or its label
// emits frameActivated.
#include <QCache>
#include <QPointF>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/analysis/roam/handoff_record.h"
#include "ui/app/timeline_lanes.h"

class QCustomPlot;
class QCPAbstractItem;
class QCPItemLine;
class QCPItemRect;
class QLabel;
class QMouseEvent;

namespace rs::ui {

class FrameSource;

class TimelineView : public QWidget {
  Q_OBJECT

 public:
  // The default item cap: a few thousand items keep a replot well under a frame's time.
  static constexpr int kDefaultItemCap = 3000;
  // Labels are drawn only when the window holds at most this many marks (and then only where they do not
  // overlap an earlier one): beyond that they are an unreadable smear.
  static constexpr int kMaxLabelledMarks = 300;

  explicit TimelineView(QWidget* parent = nullptr);
  ~TimelineView() override;

  // Shows another source's frames (an opened capture instead of the run, and back); null shows nothing.
  void setSource(FrameSource* source);
  FrameSource* source() const { return source_; }

  void setItemCap(int cap);
  int itemCap() const { return itemCap_; }

  // The visible window in seconds since the source's time origin.
  void setVisibleRange(double lowerS, double upperS);
  std::pair<double, double> visibleRange() const;
  // A frame-stream timestamp on the time axis.
  double toAxisSeconds(std::int64_t timestampNs) const;

  // What the window shows (tests, screenshots); builds pending changes first.
  struct Mark {
    std::size_t frame = 0;
    FrameLanes lanes;
    QCPItemLine* item = nullptr;       // the arrow, or the tick of a group-addressed frame
    QCPAbstractItem* label = nullptr;  // its Info text, when there was room
  };
  struct PhaseBar {
    std::size_t record = 0;  // index into the source's handoffs()
    roam::Phase phase;
    int lane = 0;
    bool highlighted = false;  // a phase of the record focusHandoff showed
    QCPItemRect* item = nullptr;
  };
  const std::vector<Mark>& marks();
  const std::vector<PhaseBar>& phaseBars();
  // Frames in the window that have a lane, drawn or not (more than marks() when the cap applies).
  std::size_t framesInWindow();
  const TimelineLanes& lanes() const { return lanes_; }
  QCustomPlot* plot() const { return plot_; }
  std::optional<std::size_t> currentFrame() const { return current_; }

  // The frame whose arrow, tick or label is under `pixel` (the plot's widget coordinates), nearest first.
  std::optional<std::size_t> frameAt(const QPointF& pixel);

 public slots:
  // Highlights the frame's mark and pans to it when it lies outside the window (the packet list's selection).
  void setCurrentFrame(std::size_t frameIndex);
  // Zooms to the record's span (its phases and its start..end) with a margin and highlights its phase bars.
  void focusHandoff(const roam::HandoffRecord& record);
  // Zooms to [startNs, endNs] (frame-stream timestamps) with the same margin (a Mobile IP registration).
  void focusSpan(std::int64_t startNs, std::int64_t endNs);
  // Shows every frame, and keeps showing every frame as the source grows until the user zooms or pans.
  void fitAll();

 signals:
  // The user clicked a frame's mark.
  void frameActivated(std::size_t frameIndex);

 protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void clearAll();
  void reloadNames();
  void classifyNewFrames();
  // Fits the time axis to every frame without rebuilding the items.
  void fitRange();
  void addRecordLanes();
  void scheduleRebuild();
  void ensureBuilt();
  void rebuild();
  // The frames with a lane whose axis time lies in [lowerS, upperS], in stream order.
  std::vector<std::size_t> acceptedFramesIn(double lowerS, double upperS) const;
  // The first classified frame at or after (inclusive) / after `axisSeconds`; frameCount when none.
  std::size_t firstFrameAfter(double axisSeconds, bool inclusive) const;
  // Draws the phase bars (and names that fit) of the handoffs in the window with at most `budget` items.
  int drawPhaseBars(double lowerS, double upperS, int budget);
  void drawMarks(const std::vector<std::size_t>& frames, bool labelled);
  void drawLabels(const QColor& text, const QColor& highlight);
  // The short text beside an arrow, and the tooltip under the mouse (the frame's full Info, or a phase).
  QString labelOf(std::size_t frame) const;
  QString toolTipAt(const QPointF& pixel);
  void updateLaneAxis();
  void applyTheme();
  void onRangeChanged();
  void onMousePress(QMouseEvent* event);
  void onMouseRelease(QMouseEvent* event);
  void zoomBy(double factor);
  void panBy(double fractionOfWindow);

  FrameSource* source_ = nullptr;
  QCustomPlot* plot_;
  QLabel* status_;
  TimelineLanes lanes_;
  QTimer rebuildTimer_;
  QTimer growthTimer_;  // coalesces redraws while the source grows
  static constexpr int kGrowthRedrawMs = 250;
  bool dirty_ = false;
  // The window follows the whole source while true (a new run, "Fit all"); a user's zoom or pan clears it.
  bool followAll_ = true;
  bool settingRange_ = false;
  int itemCap_ = kDefaultItemCap;
  std::size_t framesInWindow_ = 0;
  std::vector<Mark> marks_;
  std::vector<PhaseBar> bars_;
  std::optional<std::size_t> current_;
  // The record focusHandoff showed, by station and start (records are rebuilt as the run grows).
  std::optional<std::pair<MacAddress, std::int64_t>> focused_;
  QPointF pressPos_;
  // Labels of recently drawn frames: a pan redraws mostly the same frames, and dissecting is the cost.
  mutable QCache<std::size_t, QString> labels_{4096};
  std::vector<QString> pointNames_;  // by capture point, for lanes of unnamed addresses
};

}  // namespace rs::ui
