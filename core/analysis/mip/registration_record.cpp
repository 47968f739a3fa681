// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/mip/registration_record.h"

namespace rs::mipreg {

std::string_view triggerName(Trigger t) {
  switch (t) {
    case Trigger::Movement: return "movement";
    case Trigger::Renewal: return "renewal";
    case Trigger::Rekey: return "re-key";
    case Trigger::Deregistration: return "deregistration";
    case Trigger::Replayed: return "replayed";
  }
  return "unknown";
}

std::string_view authName(Auth a) {
  switch (a) {
    case Auth::Static: return "static";
    case Auth::AaaDynamic: return "aaa-dynamic";
    case Auth::SkeyPrime: return "skey-prime";
    case Auth::SkeyRekey: return "skey-rekey";
  }
  return "unknown";
}

std::string_view stepName(Step s) {
  switch (s) {
    case Step::Attach: return "attach";
    case Step::Advertisement: return "advertisement";
    case Step::Request: return "request";
    case Step::FaAccessRequest: return "fa-access-request";
    case Step::FaAccessReply: return "fa-access-reply";
    case Step::RelayedRequest: return "relayed-request";
    case Step::AccessRequest: return "access-request";
    case Step::AccessReply: return "access-reply";
    case Step::Reply: return "reply";
    case Step::RelayedReply: return "relayed-reply";
    case Step::ReplyReceived: return "reply-received";
  }
  return "unknown";
}

std::string_view figureName(Figure f) {
  switch (f) {
    case Figure::Registration: return "registration";
    case Figure::MovementToRegistered: return "movement-to-registered";
    case Figure::MnToFa: return "mn-fa";
    case Figure::FaAaaRoundTrip: return "fa-aaa-round-trip";
    case Figure::FaToHa: return "fa-ha";
    case Figure::AaaRoundTrip: return "aaa-round-trip";
    case Figure::HomeAgentKeys: return "home-agent";
    case Figure::HaToMn: return "ha-mn";
  }
  return "unknown";
}

void RegistrationRecord::computeLatency() {
  latencyNs.clear();
  auto at = [this](Step s) -> std::optional<std::int64_t> {
    const auto it = steps.find(s);
    return it == steps.end() ? std::nullopt : std::optional(it->second);
  };
  auto span = [this](Figure f, std::optional<std::int64_t> from, std::optional<std::int64_t> to) {
    if (from && to && *to >= *from) latencyNs[f] = *to - *from;
  };
  // The reply as the MN's link carries it: relayed by the FA, or straight from the HA (co-located care-of).
  const auto replyOnMnLink = foreignAgent ? at(Step::RelayedReply) : at(Step::Reply);
  if (success) {
    span(Figure::Registration, at(Step::Request), replyOnMnLink);
    span(Figure::MovementToRegistered, at(Step::Attach), replyOnMnLink);
  }
  // RFC 3012: an FA that checks the MN-AAA authenticator asks its AAA server before it relays; fa-ha then starts
  // with the answer, so that the hops still add up to the registration.
  const auto faAsks = at(Step::FaAccessRequest);
  span(Figure::MnToFa, at(Step::Request), faAsks ? faAsks : at(Step::RelayedRequest));
  span(Figure::FaAaaRoundTrip, faAsks, at(Step::FaAccessReply));
  const auto atHa = !foreignAgent ? at(Step::Request) : faAsks ? at(Step::FaAccessReply) : at(Step::RelayedRequest);
  span(Figure::FaToHa, atHa, at(Step::AccessRequest) ? at(Step::AccessRequest) : at(Step::Reply));
  span(Figure::AaaRoundTrip, at(Step::AccessRequest), at(Step::AccessReply));
  span(Figure::HomeAgentKeys, at(Step::AccessReply), at(Step::Reply));
  span(Figure::HaToMn, at(Step::Reply), at(Step::RelayedReply));
}

}  // namespace rs::mipreg
