// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/radius_crypto.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/crypto/hash_mac.h"
#include "dissectors/radius/radius.h"

namespace rs::crypto::radius {
namespace {

namespace wire = rs::radius;
constexpr std::size_t kBlock = 16;  // MD5 output, the block of the RFC 2865 5.2 / RFC 2548 2.4.2 stream
// A Microsoft VSA value holds at most 247 octets: vendor type and length, the
// 2-octet salt, then at most 240 octets (15 blocks) of length octet + key + padding.
constexpr std::size_t kMaxMppeKey = 239;

// The packet must be at least a header and exactly its Length long.
std::optional<Error> checkPacket(ByteView packet) {
  if (packet.size() < wire::kHeaderLength)
    return makeError(ErrorCode::Malformed, fmt::format("RADIUS packet of {} octets (header is 20)", packet.size()));
  const std::size_t length = (std::size_t{packet[2]} << 8) | packet[3];
  if (length != packet.size())
    return makeError(ErrorCode::Malformed,
                     fmt::format("RADIUS Length {} differs from the {} octets given", length, packet.size()));
  return std::nullopt;
}

std::optional<Error> checkAuthenticator(ByteView authenticator) {
  if (authenticator.size() != wire::kAuthenticatorLength)
    return makeError(ErrorCode::InvalidArgument,
                     fmt::format("authenticator of {} octets (needs 16)", authenticator.size()));
  return std::nullopt;
}

// MD5(Code | ID | Length | authenticator | Attributes | Secret).
Result<Bytes> headerDigest(ByteView packet, ByteView authenticator, ByteView secret) {
  if (auto e = checkPacket(packet)) return *e;
  if (auto e = checkAuthenticator(authenticator)) return *e;
  return digest(HashAlgorithm::Md5, {packet.first(wire::kAuthenticatorOffset), authenticator,
                                     packet.subspan(wire::kHeaderLength), secret});
}

void writeAuthenticator(Bytes& packet, ByteView value) {
  std::copy(value.begin(), value.end(), packet.begin() + wire::kAuthenticatorOffset);
}

}  // namespace

Result<Bytes> responseAuthenticator(ByteView reply, ByteView requestAuthenticator, ByteView secret) {
  return headerDigest(reply, requestAuthenticator, secret);
}

Result<bool> verifyResponseAuthenticator(ByteView reply, ByteView requestAuthenticator, ByteView secret) {
  auto expected = responseAuthenticator(reply, requestAuthenticator, secret);
  if (!expected) return expected.error();
  return constantTimeEquals(*expected, reply.subspan(wire::kAuthenticatorOffset, wire::kAuthenticatorLength));
}

Result<Bytes> accountingRequestAuthenticator(ByteView request, ByteView secret) {
  const Bytes zeros(wire::kAuthenticatorLength, 0);
  return headerDigest(request, zeros, secret);
}

Result<bool> verifyAccountingRequestAuthenticator(ByteView request, ByteView secret) {
  auto expected = accountingRequestAuthenticator(request, secret);
  if (!expected) return expected.error();
  return constantTimeEquals(*expected, request.subspan(wire::kAuthenticatorOffset, wire::kAuthenticatorLength));
}

Result<Bytes> messageAuthenticator(ByteView packet, ByteView authenticator, ByteView secret) {
  if (auto e = checkPacket(packet)) return *e;
  if (auto e = checkAuthenticator(authenticator)) return *e;
  const auto parsed = wire::parsePacket(packet);
  const auto at = parsed ? parsed->messageAuthenticatorOffset() : std::nullopt;
  if (!at) return makeError(ErrorCode::Malformed, "RADIUS packet has no 16-octet Message-Authenticator");
  const Bytes zeros(wire::kAuthenticatorLength, 0);
  const std::size_t after = *at + wire::kAuthenticatorLength;
  return hmac(HashAlgorithm::Md5, secret,
              {packet.first(wire::kAuthenticatorOffset), authenticator,
               packet.subspan(wire::kHeaderLength, *at - wire::kHeaderLength), zeros, packet.subspan(after)});
}

Result<bool> verifyMessageAuthenticator(ByteView packet, ByteView authenticator, ByteView secret) {
  auto expected = messageAuthenticator(packet, authenticator, secret);
  if (!expected) return expected.error();
  const auto at = wire::parsePacket(packet)->messageAuthenticatorOffset();
  return constantTimeEquals(*expected, packet.subspan(*at, wire::kAuthenticatorLength));
}

Result<bool> signMessageAuthenticator(Bytes& packet, ByteView authenticator, ByteView secret) {
  const auto parsed = wire::parsePacket(packet);
  const auto at = parsed ? parsed->messageAuthenticatorOffset() : std::nullopt;
  if (!at) return true;  // nothing to sign
  auto mac = messageAuthenticator(packet, authenticator, secret);
  if (!mac) return mac.error();
  std::copy(mac->begin(), mac->end(), packet.begin() + static_cast<std::ptrdiff_t>(*at));
  return true;
}

Result<bool> signReply(Bytes& reply, ByteView requestAuthenticator, ByteView secret) {
  // RFC 3579 3.2: the Message-Authenticator is computed first, over the request's
  // authenticator; the Response Authenticator then covers it.
  auto signedMac = signMessageAuthenticator(reply, requestAuthenticator, secret);
  if (!signedMac) return signedMac.error();
  auto auth = responseAuthenticator(reply, requestAuthenticator, secret);
  if (!auth) return auth.error();
  writeAuthenticator(reply, *auth);
  return true;
}

Result<bool> signAccountingRequest(Bytes& request, ByteView secret) {
  const Bytes zeros(wire::kAuthenticatorLength, 0);
  if (auto e = checkPacket(request)) return *e;
  writeAuthenticator(request, zeros);
  auto signedMac = signMessageAuthenticator(request, zeros, secret);
  if (!signedMac) return signedMac.error();
  auto auth = accountingRequestAuthenticator(request, secret);
  if (!auth) return auth.error();
  writeAuthenticator(request, *auth);
  return true;
}

namespace {

// The RFC 2865 5.2 / RFC 2548 2.4.2 stream: out(i) = in(i) xor MD5(S | prev),
// prev = R (with the salt appended for MPPE keys) and then the previous
// ciphertext block. `encrypt` says whether `in` or `out` is the ciphertext.
Result<Bytes> md5Stream(ByteView in, ByteView firstChain, ByteView secret, bool encrypt) {
  Bytes out(in.size());
  Bytes chain = toBytes(firstChain);
  for (std::size_t i = 0; i < in.size(); i += kBlock) {
    auto b = digest(HashAlgorithm::Md5, {secret, chain});
    if (!b) return b.error();
    for (std::size_t k = 0; k < kBlock; ++k) out[i + k] = static_cast<std::uint8_t>(in[i + k] ^ (*b)[k]);
    const ByteView cipherBlock = encrypt ? ByteView(out).subspan(i, kBlock) : in.subspan(i, kBlock);
    chain.assign(cipherBlock.begin(), cipherBlock.end());
    wipe(*b);
  }
  return out;
}

}  // namespace

Result<Bytes> hideUserPassword(ByteView password, ByteView requestAuthenticator, ByteView secret) {
  if (auto e = checkAuthenticator(requestAuthenticator)) return *e;
  if (password.empty() || password.size() > 128)
    return makeError(ErrorCode::InvalidArgument,
                     fmt::format("User-Password of {} octets (1-128 allowed)", password.size()));
  Bytes padded = toBytes(password);
  padded.resize((password.size() + kBlock - 1) / kBlock * kBlock, 0);
  auto out = md5Stream(padded, requestAuthenticator, secret, true);
  wipe(padded);
  return out;
}

Result<SecretBytes> unhideUserPassword(ByteView hidden, ByteView requestAuthenticator, ByteView secret) {
  if (auto e = checkAuthenticator(requestAuthenticator)) return *e;
  if (hidden.empty() || hidden.size() > 128 || hidden.size() % kBlock != 0)
    return makeError(ErrorCode::Malformed,
                     fmt::format("hidden User-Password of {} octets (16-128 in steps of 16)", hidden.size()));
  auto plain = md5Stream(hidden, requestAuthenticator, secret, false);
  if (!plain) return plain.error();
  std::size_t length = plain->size();
  while (length > 0 && (*plain)[length - 1] == 0) --length;
  SecretBytes out(ByteView(*plain).first(length));
  wipe(*plain);
  return out;
}

Result<Bytes> encryptMppeKey(ByteView key, std::uint16_t salt, ByteView requestAuthenticator, ByteView secret) {
  if (auto e = checkAuthenticator(requestAuthenticator)) return *e;
  if (!(salt & 0x8000))
    return makeError(ErrorCode::InvalidArgument, "MPPE key salt must have its most significant bit set");
  if (key.empty() || key.size() > kMaxMppeKey)
    return makeError(ErrorCode::InvalidArgument, fmt::format("MPPE key of {} octets", key.size()));
  Bytes plain;
  plain.push_back(static_cast<std::uint8_t>(key.size()));
  plain.insert(plain.end(), key.begin(), key.end());
  plain.resize((plain.size() + kBlock - 1) / kBlock * kBlock, 0);
  const std::uint8_t saltBytes[2] = {static_cast<std::uint8_t>(salt >> 8), static_cast<std::uint8_t>(salt)};
  Bytes chain = toBytes(requestAuthenticator);
  chain.insert(chain.end(), saltBytes, saltBytes + 2);
  auto cipher = md5Stream(plain, chain, secret, true);
  wipe(plain);
  if (!cipher) return cipher.error();
  Bytes out(saltBytes, saltBytes + 2);
  out.insert(out.end(), cipher->begin(), cipher->end());
  return out;
}

Result<SecretBytes> decryptMppeKey(ByteView saltAndCiphertext, ByteView requestAuthenticator, ByteView secret) {
  if (auto e = checkAuthenticator(requestAuthenticator)) return *e;
  if (saltAndCiphertext.size() < 2 + kBlock || (saltAndCiphertext.size() - 2) % kBlock != 0)
    return makeError(ErrorCode::Malformed,
                     fmt::format("MPPE key value of {} octets (salt plus a multiple of 16)", saltAndCiphertext.size()));
  Bytes chain = toBytes(requestAuthenticator);
  chain.insert(chain.end(), saltAndCiphertext.begin(), saltAndCiphertext.begin() + 2);
  auto plain = md5Stream(saltAndCiphertext.subspan(2), chain, secret, false);
  if (!plain) return plain.error();
  const std::size_t keyLength = (*plain)[0];
  if (keyLength == 0 || keyLength + 1 > plain->size()) {
    wipe(*plain);
    return makeError(ErrorCode::Malformed,
                     fmt::format("decrypted MPPE key length {} does not fit (wrong shared secret?)", keyLength));
  }
  SecretBytes key(ByteView(*plain).subspan(1, keyLength));
  wipe(*plain);
  return key;
}

}  // namespace rs::crypto::radius
