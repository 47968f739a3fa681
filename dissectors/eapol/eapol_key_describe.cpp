// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/eapol/eapol_key_describe.h"

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/ieee80211/elements/elements.h"

namespace rs::eapol {
namespace {

std::string_view descriptorName(std::uint8_t type) {
  switch (type) {
    case kDescriptorRc4: return "RC4 Descriptor";
    case kDescriptorRsn: return "EAPOL RSN Key";
    case kDescriptorWpa: return "EAPOL WPA Key";
    default: return "Unknown";
  }
}

std::string_view versionName(std::uint8_t v) {
  switch (v) {
    case 0: return "AKM defined";
    case 1: return "RC4 Cipher, HMAC-MD5 MIC";
    case 2: return "AES Cipher, HMAC-SHA1 MIC";
    case 3: return "AES Cipher, AES-128-CMAC MIC";
    default: return "Reserved";
  }
}

void describeKeyInfo(Field& layer, KeyInfo ki, std::size_t at) {
  Field& f = layer.addUint("wlan_rsna_eapol.keydes.key_info", "Key Information: " + hexString(ki.raw, 4), ki.raw, at,
                           2, 4);
  const std::string p = "wlan_rsna_eapol.keydes.key_info.";
  auto flag = [&](const char* name, const char* label, bool v) {
    f.addUint(p + name, fmt::format("{}: {}", label, v ? "Set" : "Not set"), v, at, 2);
  };
  f.addUint(p + "keydes_version",
            fmt::format("Key Descriptor Version: {} ({})", versionName(ki.descriptorVersion()), ki.descriptorVersion()),
            ki.descriptorVersion(), at, 2);
  f.addUint(p + "key_type", fmt::format("Key Type: {}", ki.pairwise() ? "Pairwise Key" : "Group Key"), ki.pairwise(),
            at, 2);
  f.addUint(p + "key_index", fmt::format("Key Index: {}", ki.keyIndex()), ki.keyIndex(), at, 2);
  flag("install", "Install", ki.install());
  flag("key_ack", "Key ACK", ki.ack());
  flag("key_mic", "Key MIC", ki.mic());
  flag("secure", "Secure", ki.secure());
  flag("error", "Error", ki.error());
  flag("request", "Request", ki.request());
  flag("encrypted_key_data", "Encrypted Key Data", ki.encryptedKeyData());
  flag("smk_message", "SMK Message", ki.smkMessage());
}

// RSN (2) and WPA (254) descriptors: IEEE 802.11-2016 12.7.2.
std::string describeRsnOrWpa(ByteView frame, std::size_t offset, std::size_t end, std::uint8_t descriptor,
                             Field& layer, Dissection& out) {
  const ByteView pdu = frame.subspan(offset - kEapolHeaderLength, end - offset + kEapolHeaderLength);
  ByteReader r(frame.subspan(offset + 1, end - offset - 1), offset + 1);
  const KeyInfo ki{r.u16be()};
  if (r.failed()) {
    out.markMalformed(layer, "EAPOL-Key frame truncated", end);
    return "Key";
  }
  // Versions 1-3 fix a 16-byte MIC; version 0 leaves it to the AKM, which the
  // frame does not name, so take the length that makes the frame consistent.
  const std::size_t micLength =
      ki.descriptorVersion() >= 1 && ki.descriptorVersion() <= 3 ? kDefaultMicLength : inferMicLength(pdu);
  const std::size_t dataLengthAt = offset + 1 + 2 + 2 + 8 + 32 + 16 + 8 + 8 + micLength;
  std::string info = "Key";
  if (dataLengthAt + 2 <= end) {
    const auto dataLength = static_cast<std::uint16_t>((frame[dataLengthAt] << 8) | frame[dataLengthAt + 1]);
    const KeyMessage m = inferKeyMessage(ki, dataLength);
    const int n = messageNumber(m);
    layer.addUint("wlan_rsna_eapol.keydes.msgnr", fmt::format("Message number: {}", n), n, offset + 1, 0);
    info = isGroupMessage(m) ? fmt::format("Key (Group Message {} of 2)", n) : fmt::format("Key (Message {} of 4)", n);
  }
  describeKeyInfo(layer, ki, offset + 1);

  const std::uint16_t keyLength = r.u16be();
  if (!r.failed()) layer.addUint("eapol.keydes.key_len", fmt::format("Key Length: {}", keyLength), keyLength,
                                 offset + 3, 2);
  const std::uint64_t replay = r.u64be();
  if (!r.failed()) layer.addUint("eapol.keydes.replay_counter", fmt::format("Replay Counter: {}", replay), replay,
                                 offset + 5, 8);
  struct Span {
    const char* name;
    const char* label;
    std::size_t length;
  };
  const Span spans[] = {{"wlan_rsna_eapol.keydes.nonce", "WPA Key Nonce", 32},
                        {"eapol.keydes.key_iv", "Key IV", 16},
                        {"wlan_rsna_eapol.keydes.rsc", "WPA Key RSC", 8},
                        {"wlan_rsna_eapol.keydes.id", "WPA Key ID", 8},
                        {"wlan_rsna_eapol.keydes.mic", "WPA Key MIC", micLength}};
  for (const Span& s : spans) {
    const std::size_t at = r.offset();
    const ByteView v = r.bytes(s.length);
    if (r.failed()) break;
    if (s.length > 0) layer.addBytes(s.name, fmt::format("{}: {}", s.label, toHex(v)), v, at);
  }
  const std::uint16_t dataLength = r.u16be();
  if (r.failed()) {
    out.markMalformed(layer, "EAPOL-Key frame truncated", end);
    return info;
  }
  layer.addUint("wlan_rsna_eapol.keydes.data_len", fmt::format("WPA Key Data Length: {}", dataLength), dataLength,
                dataLengthAt, 2);
  const std::size_t dataAt = r.offset();
  const bool cut = dataLength > r.remaining();
  const ByteView keyData = cut ? r.rest() : r.bytes(dataLength);
  if (!r.empty()) {
    layer.addText(fmt::format("[{} bytes after the Key Data inside the EAPOL length]", r.remaining()), r.offset(),
                  r.remaining());
  }
  if (dataLength == 0) return info;
  Field& dataField =
      layer.addBytes("wlan_rsna_eapol.keydes.data", fmt::format("WPA Key Data: {}", toHex(keyData)), keyData, dataAt);
  // WPA group key messages wrap the GTK without setting the Encrypted Key Data
  // bit (it did not exist before IEEE 802.11i).
  const bool encrypted = ki.encryptedKeyData() || (descriptor == kDescriptorWpa && !ki.pairwise());
  // The cut is the first fault: an element it splits is only its consequence.
  if (cut) out.markMalformed(layer, "Key Data Length exceeds the EAPOL-Key frame", end);
  if (!encrypted) ieee80211::describeElements(frame, dataAt, dataAt + keyData.size(), dataField, out);
  return info;
}

// The IEEE 802.1X-2004 7.6 RC4 descriptor (dynamic WEP keys).
std::string describeRc4(ByteView frame, std::size_t offset, std::size_t end, Field& layer, Dissection& out) {
  ByteReader r(frame.subspan(offset + 1, end - offset - 1), offset + 1);
  const std::uint16_t keyLength = r.u16be();
  if (!r.failed()) layer.addUint("eapol.keydes.key_len", fmt::format("Key Length: {}", keyLength), keyLength,
                                 offset + 1, 2);
  const std::uint64_t replay = r.u64be();
  if (!r.failed()) layer.addUint("eapol.keydes.replay_counter", fmt::format("Replay Counter: {}", replay), replay,
                                 offset + 3, 8);
  const ByteView iv = r.bytes(16);
  if (!r.failed()) layer.addBytes("eapol.keydes.key_iv", "Key IV: " + toHex(iv), iv, offset + 11);
  const std::uint8_t index = r.u8();
  if (!r.failed()) {
    Field& f = layer.addUint("eapol.keydes.key_index", "Index: " + hexString(index, 2), index, offset + 27, 1, 2);
    f.addUint("eapol.keydes.key_index.type", fmt::format("Type: {}", (index & 0x80) ? "Unicast" : "Broadcast"),
              (index & 0x80) != 0, offset + 27, 1);
    f.addUint("eapol.keydes.key_index.number", fmt::format("Number: {}", index & 0x7f), index & 0x7f, offset + 27, 1);
  }
  const ByteView signature = r.bytes(16);
  if (r.failed()) {
    out.markMalformed(layer, "EAPOL-Key frame truncated", end);
    return "Key";
  }
  layer.addBytes("eapol.keydes.key_signature", "Key Signature: " + toHex(signature), signature, offset + 28);
  const ByteView key = r.rest();
  if (!key.empty()) layer.addBytes("eapol.keydes.key", "Key: " + toHex(key), key, offset + 44);
  return "Key";
}

}  // namespace

std::string describeEapolKey(ByteView frame, std::size_t offset, std::size_t end, Field& layer, Dissection& out) {
  if (offset >= end) {
    out.markMalformed(layer, "EAPOL-Key descriptor type missing", end);
    return "Key";
  }
  const std::uint8_t descriptor = frame[offset];
  layer.addUint("eapol.keydes.type",
                fmt::format("Key Descriptor Type: {} ({})", descriptorName(descriptor), descriptor), descriptor,
                offset, 1);
  switch (descriptor) {
    case kDescriptorRsn:
    case kDescriptorWpa: return describeRsnOrWpa(frame, offset, end, descriptor, layer, out);
    case kDescriptorRc4: return describeRc4(frame, offset, end, layer, out);
    default: {
      const ByteView body = frame.subspan(offset + 1, end - offset - 1);
      if (!body.empty()) layer.addBytes("eapol.keydes.body", "Key Descriptor Body: " + toHex(body), body, offset + 1);
      return "Key";
    }
  }
}

}  // namespace rs::eapol
