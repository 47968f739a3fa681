// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The IEEE 802.11 MAC header (IEEE 802.11-2016 9.2.3, 9.3): a typed, zero-copy
// view parsed from untrusted bytes, and its builder. Address roles follow the
// To DS / From DS bits (9.3.2.1 Table 9-26); every accessor says which
// address it means, so callers never index addr1..addr4 by hand.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::ieee80211 {

namespace frame_type {
constexpr std::uint8_t Management = 0;
constexpr std::uint8_t Control = 1;
constexpr std::uint8_t Data = 2;
constexpr std::uint8_t Extension = 3;
}  // namespace frame_type

// Management subtypes (9.2.4.1.3 Table 9-1).
namespace mgmt {
constexpr std::uint8_t AssociationRequest = 0;
constexpr std::uint8_t AssociationResponse = 1;
constexpr std::uint8_t ReassociationRequest = 2;
constexpr std::uint8_t ReassociationResponse = 3;
constexpr std::uint8_t ProbeRequest = 4;
constexpr std::uint8_t ProbeResponse = 5;
constexpr std::uint8_t TimingAdvertisement = 6;
constexpr std::uint8_t Beacon = 8;
constexpr std::uint8_t Atim = 9;
constexpr std::uint8_t Disassociation = 10;
constexpr std::uint8_t Authentication = 11;
constexpr std::uint8_t Deauthentication = 12;
constexpr std::uint8_t Action = 13;
constexpr std::uint8_t ActionNoAck = 14;
}  // namespace mgmt

// Control subtypes.
namespace ctrl {
constexpr std::uint8_t Trigger = 2;
constexpr std::uint8_t BeamformingReportPoll = 4;
constexpr std::uint8_t NdpAnnouncement = 5;
constexpr std::uint8_t ControlFrameExtension = 6;
constexpr std::uint8_t ControlWrapper = 7;
constexpr std::uint8_t BlockAckRequest = 8;
constexpr std::uint8_t BlockAck = 9;
constexpr std::uint8_t PsPoll = 10;
constexpr std::uint8_t Rts = 11;
constexpr std::uint8_t Cts = 12;
constexpr std::uint8_t Ack = 13;
constexpr std::uint8_t CfEnd = 14;
constexpr std::uint8_t CfEndCfAck = 15;
}  // namespace ctrl

// Data subtypes.
namespace data {
constexpr std::uint8_t Data = 0;
constexpr std::uint8_t Null = 4;
constexpr std::uint8_t QosData = 8;
constexpr std::uint8_t QosNull = 12;
}  // namespace data

// Flags octet of the Frame Control field (9.2.4.1.1 Figure 9-3).
namespace fc_flag {
constexpr std::uint8_t ToDs = 0x01;
constexpr std::uint8_t FromDs = 0x02;
constexpr std::uint8_t MoreFragments = 0x04;
constexpr std::uint8_t Retry = 0x08;
constexpr std::uint8_t PowerManagement = 0x10;
constexpr std::uint8_t MoreData = 0x20;
constexpr std::uint8_t Protected = 0x40;
constexpr std::uint8_t Order = 0x80;  // +HTC in QoS data and management frames
}  // namespace fc_flag

// Which fields a header of a given type/subtype/flags carries, and its length.
struct HeaderLayout {
  std::uint8_t addressCount = 0;  // 1..4
  bool sequenceControl = false;
  bool qosControl = false;
  bool htControl = false;
  std::size_t length = 0;
};
HeaderLayout headerLayout(std::uint8_t type, std::uint8_t subtype, std::uint8_t flags);

struct MacHeader {
  // Frame Control (9.2.4.1): first octet = subtype<<4 | type<<2 | version.
  std::uint8_t version = 0;
  std::uint8_t type = 0;
  std::uint8_t subtype = 0;
  std::uint8_t flags = 0;
  std::uint16_t duration = 0;  // Duration/ID: the AID (with bits 14-15 set) in PS-Poll frames
  std::uint8_t addressCount = 0;
  std::array<MacAddress, 4> addr{};  // addr[0] = Address 1 ... only addressCount are meaningful
  bool hasSequenceControl = false;
  std::uint16_t sequenceControl = 0;
  bool hasQosControl = false;
  std::uint16_t qosControl = 0;
  bool hasHtControl = false;
  std::uint32_t htControl = 0;
  std::size_t length = 0;  // header length in octets = offset of the frame body

  // tshark's wlan.fc.type_subtype value ("0x0008" = beacon, "0x0028" = QoS data).
  std::uint16_t typeSubtype() const { return static_cast<std::uint16_t>((type << 4) | subtype); }
  // The Frame Control field as tshark's wlan.fc shows it: first octet in the high byte.
  std::uint16_t frameControlField() const {
    return static_cast<std::uint16_t>((firstOctet() << 8) | flags);
  }
  std::uint8_t firstOctet() const {
    return static_cast<std::uint8_t>(((subtype & 0x0f) << 4) | ((type & 3) << 2) | (version & 3));
  }

  bool isManagement() const { return type == frame_type::Management; }
  bool isControl() const { return type == frame_type::Control; }
  bool isData() const { return type == frame_type::Data; }
  bool isExtension() const { return type == frame_type::Extension; }
  bool isQosData() const { return isData() && (subtype & 0x08); }
  // Data subtypes 4-7 and 12-15 carry no frame body (9.2.4.1.3).
  bool isNullData() const { return isData() && (subtype & 0x04); }

  bool toDs() const { return flags & fc_flag::ToDs; }
  bool fromDs() const { return flags & fc_flag::FromDs; }
  std::uint8_t ds() const { return flags & 0x03; }
  bool moreFragments() const { return flags & fc_flag::MoreFragments; }
  bool retry() const { return flags & fc_flag::Retry; }
  bool powerManagement() const { return flags & fc_flag::PowerManagement; }
  bool moreData() const { return flags & fc_flag::MoreData; }
  bool isProtected() const { return flags & fc_flag::Protected; }
  bool order() const { return flags & fc_flag::Order; }

  std::uint16_t sequenceNumber() const { return static_cast<std::uint16_t>(sequenceControl >> 4); }
  std::uint8_t fragmentNumber() const { return static_cast<std::uint8_t>(sequenceControl & 0x0f); }

  // QoS Control subfields (9.2.4.5).
  std::uint8_t tid() const { return static_cast<std::uint8_t>(qosControl & 0x0f); }
  std::uint8_t ackPolicy() const { return static_cast<std::uint8_t>((qosControl >> 5) & 3); }
  bool eosp() const { return qosControl & 0x0010; }
  bool amsduPresent() const { return qosControl & 0x0080; }

  std::size_t bodyOffset() const { return length; }

  // Address roles (9.3.2.1 Table 9-26, 9.3.3.2, 9.3.1). nullopt when the frame has no such address
  // (no BSSID in 4-address frames; no DA (To DS) / SA (From DS) in the header of an A-MSDU).
  std::optional<MacAddress> ra() const;
  std::optional<MacAddress> ta() const;
  std::optional<MacAddress> da() const;
  std::optional<MacAddress> sa() const;
  std::optional<MacAddress> bssid() const;

  // Convenience constructors for the frames RoamScope emits.
  static MacHeader management(std::uint8_t subtype, const MacAddress& da, const MacAddress& sa,
                              const MacAddress& bssid, std::uint16_t sequenceNumber);
  // QoS Data with the DS bits chosen by direction: toAp = To DS (STA → AP), otherwise From DS.
  static MacHeader qosData(bool toAp, const MacAddress& bssid, const MacAddress& sta, const MacAddress& otherEnd,
                           std::uint16_t sequenceNumber, std::uint8_t tid);
};

// The address roles are read for nearly every frame by the analyses: defined here so they inline.
inline std::optional<MacAddress> MacHeader::ra() const {
  if (addressCount < 1) return std::nullopt;
  return addr[0];
}

inline std::optional<MacAddress> MacHeader::ta() const {
  if (addressCount < 2) return std::nullopt;
  return addr[1];
}

namespace detail {
// 9.3.2.1 Table 9-26 (A-MSDU rows): Address 3 of a To-DS/From-DS A-MSDU is the BSSID;
// the DA/SA it would otherwise carry are in each subframe.
inline bool address3IsBssidForAmsdu(const MacHeader& h) {
  return h.isData() && h.hasQosControl && h.amsduPresent() && (h.ds() == 1 || h.ds() == 2);
}
}  // namespace detail

inline std::optional<MacAddress> MacHeader::da() const {
  if (!isManagement() && !isData()) return std::nullopt;
  if (ds() == 1 && detail::address3IsBssidForAmsdu(*this)) return std::nullopt;
  if (isData() && toDs()) return addr[2];  // To DS=1 (with or without From DS): Address 3
  return addr[0];
}

inline std::optional<MacAddress> MacHeader::sa() const {
  if (!isManagement() && !isData()) return std::nullopt;
  if (ds() == 2 && detail::address3IsBssidForAmsdu(*this)) return std::nullopt;
  if (isData()) {
    if (toDs() && fromDs()) return addr[3];
    if (fromDs()) return addr[2];
  }
  return addr[1];
}

inline std::optional<MacAddress> MacHeader::bssid() const {
  if (isManagement()) return addr[2];
  if (isData()) {
    switch (ds()) {
      case 0: return addr[2];
      case 1: return addr[0];
      case 2: return addr[1];
      default: return std::nullopt;  // WDS/mesh: no BSSID in the header
    }
  }
  if (isControl()) {
    if (subtype == ctrl::PsPoll) return addr[0];
    if (subtype == ctrl::CfEnd || subtype == ctrl::CfEndCfAck) return addr[1];
    return std::nullopt;
  }
  if (isExtension() && addressCount >= 1) return addr[0];
  return std::nullopt;
}


// Parses the header; nullopt when the frame is shorter than the header its Frame Control announces
// or the protocol version is not 0.
std::optional<MacHeader> parseMacHeader(ByteView frame);
// The same into a header the caller holds (false, `out` unspecified, when parseMacHeader gives nullopt): for
// per-frame paths, where copying the freshly written header out again costs more than parsing it.
bool parseMacHeaderInto(ByteView frame, MacHeader& out);
// Serialises the header fields that the struct says are present (addressCount, has* flags).
Bytes buildMacHeader(const MacHeader& header);

}  // namespace rs::ieee80211

namespace rs {
using ieee80211::buildMacHeader;
using ieee80211::MacHeader;
using ieee80211::parseMacHeader;
}  // namespace rs
