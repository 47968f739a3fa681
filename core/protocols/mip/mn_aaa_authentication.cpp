// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/mn_aaa_authentication.h"

#include <algorithm>

#include "core/crypto/chap.h"
#include "core/crypto/hash_mac.h"
#include "dissectors/common/byte_writer.h"

namespace rs::mip {
namespace {
constexpr std::size_t kChapChallengeTail = 237;  // RFC 3012 8: the challenge octets CHAP-Challenge ends with
constexpr std::size_t kGeneralizedHeaderAndSpi = 8;  // type, subtype, length (2), SPI (4)
}  // namespace

crypto::Result<MnAaaChapInput> mnAaaChapInput(ByteView message, std::size_t extensionOffset, ByteView mnFaChallenge) {
  if (mnFaChallenge.empty())
    return crypto::makeError(crypto::ErrorCode::Malformed, "RFC 3012 8: no MN-FA challenge to compute the CHAP input");
  if (extensionOffset > message.size() || message.size() - extensionOffset < kGeneralizedHeaderAndSpi)
    return crypto::makeError(crypto::ErrorCode::Malformed, "RFC 3012 8: the MN-AAA extension's header and SPI are missing");
  auto hash = crypto::md5(message.first(extensionOffset + kGeneralizedHeaderAndSpi));
  if (!hash) return hash.error();
  MnAaaChapInput input;
  input.ident = mnFaChallenge[0];
  input.challenge = std::move(*hash);
  const std::size_t tail = std::min(kChapChallengeTail, mnFaChallenge.size());
  const ByteView last = mnFaChallenge.last(tail);
  input.challenge.insert(input.challenge.end(), last.begin(), last.end());
  return input;
}

crypto::Result<Bytes> appendMnAaaAuthentication(Bytes request, ByteView mnFaChallenge, std::string_view password) {
  const auto parsed = parseMessage(request);
  if (!parsed || !parsed->isRequest() || parsed->malformedAt)
    return crypto::makeError(crypto::ErrorCode::Malformed, "RFC 3012: not a well-formed Registration Request");
  if (mnFaChallenge.empty() || mnFaChallenge.size() > 255)
    return crypto::makeError(crypto::ErrorCode::InvalidArgument, "RFC 3012 3.1: the MN-FA challenge must be 1..255 octets");
  // The MN-FA Challenge extension, then the MN-AAA extension with a zero authenticator of the final length (its
  // Length field is covered by the CHAP input).
  ByteWriter w;
  w.bytes(request);
  w.u8(ext::kMnFaChallenge).u8(static_cast<std::uint8_t>(mnFaChallenge.size())).bytes(mnFaChallenge);
  const std::size_t at = w.size();
  w.u8(ext::kGeneralizedAuth).u8(kGeneralizedAuthMnAaa);
  w.u16be(static_cast<std::uint16_t>(4 + kMnAaaAuthenticatorLength)).u32be(kChapSpi);
  w.zeros(kMnAaaAuthenticatorLength);
  Bytes out = w.take();
  auto input = mnAaaChapInput(out, at, mnFaChallenge);
  if (!input) return input.error();
  auto response = crypto::chapMd5Response(input->ident, asView(password), input->challenge);
  if (!response) return response.error();
  std::copy(response->begin(), response->end(), out.begin() + static_cast<std::ptrdiff_t>(at + kGeneralizedHeaderAndSpi));
  return out;
}

MnAaaCredentials mnAaaCredentials(const Message& request) {
  MnAaaCredentials c;
  bool afterChallenge = false;
  for (const Extension& e : request.extensions) {
    if (e.type == ext::kMnFaChallenge && c.mnFaChallenge.empty()) {
      c.mnFaChallenge.assign(e.data.begin(), e.data.end());
      afterChallenge = true;
      continue;
    }
    // RFC 3012 3.1: the MN-AAA extension counts only after the challenge it answers.
    if (!afterChallenge || e.type != ext::kGeneralizedAuth || e.subtypeOrReserved != kGeneralizedAuthMnAaa)
      continue;
    const auto a = authenticationData(e);
    if (!a) break;
    c.spi = a->spi;
    c.authenticator.assign(a->authenticator.begin(), a->authenticator.end());
    if (a->spi == kChapSpi && a->authenticator.size() == kMnAaaAuthenticatorLength) {
      auto input = mnAaaChapInput(request.message, e.offset, c.mnFaChallenge);
      if (input) c.chap = std::move(*input);
    }
    break;
  }
  return c;
}

}  // namespace rs::mip
