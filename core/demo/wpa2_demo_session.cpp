// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/wpa2_demo_session.h"

#include <algorithm>
#include <random>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/akm_suite.h"
#include "core/crypto/ccmp.h"
#include "core/crypto/eapol_mic.h"
#include "core/crypto/pbkdf2.h"
#include "core/crypto/pmkid.h"
#include "core/crypto/ptk_derivation.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/kde.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/inet/arp.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/llc.h"
#include "dissectors/inet/udp.h"
#include "dissectors/radiotap/radiotap.h"

namespace rs {
namespace {

using crypto::Result;

constexpr std::uint16_t kCapabilitiesEssPrivacy = 0x0431;  // ESS, privacy, short preamble, short slot
constexpr std::uint16_t kKeyInfoM1 = eapol::keyinfo::kPairwise | eapol::keyinfo::kAck | 2;
constexpr std::uint16_t kKeyInfoM2 = eapol::keyinfo::kPairwise | eapol::keyinfo::kMic | 2;
constexpr std::uint16_t kKeyInfoM3 = eapol::keyinfo::kPairwise | eapol::keyinfo::kInstall | eapol::keyinfo::kAck |
                                     eapol::keyinfo::kMic | eapol::keyinfo::kSecure |
                                     eapol::keyinfo::kEncryptedKeyData | 2;
constexpr std::uint16_t kKeyInfoM4 = eapol::keyinfo::kPairwise | eapol::keyinfo::kMic | eapol::keyinfo::kSecure | 2;

// The session's frames in order, with a virtual clock that advances by the
// air time and processing gaps a real exchange would show.
class SessionWriter {
 public:
  explicit SessionWriter(const DemoSessionConfig& c) : config_(c), now_(c.startNs) {}

  void add(std::int64_t afterNs, Bytes mpdu, std::string comment, std::int8_t signal) {
    now_ += afterNs;
    RadiotapHeader rt;
    RadiotapFields f;
    f.tsft = static_cast<std::uint64_t>((now_ - config_.startNs) / 1000);
    f.flags = 0x00;
    f.rate = 48;  // 24 Mb/s in 500 kb/s units
    f.channel = RadiotapChannel{config_.channelMhz, 0x00c0};  // 2 GHz, OFDM
    f.dbmAntennaSignal = signal;
    f.dbmAntennaNoise = -95;
    f.antenna = 0;
    rt.namespaces.push_back(f);
    Bytes frame = buildRadiotap(rt);
    frame.insert(frame.end(), mpdu.begin(), mpdu.end());
    frames_.push_back(DemoFrame{now_, std::move(frame), std::move(comment)});
  }
  std::vector<DemoFrame> take() { return std::move(frames_); }

 private:
  const DemoSessionConfig& config_;
  std::int64_t now_;
  std::vector<DemoFrame> frames_;
};

Bytes concat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

template <std::size_t N>
std::array<std::uint8_t, N> randomArray(std::mt19937_64& rng) {
  std::array<std::uint8_t, N> a{};
  for (auto& b : a) b = static_cast<std::uint8_t>(rng());
  return a;
}

Result<Bytes> signedEapolKey(eapol::EapolKeyFields fields, const crypto::Ptk* ptk) {
  Bytes pdu = eapol::buildEapolKey(fields);
  if (!ptk) return pdu;
  auto mic = crypto::eapolKeyMic(crypto::akm::Psk, 2, ptk->kck, pdu);
  if (!mic) return mic.error();
  std::copy(mic->begin(), mic->end(), pdu.begin() + eapol::kKeyMicOffset);
  return pdu;
}

Bytes dataMsdu(std::uint16_t etherType, ByteView payload) { return inet::buildLlcSnap(etherType, payload); }

}  // namespace

Result<std::vector<DemoFrame>> buildWpa2DemoSession(const DemoSessionConfig& c) {
  using namespace ieee80211;
  std::mt19937_64 rng(c.seed);
  SessionWriter out(c);
  const MacAddress ap = c.bssid;
  const MacAddress sta = c.station;
  const MacAddress bcast = MacAddress::broadcast();
  std::uint16_t apSeq = 100, staSeq = 10;

  RsnElement rsn;
  rsn.version = 1;
  rsn.groupCipher = SuiteSelector{kIeee80211Oui, 4};
  rsn.pairwiseCiphers = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, 4}};
  rsn.akmSuites = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, 2}};
  rsn.capabilities = 0;
  const Bytes rsne = buildRsne(rsn);
  const Bytes rates = buildRates(std::array<std::uint8_t, 8>{0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24});
  const Bytes ssid = buildSsid(c.ssid);
  const Bytes beaconElements = concat({ssid, rates, buildDsParameter(6), rsne});

  // Discovery and attachment (IEEE 802.11-2016 11.1.4, 11.3).
  out.add(0, buildBeacon(MacHeader::management(mgmt::Beacon, bcast, ap, ap, apSeq++),
                         BeaconBody{1024000, 100, kCapabilitiesEssPrivacy, beaconElements}),
          "Beacon: the AP advertises WPA2-PSK (RSNE: CCMP, PSK)", -48);
  out.add(30'000'000, buildProbeRequest(MacHeader::management(mgmt::ProbeRequest, bcast, sta, bcast, staSeq++),
                                        ProbeRequestBody{concat({ssid, rates})}),
          "Probe Request for the SSID", -45);
  out.add(180'000, buildProbeResponse(MacHeader::management(mgmt::ProbeResponse, sta, ap, ap, apSeq++),
                                      BeaconBody{1054000, 100, kCapabilitiesEssPrivacy, beaconElements}),
          "Probe Response", -48);
  out.add(2'000'000, buildAuthentication(MacHeader::management(mgmt::Authentication, ap, sta, ap, staSeq++),
                                         AuthenticationBody{0, 1, 0, {}}),
          "Open System authentication, request", -45);
  out.add(150'000, buildAuthentication(MacHeader::management(mgmt::Authentication, sta, ap, ap, apSeq++),
                                       AuthenticationBody{0, 2, 0, {}}),
          "Open System authentication, success", -48);
  out.add(600'000, buildAssociationRequest(MacHeader::management(mgmt::AssociationRequest, ap, sta, ap, staSeq++),
                                           AssociationRequestBody{kCapabilitiesEssPrivacy, 10, std::nullopt,
                                                                  concat({ssid, rates, rsne})}),
          "Association Request with the station's RSNE", -45);
  out.add(200'000,
          buildAssociationResponse(MacHeader::management(mgmt::AssociationResponse, sta, ap, ap, apSeq++),
                                   AssociationResponseBody{kCapabilitiesEssPrivacy, 0, 0xc001, rates}, false),
          "Association Response: success, AID 1", -48);

  // Keys (IEEE 802.11-2016 12.7.1.3, 12.7.6).
  auto pmk = crypto::pmkFromPassphrase(c.passphrase, c.ssid);
  if (!pmk) return pmk.error();
  const auto anonce = randomArray<32>(rng);
  const auto snonce = randomArray<32>(rng);
  auto ptk = crypto::derivePtk(crypto::akm::Psk, *pmk, ap, sta, anonce, snonce, crypto::cipher::Ccmp128);
  if (!ptk) return ptk.error();
  const auto gtk = randomArray<16>(rng);

  auto eapolFrame = [&](bool fromAp, ByteView eapolPdu) {
    const MacHeader h = fromAp ? MacHeader::qosData(false, ap, sta, ap, apSeq++, 7)
                               : MacHeader::qosData(true, ap, sta, ap, staSeq++, 7);
    return buildDataFrame(h, dataMsdu(0x888e, eapolPdu));
  };

  // Message 1 names the PMK it uses (PMKID KDE, 12.7.6.2), as most APs do.
  auto pmkid = crypto::pmkid(crypto::akm::Psk, *pmk, ap, sta);
  if (!pmkid) return pmkid.error();
  Pmkid pmkidArray{};
  std::copy(pmkid->begin(), pmkid->end(), pmkidArray.begin());
  eapol::EapolKeyFields m1;
  m1.keyInfo = kKeyInfoM1;
  m1.keyLength = 16;
  m1.replayCounter = 1;
  m1.nonce = anonce;
  m1.keyData = buildPmkidKde(pmkidArray);
  auto m1Pdu = signedEapolKey(m1, nullptr);
  out.add(1'500'000, eapolFrame(true, *m1Pdu), "4-way handshake message 1: ANonce, PMKID", -48);

  eapol::EapolKeyFields m2;
  m2.keyInfo = kKeyInfoM2;
  m2.replayCounter = 1;
  m2.nonce = snonce;
  m2.keyData = rsne;
  auto m2Pdu = signedEapolKey(m2, &*ptk);
  if (!m2Pdu) return m2Pdu.error();
  out.add(2'100'000, eapolFrame(false, *m2Pdu), "4-way handshake message 2: SNonce, RSNE, MIC", -45);

  Bytes keyData = concat({rsne, buildGtkKde(1, false, gtk)});
  padKeyDataForKeyWrap(keyData);
  auto wrapped = crypto::aesKeyWrap(ptk->kek, keyData);
  if (!wrapped) return wrapped.error();
  eapol::EapolKeyFields m3;
  m3.keyInfo = kKeyInfoM3;
  m3.keyLength = 16;
  m3.replayCounter = 2;
  m3.nonce = anonce;
  m3.keyData = *wrapped;
  auto m3Pdu = signedEapolKey(m3, &*ptk);
  if (!m3Pdu) return m3Pdu.error();
  out.add(1'200'000, eapolFrame(true, *m3Pdu), "4-way handshake message 3: install, GTK wrapped with the KEK", -48);

  eapol::EapolKeyFields m4;
  m4.keyInfo = kKeyInfoM4;
  m4.replayCounter = 2;
  auto m4Pdu = signedEapolKey(m4, &*ptk);
  if (!m4Pdu) return m4Pdu.error();
  out.add(900'000, eapolFrame(false, *m4Pdu), "4-way handshake message 4: keys installed", -45);

  // Protected traffic (12.5.3): 20 ms voice-like UDP both ways, then a broadcast ARP under the GTK.
  const std::uint32_t staIp = 0xc0a85a0a;     // 192.168.90.10
  const std::uint32_t serverIp = 0xc0a85a01;  // 192.168.90.1
  std::uint64_t pnSta = 1, pnAp = 1, pnGroup = 1;
  for (int i = 0; i < c.dataFrames; ++i) {
    const bool uplink = i % 2 == 0;
    Bytes payload(160);
    for (auto& b : payload) b = static_cast<std::uint8_t>(rng());
    const std::uint32_t src = uplink ? staIp : serverIp;
    const std::uint32_t dst = uplink ? serverIp : staIp;
    inet::Ipv4Fields ip;
    ip.protocol = 17;
    ip.source = src;
    ip.destination = dst;
    ip.identification = static_cast<std::uint16_t>(i + 1);
    // An RTP-like flow: the station's port 40000 talks to the server's port 5004.
    const std::uint16_t srcPort = uplink ? 40000 : 5004;
    const std::uint16_t dstPort = uplink ? 5004 : 40000;
    const Bytes msdu = dataMsdu(0x0800, inet::buildIpv4(ip, inet::buildUdp(src, dst, srcPort, dstPort, payload)));
    const MacHeader h = uplink ? MacHeader::qosData(true, ap, sta, ap, staSeq++, 6)
                               : MacHeader::qosData(false, ap, sta, ap, apSeq++, 6);
    auto protectedFrame = crypto::ccmpEncrypt(ptk->tk, buildMacHeader(h), uplink ? pnSta++ : pnAp++, msdu);
    if (!protectedFrame) return protectedFrame.error();
    out.add(10'000'000, *protectedFrame,
            uplink ? "CCMP-protected UDP, station to network" : "CCMP-protected UDP, network to station",
            uplink ? -45 : -48);
  }
  inet::ArpFields arp;
  arp.senderMac = ap;
  arp.senderIp = serverIp;
  arp.targetIp = staIp;
  const MacHeader groupHeader = MacHeader::qosData(false, ap, bcast, ap, apSeq++, 0);
  auto groupFrame = crypto::ccmpEncrypt(gtk, buildMacHeader(groupHeader), pnGroup++,
                                        dataMsdu(0x0806, inet::buildArp(arp)), 1);
  if (!groupFrame) return groupFrame.error();
  out.add(5'000'000, *groupFrame, "Group-addressed ARP protected with the GTK (key ID 1)", -48);
  return out.take();
}

}  // namespace rs
