// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/capture_document.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMetaObject>
#include <algorithm>

#include <sys/resource.h>
#include <unistd.h>

#include "core/analysis/handshake_tracker.h"
#include "core/analysis/key_annotator.h"

namespace rs::ui {

namespace {
// Nice value of the reading thread (0 is normal, 19 the lowest).
constexpr int kWorkerNice = 10;
}  // namespace

CaptureDocument::CaptureDocument(QObject* parent) : FrameSource(parent) {}

CaptureDocument::~CaptureDocument() { joinWorker(); }

void CaptureDocument::joinWorker() {
  if (job_) job_->cancel();
  if (worker_.joinable()) worker_.join();
  job_.reset();
}

void CaptureDocument::close() {
  joinWorker();
  ++generation_;  // batches and results the old job already posted are dropped
  emit aboutToClear();
  batches_.clear();
  batchStarts_.clear();
  frameCount_ = 0;
  timeOrigin_ = 0;
  pointNames_.clear();
  errors_.clear();
  paths_.clear();
  pendingResult_.reset();
  // The frames borrowed the files' mappings: they go only now that no view holds a frame.
  result_.reset();
  emit cleared();
}

void CaptureDocument::open(const QStringList& paths, std::unique_ptr<KeyRing> keys) {
  close();
  paths_ = paths;
  keysGiven_ = keys && !keys->empty();
  LoadRequest request;
  for (const QString& p : paths) request.paths.push_back(p.toStdString());
  request.keys = std::move(keys);
  const quint64 generation = generation_;
  // Batches cross to the GUI thread as queued calls on this object; a call for a document that is gone
  // is dropped by Qt, one for a document opened since is dropped by its generation.
  job_ = std::make_shared<CaptureLoadJob>(std::move(request), [this, generation](LoadBatch&& batch) {
    auto shared = std::make_shared<LoadBatch>(std::move(batch));
    QMetaObject::invokeMethod(
        this, [this, generation, shared] { if (generation == generation_) receiveBatch(std::move(*shared)); },
        Qt::QueuedConnection);
  });
  worker_ = std::thread([this, job = job_, generation] {
    // Below the GUI thread: on a busy machine reading waits, the window does not.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kWorkerNice);
    auto result = std::make_shared<LoadResult>(job->run());
    QMetaObject::invokeMethod(
        this,
        [this, generation, result] {
          if (generation != generation_) return;
          pendingResult_ = std::make_unique<LoadResult>(std::move(*result));
          receiveResult();
        },
        Qt::QueuedConnection);
  });
}

void CaptureDocument::cancel() {
  if (job_) job_->cancel();
}

void CaptureDocument::waitForLoaded() {
  if (worker_.joinable()) worker_.join();
  // The worker's last posts (batches, the result) are queued on this thread: deliver them now.
  QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void CaptureDocument::receiveBatch(LoadBatch batch) {
  for (auto& [point, name] : batch.newPoints) pointNames_[point] = QString::fromStdString(name);
  if (!batch.frames.empty()) {
    const std::size_t first = frameCount_;
    const std::size_t count = batch.frames.size();
    if (first == 0) timeOrigin_ = batch.frames.front().timestampNs;
    batchStarts_.push_back(first);
    batches_.push_back(std::move(batch.frames));
    frameCount_ += count;
    emit framesAdded(static_cast<qsizetype>(first), static_cast<qsizetype>(count));
  }
  emit loadProgress(static_cast<qint64>(batch.bytesRead), static_cast<qint64>(batch.bytesTotal));
}

void CaptureDocument::receiveResult() {
  if (worker_.joinable()) worker_.join();  // it has posted its last call: this returns at once
  job_.reset();
  result_ = std::move(pendingResult_);
  for (const std::string& e : result_->errors) errors_.push_back(QString::fromStdString(e));
  if (!errors_.isEmpty()) emit errorOccurred(errors_.join(QStringLiteral("; ")));
  emit handoffsChanged();
  if (keysGiven_) emit keysChanged();
  emit loadFinished(result_->cancelled);
}

roam::ReportContext CaptureDocument::reportContext() const {
  roam::ReportContext context;
  for (const QString& p : paths_) context.inputs.push_back(p.toStdString());
  context.keysGiven = keysGiven_;
  if (result_ && result_->analyzer) context.budget = result_->analyzer->config().budget;
  return context;
}

std::vector<std::string> CaptureDocument::clockOffsetLines() const {
  return result_ ? result_->clockOffsetLines : std::vector<std::string>{};
}

std::vector<std::string> CaptureDocument::fileNames() const {
  return result_ ? result_->fileNames : std::vector<std::string>{};
}

std::optional<ClockOffsetEstimate> CaptureDocument::clockOffsets() const {
  return result_ ? result_->clockOffsets : std::nullopt;
}

FrameView CaptureDocument::frame(std::size_t index) const {
  const auto after = std::upper_bound(batchStarts_.begin(), batchStarts_.end(), index);
  const auto batch = static_cast<std::size_t>(after - batchStarts_.begin()) - 1;
  const LoadedFrame& f = batches_[batch][index - batchStarts_[batch]];
  return FrameView{index, f.timestampNs, f.linkType, f.capturePoint, f.data};
}

QString CaptureDocument::pointName(std::uint32_t point) const {
  const auto it = pointNames_.find(point);
  return it != pointNames_.end() ? it->second : QString::number(point);
}

const std::vector<roam::HandoffRecord>& CaptureDocument::handoffs() const {
  static const std::vector<roam::HandoffRecord> kNone;
  return result_ ? result_->records : kNone;
}

void CaptureDocument::annotateKeys(std::size_t index, Dissection& dissection) {
  // The key analysis needs the whole pass (message 2 is judged when message 3 arrives): only after loading.
  if (!result_ || !result_->analyzer || index >= frameCount_) return;
  if (const HandshakeTracker* keys = result_->analyzer->handshakes()) rs::annotateKeys(*keys, frame(index), dissection);
}

}  // namespace rs::ui
