// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/exchange.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "dissectors/eapol/eap.h"
#include "dissectors/ieee80211/mgmt_body.h"

namespace rs::roam {
namespace {

constexpr std::array<std::string_view, kExchangeKindCount> kKindNames{
    "probe", "authentication", "ft-action", "reassociation", "eap", "radius", "m1-m2", "m3-m4", "group-m1-m2",
    "seed000-m1-m2", "seed000-m2-m3"};

}  // namespace

std::string_view exchangeKindName(ExchangeKind k) { return kKindNames[static_cast<std::size_t>(k)]; }

std::string eapStepName(std::uint8_t type) {
  switch (type) {
    case eapol::eaptype::kIdentity: return "identity";
    case eapol::eaptype::kNotification: return "notification";
    case eapol::eaptype::kNak: return "nak";
    case eapol::eaptype::kMd5Challenge: return "md5";
    case eapol::eaptype::kTls: return "tls";
    case 18: return "sim";  // RFC 4186
    case eapol::eaptype::kTtls: return "ttls";
    case 23: return "aka";  // RFC 4187
    case eapol::eaptype::kPeap: return "peap";
    case eapol::eaptype::kMsChapV2: return "mschapv2";
    case eapol::eaptype::kFast: return "fast";
    case 50: return "aka-prime";  // RFC 5448
    case 52: return "pwd";        // RFC 5931
    case eapol::eaptype::kTeap: return "teap";
    case eapol::eaptype::kExpanded: return "expanded";
    default: return fmt::format("type-{}", type);
  }
}

std::string authenticationStepName(std::uint16_t algorithm, std::uint16_t sequence) {
  namespace alg = ieee80211::auth_algorithm;
  switch (algorithm) {
    case alg::OpenSystem: return "open";
    case alg::SharedKey: return "shared-key";
    case alg::FastBssTransition: return "ft";
    // SAE: sequence 1 is Commit, 2 is Confirm (IEEE 802.11-2016 12.4.7.6, Table 9-36).
    case alg::Sae: return sequence == 2 ? "sae-confirm" : "sae-commit";
    case alg::FilsSharedKey:
    case alg::FilsSharedKeyPfs:
    case alg::FilsPublicKey: return "fils";
    default: return fmt::format("algorithm-{}", algorithm);
  }
}

void ExchangePairer::request(ExchangeKind kind, std::uint64_t key, FrameStamp at, std::string step,
                             std::optional<std::uint64_t> tag) {
  auto it = std::find_if(pending_.begin(), pending_.end(),
                         [&](const Pending& p) { return p.kind == kind && p.key == key; });
  if (it == pending_.end()) {
    if (pending_.size() == kMaxPending) pending_.erase(pending_.begin());  // the oldest waits no more
    pending_.push_back(Pending{kind, key, std::move(step), 0, {}});
    it = pending_.end() - 1;
  }
  ++it->count;
  if (it->transmissions.size() == kMaxTransmissions) it->transmissions.erase(it->transmissions.begin());
  it->transmissions.push_back(Transmission{at, tag});
}

std::optional<Exchange> ExchangePairer::respond(ExchangeKind kind, std::uint64_t key, FrameStamp at,
                                                std::optional<std::uint64_t> tag) {
  auto it = std::find_if(pending_.begin(), pending_.end(),
                         [&](const Pending& p) { return p.kind == kind && p.key == key; });
  if (it == pending_.end() || it->transmissions.empty()) return std::nullopt;
  const Transmission* answered = &it->transmissions.back();
  if (tag) {
    for (auto t = it->transmissions.rbegin(); t != it->transmissions.rend(); ++t) {
      if (t->tag == tag) {
        answered = &*t;
        break;
      }
    }
  }
  Exchange e;
  e.kind = kind;
  e.step = std::move(it->step);
  e.request = answered->at;
  e.response = at;
  e.retries = it->count - 1;
  pending_.erase(it);
  return e;
}

void appendExchange(std::vector<Exchange>& list, std::size_t& dropped, Exchange e, std::size_t cap) {
  if (list.size() < cap)
    list.push_back(std::move(e));
  else
    ++dropped;
}

}  // namespace rs::roam
