// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/mschap_access_reply.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/crypto/radius_crypto.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {
namespace {

using crypto::ErrorCode;
using crypto::makeError;

Bytes identAndText(std::uint8_t ident, std::string_view text) {
  // Sized first and filled: GCC 12 misreads an insert after a one-octet initialiser (-Warray-bounds).
  Bytes v(1 + text.size());
  v[0] = ident;
  std::copy(text.begin(), text.end(), v.begin() + 1);
  return v;
}

radius::PacketBuilder startReply(std::uint8_t code, const RadiusReplyContext& request, bool withMessageAuthenticator) {
  radius::PacketBuilder b(code, request.identifier, Bytes(radius::kAuthenticatorLength, 0));
  // First, so a client reading attributes in order meets the integrity check before anything else.
  if (withMessageAuthenticator) b.addMessageAuthenticator();
  for (ByteView state : request.proxyStates) b.add(radius::attr::kProxyState, state);
  return b;
}

crypto::Result<Bytes> finish(const radius::PacketBuilder& b, const RadiusReplyContext& request) {
  std::string error;
  auto packet = b.build(&error);
  if (!packet) return makeError(ErrorCode::InvalidArgument, "RADIUS reply: " + error);
  auto signedOk = crypto::radius::signReply(*packet, request.requestAuthenticator, request.secret);
  if (!signedOk) return signedOk.error();
  return std::move(*packet);
}

std::string textOf(ByteView v) { return std::string(v.begin(), v.end()); }

}  // namespace

crypto::Result<Bytes> buildMsChapAccept(const RadiusReplyContext& request, std::uint8_t ident,
                                        std::string_view authenticatorResponse, const MppeKeys& keys,
                                        const MppeSalts& salts, bool withMessageAuthenticator) {
  if (salts.recv == salts.send)
    return makeError(ErrorCode::InvalidArgument, "MS-MPPE-Recv-Key and MS-MPPE-Send-Key share a salt (RFC 2548 2.4.2)");
  auto recv = crypto::radius::encryptMppeKey(keys.recvKey, salts.recv, request.requestAuthenticator, request.secret);
  if (!recv) return recv.error();
  auto send = crypto::radius::encryptMppeKey(keys.sendKey, salts.send, request.requestAuthenticator, request.secret);
  if (!send) return send.error();
  auto b = startReply(radius::code::kAccessAccept, request, withMessageAuthenticator);
  b.addMicrosoft(radius::ms::kChap2Success, identAndText(ident, authenticatorResponse))
      .addMicrosoft(radius::ms::kMppeRecvKey, *recv)
      .addMicrosoft(radius::ms::kMppeSendKey, *send)
      .addMicrosoftU32(radius::ms::kMppeEncryptionPolicy, kMppeEncryptionPolicyAllowed)
      .addMicrosoftU32(radius::ms::kMppeEncryptionTypes, kMppeEncryptionTypesRc4_40_128);
  return finish(b, request);
}

std::string msChapFailureText(unsigned errorCode, ByteView newChallenge) {
  // RFC 2759 6: R=1 lets the peer retry, C= is the challenge for that retry, V=3 the version.
  return fmt::format("E={} R=1 C={} V=3 M=Authentication rejected", errorCode, toHex(newChallenge));
}

crypto::Result<Bytes> buildMsChapReject(const RadiusReplyContext& request, std::uint8_t ident,
                                        std::string_view errorText, bool withMessageAuthenticator) {
  auto b = startReply(radius::code::kAccessReject, request, withMessageAuthenticator);
  b.addMicrosoft(radius::ms::kChapError, identAndText(ident, errorText));
  return finish(b, request);
}

crypto::Result<Bytes> buildStatusServerAccept(const RadiusReplyContext& request, bool withMessageAuthenticator) {
  return buildPlainReply(radius::code::kAccessAccept, request, withMessageAuthenticator);
}

crypto::Result<Bytes> buildPlainReply(std::uint8_t code, const RadiusReplyContext& request,
                                      bool withMessageAuthenticator) {
  return finish(startReply(code, request, withMessageAuthenticator), request);
}

crypto::Result<MsChapAccessReply> parseMsChapAccessReply(ByteView bytes, ByteView requestAuthenticator,
                                                         ByteView secret) {
  const auto packet = radius::parsePacket(bytes);
  if (!packet || packet->truncated || packet->malformedAt)
    return makeError(ErrorCode::Malformed, "not a well-formed RADIUS packet");
  const ByteView whole = packet->packet;
  auto authOk = crypto::radius::verifyResponseAuthenticator(whole, requestAuthenticator, secret);
  if (!authOk) return authOk.error();
  if (!*authOk)
    return makeError(ErrorCode::IntegrityFailure,
                     "Response Authenticator does not verify: another shared secret or a forged reply (RFC 2865 3)");
  MsChapAccessReply r;
  r.code = packet->code;
  r.identifier = packet->identifier;
  if (packet->find(radius::attr::kMessageAuthenticator)) {
    auto macOk = crypto::radius::verifyMessageAuthenticator(whole, requestAuthenticator, secret);
    if (!macOk) return macOk.error();
    if (!*macOk) return makeError(ErrorCode::IntegrityFailure, "Message-Authenticator does not verify (RFC 3579 3.2)");
    r.messageAuthenticatorPresent = true;
  }
  if (auto msg = packet->text(radius::attr::kReplyMessage)) r.replyMessage = *msg;
  if (const auto success = packet->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChap2Success);
      success && !success->value.empty()) {
    r.chapIdent = success->value[0];
    r.authenticatorResponse = textOf(success->value.subspan(1));
  }
  if (const auto error = packet->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChapError);
      error && !error->value.empty()) {
    r.chapIdent = error->value[0];
    r.msChapError = textOf(error->value.subspan(1));
  }
  const auto recv = packet->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeRecvKey);
  const auto send = packet->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeSendKey);
  if (recv.has_value() != send.has_value())
    return makeError(ErrorCode::Malformed, "only one of MS-MPPE-Recv-Key and MS-MPPE-Send-Key is present");
  if (recv) {
    auto recvKey = crypto::radius::decryptMppeKey(recv->value, requestAuthenticator, secret);
    if (!recvKey) return makeError(ErrorCode::Malformed, "MS-MPPE-Recv-Key: " + recvKey.error().message);
    auto sendKey = crypto::radius::decryptMppeKey(send->value, requestAuthenticator, secret);
    if (!sendKey) return makeError(ErrorCode::Malformed, "MS-MPPE-Send-Key: " + sendKey.error().message);
    r.keys = MppeKeys{std::move(*sendKey), std::move(*recvKey)};
  }
  return r;
}

std::optional<unsigned> msChapErrorCode(std::string_view text) {
  const auto at = text.find("E=");
  if (at == std::string_view::npos) return std::nullopt;
  unsigned value = 0;
  const char* begin = text.data() + at + 2;
  const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc() || end == begin) return std::nullopt;
  return value;
}

}  // namespace rs::aaa
