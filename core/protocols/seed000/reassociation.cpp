// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/seed000/reassociation.h"

#include "core/crypto/seed000_keys.h"

namespace rs::protocols::seed000 {
namespace wire = rs::seed000;
namespace keys = rs::crypto::seed000;

namespace {

bool equal(ByteView a, ByteView b) { return crypto::constantTimeEquals(a, b); }

// Builds `m`, computes its MIC with the PTKSA's KCK and writes it in.
Step signedReply(const Ptksa& sa, const wire::Message& m) {
  auto body = wire::buildActionBody(m);
  if (!body) return {Outcome::CryptoError, {}};
  auto mic = keys::messageMic(sa.ptk.kck, sa.sta, sa.bssid, *body);
  if (!mic || !wire::setMic(*body, *mic)) return {Outcome::CryptoError, {}};
  return {Outcome::Accepted, std::move(*body)};
}

// Parses `body` as message `type`; nullopt-like outcome otherwise.
std::optional<Outcome> expectType(const wire::ParsedMessage& parsed, wire::MessageType type) {
  if (!parsed.ok) return Outcome::Malformed;
  if (parsed.message.type != type) return Outcome::UnexpectedMessage;
  return std::nullopt;
}

std::optional<Outcome> checkMic(const Ptksa& sa, ByteView body) {
  auto verified = keys::verifyMessageMic(sa.ptk.kck, sa.sta, sa.bssid, body);
  if (!verified) return Outcome::CryptoError;
  if (!*verified) return Outcome::MicFailure;
  return std::nullopt;
}

}  // namespace

std::string_view outcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::Accepted: return "accepted";
    case Outcome::Malformed: return "malformed message";
    case Outcome::UnexpectedMessage: return "unexpected message";
    case Outcome::UnknownPtkId: return "unknown PTKID";
    case Outcome::SaTypeMismatch: return "SA type mismatch";
    case Outcome::MicFailure: return "MIC failure";
    case Outcome::ReplayedSRandom: return "replayed SRandom";
    case Outcome::StaleSRandom: return "SRandom not the one sent";
    case Outcome::StaleARandom: return "ARandom not the one sent";
    case Outcome::GtkUnwrapFailure: return "GTK unwrap failure";
    case Outcome::CryptoError: return "crypto error";
  }
  return "unknown";
}

Step Station::start(ByteView sRandom) {
  wire::Message m;
  m.type = wire::MessageType::AuthenticatePtkRequest;
  m.saType = ptksa_.saType;
  m.sRandom = sRandom;
  m.ptkId = ptksa_.ptkId;
  Step step = signedReply(ptksa_, m);
  if (step.outcome == Outcome::Accepted) {
    sRandom_ = toBytes(sRandom);
    waiting_ = true;
    complete_ = false;
  }
  return step;
}

Step Station::onResponse(ByteView body) {
  const auto parsed = wire::parseActionBody(body);
  if (auto bad = expectType(parsed, wire::MessageType::AuthenticatePtkResponse)) return {*bad, {}};
  if (!waiting_) return {Outcome::UnexpectedMessage, {}};
  const wire::Message& m = parsed.message;
  // Step 4a-4d of the document, in order.
  if (!equal(m.sRandom, sRandom_)) return {Outcome::StaleSRandom, {}};
  if (!equal(m.ptkId, ptksa_.ptkId)) return {Outcome::UnknownPtkId, {}};
  if (!(m.saType == ptksa_.saType)) return {Outcome::SaTypeMismatch, {}};
  if (auto bad = checkMic(ptksa_, body)) return {*bad, {}};
  auto gtk = keys::unwrapGtk(ptksa_.ptk.kek, m.wrappedGtk);
  if (!gtk) {
    const bool integrity = gtk.code() == crypto::ErrorCode::IntegrityFailure;
    return {integrity ? Outcome::GtkUnwrapFailure : Outcome::Malformed, {}};
  }

  wire::Message confirm;
  confirm.type = wire::MessageType::GroupKeyConfirm;
  confirm.aRandom = m.aRandom;
  Step step = signedReply(ptksa_, confirm);
  if (step.outcome != Outcome::Accepted) return step;
  gtk_ = std::move(*gtk);
  gtkId_ = static_cast<std::uint8_t>(m.gtkId & 3);
  waiting_ = false;
  complete_ = true;
  return step;
}

Step AccessPoint::onRequest(ByteView body, ByteView aRandom) {
  const auto parsed = wire::parseActionBody(body);
  if (auto bad = expectType(parsed, wire::MessageType::AuthenticatePtkRequest)) return {*bad, {}};
  const wire::Message& m = parsed.message;
  // Steps 2b-2e of the document, in order.
  if (!equal(m.ptkId, ptksa_.ptkId)) return {Outcome::UnknownPtkId, {}};
  if (!(m.saType == ptksa_.saType)) return {Outcome::SaTypeMismatch, {}};
  if (auto bad = checkMic(ptksa_, body)) return {*bad, {}};
  if (usedSRandoms_.count(toBytes(m.sRandom))) return {Outcome::ReplayedSRandom, {}};

  auto wrapped = keys::wrapGtk(ptksa_.ptk.kek, gtk_);
  if (!wrapped) return {Outcome::CryptoError, {}};
  wire::Message response;
  response.type = wire::MessageType::AuthenticatePtkResponse;
  response.saType = ptksa_.saType;
  response.aRandom = aRandom;
  response.sRandom = m.sRandom;
  response.ptkId = ptksa_.ptkId;
  response.gtkId = gtkId_;
  response.wrappedGtk = *wrapped;
  Step step = signedReply(ptksa_, response);
  if (step.outcome != Outcome::Accepted) return step;
  usedSRandoms_.insert(toBytes(m.sRandom));
  aRandom_ = toBytes(aRandom);
  waiting_ = true;
  associated_ = false;
  return step;
}

Step AccessPoint::onConfirm(ByteView body) {
  const auto parsed = wire::parseActionBody(body);
  if (auto bad = expectType(parsed, wire::MessageType::GroupKeyConfirm)) return {*bad, {}};
  if (!waiting_) return {Outcome::UnexpectedMessage, {}};
  // Steps 6a-6b.
  if (!equal(parsed.message.aRandom, aRandom_)) return {Outcome::StaleARandom, {}};
  if (auto bad = checkMic(ptksa_, body)) return {*bad, {}};
  waiting_ = false;
  associated_ = true;
  return {Outcome::Accepted, {}};
}

}  // namespace rs::protocols::seed000
