// SPDX-License-Identifier: GPL-3.0-or-later
// The reference processing-cost profile of the WLAN system (wlan_costs.h):
// each cost is timed with the project's own code doing that operation, and
// the result is printed as a cost profile (core/sim/cost_profile.h) that
// resources/profiles/reference.json keeps.
//
//   bench_crypto_costs [REPETITIONS]     default 31; run it pinned: taskset -c 1 bench_crypto_costs
//
// Figures are thread CPU time (the machine is shared with builds, so wall time
// would measure the neighbours too), the median of REPETITIONS batches; a
// batch repeats a fast operation until it takes about 2 ms so the clock's own
// cost vanishes. What each cost measures:
//   pbkdf2                  PMK = PBKDF2-HMAC-SHA1(passphrase, SSID, 4096, 256)
//   ptk-derivation          PRF-384 PTK for CCMP (AKM 1)
//   ft-key-derivation       mean of one PMK-R0 and one PMK-R1 derivation (AKM 3)
//   eapol-mic               HMAC-SHA1-128 MIC of a 121-octet EAPOL-Key frame
//   aes-key-wrap            RFC 3394 wrap of 32 octets of key data under a 16-octet KEK
//   ccmp-frame              CCMP encryption of a QoS data frame with a 200-octet body
//   eap-tls-server-message  one TLS 1.2 EAP-TLS handshake's server side (create, start,
//                           every handle) divided by its handle() calls
//   eap-tls-peer-message    the same handshake's peer side divided by its handle() calls
//   radius-processing       parse an Access-Request with a full EAP-TLS fragment, verify its
//                           Message-Authenticator, build and sign an Access-Challenge with one
//   mppe-key-crypto         encryptMppeKey of MS-MPPE-Recv-Key and MS-MPPE-Send-Key (one pair)
//   mgmt-processing         parse an Association Request: MAC header, fixed fields, elements, RSNE
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/akm_suite.h"
#include "core/crypto/ccmp.h"
#include "core/crypto/eapol_mic.h"
#include "core/crypto/ft_key_hierarchy.h"
#include "core/crypto/mip_auth.h"
#include "core/crypto/mip_session_keys.h"
#include "core/crypto/pbkdf2.h"
#include "core/crypto/ptk_derivation.h"
#include "core/crypto/radius_crypto.h"
#include "core/protocols/aaa/mschap_access_request.h"
#include "core/protocols/eap_tls/eap_tls_peer.h"
#include "core/protocols/eap_tls/eap_tls_server.h"
#include "core/protocols/eap_tls/test_pki.h"
#include "core/protocols/mip/mip_costs.h"
#include "core/protocols/mip/seed001_messages.h"
#include "core/protocols/wlan/radius_replies.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/radius/radius.h"

using namespace rs;

namespace {

double threadCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Keeps results alive so the optimiser cannot drop the work.
volatile std::size_t gSink = 0;

// Median CPU ns per call of `op` (which returns a size to sink), over `repetitions` batches of ~2 ms.
double timePerCall(int repetitions, const std::function<std::size_t()>& op) {
  const double calibrateStart = threadCpuNs();
  std::size_t calls = 0;
  while (threadCpuNs() - calibrateStart < 2e6) {
    gSink = gSink + op();
    ++calls;
  }
  const std::size_t batch = std::max<std::size_t>(1, calls);
  std::vector<double> perCall;
  for (int r = 0; r < repetitions; ++r) {
    const double start = threadCpuNs();
    for (std::size_t i = 0; i < batch; ++i) gSink = gSink + op();
    perCall.push_back((threadCpuNs() - start) / static_cast<double>(batch));
  }
  return median(perCall);
}

template <class T>
const T& ok(const crypto::Result<T>& r, const char* what) {
  if (!r) {
    fmt::print(stderr, "bench_crypto_costs: {} failed: {}\n", what, r.error().describe());
    std::exit(1);
  }
  return *r;
}

const MacAddress kAp{{0x02, 0, 0, 0, 0, 0x01}};
const MacAddress kSta{{0x02, 0, 0, 0, 1, 0}};

struct HandshakeTiming {
  double serverNsPerMessage = 0;
  double peerNsPerMessage = 0;
  std::size_t serverMessages = 0;
  std::size_t peerMessages = 0;
};

// One EAP-TLS handshake, each side's calls timed separately.
HandshakeTiming timeHandshake(const eap::TestPki& pki) {
  eap::EapTlsConfig serverConfig;
  serverConfig.caCertificateDer = pki.ca.certificateDer;
  serverConfig.certificateDer = pki.server.certificateDer;
  serverConfig.privateKeyDer = pki.server.privateKeyDer;
  eap::EapTlsConfig peerConfig;
  peerConfig.caCertificateDer = pki.ca.certificateDer;
  peerConfig.certificateDer = pki.client.certificateDer;
  peerConfig.privateKeyDer = pki.client.privateKeyDer;
  double serverNs = 0, peerNs = 0;
  HandshakeTiming t;
  double start = threadCpuNs();
  auto server = eap::EapTlsServer::create(serverConfig);
  auto request = ok(server, "EapTlsServer::create")->start(1);
  serverNs += threadCpuNs() - start;
  start = threadCpuNs();
  auto peer = eap::EapTlsPeer::create(peerConfig);
  ok(peer, "EapTlsPeer::create");
  peerNs += threadCpuNs() - start;
  for (int step = 0; step < 100; ++step) {
    const Bytes& req = ok(request, "server step");
    start = threadCpuNs();
    auto response = (*peer)->handle(req);
    peerNs += threadCpuNs() - start;
    ++t.peerMessages;
    if (ok(response, "peer step").empty()) break;
    start = threadCpuNs();
    request = (*server)->handle(*response);
    serverNs += threadCpuNs() - start;
    ++t.serverMessages;
  }
  if ((*server)->state() != eap::EapTlsServer::State::Succeeded) {
    fmt::print(stderr, "bench_crypto_costs: the EAP-TLS handshake did not succeed\n");
    std::exit(1);
  }
  t.serverNsPerMessage = serverNs / static_cast<double>(t.serverMessages);
  t.peerNsPerMessage = peerNs / static_cast<double>(t.peerMessages);
  return t;
}

Bytes associationRequest() {
  using namespace ieee80211;
  RsnElement rsn;
  rsn.groupCipher = SuiteSelector{kIeee80211Oui, 4};
  rsn.pairwiseCiphers = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, 4}};
  rsn.akmSuites = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, 1}};
  rsn.capabilities = 0;
  Bytes elements = buildSsid(std::string_view("roam"));
  for (const Bytes& e :
       {buildRates(std::array<std::uint8_t, 8>{0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24}), buildRsne(rsn)})
    elements.insert(elements.end(), e.begin(), e.end());
  return buildAssociationRequest(MacHeader::management(mgmt::AssociationRequest, kAp, kSta, kAp, 10),
                                 AssociationRequestBody{0x0431, 10, std::nullopt, elements});
}

std::size_t parseManagementFrame(ByteView frame) {
  using namespace ieee80211;
  const auto header = parseMacHeader(frame);
  if (!header) return 0;
  const auto body = parseAssociationRequestBody(frame.subspan(header->length), false);
  if (!body) return 0;
  std::size_t seen = 0;
  forEachElement(body->elements, [&](const ElementView& e) {
    seen += e.data.size();
    if (e.id == 48) seen += parseRsne(e.data) ? 1 : 0;
  });
  return seen;
}

}  // namespace

int main(int argc, char** argv) {
  const int repetitions = argc > 1 ? std::max(1, std::atoi(argv[1])) : 31;
  std::map<std::string, double> ns;

  const Bytes ssid{'r', 'o', 'a', 'm'};
  const Bytes nonceA(32, 0xa1), nonceS(32, 0x5c);
  const crypto::SecretBytes pmk = ok(crypto::pmkFromPassphrase("correct horse battery", "roam"), "PBKDF2");
  const crypto::SecretBytes msk(Bytes(64, 0x3c));
  const crypto::Ptk ptk =
      ok(crypto::derivePtk(crypto::akm::Ieee8021x, pmk, kAp, kSta, nonceA, nonceS, crypto::cipher::Ccmp128), "PTK");

  ns[std::string(wlan::cost::kPbkdf2)] =
      timePerCall(repetitions, [] { return crypto::pmkFromPassphrase("correct horse battery", "roam")->size(); });
  ns[std::string(wlan::cost::kPtkDerivation)] = timePerCall(repetitions, [&] {
    return crypto::derivePtk(crypto::akm::Ieee8021x, pmk, kAp, kSta, nonceA, nonceS, crypto::cipher::Ccmp128)
        ->tk.size();
  });
  const crypto::SecretBytes xxKey = ok(crypto::xxKeyFromMsk(crypto::akm::FtIeee8021x, msk), "XXKey");
  const Bytes mdid{0x34, 0x12}, r0kh{'r', '0', 'k', 'h'};
  const crypto::PmkR0 r0 = ok(crypto::derivePmkR0(crypto::akm::FtIeee8021x, xxKey, ssid, mdid, r0kh, kSta), "PMK-R0");
  const double r0Ns = timePerCall(repetitions, [&] {
    return crypto::derivePmkR0(crypto::akm::FtIeee8021x, xxKey, ssid, mdid, r0kh, kSta)->pmkR0Name.size();
  });
  const double r1Ns = timePerCall(repetitions, [&] {
    return crypto::derivePmkR1(crypto::akm::FtIeee8021x, r0.pmkR0, r0.pmkR0Name, kAp, kSta)->pmkR1Name.size();
  });
  ns[std::string(wlan::cost::kFtKeyDerivation)] = (r0Ns + r1Ns) / 2;

  eapol::EapolKeyFields m2;
  m2.keyInfo = 0x010a;  // Pairwise, MIC, descriptor version 2
  m2.replayCounter = 1;
  m2.keyData = Bytes(22, 0x30);  // an RSNE
  const Bytes eapolFrame = eapol::buildEapolKey(m2);
  ns[std::string(wlan::cost::kEapolMic)] = timePerCall(
      repetitions, [&] { return crypto::eapolKeyMic(crypto::akm::Ieee8021x, 2, ptk.kck, eapolFrame)->size(); });
  const Bytes keyData(32, 0xdd);
  ns[std::string(wlan::cost::kAesKeyWrap)] =
      timePerCall(repetitions, [&] { return crypto::aesKeyWrap(ptk.kek, keyData)->size(); });
  const Bytes header = ieee80211::buildMacHeader(ieee80211::MacHeader::qosData(true, kAp, kSta, kAp, 20, 0));
  const Bytes body(200, 0x45);
  std::uint64_t pn = 1;
  ns[std::string(wlan::cost::kCcmpFrame)] =
      timePerCall(repetitions, [&] { return crypto::ccmpEncrypt(ptk.tk, header, pn++, body)->size(); });

  const eap::TestPki pki = ok(eap::makeTestPki("bench"), "test PKI");
  std::vector<double> server, peer;
  HandshakeTiming last;
  timeHandshake(pki);  // warm-up: OpenSSL loads its providers on first use
  for (int r = 0; r < repetitions; ++r) {
    last = timeHandshake(pki);
    server.push_back(last.serverNsPerMessage);
    peer.push_back(last.peerNsPerMessage);
  }
  ns[std::string(wlan::cost::kEapTlsServerMessage)] = median(server);
  ns[std::string(wlan::cost::kEapTlsPeerMessage)] = median(peer);

  const std::string secret = "testing123";
  const Bytes requestAuthenticator(16, 0x7e);
  const Bytes fragment = eapol::buildEapTls(eapol::EapCode::Response, 4, eapol::eaptype::kTls,
                                            eapol::tlsflag::kMoreFragments, std::nullopt, Bytes(1020, 0x16));
  radius::PacketBuilder requestBuilder(radius::code::kAccessRequest, 4, requestAuthenticator);
  requestBuilder.addText(radius::attr::kUserName, "peer@roamscope.test")
      .addText(radius::attr::kCallingStationId, "02-00-00-00-01-00")
      .add(radius::attr::kState, Bytes(16, 0x99))
      .addEapMessage(fragment)
      .addMessageAuthenticator();
  Bytes accessRequest = *requestBuilder.build();
  ok(crypto::radius::signMessageAuthenticator(accessRequest, requestAuthenticator, asView(secret)), "sign request");
  const Bytes state(16, 0x99);
  ns[std::string(wlan::cost::kRadiusProcessing)] = timePerCall(repetitions, [&] {
    const auto p = radius::parsePacket(accessRequest);
    const bool valid = *crypto::radius::verifyMessageAuthenticator(p->packet, p->authenticator, asView(secret));
    const Bytes eap = p->eapMessage();
    const wlan::RadiusReplyContext context{p->identifier, p->authenticator, asView(secret), {}};
    return wlan::buildAccessChallenge(context, eap, state)->size() + (valid ? 1 : 0);
  });
  ns[std::string(wlan::cost::kMppeKeyCrypto)] = timePerCall(repetitions, [&] {
    return crypto::radius::encryptMppeKey(msk.subview(0, 32), 0x8001, requestAuthenticator, asView(secret))->size() +
           crypto::radius::encryptMppeKey(msk.subview(32, 32), 0x8002, requestAuthenticator, asView(secret))->size();
  });
  const Bytes association = associationRequest();
  ns[std::string(wlan::cost::kMgmtProcessing)] =
      timePerCall(repetitions, [&] { return parseManagementFrame(association); });

  // Mobile IP (seed 001): the MN's initial request as the HA receives it, and the steps each end repeats.
  mip::RequestHeader request;
  request.lifetime = 30;
  request.homeAddress = 0x0a01000a;
  request.homeAgent = 0x0a010001;
  request.careOfAddress = 0x0a020001;
  request.identification = 0xe9a1b2c300000001ull;
  const Bytes challenge(16, 0x42);
  const mip::seed001::KeyExtension skeyExtension{0x1000, 1, 1, 7}, primeExtension{0x1001, 1, 1, 7};
  const auto initial = ok(mip::seed001::buildInitialRequest(request, {"alice@roamscope.test", "ROAMSCOPE", "pw"},
                                                           challenge, skeyExtension, primeExtension),
                          "seed-001 initial request");
  ns[std::string(mip::cost::kRegistrationProcessing)] = timePerCall(repetitions, [&] {
    const auto m = mip::parseMessage(initial.message);
    const mip::ReplyHeader reply{0, m->lifetime, m->homeAddress, m->homeAgent, m->identification};
    return static_cast<std::size_t>(m->extensions.size() + mip::MessageBuilder(reply).addNai(*m->nai()).build()->size());
  });
  ns[std::string(mip::cost::kAuthenticator)] = timePerCall(repetitions, [&] {
    return static_cast<std::size_t>(*crypto::mip::verifyLastAuthenticationExtension(
        initial.message, mip::ext::kMobileHomeAuth, crypto::mip::AuthAlgorithm::HmacMd5, initial.skey));
  });
  ns[std::string(mip::cost::kMsChapResponse)] = timePerCall(repetitions, [&] {
    return aaa::computeMsChapV2Response("alice", "alice-Windows-pw1", challenge, Bytes(16, 0x17))->ntResponse.size();
  });
  ns[std::string(mip::cost::kSessionKeys)] = timePerCall(repetitions, [&] {
    const auto x = crypto::mip::mobileNodeXDoublePrime("alice-Windows-pw1", initial.ntResponse);
    const auto skey = crypto::mip::sessionKey(*x, challenge, initial.peerChallenge, initial.ntResponse);
    return crypto::mip::derivedSessionKey(*skey, request.identification)->size();
  });

  fmt::print(stderr, "bench_crypto_costs: median of {} repetitions, thread CPU time\n", repetitions);
  fmt::print(stderr, "  PMK-R0 {:.0f} ns, PMK-R1 {:.0f} ns\n", r0Ns, r1Ns);
  fmt::print(stderr, "  EAP-TLS (TLS 1.2): {} server handle() calls, {} peer handle() calls per handshake\n",
             last.serverMessages, last.peerMessages);
  nlohmann::ordered_json costs = nlohmann::ordered_json::object();
  for (const auto& [name, value] : ns) costs[name] = static_cast<std::int64_t>(value + 0.5);
  nlohmann::ordered_json profile{
      {"name", "x86-64 reference (bench_crypto_costs)"}, {"factor", 1.0}, {"costs_ns", costs}};
  fmt::print("{}\n", profile.dump(2));
  return 0;
}
