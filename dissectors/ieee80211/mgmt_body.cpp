// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/mgmt_body.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::ieee80211 {

std::optional<SaeGroupSizes> saeGroupSizes(std::uint16_t group) {
  // IANA "Group Description" registry (RFC 2409/3526/5114/5903/6932): the
  // scalar is as long as the group order, the element is one field element
  // (FFC) or two coordinates (ECC), 12.4.7.2.
  switch (group) {
    case 1: return SaeGroupSizes{96, 96};
    case 2: return SaeGroupSizes{128, 128};
    case 5: return SaeGroupSizes{192, 192};
    case 14: return SaeGroupSizes{256, 256};
    case 15: return SaeGroupSizes{384, 384};
    case 16: return SaeGroupSizes{512, 512};
    case 17: return SaeGroupSizes{768, 768};
    case 18: return SaeGroupSizes{1024, 1024};
    case 19: return SaeGroupSizes{32, 64};
    case 20: return SaeGroupSizes{48, 96};
    case 21: return SaeGroupSizes{66, 132};
    case 22: return SaeGroupSizes{20, 128};
    case 23: return SaeGroupSizes{28, 256};
    case 24: return SaeGroupSizes{32, 256};
    case 25: return SaeGroupSizes{24, 48};
    case 26: return SaeGroupSizes{28, 56};
    case 27: return SaeGroupSizes{28, 56};
    case 28: return SaeGroupSizes{32, 64};
    case 29: return SaeGroupSizes{48, 96};
    case 30: return SaeGroupSizes{64, 128};
    default: return std::nullopt;
  }
}

std::optional<SaeCommit> parseSaeCommit(ByteView trailer, std::uint16_t statusCode) {
  ByteReader r(trailer);
  SaeCommit c;
  c.group = r.u16le();
  const auto sizes = saeGroupSizes(c.group);
  if (r.failed() || !sizes) return std::nullopt;
  // 12.4.8.6.4: a Commit answering an anti-clogging request (status 76) carries the token
  // between the group and the scalar; its length is what remains beyond scalar + element.
  const std::size_t fixed = sizes->scalar + sizes->element;
  if (statusCode == 76) {
    if (r.remaining() < fixed) return std::nullopt;
    c.antiCloggingToken = r.bytes(r.remaining() - fixed);
  }
  c.scalar = r.bytes(sizes->scalar);
  c.element = r.bytes(sizes->element);
  c.rest = r.rest();
  if (r.failed()) return std::nullopt;
  return c;
}

std::optional<SaeConfirm> parseSaeConfirm(ByteView trailer) {
  ByteReader r(trailer);
  SaeConfirm c;
  c.sendConfirm = r.u16le();
  // The Confirm is a hash output; its length is that of the group's hash (32 for
  // groups 19/28, 48 for 20/29, 64 for 21/30): RoamScope takes the rest of the body.
  c.confirm = r.rest();
  if (r.failed() || c.confirm.empty()) return std::nullopt;
  return c;
}

std::optional<BeaconBody> parseBeaconBody(ByteView body) {
  ByteReader r(body);
  BeaconBody b;
  b.timestamp = r.u64le();
  b.beaconInterval = r.u16le();
  b.capabilities = r.u16le();
  if (r.failed()) return std::nullopt;
  b.elements = r.rest();
  return b;
}

ProbeRequestBody parseProbeRequestBody(ByteView body) { return ProbeRequestBody{body}; }

std::optional<AuthenticationBody> parseAuthenticationBody(ByteView body) {
  ByteReader r(body);
  AuthenticationBody a;
  a.algorithm = r.u16le();
  a.transactionSequence = r.u16le();
  a.statusCode = r.u16le();
  if (r.failed()) return std::nullopt;
  a.trailer = r.rest();
  return a;
}

std::optional<AssociationRequestBody> parseAssociationRequestBody(ByteView body, bool reassociation) {
  ByteReader r(body);
  AssociationRequestBody a;
  a.capabilities = r.u16le();
  a.listenInterval = r.u16le();
  if (reassociation) {
    const ByteView ap = r.bytes(6);
    if (!r.failed()) a.currentAp = MacAddress::fromView(ap);
  }
  if (r.failed()) return std::nullopt;
  a.elements = r.rest();
  return a;
}

std::optional<AssociationResponseBody> parseAssociationResponseBody(ByteView body) {
  ByteReader r(body);
  AssociationResponseBody a;
  a.capabilities = r.u16le();
  a.statusCode = r.u16le();
  a.associationIdField = r.u16le();
  if (r.failed()) return std::nullopt;
  a.elements = r.rest();
  return a;
}

std::optional<ReasonBody> parseReasonBody(ByteView body) {
  ByteReader r(body);
  ReasonBody b;
  b.reasonCode = r.u16le();
  if (r.failed()) return std::nullopt;
  b.elements = r.rest();
  return b;
}

std::optional<ActionBody> parseActionBody(ByteView body) {
  ByteReader r(body);
  ActionBody a;
  a.category = r.u8();
  if (r.failed()) return std::nullopt;
  if (a.category != category::VendorSpecific && a.category != 126 && !r.empty()) a.action = r.u8();
  a.rest = r.rest();
  return a;
}

std::optional<FtActionBody> parseFtActionBody(ByteView body) {
  ByteReader r(body);
  if (r.u8() != category::FastBssTransition) return std::nullopt;
  FtActionBody f;
  f.action = r.u8();
  const ByteView sta = r.bytes(6);
  const ByteView ap = r.bytes(6);
  if (FtActionBody::hasStatus(f.action)) f.statusCode = r.u16le();
  if (r.failed()) return std::nullopt;
  f.staAddress = MacAddress::fromView(sta);
  f.targetApAddress = MacAddress::fromView(ap);
  f.elements = r.rest();
  return f;
}

std::optional<SaQueryBody> parseSaQueryBody(ByteView body) {
  ByteReader r(body);
  if (r.u8() != category::SaQuery) return std::nullopt;
  SaQueryBody s;
  s.action = r.u8();
  s.transactionId = r.u16le();
  if (r.failed()) return std::nullopt;
  return s;
}

std::optional<AddbaBody> parseAddbaBody(ByteView body) {
  ByteReader r(body);
  if (r.u8() != category::BlockAck) return std::nullopt;
  AddbaBody a;
  a.action = r.u8();
  if (a.action > 1) return std::nullopt;
  a.dialogToken = r.u8();
  if (a.action == 1) a.statusCode = r.u16le();
  a.parameters = r.u16le();
  a.timeout = r.u16le();
  if (a.action == 0) a.startingSequenceControl = r.u16le();
  if (r.failed()) return std::nullopt;
  a.elements = r.rest();
  return a;
}

std::optional<DelbaBody> parseDelbaBody(ByteView body) {
  ByteReader r(body);
  if (r.u8() != category::BlockAck || r.u8() != 2) return std::nullopt;
  DelbaBody d;
  d.parameters = r.u16le();
  d.reasonCode = r.u16le();
  if (r.failed()) return std::nullopt;
  d.elements = r.rest();
  return d;
}

namespace {

ByteWriter startFrame(MacHeader& header, std::uint8_t type, std::uint8_t subtype) {
  header.type = type;
  header.subtype = subtype;
  const HeaderLayout layout = headerLayout(type, subtype, header.flags);
  header.addressCount = layout.addressCount;
  header.hasSequenceControl = layout.sequenceControl;
  header.hasQosControl = layout.qosControl;
  header.hasHtControl = layout.htControl;
  header.length = layout.length;
  return ByteWriter(buildMacHeader(header));
}

Bytes buildBeaconLike(MacHeader header, std::uint8_t subtype, const BeaconBody& body) {
  ByteWriter w = startFrame(header, frame_type::Management, subtype);
  w.u64le(body.timestamp).u16le(body.beaconInterval).u16le(body.capabilities).bytes(body.elements);
  return w.take();
}

Bytes buildReasonFrame(MacHeader header, std::uint8_t subtype, const ReasonBody& body) {
  ByteWriter w = startFrame(header, frame_type::Management, subtype);
  w.u16le(body.reasonCode).bytes(body.elements);
  return w.take();
}

}  // namespace

Bytes buildBeacon(MacHeader header, const BeaconBody& body) { return buildBeaconLike(header, mgmt::Beacon, body); }

Bytes buildProbeResponse(MacHeader header, const BeaconBody& body) {
  return buildBeaconLike(header, mgmt::ProbeResponse, body);
}

Bytes buildProbeRequest(MacHeader header, const ProbeRequestBody& body) {
  ByteWriter w = startFrame(header, frame_type::Management, mgmt::ProbeRequest);
  w.bytes(body.elements);
  return w.take();
}

Bytes buildAuthentication(MacHeader header, const AuthenticationBody& body) {
  ByteWriter w = startFrame(header, frame_type::Management, mgmt::Authentication);
  w.u16le(body.algorithm).u16le(body.transactionSequence).u16le(body.statusCode).bytes(body.trailer);
  return w.take();
}

Bytes buildSaeCommitTrailer(const SaeCommit& commit) {
  ByteWriter w;
  w.u16le(commit.group).bytes(commit.antiCloggingToken).bytes(commit.scalar).bytes(commit.element).bytes(commit.rest);
  return w.take();
}

Bytes buildSaeConfirmTrailer(const SaeConfirm& confirm) {
  ByteWriter w;
  w.u16le(confirm.sendConfirm).bytes(confirm.confirm).bytes(confirm.rest);
  return w.take();
}

Bytes buildAssociationRequest(MacHeader header, const AssociationRequestBody& body) {
  const std::uint8_t subtype = body.currentAp ? mgmt::ReassociationRequest : mgmt::AssociationRequest;
  ByteWriter w = startFrame(header, frame_type::Management, subtype);
  w.u16le(body.capabilities).u16le(body.listenInterval);
  if (body.currentAp) w.bytes(body.currentAp->view());
  w.bytes(body.elements);
  return w.take();
}

Bytes buildAssociationResponse(MacHeader header, const AssociationResponseBody& body, bool reassociation) {
  ByteWriter w = startFrame(header, frame_type::Management,
                            reassociation ? mgmt::ReassociationResponse : mgmt::AssociationResponse);
  w.u16le(body.capabilities).u16le(body.statusCode).u16le(body.associationIdField).bytes(body.elements);
  return w.take();
}

Bytes buildDeauthentication(MacHeader header, const ReasonBody& body) {
  return buildReasonFrame(header, mgmt::Deauthentication, body);
}

Bytes buildDisassociation(MacHeader header, const ReasonBody& body) {
  return buildReasonFrame(header, mgmt::Disassociation, body);
}

Bytes buildFtAction(MacHeader header, const FtActionBody& body) {
  ByteWriter w = startFrame(header, frame_type::Management, mgmt::Action);
  w.u8(category::FastBssTransition).u8(body.action).bytes(body.staAddress.view()).bytes(body.targetApAddress.view());
  if (FtActionBody::hasStatus(body.action)) w.u16le(body.statusCode.value_or(0));
  w.bytes(body.elements);
  return w.take();
}

Bytes buildSaQuery(MacHeader header, const SaQueryBody& body) {
  ByteWriter w = startFrame(header, frame_type::Management, mgmt::Action);
  w.u8(category::SaQuery).u8(body.action).u16le(body.transactionId);
  return w.take();
}

Bytes buildDataFrame(const MacHeader& header, ByteView msdu) {
  ByteWriter w(buildMacHeader(header));
  w.bytes(msdu);
  return w.take();
}

}  // namespace rs::ieee80211
