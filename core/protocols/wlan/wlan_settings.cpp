// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/wlan_settings.h"

#include <limits>

#include "core/sim/json_cursor.h"

namespace rs::wlan {
namespace {

using sim::readChoice;

using sim::JsonCursor;
constexpr double kHuge = std::numeric_limits<double>::infinity();

sim::SimTime readMs(const JsonCursor& c, double min, double max) { return sim::fromMicroseconds(c.number(min, max) * 1e3); }

void readScan(const JsonCursor& c, ScanSettings& s) {
  c.requireObject({"mode", "min_channel_ms", "max_channel_ms", "passive_dwell_ms"});
  if (auto v = c.find("mode"))
    s.mode = readChoice(*v, {std::pair{std::string_view("active"), ScanMode::Active}, {"passive", ScanMode::Passive}});
  if (auto v = c.find("min_channel_ms")) s.minChannelTime = readMs(*v, 1, 1000);
  if (auto v = c.find("max_channel_ms")) s.maxChannelTime = readMs(*v, 1, 1000);
  if (s.maxChannelTime < s.minChannelTime)
    c.at(c.has("max_channel_ms") ? "max_channel_ms" : "min_channel_ms")
        .fail("max_channel_ms >= min_channel_ms (IEEE 802.11 MinChannelTime <= MaxChannelTime)");
  if (auto v = c.find("passive_dwell_ms")) s.passiveDwell = readMs(*v, 1, 5000);
}

void readRoam(const JsonCursor& c, RoamSettings& r) {
  c.requireObject({"threshold_dbm", "hysteresis_db", "sample_ms", "rescan_s"});
  if (auto v = c.find("threshold_dbm")) r.thresholdDbm = v->number(-120, 0);
  if (auto v = c.find("hysteresis_db")) r.hysteresisDb = v->number(0, 60);
  if (auto v = c.find("sample_ms")) r.sampleInterval = readMs(*v, 1, 10000);
  if (auto v = c.find("rescan_s")) r.rescanInterval = sim::fromSeconds(v->number(0.01, 3600));
}

void readFlow(const JsonCursor& c, std::optional<FlowSettings>& flow) {
  if (c.json().is_boolean()) {
    if (!c.boolean()) flow.reset();
    return;
  }
  c.requireObject({"interval_ms", "payload_bytes", "station_port", "server_port"});
  FlowSettings f;
  if (auto v = c.find("interval_ms")) f.interval = readMs(*v, 1, 10000);
  if (auto v = c.find("payload_bytes")) f.payloadBytes = static_cast<std::size_t>(v->integer(1, 1400));
  if (auto v = c.find("station_port")) f.stationPort = static_cast<std::uint16_t>(v->integer(1, 65535));
  if (auto v = c.find("server_port")) f.serverPort = static_cast<std::uint16_t>(v->integer(1, 65535));
  flow = f;
}

WlanSettings readSection(const JsonCursor& c) {
  c.requireObject({"ssid", "security", "passphrase", "identity", "tls_version", "radius_secret", "handoff",
                   "mobility_domain", "beacon_interval_tu", "scan", "roam", "flow", "response_timeout_ms",
                   "retries", "seed000_fault"});
  WlanSettings s;
  if (auto v = c.find("ssid")) {
    s.ssid = v->string();
    if (s.ssid.size() > 32) v->fail("an SSID of 1..32 octets");
  }
  if (auto v = c.find("security"))
    s.security = readChoice(*v, {std::pair{std::string_view("psk"), Security::Psk}, {"eap-tls", Security::EapTls}});
  if (auto v = c.find("passphrase")) {
    s.passphrase = v->string();
    // IEEE 802.11-2016 J.4.1: an ASCII passphrase of 8..63 printable characters.
    bool printable = true;
    for (char ch : s.passphrase) printable = printable && ch >= 32 && ch <= 126;
    if (s.passphrase.size() < 8 || s.passphrase.size() > 63 || !printable)
      v->fail("a passphrase of 8..63 printable ASCII characters", "a value outside that range");
  }
  if (auto v = c.find("identity")) s.identity = v->string();
  if (auto v = c.find("tls_version"))
    s.tlsVersion =
        readChoice(*v, {std::pair{std::string_view("1.2"), eap::TlsVersion::Tls12}, {"1.3", eap::TlsVersion::Tls13}});
  if (auto v = c.find("radius_secret")) s.radiusSecret = v->string();
  if (auto v = c.find("handoff"))
    s.handoff = readChoice(*v, {std::pair{std::string_view("full"), HandoffMethod::Full},
                                {"pmk-cache", HandoffMethod::PmkCache},
                                {"seed000", HandoffMethod::Seed000},
                                {"ft-over-air", HandoffMethod::FtOverAir}});
  if (auto v = c.find("mobility_domain")) {
    const std::string text = v->json().is_string() ? v->json().get<std::string>() : std::string();
    unsigned value = 0;
    bool ok = text.size() == 4;
    for (char ch : text) {
      const int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
      ok = ok && d >= 0;
      value = value * 16 + static_cast<unsigned>(d < 0 ? 0 : d);
    }
    if (!ok) v->fail("a mobility domain ID of four lower-case hex digits, like \"b2a1\"");
    s.mobilityDomain = static_cast<std::uint16_t>(value);
  }
  if (auto v = c.find("beacon_interval_tu")) s.beaconIntervalTu = static_cast<std::uint16_t>(v->integer(10, 1000));
  if (auto v = c.find("scan")) readScan(*v, s.scan);
  if (auto v = c.find("roam")) readRoam(*v, s.roam);
  if (auto v = c.find("flow")) readFlow(*v, s.flow);
  if (auto v = c.find("response_timeout_ms")) s.responseTimeout = readMs(*v, 1, 10000);
  if (auto v = c.find("retries")) s.retries = static_cast<unsigned>(v->integer(0, 10));
  if (auto v = c.find("seed000_fault")) {
    const auto fault = v->json().is_string() ? seed000FaultFromName(v->json().get<std::string>()) : std::nullopt;
    if (!fault) v->fail(std::string("one of ") + std::string(seed000FaultNames()));
    s.seed000Fault = *fault;
  }
  return s;
}

}  // namespace

std::string_view securityName(Security s) { return s == Security::Psk ? "psk" : "eap-tls"; }

std::string_view handoffMethodName(HandoffMethod m) {
  switch (m) {
    case HandoffMethod::Full: return "full";
    case HandoffMethod::PmkCache: return "pmk-cache";
    case HandoffMethod::Seed000: return "seed000";
    case HandoffMethod::FtOverAir: return "ft-over-air";
  }
  return "?";
}

WlanSettingsResult readWlanSettings(const sim::Scenario& scenario) {
  if (!scenario.methods.is_object() || !scenario.methods.contains("wlan")) return WlanSettings{};
  try {
    return readSection(JsonCursor(scenario.methods.at("wlan"), scenario.file, "/methods/wlan"));
  } catch (const sim::ConfigException& e) {
    return e.error;
  }
}

}  // namespace rs::wlan
