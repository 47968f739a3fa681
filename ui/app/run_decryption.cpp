// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/run_decryption.h"

#include "core/analysis/handshake_tracker.h"
#include "core/analysis/key_annotator.h"
#include "core/analysis/key_ring.h"
#include "core/protocols/wlan/key_log.h"
#include "ui/app/emulation_controller.h"

namespace rs::ui {

RunDecryption::RunDecryption() = default;
RunDecryption::~RunDecryption() = default;

void RunDecryption::clear() {
  tracker_.reset();
  ring_.reset();
  framesSeen_ = 0;
  keysSeen_ = 0;
}

void RunDecryption::rebuild(const EmulationController& controller) {
  const wlan::KeyLog* keys = controller.installedKeys();
  clear();
  if (!keys) return;
  ring_ = std::make_unique<KeyRing>();
  for (const auto& e : keys->entries()) {
    if (e.type == "tk") ring_->addTk(e.key, e.comment);
    else ring_->addPmk(e.key, e.comment);
  }
  tracker_ = std::make_unique<HandshakeTracker>(*ring_);
  for (std::size_t i = 0; i < controller.frameCount(); ++i) tracker_->observe(controller.frame(i));
  framesSeen_ = controller.frameCount();
  keysSeen_ = keys->entries().size();
}

void RunDecryption::annotate(const EmulationController& controller, int row, Dissection& dissection) {
  const wlan::KeyLog* keys = controller.installedKeys();
  if (!keys || keys->entries().empty() || row < 0) return;
  // New keys can decrypt frames already seen: start over; new frames alone are observed incrementally.
  if (!tracker_ || keys->entries().size() != keysSeen_) rebuild(controller);
  for (; framesSeen_ < controller.frameCount(); ++framesSeen_) tracker_->observe(controller.frame(framesSeen_));
  if (static_cast<std::size_t>(row) >= controller.frameCount()) return;
  rs::annotateKeys(*tracker_, controller.frame(static_cast<std::size_t>(row)), dissection);
}

}  // namespace rs::ui
