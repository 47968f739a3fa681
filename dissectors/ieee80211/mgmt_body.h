// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Typed zero-copy views of management frame bodies (IEEE 802.11-2016 9.3.3)
// and their builders. A view's ByteView members point into the parsed frame;
// for building they point into the caller's buffers. Parsers take the frame
// body (the bytes after the MAC header) and return nullopt when it is shorter
// than its fixed fields.
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/ieee80211/mac_header.h"

namespace rs::ieee80211 {

// Capability Information field (9.4.1.4).
namespace capability {
constexpr std::uint16_t Ess = 0x0001;
constexpr std::uint16_t Ibss = 0x0002;
constexpr std::uint16_t Privacy = 0x0010;
constexpr std::uint16_t ShortPreamble = 0x0020;
constexpr std::uint16_t SpectrumManagement = 0x0100;
constexpr std::uint16_t Qos = 0x0200;
constexpr std::uint16_t ShortSlotTime = 0x0400;
constexpr std::uint16_t Apsd = 0x0800;
constexpr std::uint16_t RadioMeasurement = 0x1000;
constexpr std::uint16_t Epd = 0x2000;
}  // namespace capability

// Authentication Algorithm Number (9.4.1.1).
namespace auth_algorithm {
constexpr std::uint16_t OpenSystem = 0;
constexpr std::uint16_t SharedKey = 1;
constexpr std::uint16_t FastBssTransition = 2;
constexpr std::uint16_t Sae = 3;
constexpr std::uint16_t FilsSharedKey = 4;
constexpr std::uint16_t FilsSharedKeyPfs = 5;
constexpr std::uint16_t FilsPublicKey = 6;
}  // namespace auth_algorithm

// Action frame categories used by the roaming protocols (9.4.1.11 Table 9-76).
namespace category {
constexpr std::uint8_t SpectrumManagement = 0;
constexpr std::uint8_t Qos = 1;
constexpr std::uint8_t BlockAck = 3;
constexpr std::uint8_t Public = 4;
constexpr std::uint8_t RadioMeasurement = 5;
constexpr std::uint8_t FastBssTransition = 6;
constexpr std::uint8_t HighThroughput = 7;
constexpr std::uint8_t SaQuery = 8;
constexpr std::uint8_t ProtectedDualPublic = 9;
constexpr std::uint8_t Wnm = 10;
constexpr std::uint8_t VendorSpecific = 127;
}  // namespace category

// Beacon and Probe Response (9.3.3.3, 9.3.3.11): identical fixed fields.
struct BeaconBody {
  std::uint64_t timestamp = 0;
  std::uint16_t beaconInterval = 0;  // in TU (1024 µs)
  std::uint16_t capabilities = 0;
  ByteView elements;
};

struct ProbeRequestBody {
  ByteView elements;
};

// Authentication (9.3.3.12). `trailer` is everything after the three fixed
// fields: elements for most algorithms, the SAE Commit/Confirm fields for SAE.
struct AuthenticationBody {
  std::uint16_t algorithm = 0;
  std::uint16_t transactionSequence = 0;
  std::uint16_t statusCode = 0;
  ByteView trailer;
};

// SAE Commit (12.4.7.4 Figure 12-33 / 9.4.1.x): group, optional anti-clogging token, scalar, element.
struct SaeCommit {
  std::uint16_t group = 0;
  ByteView antiCloggingToken;
  ByteView scalar;
  ByteView element;
  ByteView rest;  // elements after the element (password identifier, ...)
};
struct SaeConfirm {
  std::uint16_t sendConfirm = 0;
  ByteView confirm;
  ByteView rest;
};
// Scalar/element lengths of an SAE group (12.4.4): {primeLength, elementLength}; nullopt if unknown.
struct SaeGroupSizes {
  std::size_t scalar = 0;
  std::size_t element = 0;
};
std::optional<SaeGroupSizes> saeGroupSizes(std::uint16_t group);
// Splits an SAE Commit trailer; `statusCode` 76 means an anti-clogging token precedes the scalar.
std::optional<SaeCommit> parseSaeCommit(ByteView trailer, std::uint16_t statusCode);
std::optional<SaeConfirm> parseSaeConfirm(ByteView trailer);

// (Re)Association Request (9.3.3.6, 9.3.3.8).
struct AssociationRequestBody {
  std::uint16_t capabilities = 0;
  std::uint16_t listenInterval = 0;
  std::optional<MacAddress> currentAp;  // present in Reassociation Requests only
  ByteView elements;
};

// (Re)Association Response (9.3.3.7, 9.3.3.9).
struct AssociationResponseBody {
  std::uint16_t capabilities = 0;
  std::uint16_t statusCode = 0;
  std::uint16_t associationIdField = 0;  // as on the wire: AID with bits 14-15 set (9.4.1.8)
  ByteView elements;
  std::uint16_t aid() const { return associationIdField & 0x3fff; }
};

// Deauthentication / Disassociation (9.3.3.13, 9.3.3.5).
struct ReasonBody {
  std::uint16_t reasonCode = 0;
  ByteView elements;  // vendor-specific elements, MME
};

// Any Action / Action No Ack frame (9.3.3.14): category, action and the rest.
struct ActionBody {
  std::uint8_t category = 0;
  std::optional<std::uint8_t> action;  // vendor-specific categories have an OUI instead
  ByteView rest;                       // after the action field
};

// FT Request/Response/Confirm/Ack (9.6.8.2-9.6.8.5).
struct FtActionBody {
  std::uint8_t action = 1;  // 1 Request, 2 Response, 3 Confirm, 4 Ack
  MacAddress staAddress;
  MacAddress targetApAddress;
  std::optional<std::uint16_t> statusCode;  // Response and Ack only
  ByteView elements;
  static bool hasStatus(std::uint8_t action) { return action == 2 || action == 4; }
};

// SA Query Request/Response (9.6.10).
struct SaQueryBody {
  std::uint8_t action = 0;  // 0 Request, 1 Response
  std::uint16_t transactionId = 0;  // the 2 octets read little-endian, as tshark shows them
};

// Block Ack ADDBA Request/Response and DELBA (9.6.5.2-9.6.5.4).
struct AddbaBody {
  std::uint8_t action = 0;  // 0 Request, 1 Response
  std::uint8_t dialogToken = 0;
  std::optional<std::uint16_t> statusCode;  // Response only
  std::uint16_t parameters = 0;
  std::uint16_t timeout = 0;
  std::optional<std::uint16_t> startingSequenceControl;  // Request only
  ByteView elements;
};
struct DelbaBody {
  std::uint16_t parameters = 0;
  std::uint16_t reasonCode = 0;
  ByteView elements;
};

std::optional<BeaconBody> parseBeaconBody(ByteView body);
ProbeRequestBody parseProbeRequestBody(ByteView body);
std::optional<AuthenticationBody> parseAuthenticationBody(ByteView body);
std::optional<AssociationRequestBody> parseAssociationRequestBody(ByteView body, bool reassociation);
std::optional<AssociationResponseBody> parseAssociationResponseBody(ByteView body);
std::optional<ReasonBody> parseReasonBody(ByteView body);
std::optional<ActionBody> parseActionBody(ByteView body);
std::optional<FtActionBody> parseFtActionBody(ByteView body);        // body starts at the category
std::optional<SaQueryBody> parseSaQueryBody(ByteView body);          // body starts at the category
std::optional<AddbaBody> parseAddbaBody(ByteView body);              // body starts at the category
std::optional<DelbaBody> parseDelbaBody(ByteView body);              // body starts at the category

// Builders: the header's type/subtype are set to the frame being built and its
// length recomputed; everything else (addresses, flags, sequence) is the caller's.
Bytes buildBeacon(MacHeader header, const BeaconBody& body);
Bytes buildProbeResponse(MacHeader header, const BeaconBody& body);
Bytes buildProbeRequest(MacHeader header, const ProbeRequestBody& body);
Bytes buildAuthentication(MacHeader header, const AuthenticationBody& body);
Bytes buildSaeCommitTrailer(const SaeCommit& commit);
Bytes buildSaeConfirmTrailer(const SaeConfirm& confirm);
// Reassociation Request when body.currentAp is set.
Bytes buildAssociationRequest(MacHeader header, const AssociationRequestBody& body);
Bytes buildAssociationResponse(MacHeader header, const AssociationResponseBody& body, bool reassociation);
Bytes buildDeauthentication(MacHeader header, const ReasonBody& body);
Bytes buildDisassociation(MacHeader header, const ReasonBody& body);
Bytes buildFtAction(MacHeader header, const FtActionBody& body);
Bytes buildSaQuery(MacHeader header, const SaQueryBody& body);
// A data frame: the header as given (QoS Data from MacHeader::qosData) followed by the MSDU.
Bytes buildDataFrame(const MacHeader& header, ByteView msdu);

}  // namespace rs::ieee80211
