// SPDX-License-Identifier: GPL-3.0-or-later
// Station: scanning, the roam decision, authentication and (re)association,
// the voice flow. The 802.1X supplicant, the 4-way handshake and the seed-000
// exchange are in station_keys.cpp.
#include "core/protocols/wlan/station.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/crypto/akm_suite.h"
#include "core/protocols/wlan/access_point.h"
#include "core/protocols/wlan/air_frames.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/udp.h"
#include "dissectors/seed000/seed000.h"

namespace rs::wlan {

using namespace ieee80211;
using sim::EventKind;
using sim::TraceKind;

Station::Station(WlanWorld& world, sim::NodeId node, GroundTruth& truth)
    : world_(world),
      truth_(truth),
      node_(node),
      name_(world.node(node).name),
      mac_(world.node(node).mac),
      random_(world.sim.random("sta/" + world.node(node).name + "/nonces")) {}

void Station::start(sim::SimTime at, std::optional<sim::NodeId> flowServer) {
  flowServer_ = flowServer;
  world_.sim.scheduler().scheduleAt(at, {EventKind::Protocol, node_, "Initial scan"}, [this] { scan(ScanPurpose::Join); });
  if (flowServer_ && world_.settings.flow)
    world_.sim.scheduler().scheduleAt(at, {EventKind::Timer, node_, "Voice packet"}, [this] { sendUplinkVoice(); });
}

roam::Endpoint Station::endpoint(const Candidate& c) const {
  return roam::Endpoint{c.bssid, static_cast<int>(c.channel), std::nullopt};
}

const crypto::SecretBytes* Station::pmkFor(const MacAddress& bssid) const {
  if (world_.settings.security == Security::Psk) return &world_.pskPmk;
  const auto it = pmksa_.find(bssid);
  return it == pmksa_.end() ? nullptr : &it->second;
}

void Station::tune(unsigned channel) {
  if (medium_ && medium_->config().channel == channel) return;
  if (medium_) medium_->detach(node_);
  medium_ = world_.sim.mediumOnChannel(channel);
  if (medium_) medium_->attach(node_, [this](const sim::AirReception& rx) { onAir(rx); });
}

void Station::transmit(Bytes mpdu, std::string_view label, sim::SimTime at, SentCallback onStart) {
  auto frame = std::make_shared<Bytes>(std::move(mpdu));
  world_.sim.scheduler().scheduleAt(at, {EventKind::Processing, node_, label},
                                    [this, frame, label, onStart = std::move(onStart)] {
                                      if (!medium_) return;
                                      const auto tx = medium_->transmit(node_, std::move(*frame),
                                                                        sim::TxOptions{0, std::nullopt, label});
                                      if (onStart) onStart(tx.start);
                                    });
}

// ---- Scanning and the roam decision (policy) ----

void Station::scan(ScanPurpose purpose) {
  scanPurpose_ = purpose;
  state_ = State::Scanning;
  std::set<unsigned> channels;
  for (const AccessPoint* ap : world_.accessPoints) channels.insert(ap->channel());
  scanChannels_.assign(channels.begin(), channels.end());
  scanIndex_ = 0;
  candidates_.clear();
  scanFirstProbe_.reset();
  scanLastFrame_ = 0;
  scanProbedChannels_.clear();
  trace(TraceKind::Scan, fmt::format("{} scans {} channels ({} scan) to {}", name_, scanChannels_.size(),
                                     world_.settings.scan.mode == ScanMode::Active ? "active" : "passive",
                                     purpose == ScanPurpose::Join ? "join the ESS" : "find a better AP"));
  scanNextChannel();
}

void Station::scanNextChannel() {
  if (scanIndex_ == scanChannels_.size()) {
    finishScan();
    return;
  }
  const unsigned channel = scanChannels_[scanIndex_++];
  tune(channel);
  heardOnChannel_ = false;
  const ScanSettings& s = world_.settings.scan;
  auto& scheduler = world_.sim.scheduler();
  if (s.mode == ScanMode::Passive) {
    timer_ = scheduler.scheduleAfter(s.passiveDwell, {EventKind::Timer, node_, "Scan dwell"}, [this] { scanNextChannel(); });
    return;
  }
  scanProbedChannels_.push_back(static_cast<int>(channel));
  transmit(buildProbeRequest(MacHeader::management(mgmt::ProbeRequest, MacAddress::broadcast(), mac_,
                                                   MacAddress::broadcast(), nextSequence()),
                             ProbeRequestBody{probeRequestElements(world_.settings)}),
           "Probe Request", world_.sim.now(), [this](sim::SimTime start) {
             if (!scanFirstProbe_) scanFirstProbe_ = start;
             scanLastFrame_ = std::max(scanLastFrame_, start);
           });
  // IEEE 802.11-2016 11.1.4.3.2: MinChannelTime without a response ends the channel, else MaxChannelTime.
  timer_ = scheduler.scheduleAfter(s.minChannelTime, {EventKind::Timer, node_, "MinChannelTime"}, [this] {
    const ScanSettings& st = world_.settings.scan;
    if (!heardOnChannel_) {
      scanNextChannel();
      return;
    }
    timer_ = world_.sim.scheduler().scheduleAfter(st.maxChannelTime - st.minChannelTime,
                                                  {EventKind::Timer, node_, "MaxChannelTime"},
                                                  [this] { scanNextChannel(); });
  });
}

void Station::finishScan() {
  lastScanEnd_ = world_.sim.now();
  if (scanFirstProbe_) truth_.scan(mac_, *scanFirstProbe_, scanLastFrame_, scanProbedChannels_);
  const Candidate* best = nullptr;
  for (const auto& [bssid, c] : candidates_)
    if ((!serving_ || bssid != serving_->bssid) && (!best || c.rssiDbm > best->rssiDbm)) best = &c;
  if (scanPurpose_ == ScanPurpose::Join) {
    if (!best) {
      trace(TraceKind::Scan, fmt::format("{}: no AP of \"{}\" heard; scans again", name_, world_.settings.ssid));
      timer_ = world_.sim.scheduler().scheduleAfter(world_.settings.roam.rescanInterval,
                                                    {EventKind::Timer, node_, "Rescan"}, [this] { scan(ScanPurpose::Join); });
      return;
    }
    trace(TraceKind::RoamDecision, fmt::format("{} joins {} on channel {} ({:.1f} dBm)", name_,
                                               best->bssid.toString(), best->channel, best->rssiDbm));
    join(*best);
    return;
  }
  const AccessPoint* servingAp = nullptr;
  for (const AccessPoint* ap : world_.accessPoints)
    if (ap->bssid() == serving_->bssid) servingAp = ap;
  const double servingRssi = servingAp ? world_.sim.mediumOnChannel(serving_->channel)->rssiDbm(
                                             servingAp->node(), node_, world_.sim.now())
                                       : -200;
  if (!best || best->rssiDbm < servingRssi + world_.settings.roam.hysteresisDb) {
    trace(TraceKind::RoamDecision,
          fmt::format("{} stays with {} ({:.1f} dBm): no AP {} dB stronger", name_, serving_->bssid.toString(),
                      servingRssi, world_.settings.roam.hysteresisDb));
    tune(serving_->channel);
    state_ = State::Connected;
    return;
  }
  trace(TraceKind::RoamDecision, fmt::format("{} roams from {} ({:.1f} dBm) to {} on channel {} ({:.1f} dBm) by {}",
                                             name_, serving_->bssid.toString(), servingRssi, best->bssid.toString(),
                                             best->channel, best->rssiDbm,
                                             handoffMethodName(world_.settings.handoff)));
  roamTo(*best);
}

void Station::sampleSignal() {
  const RoamSettings& r = world_.settings.roam;
  sampleTimer_ = world_.sim.scheduler().scheduleAfter(r.sampleInterval, {EventKind::Mobility, node_, "Signal sample"},
                                                      [this] { sampleSignal(); });
  if (state_ != State::Connected || !serving_) return;
  for (const AccessPoint* ap : world_.accessPoints) {
    if (ap->bssid() != serving_->bssid) continue;
    const double rssi = world_.sim.mediumOnChannel(ap->channel())->rssiDbm(ap->node(), node_, world_.sim.now());
    if (rssi >= r.thresholdDbm) return;
    if (lastScanEnd_ && world_.sim.now() - *lastScanEnd_ < r.rescanInterval) return;
    trace(TraceKind::Mobility, fmt::format("{}: signal of {} is {:.1f} dBm, below the roam threshold {} dBm", name_,
                                           serving_->bssid.toString(), rssi, r.thresholdDbm));
    scan(ScanPurpose::Roam);
    return;
  }
}

void Station::join(const Candidate& target) {
  target_ = target;
  tune(target.channel);
  state_ = State::Authenticating;
  sendAuthentication();
}

void Station::roamTo(const Candidate& target) {
  target_ = target;
  if (world_.settings.handoff == HandoffMethod::Seed000) {
    // Seed 000: prepare the target through the current AP before leaving it: an EAPOL-Start over
    // EtherType 0x88C7 asks it for pre-authentication (no PMK yet) or directly for the handshake.
    tune(serving_->channel);
    state_ = State::Preparing;
    sendEapol(eapol::buildEapol(2, eapol::PacketType::Start, {}), true, "EAPOL-Start", world_.sim.now(),
              [this](sim::SimTime start) {
                if (world_.settings.security == Security::EapTls && !pmkFor(target_->bssid))
                  truth_.preparedPhase(mac_, roam::PhaseKind::Eap, start, start);
              });
    armTimeout("preparation");
    return;
  }
  tune(target.channel);
  state_ = State::Authenticating;
  if (world_.settings.handoff == HandoffMethod::FtOverAir && ftKeys_) sendFtAuthentication();
  else sendAuthentication();
}

void Station::restartAfterFailure() {
  world_.sim.scheduler().cancel(timer_);
  supplicant_.reset();
  eapPeer_.reset();
  seed000_.reset();
  prepared_.reset();
  target_.reset();
  if (state_ == State::Preparing && serving_) {
    // Seed 000 failed before the station left: it is still associated with its AP.
    tune(serving_->channel);
    state_ = State::Connected;
    lastScanEnd_ = world_.sim.now();
    return;
  }
  serving_.reset();
  tk_ = crypto::SecretBytes();
  ftKeys_.reset();  // a new initial mobility domain association follows
  ftRoam_.reset();
  state_ = State::Idle;
  timer_ = world_.sim.scheduler().scheduleAfter(sim::milliseconds(10), {EventKind::Timer, node_, "Rejoin"},
                                                [this] { scan(ScanPurpose::Join); });
}

void Station::armTimeout(std::string_view what) {
  world_.sim.scheduler().cancel(timer_);
  const sim::SimTime wait = world_.settings.responseTimeout * (world_.settings.retries + 1);
  const std::string stage(what);
  timer_ = world_.sim.scheduler().scheduleAfter(wait, {EventKind::Timer, node_, "Response timeout"}, [this, stage] {
    onTimeout(stage, fmt::format("no answer to the {} within {}", stage,
                                 sim::formatSimTime(world_.settings.responseTimeout * (world_.settings.retries + 1))));
  });
}

void Station::onTimeout(std::string stage, std::string reason) {
  trace(TraceKind::Error, fmt::format("{}: {}", name_, reason));
  if (truth_.attemptOpen(mac_)) truth_.fail(mac_, world_.sim.now(), std::move(stage), std::nullopt, std::move(reason));
  restartAfterFailure();
}

// ---- Frames ----

void Station::onAir(const sim::AirReception& rx) {
  const auto h = parseMacHeader(rx.mpdu);
  if (!h) return;
  if (h->isManagement()) onManagement(rx, *h);
  else if (h->isData() && h->fromDs() && !h->toDs() && h->addr[0] == mac_) onData(rx, *h);
}

void Station::onManagement(const sim::AirReception& rx, const MacHeader& h) {
  const ByteView body = rx.mpdu.subspan(h.length);
  const MacAddress from = h.addr[1];
  if (state_ == State::Scanning && (h.subtype == mgmt::Beacon || (h.subtype == mgmt::ProbeResponse && h.addr[0] == mac_))) {
    const auto b = parseBeaconBody(body);
    const auto ssid = b ? findElement(b->elements, 0) : std::nullopt;
    if (!ssid || std::string(ssid->data.begin(), ssid->data.end()) != world_.settings.ssid) return;
    Candidate& c = candidates_[from];
    c.bssid = from;
    c.channel = medium_->config().channel;
    c.rssiDbm = rx.rssiDbm;
    if (h.subtype == mgmt::ProbeResponse) {
      heardOnChannel_ = true;
      scanLastFrame_ = std::max(scanLastFrame_, rx.start);
    }
    return;
  }
  if (h.addr[0] != mac_) return;
  const bool fromTarget = target_ && from == target_->bssid;
  if ((h.subtype == mgmt::Deauthentication || h.subtype == mgmt::Disassociation) &&
      (fromTarget || (serving_ && from == serving_->bssid))) {
    const auto reason = parseReasonBody(body);
    const std::uint16_t code = reason ? reason->reasonCode : 0;
    trace(TraceKind::Error, fmt::format("{}: deauthenticated by {} (reason {})", name_, from.toString(), code));
    if (truth_.attemptOpen(mac_))
      truth_.fail(mac_, rx.start, "deauthentication", code, fmt::format("Deauthentication, reason {}", code));
    state_ = State::Idle;
    restartAfterFailure();
    return;
  }
  if (!fromTarget) return;
  if (h.subtype == mgmt::Authentication && state_ == State::Authenticating) {
    const auto auth = parseAuthenticationBody(body);
    if (!auth || auth->transactionSequence != 2) return;
    truth_.phase(mac_, roam::PhaseKind::Authentication, rx.start, rx.start);
    if (auth->statusCode != 0) {
      truth_.fail(mac_, rx.start, "authentication", auth->statusCode,
                  fmt::format("Authentication refused, status {}", auth->statusCode));
      restartAfterFailure();
      return;
    }
    if (prepared_) startSeed000Exchange();
    else if (auth->algorithm == auth_algorithm::FastBssTransition) onFtAuthenticationResponse(rx, auth->trailer);
    else sendAssociationRequest();
    return;
  }
  if ((h.subtype == mgmt::AssociationResponse || h.subtype == mgmt::ReassociationResponse) &&
      state_ == State::Associating) {
    const auto resp = parseAssociationResponseBody(body);
    if (!resp) return;
    truth_.phase(mac_, roam::PhaseKind::Reassociation, rx.start, rx.start);
    if (resp->statusCode != 0) {
      truth_.fail(mac_, rx.start, "reassociation", resp->statusCode,
                  fmt::format("(Re)association refused, status {}", resp->statusCode));
      restartAfterFailure();
      return;
    }
    if (ftRoam_ && h.subtype == mgmt::ReassociationResponse) {
      onFtReassociationResponse(rx, resp->elements);
      return;
    }
    if (world_.settings.handoff == HandoffMethod::FtOverAir) learnKeyHolders(resp->elements);
    trace(TraceKind::StateChange, fmt::format("{} associated with {} (AID {})", name_, from.toString(), resp->aid()));
    state_ = State::Eap;  // the AP continues with EAP-Request/Identity or 4-way message 1
    tk_ = crypto::SecretBytes();
    armTimeout("802.1X or 4-way handshake");
    return;
  }
  if (h.subtype == mgmt::Action && state_ == State::Seed000 && seed000::isSeed000ActionBody(body))
    onSeed000Response(rx, body);
}

void Station::sendAuthentication() {
  const bool roaming = serving_.has_value();
  roam::Method method = world_.settings.security == Security::Psk ? roam::Method::Psk : roam::Method::Full8021X;
  if (prepared_) method = roam::Method::Seed000;
  else if (roaming && world_.settings.handoff == HandoffMethod::PmkCache && world_.settings.security == Security::EapTls &&
           pmkFor(target_->bssid))
    method = roam::Method::PmkCache;
  std::optional<roam::Endpoint> from;
  if (serving_) from = endpoint(*serving_);
  const roam::Endpoint to = endpoint(*target_);
  transmit(buildAuthentication(MacHeader::management(mgmt::Authentication, target_->bssid, mac_, target_->bssid,
                                                     nextSequence()),
                               AuthenticationBody{auth_algorithm::OpenSystem, 1, 0, {}}),
           "Authentication", world_.sim.now(), [this, from, to, method](sim::SimTime start) {
             if (!truth_.attemptOpen(mac_)) truth_.begin(mac_, from, to, method, start);
             truth_.phase(mac_, roam::PhaseKind::Authentication, start, start);
           });
  armTimeout("authentication");
}

void Station::sendAssociationRequest() {
  const bool re = serving_.has_value();
  std::optional<Pmkid> pmkid;
  if (re && world_.settings.handoff == HandoffMethod::PmkCache && world_.settings.security == Security::EapTls) {
    if (const auto* pmk = pmkFor(target_->bssid)) {
      // PMKSA caching (12.6.10.3): name the cached PMK so the AP can skip 802.1X.
      pmkid = essPmkid(world_.settings, *pmk, target_->bssid, mac_);
    }
  }
  AssociationRequestBody body{kEssCapabilities, 10, std::nullopt, {}};
  if (re) body.currentAp = serving_->bssid;
  const Bytes elements = associationRequestElements(world_.settings, pmkid);
  body.elements = elements;
  state_ = State::Associating;
  transmit(buildAssociationRequest(MacHeader::management(re ? mgmt::ReassociationRequest : mgmt::AssociationRequest,
                                                         target_->bssid, mac_, target_->bssid, nextSequence()),
                                   body),
           re ? "Reassociation Request" : "Association Request", charge(cost::kMgmtProcessing),
           [this](sim::SimTime start) { truth_.phase(mac_, roam::PhaseKind::Reassociation, start, start); });
  armTimeout("(re)association");
}

void Station::onData(const sim::AirReception& rx, const MacHeader& h) {
  const MacAddress bssid = h.addr[1];
  const bool fromServing = serving_ && bssid == serving_->bssid;
  const bool fromTarget = target_ && bssid == target_->bssid;
  if (!fromServing && !fromTarget) return;
  // Protected frames come from the AP the station is associated with; EAPOL of an attempt is unprotected.
  const auto msdu = receiveDataFrame(rx.mpdu, tk_);
  if (!msdu) return;
  if (msdu->etherType == inet::kEtherTypeEapol && fromTarget) onEapol(msdu->payload, rx.start, false);
  else if (msdu->etherType == inet::kEtherTypePreauth && fromServing) onEapol(msdu->payload, rx.start, true);
  else if (msdu->etherType == inet::kEtherTypeIpv4 && state_ == State::Connected) ++counters_.downlinkReceived;
}

void Station::sendUplinkVoice() {
  const FlowSettings& flow = *world_.settings.flow;
  world_.sim.scheduler().scheduleAfter(flow.interval, {EventKind::Timer, node_, "Voice packet"},
                                       [this] { sendUplinkVoice(); });
  if (state_ != State::Connected || !serving_ || tk_.empty()) {
    ++counters_.uplinkSkipped;
    return;
  }
  const sim::Node& server = world_.node(*flowServer_);
  const sim::Node& self = world_.node(node_);
  // RTP-like payload: a sequence number and silence, as a G.711 frame every 20 ms.
  Bytes payload(flow.payloadBytes, 0xd5);
  payload[0] = 0x80;
  payload[1] = 0x00;
  if (payload.size() > 3) {
    payload[2] = static_cast<std::uint8_t>(voiceSequence_ >> 8);
    payload[3] = static_cast<std::uint8_t>(voiceSequence_);
  }
  ++voiceSequence_;
  inet::Ipv4Fields ip;
  ip.protocol = 17;
  ip.dsfield = 0xb8;  // DSCP EF (RFC 3246), as voice is marked
  ip.source = self.ipv4.value_or(0);
  ip.destination = server.ipv4.value_or(0);
  ip.identification = ipIdentification_++;
  const Bytes datagram =
      inet::buildIpv4(ip, inet::buildUdp(ip.source, ip.destination, flow.stationPort, flow.serverPort, payload));
  auto frame = protectedDataFrame(tk_, pn_++, 0, true, serving_->bssid, mac_, server.mac, nextSequence(),
                                  inet::kEtherTypeIpv4, datagram);
  if (!frame) return;
  ++counters_.uplinkSent;
  const MacAddress bssid = serving_->bssid;
  transmit(std::move(*frame), "Data", charge(cost::kCcmpFrame),
           [this, bssid](sim::SimTime start) { truth_.data(mac_, bssid, start); });
}

}  // namespace rs::wlan
