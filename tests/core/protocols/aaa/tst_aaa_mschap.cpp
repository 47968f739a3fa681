// SPDX-License-Identifier: GPL-3.0-or-later
// The AAA side of seed 001 without a network: the x'' contract (RFC 2759 8.3,
// RFC 3079 3.4, RFC 2548 2.4.2/2.4.3) on FreeRADIUS's own packets
// (../shared/fixtures/peers/radius-mschapv2.pcap: "hasecret", mnuser/mnpass),
// the embedded server's replies laid out as FreeRADIUS's, and the Home
// Agent's client against the embedded server: accept, reject (-> code 131),
// unknown user, wrong secrets, forged replies, retransmission, Status-Server.
#include <QtTest>

#include "core/analysis/radius_key_annotator.h"
#include "core/analysis/radius_msk_recovery.h"
#include "core/crypto/mschapv2.h"
#include "core/crypto/radius_crypto.h"
#include "core/protocols/aaa/aaa_result.h"
#include "core/protocols/aaa/mschap_aaa_client.h"
#include "core/protocols/aaa/mschap_aaa_server.h"
#include "core/protocols/aaa/mschap_access_reply.h"
#include "core/protocols/aaa/mschap_key_material.h"
#include "core/sim/random.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/udp.h"
#include "dissectors/radius/radius.h"
#include "tests/support/capture_frames.h"
#include "tests/core/crypto/hex_helpers.h"
#include "tests/core/protocols/aaa/aaa_test_support.h"
#include "tests/support/fixtures.h"

using namespace rs;
using rs::test::hexOf;

namespace {

constexpr char kClientAddress[] = "10.0.0.1";

// The attribute layout of a reply: "type" or "26/vendor-type" per attribute, in order.
QStringList layout(ByteView packet) {
  QStringList out;
  const auto p = radius::parsePacket(packet).value();
  for (const auto& a : p.attributes) {
    if (a.type != radius::attr::kVendorSpecific) {
      out << QString::number(a.type);
      continue;
    }
    const auto vsa = radius::parseVendorSpecific(a.value).value();
    for (const auto& s : vsa.attributes) out << QString("26/%1").arg(s.type);
  }
  return out;
}

struct Pair {
  sim::Random clientRandom{1};
  sim::Random serverRandom{2};
  aaa::MschapAaaClient client;
  aaa::MschapAaaServer server;
  explicit Pair(aaa::AaaServerSettings settings = {}, std::string clientSecret = test::kAaaSecret,
                std::string serverSecret = test::kAaaSecret)
      : client(aaa::AaaClientConfig{std::move(clientSecret), aaa::NasIdentity{0x0a000001, "ha1"}, {}},
               [this](std::size_t n) { return clientRandom.bytes(n); }),
        server(settings, [this](std::size_t n) { return serverRandom.bytes(n); }) {
    server.addClient(kClientAddress, std::move(serverSecret));
    server.addUser(test::kMnNai, test::kMnPassword);
  }
  // Sends one request through the server; the client's verdict (nullopt when dropped).
  std::optional<aaa::AaaResult> exchange(const Bytes& request, std::string& why) {
    const auto answer = server.handle(request, kClientAddress, 434);
    if (!answer.reply) {
      why = answer.note;
      return std::nullopt;
    }
    return client.onDatagram(*answer.reply, why);
  }
};

}  // namespace

class TestAaaMschap : public QObject {
  Q_OBJECT
 private slots:
  // RFC 3344 3.4: code 131 "mobile node failed authentication".
  void rejectMapsToRegistrationCode131() {
    QCOMPARE(aaa::registrationCodeForAaaReject(), std::uint8_t{131});
    QCOMPARE(aaa::registrationDenialCode(aaa::AaaOutcome::Rejected), std::optional<std::uint8_t>(131));
    QVERIFY(!aaa::registrationDenialCode(aaa::AaaOutcome::Accepted));
    QCOMPARE(aaa::registrationDenialCode(aaa::AaaOutcome::NoAnswer), std::optional<std::uint8_t>(130));
  }

  // The MN's x'' (client roles) equals the server's Recv-Key || Send-Key (server roles).
  void keyMaterialContract() {
    const auto response = test::mobileResponse(test::kMnNai, test::kMnPassword, 7);
    const auto hash = crypto::mschapv2::ntPasswordHash(test::kMnPassword).value();
    const auto server = aaa::aaaServerMppeKeys(hash, response.ntResponse).value();
    const auto fromAccept = aaa::keyMaterialFromMppeKeys(server.recvKey, server.sendKey).value();
    const auto mobile = aaa::mobileNodeKeyMaterial(test::kMnPassword, response.ntResponse).value();
    QCOMPARE(mobile.size(), aaa::kKeyMaterialLength);
    QCOMPARE(hexOf(mobile.view()), hexOf(fromAccept.view()));
    QCOMPARE(hexOf(aaa::mobileNodeKeyMaterialFromHash(hash, response.ntResponse).value().view()),
             hexOf(mobile.view()));
    QVERIFY(server.sendKey != server.recvKey);
    // Another password gives other material.
    QVERIFY(!(aaa::mobileNodeKeyMaterial("other", response.ntResponse).value() == mobile));
    QCOMPARE(aaa::keyMaterialFromMppeKeys(Bytes(16, 1), Bytes(15, 1)).code(), crypto::ErrorCode::InvalidArgument);
    QCOMPARE(aaa::aaaServerMppeKeys(hash, Bytes(23, 0)).code(), crypto::ErrorCode::InvalidArgument);
  }

  // FreeRADIUS 3.2.1 (frames 1, 2): the MN side reproduces the NT-Response,
  // the HA side decrypts the Accept's keys to the MN's x''.
  void fixtureAcceptGivesMobileKeyMaterial() {
    RS_REQUIRE_FIXTURE("peers/radius-mschapv2.pcap");
    const auto frames = test::fixtureRadiusPackets("peers/radius-mschapv2.pcap");
    QVERIFY(frames.size() >= 4);
    const auto request = radius::parsePacket(frames[0].packet).value();
    const auto challenge = request.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChapChallenge).value();
    const auto fields =
        aaa::parseChap2Response(request.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChap2Response)->value)
            .value();
    const auto mine =
        aaa::computeMsChapV2Response("mnuser", "mnpass", challenge.value, fields.peerChallenge, fields.ident).value();
    QCOMPARE(hexOf(mine.ntResponse), hexOf(fields.ntResponse));
    QCOMPARE(hexOf(aaa::encodeChap2Response(mine)),
             hexOf(request.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChap2Response)->value));

    auto reply = aaa::parseMsChapAccessReply(frames[1].packet, request.authenticator, asView("hasecret"));
    QVERIFY2(reply, reply ? "" : reply.error().describe().c_str());
    QCOMPARE(reply->code, radius::code::kAccessAccept);
    QVERIFY(!reply->messageAuthenticatorPresent);  // FreeRADIUS 3.2.1 sends none
    QVERIFY(reply->keys);
    const auto material = aaa::keyMaterialFromMppeKeys(reply->keys->recvKey, reply->keys->sendKey).value();
    const auto mobile = aaa::mobileNodeKeyMaterial("mnpass", fields.ntResponse).value();
    QCOMPARE(hexOf(material.view()), hexOf(mobile.view()));
    // RFC 2759 8.8: the S= of MS-CHAP2-Success verifies with the password.
    auto ok = crypto::mschapv2::checkAuthenticatorResponse("mnpass", fields.ntResponse, fields.peerChallenge,
                                                           challenge.value, "mnuser", reply->authenticatorResponse);
    QVERIFY(ok && *ok);
    // The wrong secret is refused outright (RFC 2865 3), never decrypted to garbage keys.
    QCOMPARE(aaa::parseMsChapAccessReply(frames[1].packet, request.authenticator, asView("hasecreT")).code(),
             crypto::ErrorCode::IntegrityFailure);

    // Frame 4: the wrong-password Access-Reject answering frame 3.
    const auto request3 = radius::parsePacket(frames[2].packet).value();
    auto reject = aaa::parseMsChapAccessReply(frames[3].packet, request3.authenticator, asView("hasecret"));
    QVERIFY(reject);
    QCOMPARE(reject->code, radius::code::kAccessReject);
    QCOMPARE(aaa::msChapErrorCode(reject->msChapError), std::optional<unsigned>(691));
  }

  // The dissector, given the secret (roamscope-cli dissect --radius-secret),
  // shows the fixture Accept's MPPE keys decrypted; they are the RFC 3079 3.4
  // keys of "mnpass" (tshark 4.0 shows them only encrypted).
  void dissectorDecryptsFixtureMppeKeys() {
    RS_REQUIRE_FIXTURE("peers/radius-mschapv2.pcap");
    QVERIFY(inet::registerUdpDecodeAs(11812, "radius"));
    KeyRing ring;
    ring.addRadiusSecret("hasecret");
    RadiusMskRecovery recovery(ring);
    auto loaded = test::loadCapture(test::fixturePath("peers/radius-mschapv2.pcap"));
    QVERIFY(loaded.frames.size() >= 2);
    for (const auto& f : loaded.frames)
      recovery.observe(FrameView{f.index, f.timestampNs, f.linkType, f.interfaceId, f.data});
    const CaptureFrame& acceptFrame = loaded.frames[1];
    Dissection d = dissectFrame(acceptFrame.linkType, acceptFrame.data);
    annotateRadiusKeys(recovery, ring,
                       FrameView{acceptFrame.index, acceptFrame.timestampNs, acceptFrame.linkType,
                                 acceptFrame.interfaceId, acceptFrame.data},
                       d);
    const Field* recv = d.find("roamscope.radius.mppe_recv_key");
    const Field* send = d.find("roamscope.radius.mppe_send_key");
    const auto frames = test::fixtureRadiusPackets("peers/radius-mschapv2.pcap");
    inet::clearUdpDecodeAs();
    QVERIFY(recv && send);
    QVERIFY(recv->secret && send->secret);
    const auto request = radius::parsePacket(frames[0].packet).value();
    const auto fields =
        aaa::parseChap2Response(request.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChap2Response)->value)
            .value();
    const auto keys =
        aaa::aaaServerMppeKeys(crypto::mschapv2::ntPasswordHash("mnpass").value(), fields.ntResponse).value();
    QCOMPARE(hexOf(recv->bytes), hexOf(keys.recvKey.view()));
    QCOMPARE(hexOf(send->bytes), hexOf(keys.sendKey.view()));
  }

  // The embedded server answers FreeRADIUS's own request (frame 1) with the
  // attributes, lengths and MS-CHAP2-Success of FreeRADIUS's Accept (frame 2).
  void embeddedServerAnswersAsFreeRadius() {
    RS_REQUIRE_FIXTURE("peers/radius-mschapv2.pcap");
    const auto frames = test::fixtureRadiusPackets("peers/radius-mschapv2.pcap");
    QVERIFY(frames.size() >= 4);
    for (const bool withMac : {false, true}) {
      sim::Random random(9);
      aaa::AaaServerSettings settings;
      settings.messageAuthenticatorInReplies = withMac;
      aaa::MschapAaaServer server(settings, [&](std::size_t n) { return random.bytes(n); });
      server.addClient("127.0.0.1", "hasecret");
      server.addUser("mnuser", "mnpass");
      const auto answer = server.handle(frames[0].packet, "127.0.0.1", 41191);
      QCOMPARE(answer.action, aaa::AaaServerAction::Accepted);
      QVERIFY(answer.reply);
      QStringList expected = layout(frames[1].packet);
      if (withMac) expected.prepend("80");
      QCOMPARE(layout(*answer.reply), expected);
      QCOMPARE(answer.reply->size(), frames[1].packet.size() + (withMac ? 18 : 0));
      const auto ours = radius::parsePacket(*answer.reply).value();
      const auto theirs = radius::parsePacket(frames[1].packet).value();
      QCOMPARE(hexOf(ours.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChap2Success)->value),
               hexOf(theirs.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChap2Success)->value));
      const auto request = radius::parsePacket(frames[0].packet).value();
      auto oursParsed = aaa::parseMsChapAccessReply(*answer.reply, request.authenticator, asView("hasecret"));
      auto theirsParsed = aaa::parseMsChapAccessReply(frames[1].packet, request.authenticator, asView("hasecret"));
      QVERIFY(oursParsed && theirsParsed);
      QCOMPARE(oursParsed->messageAuthenticatorPresent, withMac);
      QCOMPARE(hexOf(oursParsed->keys->sendKey.view()), hexOf(theirsParsed->keys->sendKey.view()));
      QCOMPARE(hexOf(oursParsed->keys->recvKey.view()), hexOf(theirsParsed->keys->recvKey.view()));
    }
    // Frame 3 (wrong password) gets an Access-Reject with the layout of frame 4.
    sim::Random random(10);
    aaa::MschapAaaServer server({}, [&](std::size_t n) { return random.bytes(n); });
    server.addClient("127.0.0.1", "hasecret");
    server.addUser("mnuser", "mnpass");
    const auto answer = server.handle(frames[2].packet, "127.0.0.1", 60987);
    QCOMPARE(answer.action, aaa::AaaServerAction::Rejected);
    QCOMPARE(QString::fromStdString(answer.userName), QString("mnuser"));
    QStringList expected = layout(frames[3].packet);
    expected.prepend("80");
    QCOMPARE(layout(*answer.reply), expected);
    QCOMPARE(answer.reply->size(), frames[3].packet.size() + 18);
  }

  void acceptWithKeysAndAuthenticatorResponse() {
    Pair pair;
    const auto response = test::mobileResponse(test::kMnNai, test::kMnPassword, 1);
    auto out = pair.client.startAccessRequest(response, std::string(test::kMnPassword));
    QVERIFY(out);
    const auto request = radius::parsePacket(out->packet).value();
    QVERIFY(request.messageAuthenticatorOffset());
    QCOMPARE(request.text(radius::attr::kUserName), std::optional<std::string>(test::kMnNai));
    QCOMPARE(request.text(radius::attr::kNasIdentifier), std::optional<std::string>("ha1"));
    std::string why;
    auto result = pair.exchange(out->packet, why);
    QVERIFY2(result, why.c_str());
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(result->attempts, 1u);
    QVERIFY(result->messageAuthenticatorPresent);
    QCOMPARE(result->authenticatorResponseValid, std::optional<bool>(true));
    QCOMPARE(hexOf(result->keyMaterial.view()),
             hexOf(aaa::mobileNodeKeyMaterial(test::kMnPassword, response.ntResponse).value().view()));
    QCOMPARE(pair.client.pending(), std::size_t{0});
    QCOMPARE(pair.server.accepts(), std::size_t{1});
  }

  void wrongPasswordAndUnknownUserAreRejected() {
    Pair pair;
    for (const auto& [nai, password] : {std::pair<std::string, std::string>{test::kMnNai, "wrong"},
                                        std::pair<std::string, std::string>{"nobody@home.example", "x"}}) {
      auto out = pair.client.startAccessRequest(test::mobileResponse(nai, password, 2));
      QVERIFY(out);
      std::string why;
      auto result = pair.exchange(out->packet, why);
      QVERIFY2(result, why.c_str());
      QCOMPARE(result->outcome, aaa::AaaOutcome::Rejected);
      QCOMPARE(result->msChapErrorCode, std::optional<unsigned>(691));
      QVERIFY(result->keyMaterial.empty());
      QCOMPARE(aaa::registrationDenialCode(result->outcome), std::optional<std::uint8_t>(131));
    }
    QCOMPARE(pair.server.rejects(), std::size_t{2});
  }

  // A server with another secret discards the request (Message-Authenticator);
  // a reply signed with another secret is dropped by the client and the request stays pending.
  void secretsMustMatch() {
    Pair pair({}, test::kAaaSecret, "another-secret");
    auto out = pair.client.startAccessRequest(test::mobileResponse(test::kMnNai, test::kMnPassword, 3));
    QVERIFY(out);
    const auto answer = pair.server.handle(out->packet, kClientAddress, 434);
    QCOMPARE(answer.action, aaa::AaaServerAction::Discarded);
    QVERIFY(!answer.reply);
    QVERIFY(answer.note.find("Message-Authenticator") != std::string::npos);
    QVERIFY(answer.note.find("another-secret") == std::string::npos);  // secrets never in notes

    Pair forged;
    auto out2 = forged.client.startAccessRequest(test::mobileResponse(test::kMnNai, test::kMnPassword, 4));
    auto reply = forged.server.handle(out2->packet, kClientAddress, 434).reply.value();
    Bytes tampered = reply;
    tampered.back() ^= 0x01;
    std::string why;
    QVERIFY(!forged.client.onDatagram(tampered, why));
    QVERIFY(why.find("Response Authenticator") != std::string::npos);
    QCOMPARE(forged.client.pending(), std::size_t{1});
    auto genuine = forged.client.onDatagram(reply, why);
    QVERIFY(genuine);
    QCOMPARE(genuine->outcome, aaa::AaaOutcome::Accepted);
  }

  // RFC 5080 2.2: the retransmission is the same datagram; the server answers it from its cache.
  void retransmissionAndNoAnswer() {
    Pair pair;
    auto out = pair.client.startAccessRequest(test::mobileResponse(test::kMnNai, test::kMnPassword, 5));
    QVERIFY(out);
    auto again = pair.client.onTimeout(out->ticket);
    QVERIFY(again && std::holds_alternative<Bytes>(*again));
    QCOMPARE(hexOf(std::get<Bytes>(*again)), hexOf(out->packet));
    const auto first = pair.server.handle(out->packet, kClientAddress, 434);
    const auto second = pair.server.handle(std::get<Bytes>(*again), kClientAddress, 434);
    QCOMPARE(second.action, aaa::AaaServerAction::Duplicate);
    QCOMPARE(hexOf(*second.reply), hexOf(*first.reply));
    QCOMPARE(pair.server.accepts(), std::size_t{1});
    std::string why;
    auto result = pair.client.onDatagram(*second.reply, why);
    QVERIFY(result);
    QCOMPARE(result->attempts, 2u);
    QVERIFY(!pair.client.onDatagram(*first.reply, why));  // the late duplicate answer finds nothing pending

    auto lost = pair.client.startAccessRequest(test::mobileResponse(test::kMnNai, test::kMnPassword, 6));
    QVERIFY(lost);
    const unsigned retries = pair.client.config().retry.retries;
    for (unsigned i = 0; i < retries; ++i) {
      auto step = pair.client.onTimeout(lost->ticket);
      QVERIFY(step && std::holds_alternative<Bytes>(*step));
    }
    auto last = pair.client.onTimeout(lost->ticket);
    QVERIFY(last && std::holds_alternative<aaa::AaaResult>(*last));
    const auto& noAnswer = std::get<aaa::AaaResult>(*last);
    QCOMPARE(noAnswer.outcome, aaa::AaaOutcome::NoAnswer);
    QCOMPARE(noAnswer.attempts, retries + 1);
    QVERIFY(!pair.client.onTimeout(lost->ticket));
    QCOMPARE(pair.client.pending(), std::size_t{0});
  }

  void statusServerAndDiscards() {
    Pair pair;
    auto probe = pair.client.startStatusServer();
    QVERIFY(probe);
    std::string why;
    auto result = pair.exchange(probe->packet, why);
    QVERIFY2(result, why.c_str());
    QVERIFY(result->statusServer);
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(pair.server.statusAnswered(), std::size_t{1});

    // RFC 5997 3: a Status-Server without Message-Authenticator is discarded.
    radius::PacketBuilder bare(radius::code::kStatusServer, 9, Bytes(16, 3));
    QCOMPARE(pair.server.handle(bare.build().value(), kClientAddress, 1).action, aaa::AaaServerAction::Discarded);
    // Unknown client address.
    auto out = pair.client.startAccessRequest(test::mobileResponse(test::kMnNai, test::kMnPassword, 8));
    QCOMPARE(pair.server.handle(out->packet, "10.9.9.9", 434).action, aaa::AaaServerAction::Discarded);
    // Garbage.
    QCOMPARE(pair.server.handle(Bytes{1, 2, 3}, kClientAddress, 434).action, aaa::AaaServerAction::Discarded);
  }

  // An Access-Request without Message-Authenticator (as radclient sends) is
  // refused by default and answered when the server is told to accept it, as FreeRADIUS 3.2.1 does.
  void messageAuthenticatorRequirement() {
    const auto response = test::mobileResponse(test::kMnNai, test::kMnPassword, 11);
    const Bytes auth(16, 0x42);
    radius::PacketBuilder b(radius::code::kAccessRequest, 1, auth);
    b.addText(radius::attr::kUserName, response.userName)
        .addText(radius::attr::kNasIdentifier, "ha1")
        .addMicrosoft(radius::ms::kChapChallenge, response.authenticatorChallenge)
        .addMicrosoft(radius::ms::kChap2Response, aaa::encodeChap2Response(response));
    const Bytes packet = b.build().value();
    Pair strict;
    QCOMPARE(strict.server.handle(packet, kClientAddress, 1).action, aaa::AaaServerAction::Discarded);
    aaa::AaaServerSettings lax;
    lax.requireMessageAuthenticator = false;
    Pair relaxed(lax);
    QCOMPARE(relaxed.server.handle(packet, kClientAddress, 1).action, aaa::AaaServerAction::Accepted);
  }

  // Bad input is a drop, never a crash: every truncation and many byte flips of
  // a genuine request and reply, fed to the server and the client.
  void mangledPacketsAreDropped() {
    Pair pair;
    auto out = pair.client.startAccessRequest(test::mobileResponse(test::kMnNai, test::kMnPassword, 13));
    QVERIFY(out);
    const Bytes reply = pair.server.handle(out->packet, kClientAddress, 434).reply.value();
    sim::Random random(14);
    int accepted = 0;
    const Bytes* originals[] = {&out->packet, &reply};
    for (const Bytes* original : originals) {
      for (std::size_t cut = 0; cut < original->size(); ++cut) {
        const Bytes shorter(original->begin(), original->begin() + static_cast<std::ptrdiff_t>(cut));
        std::string why;
        QVERIFY(!pair.client.onDatagram(shorter, why));
        QVERIFY(pair.server.handle(shorter, kClientAddress, 435).action == aaa::AaaServerAction::Discarded);
      }
      for (int round = 0; round < 2000; ++round) {
        Bytes mangled = *original;
        mangled[random.next() % mangled.size()] ^= static_cast<std::uint8_t>(1 + random.next() % 255);
        std::string why;
        // The authenticators cover every octet: no flip may be accepted.
        if (pair.client.onDatagram(mangled, why)) ++accepted;
        const auto answer = pair.server.handle(mangled, kClientAddress, 436);
        QVERIFY(answer.action == aaa::AaaServerAction::Discarded);
      }
    }
    QCOMPARE(accepted, 0);
    QCOMPARE(pair.client.pending(), std::size_t{1});
  }

  // A user stored as x' = NtPasswordHash (no cleartext on the server) authenticates the same way.
  void userStoredAsNtHash() {
    Pair pair;
    const std::string nai = "mn-hash@home.example";
    pair.server.addUserNtHash(nai, crypto::mschapv2::ntPasswordHash("hashed-password").value());
    const auto response = test::mobileResponse(nai, "hashed-password", 15);
    std::string why;
    auto accepted = pair.exchange(pair.client.startAccessRequest(response, std::string("hashed-password"))->packet, why);
    QVERIFY2(accepted, why.c_str());
    QCOMPARE(accepted->outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(accepted->authenticatorResponseValid, std::optional<bool>(true));
    QCOMPARE(hexOf(accepted->keyMaterial.view()),
             hexOf(aaa::mobileNodeKeyMaterial("hashed-password", response.ntResponse).value().view()));
    auto rejected =
        pair.exchange(pair.client.startAccessRequest(test::mobileResponse(nai, "other", 16))->packet, why);
    QVERIFY(rejected);
    QCOMPARE(rejected->outcome, aaa::AaaOutcome::Rejected);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pair.server.addUserNtHash("x", Bytes(15, 0)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pair.server.addUser("x", ""));
  }

  void identifiersRunOut() {
    Pair pair;
    const auto response = test::mobileResponse(test::kMnNai, test::kMnPassword, 12);
    for (int i = 0; i < 256; ++i) QVERIFY(pair.client.startAccessRequest(response));
    QCOMPARE(pair.client.startAccessRequest(response).code(), crypto::ErrorCode::Unsupported);
  }
};

QTEST_GUILESS_MAIN(TestAaaMschap)
#include "tst_aaa_mschap.moc"
