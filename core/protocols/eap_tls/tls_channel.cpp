// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/eap_tls/tls_channel.h"

#include "core/crypto/openssl_error.h"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <array>
#include <climits>
#include <cstring>
#include <utility>

#include "dissectors/eapol/eap.h"

namespace rs::eap::detail {
namespace {

int protocolVersion(TlsVersion version) { return version == TlsVersion::Tls13 ? TLS1_3_VERSION : TLS1_2_VERSION; }

}  // namespace

crypto::Result<std::unique_ptr<TlsChannel>> TlsChannel::create(Role role, const EapTlsConfig& config) {
  using crypto::ErrorCode;
  ERR_clear_error();  // failures below report only their own errors
  X509Ptr ca = certificateFromDer(config.caCertificateDer);
  if (!ca) return crypto::makeError(ErrorCode::InvalidArgument, "the CA certificate is not DER X.509");
  X509Ptr own = certificateFromDer(config.certificateDer);
  if (!own) return crypto::makeError(ErrorCode::InvalidArgument, "the own certificate is not DER X.509");
  PkeyPtr key = privateKeyFromDer(config.privateKeyDer);
  if (!key) return crypto::makeError(ErrorCode::InvalidArgument, "the private key is not DER");

  std::unique_ptr<TlsChannel> channel(new TlsChannel());
  channel->ctx_.reset(SSL_CTX_new(role == Role::Client ? TLS_client_method() : TLS_server_method()));
  SSL_CTX* ctx = channel->ctx_.get();
  if (!ctx) return openSslFailure("SSL_CTX_new");
  const int version = protocolVersion(config.version);
  if (SSL_CTX_set_min_proto_version(ctx, version) != 1 || SSL_CTX_set_max_proto_version(ctx, version) != 1)
    return openSslFailure("pinning the TLS version");
  if (SSL_CTX_use_certificate(ctx, own.get()) != 1) return openSslFailure("own certificate");
  if (SSL_CTX_use_PrivateKey(ctx, key.get()) != 1 || SSL_CTX_check_private_key(ctx) != 1)
    return openSslFailure("own private key");
  if (X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), ca.get()) != 1) return openSslFailure("trust anchor");
  if (role == Role::Server) {
    // RFC 5216 2.1.1: the server requests the peer's certificate and fails
    // the authentication without one.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    if (SSL_CTX_add_client_CA(ctx, ca.get()) != 1) return openSslFailure("certificate_authorities list");
    // No resumption in the emulator, so no NewSessionTicket: optional in TLS 1.2
    // (RFC 5077) and in EAP-TLS 1.3 (RFC 9190 2.1.2), it only lengthens the last flight.
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    if (SSL_CTX_set_num_tickets(ctx, 0) != 1) return openSslFailure("disabling session tickets");
  } else {
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  }

  channel->ssl_.reset(SSL_new(ctx));
  if (!channel->ssl_) return openSslFailure("SSL_new");
  BIO* in = BIO_new(BIO_s_mem());
  BIO* out = BIO_new(BIO_s_mem());
  if (!in || !out) {
    BIO_free(in);
    BIO_free(out);
    return openSslFailure("memory BIOs");
  }
  // An empty input BIO means "no data yet" (retry), never end of stream.
  BIO_set_mem_eof_return(in, -1);
  SSL_set_bio(channel->ssl_.get(), in, out);  // the SSL object owns both from here
  channel->in_ = in;
  channel->out_ = out;
  if (role == Role::Client)
    SSL_set_connect_state(channel->ssl_.get());
  else
    SSL_set_accept_state(channel->ssl_.get());
  return channel;
}

bool TlsChannel::feed(ByteView records) {
  if (records.empty()) return true;
  if (records.size() > static_cast<std::size_t>(INT_MAX)) return false;
  return BIO_write(in_, records.data(), static_cast<int>(records.size())) == static_cast<int>(records.size());
}

void TlsChannel::recordFailure(const char* during, int sslError) {
  std::string reason;
  const long verify = SSL_get_verify_result(ssl_.get());
  if (verify != X509_V_OK)
    reason = fmt::format("certificate verification failed ({}); ", X509_verify_cert_error_string(verify));
  reason += crypto::openSslErrorText(fmt::format("{} (SSL error {})", during, sslError));
  failure_ = std::move(reason);
}

TlsChannel::Progress TlsChannel::advance() {
  if (complete_) return Progress::Complete;
  if (!failure_.empty()) return Progress::Failed;
  ERR_clear_error();
  const int rc = SSL_do_handshake(ssl_.get());
  if (rc == 1) {
    complete_ = true;
    return Progress::Complete;
  }
  const int error = SSL_get_error(ssl_.get(), rc);
  if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return Progress::NeedMore;
  recordFailure("TLS handshake", error);
  return Progress::Failed;
}

Bytes TlsChannel::takeOutput() {
  Bytes out;
  const std::size_t pending = BIO_ctrl_pending(out_);
  if (pending == 0 || pending > static_cast<std::size_t>(INT_MAX)) return out;
  out.resize(pending);
  const int read = BIO_read(out_, out.data(), static_cast<int>(pending));
  out.resize(read > 0 ? static_cast<std::size_t>(read) : 0);
  return out;
}

bool TlsChannel::writeCommitment() {
  const std::uint8_t commitment = 0x00;
  ERR_clear_error();
  return SSL_write(ssl_.get(), &commitment, 1) == 1;
}

TlsChannel::ReadOutcome TlsChannel::readAfterHandshake() {
  std::array<std::uint8_t, 64> buffer{};
  ERR_clear_error();
  const int rc = SSL_read(ssl_.get(), buffer.data(), static_cast<int>(buffer.size()));
  if (rc > 0) return rc == 1 && buffer[0] == 0x00 ? ReadOutcome::Commitment : ReadOutcome::OtherData;
  const int error = SSL_get_error(ssl_.get(), rc);
  if (error == SSL_ERROR_WANT_READ) return ReadOutcome::Nothing;
  if (error == SSL_ERROR_ZERO_RETURN) return ReadOutcome::Closed;
  recordFailure("reading after the handshake", error);
  return ReadOutcome::Failed;
}

bool TlsChannel::isTls13() const { return SSL_version(ssl_.get()) == TLS1_3_VERSION; }

std::string TlsChannel::versionName() const { return SSL_get_version(ssl_.get()); }

crypto::Result<EapTlsKeys> TlsChannel::exportKeys() {
  if (!complete_) return crypto::makeError(crypto::ErrorCode::InvalidArgument, "keys before the TLS handshake ended");
  constexpr std::size_t kKeyMaterial = 128;  // MSK ‖ EMSK
  crypto::SecretBytes material(kKeyMaterial);
  EapTlsKeys keys;
  keys.tlsVersion = versionName();
  ERR_clear_error();
  if (isTls13()) {
    // RFC 9190 2.3: Key_Material = TLS-Exporter("EXPORTER_EAP_TLS_Key_Material", Type-Code, 128),
    // Method-Id = TLS-Exporter("EXPORTER_EAP_TLS_Method-Id", Type-Code, 64), Type-Code = 0x0D.
    const std::uint8_t typeCode = eapol::eaptype::kTls;
    static constexpr char kKeyLabel[] = "EXPORTER_EAP_TLS_Key_Material";
    static constexpr char kIdLabel[] = "EXPORTER_EAP_TLS_Method-Id";
    if (SSL_export_keying_material(ssl_.get(), material.data(), material.size(), kKeyLabel, sizeof kKeyLabel - 1,
                                   &typeCode, 1, 1) != 1)
      return openSslFailure("TLS 1.3 exporter (Key_Material)");
    keys.methodId.resize(64);
    if (SSL_export_keying_material(ssl_.get(), keys.methodId.data(), keys.methodId.size(), kIdLabel,
                                   sizeof kIdLabel - 1, &typeCode, 1, 1) != 1)
      return openSslFailure("TLS 1.3 exporter (Method-Id)");
  } else {
    // RFC 5216 2.3: Key_Material = TLS-PRF-128(master_secret, "client EAP encryption",
    // client.random ‖ server.random) — the RFC 5705 exporter without a context.
    static constexpr char kLabel[] = "client EAP encryption";
    if (SSL_export_keying_material(ssl_.get(), material.data(), material.size(), kLabel, sizeof kLabel - 1, nullptr, 0,
                                   0) != 1)
      return openSslFailure("TLS 1.2 exporter (client EAP encryption)");
    // RFC 5216 2.3: Method-Id = client.random ‖ server.random.
    keys.methodId.resize(64);
    if (SSL_get_client_random(ssl_.get(), keys.methodId.data(), 32) != 32 ||
        SSL_get_server_random(ssl_.get(), keys.methodId.data() + 32, 32) != 32)
      return openSslFailure("TLS randoms");
  }
  keys.msk = crypto::SecretBytes(material.subview(0, 64));
  keys.emsk = crypto::SecretBytes(material.subview(64, 64));
  return keys;
}

}  // namespace rs::eap::detail
