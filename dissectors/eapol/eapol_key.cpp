// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/eapol/eapol_key.h"

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::eapol {
namespace {
// Descriptor type .. key data length, without the MIC (12.7.2 Figure 12-32).
constexpr std::size_t kFixedBodyWithoutMic = 1 + 2 + 2 + 8 + 32 + 16 + 8 + 8 + 2;
}  // namespace

KeyMessage inferKeyMessage(KeyInfo info, std::uint16_t keyDataLength) {
  if (!info.pairwise()) return info.ack() ? KeyMessage::Group1 : KeyMessage::Group2;
  if (info.ack()) return info.install() ? KeyMessage::Pairwise3 : KeyMessage::Pairwise1;
  return keyDataLength != 0 ? KeyMessage::Pairwise2 : KeyMessage::Pairwise4;
}

int messageNumber(KeyMessage m) {
  switch (m) {
    case KeyMessage::Pairwise1: return 1;
    case KeyMessage::Pairwise2: return 2;
    case KeyMessage::Pairwise3: return 3;
    case KeyMessage::Pairwise4: return 4;
    case KeyMessage::Group1: return 1;
    case KeyMessage::Group2: return 2;
  }
  return 0;
}

bool isGroupMessage(KeyMessage m) { return m == KeyMessage::Group1 || m == KeyMessage::Group2; }

std::optional<EapolKeyFrame> parseEapolKey(ByteView eapolFrame, std::size_t micLength) {
  const auto header = parseEapolHeader(eapolFrame);
  if (!header || !header->isKey() || header->truncated) return std::nullopt;
  EapolKeyFrame k;
  k.eapolVersion = header->version;
  k.eapolLength = header->length;
  k.frame = header->pdu;
  ByteReader r(header->body, kEapolHeaderLength);
  k.descriptorType = r.u8();
  if (k.descriptorType != kDescriptorRsn && k.descriptorType != kDescriptorWpa) return std::nullopt;
  k.keyInfo.raw = r.u16be();
  k.keyLength = r.u16be();
  k.replayCounter = r.u64be();
  k.nonce = r.bytes(32);
  k.iv = r.bytes(16);
  k.rsc = r.bytes(8);
  k.id = r.bytes(8);
  k.micOffset = r.offset();
  k.micLength = micLength;
  k.mic = r.bytes(micLength);
  k.keyDataLength = r.u16be();
  k.keyDataOffset = r.offset();
  k.keyData = r.bytes(k.keyDataLength);
  if (r.failed()) return std::nullopt;
  k.trailing = r.rest();
  k.message = inferKeyMessage(k.keyInfo, k.keyDataLength);
  return k;
}

std::size_t inferMicLength(ByteView eapolFrame) {
  const auto header = parseEapolHeader(eapolFrame);
  if (!header) return kDefaultMicLength;
  for (const std::size_t mic : {std::size_t{16}, std::size_t{24}, std::size_t{32}, std::size_t{0}}) {
    const std::size_t lengthAt = kEapolHeaderLength + kFixedBodyWithoutMic - 2 + mic;
    if (lengthAt + 2 > eapolFrame.size()) continue;
    const std::size_t dataLength = (std::size_t{eapolFrame[lengthAt]} << 8) | eapolFrame[lengthAt + 1];
    if (kFixedBodyWithoutMic + mic + dataLength == header->length) return mic;
  }
  return kDefaultMicLength;
}

Bytes buildEapolKey(const EapolKeyFields& f) {
  ByteWriter body;
  body.u8(f.descriptorType).u16be(f.keyInfo).u16be(f.keyLength).u64be(f.replayCounter);
  body.bytes(f.nonce).bytes(f.iv).bytes(f.rsc).bytes(f.id);
  const std::size_t micCopied = std::min(f.mic.size(), f.micLength);
  body.bytes(ByteView(f.mic).first(micCopied)).zeros(f.micLength - micCopied);
  body.u16be(static_cast<std::uint16_t>(f.keyData.size())).bytes(f.keyData).bytes(f.trailing);
  return buildEapol(f.eapolVersion, PacketType::Key, body.data());
}

EapolKeyFields fieldsOf(const EapolKeyFrame& k) {
  EapolKeyFields f;
  f.eapolVersion = k.eapolVersion;
  f.descriptorType = k.descriptorType;
  f.keyInfo = k.keyInfo.raw;
  f.keyLength = k.keyLength;
  f.replayCounter = k.replayCounter;
  std::copy(k.nonce.begin(), k.nonce.end(), f.nonce.begin());
  std::copy(k.iv.begin(), k.iv.end(), f.iv.begin());
  std::copy(k.rsc.begin(), k.rsc.end(), f.rsc.begin());
  std::copy(k.id.begin(), k.id.end(), f.id.begin());
  f.micLength = k.micLength;
  f.mic = toBytes(k.mic);
  f.keyData = toBytes(k.keyData);
  f.trailing = toBytes(k.trailing);
  return f;
}

}  // namespace rs::eapol
