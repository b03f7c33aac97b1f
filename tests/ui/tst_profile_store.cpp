// ProfileStore (ui/dialogs/profile_store.h), the one reader and writer of the connection profiles in
// the GUI's INI file (docs/gui.md#settings-and-first-start): every field round-trips, saving
// replaces by name and keeps the order, removing shortens the array and forgets the active profile
// it named, and the file holds credential file paths only, never a secret.
#include "connection/profile_store.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {

ProfileRecord clusterProfile()
{
    ProfileRecord p;
    p.name = QStringLiteral("prod");
    p.kind = ProfileRecord::Kind::Cluster;
    p.storeKind = ProfileRecord::StoreKind::Postgres;
    p.pgHost = QStringLiteral("db.example.org");
    p.pgDatabase = QStringLiteral("fleetdeck");
    p.pgUser = QStringLiteral("fleet");
    p.storePasswordFile = QStringLiteral("/home/admin/.config/fleetdeck/db-password");
    p.natsUrl = QStringLiteral("tls://nats.example.org:4222");
    p.auth = ProfileRecord::Auth::Creds;
    p.natsCredsFile = QStringLiteral("/home/admin/.config/fleetdeck/admin.creds");
    p.natsTlsCaFile = QStringLiteral("/etc/ssl/nats-ca.pem");
    p.galleryUrls = {QStringLiteral("https://galleries.example.org/a.json"), QStringLiteral("https://galleries.example.org/b.json")};
    return p;
}

ProfileRecord demoProfile()
{
    ProfileRecord p;
    p.name = QStringLiteral("demo");
    p.kind = ProfileRecord::Kind::Demo;
    return p;
}

} // namespace

class TstProfileStore final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("fleetdeck-%1.conf").arg(++m_files)); }

private Q_SLOTS:
    void everyFieldRoundTrips()
    {
        const QString path = freshPath();
        ProfileRecord user;
        user.name = QStringLiteral("staging");
        user.storeKind = ProfileRecord::StoreKind::Sqlite;
        user.sqlitePath = QStringLiteral("/var/tmp/fleet.sqlite");
        user.natsUrl = QStringLiteral("nats://10.0.0.5:4222");
        user.auth = ProfileRecord::Auth::User;
        user.natsUser = QStringLiteral("admin");
        user.natsPasswordFile = QStringLiteral("/home/admin/nats-password");
        ProfileRecord token;
        token.name = QStringLiteral("lab");
        token.pgPort = 6432;
        token.natsUrl = QStringLiteral("nats://lab:4222");
        token.auth = ProfileRecord::Auth::Token;
        token.natsTokenFile = QStringLiteral("/home/admin/lab-token");
        ProfileRecord tls = clusterProfile();
        tls.name = QStringLiteral("tls-only");
        tls.auth = ProfileRecord::Auth::Tls;
        const QList<ProfileRecord> all{clusterProfile(), demoProfile(), user, token, tls};
        for (const ProfileRecord &p : all)
            QVERIFY(ProfileStore(path).save(p).ok());
        const ProfileStore store(path);
        QCOMPARE(store.load(), all);
        QCOMPARE(store.find(QStringLiteral("lab")), std::optional<ProfileRecord>(token));
        QCOMPARE(store.find(QStringLiteral("missing")), std::nullopt);
        QCOMPARE(store.find(QStringLiteral("demo"))->kind, ProfileRecord::Kind::Demo);
        QCOMPARE(store.find(QStringLiteral("staging"))->storeDsn(), QStringLiteral("sqlite:/var/tmp/fleet.sqlite"));
        QCOMPARE(store.find(QStringLiteral("prod"))->storeDsn(), QStringLiteral("postgresql://fleet@db.example.org:5432/fleetdeck"));
    }

    void saveReplacesRemoveForgets()
    {
        const QString path = freshPath();
        ProfileStore store(path);
        QVERIFY(store.save(clusterProfile()).ok());
        QVERIFY(store.save(demoProfile()).ok());
        ProfileRecord changed = clusterProfile();
        changed.natsUrl = QStringLiteral("nats://other:4222");
        QVERIFY(store.save(changed).ok()); // replaces, keeps the order
        QCOMPARE(store.load(), (QList<ProfileRecord>{changed, demoProfile()}));
        ProfileRecord renamed = changed;
        renamed.name = QStringLiteral("production");
        QVERIFY(store.save(renamed, QStringLiteral("prod")).ok()); // a rename replaces in place
        QCOMPARE(store.load(), (QList<ProfileRecord>{renamed, demoProfile()}));

        QVERIFY(store.activate(renamed, {}).ok());
        QCOMPARE(store.activeProfile(), QStringLiteral("production"));
        QVERIFY(store.remove(QStringLiteral("production")).ok());
        QCOMPARE(store.load(), QList<ProfileRecord>{demoProfile()});
        QVERIFY(store.activeProfile().isEmpty()); // it named the removed profile
        QSettings raw(path, QSettings::IniFormat); // the shorter list leaves no entry behind
        QCOMPARE(raw.value(QStringLiteral("profiles/size")).toInt(), 1);
        QVERIFY(!raw.contains(QStringLiteral("profiles/2/name")));
    }

    void fileHoldsPathsOnly()
    {
        const QString path = freshPath();
        ProfileRecord p = clusterProfile();
        p.auth = ProfileRecord::Auth::User;
        p.natsUser = QStringLiteral("admin");
        p.natsPasswordFile = QStringLiteral("/home/admin/nats-password");
        QVERIFY(ProfileStore(path).save(p).ok());
        QSettings raw(path, QSettings::IniFormat);
        raw.beginGroup(QStringLiteral("profiles"));
        const QStringList keys = raw.allKeys();
        QVERIFY(!keys.isEmpty());
        for (const QString &key : keys) {
            const QString field = key.section(QLatin1Char('/'), -1);
            const bool secretLike = field.contains(QLatin1String("password")) || field.contains(QLatin1String("token"))
                                    || field.contains(QLatin1String("creds")) || field.contains(QLatin1String("secret"));
            QVERIFY2(!secretLike || field.endsWith(QLatin1String("_file")), qPrintable(key));
        }
    }
};

QTEST_GUILESS_MAIN(TstProfileStore)
#include "tst_profile_store.moc"
