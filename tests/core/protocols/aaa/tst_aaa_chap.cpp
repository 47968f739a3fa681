// SPDX-License-Identifier: GPL-3.0-or-later
// CHAP-MD5 through RADIUS (RFC 2865 5.3 / 5.40, RFC 1994 4.1), the way a
// Mobile IP Foreign Agent checks an RFC 3012 MN-AAA authenticator: the
// request's layout, the client against the embedded server (accept without
// keys, wrong password, unknown user and NT-hash-only user rejected -> code
// 131), the challenge taken from the Request Authenticator when
// CHAP-Challenge is absent, malformed CHAP attributes discarded with their
// reason, a retransmission answered from the cache, a forged reply dropped,
// and bad input never accepted.
#include <QtTest>

#include "core/crypto/chap.h"
#include "core/crypto/mschapv2.h"
#include "core/crypto/radius_crypto.h"
#include "core/protocols/aaa/aaa_result.h"
#include "core/protocols/aaa/chap_access_request.h"
#include "core/protocols/aaa/mschap_aaa_client.h"
#include "core/protocols/aaa/mschap_aaa_server.h"
#include "core/sim/random.h"
#include "dissectors/radius/radius.h"
#include "tests/core/crypto/hex_helpers.h"
#include "tests/core/protocols/aaa/aaa_test_support.h"

using namespace rs;
using rs::test::hexOf;

namespace {

constexpr char kClientAddress[] = "10.0.0.1";
const aaa::NasIdentity kNas{0x0a000001, "fa1"};

struct Pair {
  sim::Random clientRandom{1};
  sim::Random serverRandom{2};
  aaa::MschapAaaClient client;
  aaa::MschapAaaServer server;
  Pair()
      : client(aaa::AaaClientConfig{test::kAaaSecret, kNas, {}}, [this](std::size_t n) { return clientRandom.bytes(n); }),
        server(aaa::AaaServerSettings{}, [this](std::size_t n) { return serverRandom.bytes(n); }) {
    server.addClient(kClientAddress, test::kAaaSecret);
    server.addUser(test::kMnNai, test::kMnPassword);
  }
  std::optional<aaa::AaaResult> exchange(const Bytes& request, std::string& why) {
    const auto answer = server.handle(request, kClientAddress, 434);
    if (!answer.reply) {
      why = answer.note;
      return std::nullopt;
    }
    return client.onDatagram(*answer.reply, why);
  }
};

// An Access-Request with the given CHAP attributes (an empty challenge leaves
// CHAP-Challenge out), signed with the shared secret as the client would.
Bytes handMadeRequest(ByteView authenticator, ByteView chapPassword, ByteView challenge) {
  radius::PacketBuilder b(radius::code::kAccessRequest, 77, authenticator);
  b.addText(radius::attr::kUserName, test::kMnNai).add(radius::attr::kChapPassword, chapPassword);
  if (!challenge.empty()) b.add(radius::attr::kChapChallenge, challenge);
  aaa::addNasIdentity(b, kNas);
  return aaa::signedRequest(b, authenticator, asView(test::kAaaSecret)).value();
}

}  // namespace

class TestAaaChap : public QObject {
  Q_OBJECT
 private slots:
  // RFC 2865 5.3 / 5.40: CHAP-Password = Ident | MD5(Ident || password || challenge), CHAP-Challenge as sent.
  void accessRequestLayout() {
    const auto response = test::chapResponse(test::kMnNai, test::kMnPassword, 42);
    QCOMPARE(response.response.size(), aaa::kChapResponseLength);
    const Bytes auth(16, 0x5a);
    const auto packet = aaa::buildChapAccessRequest(9, auth, response, kNas, asView(test::kAaaSecret));
    QVERIFY(packet);
    const auto p = radius::parsePacket(*packet).value();
    QCOMPARE(p.code, radius::code::kAccessRequest);
    QCOMPARE(p.identifier, std::uint8_t{9});
    QCOMPARE(p.text(radius::attr::kUserName), std::optional<std::string>(test::kMnNai));
    const auto* password = p.find(radius::attr::kChapPassword);
    QVERIFY(password);
    QCOMPARE(password->value.size(), std::size_t{17});
    QCOMPARE(password->value[0], std::uint8_t{42});
    const auto expected = crypto::chapMd5Response(42, asView(test::kMnPassword), response.challenge).value();
    QCOMPARE(hexOf(password->value.subspan(1)), hexOf(expected));
    QCOMPARE(hexOf(p.find(radius::attr::kChapChallenge)->value), hexOf(response.challenge));
    QCOMPARE(p.text(radius::attr::kNasIdentifier), std::optional<std::string>("fa1"));
    QVERIFY(!p.find(radius::attr::kUserPassword));
    const auto mac = crypto::radius::verifyMessageAuthenticator(p.packet, auth, asView(test::kAaaSecret));
    QVERIFY(mac && *mac);
    const auto fields = aaa::parseChapPassword(password->value).value();
    QCOMPARE(fields.ident, std::uint8_t{42});
    QVERIFY(!aaa::parseChapPassword(Bytes(16, 0)));
  }

  void buildRefusesBadInput() {
    const Bytes auth(16, 1);
    auto good = test::chapResponse(test::kMnNai, test::kMnPassword, 1);
    auto shortResponse = good;
    shortResponse.response.pop_back();
    auto shortChallenge = good;
    shortChallenge.challenge.resize(4);
    auto noUser = good;
    noUser.userName.clear();
    const auto secret = asView(test::kAaaSecret);
    for (const auto* bad : {&shortResponse, &shortChallenge, &noUser})
      QCOMPARE(aaa::buildChapAccessRequest(1, auth, *bad, kNas, secret).code(), crypto::ErrorCode::InvalidArgument);
    QCOMPARE(aaa::buildChapAccessRequest(1, auth, good, aaa::NasIdentity{}, secret).code(),
             crypto::ErrorCode::InvalidArgument);
    QCOMPARE(aaa::buildChapAccessRequest(1, Bytes(15, 1), good, kNas, secret).code(),
             crypto::ErrorCode::InvalidArgument);
    QCOMPARE(aaa::computeChapResponse("u", 1, "p", Bytes(4, 0)).code(), crypto::ErrorCode::InvalidArgument);
    QVERIFY(aaa::computeChapResponse("u", 1, "p", Bytes(5, 0)));
  }

  // A CHAP Access-Accept has no MPPE keys: Accepted, not Failed, and no key material.
  void acceptWithoutKeys() {
    Pair pair;
    auto out = pair.client.startChapAccessRequest(test::chapResponse(test::kMnNai, test::kMnPassword, 1));
    QVERIFY(out);
    const auto answer = pair.server.handle(out->packet, kClientAddress, 434);
    QCOMPARE(answer.action, aaa::AaaServerAction::Accepted);
    QVERIFY(answer.keyMaterial.empty());
    QVERIFY(answer.note.find("CHAP") != std::string::npos);
    QVERIFY(answer.note.find(test::kMnPassword) == std::string::npos);
    // Message-Authenticator first, nothing else (as FreeRADIUS's chap module, plus the MAC).
    const auto reply = radius::parsePacket(*answer.reply).value();
    QCOMPARE(reply.code, radius::code::kAccessAccept);
    QCOMPARE(reply.attributes.size(), std::size_t{1});
    QCOMPARE(reply.attributes[0].type, radius::attr::kMessageAuthenticator);
    std::string why;
    const auto result = pair.client.onDatagram(*answer.reply, why);
    QVERIFY2(result, why.c_str());
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QVERIFY2(result->detail.empty(), result->detail.c_str());
    QVERIFY(result->keyMaterial.empty());
    QVERIFY(result->messageAuthenticatorPresent);
    QCOMPARE(QString::fromStdString(result->userName), QString(test::kMnNai));
    QVERIFY(!aaa::registrationDenialCode(result->outcome));
    QCOMPARE(pair.server.accepts(), std::size_t{1});
    QCOMPARE(pair.client.pending(), std::size_t{0});
  }

  void wrongPasswordAndUnknownUserAreRejected() {
    Pair pair;
    for (const auto& [nai, password] : {std::pair<std::string, std::string>{test::kMnNai, "wrong"},
                                        std::pair<std::string, std::string>{"nobody@home.example", "x"}}) {
      auto out = pair.client.startChapAccessRequest(test::chapResponse(nai, password, 2));
      QVERIFY(out);
      std::string why;
      const auto result = pair.exchange(out->packet, why);
      QVERIFY2(result, why.c_str());
      QCOMPARE(result->outcome, aaa::AaaOutcome::Rejected);
      QCOMPARE(aaa::registrationDenialCode(result->outcome), std::optional<std::uint8_t>(131));
    }
    QCOMPARE(pair.server.rejects(), std::size_t{2});
    QCOMPARE(pair.server.accepts(), std::size_t{0});
  }

  // CHAP needs the cleartext password: a user known by NT hash only is rejected
  // (MS-CHAPv2 still works for it), and the note says why without the secret.
  void ntHashOnlyUserIsRejected() {
    Pair pair;
    const std::string nai = "mn-hash@home.example";
    pair.server.addUserNtHash(nai, crypto::mschapv2::ntPasswordHash("hashed-password").value());
    auto out = pair.client.startChapAccessRequest(test::chapResponse(nai, "hashed-password", 3));
    const auto answer = pair.server.handle(out->packet, kClientAddress, 434);
    QCOMPARE(answer.action, aaa::AaaServerAction::Rejected);
    QVERIFY2(answer.note.find("NT hash") != std::string::npos, answer.note.c_str());
    QVERIFY(answer.note.find("hashed-password") == std::string::npos);
    std::string why;
    QCOMPARE(pair.client.onDatagram(*answer.reply, why)->outcome, aaa::AaaOutcome::Rejected);
    auto ms = pair.client.startAccessRequest(test::mobileResponse(nai, "hashed-password", 4));
    QCOMPARE(pair.server.handle(ms->packet, kClientAddress, 434).action, aaa::AaaServerAction::Accepted);

    // A password replaced by an NT hash no longer authenticates CHAP.
    pair.server.addUserNtHash(test::kMnNai, crypto::mschapv2::ntPasswordHash(test::kMnPassword).value());
    auto again = pair.client.startChapAccessRequest(test::chapResponse(test::kMnNai, test::kMnPassword, 5));
    QCOMPARE(pair.server.handle(again->packet, kClientAddress, 434).action, aaa::AaaServerAction::Rejected);
  }

  // RFC 2865 5.3: without CHAP-Challenge, the Request Authenticator is the challenge.
  void challengeFromRequestAuthenticator() {
    Pair pair;
    const Bytes auth = sim::Random(6).bytes(16);
    const auto response = crypto::chapMd5Response(7, asView(test::kMnPassword), auth).value();
    const Bytes request = handMadeRequest(auth, aaa::encodeChapPassword(7, response), {});
    QCOMPARE(pair.server.handle(request, kClientAddress, 434).action, aaa::AaaServerAction::Accepted);
    // The same response checked against another CHAP-Challenge fails.
    const Bytes other = handMadeRequest(sim::Random(7).bytes(16), aaa::encodeChapPassword(7, response), Bytes(16, 3));
    QCOMPARE(pair.server.handle(other, kClientAddress, 434).action, aaa::AaaServerAction::Rejected);
  }

  void malformedChapAttributesAreDiscarded_data() {
    QTest::addColumn<int>("passwordLength");
    QTest::addColumn<int>("challengeLength");
    QTest::addColumn<QString>("reason");
    QTest::newRow("CHAP-Password of 16 octets") << 16 << 16 << "CHAP-Password of 16 octets";
    QTest::newRow("CHAP-Password of 18 octets") << 18 << 16 << "CHAP-Password of 18 octets";
    QTest::newRow("CHAP-Password of 1 octet") << 1 << 16 << "CHAP-Password of 1 octets";
    QTest::newRow("CHAP-Challenge of 4 octets") << 17 << 4 << "CHAP-Challenge of 4 octets";
  }
  void malformedChapAttributesAreDiscarded() {
    QFETCH(int, passwordLength);
    QFETCH(int, challengeLength);
    QFETCH(QString, reason);
    Pair pair;
    const Bytes request = handMadeRequest(Bytes(16, 8), Bytes(static_cast<std::size_t>(passwordLength), 1),
                                          Bytes(static_cast<std::size_t>(challengeLength), 2));
    const auto answer = pair.server.handle(request, kClientAddress, 434);
    QCOMPARE(answer.action, aaa::AaaServerAction::Discarded);
    QVERIFY(!answer.reply);
    QVERIFY2(answer.note.find(reason.toStdString()) != std::string::npos, answer.note.c_str());
    QCOMPARE(pair.server.discarded(), std::size_t{1});
    QCOMPARE(pair.server.rejects(), std::size_t{0});
  }

  // RFC 5080 2.2: the same datagram again gets the cached reply; the client counts two transmissions.
  void retransmissionGetsTheCachedReply() {
    Pair pair;
    auto out = pair.client.startChapAccessRequest(test::chapResponse(test::kMnNai, test::kMnPassword, 8));
    QVERIFY(out);
    auto again = pair.client.onTimeout(out->ticket);
    QVERIFY(again && std::holds_alternative<Bytes>(*again));
    QCOMPARE(hexOf(std::get<Bytes>(*again)), hexOf(out->packet));
    const auto first = pair.server.handle(out->packet, kClientAddress, 434);
    const auto second = pair.server.handle(std::get<Bytes>(*again), kClientAddress, 434);
    QCOMPARE(first.action, aaa::AaaServerAction::Accepted);
    QCOMPARE(second.action, aaa::AaaServerAction::Duplicate);
    QCOMPARE(hexOf(*second.reply), hexOf(*first.reply));
    QCOMPARE(pair.server.accepts(), std::size_t{1});
    QCOMPARE(pair.server.duplicates(), std::size_t{1});
    std::string why;
    const auto result = pair.client.onDatagram(*second.reply, why);
    QVERIFY2(result, why.c_str());
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(result->attempts, 2u);
    QVERIFY(!pair.client.onDatagram(*first.reply, why));  // nothing pending any more
  }

  // A reply altered on the way or signed with another secret is dropped; the request stays pending.
  void forgedReplyIsDropped() {
    Pair pair;
    auto out = pair.client.startChapAccessRequest(test::chapResponse(test::kMnNai, "wrong", 9));
    const Bytes reply = pair.server.handle(out->packet, kClientAddress, 434).reply.value();
    Bytes forged = reply;
    forged[0] = radius::code::kAccessAccept;  // a reject turned into an accept
    std::string why;
    QVERIFY(!pair.client.onDatagram(forged, why));
    QVERIFY(why.find("Response Authenticator") != std::string::npos);
    QCOMPARE(pair.client.pending(), std::size_t{1});
    QCOMPARE(pair.client.onDatagram(reply, why)->outcome, aaa::AaaOutcome::Rejected);
  }

  // Bad input is a drop, never a crash or an accept: every truncation and many byte flips.
  void mangledPacketsAreDropped() {
    Pair pair;
    auto out = pair.client.startChapAccessRequest(test::chapResponse(test::kMnNai, test::kMnPassword, 10));
    const Bytes reply = pair.server.handle(out->packet, kClientAddress, 434).reply.value();
    sim::Random random(11);
    int accepted = 0;
    const Bytes* originals[] = {&out->packet, &reply};
    for (const Bytes* original : originals) {
      for (std::size_t cut = 0; cut < original->size(); ++cut) {
        const Bytes shorter(original->begin(), original->begin() + static_cast<std::ptrdiff_t>(cut));
        std::string why;
        QVERIFY(!pair.client.onDatagram(shorter, why));
        QCOMPARE(pair.server.handle(shorter, kClientAddress, 435).action, aaa::AaaServerAction::Discarded);
      }
      for (int round = 0; round < 1000; ++round) {
        Bytes mangled = *original;
        mangled[random.next() % mangled.size()] ^= static_cast<std::uint8_t>(1 + random.next() % 255);
        std::string why;
        if (pair.client.onDatagram(mangled, why)) ++accepted;
        QCOMPARE(pair.server.handle(mangled, kClientAddress, 436).action, aaa::AaaServerAction::Discarded);
      }
    }
    QCOMPARE(accepted, 0);
  }
};

QTEST_GUILESS_MAIN(TestAaaChap)
#include "tst_aaa_chap.moc"
