// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/mschap_key_material.h"

#include <fmt/format.h>

#include "core/crypto/mschapv2.h"

namespace rs::aaa {
namespace {

using crypto::ErrorCode;
using crypto::makeError;
namespace ms = crypto::mschapv2;

crypto::Result<crypto::SecretBytes> masterKey(ByteView passwordHash, ByteView ntResponse) {
  if (passwordHash.size() != 16)
    return makeError(ErrorCode::InvalidArgument, fmt::format("NT password hash of {} octets (needs 16)", passwordHash.size()));
  if (ntResponse.size() != kNtResponseLength)
    return makeError(ErrorCode::InvalidArgument, fmt::format("NT-Response of {} octets (needs 24)", ntResponse.size()));
  auto hashHash = ms::hashNtPasswordHash(passwordHash);
  if (!hashHash) return hashHash.error();
  return ms::getMasterKey(*hashHash, ntResponse);
}

crypto::SecretBytes concatenate(ByteView first, ByteView second) {
  crypto::SecretBytes out(first.size() + second.size());
  std::copy(first.begin(), first.end(), out.data());
  std::copy(second.begin(), second.end(), out.data() + first.size());
  return out;
}

}  // namespace

crypto::Result<MppeKeys> aaaServerMppeKeys(ByteView passwordHash, ByteView ntResponse) {
  auto master = masterKey(passwordHash, ntResponse);
  if (!master) return master.error();
  auto send = ms::getAsymmetricStartKey(*master, kMppeKeyLength, /*isSend=*/true, /*isServer=*/true);
  if (!send) return send.error();
  auto recv = ms::getAsymmetricStartKey(*master, kMppeKeyLength, /*isSend=*/false, /*isServer=*/true);
  if (!recv) return recv.error();
  return MppeKeys{std::move(*send), std::move(*recv)};
}

crypto::Result<crypto::SecretBytes> keyMaterialFromMppeKeys(ByteView recvKey, ByteView sendKey) {
  if (recvKey.size() != kMppeKeyLength || sendKey.size() != kMppeKeyLength)
    return makeError(ErrorCode::InvalidArgument,
                     fmt::format("MPPE keys of {} and {} octets (x'' needs two of 16)", recvKey.size(), sendKey.size()));
  return concatenate(recvKey, sendKey);
}

crypto::Result<crypto::SecretBytes> mobileNodeKeyMaterialFromHash(ByteView passwordHash, ByteView ntResponse) {
  auto master = masterKey(passwordHash, ntResponse);
  if (!master) return master.error();
  // The client's send key is what the server receives with, and the other way round.
  auto clientSend = ms::getAsymmetricStartKey(*master, kMppeKeyLength, /*isSend=*/true, /*isServer=*/false);
  if (!clientSend) return clientSend.error();
  auto clientRecv = ms::getAsymmetricStartKey(*master, kMppeKeyLength, /*isSend=*/false, /*isServer=*/false);
  if (!clientRecv) return clientRecv.error();
  return concatenate(*clientSend, *clientRecv);  // = server Recv-Key || server Send-Key
}

crypto::Result<crypto::SecretBytes> mobileNodeKeyMaterial(std::string_view password, ByteView ntResponse) {
  auto hash = ms::ntPasswordHash(password);
  if (!hash) return hash.error();
  return mobileNodeKeyMaterialFromHash(*hash, ntResponse);
}

}  // namespace rs::aaa
