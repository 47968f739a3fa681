// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The seed-001 registration messages as each end builds and checks them
// (docs/protocols/seed-001.md 1-4), on top of the Mobile IP builders and the
// seed-001 key derivations: the order of the steps (peer challenge before
// NT-Response, Skey before the MHAE) lives here once, not in every caller.
#include <optional>
#include <string>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"
#include "dissectors/mip/mip_build.h"
#include "dissectors/mip/seed001_extensions.h"

namespace rs::mip::seed001 {

template <class T>
using Result = crypto::Result<T>;

// What the MN is configured with (seed Fig. 8: a Windows password and user).
struct Credentials {
  std::string nai;       // "user@realm"; the MS-CHAPv2 user name is the part before '@'
  std::string domain;    // Windows domain; empty: no domain-name extension
  std::string password;  // UTF-8
};

struct InitialRequest {
  Bytes message;             // the signed Registration Request
  Bytes peerChallenge;       // 16
  Bytes ntResponse;          // 24
  crypto::SecretBytes skey;        // what the MN installs once the reply verifies
  crypto::SecretBytes skeyPrime;
};

// MN: the initial request of Fig. 10A — NAI, Skey and Skey' extensions,
// domain name, authentication protocol, the MN's authenticator challenge
// (16 random octets the caller draws), peer challenge, NT-Response, and the
// MHAE with SPI skey.spi keyed with Skey.
Result<InitialRequest> buildInitialRequest(const RequestHeader& header, const Credentials& credentials,
                                           ByteView authenticatorChallenge, const KeyExtension& skey,
                                           const KeyExtension& skeyPrime);

// HA on receiving an initial request: the MS-CHAPv2 values to send to the AAA
// server, and whether the carried peer challenge equals the one recomputed
// from the request (false: reject, the request was altered).
struct InitialRequestCheck {
  MsChapV2Exchange chap;  // views into the request
  KeyExtension skey;
  KeyExtension skeyPrime;
  bool peerChallengeValid = false;
};
// Malformed when the request lacks the NAI, a challenge, the NT-Response or a key extension.
Result<InitialRequestCheck> checkInitialRequest(ByteView request);

struct SessionKeys {
  crypto::SecretBytes skey;
  crypto::SecretBytes skeyPrime;
};
// HA after the Access-Accept: x'' = Recv-Key || Send-Key, then Skey and
// Skey' (from the request's identification). `mhaeValid` says whether the
// request's MHAE verifies with that Skey.
struct HomeAgentKeys {
  SessionKeys keys;
  bool mhaeValid = false;
};
Result<HomeAgentKeys> homeAgentKeys(ByteView request, ByteView mppeRecvKey, ByteView mppeSendKey);

// Replies and later requests, each with its MHAE computed:
// initial reply (Fig. 10B): NAI, Skey and Skey' extensions, the optional
// "S=..." authenticator response, MHAE(skey.spi, Skey).
Result<Bytes> buildInitialReply(const ReplyHeader& header, std::string_view nai, const KeyExtension& skey,
                                const KeyExtension& skeyPrime, std::string_view authenticatorResponse,
                                ByteView skeyValue);
// Re-keying request or reply (Figs. 11A, 11B): NAI, Skey' extension, MHAE(skeySpi, Skey).
Result<Bytes> buildRekeyRequest(const RequestHeader& header, std::string_view nai, const KeyExtension& skeyPrime,
                                std::uint32_t skeySpi, ByteView skeyValue);
Result<Bytes> buildRekeyReply(const ReplyHeader& header, std::string_view nai, const KeyExtension& skeyPrime,
                              std::uint32_t skeySpi, ByteView skeyValue);
// Any other registration request or reply: NAI and MHAE(spi, key) (Skey' in use).
Result<Bytes> buildAuthenticatedRequest(const RequestHeader& header, std::string_view nai, std::uint32_t spi,
                                        ByteView key);
Result<Bytes> buildAuthenticatedReply(const ReplyHeader& header, std::string_view nai, std::uint32_t spi,
                                      ByteView key);

}  // namespace rs::mip::seed001
