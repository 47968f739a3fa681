// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One TLS endpoint run by OpenSSL over two memory BIOs: bytes from the other
// side are fed in, the handshake is advanced without blocking, and the records
// OpenSSL wants to send are taken out. No sockets, no threads: the EAP state
// machines decide when bytes travel. Internal to core/protocols/eap_tls/.
#include <memory>
#include <string>

#include "core/crypto/result.h"
#include "core/protocols/eap_tls/eap_tls_config.h"
#include "core/protocols/eap_tls/eap_tls_keys.h"
#include "core/protocols/eap_tls/openssl_owners.h"
#include "dissectors/common/bytes.h"

namespace rs::eap::detail {

class TlsChannel {
 public:
  enum class Role { Client, Server };
  enum class Progress { NeedMore, Complete, Failed };
  enum class ReadOutcome { Nothing, Commitment, OtherData, Closed, Failed };

  // Builds the SSL_CTX (version pinned, own certificate and key, the CA as the
  // only trust anchor, peer verification on; the server also requires a client
  // certificate) and the SSL object.
  static crypto::Result<std::unique_ptr<TlsChannel>> create(Role role, const EapTlsConfig& config);

  bool feed(ByteView records);  // false when the BIO refuses the bytes
  Progress advance();           // SSL_do_handshake once; Failed sets failure()
  Bytes takeOutput();           // everything OpenSSL wrote since the last call
  bool handshakeComplete() const { return complete_; }
  const std::string& failure() const { return failure_; }

  // TLS 1.3 (RFC 9190 2.1.1): the server's one-octet 0x00 application-data record
  // that promises no more handshake messages.
  bool writeCommitment();
  // Reads application data after the handshake: the commitment, a close_notify
  // (Closed) or an alert (Failed, failure() set).
  ReadOutcome readAfterHandshake();

  bool isTls13() const;
  std::string versionName() const;
  crypto::Result<EapTlsKeys> exportKeys();

 private:
  TlsChannel() = default;
  void recordFailure(const char* during, int sslError);

  SslCtxPtr ctx_;
  SslPtr ssl_;
  BIO* in_ = nullptr;   // owned by ssl_
  BIO* out_ = nullptr;  // owned by ssl_
  bool complete_ = false;
  std::string failure_;
};

}  // namespace rs::eap::detail
