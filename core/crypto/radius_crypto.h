// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RADIUS cryptography, keyed by the client-server shared secret:
// authenticators (RFC 2865 3, RFC 2866 3, RFC 5176 3.5), Message-Authenticator
// (RFC 3579 3.2), User-Password hiding (RFC 2865 5.2) and the salt encryption
// of MS-MPPE-Send-Key / MS-MPPE-Recv-Key (RFC 2548 2.4.2, 2.4.3).
// `packet` arguments are whole RADIUS packets as on the wire (20-byte header
// first, exactly Length octets); the secret is passed as bytes.
#include <cstdint>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto::radius {

// RFC 2865 3: ResponseAuth = MD5(Code | ID | Length | RequestAuth | Attributes | Secret),
// for Access-Accept/-Reject/-Challenge and every other reply.
Result<Bytes> responseAuthenticator(ByteView reply, ByteView requestAuthenticator, ByteView secret);
// True when the reply's Authenticator field equals responseAuthenticator (constant time).
Result<bool> verifyResponseAuthenticator(ByteView reply, ByteView requestAuthenticator, ByteView secret);

// RFC 2866 3: RequestAuth = MD5(Code | ID | Length | 16 zero octets | Attributes | Secret),
// for Accounting-Request; RFC 5176 3.5 uses the same for Disconnect- and CoA-Request.
Result<Bytes> accountingRequestAuthenticator(ByteView request, ByteView secret);
Result<bool> verifyAccountingRequestAuthenticator(ByteView request, ByteView secret);

// RFC 3579 3.2: Message-Authenticator = HMAC-MD5(Secret, Type | Identifier | Length |
// Authenticator | Attributes) with the Message-Authenticator value taken as 16
// zero octets. `authenticator` is the one the HMAC covers: the packet's own
// Request Authenticator for Access-Request and Status-Server; for a reply,
// the Request Authenticator of the request it answers; 16 zero octets for
// Accounting-Request and CoA/Disconnect-Request (RFC 5176 3.5).
// Malformed when the packet has no 16-octet Message-Authenticator.
Result<Bytes> messageAuthenticator(ByteView packet, ByteView authenticator, ByteView secret);
Result<bool> verifyMessageAuthenticator(ByteView packet, ByteView authenticator, ByteView secret);

// Signing for builders (the packet was made with PacketBuilder): writes the
// Message-Authenticator (if the packet has one) and then the authenticator
// field. For an Access-Request only the Message-Authenticator is written (its
// Request Authenticator is the random value it was built with).
Result<bool> signMessageAuthenticator(Bytes& packet, ByteView authenticator, ByteView secret);
// A reply: Message-Authenticator over the request's authenticator, then the Response Authenticator.
Result<bool> signReply(Bytes& reply, ByteView requestAuthenticator, ByteView secret);
// Accounting-Request, Disconnect-/CoA-Request: Message-Authenticator over zeros, then RFC 2866 3.
Result<bool> signAccountingRequest(Bytes& request, ByteView secret);

// RFC 2865 5.2: the password padded with zeros to a multiple of 16 (at most 128
// octets), c(i) = p(i) xor MD5(S | c(i-1)) with c(0) = Request Authenticator.
// InvalidArgument for an empty password or one longer than 128 octets.
Result<Bytes> hideUserPassword(ByteView password, ByteView requestAuthenticator, ByteView secret);
// The reverse; trailing zero padding is removed. Malformed unless 16-128 octets in multiples of 16.
Result<SecretBytes> unhideUserPassword(ByteView hidden, ByteView requestAuthenticator, ByteView secret);

// RFC 2548 2.4.2: P = key-length octet | key | zero padding to a multiple of 16;
// b(1) = MD5(S | R | A), c(1) = p(1) xor b(1), b(i) = MD5(S | c(i-1));
// the attribute value is A | c(1) | c(2) ... with A the 2-octet Salt, whose
// most significant bit must be set (InvalidArgument otherwise) and which must
// be unique per key of an Access-Accept. R is the Access-Request's authenticator.
Result<Bytes> encryptMppeKey(ByteView key, std::uint16_t salt, ByteView requestAuthenticator, ByteView secret);
// The key from an MS-MPPE-Send-Key / -Recv-Key value (Salt | ciphertext).
// Malformed when the ciphertext is not a non-zero multiple of 16 or the decrypted
// key-length octet exceeds what follows it (typically: a wrong secret).
Result<SecretBytes> decryptMppeKey(ByteView saltAndCiphertext, ByteView requestAuthenticator, ByteView secret);

}  // namespace rs::crypto::radius
