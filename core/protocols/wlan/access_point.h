// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An access point of the emulated ESS: it beacons, answers probes, runs open
// system authentication and (re)association, relays 802.1X between the air
// (EAPOL, EtherType 0x888E) or the distribution system (pre-authentication,
// 0x88C7) and the RADIUS server, keeps a PMK cache, runs the 4-way handshake
// as authenticator, bridges the stations' data between the air (CCMP) and the
// DS, and, for seed 000, establishes the PTK before re-association and
// answers the three-message re-association (docs/protocols/seed-000.md).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>

#include "core/crypto/ptk_derivation.h"
#include "core/crypto/secret_bytes.h"
#include "core/protocols/seed000/reassociation.h"
#include "core/protocols/wlan/ft_elements.h"
#include "core/protocols/wlan/key_handshake.h"
#include "core/protocols/wlan/radius_client.h"
#include "core/protocols/wlan/wlan_world.h"
#include "core/sim/wireless_medium.h"
#include "core/sim/wired_link.h"

namespace rs::wlan {

class AccessPoint {
 public:
  // Attaches to the medium of the node's channel and to its single DS link.
  AccessPoint(WlanWorld& world, sim::NodeId node);
  AccessPoint(const AccessPoint&) = delete;
  AccessPoint& operator=(const AccessPoint&) = delete;

  sim::NodeId node() const { return node_; }
  // FT (IEEE 802.11-2016 13.3): the R0KH of `sta`'s mobility domain gives this AP the PMK-R1 it will need.
  void acceptPmkR1(const MacAddress& sta, crypto::PmkR1 r1, Bytes pmkR0Name, std::string r0khId);
  const MacAddress& bssid() const { return bssid_; }
  unsigned channel() const { return channel_; }
  // Starts beaconing (the first beacon at a per-AP offset, so APs do not beacon in lock step).
  void start();

 private:
  // Where an 802.1X / key exchange with a station runs.
  enum class Path : std::uint8_t { Air, Ds };
  struct KeyExchange {
    Path path = Path::Air;
    bool seed000 = false;  // the seed-000 handshake before re-association (version 3, seed-000 PTK)
    std::uint64_t replayCounter = 0;
    Bytes anonce;
    std::optional<crypto::Ptk> ptk;
    std::optional<FtKeys> ft;  // FT initial mobility domain association: the PTK comes from PMK-R1
    int awaiting = 0;  // the message expected next: 2 or 4; 0 when none
    unsigned resends = 0;
    sim::EventId timer;
    Bytes lastSent;  // the EAPOL-Key frame to resend
  };
  struct EapRelay {
    Path path = Path::Air;
    std::string userName;
    Bytes state;
  };
  struct Station {
    bool associated = false;
    std::uint16_t aid = 0;
    crypto::SecretBytes tk;  // installed pairwise key; empty until the handshake completes
    std::uint64_t pn = 1;
    std::unique_ptr<protocols::seed000::AccessPoint> seed000;  // a prepared PTKSA awaiting message 1
    crypto::SecretBytes seed000Tk;
    crypto::SecretBytes seed000Kck;  // fault injection re-signs altered messages with it
    crypto::SecretBytes msk;  // FT-802.1X: XXKey source
    // FT authentication done, reassociation awaited (13.5.2).
    struct FtPending {
      Bytes anonce;
      Bytes snonce;
      std::string r0khId;
      crypto::PmkR1 r1;
      crypto::Ptk ptk;
    };
    std::optional<FtPending> ft;
  };
  // A PMK-R1 the station's R0KH pushed to this AP (R1KH) after its initial mobility domain association.
  struct PushedR1 {
    crypto::PmkR1 r1;
    Bytes pmkR0Name;
    std::string r0khId;
  };

  // Air side.
  void onAir(const sim::AirReception& rx);
  void onManagement(const sim::AirReception& rx, const ieee80211::MacHeader& h);
  void onAuthentication(const sim::AirReception& rx, const ieee80211::MacHeader& h, ByteView body);
  void onAssociationRequest(const sim::AirReception& rx, const ieee80211::MacHeader& h, ByteView body, bool re);
  void onSeed000Action(const MacAddress& sta, ByteView body);
  void onFtAuthentication(const MacAddress& sta, ByteView elements);
  bool onFtReassociation(const MacAddress& sta, ByteView elements);  // false: not an FT reassociation
  void pushPmkR1s(const MacAddress& sta, const FtKeys& keys);
  void onAirData(const sim::AirReception& rx, const ieee80211::MacHeader& h);
  void beacon();
  // DS side.
  void onDs(const sim::WireDelivery& d);
  void onRadius(ByteView packet);
  // 802.1X and keys.
  void onEapol(const MacAddress& sta, Path path, ByteView pdu);
  void startEap(const MacAddress& sta, Path path);
  void onPmk(const MacAddress& sta, Path path, crypto::SecretBytes pmk);
  void startKeyExchange(const MacAddress& sta, Path path, bool seed000);
  void onEapolKey(const MacAddress& sta, ByteView pdu);
  void prepareSeed000Ptksa(const MacAddress& sta, const KeyExchange& x, ByteView snonce);
  void armKeyTimer(const MacAddress& sta);
  void onKeyTimeout(const MacAddress& sta);
  void sendEapol(const MacAddress& sta, Path path, Bytes pdu, std::string_view label, sim::SimTime at);
  void deauthenticate(const MacAddress& sta, std::uint16_t reason);
  const crypto::SecretBytes* pmkFor(const MacAddress& sta) const;

  // Transmission after the node's processing.
  void sendAir(Bytes mpdu, std::string_view label, sim::SimTime at);
  void sendDs(Bytes frame, std::string_view label, sim::SimTime at);
  void sendToStation(const MacAddress& sta, std::uint16_t etherType, ByteView payload, const MacAddress& source,
                     sim::SimTime at);
  sim::SimTime charge(std::string_view cost) { return world_.sim.charge(node_, cost); }
  std::uint16_t nextSequence() { return static_cast<std::uint16_t>(sequence_++ & 0x0fff); }
  void trace(sim::TraceKind kind, std::string text) { world_.sim.trace(node_, kind, std::move(text)); }

  WlanWorld& world_;
  sim::NodeId node_;
  std::string name_;
  MacAddress bssid_;
  unsigned channel_ = 1;
  sim::WirelessMedium* medium_ = nullptr;
  sim::WiredLink* ds_ = nullptr;
  std::optional<RadiusClient> radius_;
  sim::Random random_;
  crypto::SecretBytes gtk_;
  std::uint8_t gtkKeyId_ = 1;
  std::uint32_t sequence_ = 0;
  std::uint16_t nextAid_ = 1;
  std::uint16_t ipIdentification_ = 0;
  std::map<MacAddress, Station> stations_;
  std::map<MacAddress, crypto::SecretBytes> pmkCache_;  // PMKSA cache (IEEE 802.11-2016 12.6.10.3), by station
  std::map<MacAddress, EapRelay> relays_;
  std::map<MacAddress, KeyExchange> keyExchanges_;
  std::map<MacAddress, PushedR1> pushedR1_;  // 4-way handshakes in progress, by station
};

}  // namespace rs::wlan
