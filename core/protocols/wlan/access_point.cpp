// SPDX-License-Identifier: GPL-3.0-or-later
// Access point: management frames, bridging, and the hooks into its 802.1X
// authenticator (access_point_keys.cpp).
#include "core/protocols/wlan/access_point.h"

#include <fmt/format.h>

#include "core/crypto/ccmp.h"
#include "core/protocols/wlan/air_frames.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/protocols/wlan/ft_elements.h"
#include "core/protocols/wlan/ground_truth.h"
#include "core/protocols/wlan/key_log.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/radius/radius.h"
#include "dissectors/seed000/seed000.h"

namespace rs::wlan {

using namespace ieee80211;
using sim::EventKind;
using sim::TraceKind;

namespace {
constexpr std::uint16_t kStatusSuccess = 0;
constexpr std::uint16_t kStatusRefused = 1;  // unspecified failure
constexpr std::uint16_t kStatusInvalidPmkid = 53;
}  // namespace

AccessPoint::AccessPoint(WlanWorld& world, sim::NodeId node)
    : world_(world),
      node_(node),
      name_(world.node(node).name),
      bssid_(world.node(node).mac),
      random_(world.sim.random("ap/" + world.node(node).name + "/nonces")) {
  const sim::Node& n = world.node(node);
  channel_ = n.channel.value_or(1);
  medium_ = world.sim.mediumOnChannel(channel_);
  if (!medium_) throw std::invalid_argument(fmt::format("access point {}: no medium carries channel {}", name_, channel_));
  medium_->attach(node_, [this](const sim::AirReception& rx) { onAir(rx); });
  const auto links = world.sim.linksOf(node_);
  if (!links.empty()) {
    ds_ = links.front();
    ds_->setReceiver(node_, [this](const sim::WireDelivery& d) { onDs(d); });
  }
  if (world.settings.security == Security::EapTls) {
    RadiusClientConfig rc{world.settings.radiusSecret, n.ipv4.value_or(0), bssid_, world.settings.ssid, name_};
    radius_.emplace(std::move(rc), world.sim.random("ap/" + name_ + "/radius"));
  }
  gtk_ = crypto::SecretBytes(16);
  random_.fill(gtk_.span());
}

void AccessPoint::start() {
  // Offsets spread the APs' TBTTs over the first beacon interval.
  const sim::SimTime interval = world_.settings.beaconIntervalTu * sim::microseconds(1024);
  const sim::SimTime offset = random_.uniformInt(0, interval - 1);
  world_.sim.scheduler().scheduleAfter(offset, {EventKind::Timer, node_, "Beacon"}, [this] { beacon(); });
}

void AccessPoint::beacon() {
  const sim::SimTime interval = world_.settings.beaconIntervalTu * sim::microseconds(1024);
  const auto tsf = static_cast<std::uint64_t>(world_.sim.now() / 1000);
  const Bytes elements = advertisedElements(world_.settings, channel_);
  sendAir(buildBeacon(MacHeader::management(mgmt::Beacon, MacAddress::broadcast(), bssid_, bssid_, nextSequence()),
                      BeaconBody{tsf, world_.settings.beaconIntervalTu, kEssCapabilities, elements}),
          "Beacon", world_.sim.now());
  world_.sim.scheduler().scheduleAfter(interval, {EventKind::Timer, node_, "Beacon"}, [this] { beacon(); });
}

void AccessPoint::sendAir(Bytes mpdu, std::string_view label, sim::SimTime at) {
  auto frame = std::make_shared<Bytes>(std::move(mpdu));
  world_.sim.scheduler().scheduleAt(at, {EventKind::Processing, node_, label}, [this, frame, label] {
    medium_->transmit(node_, std::move(*frame), sim::TxOptions{0, std::nullopt, label});
  });
}

void AccessPoint::sendDs(Bytes frame, std::string_view label, sim::SimTime at) {
  if (!ds_) return;
  auto f = std::make_shared<Bytes>(std::move(frame));
  world_.sim.scheduler().scheduleAt(at, {EventKind::Processing, node_, label},
                                    [this, f, label] { ds_->transmit(node_, std::move(*f), label); });
}

void AccessPoint::onAir(const sim::AirReception& rx) {
  const auto h = parseMacHeader(rx.mpdu);
  if (!h) return;
  if (h->isManagement()) {
    onManagement(rx, *h);
  } else if (h->isData() && h->toDs() && !h->fromDs() && h->bssid() == bssid_) {
    onAirData(rx, *h);
  }
}

void AccessPoint::onManagement(const sim::AirReception& rx, const MacHeader& h) {
  const ByteView body = rx.mpdu.subspan(h.length);
  const MacAddress sta = h.addr[1];
  if (h.subtype == mgmt::ProbeRequest) {
    // Answer wildcard probes and probes for our SSID (IEEE 802.11-2016 11.1.4.3.4).
    const auto ssid = findElement(parseProbeRequestBody(body).elements, 0);
    if (ssid && !ssid->data.empty() &&
        std::string(ssid->data.begin(), ssid->data.end()) != world_.settings.ssid)
      return;
    const auto tsf = static_cast<std::uint64_t>(world_.sim.now() / 1000);
    sendAir(buildProbeResponse(MacHeader::management(mgmt::ProbeResponse, sta, bssid_, bssid_, nextSequence()),
                               BeaconBody{tsf, world_.settings.beaconIntervalTu, kEssCapabilities,
                                          advertisedElements(world_.settings, channel_)}),
            "Probe Response", charge(cost::kMgmtProcessing));
    return;
  }
  if (h.addr[0] != bssid_) return;  // management frames below are addressed to this AP
  if (h.subtype == mgmt::Authentication) onAuthentication(rx, h, body);
  else if (h.subtype == mgmt::AssociationRequest) onAssociationRequest(rx, h, body, false);
  else if (h.subtype == mgmt::ReassociationRequest) onAssociationRequest(rx, h, body, true);
  else if (h.subtype == mgmt::Action && seed000::isSeed000ActionBody(body)) onSeed000Action(sta, body);
  else if (h.subtype == mgmt::Deauthentication || h.subtype == mgmt::Disassociation) stations_.erase(sta);
}

void AccessPoint::onAuthentication(const sim::AirReception&, const MacHeader& h, ByteView body) {
  const auto auth = parseAuthenticationBody(body);
  if (!auth || auth->transactionSequence != 1) return;
  const MacAddress sta = h.addr[1];
  if (auth->algorithm == auth_algorithm::FastBssTransition && world_.settings.handoff == HandoffMethod::FtOverAir) {
    onFtAuthentication(sta, auth->trailer);
    return;
  }
  const bool open = auth->algorithm == auth_algorithm::OpenSystem;
  // A new authentication ends any association the station had here (IEEE 802.11-2016 11.3.4.2).
  if (open) {
    Station& s = stations_[sta];
    s.associated = false;
    s.tk = crypto::SecretBytes();
    // A handshake over the air restarts; the seed-000 one over the DS prepared this very authentication.
    if (auto x = keyExchanges_.find(sta); x != keyExchanges_.end() && x->second.path == Path::Air) keyExchanges_.erase(x);
  }
  trace(TraceKind::FrameReceived, fmt::format("{} got Authentication (algorithm {}) from {}", name_, auth->algorithm,
                                              sta.toString()));
  sendAir(buildAuthentication(MacHeader::management(mgmt::Authentication, sta, bssid_, bssid_, nextSequence()),
                              AuthenticationBody{auth->algorithm, 2,
                                                 open ? kStatusSuccess : std::uint16_t{13} /* unsupported algorithm */,
                                                 {}}),
          "Authentication", charge(cost::kMgmtProcessing));
}

void AccessPoint::onAssociationRequest(const sim::AirReception&, const MacHeader& h, ByteView body, bool re) {
  const MacAddress sta = h.addr[1];
  const auto req = parseAssociationRequestBody(body, re);
  if (req && re && world_.settings.handoff == HandoffMethod::FtOverAir && onFtReassociation(sta, req->elements)) return;
  auto it = stations_.find(sta);
  std::uint16_t status = kStatusSuccess;
  std::optional<Pmkid> pmkid;
  if (!req || it == stations_.end()) {
    status = kStatusRefused;  // not authenticated (class 2 frame from a state-1 station)
  } else if (const auto rsneElement = findElement(req->elements, 48)) {
    const auto rsne = parseRsne(rsneElement->data);
    if (rsne && rsne->pmkids && !rsne->pmkids->empty()) pmkid = rsne->pmkids->front();
  }
  const sim::SimTime done = charge(cost::kMgmtProcessing);
  bool cachedPmk = false;
  if (status == kStatusSuccess && pmkid && world_.settings.security == Security::EapTls) {
    // PMKSA caching (12.6.10.3): the PMKID names a PMK this AP holds for the station.
    const auto* pmk = pmkFor(sta);
    const auto expected = pmk ? essPmkid(world_.settings, *pmk, bssid_, sta) : std::nullopt;
    cachedPmk = expected && crypto::constantTimeEquals(*expected, *pmkid);
    trace(TraceKind::Info, fmt::format("{}: PMKID {} in the {} request {}", name_, toHex(*pmkid),
                                       re ? "reassociation" : "association",
                                       cachedPmk ? "names a cached PMK: no 802.1X needed" : "is unknown: full 802.1X"));
  }
  if (status == kStatusSuccess) {
    Station& s = it->second;
    s.associated = true;
    s.aid = s.aid ? s.aid : nextAid_++;
    s.tk = crypto::SecretBytes();
  }
  const std::uint16_t aidField = static_cast<std::uint16_t>((it != stations_.end() ? it->second.aid : 0) | 0xc000);
  Bytes elements = associationResponseElements(world_.settings);
  if (world_.settings.handoff == HandoffMethod::FtOverAir) {
    // Initial mobility domain association (13.4): the FTE names this AP as R0KH and R1KH.
    const Bytes fte = fteElement(FteFields{std::nullopt, std::nullopt, bssid_, r0khIdOf(name_), {}, false});
    elements.insert(elements.end(), fte.begin(), fte.end());
  }
  sendAir(buildAssociationResponse(
              MacHeader::management(re ? mgmt::ReassociationResponse : mgmt::AssociationResponse, sta, bssid_, bssid_,
                                    nextSequence()),
              AssociationResponseBody{kEssCapabilities, status, aidField, elements}, re),
          re ? "Reassociation Response" : "Association Response", done);
  if (status != kStatusSuccess) return;
  // Tell the DS switches where the station is now (IEEE 802.11F Layer 2 Update).
  sendDs(buildLayer2UpdateFrame(sta), "Layer 2 Update", done);
  // The authenticator starts after the response is on the air.
  const sim::SimTime next = done + sim::microseconds(1);
  world_.sim.scheduler().scheduleAt(next, {EventKind::Protocol, node_, "802.1X start"}, [this, sta, cachedPmk] {
    if (world_.settings.security == Security::Psk || cachedPmk)
      startKeyExchange(sta, Path::Air, false);
    else
      startEap(sta, Path::Air);
  });
}

void AccessPoint::onSeed000Action(const MacAddress& sta, ByteView body) {
  auto it = stations_.find(sta);
  if (it == stations_.end() || !it->second.seed000) {
    trace(TraceKind::Error, fmt::format("{}: seed-000 message from {} without a prepared PTKSA: dropped", name_,
                                        sta.toString()));
    return;
  }
  Station& s = it->second;
  const auto parsed = seed000::parseActionBody(body);
  if (!parsed.ok) return;
  sim::SimTime done = charge(cost::kEapolMic);
  if (parsed.message.type == seed000::MessageType::AuthenticatePtkRequest) {
    const Bytes aRandom = random_.bytes(32);
    done = charge(cost::kAesKeyWrap);
    done = charge(cost::kEapolMic);
    const auto step = s.seed000->onRequest(body, aRandom);
    if (step.outcome != protocols::seed000::Outcome::Accepted) {
      trace(TraceKind::Error, fmt::format("{}: seed-000 Authenticate PTK request from {} rejected: {}", name_,
                                          sta.toString(), protocols::seed000::outcomeName(step.outcome)));
      return;
    }
    trace(TraceKind::FrameSent, fmt::format("{}: PTKID and MIC of message 1 verified; sends Authenticate PTK "
                                            "response with ARandom and the GTK wrapped with the KEK",
                                            name_));
    Bytes reply = step.reply;
    if (world_.settings.seed000Fault == Seed000Fault::BadMic2) corruptMic(reply);  // fault injection
    if (world_.settings.seed000Fault == Seed000Fault::StaleSRandom)
      if (auto other = withOtherRandom(reply, aRandom, s.seed000Kck, sta, bssid_)) reply = *other;
    Bytes frame = buildMacHeader(MacHeader::management(mgmt::Action, sta, bssid_, bssid_, nextSequence()));
    frame.insert(frame.end(), reply.begin(), reply.end());
    sendAir(std::move(frame), "Authenticate PTK response", done);
  } else if (parsed.message.type == seed000::MessageType::GroupKeyConfirm) {
    const auto step = s.seed000->onConfirm(body);
    if (step.outcome != protocols::seed000::Outcome::Accepted) {
      trace(TraceKind::Error, fmt::format("{}: seed-000 Group Key Confirm from {} rejected: {}", name_,
                                          sta.toString(), protocols::seed000::outcomeName(step.outcome)));
      return;
    }
    s.associated = true;
    s.aid = s.aid ? s.aid : nextAid_++;
    s.tk = s.seed000Tk;
    s.pn = 1;
    if (world_.keys) {
      world_.keys->tk(sta, bssid_, s.tk, "seed-000 re-association");
      world_.keys->gtk(bssid_, gtk_, gtkKeyId_);
    }
    s.seed000.reset();
    trace(TraceKind::StateChange, fmt::format("{}: Group Key Confirm verified: {} re-associated, TK installed", name_,
                                              sta.toString()));
    sendDs(buildLayer2UpdateFrame(sta), "Layer 2 Update", done);
  }
}

void AccessPoint::onAirData(const sim::AirReception& rx, const MacHeader& h) {
  const MacAddress sta = h.addr[1];
  auto it = stations_.find(sta);
  if (it == stations_.end() || !it->second.associated) return;
  const Station& s = it->second;
  if (h.isProtected() && s.tk.empty()) return;
  const sim::SimTime decrypted = h.isProtected() ? charge(cost::kCcmpFrame) : world_.sim.now();
  const auto msdu = receiveDataFrame(rx.mpdu, s.tk);
  if (!msdu) return;
  const MacAddress da = h.addr[2];
  if (msdu->etherType == inet::kEtherTypeEapol && da == bssid_) {
    const Bytes pdu = msdu->payload;
    world_.sim.scheduler().scheduleAt(decrypted, {EventKind::Processing, node_, "EAPOL"},
                                      [this, sta, pdu] { onEapol(sta, Path::Air, pdu); });
    return;
  }
  // Everything else is bridged: IP to the DS, pre-authentication (0x88C7) towards the target AP.
  if (msdu->etherType == inet::kEtherTypeEapol && s.tk.empty()) return;  // port not yet authorized
  sendDs(inet::buildEthernet(da, sta, msdu->etherType, msdu->payload),
         msdu->etherType == inet::kEtherTypePreauth ? "Pre-authentication" : "Data", decrypted);
}

void AccessPoint::onDs(const sim::WireDelivery& d) {
  const auto eth = inet::parseEthernet(d.frame);
  if (!eth) return;
  if (eth->isLength()) {
    // A Layer 2 Update from another AP: the station moved; forget its association here.
    if (eth->destination.isBroadcast() && stations_.count(eth->source)) {
      trace(TraceKind::StateChange, fmt::format("{}: {} now associated elsewhere (Layer 2 Update)", name_,
                                                eth->source.toString()));
      stations_.erase(eth->source);
      keyExchanges_.erase(eth->source);
    }
    return;
  }
  const ByteView payload = d.frame.subspan(eth->payloadOffset);
  if (eth->destination == bssid_ || (radius_ && eth->destination == world_.node(node_).mac)) {
    if (eth->typeOrLength == inet::kEtherTypePreauth) {
      onEapol(eth->source, Path::Ds, payload);
    } else if (const auto udp = parseUdpFrame(d.frame); udp && radius_ && udp->from.port == radius::kAuthPort) {
      onRadius(udp->payload);
    }
    return;
  }
  // To an associated station: onto the air, protected.
  sendToStation(eth->destination, eth->typeOrLength, payload, eth->source, world_.sim.now());
}

void AccessPoint::sendToStation(const MacAddress& sta, std::uint16_t etherType, ByteView payload,
                                const MacAddress& source, sim::SimTime at) {
  auto it = stations_.find(sta);
  if (it == stations_.end() || !it->second.associated || it->second.tk.empty()) return;
  Station& s = it->second;
  world_.sim.charge(node_, cost::kCcmpFrame);
  auto frame = protectedDataFrame(s.tk, s.pn++, 0, false, bssid_, sta, source, nextSequence(), etherType, payload);
  if (!frame) return;
  if (etherType == inet::kEtherTypePreauth) {
    sendAir(std::move(*frame), "Pre-authentication", std::max(at, world_.sim.processing().busyUntil(node_)));
    return;
  }
  // Data frames are reported to the ground truth at their first bit (data-to-data).
  auto f = std::make_shared<Bytes>(std::move(*frame));
  world_.sim.scheduler().scheduleAt(std::max(at, world_.sim.processing().busyUntil(node_)),
                                    {EventKind::Processing, node_, "Data"}, [this, f, sta] {
                                      const auto tx = medium_->transmit(node_, std::move(*f),
                                                                        sim::TxOptions{0, std::nullopt, "Data"});
                                      if (world_.truth) world_.truth->data(sta, bssid_, tx.start);
                                    });
}

void AccessPoint::deauthenticate(const MacAddress& sta, std::uint16_t reason) {
  trace(TraceKind::Error, fmt::format("{}: deauthenticates {} (reason {})", name_, sta.toString(), reason));
  stations_.erase(sta);
  keyExchanges_.erase(sta);
  sendAir(buildDeauthentication(MacHeader::management(mgmt::Deauthentication, sta, bssid_, bssid_, nextSequence()),
                                ReasonBody{reason, {}}),
          "Deauthentication", world_.sim.now());
}

}  // namespace rs::wlan
