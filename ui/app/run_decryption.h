// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decrypts the emulated run's protected frames for the details pane, with the
// keys the run's APs installed (wlan::KeyLog): the same key analysis as
// `roamscope-cli dissect --keys` (HandshakeTracker + annotateKeys), fed with
// the run's TKs and PMKs instead of a key file. Seed 000's PTK has its own
// KDF label, so its TKs are what let its frames decrypt. Rebuilt only when
// frames or keys were added since the last use.
#include <cstddef>
#include <memory>

#include "dissectors/common/dissection.h"

namespace rs {
class HandshakeTracker;
class KeyRing;
}  // namespace rs

namespace rs::sim {
class MemoryFrameSink;
}
namespace rs::wlan {
class KeyLog;
}

namespace rs::ui {

class RunDecryption {
 public:
  RunDecryption();
  ~RunDecryption();
  RunDecryption(const RunDecryption&) = delete;
  RunDecryption& operator=(const RunDecryption&) = delete;

  // Adds the key analysis of frame `row` of `store` to `dissection` (derived keys, MIC checks, the decrypted
  // payload), with the keys of `keys` (null: none yet).
  void annotate(const sim::MemoryFrameSink& store, const wlan::KeyLog* keys, std::size_t row, Dissection& dissection);
  // Forgets everything (a new run was loaded or reset).
  void clear();

 private:
  void rebuild(const sim::MemoryFrameSink& store, const wlan::KeyLog* keys);

  std::unique_ptr<KeyRing> ring_;
  std::unique_ptr<HandshakeTracker> tracker_;
  std::size_t framesSeen_ = 0;
  std::size_t keysSeen_ = 0;
};

}  // namespace rs::ui
