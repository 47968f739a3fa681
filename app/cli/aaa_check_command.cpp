// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/aaa_check_command.h"

#include <fmt/format.h>

#include <fstream>

#include "app/cli/exit_codes.h"
#include "core/crypto/secret_bytes.h"
#include "core/protocols/aaa/mschap_key_material.h"
#include "core/protocols/aaa/udp_aaa_exchange.h"
#include "dissectors/radius/radius.h"

namespace rs::cli {
namespace {

// The first line of `path` (secrets kept out of the process list and shell history).
bool readFirstLine(const std::string& path, std::string& out) {
  std::ifstream in(path);
  if (!in || !std::getline(in, out)) return false;
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return true;
}

bool pick(const std::string& direct, const std::string& file, std::string_view what, std::string& out) {
  if (!file.empty()) {
    if (!readFirstLine(file, out)) {
      fmt::print(stderr, "roamscope-cli: aaa-check: cannot read the {} from {}\n", what, file);
      return false;
    }
  } else {
    out = direct;
  }
  if (out.empty()) {
    fmt::print(stderr, "roamscope-cli: aaa-check: an empty {} (give --{} or --{}-file)\n", what, what, what);
    return false;
  }
  return true;
}

void printResult(const aaa::AaaResult& r, const aaa::UdpAddress& server, const AaaCheckOptions& o,
                 const aaa::MsChapV2Response* response, const std::string& password) {
  const std::string who = r.statusServer ? "Status-Server" : fmt::format("'{}'", r.userName);
  fmt::print("AAA server {}: {} for {} (Identifier {}, {} transmission(s))\n", server.text(),
             r.outcome == aaa::AaaOutcome::Accepted   ? "Access-Accept"
             : r.outcome == aaa::AaaOutcome::Rejected ? "Access-Reject"
                                                      : std::string(aaa::aaaOutcomeName(r.outcome)),
             who, r.identifier, r.attempts);
  if (r.outcome == aaa::AaaOutcome::NoAnswer || r.outcome == aaa::AaaOutcome::Failed) {
    fmt::print("  {}\n", r.detail);
    return;
  }
  fmt::print("  Message-Authenticator in the reply: {}\n",
             r.messageAuthenticatorPresent ? "present, valid" : "absent (FreeRADIUS 3.2.1 sends none)");
  if (r.statusServer) return;
  if (r.outcome == aaa::AaaOutcome::Rejected) {
    fmt::print("  MS-CHAP-Error: {}\n", r.msChapError.empty() ? "(none)" : r.msChapError);
    fmt::print("  a Mobile IP registration would be denied with code {} (RFC 3344 3.4)\n",
               aaa::registrationCodeForAaaReject());
    return;
  }
  fmt::print("  MS-CHAP2-Success: {} ({})\n", r.authenticatorResponse,
             r.authenticatorResponseValid == std::optional<bool>(true) ? "verified with the password, RFC 2759 8.8"
                                                                        : "does NOT verify with the password");
  fmt::print("  MS-MPPE-Recv-Key: {}\n", crypto::secretHex(r.mppeRecvKey, o.showKeys));
  fmt::print("  MS-MPPE-Send-Key: {}\n", crypto::secretHex(r.mppeSendKey, o.showKeys));
  fmt::print("  x'' = Recv-Key || Send-Key: {}\n", crypto::secretHex(r.keyMaterial, o.showKeys));
  if (response) {
    auto mobile = aaa::mobileNodeKeyMaterial(password, response->ntResponse);
    fmt::print("  x'' as the Mobile Node derives it (RFC 3079 3.4, client roles): {}\n",
               mobile && *mobile == r.keyMaterial ? "equal" : "DIFFERENT");
  }
}

}  // namespace

CLI::App* addAaaCheckCommand(CLI::App& app, AaaCheckOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "aaa-check",
      "Send one MS-CHAPv2 Access-Request (as seed 001's Home Agent does) to a RADIUS server and show the result; "
      "keys masked unless --show-keys. Exit 0 accepted, 3 rejected, 2 no answer");
  cmd->add_option("--server", o.server, "RADIUS server, HOST[:PORT] (port 1812 by default; [v6]:PORT)")->required();
  auto* secret = cmd->add_option("--secret", o.secret, "RADIUS shared secret");
  auto* secretFile = cmd->add_option("--secret-file", o.secretFile, "read the shared secret from this file's first line");
  secret->excludes(secretFile);
  cmd->add_option("--user", o.user, "User-Name: the Mobile Node's NAI");
  auto* password = cmd->add_option("--password", o.password, "the Mobile Node's password");
  auto* passwordFile =
      cmd->add_option("--password-file", o.passwordFile, "read the password from this file's first line");
  password->excludes(passwordFile);
  cmd->add_option("--nas-identifier", o.nasIdentifier, "NAS-Identifier of the request");
  cmd->add_option("--timeout", o.timeoutMs, "milliseconds to wait for each transmission")
      ->check(CLI::Range(1u, 600000u));
  cmd->add_option("--retries", o.retries, "retransmissions after the first")->check(CLI::Range(0u, 20u));
  cmd->add_flag("--status-only", o.statusOnly, "send a Status-Server (RFC 5997) instead of an Access-Request");
  cmd->add_flag("--show-keys", o.showKeys, "print the MPPE keys and x'' in full");
  return cmd;
}

int runAaaCheck(const AaaCheckOptions& o) {
  std::string secret, password, error;
  if (!pick(o.secret, o.secretFile, "secret", secret)) return kExitUsage;
  if (!o.statusOnly) {
    if (o.user.empty()) {
      fmt::print(stderr, "roamscope-cli: aaa-check: --user is required (unless --status-only)\n");
      return kExitUsage;
    }
    if (!pick(o.password, o.passwordFile, "password", password)) return kExitUsage;
  }
  const auto server = aaa::parseUdpAddress(o.server, radius::kAuthPort, error);
  if (!server) {
    fmt::print(stderr, "roamscope-cli: aaa-check: --server {}\n", error);
    return kExitUsage;
  }
  auto socket = aaa::UdpSocket::forPeer(*server, error);
  if (!socket) {
    fmt::print(stderr, "roamscope-cli: aaa-check: {}\n", error);
    return kExitInput;
  }
  aaa::AaaClientConfig config;
  config.secret = secret;
  config.nas.identifier = o.nasIdentifier;
  config.retry = aaa::AaaRetryPolicy{sim::milliseconds(o.timeoutMs), o.retries};
  aaa::MschapAaaClient client(config, aaa::secureRandom);

  std::optional<aaa::MsChapV2Response> response;
  aaa::AaaWork work;
  if (!o.statusOnly) {
    // The Mobile Node's part: fresh challenges, NT-Response from the password (RFC 2759 8.1).
    auto computed = aaa::computeMsChapV2Response(o.user, password, aaa::secureRandom(aaa::kChallengeLength),
                                                 aaa::secureRandom(aaa::kChallengeLength), 1);
    if (!computed) {
      fmt::print(stderr, "roamscope-cli: aaa-check: {}\n", computed.error().describe());
      return kExitUsage;
    }
    response = std::move(*computed);
    work = aaa::AaaWork{response, password};
  }
  const auto results = aaa::runUdpAaaExchanges(client, *socket, *server, {work}, 1, nullptr,
                                               [](const std::string& why) {
                                                 fmt::print(stderr, "aaa-check: dropped a datagram: {}\n", why);
                                               });
  const aaa::AaaResult& r = results.front();
  printResult(r, *server, o, response ? &*response : nullptr, password);
  switch (r.outcome) {
    case aaa::AaaOutcome::Accepted:
      return r.statusServer || r.authenticatorResponseValid == std::optional<bool>(true) ? kExitOk : kExitVerification;
    case aaa::AaaOutcome::Rejected: return kExitVerification;
    case aaa::AaaOutcome::NoAnswer:
    case aaa::AaaOutcome::Failed: return kExitInput;
  }
  return kExitInternal;
}

}  // namespace rs::cli
