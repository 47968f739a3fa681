// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/mip/registration_classifier.h"

#include "dissectors/mip/seed001_extensions.h"

namespace rs::mipreg {

namespace {

std::optional<std::uint32_t> mobileHomeSpi(const mip::Message& m) {
  const mip::Extension* e = m.find(mip::ext::kMobileHomeAuth);
  if (!e) return std::nullopt;
  const auto auth = mip::authenticationData(*e);
  return auth ? std::optional(auth->spi) : std::nullopt;
}

bool hasSeedExtension(const mip::Message& m, std::uint16_t vendorType) {
  return m.vendorExtension(mip::ext::kCvse, mip::seed001::kVendorId, vendorType).has_value();
}

}  // namespace

Classification classifyRequest(const mip::Message& request, const HomeHistory& history) {
  namespace vtype = mip::seed001::vtype;
  Classification c;
  if (const auto prime = request.vendorExtension(mip::ext::kCvse, mip::seed001::kVendorId, vtype::kSkeyPrime))
    if (const auto key = mip::seed001::parseKeyExtension(prime->value)) c.skeyPrimeSpi = key->spi;
  const auto spi = mobileHomeSpi(request);
  if (hasSeedExtension(request, vtype::kNtResponse))
    c.auth = Auth::AaaDynamic;
  else if (spi && c.skeyPrimeSpi)
    c.auth = Auth::SkeyRekey;
  else if (spi && history.skeyPrimeSpi && *spi == *history.skeyPrimeSpi)
    c.auth = Auth::SkeyPrime;
  else
    c.auth = Auth::Static;  // the SA names are not on the wire: an SPI the seed did not install is the configured key

  // RFC 3344 5.7: an identification not newer than the last accepted one is refused as a replay; the MN's own
  // identifications only grow, so such a request is somebody's copy.
  if (history.lastAcceptedIdentification && request.identification <= *history.lastAcceptedIdentification)
    c.trigger = Trigger::Replayed;
  else if (request.lifetime == 0 || request.careOfAddress == request.homeAddress)
    c.trigger = Trigger::Deregistration;  // RFC 3344 3.6.1.1
  else if (c.auth == Auth::SkeyRekey)
    c.trigger = Trigger::Rekey;
  else {
    // Per home agent: a first registration with another HA (after a failover) is a movement to it too.
    const auto it = history.careOfByHomeAgent.find(request.homeAgent);
    c.trigger = it == history.careOfByHomeAgent.end() || it->second != request.careOfAddress ? Trigger::Movement
                                                                                              : Trigger::Renewal;
  }
  return c;
}

void rememberAccepted(HomeHistory& history, const RegistrationRecord& r, const Classification& c) {
  if (!history.lastAcceptedIdentification || r.identification > *history.lastAcceptedIdentification)
    history.lastAcceptedIdentification = r.identification;
  history.careOfByHomeAgent[r.homeAgent] = r.careOfAddress;
  if ((c.auth == Auth::AaaDynamic || c.auth == Auth::SkeyRekey) && c.skeyPrimeSpi) history.skeyPrimeSpi = c.skeyPrimeSpi;
}

}  // namespace rs::mipreg
