// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/radius_client.h"

#include <fmt/format.h>

#include "core/crypto/radius_crypto.h"
#include "dissectors/radius/radius.h"

namespace rs::wlan {
namespace {

// "02-00-00-00-00-01", the IEEE 802.1X / RFC 3580 3.20-3.21 station-id form.
std::string stationId(const MacAddress& mac) {
  const auto& o = mac.octets;
  return fmt::format("{:02X}-{:02X}-{:02X}-{:02X}-{:02X}-{:02X}", o[0], o[1], o[2], o[3], o[4], o[5]);
}

constexpr std::uint32_t kNasPortTypeWireless80211 = 19;  // RFC 2865 5.41 / RFC 3580 3.26

}  // namespace

std::optional<Bytes> RadiusClient::accessRequest(const MacAddress& sta, const std::string& userName, ByteView eap,
                                                 ByteView state) {
  Bytes authenticator = random_.bytes(16);
  const std::uint8_t id = nextIdentifier_++;
  radius::PacketBuilder b(radius::code::kAccessRequest, id, authenticator);
  b.addText(radius::attr::kUserName, userName)
      .addIpv4(radius::attr::kNasIpAddress, config_.nasIp)
      .addText(radius::attr::kCalledStationId, stationId(config_.bssid) + ":" + config_.ssid)
      .addText(radius::attr::kCallingStationId, stationId(sta))
      .addText(radius::attr::kNasIdentifier, config_.nasIdentifier)
      .addU32(radius::attr::kNasPortType, kNasPortTypeWireless80211)
      .addU32(radius::attr::kFramedMtu, 1400)
      .addEapMessage(eap);
  if (!state.empty()) b.add(radius::attr::kState, state);
  b.addMessageAuthenticator();
  auto packet = b.build();
  if (!packet) return std::nullopt;
  if (!crypto::radius::signMessageAuthenticator(*packet, authenticator, asView(config_.secret))) return std::nullopt;
  pending_[id] = Pending{sta, std::move(authenticator)};
  return packet;
}

std::optional<RadiusReply> RadiusClient::onReply(ByteView bytes, std::string& why) {
  const auto packet = radius::parsePacket(bytes);
  if (!packet || packet->truncated || packet->malformedAt) {
    why = "not a well-formed RADIUS packet";
    return std::nullopt;
  }
  const auto it = pending_.find(packet->identifier);
  if (it == pending_.end()) {
    why = fmt::format("no request pending with identifier {}", packet->identifier);
    return std::nullopt;
  }
  const ByteView secret = asView(config_.secret);
  const ByteView whole = packet->packet;
  auto authOk = crypto::radius::verifyResponseAuthenticator(whole, it->second.requestAuthenticator, secret);
  if (!authOk || !*authOk) {
    why = "Response Authenticator does not verify (RFC 2865 3)";
    return std::nullopt;
  }
  if (packet->messageAuthenticatorOffset()) {
    auto macOk = crypto::radius::verifyMessageAuthenticator(whole, it->second.requestAuthenticator, secret);
    if (!macOk || !*macOk) {
      why = "Message-Authenticator does not verify (RFC 3579 3.2)";
      return std::nullopt;
    }
  }
  RadiusReply reply;
  reply.sta = it->second.sta;
  reply.code = packet->code;
  reply.eap = packet->eapMessage();
  if (const auto* s = packet->find(radius::attr::kState)) reply.state = toBytes(s->value);
  if (packet->code == radius::code::kAccessAccept) {
    const auto recv = packet->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeRecvKey);
    if (!recv) {
      why = "Access-Accept without MS-MPPE-Recv-Key";
      return std::nullopt;
    }
    auto key = crypto::radius::decryptMppeKey(recv->value, it->second.requestAuthenticator, secret);
    if (!key || key->size() < 32) {
      why = "MS-MPPE-Recv-Key does not decrypt to a 32-octet key";
      return std::nullopt;
    }
    reply.pmk = crypto::SecretBytes(key->subview(0, 32));
    // FT-802.1X needs the whole MSK (XXKey = L(MSK, 256, 256), IEEE 802.11-2016 12.7.1.7.3).
    if (const auto send = packet->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeSendKey)) {
      auto sendKey = crypto::radius::decryptMppeKey(send->value, it->second.requestAuthenticator, secret);
      if (sendKey && sendKey->size() >= 32) {
        Bytes msk = toBytes(key->subview(0, 32));
        const ByteView second = sendKey->subview(0, 32);
        msk.insert(msk.end(), second.begin(), second.end());
        reply.msk = crypto::SecretBytes(msk);
        crypto::wipe(msk);
      }
    }
  }
  pending_.erase(it);
  return reply;
}

}  // namespace rs::wlan
