// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/eap_tls/test_pki.h"

#include <fmt/format.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <utility>

#include "core/protocols/eap_tls/openssl_owners.h"

namespace rs::eap {
namespace {

using detail::openSslFailure;

// Fixed validity window (RFC 5280 4.1.2.5); both ends lie before 2050, so they
// are encoded as UTCTime as that clause requires.
constexpr const char* kNotBefore = "20200101000000Z";
constexpr const char* kNotAfter = "20491231235959Z";

enum class Role { Ca, Server, Client };

crypto::Result<detail::PkeyPtr> makeP256Key() {
  detail::PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) return openSslFailure("P-256 key generation");
  return key;
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext) return false;
  const bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

std::string subjectText(std::string_view label, Role role) {
  switch (role) {
    case Role::Ca:
      return fmt::format("{} CA", label);
    case Role::Server:
      return fmt::format("{} server", label);
    case Role::Client:
      return fmt::format("{} client", label);
  }
  return std::string(label);
}

// Builds and signs one certificate. `issuer`/`issuerKey` are null for the self-signed CA.
crypto::Result<Bytes> makeCertificate(std::string_view commonName, Role role, long serial, EVP_PKEY* key, X509* issuer,
                                      EVP_PKEY* issuerKey) {
  detail::X509Ptr cert(X509_new());
  if (!cert) return openSslFailure("X509_new");
  X509_NAME* name = X509_get_subject_name(cert.get());
  const std::string cn(commonName);
  bool ok = X509_set_version(cert.get(), X509_VERSION_3) == 1 &&
            ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial) == 1 &&
            X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>("RoamScope test PKI"), -1, -1, 0) == 1 &&
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.c_str()),
                                       -1, -1, 0) == 1 &&
            ASN1_TIME_set_string_X509(X509_getm_notBefore(cert.get()), kNotBefore) == 1 &&
            ASN1_TIME_set_string_X509(X509_getm_notAfter(cert.get()), kNotAfter) == 1 &&
            X509_set_pubkey(cert.get(), key) == 1;
  X509* signer = issuer ? issuer : cert.get();
  EVP_PKEY* signerKey = issuerKey ? issuerKey : key;
  ok = ok && X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) == 1;
  if (!ok) return openSslFailure(fmt::format("certificate fields of '{}'", cn));

  // Extensions per RFC 5280 4.2: the CA may sign certificates; end entities carry
  // the EKU that OpenSSL's TLS verification checks (serverAuth for the
  // certificate a peer verifies, clientAuth for the one the server verifies —
  // RFC 5216 5.3 leaves the policy to the deployment, this is the usual one).
  ok = addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
  if (role == Role::Ca) {
    ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE") &&
         addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    ok = ok && addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always") &&
         addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE") &&
         addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature") &&
         addExtension(cert.get(), signer, NID_ext_key_usage, role == Role::Server ? "serverAuth" : "clientAuth");
  }
  if (!ok) return openSslFailure(fmt::format("certificate extensions of '{}'", cn));
  if (X509_sign(cert.get(), signerKey, EVP_sha256()) <= 0) return openSslFailure(fmt::format("signing '{}'", cn));

  const int length = i2d_X509(cert.get(), nullptr);
  if (length <= 0) return openSslFailure("certificate DER length");
  Bytes der(static_cast<std::size_t>(length));
  unsigned char* out = der.data();
  if (i2d_X509(cert.get(), &out) != length) return openSslFailure("certificate DER encoding");
  return der;
}

crypto::Result<crypto::SecretBytes> privateKeyDer(EVP_PKEY* key) {
  // PKCS#8 (RFC 5208): one self-describing form for any key type, read back by
  // d2i_AutoPrivateKey.
  PKCS8_PRIV_KEY_INFO* info = EVP_PKEY2PKCS8(key);
  if (!info) return openSslFailure("PKCS#8 conversion");
  const int length = i2d_PKCS8_PRIV_KEY_INFO(info, nullptr);
  if (length <= 0) {
    PKCS8_PRIV_KEY_INFO_free(info);
    return openSslFailure("PKCS#8 length");
  }
  crypto::SecretBytes der(static_cast<std::size_t>(length));
  unsigned char* out = der.data();
  const int written = i2d_PKCS8_PRIV_KEY_INFO(info, &out);
  PKCS8_PRIV_KEY_INFO_free(info);
  if (written != length) return openSslFailure("PKCS#8 encoding");
  return der;
}

crypto::Result<TestCredential> makeCredential(std::string_view label, Role role, long serial, EVP_PKEY* key,
                                              X509* issuer, EVP_PKEY* issuerKey) {
  const std::string cn = subjectText(label, role);
  auto der = makeCertificate(cn, role, serial, key, issuer, issuerKey);
  if (!der) return der.error();
  auto keyDer = privateKeyDer(key);
  if (!keyDer) return keyDer.error();
  return TestCredential{fmt::format("CN={}, O=RoamScope test PKI", cn), std::move(*der), std::move(*keyDer)};
}

}  // namespace

crypto::Result<TestPki> makeTestPki(std::string_view label) {
  auto caKey = makeP256Key();
  auto serverKey = makeP256Key();
  auto clientKey = makeP256Key();
  if (!caKey) return caKey.error();
  if (!serverKey) return serverKey.error();
  if (!clientKey) return clientKey.error();

  auto ca = makeCredential(label, Role::Ca, 1, caKey->get(), nullptr, nullptr);
  if (!ca) return ca.error();
  detail::X509Ptr caCert = detail::certificateFromDer(ca->certificateDer);
  if (!caCert) return openSslFailure("re-reading the CA certificate");
  auto server = makeCredential(label, Role::Server, 2, serverKey->get(), caCert.get(), caKey->get());
  if (!server) return server.error();
  auto client = makeCredential(label, Role::Client, 3, clientKey->get(), caCert.get(), caKey->get());
  if (!client) return client.error();
  return TestPki{std::move(*ca), std::move(*server), std::move(*client)};
}

namespace {

crypto::Result<std::string> bioText(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  if (length < 0 || (length > 0 && !data)) return openSslFailure("reading PEM text");
  return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace

crypto::Result<std::string> pemCertificate(ByteView certificateDer) {
  detail::X509Ptr cert = detail::certificateFromDer(certificateDer);
  if (!cert) return crypto::makeError(crypto::ErrorCode::Malformed, "not a DER certificate");
  detail::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), cert.get()) != 1) return openSslFailure("PEM certificate");
  return bioText(bio.get());
}

crypto::Result<std::string> pemPrivateKey(ByteView privateKeyDer) {
  detail::PkeyPtr key = detail::privateKeyFromDer(privateKeyDer);
  if (!key) return crypto::makeError(crypto::ErrorCode::Malformed, "not a DER private key");
  detail::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    return openSslFailure("PEM private key");
  return bioText(bio.get());
}

}  // namespace rs::eap
