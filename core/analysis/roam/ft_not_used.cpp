// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/ft_not_used.h"

#include <fmt/format.h>

namespace rs::roam {

std::optional<Diagnostic> ftAdvertisedNotUsed(const HandoffRecord& r, const ApDirectory& directory) {
  // A first join cannot use FT (the initial mobility domain association is a full one, IEEE 802.11-2016 13.4).
  if (!r.from || (r.method != Method::Full8021X && r.method != Method::Psk)) return std::nullopt;
  const ApInfo* target = directory.find(r.to.bssid);
  if (!target || !target->mdid || !target->ftAkm) return std::nullopt;
  // FT works only within one mobility domain (13.2): an old AP in another domain is no missed chance.
  if (const ApInfo* old = directory.find(r.from->bssid); old && old->mdid && *old->mdid != *target->mdid)
    return std::nullopt;
  Diagnostic d;
  d.kind = "ft-advertised-not-used";
  d.message = fmt::format("{} advertises 802.11r (mobility domain 0x{:04x}, FT AKM) but the roam used {}",
                          r.to.bssid.toString(), *target->mdid, methodName(r.method));
  d.values = {{"mdid", std::int64_t{*target->mdid}}, {"method", std::string(methodName(r.method))}};
  return d;
}

}  // namespace rs::roam
