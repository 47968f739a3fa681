// SPDX-License-Identifier: GPL-3.0-or-later
// Mobile IPv4 codec and describe on the built seed-001 exchange: build ->
// parse -> build round trips, the field tree, MHAE verification (a flipped bit
// anywhere in the covered bytes or the authenticator fails), the HA's side of
// the seed-001 derivations reaching the MN's keys from its own inputs, the
// Identification rendered as tshark 4.0 renders it, and truncations.
#include <QTest>

#include "core/crypto/mip_auth.h"
#include "core/crypto/mip_session_keys.h"
#include "dissectors/dispatch.h"
#include "dissectors/mip/mip.h"
#include "dissectors/mip/mip_build.h"
#include "dissectors/mip/ntp_time.h"
#include "dissectors/mip/seed001_extensions.h"
#include "tests/dissectors/mip/mip_exchange.h"
#include "tests/support/field_tree.h"
#include "tests/support/test_bytes.h"

using namespace rs;
namespace cmip = rs::crypto::mip;
namespace s1 = rs::mip::seed001;

namespace {

const test::MipExchange& exchange() {
  static const test::MipExchange x = test::makeMipExchange();
  return x;
}

std::string value(const Dissection& d, std::string_view field) {
  const Field* f = d.find(field);
  return f ? f->valueString() : std::string("<absent>");
}

// Rebuilds a parsed message from its fields with the builder.
Bytes rebuild(const mip::Message& m) {
  std::optional<mip::MessageBuilder> b;
  if (m.isRequest())
    b.emplace(mip::RequestHeader{m.flagsOrCode, m.lifetime, m.homeAddress, m.homeAgent, m.careOfAddress,
                                 m.identification});
  else
    b.emplace(mip::ReplyHeader{m.flagsOrCode, m.lifetime, m.homeAddress, m.homeAgent, m.identification});
  for (const auto& e : m.extensions) {
    if (e.type == mip::ext::kCvse || e.type == mip::ext::kNvse) {
      const auto v = mip::vendorData(e);
      if (e.type == mip::ext::kCvse)
        b->addCvse(v->vendorId, v->vendorType, v->value);
      else
        b->addNvse(v->vendorId, v->vendorType, v->value);
    } else if (e.type == mip::ext::kGeneralizedAuth) {
      const auto a = mip::authenticationData(e);
      b->addGeneralizedAuthentication(e.subtypeOrReserved, a->spi, a->authenticator);
    } else {
      b->addShort(e.type, e.data);
    }
  }
  return *b->build();
}

}  // namespace

class TestMipCodec : public QObject {
  Q_OBJECT

 private slots:
  void roundTrip() {
    std::size_t messages = 0;
    for (const auto& message : exchange().messages) {
      if (message.empty()) continue;  // ICMP frames
      const auto m = mip::parseMessage(message);
      QVERIFY(m.has_value());
      QVERIFY(!m->malformedAt);
      QCOMPARE(toHex(rebuild(*m)), toHex(message));
      ++messages;
    }
    QCOMPARE(messages, std::size_t{7});
  }

  void initialRequestFields() {
    const auto& x = exchange();
    const Dissection d = dissectFrame(1, x.frames[x.initialRequest]);
    QCOMPARE(QString::fromStdString(d.protocols()), QString("eth:ip:udp:mip"));
    QVERIFY(!d.malformed);
    for (const auto& layer : d.layers) QVERIFY(test::fieldsInside(layer, x.frames[x.initialRequest].size()));
    QCOMPARE(d.protocol, std::string("MobileIP"));
    QCOMPARE(d.info, std::string("Reg Request: HoA=10.1.0.5 HA=10.1.0.1 CoA=192.0.2.5"));
    QCOMPARE(value(d, "mip.type"), std::string("1"));
    QCOMPARE(value(d, "mip.flags"), std::string("0x20"));
    QCOMPARE(value(d, "mip.d"), std::string("1"));
    QCOMPARE(value(d, "mip.ident"), std::string("Dec  4, 2026 12:00:00.250000000 UTC"));
    QCOMPARE(value(d, "mip.nai"), x.nai);
    QCOMPARE(d.findAll("mip.ext.cvse.vendor_id").size(), std::size_t{7});
    QCOMPARE(value(d, "roamscope.mip.skey.spi"), std::string("0x00001001"));
    QCOMPARE(value(d, "roamscope.mip.skey_prime.spi"), std::string("0x00001002"));
    QCOMPARE(value(d, "roamscope.mip.skey.algorithm"), std::string("1"));
    QCOMPARE(value(d, "roamscope.mip.skey.replay_method"), std::string("1"));
    QCOMPARE(value(d, "roamscope.mip.skey.replay_window"), std::string("7"));
    QCOMPARE(value(d, "roamscope.mip.domain"), x.domain);
    QCOMPARE(value(d, "roamscope.mip.auth_protocol.ppp"), std::string("0xc223"));
    QCOMPARE(value(d, "roamscope.mip.auth_protocol.algorithm"), std::string("0x81"));
    QCOMPARE(value(d, "roamscope.mip.mschapv2.auth_challenge"), toColonHex(x.authenticatorChallenge));
    QCOMPARE(value(d, "roamscope.mip.mschapv2.peer_challenge"), toColonHex(x.peerChallenge));
    QCOMPARE(value(d, "roamscope.mip.mschapv2.nt_response"), toColonHex(x.ntResponse));
    QCOMPARE(value(d, "mip.auth.spi"), std::string("0x00001001"));

    const Dissection reply = dissectFrame(1, x.frames[x.initialReply]);
    QCOMPARE(reply.info, std::string("Reg Reply: HoA=10.1.0.5 HA=10.1.0.1, Code=0"));
    QCOMPARE(value(reply, "mip.code"), std::string("0"));
    QVERIFY(value(reply, "roamscope.mip.mschapv2.auth_response").starts_with("S="));
  }

  void agentAdvertisementFields() {
    const Dissection adv = dissectFrame(1, exchange().frames[1]);
    QCOMPARE(adv.info, std::string("Mobile IP Advertisement (Normal router advertisement)"));
    QCOMPARE(value(adv, "icmp.mip.flags"), std::string("0x2100"));
    QCOMPARE(value(adv, "icmp.mip.h"), std::string("1"));
    QCOMPARE(value(adv, "icmp.mip.rt"), std::string("1"));
    QCOMPARE(value(adv, "icmp.mip.prefixlength"), std::string("24"));
    QCOMPARE(value(adv, "icmp.checksum.status"), std::string("1"));
    const Dissection sol = dissectFrame(1, exchange().frames[0]);
    QCOMPARE(sol.info, std::string("Router solicitation "));  // tshark pads to 20
  }

  void mhaeVerifiesAndEveryFlippedBitFails() {
    const auto& x = exchange();
    const auto ok = [](ByteView message, ByteView key) {
      auto r = cmip::verifyLastAuthenticationExtension(message, mip::ext::kMobileHomeAuth,
                                                       cmip::AuthAlgorithm::HmacMd5, key);
      return r.ok() && *r;
    };
    QVERIFY(ok(x.messages[x.initialRequest], x.skey));
    QVERIFY(ok(x.messages[x.initialReply], x.skey));
    QVERIFY(ok(x.messages[x.rekeyRequest], x.skey));
    QVERIFY(ok(x.messages[x.rekeyReply], x.skey));
    QVERIFY(ok(x.messages[x.reRegistration], x.rekeyedSkeyPrime));
    QVERIFY(!ok(x.messages[x.reRegistration], x.skeyPrime));  // the Skey' before re-keying no longer fits
    QVERIFY(!ok(x.messages[x.initialRequest], x.skeyPrime));
    // Every bit of the request (covered part and authenticator) matters.
    const Bytes& request = x.messages[x.initialRequest];
    for (std::size_t bit = 0; bit < request.size() * 8; ++bit) {
      Bytes flipped = request;
      flipped[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      auto r = cmip::verifyLastAuthenticationExtension(flipped, mip::ext::kMobileHomeAuth,
                                                       cmip::AuthAlgorithm::HmacMd5, x.skey);
      // A flip in a length field may make the message unparseable: an error, never a pass.
      QVERIFY2(!r.ok() || !*r, qPrintable(QString("bit %1 flipped still verifies").arg(bit)));
    }
  }

  // The HA's side: from the request alone, the AAA server's x'' and its own
  // computations, the same Skey and Skey' as the MN.
  void homeAgentDerivesTheMobileNodesKeys() {
    const auto& x = exchange();
    const auto request = mip::parseMessage(x.messages[x.initialRequest]);
    QVERIFY(request.has_value());
    const auto chap = s1::msChapV2Exchange(*request);
    QVERIFY(chap.has_value());
    QCOMPARE(chap->userName, std::string("User"));
    QCOMPARE(chap->domain, x.domain);
    // The peer challenge binds the request: recomputed, it equals the one carried.
    const auto input = s1::peerChallengeInput(x.messages[x.initialRequest]);
    QVERIFY(input.has_value());
    const auto peer = cmip::peerChallenge(*input);
    QVERIFY(peer.ok());
    QCOMPARE(toHex(*peer), toHex(chap->peerChallenge));
    // AAA server: x' from its password store, the MPPE keys of its Access-Accept.
    const auto xp = cmip::xPrime(x.password);
    QVERIFY(xp.ok());
    const auto mppe = cmip::aaaMppeKeys(*xp, chap->ntResponse);
    QVERIFY(mppe.ok());
    // HA: x'' = Recv-Key || Send-Key as received, then Skey, Skey'.
    const auto xpp = cmip::xDoublePrimeFromMppeKeys(mppe->recvKey, mppe->sendKey);
    QVERIFY(xpp.ok());
    QCOMPARE(toHex(xpp->view()), toHex(x.xDoublePrime));
    const auto skey = cmip::sessionKey(*xpp, chap->authenticatorChallenge, chap->peerChallenge, chap->ntResponse);
    QVERIFY(skey.ok());
    QCOMPARE(toHex(skey->view()), toHex(x.skey));
    const auto skeyPrime = cmip::derivedSessionKey(*skey, request->identification);
    QVERIFY(skeyPrime.ok());
    QCOMPARE(toHex(skeyPrime->view()), toHex(x.skeyPrime));
    const auto rekey = mip::parseMessage(x.messages[x.rekeyRequest]);
    const auto rekeyed = cmip::derivedSessionKey(*skey, rekey->identification);
    QVERIFY(rekeyed.ok());
    QCOMPARE(toHex(rekeyed->view()), toHex(x.rekeyedSkeyPrime));
    QVERIFY(toHex(rekeyed->view()) != toHex(skeyPrime->view()));
    // The key extensions the HA installs from.
    const auto skeyExt = request->vendorExtension(mip::ext::kCvse, s1::kVendorId, s1::vtype::kSkey);
    QVERIFY(skeyExt.has_value());
    const auto parsed = s1::parseKeyExtension(skeyExt->value);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->spi, x.skeySpi);
    // A tampered request changes the peer challenge the HA recomputes.
    Bytes tampered = x.messages[x.initialRequest];
    tampered[20] ^= 1;  // identification
    const auto tamperedPeer = cmip::peerChallenge(*s1::peerChallengeInput(tampered));
    QVERIFY(toHex(*tamperedPeer) != toHex(chap->peerChallenge));
  }

  // The exchange's values, recomputed independently from the captured bytes
  // with Python's hashlib/hmac (docs/protocols/seed-001.md, appendix): the peer
  // challenge from the request, x'' from RFC 2759's PasswordHashHash of
  // "clientPass" and the NT-Response, then Skey, Skey' and both MHAEs.
  void exchangeKnownAnswers() {
    const auto& x = exchange();
    QCOMPARE(toHex(x.peerChallenge), std::string("b2297c7bc01856baeedfeb5130b39f96"));
    QCOMPARE(toHex(x.ntResponse), std::string("7840a4ceb4c3e54ab51c8594bcf041e7f5117a1d5e248c17"));
    QCOMPARE(toHex(x.xDoublePrime),
             std::string("0d99c48679c4ad9fc9cc12959fd514bdde650fbff7a1db11513b3dcb86c793e9"));
    QCOMPARE(toHex(x.skey), std::string("774ef24f920ce549f7e0a61a90203ea4"));
    QCOMPARE(toHex(x.skeyPrime), std::string("aac09ffc8e110495db6006fae34e130e"));
    QCOMPARE(toHex(ByteView(x.messages[x.initialRequest]).last(16)), std::string("5b611e463ac22d2b18ea5fd342e0c706"));
    QCOMPARE(toHex(ByteView(x.messages[x.initialReply]).last(16)), std::string("bb96bbc0de83a3ec65263f77d16577f9"));
  }

  void identificationAsTsharkShowsIt() {
    // Values tshark 4.0.17 printed for these identifications (-T fields, UTC).
    QCOMPARE(mip::ntpTimeString(0xeb0b123412345678ull), std::string("Dec 16, 2024 20:55:16.071111110 UTC"));
    QCOMPARE(mip::ntpTimeString(0), std::string("Jan  1, 1970 00:00:00.000000000 UTC"));
    QCOMPARE(mip::ntpTimeString(1), std::string("Jan  1, 1970 00:00:00.000000000 UTC"));
    QCOMPARE(mip::ntpTimeString(0x0000000080000000ull), std::string("Feb  7, 2036 06:28:16.500000000 UTC"));
    QCOMPARE(mip::ntpTimeString(0x7fffffffffffffffull), std::string("Feb 26, 2104 09:42:23.999999999 UTC"));
    QCOMPARE(mip::ntpTimeString(0x8000000000000001ull), std::string("Jan 20, 1968 03:14:08.000000000 UTC"));
    QCOMPARE(mip::ntpTimeString(0xe0000000abcdef01ull), std::string("Feb  2, 2019 11:39:44.671111047 UTC"));
    const auto t = mip::ntpToUnix(mip::unixToNtp(1796385600, 123456789));
    QCOMPARE(t.seconds, std::int64_t{1796385600});
    QCOMPARE(t.nanoseconds, 123456789u);
  }

  void truncatedMessagesAreMalformed() {
    const auto& x = exchange();
    const Bytes& request = x.messages[x.initialRequest];
    Dissection empty;
    dissectMobileIp(PayloadContext{ByteView{}, 0, 0}, empty);
    QVERIFY(empty.layers.empty() && !empty.malformed);
    for (std::size_t n = 1; n < request.size(); ++n) {
      Dissection d;
      dissectMobileIp(PayloadContext{ByteView(request).first(n), 0, 0}, d);
      QCOMPARE(d.layers.size(), std::size_t{1});
      // Cuts at an extension boundary leave a well-formed, shorter message.
      const auto m = mip::parseMessage(ByteView(request).first(n));
      const bool boundary = m && !m->malformedAt;
      QCOMPARE(d.malformed, !boundary);
      if (d.malformed) QVERIFY(d.malformedOffset <= n);
    }
  }

  void builderRejectsWhatTheFormatCannotCarry() {
    mip::MessageBuilder b(mip::RequestHeader{});
    std::string error;
    b.addNai(std::string(256, 'a'));
    QVERIFY(!b.build(&error).has_value());
    QVERIFY(error.find("255") != std::string::npos);
    mip::MessageBuilder c(mip::ReplyHeader{});
    c.addMnFaChallenge(Bytes{1, 2, 3});
    QVERIFY(!c.build().has_value());
    mip::MessageBuilder e(mip::ReplyHeader{});
    e.addShort(mip::ext::kCvse, Bytes{});
    QVERIFY(!e.build().has_value());
  }

  void seed001ValuesOfTheWrongSizeAreMalformed() {
    mip::MessageBuilder b(mip::RequestHeader{});
    s1::addVendor(b, s1::vtype::kSkey, Bytes(7, 0));
    const Bytes m = *b.build();
    Dissection d;
    dissectMobileIp(PayloadContext{m, 0, 0}, d);
    QVERIFY(d.malformed);
    QVERIFY(d.find("roamscope.mip.skey.spi") == nullptr);
    QCOMPARE(value(d, "mip.ext.cvse.vendor_type"), std::string("0x0001"));
  }
};

QTEST_GUILESS_MAIN(TestMipCodec)
#include "tst_mip_codec.moc"
