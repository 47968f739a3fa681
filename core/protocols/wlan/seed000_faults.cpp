// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/seed000_faults.h"

#include "core/crypto/seed000_keys.h"
#include "dissectors/seed000/seed000.h"

namespace rs::wlan {
namespace {

struct NamedFault {
  std::string_view name;
  Seed000Fault fault;
};
constexpr NamedFault kFaults[] = {
    {"none", Seed000Fault::None},
    {"wrong-pmk", Seed000Fault::WrongPmk},
    {"bad-ptkid", Seed000Fault::BadPtkId},
    {"bad-mic-1", Seed000Fault::BadMic1},
    {"bad-mic-2", Seed000Fault::BadMic2},
    {"bad-mic-3", Seed000Fault::BadMic3},
    {"replay-srandom", Seed000Fault::ReplaySRandom},
    {"stale-srandom", Seed000Fault::StaleSRandom},
    {"stale-arandom", Seed000Fault::StaleARandom},
};

}  // namespace

std::optional<Seed000Fault> seed000FaultFromName(std::string_view name) {
  for (const auto& f : kFaults)
    if (f.name == name) return f.fault;
  return std::nullopt;
}

std::string_view seed000FaultName(Seed000Fault fault) {
  for (const auto& f : kFaults)
    if (f.fault == fault) return f.name;
  return "none";
}

std::string_view seed000FaultNames() {
  return "none, wrong-pmk, bad-ptkid, bad-mic-1, bad-mic-2, bad-mic-3, replay-srandom, stale-srandom, stale-arandom";
}

void corruptMic(Bytes& bodyOrFrame) {
  if (!bodyOrFrame.empty()) bodyOrFrame.back() ^= 0x01;
}

std::optional<Bytes> withOtherRandom(ByteView actionBody, ByteView replacement, ByteView kck, const MacAddress& spa,
                                     const MacAddress& bssid) {
  const auto parsed = rs::seed000::parseActionBody(actionBody);
  if (!parsed.ok) return std::nullopt;
  rs::seed000::Message m = parsed.message;
  m.mic = {};
  if (m.type == rs::seed000::MessageType::AuthenticatePtkResponse) m.sRandom = replacement;
  else if (m.type == rs::seed000::MessageType::GroupKeyConfirm) m.aRandom = replacement;
  else return std::nullopt;
  auto body = rs::seed000::buildActionBody(m);
  if (!body) return std::nullopt;
  auto mic = crypto::seed000::messageMic(kck, spa, bssid, *body);
  if (!mic || !rs::seed000::setMic(*body, *mic)) return std::nullopt;
  return body;
}

}  // namespace rs::wlan
