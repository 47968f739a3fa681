// SPDX-License-Identifier: GPL-3.0-or-later
// The RADIUS proxy of seed 001's AAA server in front of a domain controller
// (core/protocols/aaa/radius_proxy.h), without the network: the HA's client,
// the proxy and the embedded server in a row. An accepted request comes back
// to the client with MPPE keys it decrypts under its own secret to the x''
// the mobile derives; and what must be discarded is (unknown client, a bad
// Message-Authenticator, a reply naming no forwarded request, a reply whose
// Response Authenticator fails, garbage), each with its reason. CHAP requests
// pass with their CHAP attributes unchanged and their Accept verifies at the client.
#include <QtTest>

#include "core/crypto/chap.h"
#include "core/crypto/radius_crypto.h"
#include "core/protocols/aaa/mschap_aaa_client.h"
#include "core/protocols/aaa/mschap_aaa_server.h"
#include "core/protocols/aaa/mschap_key_material.h"
#include "core/protocols/aaa/radius_proxy.h"
#include "core/protocols/aaa/udp_aaa_exchange.h"
#include "dissectors/radius/radius.h"
#include "tests/core/protocols/aaa/aaa_test_support.h"

using namespace rs;

namespace {
constexpr char kDcSecret[] = "proxy-dc-secret";
constexpr char kHa[] = "10.1.0.1";
constexpr char kProxy[] = "10.0.0.10";

// The discard reason of a proxy result, or "" when it went through (QVERIFY2 evaluates its message always).
template <class V>
std::string reasonOf(const V& v) {
  const auto* why = std::get_if<std::string>(&v);
  return why ? *why : std::string();
}

// Deterministic bytes for the proxy and the server (salts, authenticators, Proxy-State).
aaa::RadiusProxy::RandomSource counter(std::uint8_t start) {
  return [n = start](std::size_t size) mutable { return Bytes(size, n++); };
}
}  // namespace

class TestAaaRadiusProxy : public QObject {
  Q_OBJECT
  aaa::MschapAaaClient client_{aaa::AaaClientConfig{test::kAaaSecret, aaa::NasIdentity{0x0a010001, "ha1"}, {}},
                               aaa::secureRandom};
  aaa::RadiusProxy proxy_{kDcSecret, counter(1)};
  aaa::MschapAaaServer server_{aaa::AaaServerSettings{}, counter(100)};

 private slots:
  void initTestCase() {
    proxy_.addClient(kHa, test::kAaaSecret);
    server_.addClient(kProxy, kDcSecret);
    server_.addUser(test::kMnNai, test::kMnPassword);
  }

  void acceptedThroughTheProxy() {
    const auto response = test::mobileResponse(test::kMnNai, test::kMnPassword, 1);
    auto out = client_.startAccessRequest(response, std::string(test::kMnPassword));
    QVERIFY(static_cast<bool>(out));
    auto forwarded = proxy_.fromClient(out->packet, kHa, 50000);
    QVERIFY2(std::holds_alternative<aaa::ProxiedRequest>(forwarded), reasonOf(forwarded).c_str());
    const auto answer = server_.handle(std::get<aaa::ProxiedRequest>(forwarded).packet, kProxy, 1814);
    QCOMPARE(answer.action, aaa::AaaServerAction::Accepted);
    auto back = proxy_.fromServer(*answer.reply);
    QVERIFY2(std::holds_alternative<aaa::ProxiedReply>(back), reasonOf(back).c_str());
    const auto& reply = std::get<aaa::ProxiedReply>(back);
    QCOMPARE(reply.clientAddress, std::string(kHa));
    QCOMPARE(reply.clientPort, std::uint16_t{50000});
    QCOMPARE(reply.keysReencrypted, std::size_t{2});  // MS-MPPE-Send-Key and -Recv-Key
    std::string why;
    const auto result = client_.onDatagram(reply.packet, why);
    QVERIFY2(result.has_value(), why.c_str());
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QVERIFY(result->messageAuthenticatorPresent);
    QCOMPARE(result->authenticatorResponseValid, std::optional<bool>(true));
    // The keys the HA decrypted under its own secret are the server's x'' (re-encrypted by the proxy).
    QCOMPARE(result->keyMaterial.revealCopy(), answer.keyMaterial.revealCopy());
    QCOMPARE(proxy_.pending(), std::size_t{0});
  }

  // CHAP (RFC 2865 5.3 / 5.40): nothing in it is hidden with the hop's secret, so CHAP-Password and
  // CHAP-Challenge reach the server as the client sent them, and the bare Accept comes back verified.
  void chapThroughTheProxy() {
    const auto response = test::chapResponse(test::kMnNai, test::kMnPassword, 3);
    auto out = client_.startChapAccessRequest(response);
    QVERIFY(static_cast<bool>(out));
    auto forwarded = proxy_.fromClient(out->packet, kHa, 50001);
    QVERIFY2(std::holds_alternative<aaa::ProxiedRequest>(forwarded), reasonOf(forwarded).c_str());
    const auto original = radius::parsePacket(out->packet).value();
    const auto sent = radius::parsePacket(std::get<aaa::ProxiedRequest>(forwarded).packet).value();
    for (const std::uint8_t type : {radius::attr::kChapPassword, radius::attr::kChapChallenge}) {
      QVERIFY(sent.find(type));
      QCOMPARE(toHex(sent.find(type)->value), toHex(original.find(type)->value));
      QCOMPARE(sent.findAll(type).size(), std::size_t{1});
    }
    QVERIFY(toHex(sent.authenticator) != toHex(original.authenticator));  // the hop's own
    const auto answer = server_.handle(std::get<aaa::ProxiedRequest>(forwarded).packet, kProxy, 1814);
    QCOMPARE(answer.action, aaa::AaaServerAction::Accepted);
    auto back = proxy_.fromServer(*answer.reply);
    QVERIFY2(std::holds_alternative<aaa::ProxiedReply>(back), reasonOf(back).c_str());
    QCOMPARE(std::get<aaa::ProxiedReply>(back).keysReencrypted, std::size_t{0});  // CHAP: no keys, no key crypto
    std::string why;
    const auto result = client_.onDatagram(std::get<aaa::ProxiedReply>(back).packet, why);
    QVERIFY2(result.has_value(), why.c_str());
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QVERIFY(result->messageAuthenticatorPresent);
    QVERIFY(result->keyMaterial.empty());

    // A wrong password comes back as a verified Access-Reject.
    auto wrong = client_.startChapAccessRequest(test::chapResponse(test::kMnNai, "wrong", 4));
    auto forwardedWrong = proxy_.fromClient(wrong->packet, kHa, 50001);
    const auto rejected = server_.handle(std::get<aaa::ProxiedRequest>(forwardedWrong).packet, kProxy, 1814);
    QCOMPARE(rejected.action, aaa::AaaServerAction::Rejected);
    auto backWrong = proxy_.fromServer(*rejected.reply);
    QVERIFY2(std::holds_alternative<aaa::ProxiedReply>(backWrong), reasonOf(backWrong).c_str());
    QCOMPARE(client_.onDatagram(std::get<aaa::ProxiedReply>(backWrong).packet, why)->outcome,
             aaa::AaaOutcome::Rejected);
    QCOMPARE(proxy_.pending(), std::size_t{0});
  }

  // A CHAP request whose challenge is its Request Authenticator (no CHAP-Challenge, RFC 2865 5.3):
  // the proxy replaces the authenticator, so it sends the original on as CHAP-Challenge.
  void chapChallengeInTheAuthenticatorSurvivesTheProxy() {
    const Bytes auth(16, 0x3c);
    const auto chap = crypto::chapMd5Response(5, asView(test::kMnPassword), auth).value();
    radius::PacketBuilder b(radius::code::kAccessRequest, 200, auth);
    b.addText(radius::attr::kUserName, test::kMnNai).add(radius::attr::kChapPassword, aaa::encodeChapPassword(5, chap));
    aaa::addNasIdentity(b, aaa::NasIdentity{0x0a010001, "ha1"});
    const Bytes request = aaa::signedRequest(b, auth, asView(test::kAaaSecret)).value();
    auto forwarded = proxy_.fromClient(request, kHa, 50002);
    QVERIFY2(std::holds_alternative<aaa::ProxiedRequest>(forwarded), reasonOf(forwarded).c_str());
    const auto sent = radius::parsePacket(std::get<aaa::ProxiedRequest>(forwarded).packet).value();
    QVERIFY(sent.find(radius::attr::kChapChallenge));
    QCOMPARE(toHex(sent.find(radius::attr::kChapChallenge)->value), toHex(auth));
    const auto answer = server_.handle(std::get<aaa::ProxiedRequest>(forwarded).packet, kProxy, 1814);
    QCOMPARE(answer.action, aaa::AaaServerAction::Accepted);
    auto back = proxy_.fromServer(*answer.reply);
    QVERIFY(std::holds_alternative<aaa::ProxiedReply>(back));
    const auto reply = std::get<aaa::ProxiedReply>(back).packet;
    QCOMPARE(reply[0], radius::code::kAccessAccept);
    const auto ok = crypto::radius::verifyResponseAuthenticator(reply, auth, asView(test::kAaaSecret));
    QVERIFY(ok && *ok);
  }

  void discards() {
    const auto response = test::mobileResponse(test::kMnNai, test::kMnPassword, 2);
    auto out = client_.startAccessRequest(response);
    auto why = [](const auto& v) { return reasonOf(v); };
    QVERIFY(why(proxy_.fromClient(out->packet, "10.9.9.9", 50000)).find("is not a client") != std::string::npos);
    Bytes tampered = out->packet;
    tampered.back() ^= 0x01;  // inside the last attribute: the Message-Authenticator no longer verifies
    QVERIFY(why(proxy_.fromClient(tampered, kHa, 50000)).find("discarded") != std::string::npos);
    QVERIFY(why(proxy_.fromClient(Bytes{1, 2, 3}, kHa, 50000)).find("malformed") != std::string::npos);
    // A reply for a request the proxy never forwarded, and one altered on the way.
    auto forwarded = proxy_.fromClient(out->packet, kHa, 50000);
    const auto answer = server_.handle(std::get<aaa::ProxiedRequest>(forwarded).packet, kProxy, 1814);
    Bytes altered = *answer.reply;
    altered[4] ^= 0xff;  // the Response Authenticator
    QVERIFY(why(proxy_.fromServer(altered)).find("Response Authenticator") != std::string::npos);
    QVERIFY(std::holds_alternative<aaa::ProxiedReply>(proxy_.fromServer(*answer.reply)));
    QVERIFY(why(proxy_.fromServer(*answer.reply)).find("names no request") != std::string::npos);  // answered once
    QVERIFY(why(proxy_.fromServer(Bytes(8, 0))).find("malformed") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestAaaRadiusProxy)
#include "tst_aaa_radius_proxy.moc"
