// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ccmp.h"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <array>
#include <string>

#include "core/crypto/openssl_support.h"
#include "core/crypto/protected_header.h"
#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::crypto {

namespace {

constexpr std::size_t kCcmpHeaderLength = 8;
constexpr std::size_t kMicLength = 8;
constexpr std::size_t kNonceLength = 13;

// 12.5.3.3.3 Construct AAD: the Frame Control field with the bits a forwarder or a
// retransmission may change masked out: Retry, Power Management and More Data cleared,
// Protected Frame always 1, in data frames the subtype bits 4-6 cleared, and the Order
// bit cleared when the frame carries a QoS Control field. The first octet
// (subtype/type/version) comes first on the air.
std::array<std::uint8_t, 2> aadFrameControl(const MacHeader& h) {
  namespace fc = ieee80211::fc_flag;
  std::uint8_t first = h.firstOctet();
  if (h.isData()) first = static_cast<std::uint8_t>(first & ~0x70u);  // subtype bits 4, 5, 6
  std::uint8_t flags = h.flags;
  flags = static_cast<std::uint8_t>(flags & ~(fc::Retry | fc::PowerManagement | fc::MoreData));
  flags = static_cast<std::uint8_t>(flags | fc::Protected);
  if (h.hasQosControl) flags = static_cast<std::uint8_t>(flags & ~fc::Order);
  return {first, flags};
}

// 12.5.3.3.3: Sequence Control with the Sequence Number subfield (bits 4-15) masked to 0;
// the Fragment Number is kept.
std::uint16_t aadSequenceControl(const MacHeader& h) { return static_cast<std::uint16_t>(h.sequenceControl & 0x000f); }

// 12.5.3.3.3: of the QoS Control field only the TID subfield is kept, all other subfields
// are masked to 0.
std::uint16_t aadQosControl(const MacHeader& h) { return h.tid(); }

// 12.5.3.3.3: AAD = FC || A1 || A2 || A3 || SC || [A4] || [QC], with the masks above.
Bytes buildAad(const MacHeader& h) {
  const auto fc = aadFrameControl(h);
  ByteWriter w;
  w.u8(fc[0]).u8(fc[1]).bytes(h.addr[0].view()).bytes(h.addr[1].view()).bytes(h.addr[2].view());
  w.u16le(aadSequenceControl(h));
  if (h.addressCount == 4) w.bytes(h.addr[3].view());
  if (h.hasQosControl) w.u16le(aadQosControl(h));
  return w.take();
}

// 12.5.3.3.4 Construct CCM nonce: the Nonce Flags octet holds the Priority (the TID of a
// QoS data frame, 0 otherwise) in bits 0-3 and the Management bit (bit 4) for management
// frames, so a management frame and a data frame with the same addresses and PN never
// share a nonce.
std::uint8_t nonceFlags(const MacHeader& h) {
  const std::uint8_t priority = h.hasQosControl ? h.tid() : 0;
  return static_cast<std::uint8_t>(priority | (h.isManagement() ? 0x10 : 0));
}

// 12.5.3.3.4: Nonce = Nonce Flags || A2 || PN5 ... PN0 (the PN most significant octet first).
Bytes buildNonce(const MacHeader& h, std::uint64_t pn) {
  ByteWriter w;
  w.u8(nonceFlags(h)).bytes(h.addr[1].view());
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
  auto header = parseProtectableHeader(mpdu);
  if (!header) return header.error();
  if (!header->isProtected()) return makeError(ErrorCode::InvalidArgument, "the Protected Frame bit is not set");

  ByteReader r(mpdu.subspan(header->bodyOffset()), header->bodyOffset());
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
  out.headerLength = header->bodyOffset();
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
  auto protectedHeader = protectHeader(header);
  if (!protectedHeader) return protectedHeader.error();
  if (packetNumber >> 48) return makeError(ErrorCode::InvalidArgument, "the PN has 48 bits");
  if (!detail::fitsInt(plaintext.size())) return makeError(ErrorCode::InvalidArgument, "frame too long");

  const Bytes aad = buildAad(protectedHeader->parsed);
  const Bytes nonce = buildNonce(protectedHeader->parsed, packetNumber);
  auto ctx = ccmContext(tk, nonce, true, nullptr);
  if (!ctx) return ctx.error();
  if (!feedLengthAndAad(ctx->get(), plaintext.size(), aad)) return detail::openSslError("AES-128-CCM AAD");

  ByteWriter out(std::move(protectedHeader->bytes));
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
