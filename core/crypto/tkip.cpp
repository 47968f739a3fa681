// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/tkip.h"

#include <bit>
#include <string>

#include "core/crypto/michael.h"
#include "core/crypto/protected_header.h"
#include "core/crypto/rc4.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::crypto {

namespace {

// The TKIP S-box (12.5.2.5.1) is derived from the AES S-box: entry i is
// (2·S[i]) << 8 | (3·S[i]) in GF(2^8). It is computed at compile time from the AES
// definition (multiplicative inverse + affine transform) instead of being typed in.
constexpr std::uint8_t gfMul(std::uint8_t a, std::uint8_t b) {
  std::uint8_t p = 0;
  for (int i = 0; i < 8; ++i) {
    if (b & 1) p = static_cast<std::uint8_t>(p ^ a);
    const bool carry = a & 0x80;
    a = static_cast<std::uint8_t>(a << 1);
    if (carry) a = static_cast<std::uint8_t>(a ^ 0x1b);
    b = static_cast<std::uint8_t>(b >> 1);
  }
  return p;
}

constexpr std::uint8_t rotl8(std::uint8_t v, int n) { return static_cast<std::uint8_t>((v << n) | (v >> (8 - n))); }

constexpr std::uint8_t aesSbox(std::uint8_t x) {
  std::uint8_t inverse = 0;
  for (int y = 1; y < 256 && x != 0; ++y) {
    if (gfMul(x, static_cast<std::uint8_t>(y)) == 1) {
      inverse = static_cast<std::uint8_t>(y);
      break;
    }
  }
  return static_cast<std::uint8_t>(inverse ^ rotl8(inverse, 1) ^ rotl8(inverse, 2) ^ rotl8(inverse, 3) ^
                                   rotl8(inverse, 4) ^ 0x63);
}

constexpr std::array<std::uint16_t, 256> makeTkipSbox() {
  std::array<std::uint16_t, 256> table{};
  for (int i = 0; i < 256; ++i) {
    const std::uint8_t s = aesSbox(static_cast<std::uint8_t>(i));
    table[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>((gfMul(s, 2) << 8) | gfMul(s, 3));
  }
  return table;
}

constexpr std::array<std::uint16_t, 256> kSbox = makeTkipSbox();
static_assert(kSbox[0] == 0xC6A5 && kSbox[1] == 0xF884 && kSbox[255] == 0x2C3A, "TKIP S-box (12.5.2.5.1)");

std::uint16_t mk16(std::uint8_t hi, std::uint8_t lo) { return static_cast<std::uint16_t>((hi << 8) | lo); }
std::uint8_t lo8(std::uint16_t v) { return static_cast<std::uint8_t>(v); }
std::uint8_t hi8(std::uint16_t v) { return static_cast<std::uint8_t>(v >> 8); }
// _S_[v] = Sbox[Lo8(v)] ^ Swap8(Sbox[Hi8(v)])
std::uint16_t sboxLookup(std::uint16_t v) { return static_cast<std::uint16_t>(kSbox[lo8(v)] ^ std::rotl(kSbox[hi8(v)], 8)); }

constexpr std::size_t kIcvLength = 4;
constexpr std::size_t kMichaelLength = 8;

// 12.5.2.3: Michael covers the DA and SA of the MSDU (Table 9-26). For an A-MSDU sent
// To DS or From DS, Table 9-26 puts the BSSID in Address 3 and MacHeader reports no DA
// (To DS) or SA (From DS); Michael then takes Address 3, the address an MSDU carries in
// that position, so every TKIP data frame has a defined MIC input.
MacAddress michaelDestination(const MacHeader& h) { return h.da().value_or(h.addr[2]); }
MacAddress michaelSource(const MacHeader& h) { return h.sa().value_or(h.addr[2]); }

// 12.5.2.3: the Priority octet of the Michael header is the TID of a QoS data frame, 0 otherwise.
std::uint8_t michaelPriority(const MacHeader& h) { return h.hasQosControl ? h.tid() : 0; }

// 12.5.2.5.2: Phase 1 mixes in the transmitter address, Address 2 of the MPDU.
Result<MacAddress> phase1TransmitterAddress(const MacHeader& h) {
  const auto ta = h.ta();
  if (!ta) return makeError(ErrorCode::Malformed, "the MAC header has no transmitter address for TKIP phase 1");
  return *ta;
}

// 12.7.1.3: which half of the Michael key material protects the frame.
Result<ByteView> michaelKey(ByteView tk, const MacHeader& h, TkipMichaelKey choice) {
  if (choice == TkipMichaelKey::FromFrameControl) {
    if (h.fromDs() == h.toDs())
      return makeError(ErrorCode::InvalidArgument, "cannot tell the TKIP Michael key from the DS bits; pass the sender's role");
    choice = h.fromDs() ? TkipMichaelKey::AuthenticatorTx : TkipMichaelKey::SupplicantTx;
  }
  return tk.subspan(choice == TkipMichaelKey::AuthenticatorTx ? 16 : 24, 8);
}

Result<std::array<std::uint8_t, 16>> perPacketKey(ByteView tk, MacAddress ta, std::uint64_t tsc) {
  if (tk.size() != 32) return makeError(ErrorCode::InvalidArgument, "a TKIP TK has 32 octets (TK || 2 Michael keys)");
  const ByteView tk16 = tk.first(16);
  const auto ttak = tkipPhase1(tk16, ta, static_cast<std::uint32_t>(tsc >> 16));
  return tkipPhase2(tk16, ttak, static_cast<std::uint16_t>(tsc & 0xffff));
}

}  // namespace

std::array<std::uint16_t, 5> tkipPhase1(ByteView tk16, MacAddress ta, std::uint32_t iv32) {
  const auto& t = ta.octets;
  std::array<std::uint16_t, 5> p = {static_cast<std::uint16_t>(iv32 & 0xffff), static_cast<std::uint16_t>(iv32 >> 16),
                                    mk16(t[1], t[0]), mk16(t[3], t[2]), mk16(t[5], t[4])};
  for (unsigned i = 0; i < 8; ++i) {
    const std::size_t j = 2 * (i & 1);
    p[0] = static_cast<std::uint16_t>(p[0] + sboxLookup(p[4] ^ mk16(tk16[1 + j], tk16[0 + j])));
    p[1] = static_cast<std::uint16_t>(p[1] + sboxLookup(p[0] ^ mk16(tk16[5 + j], tk16[4 + j])));
    p[2] = static_cast<std::uint16_t>(p[2] + sboxLookup(p[1] ^ mk16(tk16[9 + j], tk16[8 + j])));
    p[3] = static_cast<std::uint16_t>(p[3] + sboxLookup(p[2] ^ mk16(tk16[13 + j], tk16[12 + j])));
    p[4] = static_cast<std::uint16_t>(p[4] + sboxLookup(p[3] ^ mk16(tk16[1 + j], tk16[0 + j])) + i);
  }
  return p;
}

std::array<std::uint8_t, 16> tkipPhase2(ByteView tk16, const std::array<std::uint16_t, 5>& ttak, std::uint16_t iv16) {
  std::array<std::uint16_t, 6> ppk = {ttak[0], ttak[1], ttak[2], ttak[3], ttak[4],
                                      static_cast<std::uint16_t>(ttak[4] + iv16)};
  const auto add = [](std::uint16_t& a, unsigned b) { a = static_cast<std::uint16_t>(a + b); };
  const auto rotr1 = [](std::uint16_t v) { return std::rotr(v, 1); };
  add(ppk[0], sboxLookup(ppk[5] ^ mk16(tk16[1], tk16[0])));
  add(ppk[1], sboxLookup(ppk[0] ^ mk16(tk16[3], tk16[2])));
  add(ppk[2], sboxLookup(ppk[1] ^ mk16(tk16[5], tk16[4])));
  add(ppk[3], sboxLookup(ppk[2] ^ mk16(tk16[7], tk16[6])));
  add(ppk[4], sboxLookup(ppk[3] ^ mk16(tk16[9], tk16[8])));
  add(ppk[5], sboxLookup(ppk[4] ^ mk16(tk16[11], tk16[10])));
  add(ppk[0], rotr1(static_cast<std::uint16_t>(ppk[5] ^ mk16(tk16[13], tk16[12]))));
  add(ppk[1], rotr1(static_cast<std::uint16_t>(ppk[0] ^ mk16(tk16[15], tk16[14]))));
  add(ppk[2], rotr1(ppk[1]));
  add(ppk[3], rotr1(ppk[2]));
  add(ppk[4], rotr1(ppk[3]));
  add(ppk[5], rotr1(ppk[4]));

  std::array<std::uint8_t, 16> key{};
  key[0] = hi8(iv16);
  key[1] = static_cast<std::uint8_t>((hi8(iv16) | 0x20) & 0x7f);
  key[2] = lo8(iv16);
  key[3] = lo8(static_cast<std::uint16_t>((ppk[5] ^ mk16(tk16[1], tk16[0])) >> 1));
  for (std::size_t i = 0; i < 6; ++i) {
    key[4 + 2 * i] = lo8(ppk[i]);
    key[5 + 2 * i] = hi8(ppk[i]);
  }
  return key;
}

std::uint32_t crc32Ieee(ByteView data) {
  std::uint32_t crc = 0xffffffffu;
  for (std::uint8_t byte : data) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

Result<TkipDecrypted> tkipDecrypt(ByteView tk, ByteView mpdu, TkipMichaelKey keyChoice) {
  auto header = parseProtectableHeader(mpdu);
  if (!header) return header.error();
  if (!header->isProtected()) return makeError(ErrorCode::InvalidArgument, "the Protected Frame bit is not set");
  if (tk.size() != 32) return makeError(ErrorCode::InvalidArgument, "a TKIP TK has 32 octets (TK || 2 Michael keys)");

  // 12.5.2.2: TSC1 | WEPSeed[1] | TSC0 | KeyID octet | TSC2 | TSC3 | TSC4 | TSC5
  ByteReader r(mpdu.subspan(header->bodyOffset()), header->bodyOffset());
  const std::uint8_t tsc1 = r.u8();
  r.skip(1);
  const std::uint8_t tsc0 = r.u8();
  const std::uint8_t keyIdOctet = r.u8();
  const std::uint32_t iv32 = r.u32le();
  if (r.failed() || r.remaining() < kIcvLength)
    return makeError(ErrorCode::Malformed, "TKIP frame too short for IV and ICV (" + std::to_string(mpdu.size()) + " octets)");
  if (!(keyIdOctet & 0x20)) return makeError(ErrorCode::Malformed, "ExtIV bit not set: not a TKIP header");
  const std::uint64_t tsc = (std::uint64_t{iv32} << 16) | mk16(tsc1, tsc0);

  auto ta = phase1TransmitterAddress(*header);
  if (!ta) return ta.error();
  auto rc4Key = perPacketKey(tk, *ta, tsc);
  if (!rc4Key) return rc4Key.error();
  auto decrypted = rc4(*rc4Key, r.rest());
  wipe(*rc4Key);
  if (!decrypted) return decrypted.error();
  Bytes& plain = *decrypted;
  const std::size_t dataLength = plain.size() - kIcvLength;
  ByteReader icvReader(ByteView(plain).subspan(dataLength));
  if (crc32Ieee(ByteView(plain).first(dataLength)) != icvReader.u32le())
    return makeError(ErrorCode::IcvFailure, "TKIP ICV mismatch (wrong TK or corrupted frame), TSC " + std::to_string(tsc));
  plain.resize(dataLength);

  TkipDecrypted out;
  out.headerLength = header->bodyOffset();
  out.packetNumber = tsc;
  out.keyId = static_cast<std::uint8_t>(keyIdOctet >> 6);
  const bool wholeMsdu = !header->moreFragments() && header->fragmentNumber() == 0;
  if (wholeMsdu) {
    if (plain.size() < kMichaelLength) return makeError(ErrorCode::Malformed, "TKIP MSDU shorter than its Michael MIC");
    auto key = michaelKey(tk, *header, keyChoice);
    if (!key) return key.error();
    const ByteView body = ByteView(plain).first(plain.size() - kMichaelLength);
    auto mic = michaelMsdu(*key, michaelDestination(*header), michaelSource(*header), michaelPriority(*header), body);
    if (!mic) return mic.error();
    if (!constantTimeEquals(*mic, ByteView(plain).subspan(body.size())))
      return makeError(ErrorCode::MichaelFailure, "TKIP Michael MIC mismatch (ICV was valid), TSC " + std::to_string(tsc));
    plain.resize(body.size());
    out.michael = MichaelCheck::Verified;
  }
  out.plaintext = std::move(plain);
  return out;
}

Result<Bytes> tkipEncrypt(ByteView tk, ByteView header, std::uint64_t tsc, ByteView msduData, std::uint8_t keyId,
                          TkipMichaelKey keyChoice) {
  auto protectedHeader = protectHeader(header);
  if (!protectedHeader) return protectedHeader.error();
  const MacHeader& parsed = protectedHeader->parsed;
  if (!parsed.isData()) return makeError(ErrorCode::InvalidArgument, "TKIP protects data frames only");
  if (tsc >> 48) return makeError(ErrorCode::InvalidArgument, "the TSC has 48 bits");
  if (tk.size() != 32) return makeError(ErrorCode::InvalidArgument, "a TKIP TK has 32 octets (TK || 2 Michael keys)");

  auto key = michaelKey(tk, parsed, keyChoice);
  if (!key) return key.error();
  auto mic = michaelMsdu(*key, michaelDestination(parsed), michaelSource(parsed), michaelPriority(parsed), msduData);
  if (!mic) return mic.error();
  ByteWriter plain;
  plain.bytes(msduData).bytes(*mic);
  plain.u32le(crc32Ieee(plain.data()));

  auto ta = phase1TransmitterAddress(parsed);
  if (!ta) return ta.error();
  auto rc4Key = perPacketKey(tk, *ta, tsc);
  if (!rc4Key) return rc4Key.error();
  auto ciphertext = rc4(*rc4Key, plain.data());
  if (!ciphertext) return ciphertext.error();

  ByteWriter out(std::move(protectedHeader->bytes));
  const std::uint8_t tsc1 = static_cast<std::uint8_t>(tsc >> 8);
  out.u8(tsc1).u8(static_cast<std::uint8_t>((tsc1 | 0x20) & 0x7f)).u8(static_cast<std::uint8_t>(tsc));
  out.u8(static_cast<std::uint8_t>(((keyId & 0x3) << 6) | 0x20)).u32le(static_cast<std::uint32_t>(tsc >> 16));
  out.bytes(*ciphertext);
  wipe(*rc4Key);
  return out.take();
}

}  // namespace rs::crypto
