// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/chap_access_request.h"

#include <fmt/format.h>

#include "core/crypto/chap.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {
namespace {

std::optional<crypto::Error> checkChallenge(ByteView challenge) {
  if (challenge.size() >= kMinChapChallengeLength && challenge.size() <= radius::kMaxAttributeValue)
    return std::nullopt;
  return crypto::makeError(crypto::ErrorCode::InvalidArgument,
                           fmt::format("CHAP-Challenge of {} octets (5-253 allowed, RFC 2865 5.40)", challenge.size()));
}

}  // namespace

crypto::Result<ChapResponse> computeChapResponse(std::string userName, std::uint8_t ident, std::string_view password,
                                                 ByteView challenge) {
  if (auto e = checkChallenge(challenge)) return *e;
  auto response = crypto::chapMd5Response(ident, asView(password), challenge);
  if (!response) return response.error();
  return ChapResponse{std::move(userName), ident, std::move(*response), toBytes(challenge)};
}

Bytes encodeChapPassword(std::uint8_t ident, ByteView response) {
  ByteWriter w;
  w.u8(ident).bytes(response);
  return w.take();
}

std::optional<ChapPasswordFields> parseChapPassword(ByteView value) {
  if (value.size() != kChapPasswordLength) return std::nullopt;
  return ChapPasswordFields{value[0], value.subspan(1)};
}

crypto::Result<Bytes> buildChapAccessRequest(std::uint8_t identifier, ByteView requestAuthenticator,
                                             const ChapResponse& response, const NasIdentity& nas, ByteView secret) {
  if (auto e = checkOctets(requestAuthenticator, radius::kAuthenticatorLength, "Request Authenticator")) return *e;
  if (auto e = checkOctets(response.response, kChapResponseLength, "CHAP response")) return *e;
  if (auto e = checkChallenge(response.challenge)) return *e;
  if (auto e = checkUserName(response.userName)) return *e;
  if (auto e = checkNasIdentity(nas)) return *e;
  radius::PacketBuilder b(radius::code::kAccessRequest, identifier, requestAuthenticator);
  b.addText(radius::attr::kUserName, response.userName)
      .add(radius::attr::kChapPassword, encodeChapPassword(response.ident, response.response))
      .add(radius::attr::kChapChallenge, response.challenge);
  addNasIdentity(b, nas);
  return signedRequest(b, requestAuthenticator, secret);
}

}  // namespace rs::aaa
