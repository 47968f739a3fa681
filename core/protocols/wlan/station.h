// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A station of the emulated ESS: it scans (active probing with min/max channel
// times, or passive), joins the strongest AP, authenticates (PSK, or 802.1X
// with EAP-TLS), watches its AP's signal as it walks, and when the signal
// falls below the roam threshold scans again and hands off by the scenario's
// method: full, PMK caching, seed 000 (PMK and PTK before re-association, then
// the three-message re-association) or FT. Policy (when and where to roam)
// lives in the scan/decision functions; mechanism (the frames) in the rest.
// Every attempt is reported to the ground truth.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>

#include "core/crypto/ptk_derivation.h"
#include "core/crypto/secret_bytes.h"
#include "core/protocols/eap_tls/eap_tls_peer.h"
#include "core/protocols/seed000/reassociation.h"
#include "core/protocols/wlan/ft_elements.h"
#include "core/protocols/wlan/ground_truth.h"
#include "core/protocols/wlan/key_handshake.h"
#include "core/protocols/wlan/wlan_world.h"
#include "core/sim/wireless_medium.h"

namespace rs::wlan {

struct StationCounters {
  std::uint64_t uplinkSent = 0;      // voice packets the station put on the air
  std::uint64_t uplinkSkipped = 0;   // voice packets dropped because the station had no link
  std::uint64_t downlinkReceived = 0;
};

class Station {
 public:
  Station(WlanWorld& world, sim::NodeId node, GroundTruth& truth);
  Station(const Station&) = delete;
  Station& operator=(const Station&) = delete;

  sim::NodeId node() const { return node_; }
  const MacAddress& mac() const { return mac_; }
  // Starts the initial scan at `at`; the voice flow (when configured) towards `server`.
  void start(sim::SimTime at, std::optional<sim::NodeId> flowServer);
  const StationCounters& counters() const { return counters_; }
  bool connected() const { return state_ == State::Connected; }

 private:
  enum class State : std::uint8_t {
    Idle,
    Scanning,
    Preparing,       // seed 000: pre-authentication and the handshake with the target, through the current AP
    Authenticating,  // open system authentication sent to the target
    Associating,     // (re)association request sent
    Seed000,         // seed-000 message 1 sent, waiting for message 2
    Eap,
    FourWay,
    Connected,
  };
  enum class ScanPurpose : std::uint8_t { Join, Roam };
  struct Candidate {
    MacAddress bssid;
    unsigned channel = 0;
    double rssiDbm = -200;
  };
  // A 4-way handshake the station takes part in (after association, or seed-000 over the DS).
  struct Supplicant {
    bool seed000 = false;
    MacAddress authenticator;
    Bytes anonce;
    Bytes snonce;
    std::optional<crypto::Ptk> ptk;
    std::uint64_t replayCounter = 0;
  };

  // Policy.
  void scan(ScanPurpose purpose);
  void scanNextChannel();
  void finishScan();
  void sampleSignal();
  void join(const Candidate& target);
  void roamTo(const Candidate& target);
  void restartAfterFailure();
  // Mechanism.
  void tune(unsigned channel);
  void onAir(const sim::AirReception& rx);
  void onManagement(const sim::AirReception& rx, const ieee80211::MacHeader& h);
  void onData(const sim::AirReception& rx, const ieee80211::MacHeader& h);
  void sendAuthentication();
  void sendAssociationRequest();
  void onEapol(ByteView pdu, sim::SimTime frameStart, bool viaDs);
  void onEap(ByteView eap, sim::SimTime frameStart, bool viaDs);
  void onEapolKey(ByteView pdu, sim::SimTime frameStart, bool viaDs);
  void startSeed000Exchange();
  // FT over the air (station_ft.cpp).
  void sendFtAuthentication();
  void onFtAuthenticationResponse(const sim::AirReception& rx, ByteView elements);
  void onFtReassociationResponse(const sim::AirReception& rx, ByteView elements);
  void learnKeyHolders(ByteView associationResponseElements);
  crypto::Result<crypto::SecretBytes> ftXxKey() const;
  void onSeed000Response(const sim::AirReception& rx, ByteView body);
  void connectedTo(sim::SimTime completedAt);
  void armTimeout(std::string_view what);
  void onTimeout(std::string stage, std::string reason);
  void sendUplinkVoice();
  // Transmission after the node's processing: `onStart` gets the frame's first bit on the air.
  using SentCallback = std::function<void(sim::SimTime start)>;
  void transmit(Bytes mpdu, std::string_view label, sim::SimTime at, SentCallback onStart = {});
  void sendEapol(Bytes pdu, bool viaDs, std::string_view label, sim::SimTime at, SentCallback onStart = {});
  sim::SimTime charge(std::string_view cost) { return world_.sim.charge(node_, cost); }
  std::uint16_t nextSequence() { return static_cast<std::uint16_t>(sequence_++ & 0x0fff); }
  void trace(sim::TraceKind kind, std::string text) { world_.sim.trace(node_, kind, std::move(text)); }
  const crypto::SecretBytes* pmkFor(const MacAddress& bssid) const;
  roam::Endpoint endpoint(const Candidate& c) const;

  WlanWorld& world_;
  GroundTruth& truth_;
  sim::NodeId node_;
  std::string name_;
  MacAddress mac_;
  sim::Random random_;
  State state_ = State::Idle;
  sim::WirelessMedium* medium_ = nullptr;  // the channel the radio is tuned to
  std::uint32_t sequence_ = 0;
  sim::EventId timer_;
  sim::EventId sampleTimer_;

  // Scan.
  ScanPurpose scanPurpose_ = ScanPurpose::Join;
  std::vector<unsigned> scanChannels_;
  std::size_t scanIndex_ = 0;
  bool heardOnChannel_ = false;
  std::map<MacAddress, Candidate> candidates_;
  std::optional<sim::SimTime> scanFirstProbe_;
  sim::SimTime scanLastFrame_ = 0;
  std::vector<int> scanProbedChannels_;
  std::optional<sim::SimTime> lastScanEnd_;

  // Association.
  std::optional<Candidate> serving_;   // the AP the station is associated with
  std::optional<Candidate> target_;    // the AP of the attempt in progress
  double servingRssiAtDecision_ = 0;
  crypto::SecretBytes tk_;
  crypto::SecretBytes gtk_;
  std::uint64_t pn_ = 1;
  std::map<MacAddress, crypto::SecretBytes> pmksa_;  // PMKs by AP (12.6.10.3), 802.1X only
  std::unique_ptr<eap::EapTlsPeer> eapPeer_;
  bool eapViaDs_ = false;
  std::optional<Supplicant> supplicant_;
  std::optional<protocols::seed000::Ptksa> prepared_;  // seed 000: the PTKSA with target_
  std::unique_ptr<protocols::seed000::Station> seed000_;
  sim::SimTime seed000RequestStart_ = 0;  // first bit of the Authenticate PTK request

  // FT: the key hierarchy of the initial mobility domain association, and the roam in progress.
  std::optional<FtKeys> ftKeys_;
  std::string ftR0khId_;
  std::optional<MacAddress> ftR1khId_;
  crypto::SecretBytes msk_;  // FT-802.1X: XXKey = L(MSK, 256, 256)
  struct FtRoam {
    Bytes snonce;
    Bytes anonce;
    crypto::PmkR1 r1;
    crypto::Ptk ptk;
  };
  std::optional<FtRoam> ftRoam_;

  // Voice flow.
  std::optional<sim::NodeId> flowServer_;
  std::uint16_t voiceSequence_ = 0;
  std::uint16_t ipIdentification_ = 0;
  StationCounters counters_;
};

}  // namespace rs::wlan
