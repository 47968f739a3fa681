// SPDX-License-Identifier: GPL-3.0-or-later
// roamscope-cli aaa-check end to end against RoamScope's embedded AAA server
// on a loopback UDP socket: accept (keys masked, then shown), reject with the
// registration code 131, Status-Server, a silent server, usage errors. The
// password and the shared secret never appear in the output.
#include <QTemporaryDir>
#include <QtTest>

#include "core/protocols/aaa/udp_aaa_server.h"
#include "tests/app/cli_suite.h"
#include "tests/support/program_run.h"

using namespace rs;

namespace {

using rs::test::runCli;

constexpr char kSecret[] = "cli-test-secret";
constexpr char kUser[] = "mn7@home.example";
constexpr char kPassword[] = "mn7-password";


}  // namespace

class TestCliAaaCheck : public QObject {
  Q_OBJECT
  aaa::UdpAaaServer server_;
  QString address_;

  void expectNoSecrets(const test::ProgramRun& r) {
    QVERIFY(!r.out.contains(kPassword) && !r.err.contains(kPassword));
    QVERIFY(!r.out.contains(kSecret) && !r.err.contains(kSecret));
  }

 private slots:
  void initTestCase() {
    server_.server().addClient("127.0.0.1", kSecret);
    server_.server().addUser(kUser, kPassword);
    std::string error;
    auto local = aaa::resolveUdpAddress("127.0.0.1", 0, error);
    QVERIFY(local);
    QVERIFY2(server_.start(*local, error), error.c_str());
    address_ = QString::fromStdString(server_.address().text());
  }
  void cleanupTestCase() { server_.stop(); }

  void acceptedWithMaskedKeys() {
    const auto r = runCli({"aaa-check", "--server", address_, "--secret", kSecret, "--user", kUser, "--password",
                           kPassword});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Access-Accept"));
    QVERIFY(r.out.contains("verified with the password"));
    QVERIFY(r.out.contains("Message-Authenticator in the reply: present, valid"));
    QVERIFY(r.out.contains("derives it (RFC 3079 3.4, client roles): equal"));
    QVERIFY(r.out.contains("(32 bytes)"));  // masked x''
    expectNoSecrets(r);
  }

  void showKeysPrintsThemInFull() {
    const auto r = runCli({"aaa-check", "--server", address_, "--secret", kSecret, "--user", kUser, "--password",
                           kPassword, "--show-keys"});
    QCOMPARE(r.exitCode, 0);
    const QRegularExpression full("x'' = Recv-Key \\|\\| Send-Key: [0-9a-f]{64}\\n");
    QVERIFY2(full.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
  }

  // Secrets from files keep them out of the process list.
  void secretsFromFiles() {
    QTemporaryDir dir;
    QFile secret(dir.filePath("secret")), password(dir.filePath("password"));
    QVERIFY(secret.open(QIODevice::WriteOnly) && password.open(QIODevice::WriteOnly));
    secret.write(QByteArray(kSecret) + "\n");
    password.write(QByteArray(kPassword) + "\n");
    secret.close();
    password.close();
    const auto r = runCli({"aaa-check", "--server", address_, "--secret-file", secret.fileName(), "--user", kUser,
                           "--password-file", password.fileName()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Access-Accept"));
  }

  void rejectedMeansCode131() {
    const auto r = runCli({"aaa-check", "--server", address_, "--secret", kSecret, "--user", kUser, "--password",
                           "wrong-password"});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.contains("Access-Reject"));
    QVERIFY(r.out.contains("E=691"));
    QVERIFY(r.out.contains("denied with code 131"));
  }

  void statusServer() {
    const auto r = runCli({"aaa-check", "--server", address_, "--secret", kSecret, "--status-only"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Access-Accept for Status-Server"));
  }

  // A wrong secret: the server drops the request, the check ends with "no answer", exit 2.
  void wrongSecretGetsNoAnswer() {
    const auto r = runCli({"aaa-check", "--server", address_, "--secret", "not-it", "--user", kUser, "--password",
                           kPassword, "--timeout", "100", "--retries", "1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.contains("no-answer"));
    QVERIFY(r.out.contains("2 transmission(s)"));
  }

  void usageErrors() {
    QCOMPARE(runCli({"aaa-check", "--server", address_, "--secret", kSecret, "--password", kPassword}).exitCode, 1);
    QCOMPARE(runCli({"aaa-check", "--server", "127.0.0.1:99999", "--secret", kSecret, "--status-only"}).exitCode, 1);
    QCOMPARE(runCli({"aaa-check", "--server", address_, "--status-only"}).exitCode, 1);
  }
};

QTEST_GUILESS_MAIN(TestCliAaaCheck)
#include "tst_cli_aaa_check.moc"
