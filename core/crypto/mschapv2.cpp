// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/mschapv2.h"

#include <openssl/evp.h>

#include <array>
#include <bit>
#include <cctype>

#include "core/crypto/hash_mac.h"
#include "core/crypto/openssl_support.h"

namespace rs::crypto::mschapv2 {

namespace {

// RFC 2759 §8.7 magic constants (without terminating NUL).
constexpr std::string_view kAuthMagic1 = "Magic server to client signing constant";
constexpr std::string_view kAuthMagic2 = "Pad to make it do more than one iteration";
// RFC 3079 §3.4 magic constants.
constexpr std::string_view kMppeMagic1 = "This is the MPPE Master Key";
constexpr std::string_view kMppeMagic2 =
    "On the client side, this is the send key; on the server side, it is the receive key.";
constexpr std::string_view kMppeMagic3 =
    "On the client side, this is the receive key; on the server side, it is the send key.";
static_assert(kAuthMagic1.size() == 39 && kAuthMagic2.size() == 41);
static_assert(kMppeMagic1.size() == 27 && kMppeMagic2.size() == 84 && kMppeMagic3.size() == 84);

// SHSpad1 = 40 x 0x00, SHSpad2 = 40 x 0xF2 (RFC 3079 §2.4).
constexpr std::array<std::uint8_t, 40> kShsPad1{};
constexpr std::array<std::uint8_t, 40> makePad2() {
  std::array<std::uint8_t, 40> pad{};
  for (auto& b : pad) b = 0xf2;
  return pad;
}
constexpr std::array<std::uint8_t, 40> kShsPad2 = makePad2();

// UTF-8 -> UTF-16LE; false on malformed UTF-8 or code points outside Unicode.
bool utf8ToUtf16le(std::string_view in, SecretBytes& out, std::size_t& characters) {
  Bytes buffer;
  buffer.reserve(in.size() * 2);
  characters = 0;
  for (std::size_t i = 0; i < in.size();) {
    const auto lead = static_cast<unsigned char>(in[i]);
    std::uint32_t cp = 0;
    std::size_t extra = 0;
    if (lead < 0x80) cp = lead;
    else if ((lead & 0xe0) == 0xc0) cp = lead & 0x1f, extra = 1;
    else if ((lead & 0xf0) == 0xe0) cp = lead & 0x0f, extra = 2;
    else if ((lead & 0xf8) == 0xf0) cp = lead & 0x07, extra = 3;
    else return false;
    if (extra > 0 && i + extra >= in.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto c = static_cast<unsigned char>(in[i + k]);
      if ((c & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    const std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
    if (cp < minimum[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if (cp >= 0x10000) {
      const std::uint32_t v = cp - 0x10000;
      const auto high = static_cast<std::uint16_t>(0xd800 + (v >> 10));
      const auto low = static_cast<std::uint16_t>(0xdc00 + (v & 0x3ff));
      buffer.insert(buffer.end(), {static_cast<std::uint8_t>(high), static_cast<std::uint8_t>(high >> 8),
                                   static_cast<std::uint8_t>(low), static_cast<std::uint8_t>(low >> 8)});
    } else {
      buffer.insert(buffer.end(), {static_cast<std::uint8_t>(cp), static_cast<std::uint8_t>(cp >> 8)});
    }
    ++characters;
    i += extra + 1;
  }
  out = SecretBytes(buffer);
  wipe(buffer);
  return true;
}

// RFC 2759 §8.6: 56 key bits -> 8 DES key octets (7 bits each, low bit = odd parity).
std::array<std::uint8_t, 8> desKeyFrom7(const std::uint8_t* in) {
  std::array<std::uint8_t, 8> key{};
  key[0] = in[0];
  key[1] = static_cast<std::uint8_t>((in[0] << 7) | (in[1] >> 1));
  key[2] = static_cast<std::uint8_t>((in[1] << 6) | (in[2] >> 2));
  key[3] = static_cast<std::uint8_t>((in[2] << 5) | (in[3] >> 3));
  key[4] = static_cast<std::uint8_t>((in[3] << 4) | (in[4] >> 4));
  key[5] = static_cast<std::uint8_t>((in[4] << 3) | (in[5] >> 5));
  key[6] = static_cast<std::uint8_t>((in[5] << 2) | (in[6] >> 6));
  key[7] = static_cast<std::uint8_t>(in[6] << 1);
  for (auto& b : key) {
    b &= 0xfe;
    if (!(std::popcount(static_cast<unsigned>(b)) & 1)) b |= 1;
  }
  return key;
}

Result<Bytes> desEncryptBlock(const std::array<std::uint8_t, 8>& key, ByteView block8) {
  auto cipher = detail::fetchCipher("DES-ECB", true);
  if (!cipher) return cipher.error();
  detail::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return detail::openSslError("EVP_CIPHER_CTX_new");
  if (!EVP_EncryptInit_ex2(ctx.get(), cipher->get(), key.data(), nullptr, nullptr) ||
      !EVP_CIPHER_CTX_set_padding(ctx.get(), 0))
    return detail::openSslError("DES-ECB init");
  Bytes out(16);
  int written = 0;
  if (!EVP_EncryptUpdate(ctx.get(), out.data(), &written, block8.data(), 8) || written != 8)
    return detail::openSslError("DES-ECB encrypt");
  out.resize(8);
  return out;
}

std::string upperHex(ByteView bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string s;
  for (std::uint8_t b : bytes) {
    s += digits[b >> 4];
    s += digits[b & 0xf];
  }
  return s;
}

}  // namespace

Result<SecretBytes> ntPasswordHash(std::string_view password) {
  SecretBytes unicode;
  std::size_t characters = 0;
  if (!utf8ToUtf16le(password, unicode, characters))
    return makeError(ErrorCode::InvalidArgument, "the password is not valid UTF-8");
  if (characters > 256) return makeError(ErrorCode::InvalidArgument, "an MS-CHAPv2 password has at most 256 characters");
  auto hash = md4(unicode);
  if (!hash) return hash.error();
  SecretBytes out(*hash);
  wipe(*hash);
  return out;
}

Result<SecretBytes> hashNtPasswordHash(ByteView passwordHash) {
  if (passwordHash.size() != 16) return makeError(ErrorCode::InvalidArgument, "PasswordHash has 16 octets");
  auto hash = md4(passwordHash);
  if (!hash) return hash.error();
  SecretBytes out(*hash);
  wipe(*hash);
  return out;
}

std::string_view userNameForChallenge(std::string_view userName) {
  const auto slash = userName.rfind('\\');
  return slash == std::string_view::npos ? userName : userName.substr(slash + 1);
}

Result<Bytes> challengeHash(ByteView peerChallenge, ByteView authenticatorChallenge, std::string_view userName) {
  if (peerChallenge.size() != 16 || authenticatorChallenge.size() != 16)
    return makeError(ErrorCode::InvalidArgument, "MS-CHAPv2 challenges have 16 octets");
  auto d = digest(HashAlgorithm::Sha1, {peerChallenge, authenticatorChallenge, asView(userName)});
  if (!d) return d.error();
  d->resize(8);
  return d;
}

Result<Bytes> challengeResponse(ByteView challenge, ByteView passwordHash) {
  if (challenge.size() != 8) return makeError(ErrorCode::InvalidArgument, "the challenge has 8 octets");
  if (passwordHash.size() != 16) return makeError(ErrorCode::InvalidArgument, "PasswordHash has 16 octets");
  SecretBytes z(21);
  std::copy(passwordHash.begin(), passwordHash.end(), z.data());
  Bytes response;
  for (std::size_t part = 0; part < 3; ++part) {
    auto key = desKeyFrom7(z.data() + 7 * part);
    auto block = desEncryptBlock(key, challenge);
    wipe(key);
    if (!block) return block.error();
    response.insert(response.end(), block->begin(), block->end());
  }
  return response;
}

Result<Bytes> generateNtResponseWithHash(ByteView authenticatorChallenge, ByteView peerChallenge,
                                         std::string_view userName, ByteView passwordHash) {
  auto challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
  if (!challenge) return challenge.error();
  return challengeResponse(*challenge, passwordHash);
}

Result<Bytes> generateNtResponse(ByteView authenticatorChallenge, ByteView peerChallenge, std::string_view userName,
                                 std::string_view password) {
  auto hash = ntPasswordHash(password);
  if (!hash) return hash.error();
  return generateNtResponseWithHash(authenticatorChallenge, peerChallenge, userName, *hash);
}

Result<std::string> generateAuthenticatorResponseWithHash(ByteView passwordHash, ByteView ntResponse,
                                                          ByteView peerChallenge, ByteView authenticatorChallenge,
                                                          std::string_view userName) {
  if (ntResponse.size() != 24) return makeError(ErrorCode::InvalidArgument, "NT-Response has 24 octets");
  auto hashHash = hashNtPasswordHash(passwordHash);
  if (!hashHash) return hashHash.error();
  auto first = digest(HashAlgorithm::Sha1, {*hashHash, ntResponse, asView(kAuthMagic1)});
  if (!first) return first.error();
  auto challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
  if (!challenge) return challenge.error();
  auto second = digest(HashAlgorithm::Sha1, {*first, *challenge, asView(kAuthMagic2)});
  if (!second) return second.error();
  return "S=" + upperHex(*second);
}

Result<std::string> generateAuthenticatorResponse(std::string_view password, ByteView ntResponse,
                                                  ByteView peerChallenge, ByteView authenticatorChallenge,
                                                  std::string_view userName) {
  auto hash = ntPasswordHash(password);
  if (!hash) return hash.error();
  return generateAuthenticatorResponseWithHash(*hash, ntResponse, peerChallenge, authenticatorChallenge, userName);
}

Result<bool> checkAuthenticatorResponse(std::string_view password, ByteView ntResponse, ByteView peerChallenge,
                                        ByteView authenticatorChallenge, std::string_view userName,
                                        std::string_view receivedResponse) {
  auto expected = generateAuthenticatorResponse(password, ntResponse, peerChallenge, authenticatorChallenge, userName);
  if (!expected) return expected.error();
  std::string received(receivedResponse);
  for (char& c : received) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return constantTimeEquals(asView(*expected), asView(received));
}

Result<SecretBytes> getMasterKey(ByteView passwordHashHash, ByteView ntResponse) {
  if (passwordHashHash.size() != 16 || ntResponse.size() != 24)
    return makeError(ErrorCode::InvalidArgument, "PasswordHashHash has 16 octets and NT-Response 24");
  auto d = digest(HashAlgorithm::Sha1, {passwordHashHash, ntResponse, asView(kMppeMagic1)});
  if (!d) return d.error();
  SecretBytes out(ByteView(*d).first(16));
  wipe(*d);
  return out;
}

Result<SecretBytes> getAsymmetricStartKey(ByteView masterKey, std::size_t keyLength, bool isSend, bool isServer) {
  if (masterKey.size() != 16) return makeError(ErrorCode::InvalidArgument, "MasterKey has 16 octets");
  if (keyLength != 8 && keyLength != 16) return makeError(ErrorCode::InvalidArgument, "session key length is 8 or 16 octets");
  const std::string_view magic = (isSend == isServer) ? kMppeMagic3 : kMppeMagic2;
  auto d = digest(HashAlgorithm::Sha1, {masterKey, kShsPad1, asView(magic), kShsPad2});
  if (!d) return d.error();
  SecretBytes out(ByteView(*d).first(keyLength));
  wipe(*d);
  return out;
}

Result<SecretBytes> getNewKeyFromSha(ByteView startKey, ByteView sessionKey, std::size_t keyLength) {
  if (keyLength == 0 || keyLength > 20 || startKey.size() < keyLength || sessionKey.size() < keyLength)
    return makeError(ErrorCode::InvalidArgument, "keys shorter than the session key length");
  auto d = digest(HashAlgorithm::Sha1, {startKey.first(keyLength), kShsPad1, sessionKey.first(keyLength), kShsPad2});
  if (!d) return d.error();
  SecretBytes out(ByteView(*d).first(keyLength));
  wipe(*d);
  return out;
}

SecretBytes reduceSessionKeyTo40Bits(ByteView key8) {
  SecretBytes out(key8);
  if (out.size() >= 3) out.data()[0] = 0xd1, out.data()[1] = 0x26, out.data()[2] = 0x9e;
  return out;
}

SecretBytes reduceSessionKeyTo56Bits(ByteView key8) {
  SecretBytes out(key8);
  if (out.size() >= 1) out.data()[0] = 0xd1;
  return out;
}

}  // namespace rs::crypto::mschapv2
