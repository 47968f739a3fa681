// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The three answers of an 802.1X authentication server to an Access-Request
// carrying EAP (RFC 3579 2.1, 3.2), built and signed with the client's shared
// secret: Response Authenticator (RFC 2865 3) over the request's
// authenticator, Message-Authenticator (RFC 3579 3.2) in every reply.
//
//   Access-Challenge: EAP-Message (the EAP-Request), State, Message-Authenticator
//   Access-Accept:    User-Name, MS-MPPE-Recv-Key, MS-MPPE-Send-Key,
//                     EAP-Message (EAP-Success), Message-Authenticator
//   Access-Reject:    EAP-Message (EAP-Failure), Message-Authenticator
//
// In the Accept, RFC 5216 2.3 splits the MSK: Enc-RECV-Key = MSK(0,31) goes in
// MS-MPPE-Recv-Key and Enc-SEND-Key = MSK(32,63) in MS-MPPE-Send-Key, each
// salt-encrypted (RFC 2548 2.4.2, 2.4.3). The AP's PMK is the Recv-Key
// (IEEE 802.11-2016 12.7.1.3: PMK = L(MSK, 0, 256)).
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::wlan {

// What every reply shares: the request it answers and the client's secret.
struct RadiusReplyContext {
  std::uint8_t identifier = 0;    // the Access-Request's (RFC 2865 3: the reply repeats it)
  ByteView requestAuthenticator;  // the Access-Request's 16 octets
  ByteView secret;                // the RADIUS client's shared secret
  // The request's Proxy-State values, which a reply must repeat unchanged and in order (RFC 2865 5.33) so
  // a proxy can match it; the MS-CHAPv2 replies (aaa/mschap_access_reply.h) copy them.
  std::vector<ByteView> proxyStates;
};

// Two distinct salts with the most significant bit set (RFC 2548 2.4.2).
struct MppeSalts {
  std::uint16_t recv = 0x8000;
  std::uint16_t send = 0x8001;
};

crypto::Result<Bytes> buildAccessChallenge(const RadiusReplyContext& request, ByteView eapRequest, ByteView state);
// InvalidArgument when the MSK is shorter than 64 octets or the salts break RFC 2548.
crypto::Result<Bytes> buildAccessAccept(const RadiusReplyContext& request, ByteView eapSuccess,
                                        std::string_view userName, const crypto::SecretBytes& msk,
                                        const MppeSalts& salts);
crypto::Result<Bytes> buildAccessReject(const RadiusReplyContext& request, ByteView eapFailure);

}  // namespace rs::wlan
