// SPDX-License-Identifier: GPL-3.0-or-later
// dissectTcp: the "tcp" layer (header summary only; payload goes to dissectData).
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/checksum.h"
#include "dissectors/inet/enclosing_ip.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/tcp.h"

namespace rs {
namespace {

struct FlagBit {
  std::uint16_t mask;
  const char* field;
  const char* label;
  const char* summary;  // name in the info column's "[SYN, ACK]"
  char letter;          // letter in tcp.flags.str
};
constexpr FlagBit kFlags[] = {
    {0x100, "tcp.flags.ae", "Accurate ECN", nullptr, 'A'},
    {inet::tcpflag::kCwr, "tcp.flags.cwr", "Congestion Window Reduced", "CWR", 'C'},
    {inet::tcpflag::kEce, "tcp.flags.ece", "ECN-Echo", "ECE", 'E'},
    {inet::tcpflag::kUrg, "tcp.flags.urg", "Urgent", "URG", 'U'},
    {inet::tcpflag::kAck, "tcp.flags.ack", "Acknowledgment", "ACK", 'A'},
    {inet::tcpflag::kPsh, "tcp.flags.push", "Push", "PSH", 'P'},
    {inet::tcpflag::kRst, "tcp.flags.reset", "Reset", "RST", 'R'},
    {inet::tcpflag::kSyn, "tcp.flags.syn", "Syn", "SYN", 'S'},
    {inet::tcpflag::kFin, "tcp.flags.fin", "Fin", "FIN", 'F'},
};

// The info column's flag list in tshark's order: FIN, SYN, RST, PSH, ACK, URG, ECE, CWR.
std::string flagSummary(std::uint16_t flags) {
  static constexpr std::pair<std::uint16_t, const char*> kOrder[] = {
      {inet::tcpflag::kFin, "FIN"}, {inet::tcpflag::kSyn, "SYN"}, {inet::tcpflag::kRst, "RST"},
      {inet::tcpflag::kPsh, "PSH"}, {inet::tcpflag::kAck, "ACK"}, {inet::tcpflag::kUrg, "URG"},
      {inet::tcpflag::kEce, "ECE"}, {inet::tcpflag::kCwr, "CWR"}, {inet::tcpflag::kAe, "AE"}};
  std::string s;
  for (const auto& [mask, name] : kOrder) {
    if (!(flags & mask)) continue;
    if (!s.empty()) s += ", ";
    s += name;
  }
  return s.empty() ? "<None>" : s;
}

}  // namespace

void dissectTcp(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  Field layer = makeLayer("tcp", "Transmission Control Protocol", base, std::min(data.size(), inet::kTcpMinHeaderLength));
  out.protocol = "TCP";
  auto fail = [&](std::string reason, std::size_t at) {
    out.info = reason;
    // A segment quoted in an ICMP error holds only its first 8 octets: cut short by design.
    if (ctx.quoted)
      layer.addText(fmt::format("[Quoted segment ends: {}]", reason), at, 0);
    else
      out.markMalformed(layer, std::move(reason), at);
    out.addLayer(std::move(layer), ctx.source);
  };
  ByteReader r(data, base);
  const std::uint16_t sport = r.u16be();
  const std::uint16_t dport = r.u16be();
  const std::uint32_t seq = r.u32be();
  const std::uint32_t ack = r.u32be();
  const std::uint16_t offsetFlags = r.u16be();
  const std::uint16_t window = r.u16be();
  const std::uint16_t checksum = r.u16be();
  const std::uint16_t urgent = r.u16be();
  const std::size_t have = data.size();
  if (have >= 4) {
    layer.addUint("tcp.srcport", fmt::format("Source Port: {}", sport), sport, base, 2);
    layer.addUint("tcp.dstport", fmt::format("Destination Port: {}", dport), dport, base + 2, 2);
    layer.addUint("tcp.port", fmt::format("Source or Destination Port: {}", sport), sport, base, 2);
    layer.addUint("tcp.port", fmt::format("Source or Destination Port: {}", dport), dport, base + 2, 2);
  }
  if (have >= 8) layer.addUint("tcp.seq_raw", fmt::format("Sequence Number (raw): {}", seq), seq, base + 4, 4);
  if (have >= 12) layer.addUint("tcp.ack_raw", fmt::format("Acknowledgment number (raw): {}", ack), ack, base + 8, 4);
  const unsigned headerLength = (offsetFlags >> 12) * 4u;
  const std::uint16_t flags = offsetFlags & 0x0fff;
  if (have >= 14) {
    layer.addUint("tcp.hdr_len", fmt::format("{:04b} .... = Header Length: {} bytes ({})", offsetFlags >> 12,
                                             headerLength, offsetFlags >> 12),
                  headerLength, base + 12, 1);
    std::string letters;
    Field& f = layer.addUint("tcp.flags", fmt::format("Flags: {} ({})", hexString(flags, 4), flagSummary(flags)),
                             flags, base + 12, 2, 4);
    f.addUint("tcp.flags.res", fmt::format("Reserved: {}", (flags & 0xe00) ? "Set" : "Not set"), (flags & 0xe00) != 0,
              base + 12, 2);
    letters = (flags & 0xe00) ? "RRR" : "···";
    for (const auto& bit : kFlags) {
      const bool set = (flags & bit.mask) != 0;
      f.addUint(bit.field, fmt::format("{}: {}", bit.label, set ? "Set" : "Not set"), set, base + 12, 2);
      letters += set ? std::string(1, bit.letter) : std::string("·");
    }
    f.addString("tcp.flags.str", "[TCP Flags: " + letters + "]", letters, base + 12, 2);
  }
  if (have >= 16) layer.addUint("tcp.window_size_value", fmt::format("Window: {}", window), window, base + 14, 2);
  if (r.failed()) return fail("TCP header truncated", base + have);
  if (headerLength < inet::kTcpMinHeaderLength)
    return fail(fmt::format("Bogus TCP header length ({}, must be at least 20)", headerLength), base + 12);

  layer.addUint("tcp.checksum", "Checksum: " + hexString(checksum, 4), checksum, base + 16, 2, 4);
  inet::ChecksumStatus status = inet::ChecksumStatus::Unverified;
  if (const auto ip = inet::enclosingIp(out, ctx.source))
    status = inet::pseudoHeaderChecksum(*ip, inet::kIpProtoTcp, data) == 0 ? inet::ChecksumStatus::Good
                                                                          : inet::ChecksumStatus::Bad;
  Field& st = layer.addUint("tcp.checksum.status",
                            status == inet::ChecksumStatus::Good  ? "[Checksum Status: Good]"
                            : status == inet::ChecksumStatus::Bad ? "[Checksum Status: Bad]"
                                                                  : "[Checksum Status: Unverified]",
                            static_cast<std::uint8_t>(status), base + 16, 0);
  if (status == inet::ChecksumStatus::Bad) st.expert = "Bad TCP checksum";
  layer.addUint("tcp.urgent_pointer", fmt::format("Urgent Pointer: {}", urgent), urgent, base + 18, 2);
  if (headerLength > have) return fail("TCP header length exceeds the data", base + have);
  layer.length = headerLength;
  if (headerLength > inet::kTcpMinHeaderLength) {
    const ByteView options = data.subspan(inet::kTcpMinHeaderLength, headerLength - inet::kTcpMinHeaderLength);
    layer.addBytes("tcp.options", fmt::format("Options: ({} bytes)", options.size()), options,
                   base + inet::kTcpMinHeaderLength);
  }
  const std::size_t payloadLength = have - headerLength;
  layer.addUint("tcp.len", fmt::format("[TCP Segment Len: {}]", payloadLength), payloadLength, base + 12, 0);
  layer.label = fmt::format("Transmission Control Protocol, Src Port: {}, Dst Port: {}, Len: {}", sport, dport,
                            payloadLength);
  // Sequence numbers are raw: relative numbering needs the conversation, which
  // is the analysis layer's job.
  out.info = fmt::format("{} → {} [{}] Seq={}{} Win={} Len={}{}", sport, dport, flagSummary(flags), seq,
                         (flags & inet::tcpflag::kAck) ? fmt::format(" Ack={}", ack) : std::string(), window,
                         payloadLength, status == inet::ChecksumStatus::Bad ? " [TCP CHECKSUM INCORRECT]" : "");
  out.addLayer(std::move(layer), ctx.source);
  dissectData(PayloadContext{ctx.frame, base + headerLength, ctx.source}, out);
}

}  // namespace rs
