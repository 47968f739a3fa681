// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/mschap_access_request.h"

#include <fmt/format.h>

#include "core/crypto/mschapv2.h"
#include "core/crypto/radius_crypto.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {
namespace {

using crypto::ErrorCode;
using crypto::makeError;
constexpr std::size_t kReservedLength = 8;

std::optional<crypto::Error> checkSize(ByteView v, std::size_t expected, std::string_view what) {
  if (v.size() == expected) return std::nullopt;
  return makeError(ErrorCode::InvalidArgument, fmt::format("{} of {} octets (needs {})", what, v.size(), expected));
}

void addNas(radius::PacketBuilder& b, const NasIdentity& nas) {
  if (nas.ipv4 != 0) b.addIpv4(radius::attr::kNasIpAddress, nas.ipv4);
  if (!nas.identifier.empty()) b.addText(radius::attr::kNasIdentifier, nas.identifier);
}

crypto::Result<Bytes> finish(radius::PacketBuilder& b, ByteView requestAuthenticator, ByteView secret) {
  b.addMessageAuthenticator();
  std::string error;
  auto packet = b.build(&error);
  if (!packet) return makeError(ErrorCode::InvalidArgument, "Access-Request: " + error);
  auto signedOk = crypto::radius::signMessageAuthenticator(*packet, requestAuthenticator, secret);
  if (!signedOk) return signedOk.error();
  return std::move(*packet);
}

}  // namespace

crypto::Result<MsChapV2Response> computeMsChapV2Response(std::string userName, std::string_view password,
                                                         ByteView authenticatorChallenge, ByteView peerChallenge,
                                                         std::uint8_t ident) {
  if (auto e = checkSize(authenticatorChallenge, kChallengeLength, "authenticator challenge")) return *e;
  if (auto e = checkSize(peerChallenge, kChallengeLength, "peer challenge")) return *e;
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
  if (auto e = checkSize(requestAuthenticator, radius::kAuthenticatorLength, "Request Authenticator")) return *e;
  if (auto e = checkSize(response.authenticatorChallenge, kChallengeLength, "MS-CHAP-Challenge")) return *e;
  if (auto e = checkSize(response.peerChallenge, kChallengeLength, "peer challenge")) return *e;
  if (auto e = checkSize(response.ntResponse, 24, "NT-Response")) return *e;
  if (response.userName.empty() || response.userName.size() > radius::kMaxAttributeValue)
    return makeError(ErrorCode::InvalidArgument,
                     fmt::format("User-Name of {} octets (1-253 allowed)", response.userName.size()));
  if (nas.ipv4 == 0 && nas.identifier.empty())
    return makeError(ErrorCode::InvalidArgument, "an Access-Request needs NAS-IP-Address or NAS-Identifier (RFC 2865 4.1)");
  radius::PacketBuilder b(radius::code::kAccessRequest, identifier, requestAuthenticator);
  b.addText(radius::attr::kUserName, response.userName);
  addNas(b, nas);
  b.addMicrosoft(radius::ms::kChapChallenge, response.authenticatorChallenge)
      .addMicrosoft(radius::ms::kChap2Response, encodeChap2Response(response));
  return finish(b, requestAuthenticator, secret);
}

crypto::Result<Bytes> buildStatusServer(std::uint8_t identifier, ByteView requestAuthenticator, const NasIdentity& nas,
                                        ByteView secret) {
  if (auto e = checkSize(requestAuthenticator, radius::kAuthenticatorLength, "Request Authenticator")) return *e;
  radius::PacketBuilder b(radius::code::kStatusServer, identifier, requestAuthenticator);
  addNas(b, nas);
  return finish(b, requestAuthenticator, secret);
}

}  // namespace rs::aaa
