// The first-start and connection-profile dialogs (SPEC §1.5 "First start", §11.10, A47): the
// welcome choices; the INI keys a profile writes and ConfigLoader reads back; secrets never in the
// INI; "Test connection" per part off the GUI thread. The checks themselves: tst_connection_tester;
// settings: tst_settings_dialog.
#include "config/config_loader.h"
#include "connection/connection_tester.h"
#include "dialogs/profile_editor.h"
#include "connection/profile_store.h"
#include "dialogs/profiles_dialog.h"
#include "connection/secret_vault.h"
#include "dialogs/welcome_dialog.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {

Result<ProcessConfig> loadIni(const QString &path)
{
    ConfigLoader loader{QProcessEnvironment()};
    QCommandLineParser parser;
    loader.addCommonOptions(parser);
    loader.setDefaultConfigFile(path);
    parser.process(QStringList{QStringLiteral("fleetdeck")});
    return loader.load(parser);
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ProfileRecord sqliteProfile(const QString &dir)
{
    ProfileRecord p;
    p.name = QStringLiteral("lab");
    p.storeKind = ProfileRecord::StoreKind::Sqlite;
    p.sqlitePath = dir + QStringLiteral("/lab.sqlite");
    p.natsUrl = QStringLiteral("nats://127.0.0.1:4222");
    p.galleryUrls = {dir + QStringLiteral("/gallery.json")};
    return p;
}

} // namespace

class TestDialogs final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void welcomeChoices();
    void sqliteProfileWritesProcessKeys();
    void postgresTokenProfileKeepsSecretsOutOfTheIni();
    void connectRefusedWithoutRequiredSecret();
    void profileValidationNamesTheField();
    void demoChoice();
    void testConnectionReportsEachPartWithoutBlocking();
    void testConnectionKeepsTheGuiThreadTurning();
    void switchingProfilesKeepsEdits();
    void renamingMovesTheSecrets();

private:
    QTemporaryDir m_runtime;
};

void TestDialogs::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    QFile::setPermissions(m_runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
    qputenv("FLEETDECK_NO_KEYCHAIN", "1"); // no D-Bus secret service here: the session copy only
    QStandardPaths::setTestModeEnabled(true);
}

void TestDialogs::welcomeChoices()
{
    const QList<std::pair<QString, WelcomeDialog::Choice>> cases = {
        {QStringLiteral("demoButton"), WelcomeDialog::Choice::Demo},
        {QStringLiteral("connectButton"), WelcomeDialog::Choice::Connect},
        {QStringLiteral("quitButton"), WelcomeDialog::Choice::Quit},
    };
    for (const auto &[button, expected] : cases) {
        WelcomeDialog dialog;
        dialog.show();
        auto *b = dialog.findChild<QPushButton *>(button);
        QVERIFY(b);
        QVERIFY(!b->accessibleName().isEmpty());
        QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(dialog.choice(), expected);
        QCOMPARE(dialog.result(), expected == WelcomeDialog::Choice::Quit ? int(QDialog::Rejected) : int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }
    WelcomeDialog escaped;
    escaped.show();
    QTest::keyClick(&escaped, Qt::Key_Escape);
    QCOMPARE(escaped.choice(), WelcomeDialog::Choice::Quit);
    QVERIFY(escaped.connectButton()->isDefault());
}

void TestDialogs::sqliteProfileWritesProcessKeys()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("fleetdeck.conf"));
    QSettings(ini, QSettings::IniFormat).setValue(QStringLiteral("ui/theme"), QStringLiteral("dark"));
    ProfilesDialog dialog(ini);
    dialog.editor()->setProfile(sqliteProfile(dir.path()));
    dialog.connectProfile();
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.demoChosen());
    QCOMPARE(dialog.chosenProfile(), QStringLiteral("lab"));

    QSettings s(ini, QSettings::IniFormat);
    QCOMPARE(s.value(QStringLiteral("store/driver")).toString(), QStringLiteral("sqlite"));
    QCOMPARE(s.value(QStringLiteral("store/path")).toString(), dir.filePath(QStringLiteral("lab.sqlite")));
    QCOMPARE(s.value(QStringLiteral("nats/url")).toString(), QStringLiteral("nats://127.0.0.1:4222"));
    QCOMPARE(s.value(QStringLiteral("gallery/urls")).toString(), dir.filePath(QStringLiteral("gallery.json")));
    QCOMPARE(s.value(QStringLiteral("connection/active_profile")).toString(), QStringLiteral("lab"));
    QCOMPARE(s.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark")); // other groups kept
    QCOMPARE(s.value(QStringLiteral("profiles/size")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("profiles/1/name")).toString(), QStringLiteral("lab"));
    QCOMPARE(s.value(QStringLiteral("profiles/1/store")).toString(), QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("lab.sqlite")));
    for (const char *absent : {"store/host", "store/port", "store/password_file", "nats/user", "nats/token_file", "nats/creds"})
        QVERIFY2(!s.contains(QLatin1String(absent)), absent);

    const auto config = loadIni(ini);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QVERIFY(!config->needsFirstStartChoice());
    QCOMPARE(config->storeDriver, QStringLiteral("sqlite"));
    QCOMPARE(config->storePath, dir.filePath(QStringLiteral("lab.sqlite")));
    QCOMPARE(config->nats.url, QStringLiteral("nats://127.0.0.1:4222"));
    QCOMPARE(config->galleryUrls, QStringList{dir.filePath(QStringLiteral("gallery.json"))});
    QVERIFY(config->storeConfig().ok());

    // A second dialog lists the saved profile and starts on it.
    ProfilesDialog again(ini);
    QCOMPARE(again.editor()->profile(), ProfileStore(ini).find(QStringLiteral("lab")).value());
}

void TestDialogs::postgresTokenProfileKeepsSecretsOutOfTheIni()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("fleetdeck.conf"));
    ProfilesDialog dialog(ini);
    ProfileRecord p;
    p.name = QStringLiteral("prod");
    p.storeKind = ProfileRecord::StoreKind::Postgres;
    p.pgHost = QStringLiteral("db.example.org");
    p.pgPort = 5433;
    p.pgDatabase = QStringLiteral("fleetdeck");
    p.pgUser = QStringLiteral("admin");
    p.natsUrl = QStringLiteral("tls://nats.example.org:4222");
    p.auth = ProfileRecord::Auth::Token;
    dialog.editor()->setProfile(p);
    const QString pgSecret = QStringLiteral("pg-Secret-8d1f");
    const QString token = QStringLiteral("tok-Secret-41aa");
    dialog.editor()->findChild<QLineEdit *>(QStringLiteral("pgPassword"))->setText(pgSecret);
    dialog.editor()->findChild<QLineEdit *>(QStringLiteral("natsToken"))->setText(token);
    dialog.connectProfile();
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));

    QSettings s(ini, QSettings::IniFormat);
    QCOMPARE(s.value(QStringLiteral("store/driver")).toString(), QStringLiteral("postgres"));
    QCOMPARE(s.value(QStringLiteral("store/host")).toString(), QStringLiteral("db.example.org"));
    QCOMPARE(s.value(QStringLiteral("store/port")).toInt(), 5433);
    QCOMPARE(s.value(QStringLiteral("store/database")).toString(), QStringLiteral("fleetdeck"));
    QCOMPARE(s.value(QStringLiteral("store/user")).toString(), QStringLiteral("admin"));
    QCOMPARE(s.value(QStringLiteral("nats/url")).toString(), QStringLiteral("tls://nats.example.org:4222"));
    for (const char *absent : {"store/path", "nats/user", "gallery/urls"})
        QVERIFY2(!s.contains(QLatin1String(absent)), absent);
    const QString passwordFile = s.value(QStringLiteral("store/password_file")).toString();
    const QString tokenFile = s.value(QStringLiteral("nats/token_file")).toString();
    for (const QString &f : {passwordFile, tokenFile}) {
        QVERIFY2(f.startsWith(m_runtime.path() + QStringLiteral("/fleetdeck/secrets/")), qPrintable(f));
        QCOMPARE(QFile::permissions(f) & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner); // 0600
    }
    QCOMPARE(fileBytes(passwordFile), pgSecret.toUtf8());
    QCOMPARE(fileBytes(tokenFile), token.toUtf8());

    const QByteArray raw = fileBytes(ini);
    QVERIFY(raw.contains("db.example.org"));
    QVERIFY2(!raw.contains(pgSecret.toUtf8()), raw.constData());
    QVERIFY2(!raw.contains(token.toUtf8()), raw.constData());

    const auto config = loadIni(ini);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    const auto store = config->storeConfig();
    QVERIFY2(store.ok(), qPrintable(store.error()));
    QCOMPARE(store->password, pgSecret);
    QCOMPARE(store->dsn(), QStringLiteral("postgresql://admin@db.example.org:5433/fleetdeck"));
    QCOMPARE(config->natsConfig().tokenFile, tokenFile);
    QCOMPARE(natsAuthMethod(config->natsConfig()), QStringLiteral("token"));

    // The session keeps the typed secrets: a second dialog connects without asking again.
    ProfilesDialog again(ini);
    QCOMPARE(again.editor()->profile().name, QStringLiteral("prod"));
    QVERIFY(again.editor()->typedSecrets().natsToken.isEmpty());
    again.connectProfile();
    QTRY_COMPARE(again.result(), int(QDialog::Accepted));
    QVERIFY(!fileBytes(ini).contains(token.toUtf8()));
}

void TestDialogs::connectRefusedWithoutRequiredSecret()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("fleetdeck.conf"));
    ProfilesDialog dialog(ini);
    ProfileRecord p = sqliteProfile(dir.path());
    p.name = QStringLiteral("tokenless");
    p.auth = ProfileRecord::Auth::Token;
    dialog.editor()->setProfile(p);
    dialog.connectProfile();
    QTRY_VERIFY(dialog.statusText().contains(QStringLiteral("NATS token")));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!QSettings(ini, QSettings::IniFormat).contains(QStringLiteral("nats/url")));
    QVERIFY(ProfileStore(ini).find(QStringLiteral("tokenless"))); // saved, not activated
}

void TestDialogs::profileValidationNamesTheField()
{
    ProfileRecord p;
    p.name = QStringLiteral("bad");
    p.natsUrl = QStringLiteral("http://nats:4222");
    p.galleryUrls = {QStringLiteral("ftp://gallery")};
    const QStringList problems = p.problems();
    QVERIFY2(problems.join(QLatin1Char('|')).contains(QStringLiteral("NATS URL: expected a nats://")), qPrintable(problems.join(QLatin1Char('|'))));
    QVERIFY(problems.join(QLatin1Char('|')).contains(QStringLiteral("PostgreSQL database: required")));
    QVERIFY(problems.join(QLatin1Char('|')).contains(QStringLiteral("Galleries: galleries[0].url")));
    QVERIFY(problems.join(QLatin1Char('|')).contains(QStringLiteral("PostgreSQL user: required")));

    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("fleetdeck.conf"));
    ProfilesDialog dialog(ini);
    dialog.editor()->setProfile(p);
    dialog.connectProfile();
    QVERIFY(dialog.statusText().contains(QStringLiteral("NATS URL")));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!QFile::exists(ini) || !QSettings(ini, QSettings::IniFormat).contains(QStringLiteral("nats/url")));

    // A half-filled profile is saved as typed and read back whole.
    p.pgHost = QStringLiteral("db.internal");
    p.pgPort = 6543;
    p.pgDatabase = QStringLiteral("fd");
    QVERIFY(ProfileStore(ini).save(p).ok());
    QCOMPARE(ProfileStore(ini).find(QStringLiteral("bad")).value(), p);
}

void TestDialogs::demoChoice()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("fleetdeck.conf"));
    ProfilesDialog dialog(ini);
    dialog.chooseDemo();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.demoChosen());
    const auto config = loadIni(ini);
    QVERIFY(config.ok());
    QVERIFY(config->needsFirstStartChoice()); // the demo configures nothing

    ProfilesDialog withDemoProfile(ini);
    ProfileRecord demo;
    demo.name = QStringLiteral("demo");
    demo.kind = ProfileRecord::Kind::Demo;
    withDemoProfile.editor()->setProfile(demo);
    withDemoProfile.connectProfile();
    QTRY_COMPARE(withDemoProfile.result(), int(QDialog::Accepted));
    QVERIFY(withDemoProfile.demoChosen());
    QVERIFY(!QSettings(ini, QSettings::IniFormat).contains(QStringLiteral("store/driver")));
}

void TestDialogs::testConnectionReportsEachPartWithoutBlocking()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("fleetdeck.conf"));
    QFile store(dir.filePath(QStringLiteral("lab.sqlite")));
    QVERIFY(store.open(QIODevice::WriteOnly)); // an empty SQLite file
    store.close();
    QFile gallery(dir.filePath(QStringLiteral("gallery.json")));
    QVERIFY(gallery.open(QIODevice::WriteOnly));
    gallery.write("{\"fleetdeck_gallery\":1,\"name\":\"lab\",\"backends\":[{\"name\":\"whisper\",\"uri\":\"file:///x.tar.zst\"}]}");
    gallery.close();

    ProfileRecord p = sqliteProfile(dir.path());
    p.natsUrl = QStringLiteral("nats://127.0.0.1:1");
    p.galleryUrls << dir.filePath(QStringLiteral("missing.json"));
    ProfilesDialog dialog(ini);
    dialog.editor()->setProfile(p);
    QSignalSpy finished(&dialog, &ProfilesDialog::testFinished);

    QElapsedTimer clock;
    clock.start();
    dialog.testConnection();
    QVERIFY2(clock.elapsed() < 500, "testConnection() must return at once");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), false);

    const QStringList lines = dialog.testReport().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[0].startsWith(QStringLiteral("✓ Store sqlite:") + dir.filePath(QStringLiteral("lab.sqlite"))), qPrintable(lines[0]));
    QVERIFY2(lines[1].startsWith(QStringLiteral("✗ NATS nats://127.0.0.1:1: ")), qPrintable(lines[1]));
    QVERIFY2(lines[1].size() > QStringLiteral("✗ NATS nats://127.0.0.1:1: ").size() + 3, qPrintable(lines[1]));
    QCOMPARE(lines[1].count(QStringLiteral("nats://127.0.0.1:1")), 1); // the URL is named once
    QVERIFY2(lines[2].startsWith(QStringLiteral("✓ Gallery ")) && lines[2].contains(QStringLiteral("\"lab\", 1 backend")),
             qPrintable(lines[2]));
    QVERIFY2(lines[3].startsWith(QStringLiteral("✗ Gallery ")) && lines[3].contains(QStringLiteral("missing.json")),
             qPrintable(lines[3]));
    QVERIFY(!QFile::exists(ini) || !QSettings(ini, QSettings::IniFormat).contains(QStringLiteral("nats/url"))); // a test writes nothing
}

void TestDialogs::testConnectionKeepsTheGuiThreadTurning()
{
    // A server that accepts and never speaks: nats.c waits its full connect timeout (2 s) for
    // INFO. Meanwhile the store line is done, the NATS line pending, and a 20 ms GUI timer fires.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    ProfileRecord p = sqliteProfile(dir.path());
    p.natsUrl = QStringLiteral("nats://127.0.0.1:%1").arg(silent.serverPort());
    p.galleryUrls.clear();
    ProfilesDialog dialog(dir.filePath(QStringLiteral("fleetdeck.conf")));
    dialog.editor()->setProfile(p);
    QSignalSpy finished(&dialog, &ProfilesDialog::testFinished);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&ticks]() { ++ticks; });
    ticker.start(20);
    dialog.testConnection();
    QTRY_VERIFY(dialog.testReport().startsWith(QStringLiteral("✓ Store")));
    QVERIFY2(dialog.testReport().contains(QStringLiteral("… NATS")), qPrintable(dialog.testReport()));
    const int ticksBefore = ticks;
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(ticks - ticksBefore >= 10, qPrintable(QString::number(ticks - ticksBefore)));
    QVERIFY2(dialog.testReport().contains(QStringLiteral("✗ NATS")), qPrintable(dialog.testReport()));
}

void TestDialogs::switchingProfilesKeepsEdits()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("fleetdeck.conf"));
    ProfileStore store(ini);
    ProfileRecord a = sqliteProfile(dir.path());
    a.name = QStringLiteral("a");
    ProfileRecord b = a;
    b.name = QStringLiteral("b");
    QVERIFY(store.save(a).ok());
    QVERIFY(store.save(b).ok());
    ProfilesDialog dialog(ini);
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("profileList"));
    QCOMPARE(list->count(), 2);
    QCOMPARE(dialog.editor()->profile().name, QStringLiteral("a"));
    dialog.editor()->findChild<QLineEdit *>(QStringLiteral("natsUrl"))->setText(QStringLiteral("nats://10.0.0.9:4222"));
    QVERIFY(dialog.hasUnsavedEdits());
    list->setCurrentRow(1);
    QCOMPARE(dialog.editor()->profile().name, QStringLiteral("b"));
    QCOMPARE(store.find(QStringLiteral("a"))->natsUrl, QStringLiteral("nats://10.0.0.9:4222"));
    dialog.deleteProfile();
    QCOMPARE(store.load().size(), 1);
    QCOMPARE(list->count(), 1);
}

void TestDialogs::renamingMovesTheSecrets()
{
    QTemporaryDir dir;
    ProfilesDialog dialog(dir.filePath(QStringLiteral("fleetdeck.conf")));
    ProfileRecord p = sqliteProfile(dir.path());
    p.name = QStringLiteral("before");
    p.auth = ProfileRecord::Auth::Token;
    dialog.editor()->setProfile(p);
    dialog.editor()->findChild<QLineEdit *>(QStringLiteral("natsToken"))->setText(QStringLiteral("tok-mv"));
    QVERIFY(dialog.saveProfile());
    dialog.editor()->nameEdit()->setText(QStringLiteral("after"));
    QVERIFY(dialog.saveProfile());
    const QString moved = SecretVault::keyFor(QStringLiteral("after"), QStringLiteral("nats_token"));
    QTRY_COMPARE(dialog.vault()->sessionValue(moved).value_or(QString()), QStringLiteral("tok-mv"));
    QTRY_VERIFY(!dialog.vault()->sessionValue(SecretVault::keyFor(QStringLiteral("before"), QStringLiteral("nats_token"))));
    QCOMPARE(ProfileStore(dir.filePath(QStringLiteral("fleetdeck.conf"))).load().size(), 1);
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
