// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/key_anomaly_detector.h"

#include <fmt/format.h>

#include <algorithm>

namespace rs {

namespace {

bool isZero(ByteView nonce) {
  return std::all_of(nonce.begin(), nonce.end(), [](std::uint8_t b) { return b == 0; });
}

// Keeps the map to the `limit` most recent entries (by frame).
void bound(std::map<Bytes, std::uint64_t>& m, std::size_t limit) {
  while (m.size() > limit) {
    auto oldest = std::min_element(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    m.erase(oldest);
  }
}

}  // namespace

std::string_view keyAnomalyName(KeyAnomalyKind kind) {
  switch (kind) {
    case KeyAnomalyKind::ANonceReused: return "anonce-reused";
    case KeyAnomalyKind::SNonceReused: return "snonce-reused";
    case KeyAnomalyKind::ReplayCounterNotIncreasing: return "replay-counter";
    case KeyAnomalyKind::KeyReinstallation: return "key-reinstallation";
  }
  return "unknown";
}

void KeyAnomalyDetector::resetReplayCounter(const MacAddress& aa, const MacAddress& spa) {
  auto it = pairs_.find({aa, spa});
  if (it == pairs_.end()) return;
  it->second.lastCounter.reset();
  it->second.lastMessage.reset();
  it->second.lastNonce.clear();
}

void KeyAnomalyDetector::observe(const MacAddress& aa, const MacAddress& spa, const eapol::EapolKeyFrame& frame,
                                 std::uint64_t index, std::vector<KeyAnomaly>& anomalies, bool& retransmission) {
  PairState& pair = pairs_[{aa, spa}];
  using eapol::KeyMessage;
  switch (frame.message) {
    case KeyMessage::Pairwise1:
    case KeyMessage::Pairwise3:
    case KeyMessage::Group1: return observeAuthenticator(pair, frame, index, anomalies, retransmission);
    case KeyMessage::Pairwise2:
    case KeyMessage::Pairwise4:
    case KeyMessage::Group2: return observeSupplicant(pair, frame, index, anomalies);
  }
}

void KeyAnomalyDetector::observeAuthenticator(PairState& pair, const eapol::EapolKeyFrame& frame, std::uint64_t index,
                                              std::vector<KeyAnomaly>& anomalies, bool& retransmission) {
  using eapol::KeyMessage;
  const Bytes nonce = toBytes(frame.nonce);
  // The previous message again with the same nonce: a retransmission (an 802.11
  // retry heard twice keeps the replay counter, an EAPOL-level retry of message
  // 1 or 3 increments it). Group message 1's nonce is often constant or zero, so
  // a new group key handshake counts as a retransmission only with the same counter.
  const bool sameCounter = pair.lastCounter && frame.replayCounter == *pair.lastCounter;
  const bool laterCounter = pair.lastCounter && frame.replayCounter > *pair.lastCounter;
  // Message 3 of a handshake whose message 4 was seen is no retry but a reinstallation (below).
  const bool afterMessage4 = frame.message == KeyMessage::Pairwise3 && pair.completedANonces.count(nonce);
  if (pair.lastMessage == frame.message && pair.lastNonce == nonce &&
      (sameCounter || (laterCounter && frame.message != KeyMessage::Group1 && !afterMessage4))) {
    retransmission = true;
    pair.lastCounter = frame.replayCounter;
    pair.lastCounterFrame = index;
    return;
  }
  // 12.7.2: the Authenticator increments the replay counter for every EAPOL-Key frame it sends.
  if (pair.lastCounter && frame.replayCounter <= *pair.lastCounter) {
    anomalies.push_back(KeyAnomaly{
        KeyAnomalyKind::ReplayCounterNotIncreasing,
        fmt::format("replay counter {} not above {} of frame {} (IEEE 802.11-2016 12.7.2)", frame.replayCounter,
                    *pair.lastCounter, pair.lastCounterFrame + 1),
        pair.lastCounterFrame});
  }
  if (frame.message == KeyMessage::Pairwise1 && !isZero(nonce)) {
    if (auto it = pair.completedANonces.find(nonce); it != pair.completedANonces.end())
      anomalies.push_back(KeyAnomaly{
          KeyAnomalyKind::ANonceReused,
          fmt::format("ANonce of the handshake completed at frame {} used again for a new handshake", it->second + 1),
          it->second});
    pair.anonce = nonce;
  } else if (frame.message == KeyMessage::Pairwise3 && !isZero(nonce)) {
    if (auto it = pair.completedANonces.find(nonce); it != pair.completedANonces.end())
      anomalies.push_back(KeyAnomaly{
          KeyAnomalyKind::KeyReinstallation,
          fmt::format("message 3 of the handshake whose message 4 is frame {}: the station installs the same PTK "
                      "again and resets its packet numbers (key reinstallation)",
                      it->second + 1),
          it->second});
    else
      pair.anonce = nonce;  // message 1 may not have been captured
  }
  pair.lastCounter = std::max(frame.replayCounter, pair.lastCounter.value_or(0));
  pair.lastCounterFrame = index;
  pair.lastMessage = frame.message;
  pair.lastNonce = nonce;
}

void KeyAnomalyDetector::observeSupplicant(PairState& pair, const eapol::EapolKeyFrame& frame, std::uint64_t index,
                                           std::vector<KeyAnomaly>& anomalies) {
  using eapol::KeyMessage;
  if (frame.message == KeyMessage::Pairwise2 && !isZero(frame.nonce)) {
    const Bytes snonce = toBytes(frame.nonce);
    if (auto it = pair.completedSNonces.find(snonce); it != pair.completedSNonces.end())
      anomalies.push_back(KeyAnomaly{
          KeyAnomalyKind::SNonceReused,
          fmt::format("SNonce of the handshake completed at frame {} used again for a new handshake", it->second + 1),
          it->second});
    pair.snonce = snonce;
    return;
  }
  if (frame.message != KeyMessage::Pairwise4 || pair.anonce.empty()) return;
  // Message 4 completes the handshake: its nonces must not come back.
  pair.completedANonces.emplace(pair.anonce, index);
  if (!pair.snonce.empty()) pair.completedSNonces.emplace(pair.snonce, index);
  bound(pair.completedANonces, kRememberedHandshakes);
  bound(pair.completedSNonces, kRememberedHandshakes);
}

}  // namespace rs
