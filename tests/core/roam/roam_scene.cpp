// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/roam/roam_scene.h"

#include <algorithm>
#include <variant>

#include "capture/file/pcapng_writer.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/ft_elements.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/inet/llc.h"
#include "dissectors/radiotap/radiotap.h"

namespace rs::test {
namespace {

using namespace ieee80211;
constexpr std::uint16_t kCapabilities = 0x0431;
constexpr std::uint32_t kLinkTypeRadiotap = 127;

Bytes concat(const Bytes& a, const Bytes& b) {
  Bytes out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

}  // namespace

void RoamScene::add(std::int64_t t, std::uint16_t mhz, std::optional<std::int8_t> signal, const Bytes& mpdu) {
  RadiotapHeader rt;
  RadiotapFields f;
  f.channel = RadiotapChannel{mhz, 0x00c0};
  f.dbmAntennaSignal = signal;
  rt.namespaces.push_back(f);
  frames_.push_back(Frame{t, mhz, concat(buildRadiotap(rt), mpdu)});
}

// Frames from the AP carry its signal; the station's own frames carry a fixed -40 dBm.
void RoamScene::addFromOrTo(std::int64_t t, const SceneAp& ap, bool fromAp, const Bytes& mpdu) {
  add(t, ap.mhz, fromAp ? ap.signalDbm : std::int8_t{-40}, mpdu);
}

void RoamScene::probeRequest(std::int64_t t, std::uint16_t mhz) {
  const MacAddress bcast = MacAddress::broadcast();
  const Bytes elements = buildSsid(std::string_view("roam"));
  add(t, mhz, -40, buildProbeRequest(MacHeader::management(mgmt::ProbeRequest, bcast, sta_, bcast, seq_++),
                                     ProbeRequestBody{elements}));
}

void RoamScene::probeResponse(std::int64_t t, const SceneAp& ap) {
  const Bytes elements = buildSsid(std::string_view("roam"));
  addFromOrTo(t, ap, true,
              buildProbeResponse(MacHeader::management(mgmt::ProbeResponse, sta_, ap.bssid, ap.bssid, seq_++),
                                 BeaconBody{0, 100, kCapabilities, elements}));
}

void RoamScene::beacon(std::int64_t t, const SceneAp& ap, const BeaconSecurity& security) {
  Bytes elements = buildSsid(std::string_view(security.ssid));
  if (!security.akms.empty()) {
    RsnElement rsn;
    rsn.groupCipher = SuiteSelector{kIeee80211Oui, 4};
    rsn.pairwiseCiphers = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, 4}};
    std::vector<SuiteSelector> akms;
    for (int akm : security.akms) akms.push_back(SuiteSelector{kIeee80211Oui, static_cast<std::uint8_t>(akm)});
    rsn.akmSuites = akms;
    rsn.capabilities = 0;
    elements = concat(elements, buildRsne(rsn));
  }
  if (security.mdid) elements = concat(elements, buildMde(MobilityDomainElement{*security.mdid, 0x00}));
  const MacAddress bcast = MacAddress::broadcast();
  addFromOrTo(t, ap, true,
              buildBeacon(MacHeader::management(mgmt::Beacon, bcast, ap.bssid, ap.bssid, seq_++),
                          BeaconBody{0, 100, kCapabilities, elements}));
}

void RoamScene::authentication(std::int64_t t, const SceneAp& ap, bool fromAp, std::uint16_t algorithm,
                               std::uint16_t sequence, std::uint16_t status) {
  const MacHeader h = fromAp ? MacHeader::management(mgmt::Authentication, sta_, ap.bssid, ap.bssid, seq_++)
                             : MacHeader::management(mgmt::Authentication, ap.bssid, sta_, ap.bssid, seq_++);
  addFromOrTo(t, ap, fromAp, buildAuthentication(h, AuthenticationBody{algorithm, sequence, status, {}}));
}

void RoamScene::associationRequest(std::int64_t t, const SceneAp& ap, std::optional<MacAddress> currentAp,
                                   const RequestSecurity& security) {
  Bytes elements = buildSsid(std::string_view("roam"));
  if (security.akm != 0) {
    RsnElement rsn;
    rsn.groupCipher = SuiteSelector{kIeee80211Oui, 4};
    rsn.pairwiseCiphers = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, 4}};
    rsn.akmSuites = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, static_cast<std::uint8_t>(security.akm)}};
    rsn.capabilities = 0;
    if (security.pmkid) rsn.pmkids = std::vector<Pmkid>{Pmkid{0x11, 0x22, 0x33}};
    elements = concat(elements, buildRsne(rsn));
  }
  if (security.fte) {
    elements = concat(elements, buildMde(MobilityDomainElement{0xb2a1, 0x00}));
    elements = concat(elements, buildFte(FastBssTransitionElement{}));
  }
  const std::uint8_t subtype = currentAp ? mgmt::ReassociationRequest : mgmt::AssociationRequest;
  addFromOrTo(t, ap, false,
              buildAssociationRequest(MacHeader::management(subtype, ap.bssid, sta_, ap.bssid, seq_++),
                                      AssociationRequestBody{kCapabilities, 10, currentAp, elements}));
}

void RoamScene::associationResponse(std::int64_t t, const SceneAp& ap, bool reassociation, std::uint16_t status) {
  const std::uint8_t subtype = reassociation ? mgmt::ReassociationResponse : mgmt::AssociationResponse;
  addFromOrTo(t, ap, true,
              buildAssociationResponse(MacHeader::management(subtype, sta_, ap.bssid, ap.bssid, seq_++),
                                       AssociationResponseBody{kCapabilities, status, 0xc001, {}}, reassociation));
}

// FT Request/Response over the DS go to / come from the current AP (IEEE 802.11-2016 13.8.3).
void RoamScene::ftAction(std::int64_t t, const SceneAp& current, const SceneAp& target, bool response,
                         std::uint16_t status) {
  FtActionBody body;
  body.action = response ? 2 : 1;
  body.staAddress = sta_;
  body.targetApAddress = target.bssid;
  if (response) body.statusCode = status;
  const MacHeader h = response ? MacHeader::management(mgmt::Action, sta_, current.bssid, current.bssid, seq_++)
                               : MacHeader::management(mgmt::Action, current.bssid, sta_, current.bssid, seq_++);
  addFromOrTo(t, current, response, buildFtAction(h, body));
}

void RoamScene::eapolStart(std::int64_t t, const SceneAp& ap) {
  const MacHeader h = MacHeader::qosData(true, ap.bssid, sta_, ap.bssid, seq_++, 7);
  addFromOrTo(t, ap, false,
              buildDataFrame(h, inet::buildLlcSnap(0x888e, eapol::buildEapol(2, eapol::PacketType::Start, {}))));
}

void RoamScene::eapPacket(std::int64_t t, const SceneAp& ap, bool fromAp, const Bytes& eap) {
  const MacHeader h = MacHeader::qosData(!fromAp, ap.bssid, sta_, ap.bssid, seq_++, 7);
  addFromOrTo(t, ap, fromAp,
              buildDataFrame(h, inet::buildLlcSnap(0x888e, eapol::buildEapol(2, eapol::PacketType::EapPacket, eap))));
}

void RoamScene::preauthSuccess(std::int64_t t, const SceneAp& current, const SceneAp& target) {
  preauthEapol(t, current, target, true, eapol::buildEapol(2, eapol::PacketType::EapPacket, eapol::buildEapSuccess(7)));
}

void RoamScene::preauthEapol(std::int64_t t, const SceneAp& current, const SceneAp& target, bool fromTarget,
                             const Bytes& eapolPdu) {
  const MacHeader h = MacHeader::qosData(!fromTarget, current.bssid, sta_, target.bssid, seq_++, 0);
  addFromOrTo(t, current, fromTarget, buildDataFrame(h, inet::buildLlcSnap(0x88c7, eapolPdu)));
}

void RoamScene::action(std::int64_t t, const SceneAp& ap, bool fromAp, const Bytes& body) {
  const MacHeader h = fromAp ? MacHeader::management(mgmt::Action, sta_, ap.bssid, ap.bssid, seq_++)
                             : MacHeader::management(mgmt::Action, ap.bssid, sta_, ap.bssid, seq_++);
  Bytes frame = buildMacHeader(h);
  frame.insert(frame.end(), body.begin(), body.end());
  addFromOrTo(t, ap, fromAp, frame);
}

// Key Information as IEEE 802.11-2016 12.7.6.2-12.7.6.5 and 12.7.7 set it.
eapol::EapolKeyFields RoamScene::keyMessageFields(eapol::KeyMessage message, std::uint64_t replayCounter,
                                                  std::uint16_t descriptorVersion) {
  using namespace eapol::keyinfo;
  eapol::EapolKeyFields k;
  k.replayCounter = replayCounter;
  const std::uint16_t v = descriptorVersion & kVersionMask;
  switch (message) {
    case eapol::KeyMessage::Pairwise1: k.keyInfo = kPairwise | kAck | v; break;
    case eapol::KeyMessage::Pairwise2:
      k.keyInfo = kPairwise | kMic | v;
      k.keyData = Bytes{0x30, 0x02, 0x01, 0x00};  // an RSNE: what makes message 2 differ from 4
      break;
    case eapol::KeyMessage::Pairwise3:
      k.keyInfo = kPairwise | kInstall | kAck | kMic | kSecure | kEncryptedKeyData | v;
      k.keyData = Bytes(24, 0xdd);
      break;
    case eapol::KeyMessage::Pairwise4: k.keyInfo = kPairwise | kMic | kSecure | v; break;
    case eapol::KeyMessage::Group1:
      k.keyInfo = kAck | kMic | kSecure | kEncryptedKeyData | v;
      k.keyData = Bytes(24, 0xee);
      break;
    case eapol::KeyMessage::Group2: k.keyInfo = kMic | kSecure | v; break;
  }
  return k;
}

bool RoamScene::sentByAp(eapol::KeyMessage message) {
  return message == eapol::KeyMessage::Pairwise1 || message == eapol::KeyMessage::Pairwise3 ||
         message == eapol::KeyMessage::Group1;
}

void RoamScene::keyMessage(std::int64_t t, const SceneAp& ap, eapol::KeyMessage message,
                           std::uint64_t replayCounter) {
  const bool fromAp = sentByAp(message);
  const MacHeader h = MacHeader::qosData(!fromAp, ap.bssid, sta_, ap.bssid, seq_++, 7);
  addFromOrTo(t, ap, fromAp,
              buildDataFrame(h, inet::buildLlcSnap(0x888e, eapol::buildEapolKey(keyMessageFields(message, replayCounter)))));
}

void RoamScene::data(std::int64_t t, const SceneAp& ap, bool fromAp) {
  const MacHeader h = MacHeader::qosData(!fromAp, ap.bssid, sta_, ap.bssid, seq_++, 0);
  addFromOrTo(t, ap, fromAp, buildDataFrame(h, inet::buildLlcSnap(0x0800, Bytes(40, 0x45))));
}

void RoamScene::deauthentication(std::int64_t t, const SceneAp& ap, bool fromAp, std::uint16_t reason) {
  const MacHeader h = fromAp ? MacHeader::management(mgmt::Deauthentication, sta_, ap.bssid, ap.bssid, seq_++)
                             : MacHeader::management(mgmt::Deauthentication, ap.bssid, sta_, ap.bssid, seq_++);
  addFromOrTo(t, ap, fromAp, buildDeauthentication(h, ReasonBody{reason, {}}));
}

bool RoamScene::write(const std::string& path, std::string& error, std::int64_t shiftNs,
                      std::uint16_t onlyMhz) const {
  auto created = PcapngWriter::create(path);
  if (auto* e = std::get_if<FileError>(&created)) {
    error = e->toString();
    return false;
  }
  auto& w = *std::get<std::unique_ptr<PcapngWriter>>(created);
  const auto iface = w.addInterface(kLinkTypeRadiotap, "air");
  std::vector<Frame> sorted = frames_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Frame& a, const Frame& b) { return a.t < b.t; });
  bool ok = iface.has_value();
  for (const Frame& f : sorted) {
    if (onlyMhz == 0 || f.mhz == onlyMhz) ok = ok && w.writePacket(*iface, f.t + shiftNs, f.bytes);
  }
  ok = w.close() && ok;
  if (!ok) error = w.error() ? w.error()->toString() : "cannot write the capture";
  return ok;
}

}  // namespace rs::test
