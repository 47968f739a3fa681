// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ccmp.h"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <string>

#include "core/crypto/mpdu_header.h"
#include "core/crypto/openssl_support.h"
#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::crypto {

namespace {

constexpr std::size_t kCcmpHeaderLength = 8;
constexpr std::size_t kMicLength = 8;
constexpr std::size_t kNonceLength = 13;

// 12.5.3.3.3 Construct AAD.
Bytes buildAad(const MpduHeader& h) {
  std::uint16_t fc = h.frameControl;
  fc &= static_cast<std::uint16_t>(~(0x0800u | 0x1000u | 0x2000u));  // Retry, Power Management, More Data
  fc |= 0x4000;                                                     // Protected
  if (h.data) fc &= static_cast<std::uint16_t>(~0x0070u);           // data subtype bits 4, 5, 6
  if (h.qos) fc &= static_cast<std::uint16_t>(~0x8000u);            // Order, when QoS Control is present
  ByteWriter w;
  w.u16le(fc).bytes(h.a1.view()).bytes(h.a2.view()).bytes(h.a3.view());
  w.u16le(static_cast<std::uint16_t>(h.sequenceControl & 0x000f));  // sequence number masked, fragment kept
  if (h.fourAddress) w.bytes(h.a4.view());
  if (h.qos) w.u8(h.tid).u8(0);
  return w.take();
}

// 12.5.3.3.4 Construct CCM nonce.
Bytes buildNonce(const MpduHeader& h, std::uint64_t pn) {
  ByteWriter w;
  w.u8(static_cast<std::uint8_t>((h.qos ? h.tid : 0) | (h.management ? 0x10 : 0)));
  w.bytes(h.a2.view());
  for (int shift = 40; shift >= 0; shift -= 8) w.u8(static_cast<std::uint8_t>(pn >> shift));
  return w.take();
}

Result<detail::CipherCtxPtr> ccmContext(ByteView tk, ByteView nonce, bool encrypt, const std::uint8_t* tag) {
  if (tk.size() != 16) return makeError(ErrorCode::InvalidArgument, "the CCMP-128 TK has 16 octets, not " + std::to_string(tk.size()));
  auto cipher = detail::fetchCipher("AES-128-CCM", false);
  if (!cipher) return cipher.error();
  detail::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return detail::openSslError("EVP_CIPHER_CTX_new");
  const int enc = encrypt ? 1 : 0;
  if (!EVP_CipherInit_ex2(ctx.get(), cipher->get(), nullptr, nullptr, enc, nullptr) ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(kNonceLength), nullptr) <= 0 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(kMicLength),
                          const_cast<std::uint8_t*>(tag)) <= 0 ||
      !EVP_CipherInit_ex2(ctx.get(), nullptr, tk.data(), nonce.data(), enc, nullptr))
    return detail::openSslError("AES-128-CCM init");
  return ctx;
}

// CCM needs the payload length before the AAD; OpenSSL takes it as an update with no data.
bool feedLengthAndAad(EVP_CIPHER_CTX* ctx, std::size_t payloadLength, ByteView aad) {
  int ignored = 0;
  return EVP_CipherUpdate(ctx, nullptr, &ignored, nullptr, detail::asInt(payloadLength)) &&
         EVP_CipherUpdate(ctx, nullptr, &ignored, aad.data(), detail::asInt(aad.size()));
}

}  // namespace

Bytes ccmpHeader(std::uint64_t pn, std::uint8_t keyId) {
  ByteWriter w;
  w.u8(static_cast<std::uint8_t>(pn)).u8(static_cast<std::uint8_t>(pn >> 8)).u8(0);
  w.u8(static_cast<std::uint8_t>(((keyId & 0x3) << 6) | 0x20));
  for (int shift = 16; shift <= 40; shift += 8) w.u8(static_cast<std::uint8_t>(pn >> shift));
  return w.take();
}

Result<DecryptedMpdu> ccmpDecrypt(ByteView tk, ByteView mpdu) {
  auto header = parseMpduHeader(mpdu);
  if (!header) return header.error();
  if (!header->isProtected) return makeError(ErrorCode::InvalidArgument, "the Protected Frame bit is not set");

  ByteReader r(mpdu.subspan(header->length), header->length);
  const std::uint8_t pn0 = r.u8(), pn1 = r.u8();
  r.skip(1);
  const std::uint8_t keyIdOctet = r.u8();
  std::uint64_t pn = pn0 | (std::uint64_t{pn1} << 8);
  for (int shift = 16; shift <= 40; shift += 8) pn |= std::uint64_t{r.u8()} << shift;
  if (r.failed() || r.remaining() < kMicLength)
    return makeError(ErrorCode::Malformed, "CCMP frame too short for its header and MIC (" + std::to_string(mpdu.size()) + " octets)");
  if (!(keyIdOctet & 0x20)) return makeError(ErrorCode::Malformed, "ExtIV bit not set: not a CCMP header");
  const ByteView ciphertext = r.bytes(r.remaining() - kMicLength);
  const ByteView mic = r.rest();
  if (!detail::fitsInt(ciphertext.size())) return makeError(ErrorCode::InvalidArgument, "frame too long");

  const Bytes aad = buildAad(*header);
  const Bytes nonce = buildNonce(*header, pn);
  auto ctx = ccmContext(tk, nonce, false, mic.data());
  if (!ctx) return ctx.error();
  if (!feedLengthAndAad(ctx->get(), ciphertext.size(), aad)) return detail::openSslError("AES-128-CCM AAD");

  DecryptedMpdu out;
  out.headerLength = header->length;
  out.packetNumber = pn;
  out.keyId = static_cast<std::uint8_t>(keyIdOctet >> 6);
  out.plaintext.resize(ciphertext.size());
  static const std::uint8_t emptyInput = 0;
  std::uint8_t emptyOutput = 0;  // OpenSSL reads a null output pointer as "this is AAD"
  int written = 0;
  // For CCM decryption the MIC is checked inside this update; it fails on mismatch.
  if (EVP_DecryptUpdate(ctx->get(), out.plaintext.empty() ? &emptyOutput : out.plaintext.data(), &written,
                        ciphertext.empty() ? &emptyInput : ciphertext.data(), detail::asInt(ciphertext.size())) <= 0) {
    ERR_clear_error();
    out.plaintext.clear();
    return makeError(ErrorCode::IntegrityFailure, "CCMP MIC mismatch (wrong TK or altered frame), PN " + std::to_string(pn));
  }
  return out;
}

Result<Bytes> ccmpEncrypt(ByteView tk, ByteView header, std::uint64_t packetNumber, ByteView plaintext,
                          std::uint8_t keyId) {
  Bytes protectedHeader(header.begin(), header.end());
  if (protectedHeader.size() >= 2) protectedHeader[1] |= 0x40;  // Protected Frame
  auto parsed = parseMpduHeader(protectedHeader);
  if (!parsed) return parsed.error();
  if (parsed->length != header.size())
    return makeError(ErrorCode::InvalidArgument, "header is " + std::to_string(header.size()) +
                                                     " octets but its Frame Control implies " + std::to_string(parsed->length));
  if (packetNumber >> 48) return makeError(ErrorCode::InvalidArgument, "the PN has 48 bits");
  if (!detail::fitsInt(plaintext.size())) return makeError(ErrorCode::InvalidArgument, "frame too long");

  const Bytes aad = buildAad(*parsed);
  const Bytes nonce = buildNonce(*parsed, packetNumber);
  auto ctx = ccmContext(tk, nonce, true, nullptr);
  if (!ctx) return ctx.error();
  if (!feedLengthAndAad(ctx->get(), plaintext.size(), aad)) return detail::openSslError("AES-128-CCM AAD");

  ByteWriter out(std::move(protectedHeader));
  out.bytes(ccmpHeader(packetNumber, keyId));
  Bytes ciphertext(plaintext.size() + 16);
  static const std::uint8_t emptyInput = 0;
  int written = 0;
  if (!EVP_EncryptUpdate(ctx->get(), ciphertext.data(), &written, plaintext.empty() ? &emptyInput : plaintext.data(),
                         detail::asInt(plaintext.size())))
    return detail::openSslError("AES-128-CCM encrypt");
  int tail = 0;
  if (!EVP_EncryptFinal_ex(ctx->get(), ciphertext.data() + written, &tail)) return detail::openSslError("AES-128-CCM final");
  ciphertext.resize(static_cast<std::size_t>(written + tail));
  std::uint8_t mic[kMicLength];
  if (EVP_CIPHER_CTX_ctrl(ctx->get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(kMicLength), mic) <= 0)
    return detail::openSslError("AES-128-CCM tag");
  out.bytes(ciphertext).bytes(ByteView(mic, kMicLength));
  return out.take();
}

}  // namespace rs::crypto
