// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/run_decryption.h"

#include "core/analysis/handshake_tracker.h"
#include "core/analysis/key_annotator.h"
#include "core/analysis/key_ring.h"
#include "core/protocols/wlan/key_log.h"
#include "core/sim/capture_hub.h"

namespace rs::ui {

namespace {

FrameView viewOf(const sim::MemoryFrameSink& store, std::size_t index) {
  const auto& f = store.frames[index];
  return FrameView{index, f.time, static_cast<std::uint32_t>(f.linkType), f.point, ByteView(f.bytes)};
}

}  // namespace

RunDecryption::RunDecryption() = default;
RunDecryption::~RunDecryption() = default;

void RunDecryption::clear() {
  tracker_.reset();
  ring_.reset();
  framesSeen_ = 0;
  keysSeen_ = 0;
}

void RunDecryption::rebuild(const sim::MemoryFrameSink& store, const wlan::KeyLog* keys) {
  clear();
  if (!keys) return;
  ring_ = std::make_unique<KeyRing>();
  for (const auto& e : keys->entries()) {
    if (e.type == "tk") ring_->addTk(e.key, e.comment);
    else ring_->addPmk(e.key, e.comment);
  }
  tracker_ = std::make_unique<HandshakeTracker>(*ring_);
  for (std::size_t i = 0; i < store.frames.size(); ++i) tracker_->observe(viewOf(store, i));
  framesSeen_ = store.frames.size();
  keysSeen_ = keys->entries().size();
}

void RunDecryption::annotate(const sim::MemoryFrameSink& store, const wlan::KeyLog* keys, std::size_t row,
                             Dissection& dissection) {
  if (!keys || keys->entries().empty()) return;
  // New keys can decrypt frames already seen: start over; new frames alone are observed incrementally.
  if (!tracker_ || keys->entries().size() != keysSeen_) rebuild(store, keys);
  for (; framesSeen_ < store.frames.size(); ++framesSeen_) tracker_->observe(viewOf(store, framesSeen_));
  if (row >= store.frames.size()) return;
  rs::annotateKeys(*tracker_, viewOf(store, row), dissection);
}

}  // namespace rs::ui
