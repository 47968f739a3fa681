// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/seed001_messages.h"

#include "core/crypto/mip_auth.h"
#include "core/crypto/mip_session_keys.h"
#include "core/crypto/mschapv2.h"

namespace rs::mip::seed001 {
namespace {

namespace keys = rs::crypto::mip;
using crypto::ErrorCode;
using crypto::makeError;

Result<Bytes> finish(const MessageBuilder& b, ByteView key) {
  std::string error;
  auto message = b.build(&error);
  if (!message) return makeError(ErrorCode::InvalidArgument, "Mobile IP message: " + error);
  auto signedOk = keys::signLastAuthenticationExtension(*message, ext::kMobileHomeAuth, keys::AuthAlgorithm::HmacMd5,
                                                        key);
  if (!signedOk) return signedOk.error();
  return std::move(*message);
}

}  // namespace

Result<InitialRequest> buildInitialRequest(const RequestHeader& header, const Credentials& credentials,
                                           ByteView authenticatorChallenge, const KeyExtension& skey,
                                           const KeyExtension& skeyPrime) {
  if (authenticatorChallenge.size() != kChallengeLength)
    return makeError(ErrorCode::InvalidArgument, "authenticator challenge must be 16 octets");
  MessageBuilder b(header);
  b.addNai(credentials.nai);
  addKey(b, vtype::kSkey, skey);
  addKey(b, vtype::kSkeyPrime, skeyPrime);
  if (!credentials.domain.empty()) addVendor(b, vtype::kDomainName, asView(credentials.domain));
  addVendor(b, vtype::kAuthProtocol, encodeAuthProtocol({}));
  addVendor(b, vtype::kAuthenticatorChallenge, authenticatorChallenge);
  // Zeros first: the peer challenge hashes the request with both values zeroed.
  addVendor(b, vtype::kPeerChallenge, Bytes(kChallengeLength, 0));
  addVendor(b, vtype::kNtResponse, Bytes(kNtResponseLength, 0));
  b.addAuthentication(ext::kMobileHomeAuth, skey.spi);
  std::string error;
  auto message = b.build(&error);
  if (!message) return makeError(ErrorCode::InvalidArgument, "Mobile IP message: " + error);

  InitialRequest out;
  const auto input = peerChallengeInput(*message);
  if (!input) return makeError(ErrorCode::InvalidArgument, "request too long for its extensions");
  auto peer = keys::peerChallenge(*input);
  if (!peer) return peer.error();
  out.peerChallenge = std::move(*peer);
  auto nt = crypto::mschapv2::generateNtResponse(authenticatorChallenge, out.peerChallenge,
                                                  userNameFromNai(credentials.nai), credentials.password);
  if (!nt) return nt.error();
  out.ntResponse = std::move(*nt);
  if (!fillMsChapV2(*message, out.peerChallenge, out.ntResponse))
    return makeError(ErrorCode::InvalidArgument, "MS-CHAPv2 values do not fit the request");

  auto xpp = keys::mobileNodeXDoublePrime(credentials.password, out.ntResponse);
  if (!xpp) return xpp.error();
  auto skeyValue = keys::sessionKey(*xpp, authenticatorChallenge, out.peerChallenge, out.ntResponse);
  if (!skeyValue) return skeyValue.error();
  auto skeyPrimeValue = keys::derivedSessionKey(*skeyValue, header.identification);
  if (!skeyPrimeValue) return skeyPrimeValue.error();
  auto signedOk = keys::signLastAuthenticationExtension(*message, ext::kMobileHomeAuth, keys::AuthAlgorithm::HmacMd5,
                                                        *skeyValue);
  if (!signedOk) return signedOk.error();
  out.message = std::move(*message);
  out.skey = std::move(*skeyValue);
  out.skeyPrime = std::move(*skeyPrimeValue);
  return out;
}

Result<InitialRequestCheck> checkInitialRequest(ByteView request) {
  const auto m = parseMessage(request);
  if (!m || !m->isRequest()) return makeError(ErrorCode::Malformed, "not a Mobile IP registration request");
  const auto chap = msChapV2Exchange(*m);
  if (!chap) return makeError(ErrorCode::Malformed, "request lacks the NAI or an MS-CHAPv2 extension");
  const auto skeyExt = m->vendorExtension(ext::kCvse, kVendorId, vtype::kSkey);
  const auto skeyPrimeExt = m->vendorExtension(ext::kCvse, kVendorId, vtype::kSkeyPrime);
  const auto skey = skeyExt ? parseKeyExtension(skeyExt->value) : std::nullopt;
  const auto skeyPrime = skeyPrimeExt ? parseKeyExtension(skeyPrimeExt->value) : std::nullopt;
  if (!skey || !skeyPrime) return makeError(ErrorCode::Malformed, "request lacks the Skey or Skey' extension");
  const auto input = peerChallengeInput(request);
  if (!input) return makeError(ErrorCode::Malformed, "peer challenge after the NT-Response");
  auto peer = keys::peerChallenge(*input);
  if (!peer) return peer.error();
  InitialRequestCheck out;
  out.chap = *chap;
  out.skey = *skey;
  out.skeyPrime = *skeyPrime;
  out.peerChallengeValid = crypto::constantTimeEquals(*peer, chap->peerChallenge);
  return out;
}

Result<HomeAgentKeys> homeAgentKeys(ByteView request, ByteView mppeRecvKey, ByteView mppeSendKey) {
  auto check = checkInitialRequest(request);
  if (!check) return check.error();
  const auto m = parseMessage(request);
  auto xpp = keys::xDoublePrimeFromMppeKeys(mppeRecvKey, mppeSendKey);
  if (!xpp) return xpp.error();
  auto skey = keys::sessionKey(*xpp, check->chap.authenticatorChallenge, check->chap.peerChallenge,
                               check->chap.ntResponse);
  if (!skey) return skey.error();
  auto skeyPrime = keys::derivedSessionKey(*skey, m->identification);
  if (!skeyPrime) return skeyPrime.error();
  auto mhae = keys::verifyLastAuthenticationExtension(request, ext::kMobileHomeAuth, keys::AuthAlgorithm::HmacMd5,
                                                      *skey);
  HomeAgentKeys out;
  out.mhaeValid = mhae.ok() && *mhae;
  out.keys.skey = std::move(*skey);
  out.keys.skeyPrime = std::move(*skeyPrime);
  return out;
}

Result<Bytes> buildInitialReply(const ReplyHeader& header, std::string_view nai, const KeyExtension& skey,
                                const KeyExtension& skeyPrime, std::string_view authenticatorResponse,
                                ByteView skeyValue) {
  MessageBuilder b(header);
  b.addNai(nai);
  addKey(b, vtype::kSkey, skey);
  addKey(b, vtype::kSkeyPrime, skeyPrime);
  if (!authenticatorResponse.empty()) addVendor(b, vtype::kAuthenticatorResponse, asView(authenticatorResponse));
  b.addAuthentication(ext::kMobileHomeAuth, skey.spi);
  return finish(b, skeyValue);
}

namespace {

// A re-key request and its reply carry the same extensions after their own headers.
Result<Bytes> finishRekey(MessageBuilder b, std::string_view nai, const KeyExtension& skeyPrime, std::uint32_t skeySpi,
                          ByteView skeyValue) {
  b.addNai(nai);
  addKey(b, vtype::kSkeyPrime, skeyPrime);
  b.addAuthentication(ext::kMobileHomeAuth, skeySpi);
  return finish(b, skeyValue);
}

}  // namespace

Result<Bytes> buildRekeyRequest(const RequestHeader& header, std::string_view nai, const KeyExtension& skeyPrime,
                                std::uint32_t skeySpi, ByteView skeyValue) {
  return finishRekey(MessageBuilder(header), nai, skeyPrime, skeySpi, skeyValue);
}

Result<Bytes> buildRekeyReply(const ReplyHeader& header, std::string_view nai, const KeyExtension& skeyPrime,
                              std::uint32_t skeySpi, ByteView skeyValue) {
  return finishRekey(MessageBuilder(header), nai, skeyPrime, skeySpi, skeyValue);
}

Result<Bytes> buildAuthenticatedRequest(const RequestHeader& header, std::string_view nai, std::uint32_t spi,
                                        ByteView key) {
  MessageBuilder b(header);
  b.addNai(nai).addAuthentication(ext::kMobileHomeAuth, spi);
  return finish(b, key);
}

Result<Bytes> buildAuthenticatedReply(const ReplyHeader& header, std::string_view nai, std::uint32_t spi,
                                      ByteView key) {
  MessageBuilder b(header);
  b.addNai(nai).addAuthentication(ext::kMobileHomeAuth, spi);
  return finish(b, key);
}

}  // namespace rs::mip::seed001
