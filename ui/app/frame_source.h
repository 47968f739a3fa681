// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the packet views, the handoff table, the timeline and the plots read:
// a growing sequence of frames (timestamp, link type, capture point, bytes),
// the names of the capture points, and the handoffs found in them. Two
// sources exist, and every view works on either unchanged (DESIGN.md: one
// pipeline for emulated and captured traffic): the emulation controller
// (frames the run's capture points record, ground-truth handoffs) and the
// capture document (frames of opened pcap/pcapng files, merged, with the
// handoffs the roam analysis finds).
//
// Sources only grow between aboutToClear/cleared; views learn about new frames
// and handoffs through the signals and read on the GUI thread.
#include <QObject>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/analysis/roam/handoff_record.h"
#include "dissectors/common/dissection.h"
#include "dissectors/common/frame_view.h"

namespace rs::ui {

class FrameSource : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;

  virtual std::size_t frameCount() const = 0;
  // Frame `index` (< frameCount()); its bytes stay valid until the source is cleared.
  virtual FrameView frame(std::size_t index) const = 0;
  // The capture point's name for the Interface column and timeline lanes ("ap1-air", "roam.pcapng:wlan0").
  virtual QString pointName(std::uint32_t point) const = 0;
  virtual const std::vector<roam::HandoffRecord>& handoffs() const = 0;
  // Adds what the source's keys reveal about frame `index` (derived keys, MIC checks, the decrypted
  // payload) to its dissection; does nothing when the source has no keys.
  virtual void annotateKeys(std::size_t index, Dissection& dissection) = 0;
  // Timestamps are virtual time from zero (emulation) or wall-clock time since the Unix epoch (captures);
  // views show times relative to timeOrigin().
  virtual std::int64_t timeOriginNs() const { return 0; }
  // Frames are still arriving from a bulk read (opened captures): views that are expensive to redraw wait
  // for the end (handoffsChanged follows it) instead of redrawing per batch.
  virtual bool isLoading() const { return false; }

 signals:
  // Before/after the frames and handoffs are emptied (load, reset, close): models reset around it.
  void aboutToClear();
  void cleared();
  void framesAdded(qsizetype first, qsizetype count);
  void handoffsChanged();
  // What annotateKeys() gives may have changed (keys were installed, the key analysis finished): views
  // showing decrypted content refresh it.
  void keysChanged();
  void errorOccurred(const QString& message);
};

}  // namespace rs::ui
