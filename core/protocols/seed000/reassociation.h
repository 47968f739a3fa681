// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two sides of the seed-000 three-message re-association
// (docs/protocols/seed-000.md section 4), on action bodies built and parsed by
// dissectors/seed000. Each handler checks a received message in the documented
// order and either answers or names the failure; nothing changes on failure.
// Randoms are passed in so the emulator's seeded generator keeps runs
// reproducible.
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>

#include "core/crypto/ptk_derivation.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/seed000/seed000.h"

namespace rs::protocols::seed000 {

// The PTKSA both sides established before re-association.
struct Ptksa {
  MacAddress sta;
  MacAddress bssid;
  crypto::Ptk ptk;
  Bytes ptkId;
  rs::seed000::SaType saType;
};

enum class Outcome : std::uint8_t {
  Accepted,           // the message passed every check; `reply` holds the answer (if any)
  Malformed,          // does not parse as the expected seed-000 message
  UnexpectedMessage,  // a valid message this side does not expect now
  UnknownPtkId,       // no PTKSA of that name (e.g. the STA's PMK differs)
  SaTypeMismatch,     // the SA type differs from the PTKSA's
  MicFailure,         // the MIC does not verify with the KCK
  ReplayedSRandom,    // AP: this SRandom was already used with the PTKSA
  StaleSRandom,       // STA: message 2 does not echo the SRandom of message 1
  StaleARandom,       // AP: message 3 does not echo the ARandom of message 2
  GtkUnwrapFailure,   // STA: the wrapped GTK fails the RFC 3394 integrity check
  CryptoError,        // a key operation could not run (wrong key sizes)
};
std::string_view outcomeName(Outcome outcome);

struct Step {
  Outcome outcome = Outcome::Malformed;
  Bytes reply;  // the action body to send (Category .. MIC); empty when none
};

class Station {
 public:
  explicit Station(Ptksa ptksa) : ptksa_(std::move(ptksa)) {}
  // Message 1 with `sRandom` (32 octets); an Accepted step carries it.
  Step start(ByteView sRandom);
  // Checks message 2 and answers with message 3.
  Step onResponse(ByteView actionBody);
  bool complete() const { return complete_; }
  // The GTK and its key ID once message 2 was accepted.
  const crypto::SecretBytes& gtk() const { return gtk_; }
  std::uint8_t gtkId() const { return gtkId_; }

 private:
  Ptksa ptksa_;
  Bytes sRandom_;
  bool waiting_ = false;
  bool complete_ = false;
  crypto::SecretBytes gtk_;
  std::uint8_t gtkId_ = 0;
};

class AccessPoint {
 public:
  AccessPoint(Ptksa ptksa, crypto::SecretBytes gtk, std::uint8_t gtkId)
      : ptksa_(std::move(ptksa)), gtk_(std::move(gtk)), gtkId_(gtkId) {}
  // Checks message 1 and answers with message 2 carrying `aRandom` (32 octets).
  Step onRequest(ByteView actionBody, ByteView aRandom);
  // Checks message 3; on success the STA is associated.
  Step onConfirm(ByteView actionBody);
  bool associated() const { return associated_; }

 private:
  Ptksa ptksa_;
  crypto::SecretBytes gtk_;
  std::uint8_t gtkId_ = 0;
  std::set<Bytes> usedSRandoms_;
  Bytes aRandom_;
  bool waiting_ = false;
  bool associated_ = false;
};

}  // namespace rs::protocols::seed000
