// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Anomalies of the EAPOL-Key exchanges of a station pair, the ones the KRACK
// attacks (key reinstallation, 2017) and broken implementations produce:
//  - an ANonce (or SNonce) of a completed 4-way handshake used again for a new
//    handshake of the same pair: the PTK repeats, and with it the CCMP nonces;
//  - the Authenticator's replay counter not increasing (IEEE 802.11-2016 12.7.2:
//    it is incremented for every EAPOL-Key frame it sends, and starts again
//    with each (re)association);
//  - message 3 of a handshake arriving after its message 4: the station
//    installs the same PTK again and resets its packet numbers (key reinstallation).
// A retransmission (the Authenticator's previous message again, same nonce) is
// normal and only counted. Needs no keys: it reads the EAPOL-Key fields.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/eapol/eapol_key.h"

namespace rs {

enum class KeyAnomalyKind { ANonceReused, SNonceReused, ReplayCounterNotIncreasing, KeyReinstallation };

// "anonce-reused", "snonce-reused", "replay-counter", "key-reinstallation": the
// roamscope.key_anomaly field values (docs/fields.md).
std::string_view keyAnomalyName(KeyAnomalyKind kind);

struct KeyAnomaly {
  KeyAnomalyKind kind = KeyAnomalyKind::ANonceReused;
  std::string message;                    // for people, names the frames involved (1-based numbers)
  std::optional<std::uint64_t> earlierFrame;  // 0-based index of the frame it conflicts with
};

class KeyAnomalyDetector {
 public:
  // A (re)association of the pair: the Authenticator's replay counter starts again.
  void resetReplayCounter(const MacAddress& aa, const MacAddress& spa);

  // One EAPOL-Key frame of the pair, in capture order. Appends the frame's
  // anomalies; `retransmission` is set when it repeats the Authenticator's previous message.
  void observe(const MacAddress& aa, const MacAddress& spa, const eapol::EapolKeyFrame& frame, std::uint64_t index,
               std::vector<KeyAnomaly>& anomalies, bool& retransmission);

 private:
  static constexpr std::size_t kRememberedHandshakes = 16;  // nonces of completed handshakes kept per pair
  struct PairState {
    std::optional<std::uint64_t> lastCounter;  // the Authenticator's last replay counter
    std::uint64_t lastCounterFrame = 0;
    std::optional<eapol::KeyMessage> lastMessage;
    Bytes lastNonce;
    Bytes anonce;                            // ANonce of the running handshake
    Bytes snonce;                            // SNonce of its latest message 2
    std::map<Bytes, std::uint64_t> completedANonces;  // ANonce → frame of its message 4
    std::map<Bytes, std::uint64_t> completedSNonces;  // SNonce → frame of its message 4
  };
  void observeAuthenticator(PairState& pair, const eapol::EapolKeyFrame& frame, std::uint64_t index,
                            std::vector<KeyAnomaly>& anomalies, bool& retransmission);
  void observeSupplicant(PairState& pair, const eapol::EapolKeyFrame& frame, std::uint64_t index,
                         std::vector<KeyAnomaly>& anomalies);

  std::map<std::pair<MacAddress, MacAddress>, PairState> pairs_;  // (aa, spa)
};

}  // namespace rs
