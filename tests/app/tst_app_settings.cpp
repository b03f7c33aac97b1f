// AppSettings (app/fleetdeck/app_settings.h): typed values round-trip through the INI file, the
// v0 → v1 migration moves the old top-level keys into group ui, and the file — with the connection
// profiles ProfileStore writes into it (tests/ui/tst_profile_store.cpp) — stays loadable by the
// engine's ConfigLoader (the GUI and the engine share it).
#include "app_settings.h"
#include "config/config_loader.h"
#include "connection/profile_store.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;
using Theme = AppSettings::Theme;

class TstAppSettings final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void defaultsOfAnEmptyFile();
    void typedValuesRoundTrip();
    void unknownThemeReadsAsSystem();
    void migratesV0ToV1();
    void migrationKeepsValuesAlreadyInTheNewPlace();
    void newerVersionIsLeftAlone();
    void engineLoaderAcceptsTheFile();
    void defaultPathIsTheEngines();

private:
    QString freshPath();
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TstAppSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // defaultPath() must not name the user's real file
    QVERIFY(m_dir.isValid());
}

QString TstAppSettings::freshPath()
{
    return m_dir.filePath(QStringLiteral("fleetdeck-%1.conf").arg(++m_files));
}

void TstAppSettings::defaultsOfAnEmptyFile()
{
    AppSettings s(freshPath());
    QCOMPARE(s.version(), 0);
    QCOMPARE(s.theme(), Theme::System);
    QVERIFY(s.language().isEmpty());
    QVERIFY(s.lastPage().isEmpty());
    QVERIFY(s.windowGeometry().isEmpty());
    QVERIFY(s.windowState().isEmpty());
    QCOMPARE(s.notificationsEnabled(), false); // opt-in
}

void TstAppSettings::typedValuesRoundTrip()
{
    const QString path = freshPath();
    const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03\x00\x00\x00\x00", 10);
    const QByteArray state("\x00\x00\x00\xff\x00\x00\x00\x00\xfd", 9);
    {
        AppSettings s(path);
        QCOMPARE(s.path(), path);
        s.setTheme(Theme::Dark);
        s.setLanguage(QStringLiteral("pt_BR"));
        s.setLastPage(QStringLiteral("nodes"));
        s.setWindowGeometry(geometry);
        s.setWindowState(state);
        s.setNotificationsEnabled(true);
        QVERIFY(s.sync());
    }
    AppSettings s(path);
    QCOMPARE(s.theme(), Theme::Dark);
    QCOMPARE(s.language(), QStringLiteral("pt_BR"));
    QCOMPARE(s.lastPage(), QStringLiteral("nodes"));
    QCOMPARE(s.windowGeometry(), geometry);
    QCOMPARE(s.windowState(), state);
    QCOMPARE(s.notificationsEnabled(), true);
    {
        QSettings raw(path, QSettings::IniFormat); // the keys live in group ui
        QCOMPARE(raw.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(raw.value(QStringLiteral("ui/last_page")).toString(), QStringLiteral("nodes"));
    }
    s.setTheme(Theme::Light);
    QCOMPARE(s.theme(), Theme::Light);
}

void TstAppSettings::unknownThemeReadsAsSystem()
{
    const QString path = freshPath();
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("ui/theme"), QStringLiteral("neon"));
    }
    QCOMPARE(AppSettings(path).theme(), Theme::System);
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark})
        QCOMPARE(AppSettings::themeFromName(AppSettings::themeName(t)), std::optional<Theme>(t));
    QCOMPARE(AppSettings::themeFromName(QStringLiteral("neon")), std::nullopt);
}

void TstAppSettings::migratesV0ToV1()
{
    const QString path = freshPath();
    {
        QSettings raw(path, QSettings::IniFormat); // as an early build wrote it
        raw.setValue(QStringLiteral("geometry"), QByteArray("geo"));
        raw.setValue(QStringLiteral("windowState"), QByteArray("state"));
        raw.setValue(QStringLiteral("theme"), QStringLiteral("dark"));
        raw.setValue(QStringLiteral("lastPage"), QStringLiteral("activity"));
        raw.setValue(QStringLiteral("nats/url"), QStringLiteral("nats://127.0.0.1:4222"));
    }
    {
        AppSettings s(path);
        QCOMPARE(s.version(), 0);
        QCOMPARE(s.theme(), Theme::System); // not read from the old place
        QCOMPARE(s.migrate(), 0);
        QCOMPARE(s.version(), AppSettings::kCurrentVersion);
        QCOMPARE(s.windowGeometry(), QByteArray("geo"));
        QCOMPARE(s.windowState(), QByteArray("state"));
        QCOMPARE(s.theme(), Theme::Dark);
        QCOMPARE(s.lastPage(), QStringLiteral("activity"));
        QVERIFY(s.sync());
        QCOMPARE(s.migrate(), 1); // once only
    }
    QSettings raw(path, QSettings::IniFormat);
    for (const char *old : {"geometry", "windowState", "theme", "lastPage"})
        QVERIFY2(!raw.contains(QString::fromLatin1(old)), old);
    QCOMPARE(raw.value(QStringLiteral("settings_version")).toInt(), 1);
    QCOMPARE(raw.value(QStringLiteral("nats/url")).toString(), QStringLiteral("nats://127.0.0.1:4222")); // untouched
}

void TstAppSettings::migrationKeepsValuesAlreadyInTheNewPlace()
{
    const QString path = freshPath();
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("theme"), QStringLiteral("dark"));
        raw.setValue(QStringLiteral("ui/theme"), QStringLiteral("light"));
    }
    AppSettings s(path);
    QCOMPARE(s.migrate(), 0);
    QCOMPARE(s.theme(), Theme::Light);
    QVERIFY(s.sync());
    QVERIFY(!QSettings(path, QSettings::IniFormat).contains(QStringLiteral("theme")));
}

void TstAppSettings::newerVersionIsLeftAlone()
{
    const QString path = freshPath();
    {
        QSettings raw(path, QSettings::IniFormat); // written by a newer Fleetdeck
        raw.setValue(QStringLiteral("settings_version"), 7);
        raw.setValue(QStringLiteral("theme"), QStringLiteral("dark"));
    }
    AppSettings s(path);
    QCOMPARE(s.migrate(), 7);
    QCOMPARE(s.version(), 7);
    QVERIFY(s.sync());
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
}

void TstAppSettings::engineLoaderAcceptsTheFile()
{
    const QString path = freshPath();
    {
        AppSettings s(path);
        s.migrate();
        s.setTheme(Theme::Dark);
        s.setWindowGeometry(QByteArray("geo"));
        s.setNotificationsEnabled(true);
        QVERIFY(s.sync());
    }
    ui::ProfileRecord prod;
    prod.name = QStringLiteral("prod");
    prod.storeKind = ui::ProfileRecord::StoreKind::Sqlite;
    prod.sqlitePath = m_dir.filePath(QStringLiteral("fleet.sqlite"));
    prod.natsUrl = QStringLiteral("nats://127.0.0.1:4222");
    QVERIFY(ui::ProfileStore(path).activate(prod, {}).ok());
    QVERIFY(ui::ProfileStore(path).save(prod).ok());
    // The engine checks the groups store, nats, gallery and worker of this same file strictly.
    ConfigLoader loader{QProcessEnvironment()};
    QCommandLineParser parser;
    loader.addCommonOptions(parser);
    loader.setDefaultConfigFile(path);
    QVERIFY(parser.parse({QStringLiteral("fleetdeck")}));
    const Result<ProcessConfig> config = loader.load(parser);
    QVERIFY2(config, config ? "" : qPrintable(config.error()));
    QCOMPARE(config->configFile, path);
}

void TstAppSettings::defaultPathIsTheEngines()
{
    QCOMPARE(AppSettings::defaultPath(), ConfigLoader::defaultGuiConfigPath());
    QCOMPARE(AppSettings().path(), ConfigLoader::defaultGuiConfigPath());
}

QTEST_GUILESS_MAIN(TstAppSettings)
#include "tst_app_settings.moc"
