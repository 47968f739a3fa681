// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/roam_event.h"

#include "core/analysis/frame_decryptor.h"
#include "core/analysis/handshake_tracker.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/index/frame_class.h"
#include "dissectors/inet/llc.h"
#include "dissectors/seed000/seed000.h"

namespace rs::roam {
namespace {

using namespace ieee80211;

constexpr std::uint8_t kElementRsn = 48;
constexpr std::uint8_t kElementFte = 55;
constexpr std::uint8_t kWpaVendorType = 1;
constexpr std::uint16_t kEtherTypeEapol = 0x888e;
constexpr std::uint16_t kEtherTypePreauth = 0x88c7;

// The station/AP roles of a unicast management frame: address 3 is the BSSID
// (9.3.3.2); whichever of SA/DA is not the BSSID is the station.
bool assignManagementRoles(const MacHeader& h, RoamEvent& e) {
  const auto bssid = h.bssid();
  const auto sa = h.sa();
  const auto da = h.da();
  if (!bssid || !sa || !da) return false;
  if (*sa == *bssid && !da->isGroup()) {
    e.fromAp = true;
    e.sta = *da;
  } else if (*da == *bssid && !sa->isGroup()) {
    e.fromAp = false;
    e.sta = *sa;
  } else {
    return false;
  }
  e.bssid = *bssid;
  return true;
}

void readRequestElements(ByteView elements, RoamEvent& e) {
  if (auto rsn = findElement(elements, kElementRsn)) {
    e.rsne = true;
    if (auto rsne = parseRsne(rsn->data)) {
      if (rsne->akmSuites && !rsne->akmSuites->empty()) e.akm = rsne->akmSuites->front().type;
      e.pmkid = rsne->pmkids && !rsne->pmkids->empty();
    }
  }
  // WPA (before IEEE 802.11i): the same AKM numbering in a vendor element (00-50-F2 type 1); its
  // 4-way handshake ends the attempt just as an RSN one does.
  if (!e.rsne) {
    if (auto vendor = findVendorElement(elements, kWfaOui, kWpaVendorType)) {
      e.rsne = true;
      if (auto wpa = parseWpaElement(vendor->data); wpa && wpa->akmSuites && !wpa->akmSuites->empty())
        e.akm = wpa->akmSuites->front().type;
    }
  }
  e.fte = findElement(elements, kElementFte).has_value();
}

// The first 8 octets of a 32-octet random, as a pairing tag (the randoms are fresh per message, so 64 bits
// tell the exchanges of one station apart).
std::uint64_t randomTag(ByteView random) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8 && i < random.size(); ++i) v = (v << 8) | random[i];
  return v;
}

// Seed-000 fast re-association messages: Address 3 is the target AP (docs/protocols/seed-000.md 2), so the
// usual management roles apply. Only well-formed messages count (a malformed one is dropped by the AP too);
// their MICs need the PTK, which the capture alone does not give.
bool decodeSeed000(const MacHeader& h, ByteView body, RoamEvent& e) {
  const seed000::ParsedMessage parsed = seed000::parseActionBody(body);
  if (!parsed.ok || !assignManagementRoles(h, e)) return false;
  const seed000::Message& m = parsed.message;
  const bool fromAp = m.type == seed000::MessageType::AuthenticatePtkResponse;
  if (e.fromAp != fromAp) return false;  // message 2 comes from the AP, messages 1 and 3 from the station
  e.kind = EventKind::Seed000;
  e.seed000Message = static_cast<std::uint8_t>(m.type);
  e.seed000SRandom = randomTag(m.sRandom);
  e.seed000ARandom = randomTag(m.aRandom);
  return true;
}

bool decodeManagement(const MacHeader& h, ByteView body, RoamEvent& e) {
  switch (h.subtype) {
    case mgmt::ProbeRequest: {
      // Probe requests go to broadcast (or a BSSID); the sender is the station scanning.
      const auto sa = h.sa();
      if (!sa || sa->isGroup()) return false;
      e.kind = EventKind::ProbeRequest;
      e.sta = *sa;
      e.bssid = h.bssid().value_or(MacAddress::broadcast());
      return true;
    }
    case mgmt::ProbeResponse:
      e.kind = EventKind::ProbeResponse;
      return assignManagementRoles(h, e) && e.fromAp;
    case mgmt::Authentication: {
      const auto a = parseAuthenticationBody(body);
      if (!a || !assignManagementRoles(h, e)) return false;
      e.kind = EventKind::Authentication;
      e.authAlgorithm = a->algorithm;
      e.authSequence = a->transactionSequence;
      e.statusCode = a->statusCode;
      return true;
    }
    case mgmt::AssociationRequest:
    case mgmt::ReassociationRequest: {
      const bool re = h.subtype == mgmt::ReassociationRequest;
      const auto r = parseAssociationRequestBody(body, re);
      if (!r || !assignManagementRoles(h, e) || e.fromAp) return false;
      e.kind = EventKind::AssociationRequest;
      e.reassociation = re;
      readRequestElements(r->elements, e);
      return true;
    }
    case mgmt::AssociationResponse:
    case mgmt::ReassociationResponse: {
      const auto r = parseAssociationResponseBody(body);
      if (!r || !assignManagementRoles(h, e) || !e.fromAp) return false;
      e.kind = EventKind::AssociationResponse;
      e.reassociation = h.subtype == mgmt::ReassociationResponse;
      e.statusCode = r->statusCode;
      return true;
    }
    case mgmt::Deauthentication:
    case mgmt::Disassociation: {
      const auto r = parseReasonBody(body);
      if (!r || !assignManagementRoles(h, e)) return false;
      e.kind = h.subtype == mgmt::Deauthentication ? EventKind::Deauthentication : EventKind::Disassociation;
      e.reasonCode = r->reasonCode;
      return true;
    }
    case mgmt::Action: {
      if (seed000::isSeed000ActionBody(body)) return decodeSeed000(h, body, e);
      if (body.empty() || body[0] != category::FastBssTransition) return false;
      const auto ft = parseFtActionBody(body);
      if (!ft || (ft->action != 1 && ft->action != 2) || !assignManagementRoles(h, e)) return false;
      // Over the DS the frames go to the *current* AP; the roam's target is in the body (9.6.8.2).
      e.kind = ft->action == 1 ? EventKind::FtRequest : EventKind::FtResponse;
      e.bssid = ft->targetApAddress;
      e.statusCode = ft->statusCode.value_or(0);
      if (ft->action == 1) readRequestElements(ft->elements, e);
      return true;
    }
    default:
      return false;
  }
}

// The EAPOL-Key message and replay counter an event carries; false when the frame does not parse.
bool readKeyFields(const eapol::EapolHeader& header, RoamEvent& e) {
  const auto key = eapol::parseEapolKey(header.pdu, eapol::inferMicLength(header.pdu));
  if (!key) return false;
  e.keyMessage = key->message;
  e.replayCounter = key->replayCounter;
  return true;
}

// The EAP code, identifier and type an event carries; nullopt when the body is no EAP packet.
std::optional<eapol::EapPacket> readEapFields(const eapol::EapolHeader& header, RoamEvent& e) {
  auto eap = eapol::parseEap(header.body);
  if (!eap) return std::nullopt;
  e.eapCode = eap->code;
  e.eapIdentifier = eap->identifier;
  e.eapType = eap->type.value_or(0);
  return eap;
}

// EAPOL inside a data frame: EAP start/end markers and EAPOL-Key messages.
bool decodeEapol(ByteView eapolPdu, RoamEvent& e) {
  const auto header = eapol::parseEapolHeader(eapolPdu);
  if (!header) return false;
  if (header->type == static_cast<std::uint8_t>(eapol::PacketType::Start)) {
    e.kind = EventKind::EapStart;
    return true;
  }
  if (header->isKey()) {
    if (!readKeyFields(*header, e)) return false;
    e.kind = EventKind::EapolKey;
    return true;
  }
  if (!header->isEap()) return false;
  const auto eap = readEapFields(*header, e);
  if (!eap) return false;
  switch (static_cast<eapol::EapCode>(eap->code)) {
    case eapol::EapCode::Success: e.kind = EventKind::EapSuccess; break;
    case eapol::EapCode::Failure: e.kind = EventKind::EapFailure; break;
    default:
      e.kind = eap->isRequest() && eap->type == eapol::eaptype::kIdentity ? EventKind::EapStart : EventKind::EapOther;
  }
  return true;
}

// RSN pre-authentication (IEEE 802.11-2016 12.6.10.2): EAPOL over the DS between the station and a
// target AP, relayed by the current AP. Its success gives the target a PMKSA; its frames are the EAP phase
// of a seed-000 roam, and an EAPOL-Key exchange carried the same way is that method's 4-way handshake with
// the target, run before the re-association (docs/protocols/seed-000.md 3). The target is the DA of what
// the station sends and the SA of what it receives.
bool decodePreauth(const MacHeader& h, ByteView eapolPdu, RoamEvent& e) {
  const auto header = eapol::parseEapolHeader(eapolPdu);
  const auto target = e.fromAp ? h.sa() : h.da();
  if (!header || !target || target->isGroup()) return false;
  e.bssid = *target;
  if (header->isKey()) {
    if (!readKeyFields(*header, e)) return false;
    e.kind = EventKind::PreReassocKey;
    return true;
  }
  if (header->type == static_cast<std::uint8_t>(eapol::PacketType::Start)) {
    e.kind = EventKind::PreauthEap;
    return true;
  }
  if (!header->isEap()) return false;
  const auto eap = readEapFields(*header, e);
  if (!eap) return false;
  const bool success = eap->code == static_cast<std::uint8_t>(eapol::EapCode::Success);
  e.kind = success && e.fromAp ? EventKind::PreauthSuccess : EventKind::PreauthEap;
  return true;
}

bool decodeData(const FrameView& frame, const WlanFrame& located, const MacHeader& h, const HandshakeTracker* keys,
                RoamEvent& e) {
  if (h.isNullData() || h.ds() == 0 || h.ds() == 3) return false;  // no payload, or not infrastructure traffic
  e.fromAp = h.fromDs();
  const auto sta = e.fromAp ? h.da() : h.sa();
  const auto bssid = h.bssid();
  if (!sta || !bssid || sta->isGroup()) return false;
  e.sta = *sta;
  e.bssid = *bssid;
  e.kind = EventKind::Data;
  if (h.amsduPresent()) return true;
  // An unprotected body's LLC/SNAP header was read when the frame was located; a protected one is read here
  // after decryption.
  ByteView msdu = located.msdu;
  std::optional<inet::LlcSnap> llc = located.llcSnap;
  std::optional<DecryptedFrame> plain;
  if (h.isProtected()) {
    if (!keys) return true;
    plain = decryptFrame(*keys, located.mpdu, frame.index);
    if (!plain) return true;
    msdu = plain->msdu;
    llc = inet::parseLlcSnap(msdu);
  }
  if (llc && llc->etherType == kEtherTypeEapol) return decodeEapol(msdu.subspan(llc->payloadOffset), e);
  if (llc && llc->etherType == kEtherTypePreauth) return decodePreauth(h, msdu.subspan(llc->payloadOffset), e);
  return true;
}

}  // namespace

std::optional<int> channelFromMhz(std::uint16_t mhz) {
  if (mhz == 2484) return 14;
  if (mhz >= 2412 && mhz <= 2472) return (mhz - 2407) / 5;
  if (mhz >= 5955 && mhz <= 7115) return (mhz - 5950) / 5;
  if (mhz >= 5000 && mhz <= 5925) return (mhz - 5000) / 5;
  return std::nullopt;
}

std::optional<RoamEvent> decodeRoamEvent(const FrameView& frame, const HandshakeTracker* keys) {
  return decodeRoamEvent(frame, WlanFrame::locate(frame), keys);
}

std::optional<RoamEvent> decodeRoamEvent(const FrameView& frame, const WlanFrame& located,
                                         const HandshakeTracker* keys) {
  // The event is built in place and every path returns `out` itself (no copy of the event: this runs for nearly
  // every frame, and copying a struct just written field by field stalls on the partial writes).
  std::optional<RoamEvent> out;
  const ByteView wlan = located.mpdu;
  const auto& header = located.header;
  if (wlan.empty() || !header) return out;
  RoamEvent& e = out.emplace();
  e.frameIndex = frame.index;
  e.timestampNs = frame.timestampNs;
  const ByteView body = wlan.subspan(header->bodyOffset());
  bool relevant = false;
  if (header->isManagement())
    relevant = decodeManagement(*header, body, e);
  else if (header->isData())
    relevant = decodeData(frame, located, *header, keys, e);
  if (!relevant) {
    out.reset();
    return out;
  }
  // The radio header: classified only for the frames that matter (channel, signal).
  const WlanFrame::Radio radio = located.radio(frame);
  e.channel = channelFromMhz(radio.channelMhz);
  e.signalDbm = radio.signalDbm;
  return out;
}

}  // namespace rs::roam
