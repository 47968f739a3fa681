// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/eap_summary.h"

#include <fmt/format.h>

#include "dissectors/eapol/eap.h"

namespace rs::wlan {

std::string summarizeEap(ByteView eap) {
  const auto p = eapol::parseEap(eap);
  if (!p) return fmt::format("{} octets that are no EAP packet", eap.size());
  const std::string id = fmt::format("(id {})", p->identifier);
  std::string code = "EAP-" + std::string(eapol::eapCodeName(p->code));
  if (!p->type) return fmt::format("{} {}", code, id);
  switch (*p->type) {
    case eapol::eaptype::kIdentity:
      return fmt::format("{}/Identity \"{}\" {}", code, p->text(), id);
    case eapol::eaptype::kNak:
      return fmt::format("{}/Nak {}", code, id);
    case eapol::eaptype::kTls: {
      if (!p->tls) break;
      const auto& tls = *p->tls;
      if (tls.start()) return fmt::format("{}/EAP-TLS Start {}", code, id);
      if (tls.fragment.empty()) return fmt::format("{}/EAP-TLS acknowledgement {}", code, id);
      return fmt::format("{}/EAP-TLS, {} TLS octets{} {}", code, tls.fragment.size(),
                         tls.moreFragments() ? ", more fragments" : "", id);
    }
    default:
      break;
  }
  return fmt::format("{}/{} {}", code, eapol::eapTypeName(*p->type), id);
}

}  // namespace rs::wlan
