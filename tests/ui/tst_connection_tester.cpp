// "Test connection" checks (SPEC §1.5, §6.7, §8.1): a migrated store shows its cluster, a missing
// SQLite file is not created, NATS against a real server with token auth (✓ and ✗), and the
// test's secret files are removed afterwards. And the active profile's runtime secret files come
// back from the vault after a reboot emptied the runtime directory; the vault never hangs.
#include "core/clock.h"
#include "connection/connection_tester.h"
#include "connection/secret_collector.h"
#include "connection/secret_vault.h"
#include "nats_test_server.h"
#include "store/store_thread.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {

ProfileRecord sqliteProfile(const QString &dir)
{
    ProfileRecord p;
    p.name = QStringLiteral("lab");
    p.storeKind = ProfileRecord::StoreKind::Sqlite;
    p.sqlitePath = dir + QStringLiteral("/lab.sqlite");
    p.natsUrl = QStringLiteral("nats://127.0.0.1:4222");
    return p;
}

} // namespace

class TestConnectionTester final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void testConnectionShowsAMigratedStoresCluster();
    void natsCheckAgainstARealServer();
    void runtimeSecretsComeBackAfterAReboot();
    void vaultNeverHangsAndKeepsASessionCopy();

private:
    QTemporaryDir m_runtime;
};

void TestConnectionTester::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    QFile::setPermissions(m_runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
    qputenv("FLEETDECK_NO_KEYCHAIN", "1"); // no D-Bus secret service here: the session copy only
}

void TestConnectionTester::testConnectionShowsAMigratedStoresCluster()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("migrated.sqlite"));
    QString clusterId;
    {
        StoreConfig c;
        c.path = path;
        StoreThread thread(c, SystemClock::instance(), QStringLiteral("tst-dialogs-migrate"));
        QVERIFY(thread.start().ok());
        clusterId = thread.callSync([](Store &s) { return s.clusterId().value(); });
    }
    ProfileRecord p = sqliteProfile(dir.path());
    p.sqlitePath = path;
    const ConnectionTester::Line ok = ConnectionTester::checkStore(p, {});
    QVERIFY2(ok.ok && ok.text.contains(clusterId), qPrintable(ok.text));

    p.sqlitePath = dir.filePath(QStringLiteral("new.sqlite"));
    const ConnectionTester::Line fresh = ConnectionTester::checkStore(p, {});
    QVERIFY2(fresh.ok, qPrintable(fresh.text));
    QVERIFY(!QFile::exists(p.sqlitePath)); // testing never creates a store

    p.sqlitePath = dir.filePath(QStringLiteral("no/such/dir/x.sqlite"));
    QVERIFY(!ConnectionTester::checkStore(p, {}).ok);
}

void TestConnectionTester::natsCheckAgainstARealServer()
{
    test::NatsTestServer server(QStringLiteral("authorization { token: \"t0k-41\" }"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ProfileRecord p;
    p.name = QStringLiteral("nats-check");
    p.natsUrl = server.url();
    p.auth = ProfileRecord::Auth::Token;
    ProfileSecrets secrets;
    secrets.natsToken = QStringLiteral("t0k-41");
    const ConnectionTester::Line ok = ConnectionTester::checkNats(p, secrets);
    QVERIFY2(ok.ok && ok.text.contains(QStringLiteral("auth: token")), qPrintable(ok.text));
    secrets.natsToken = QStringLiteral("wrong");
    const ConnectionTester::Line refused = ConnectionTester::checkNats(p, secrets);
    QVERIFY2(!refused.ok && refused.text.contains(QStringLiteral("auth")), qPrintable(refused.text));
    // The test's secret files are gone again.
    QVERIFY(QDir(m_runtime.filePath(QStringLiteral("fleetdeck/secrets"))).entryList({QStringLiteral("nats-check*")}, QDir::Files).isEmpty());
}

void TestConnectionTester::runtimeSecretsComeBackAfterAReboot()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("fleetdeck.conf"));
    ProfileRecord p = sqliteProfile(dir.path());
    p.name = QStringLiteral("rb");
    p.auth = ProfileRecord::Auth::Token;
    ProfileStore store(ini);
    QVERIFY(store.save(p).ok());
    ProfileSecrets secrets;
    secrets.natsToken = QStringLiteral("tok-rb");
    QVERIFY(store.activate(p, secrets).ok());
    const QString tokenFile = QSettings(ini, QSettings::IniFormat).value(QStringLiteral("nats/token_file")).toString();
    QVERIFY(QFile::remove(tokenFile)); // what a reboot does to the runtime directory

    SecretVault vault;
    Status result = Status::failure(QStringLiteral("pending"));
    bool done = false;
    const auto restore = [&]() {
        done = false;
        SecretCollector::restoreActive(ini, &vault, this, [&](Status s) {
            result = s;
            done = true;
        });
        QTRY_VERIFY(done);
    };
    restore(); // nothing in the vault: the admin is asked
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(QStringLiteral("NATS token")), qPrintable(result.error()));
    QVERIFY(!QFile::exists(tokenFile));

    vault.write(SecretVault::keyFor(QStringLiteral("rb"), SecretCollector::kNatsToken), QStringLiteral("tok-rb"), this, {});
    restore();
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QFile f(tokenFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("tok-rb"));
    restore(); // nothing missing: nothing to do
    QVERIFY(result.ok());
}

void TestConnectionTester::vaultNeverHangsAndKeepsASessionCopy()
{
    // With the keychain turned on where the build has one: a missing secret service must end in
    // an error, not a hang, and the typed secret stays usable for the session.
    SecretVault vault;
    vault.setKeychainEnabled(true);
    const QString key = SecretVault::keyFor(QStringLiteral("tst-dialogs-") + QString::number(QCoreApplication::applicationPid()),
                                            QStringLiteral("nats_token"));
    bool written = false;
    vault.write(key, QStringLiteral("s3"), this, [&](const QString &) { written = true; });
    QTRY_VERIFY_WITH_TIMEOUT(written, 30000);
    std::optional<QString> read;
    bool done = false;
    vault.read(key, this, [&](std::optional<QString> v, const QString &) {
        read = v;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(read.value_or(QString()), QStringLiteral("s3"));
    vault.remove(key);
    QVERIFY(!vault.sessionValue(key));
}

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "tst_connection_tester.moc"
