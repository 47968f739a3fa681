// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The "mip" section of a scenario's "methods" (docs/emulation.md, "The Mobile
// IP system"): how the Home Agents and Mobile Nodes authenticate registrations
// (seed-001 dynamic keys through AAA, or the static key of RFC 3344 as the
// baseline), the timers of registration and agent discovery, each mobile's
// credentials and itinerary across subnets, and injected faults. Read and
// checked once, before the run, so a bad value is reported with its file and
// JSON Pointer. A scenario is a Mobile IP scenario when this section exists.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/sim/config_error.h"
#include "core/sim/scenario.h"
#include "core/sim/sim_time.h"
#include "dissectors/common/bytes.h"

namespace rs::mip {

// How the MN-HA mobility security association is keyed.
enum class KeyMode : std::uint8_t {
  Dynamic,  // seed 001: Skey/Skey' from MS-CHAPv2 key material the AAA server returns
  Static,   // RFC 3344 3.5: one pre-configured key per MN at the HA and the MN
};
std::string_view keyModeName(KeyMode m);  // "dynamic", "static"

// How the MN is reachable away from home (RFC 3344 1.7).
enum class CareOfMode : std::uint8_t {
  ForeignAgent,  // the FA's advertised care-of address; registration relayed by the FA
  Colocated,     // an address of the visited subnet the MN holds itself; registers with the HA directly
};
std::string_view careOfModeName(CareOfMode m);  // "foreign-agent", "colocated"

// One step of a mobile's itinerary: at `at` the MN is plugged into `link` (its
// other end is an agent, or a switch of that subnet) and unplugged from every
// other; with no link it is unplugged from all (out of coverage).
struct Attachment {
  sim::SimTime at = 0;
  std::optional<std::size_t> link;  // index into Scenario::links; one end is the mobile's node
  CareOfMode careOf = CareOfMode::ForeignAgent;
  std::uint32_t colocatedAddress = 0;  // CareOfMode::Colocated: the address on the visited subnet (host order)
};

struct MobileSettings {
  sim::NodeId node = sim::kNoNode;        // role station, with an ipv4 (its home address)
  std::string nai;                        // default "<node name>@roamscope.test" (RFC 2794)
  std::string password = "roamscope-mn-password";  // the MN's Windows password (seed Fig. 8)
  std::string domain = "ROAMSCOPE";       // Windows domain of the domain-name extension; may be empty
  std::vector<sim::NodeId> homeAgents;    // preference order; the next one after the current stops answering
  std::vector<Attachment> itinerary;      // strictly increasing times
  // KeyMode::Static: the MN-HA key configured at both ends ("static_key", hex, 1..32 octets).
  // Default, for tests and demos only: MD5 of the NAI.
  Bytes staticKey;
  // The MN's clock minus the emulation's: identifications it draws are this far off (RFC 3344 5.7 tests).
  double clockOffsetSeconds = 0;
};

// A user of the embedded AAA server.
struct AaaUser {
  std::string name;  // the MS-CHAPv2 user name (the NAI's part before '@')
  std::string password;
};

enum class FaultKind : std::uint8_t {
  ReplayRequest,     // an on-path attacker sends the last request `node` (a mobile) sent again, unchanged
  HomeAgentDown,     // `node` (a home agent) stops: its bindings and security associations are lost
  // RFC 3012 faults of a mobile `node`: its next request through a foreign agent carries ...
  UnknownChallenge,  // ... a challenge no foreign agent advertised (the FA answers 104)
  MissingChallenge,  // ... no MN-FA Challenge extension at all (105)
  StaleChallenge,    // ... the challenge of its previous request again (106)
};
// "replay-request", "home-agent-down", "unknown-challenge", "missing-challenge", "stale-challenge"
std::string_view faultKindName(FaultKind k);

struct Fault {
  sim::SimTime at = 0;
  FaultKind kind = FaultKind::ReplayRequest;
  sim::NodeId node = sim::kNoNode;
};

struct MipSettings {
  KeyMode keys = KeyMode::Dynamic;
  // Node of role home-aaa the HAs ask; required with dynamic keys when there is not exactly one.
  std::optional<sim::NodeId> aaaServer;
  // Node of role switch that joins the agents, the AAA server and the domain controller (the
  // agents' other links are their subnets); required when there is not exactly one switch.
  std::optional<sim::NodeId> backbone;
  std::string aaaSecret = "roamscope-aaa-secret";  // the HAs' RADIUS shared secret
  // Node of role domain-controller the embedded AAA server proxies the MS-CHAPv2 check to (seed Fig. 8):
  // the domain controller then holds the users and derives x' and x''; none: the AAA server does.
  std::optional<sim::NodeId> domainController;
  std::string dcSecret = "roamscope-dc-secret";   // the AAA server's RADIUS secret with the domain controller
  // "HOST[:PORT]" of an external RADIUS server in place of the embedded one (CLI --aaa-server, GUI).
  std::string externalAaaServer;
  // RFC 3012: foreign agents put a Challenge extension in their advertisements and relay only requests that
  // echo a fresh one with an MN-AAA authenticator (CHAP_SPI) their AAA server accepts (RADIUS CHAP).
  bool faChallenge = false;
  unsigned challengeWindow = 2;            // RFC 3012 9 CHALLENGE_WINDOW: the latest challenges an FA accepts
  std::uint32_t staticSpi = 256;           // RFC 3344 3.5.1: SPIs 0..255 are reserved
  std::uint32_t skeySpi = 0x1000;          // seed 001: the SPI of the Skey SA ...
  std::uint32_t skeyPrimeSpi = 0x1001;     // ... and of the Skey' SA
  std::uint16_t replayWindowSeconds = 7;   // RFC 3344 5.7 tolerance for timestamps
  std::uint16_t lifetimeSeconds = 60;      // registration lifetime the MN asks for
  sim::SimTime reregisterBefore = sim::seconds(5);  // re-register this long before the binding expires
  std::optional<sim::SimTime> rekeyInterval = sim::seconds(20);  // seed 001 re-keying of Skey'; none: never
  sim::SimTime advertisementInterval = sim::seconds(1);         // RFC 3344 2.3.2 (1/3 of the lifetime)
  std::uint16_t advertisementLifetimeSeconds = 3;
  bool solicit = true;                     // the MN sends an Agent Solicitation when it attaches (RFC 3344 2.4)
  sim::SimTime responseTimeout = sim::seconds(1);  // a request unanswered this long is sent again
  unsigned retries = 2;                    // resends before trying the next home agent
  std::uint8_t prefixLength = 24;          // of every agent's subnet (routing, Prefix-Lengths extension)
  std::size_t saNvramBytes = 128 * 1024;   // each HA's NVRAM for static SAs (the seed's 128 KB)
  std::vector<MobileSettings> mobiles;     // at least one
  std::vector<AaaUser> users;              // default: each mobile's user with its password
  std::vector<Fault> faults;               // by time
};

using MipSettingsResult = std::variant<MipSettings, sim::ConfigError>;
// True when the scenario has a methods.mip section.
bool isMipScenario(const sim::Scenario& scenario);
// Reads and checks scenario.methods["mip"] against the scenario's nodes and links.
MipSettingsResult readMipSettings(const sim::Scenario& scenario);

}  // namespace rs::mip
