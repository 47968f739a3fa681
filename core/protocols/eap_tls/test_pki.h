// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A test PKI made in memory with OpenSSL 3: an ECDSA P-256 root CA, a server
// certificate (extendedKeyUsage serverAuth) and a client certificate
// (clientAuth), both signed by the CA with SHA-256, valid from 2020-01-01 to
// 2049-12-31 so runs do not depend on the wall clock. Keys are fresh per call;
// everything else (names, serials, validity, extensions) is fixed. No files:
// the DER bytes go straight into EapTlsConfig, and pemCertificate()/
// pemPrivateKey() give text for writing files when a user wants them.
#include <string>
#include <string_view>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::eap {

struct TestCredential {
  std::string subject;  // "CN=..., O=RoamScope test PKI"
  Bytes certificateDer;
  crypto::SecretBytes privateKeyDer;  // PKCS#8
};

struct TestPki {
  TestCredential ca;
  TestCredential server;
  TestCredential client;
};

// `label` names this PKI in every subject ("CN=<label> CA", "CN=<label> server", ...),
// so two PKIs made in one run are told apart in traces.
crypto::Result<TestPki> makeTestPki(std::string_view label);

// PEM text ("-----BEGIN CERTIFICATE-----...") of a DER certificate / PKCS#8 key.
crypto::Result<std::string> pemCertificate(ByteView certificateDer);
crypto::Result<std::string> pemPrivateKey(ByteView privateKeyDer);

}  // namespace rs::eap
