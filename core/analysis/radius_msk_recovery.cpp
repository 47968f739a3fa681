// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/radius_msk_recovery.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/analysis/radius_datagram.h"
#include "core/crypto/radius_crypto.h"
#include "dissectors/inet/udp.h"
#include "dissectors/radius/radius.h"

namespace rs {
namespace {

std::string frameOrigin(std::uint64_t frameIndex, const std::string& callingStationId,
                        const std::optional<MacAddress>& station) {
  std::string origin = fmt::format("RADIUS Access-Accept in frame {}", frameIndex + 1);
  if (station) return origin + " for " + station->toString();
  if (!callingStationId.empty()) return origin + " for '" + callingStationId + "'";
  return origin;
}

}  // namespace

std::string_view radiusMskVerdictName(RadiusMskVerdict v) {
  switch (v) {
    case RadiusMskVerdict::Recovered: return "key recovered (PMK in the key ring)";
    case RadiusMskVerdict::NoSecretMatched: return "no shared secret verifies the Response Authenticator";
    case RadiusMskVerdict::NoMppeKeys: return "no MS-MPPE-Send-Key/Recv-Key in the Access-Accept";
    case RadiusMskVerdict::KeysUndecryptable: return "MS-MPPE keys do not decrypt";
    case RadiusMskVerdict::NotAnMsk: return "MPPE session keys (MS-CHAPv2), not an EAP MSK";
  }
  return "";
}

RadiusMskRecovery::RadiusMskRecovery(KeyRing& keys) : keys_(keys) {
  // Decode As choices are made before an analysis starts (udp.h), so they are read once here.
  ports_ = radiusAuthenticationPorts();
}

bool RadiusMskRecovery::isRadiusPort(std::uint16_t port) const {
  return std::find(ports_.begin(), ports_.end(), port) != ports_.end();
}

const RadiusMskFinding* RadiusMskRecovery::findingAt(std::uint64_t frameIndex) const {
  for (const auto& f : findings_)
    if (f.frame == frameIndex) return &f;
  return nullptr;
}

std::size_t RadiusMskRecovery::recovered() const {
  return static_cast<std::size_t>(std::count_if(findings_.begin(), findings_.end(), [](const RadiusMskFinding& f) {
    return f.verdict == RadiusMskVerdict::Recovered;
  }));
}

void RadiusMskRecovery::expire(std::int64_t nowNs) {
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (nowNs - it->second.timestampNs > kPendingLifetimeNs)
      it = pending_.erase(it);
    else
      ++it;
  }
  while (pending_.size() >= kMaxPending) {
    auto oldest = std::min_element(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) {
      return a.second.frame < b.second.frame;
    });
    pending_.erase(oldest);
  }
}

void RadiusMskRecovery::observe(const FrameView& frame) {
  if (keys_.radiusSecrets().empty()) return;
  const auto d = locateUdpDatagram(frame.linkType, frame.data);
  if (!d) return;
  const std::uint16_t sport = d->udp.sourcePort;
  const std::uint16_t dport = d->udp.destinationPort;
  if (!isRadiusPort(sport) && !isRadiusPort(dport)) return;
  const auto p = radius::parsePacket(d->udp.payload);
  if (!p || p->truncated) return;

  if (p->code == radius::code::kAccessRequest && isRadiusPort(dport)) {
    if (pending_.size() >= kMaxPending) expire(frame.timestampNs);
    PendingRequest r;
    r.frame = frame.index;
    r.timestampNs = frame.timestampNs;
    r.authenticator = toBytes(p->authenticator);
    r.callingStationId = p->text(radius::attr::kCallingStationId).value_or("");
    r.userName = p->text(radius::attr::kUserName).value_or("");
    // A retransmission (same key) replaces the earlier copy.
    pending_[RequestKey{d->source, sport, d->destination, dport, p->identifier}] = std::move(r);
    return;
  }
  if (!radius::isResponseCode(p->code) || !isRadiusPort(sport)) return;
  const auto it = pending_.find(RequestKey{d->destination, dport, d->source, sport, p->identifier});
  if (it == pending_.end()) return;
  const PendingRequest request = std::move(it->second);
  pending_.erase(it);
  if (p->code == radius::code::kAccessAccept) onAccept(frame, p->packet, request);
}

void RadiusMskRecovery::onAccept(const FrameView& frame, ByteView reply, const PendingRequest& request) {
  RadiusMskFinding f;
  f.frame = frame.index;
  f.requestFrame = request.frame;
  f.callingStationId = request.callingStationId;
  f.userName = request.userName;
  f.requestAuthenticator = request.authenticator;
  if (const auto mac = radius::stationIdMac(request.callingStationId)) f.station = MacAddress::fromView(*mac);

  const auto& secrets = keys_.radiusSecrets();
  for (std::size_t i = 0; i < secrets.size(); ++i) {
    const auto ok = crypto::radius::verifyResponseAuthenticator(reply, request.authenticator, asView(secrets[i]));
    if (ok && *ok) {
      f.secretIndex = i;
      break;
    }
  }
  if (!f.secretIndex) {
    findings_.push_back(std::move(f));
    return;
  }
  const ByteView secret = asView(secrets[*f.secretIndex]);
  const auto p = radius::parsePacket(reply);
  if (p->messageAuthenticatorOffset()) {
    const auto ma = crypto::radius::verifyMessageAuthenticator(reply, request.authenticator, secret);
    f.messageAuthenticatorValid = ma && *ma;
  }
  const auto recv = p->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeRecvKey);
  const auto send = p->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeSendKey);
  if (!recv || !send) {
    f.verdict = RadiusMskVerdict::NoMppeKeys;
    findings_.push_back(std::move(f));
    return;
  }
  auto recvKey = crypto::radius::decryptMppeKey(recv->value, request.authenticator, secret);
  auto sendKey = crypto::radius::decryptMppeKey(send->value, request.authenticator, secret);
  if (!recvKey || !sendKey) {
    f.verdict = RadiusMskVerdict::KeysUndecryptable;
    findings_.push_back(std::move(f));
    return;
  }
  // RFC 5216 2.3: MSK = Enc-RECV-Key (MS-MPPE-Recv-Key) || Enc-SEND-Key (MS-MPPE-Send-Key).
  crypto::SecretBytes msk(recvKey->size() + sendKey->size());
  std::copy(recvKey->view().begin(), recvKey->view().end(), msk.data());
  std::copy(sendKey->view().begin(), sendKey->view().end(), msk.data() + recvKey->size());
  f.mskLength = msk.size();
  const std::string origin = frameOrigin(frame.index, f.callingStationId, f.station);
  const bool eap = p->find(radius::attr::kEapMessage) != nullptr;
  if (msk.size() >= 64) {
    keys_.addMsk(std::move(msk), origin);
    f.verdict = RadiusMskVerdict::Recovered;
  } else if (eap && msk.size() >= 32) {
    // EAP methods that export only 32 octets (EAP-MSCHAPv2: MasterReceiveKey ||
    // MasterSendKey, RFC 3079 3.4): PMK = L(key, 0, 256) (IEEE 802.11-2016
    // 12.7.1.3) is then the whole key, as hostapd and wpa_supplicant use it.
    keys_.addPmk(crypto::SecretBytes(msk.subview(0, 32)), "PMK of the 32-octet EAP key from " + origin);
    f.verdict = RadiusMskVerdict::Recovered;
  } else {
    // MS-CHAPv2 without EAP (RFC 2548 with RFC 3079): 16-octet MPPE session keys, not an 802.1X key.
    f.verdict = RadiusMskVerdict::NotAnMsk;
  }
  findings_.push_back(std::move(f));
}

}  // namespace rs
