// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/radius_key_annotator.h"

#include <fmt/format.h>

#include "core/crypto/radius_crypto.h"
#include "dissectors/radius/radius.h"

namespace rs {
namespace {

// The RADIUS packet of the layer: its bytes start at the layer's offset in the frame.
std::optional<radius::Packet> packetOf(const Field& layer, ByteView frame) {
  if (layer.offset >= frame.size()) return std::nullopt;
  return radius::parsePacket(frame.subspan(layer.offset));
}

Field& addSecret(Field& parent, std::string name, std::string label, ByteView value, std::size_t offset,
                 std::size_t length) {
  Field& f = parent.addBytes(std::move(name), std::move(label) + ": " + toHex(value), value, offset);
  f.length = static_cast<std::uint32_t>(length);
  f.secret = true;
  return f;
}

void annotateAccept(const RadiusMskFinding& finding, const KeyRing& keys, const radius::Packet& p, Field& layer) {
  Field& node = layer.addText("RADIUS keys (RoamScope)", layer.offset, 0);
  node.addUint("roamscope.radius.request_frame",
               fmt::format("Access-Request in frame {}", finding.requestFrame + 1), finding.requestFrame + 1,
               layer.offset, 0);
  if (!finding.secretIndex) {
    node.addUint("roamscope.radius.authenticator_valid",
                 "Response Authenticator: no shared secret given verifies it", 0, layer.offset + 4, 16)
        .expert = "No RADIUS shared secret verifies this reply";
    return;
  }
  node.addUint("roamscope.radius.authenticator_valid",
               fmt::format("Response Authenticator: valid with shared secret #{}", *finding.secretIndex + 1), 1,
               layer.offset + 4, 16);
  if (finding.messageAuthenticatorValid) {
    Field& f = node.addUint("roamscope.radius.message_authenticator_valid",
                            fmt::format("Message-Authenticator: {}", *finding.messageAuthenticatorValid ? "valid"
                                                                                                        : "INVALID"),
                            *finding.messageAuthenticatorValid ? 1 : 0, layer.offset, 0);
    if (!*finding.messageAuthenticatorValid) f.expert = "Message-Authenticator does not verify";
  }
  const ByteView secret = asView(keys.radiusSecrets()[*finding.secretIndex]);
  const struct {
    std::uint8_t type;
    const char* name;
    const char* label;
  } kKeys[] = {{radius::ms::kMppeRecvKey, "roamscope.radius.mppe_recv_key", "MS-MPPE-Recv-Key (decrypted)"},
               {radius::ms::kMppeSendKey, "roamscope.radius.mppe_send_key", "MS-MPPE-Send-Key (decrypted)"}};
  for (const auto& k : kKeys) {
    const auto vsa = p.vendorAttribute(radius::kVendorMicrosoft, k.type);
    if (!vsa) continue;
    auto key = crypto::radius::decryptMppeKey(vsa->value, finding.requestAuthenticator, secret);
    const std::size_t at = layer.offset + vsa->offset + 2;
    if (!key) {
      node.addText(fmt::format("{}: {}", k.label, key.error().describe()), at, vsa->value.size()).expert =
          "MPPE key does not decrypt";
      continue;
    }
    addSecret(node, k.name, k.label, key->view(), at, vsa->value.size());
  }
  node.addText(fmt::format("Verdict: {}", radiusMskVerdictName(finding.verdict)), layer.offset, 0);
}

void annotateRequest(const KeyRing& keys, const radius::Packet& p, Field& layer) {
  const radius::Attribute* password = p.find(radius::attr::kUserPassword);
  if (!password || !p.messageAuthenticatorOffset()) return;
  // The Message-Authenticator of an Access-Request covers its own authenticator (RFC 3579 3.2),
  // so it tells which secret hides the password.
  for (const auto& s : keys.radiusSecrets()) {
    const auto ok = crypto::radius::verifyMessageAuthenticator(p.packet, p.authenticator, asView(s));
    if (!ok || !*ok) continue;
    auto plain = crypto::radius::unhideUserPassword(password->value, p.authenticator, asView(s));
    if (!plain) return;
    Field& node = layer.addText("RADIUS keys (RoamScope)", layer.offset, 0);
    Field& f = addSecret(node, "roamscope.radius.user_password", "User-Password (decrypted)", plain->view(),
                         layer.offset + password->offset + 2, password->value.size());
    f.kind = FieldKind::Text;
    f.text.assign(plain->view().begin(), plain->view().end());
    return;
  }
}

}  // namespace

void annotateRadiusKeys(const RadiusMskRecovery& recovery, const KeyRing& keys, const FrameView& frame,
                        Dissection& d) {
  for (std::size_t i = 0; i < d.layers.size(); ++i) {
    Field& layer = d.layers[i];
    if (layer.name != "radius" || d.layerSource[i] != 0) continue;
    const auto p = packetOf(layer, frame.data);
    if (!p) continue;
    if (p->code == radius::code::kAccessAccept) {
      if (const RadiusMskFinding* f = recovery.findingAt(frame.index)) annotateAccept(*f, keys, *p, layer);
    } else if (p->code == radius::code::kAccessRequest) {
      annotateRequest(keys, *p, layer);
    }
  }
}

}  // namespace rs
