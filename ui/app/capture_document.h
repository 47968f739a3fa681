// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opened capture files as a frame source: the files are read, merged and
// analysed by a CaptureLoadJob on a worker thread, and the frames arrive in
// batches (framesAdded) so the packet list paints its first rows at once and
// the window stays responsive however large the files are. When the job ends
// the handoffs of the roam analysis appear (handoffsChanged) and protected
// frames decrypt with the keys the document was opened with.
//
// Cancelling keeps what was read so far, analysed, as Wireshark keeps the
// packets read before "Stop" while loading.
#include <QStringList>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/analysis/roam/roam_report.h"
#include "ui/app/capture_load_job.h"
#include "ui/app/frame_source.h"

namespace rs::ui {

class CaptureDocument : public FrameSource {
  Q_OBJECT

 public:
  explicit CaptureDocument(QObject* parent = nullptr);
  ~CaptureDocument() override;

  // Closes what is open and starts reading `paths` (several are merged by timestamp) with `keys` for the
  // analysis and decryption. Returns at once; progress, finished and errors follow as signals.
  void open(const QStringList& paths, std::unique_ptr<KeyRing> keys);
  // Stops reading at the next batch; what was read stays and is analysed.
  void cancel();
  // Waits for the worker (tests, the benchmark and shutdown).
  void waitForLoaded();
  void close();

  bool isOpen() const { return !paths_.isEmpty(); }
  bool isLoading() const override { return worker_.joinable() && !result_; }
  QStringList paths() const { return paths_; }
  // One per unreadable or damaged file, after loading.
  QStringList loadErrors() const { return errors_; }
  // The context `roamscope-cli analyze` writes its reports with, and the clock-offset lines of a merge.
  roam::ReportContext reportContext() const;
  std::vector<std::string> clockOffsetLines() const;
  // The opened files' names and, when several were merged, their estimated clock offsets (after loading).
  std::vector<std::string> fileNames() const;
  std::optional<ClockOffsetEstimate> clockOffsets() const;
  std::uint64_t duplicatesDropped() const { return result_ ? result_->duplicatesDropped : 0; }

  // FrameSource
  std::size_t frameCount() const override { return frameCount_; }
  FrameView frame(std::size_t index) const override;
  QString pointName(std::uint32_t point) const override;
  const std::vector<roam::HandoffRecord>& handoffs() const override;
  void annotateKeys(std::size_t index, Dissection& dissection) override;
  std::int64_t timeOriginNs() const override { return timeOrigin_; }

 signals:
  // Bytes read over the size of every file.
  void loadProgress(qint64 done, qint64 total);
  // The job ended (read to the end, cancelled, or with errors reported through errorOccurred first).
  void loadFinished(bool cancelled);

 private:
  void receiveBatch(LoadBatch batch);
  void receiveResult();
  void joinWorker();

  QStringList paths_;
  QStringList errors_;
  // The batches as they arrived, kept whole: appending never copies or moves the frames already shown
  // (a single vector would reallocate 32 MB at a time on the GUI thread), and frame(i) finds its batch by
  // binary search over the batches' first indices.
  std::vector<std::vector<LoadedFrame>> batches_;
  std::vector<std::size_t> batchStarts_;
  std::size_t frameCount_ = 0;
  std::int64_t timeOrigin_ = 0;
  std::unordered_map<std::uint32_t, QString> pointNames_;
  std::shared_ptr<CaptureLoadJob> job_;
  std::thread worker_;
  // Written by the worker before it posts receiveResult; read on the GUI thread after.
  std::unique_ptr<LoadResult> pendingResult_;
  std::unique_ptr<LoadResult> result_;
  bool keysGiven_ = false;
  // Bumped by every open/close: batches a cancelled job posted late are dropped by generation.
  quint64 generation_ = 0;
};

}  // namespace rs::ui
