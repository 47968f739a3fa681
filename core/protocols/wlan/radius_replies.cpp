// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/radius_replies.h"

#include <fmt/format.h>

#include <optional>

#include "core/crypto/radius_crypto.h"
#include "dissectors/radius/radius.h"

namespace rs::wlan {
namespace {

using crypto::ErrorCode;
using crypto::makeError;

// Adds the Message-Authenticator last, builds, then signs (Message-Authenticator first, then the authenticator).
crypto::Result<Bytes> finish(radius::PacketBuilder& builder, const RadiusReplyContext& request) {
  builder.addMessageAuthenticator();
  std::string error;
  std::optional<Bytes> packet = builder.build(&error);
  if (!packet) return makeError(ErrorCode::InvalidArgument, "RADIUS reply: " + error);
  const auto signedOk = crypto::radius::signReply(*packet, request.requestAuthenticator, request.secret);
  if (!signedOk) return signedOk.error();
  return std::move(*packet);
}

}  // namespace

crypto::Result<Bytes> buildAccessChallenge(const RadiusReplyContext& request, ByteView eapRequest, ByteView state) {
  const Bytes zeros(radius::kAuthenticatorLength, 0);
  radius::PacketBuilder b(radius::code::kAccessChallenge, request.identifier, zeros);
  // RFC 3579 2.6.1 / RFC 2865 4.4: the EAP-Request and the State the next Access-Request must echo.
  b.addEapMessage(eapRequest).add(radius::attr::kState, state);
  return finish(b, request);
}

crypto::Result<Bytes> buildAccessAccept(const RadiusReplyContext& request, ByteView eapSuccess,
                                        std::string_view userName, const crypto::SecretBytes& msk,
                                        const MppeSalts& salts) {
  if (msk.size() < 64)
    return makeError(ErrorCode::InvalidArgument, fmt::format("MSK of {} octets, expected 64", msk.size()));
  // RFC 2548 2.4.2: "the Salt field MUST be unique" among the keys of one Access-Accept.
  if (salts.recv == salts.send)
    return makeError(ErrorCode::InvalidArgument, "MS-MPPE-Recv-Key and MS-MPPE-Send-Key share a salt");
  auto recv =
      crypto::radius::encryptMppeKey(msk.subview(0, 32), salts.recv, request.requestAuthenticator, request.secret);
  if (!recv) return recv.error();
  auto send =
      crypto::radius::encryptMppeKey(msk.subview(32, 32), salts.send, request.requestAuthenticator, request.secret);
  if (!send) return send.error();
  const Bytes zeros(radius::kAuthenticatorLength, 0);
  radius::PacketBuilder b(radius::code::kAccessAccept, request.identifier, zeros);
  if (!userName.empty()) b.addText(radius::attr::kUserName, userName);
  b.addMicrosoft(radius::ms::kMppeRecvKey, *recv).addMicrosoft(radius::ms::kMppeSendKey, *send);
  b.addEapMessage(eapSuccess);
  return finish(b, request);
}

crypto::Result<Bytes> buildAccessReject(const RadiusReplyContext& request, ByteView eapFailure) {
  const Bytes zeros(radius::kAuthenticatorLength, 0);
  radius::PacketBuilder b(radius::code::kAccessReject, request.identifier, zeros);
  b.addEapMessage(eapFailure);
  return finish(b, request);
}

}  // namespace rs::wlan
