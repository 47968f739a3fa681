// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/mschap_access_request.h"

#include "core/crypto/mschapv2.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {
namespace {

constexpr std::size_t kReservedLength = 8;

}  // namespace

crypto::Result<MsChapV2Response> computeMsChapV2Response(std::string userName, std::string_view password,
                                                         ByteView authenticatorChallenge, ByteView peerChallenge,
                                                         std::uint8_t ident) {
  if (auto e = checkOctets(authenticatorChallenge, kChallengeLength, "authenticator challenge")) return *e;
  if (auto e = checkOctets(peerChallenge, kChallengeLength, "peer challenge")) return *e;
  auto nt = crypto::mschapv2::generateNtResponse(authenticatorChallenge, peerChallenge,
                                                 crypto::mschapv2::userNameForChallenge(userName), password);
  if (!nt) return nt.error();
  MsChapV2Response r;
  r.userName = std::move(userName);
  r.authenticatorChallenge = toBytes(authenticatorChallenge);
  r.ident = ident;
  r.peerChallenge = toBytes(peerChallenge);
  r.ntResponse = std::move(*nt);
  return r;
}

Bytes encodeChap2Response(const MsChapV2Response& response) {
  ByteWriter w;
  w.u8(response.ident).u8(response.flags).bytes(response.peerChallenge).bytes(Bytes(kReservedLength, 0))
      .bytes(response.ntResponse);
  return w.take();
}

std::optional<Chap2ResponseFields> parseChap2Response(ByteView value) {
  if (value.size() != kChap2ResponseLength) return std::nullopt;
  Chap2ResponseFields f;
  f.ident = value[0];
  f.flags = value[1];
  f.peerChallenge = value.subspan(2, kChallengeLength);
  f.ntResponse = value.subspan(2 + kChallengeLength + kReservedLength, 24);
  return f;
}

crypto::Result<Bytes> buildMsChapAccessRequest(std::uint8_t identifier, ByteView requestAuthenticator,
                                               const MsChapV2Response& response, const NasIdentity& nas,
                                               ByteView secret) {
  if (auto e = checkOctets(requestAuthenticator, radius::kAuthenticatorLength, "Request Authenticator")) return *e;
  if (auto e = checkOctets(response.authenticatorChallenge, kChallengeLength, "MS-CHAP-Challenge")) return *e;
  if (auto e = checkOctets(response.peerChallenge, kChallengeLength, "peer challenge")) return *e;
  if (auto e = checkOctets(response.ntResponse, 24, "NT-Response")) return *e;
  if (auto e = checkUserName(response.userName)) return *e;
  if (auto e = checkNasIdentity(nas)) return *e;
  radius::PacketBuilder b(radius::code::kAccessRequest, identifier, requestAuthenticator);
  b.addText(radius::attr::kUserName, response.userName);
  addNasIdentity(b, nas);
  b.addMicrosoft(radius::ms::kChapChallenge, response.authenticatorChallenge)
      .addMicrosoft(radius::ms::kChap2Response, encodeChap2Response(response));
  return signedRequest(b, requestAuthenticator, secret);
}

crypto::Result<Bytes> buildStatusServer(std::uint8_t identifier, ByteView requestAuthenticator, const NasIdentity& nas,
                                        ByteView secret) {
  if (auto e = checkOctets(requestAuthenticator, radius::kAuthenticatorLength, "Request Authenticator")) return *e;
  radius::PacketBuilder b(radius::code::kStatusServer, identifier, requestAuthenticator);
  addNasIdentity(b, nas);
  return signedRequest(b, requestAuthenticator, secret);
}

}  // namespace rs::aaa
