// SPDX-License-Identifier: GPL-3.0-or-later
// The WLAN system of issue #4 end to end, on the presets in resources/scenarios:
// the same seed gives a byte-identical pcapng (acceptance 1); the roam analysis
// of the emulated capture alone finds the emulator's ground truth, phase by
// phase and latency by latency, to the nanosecond (acceptance 3); tshark
// dissects every frame without a warning and decrypts every protected data
// frame with the scenario's passphrase (acceptance 2); bad settings name their key.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "capture/file/capture_file.h"
#include "capture/sim/pcapng_frame_sink.h"
#include "core/analysis/key_ring.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/scenario.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {

std::string preset(const char* name) { return std::string(ROAMSCOPE_SOURCE_DIR) + "/resources/scenarios/" + name; }

struct Run {
  std::vector<roam::HandoffRecord> truth;
  std::vector<std::string> keys;  // the run's keys as 80211_keys entries (KeyLog)
  std::string pcap;
  std::string error;
};

// Runs a preset for `seconds` of virtual time and writes its capture to `pcap`.
Run runPreset(const char* name, const std::string& pcap, double seconds, std::optional<std::uint64_t> seed = {}) {
  Run r;
  r.pcap = pcap;
  auto loaded = sim::loadScenario(preset(name));
  if (auto* e = std::get_if<sim::ConfigError>(&loaded)) {
    r.error = e->message();
    return r;
  }
  auto scenario = std::get<sim::Scenario>(std::move(loaded));
  scenario.duration = sim::fromSeconds(seconds);
  auto created = wlan::WlanNetwork::create(scenario, seed);
  if (auto* e = std::get_if<std::string>(&created)) {
    r.error = *e;
    return r;
  }
  auto& network = *std::get<std::unique_ptr<wlan::WlanNetwork>>(created);
  auto sink = PcapngFrameSink::create(pcap, "tst_wlan_emulation");
  if (std::holds_alternative<FileError>(sink)) {
    r.error = "cannot write " + pcap;
    return r;
  }
  auto& writer = *std::get<std::unique_ptr<PcapngFrameSink>>(sink);
  network.simulation().setFrameSink(&writer);
  network.run();
  if (!writer.close()) r.error = "writing " + pcap + " failed";
  r.truth = network.truth().records();
  r.keys = network.keys().uatEntries();
  return r;
}

std::vector<roam::HandoffRecord> analyze(const std::string& pcap, KeyRing& keys) {
  auto opened = openCapture(pcap);
  if (std::holds_alternative<FileError>(opened)) return {};
  auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
  roam::RoamAnalyzer analyzer(&keys);
  CaptureFrame f;
  while (file.next(f)) analyzer.observe(toFrameView(f));
  analyzer.finish();
  return analyzer.recordsByTime();
}

std::string describe(const roam::HandoffRecord& r) {
  std::string s = r.sta.toString() + " -> " + r.to.bssid.toString() + " " + std::string(roam::methodName(r.method)) +
                  (r.success ? " ok" : " failed");
  for (const auto& p : r.phases)
    s += " " + std::string(roam::phaseName(p.kind)) + "[" + std::to_string(p.startNs) + "," + std::to_string(p.endNs) + "]";
  for (const auto& [d, ns] : r.latencyNs) s += " " + std::string(roam::definitionName(d)) + "=" + std::to_string(ns);
  return s;
}

QByteArray fileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return QByteArray::fromStdString(std::string(std::istreambuf_iterator<char>(in), {}));
}

}  // namespace

class TestWlanEmulation : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

 private slots:
  void sameSeedSameBytes() {
    const Run a = runPreset("wlan-psk-full.json", path("a.pcapng"), 12, 7);
    const Run b = runPreset("wlan-psk-full.json", path("b.pcapng"), 12, 7);
    const Run c = runPreset("wlan-psk-full.json", path("c.pcapng"), 12, 8);
    QVERIFY2(a.error.empty(), a.error.c_str());
    QVERIFY(fileBytes(a.pcap).size() > 100000);
    QCOMPARE(fileBytes(a.pcap), fileBytes(b.pcap));
    QVERIFY(fileBytes(a.pcap) != fileBytes(c.pcap));  // other nonces, GTK, beacon offsets
  }

  void analysisFindsTheGroundTruth_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("method");
    QTest::newRow("psk full") << "wlan-psk-full.json" << "psk";
    QTest::newRow("psk seed000") << "wlan-psk-seed000.json" << "seed000-fast-reassociation";
    QTest::newRow("802.1x full") << "wlan-8021x-full.json" << "full-802.1x";
    QTest::newRow("psk ft") << "wlan-psk-ft.json" << "ft-over-air";
    QTest::newRow("802.1x ft") << "wlan-8021x-ft.json" << "ft-over-air";
    QTest::newRow("802.1x seed000") << "wlan-8021x-seed000.json" << "seed000-fast-reassociation";
  }
  void analysisFindsTheGroundTruth() {
    QFETCH(QString, scenario);
    QFETCH(QString, method);
    const std::string pcap = path("truth.pcapng");
    const Run run = runPreset(scenario.toStdString().c_str(), pcap, 25);
    QVERIFY2(run.error.empty(), run.error.c_str());
    // The walk past three APs: a join and two roams by the scenario's method.
    QCOMPARE(run.truth.size(), std::size_t{3});
    for (std::size_t i = 1; i < run.truth.size(); ++i) {
      QVERIFY(run.truth[i].success);
      QCOMPARE(QString::fromStdString(std::string(roam::methodName(run.truth[i].method))), method);
    }
    KeyRing keys;
    keys.addPassphrase("roamscope-passphrase", Bytes{'R', 'o', 'a', 'm', 'S', 'c', 'o', 'p', 'e'});
    keys.addRadiusSecret("roamscope-radius");  // 802.1X: the PMK comes from the Access-Accept's MS-MPPE keys
    // The TKs the APs installed (simulate --keys-out): seed 000's PTK has its own KDF, so without them the
    // pre-authentication through a seed-000 association stays encrypted to the analysis.
    for (const std::string& entry : run.keys) {
      Bytes tk;
      if (entry.rfind("\"tk\",\"", 0) == 0 && parseHex(entry.substr(6, entry.size() - 7), tk))
        keys.addTk(crypto::SecretBytes(tk), "simulate --keys-out");
    }
    const auto found = analyze(pcap, keys);
    QCOMPARE(found.size(), run.truth.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      const auto& t = run.truth[i];
      const auto& a = found[i];
      const std::string both = "\n truth    " + describe(t) + "\n analysis " + describe(a);
      QVERIFY2(a.sta == t.sta && a.to.bssid == t.to.bssid && a.success == t.success && a.method == t.method,
               both.c_str());
      QVERIFY2(a.from.has_value() == t.from.has_value() && (!t.from || a.from->bssid == t.from->bssid), both.c_str());
      QVERIFY2(a.to.channel == t.to.channel, both.c_str());
      QVERIFY2(a.startNs == t.startNs && a.endNs == t.endNs, both.c_str());
      QVERIFY2(a.phases.size() == t.phases.size(), both.c_str());
      for (const auto& p : t.phases) {
        const roam::Phase* q = a.phase(p.kind);
        QVERIFY2(q && q->startNs == p.startNs && q->endNs == p.endNs, both.c_str());
      }
      QVERIFY2(a.latencyNs == t.latencyNs, both.c_str());
    }
  }

  // PMK caching needs the walk back: two full 802.1X roams out, two PMKSA-cache roams back.
  void pmkCacheRoamsBack() {
    const std::string pcap = path("pmk.pcapng");
    const Run run = runPreset("wlan-8021x-pmk-cache.json", pcap, 45);
    QVERIFY2(run.error.empty(), run.error.c_str());
    QCOMPARE(run.truth.size(), std::size_t{5});
    QCOMPARE(run.truth[3].method, roam::Method::PmkCache);
    QCOMPARE(run.truth[4].method, roam::Method::PmkCache);
    QVERIFY(!run.truth[3].phase(roam::PhaseKind::Eap));
    QVERIFY(run.truth[2].phase(roam::PhaseKind::Eap));
    KeyRing keys;
    keys.addRadiusSecret("roamscope-radius");
    const auto found = analyze(pcap, keys);
    QCOMPARE(found.size(), run.truth.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      const std::string both = "\n truth    " + describe(run.truth[i]) + "\n analysis " + describe(found[i]);
      QVERIFY2(found[i].method == run.truth[i].method, both.c_str());
      QVERIFY2(found[i].latencyNs == run.truth[i].latencyNs, both.c_str());
      QVERIFY2(found[i].micsVerified == std::optional<bool>(true), both.c_str());
    }
  }

  // With the passphrase alone, tshark derives every PTK of the standard handshakes (and FT-PSK's hierarchy);
  // seed 000's PTK has its own KDF label and 802.1X's PMK comes from EAP, so those runs give tshark the
  // keys the emulator installed (simulate --keys-out): every protected frame must decrypt either way.
  void tsharkDissectsAndDecryptsEveryFrame_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("exportedKeys");
    QTest::newRow("psk full, passphrase") << "wlan-psk-full.json" << false;
    QTest::newRow("psk ft, passphrase") << "wlan-psk-ft.json" << false;
    QTest::newRow("psk seed000, exported keys") << "wlan-psk-seed000.json" << true;
    QTest::newRow("802.1x seed000, exported keys") << "wlan-8021x-seed000.json" << true;
    QTest::newRow("802.1x ft, exported keys") << "wlan-8021x-ft.json" << true;
  }
  void tsharkDissectsAndDecryptsEveryFrame() {
    QFETCH(QString, scenario);
    QFETCH(bool, exportedKeys);
    if (!test::tsharkAvailable()) QFAIL("tshark is missing: the test command installs it");
    const std::string pcap = path("tshark.pcapng");
    const Run run = runPreset(scenario.toStdString().c_str(), pcap, 20);
    QVERIFY2(run.error.empty(), run.error.c_str());
    QStringList keys{"-o", "wlan.enable_decryption:TRUE"};
    if (exportedKeys) {
      QVERIFY(!run.keys.empty());
      for (const auto& entry : run.keys) keys << "-o" << QString::fromStdString("uat:80211_keys:" + entry);
    } else {
      keys << "-o" << "uat:80211_keys:\"wpa-pwd\",\"roamscope-passphrase:RoamScope\"";
    }
    QString error;
    auto table = test::runTsharkFields(pcap, {"frame.number", "wlan.fc.protected", "frame.interface_name", "udp.srcport",
                                              "_ws.expert.severity", "_ws.malformed", "eapol.type"},
                                       keys, error);
    QVERIFY2(table, qPrintable(error));
    std::size_t protectedFrames = 0, decrypted = 0;
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
      const auto& row = table->rows[i];
      // Wireshark's expert severities: 2097152 = note, 4194304 = warning, 8388608 = error.
      for (const auto& severity : table->values(i, 4))
        QVERIFY2(severity.empty() || std::stoll(severity) < 4194304, ("frame " + row[0] + " has an expert warning").c_str());
      QVERIFY2(row[5].empty(), ("frame " + row[0] + " is malformed").c_str());
      if (row[1] == "1" || row[1] == "True") {
        ++protectedFrames;
        // The voice flow's UDP, or the pre-authentication EAPOL of seed 000, is visible only after decryption.
        if (!row[3].empty() || !row[6].empty()) ++decrypted;
      }
    }
    QVERIFY(table->rows.size() > 1000);
    QVERIFY(protectedFrames > 500);
    QCOMPARE(decrypted, protectedFrames);
  }

  void badSettingsNameTheirKey() {
    auto loaded = sim::loadScenario(preset("wlan-psk-full.json"));
    QVERIFY(std::holds_alternative<sim::Scenario>(loaded));
    auto scenario = std::get<sim::Scenario>(std::move(loaded));
    scenario.methods["wlan"]["handoff"] = "teleport";
    auto created = wlan::WlanNetwork::create(scenario);
    QVERIFY(std::holds_alternative<std::string>(created));
    const std::string message = std::get<std::string>(created);
    QVERIFY2(message.find("wlan-psk-full.json") != std::string::npos, message.c_str());
    QVERIFY2(message.find("/methods/wlan/handoff") != std::string::npos, message.c_str());
    QVERIFY2(message.find("\"seed000\"") != std::string::npos, message.c_str());  // what was expected
    scenario.methods["wlan"]["handoff"] = "full";
    scenario.methods["wlan"]["passphrase"] = "short";
    created = wlan::WlanNetwork::create(scenario);
    QVERIFY(std::holds_alternative<std::string>(created));
    QVERIFY(std::get<std::string>(created).find("/methods/wlan/passphrase") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestWlanEmulation)
#include "tst_wlan_emulation.moc"
