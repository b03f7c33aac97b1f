// ConfigLoader and ProcessConfig (SPEC §1.5): precedence, validation of the INI file, flags and
// variables, the store DSN and password file, worker keys, file locations and the first-start check.
#include "config/config_loader.h"

#include <QCommandLineParser>
#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;

class TestConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    // Loads like a binary would: common flags (plus worker / profile flags when asked).
    static Result<ProcessConfig> load(const QStringList &args, const QProcessEnvironment &env = {},
                                      bool worker = false, const QString &defaultFile = {}, bool profile = false)
    {
        QCommandLineParser parser;
        ConfigLoader loader(env);
        loader.addCommonOptions(parser);
        if (worker)
            loader.addWorkerOptions(parser);
        if (profile)
            loader.addProfileOption(parser);
        loader.setDefaultConfigFile(defaultFile);
        if (!parser.parse(QStringList{QStringLiteral("fleetdeck")} + args))
            return Result<ProcessConfig>::failure(parser.errorText());
        return loader.load(parser);
    }

    static QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars)
    {
        QProcessEnvironment e;
        for (const auto &[k, v] : vars)
            e.insert(QLatin1String(k), QLatin1String(v));
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void a48_config_precedence()
    {
        const QString ini = writeFile(QStringLiteral("a48.conf"), "[nats]\nurl=nats://ini.example:4222\n");
        const QString fileArg = QStringLiteral("--config=") + ini;
        const QProcessEnvironment withVar = env({{"FLEETDECK_NATS_URL", "nats://env.example:4222"}});

        Result<ProcessConfig> c = load({fileArg, QStringLiteral("--nats"), QStringLiteral("nats://flag.example:4222")}, withVar);
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->nats.url, QStringLiteral("nats://flag.example:4222"));
        QCOMPARE(toString(c->sourceOf(QStringLiteral("nats/url"))), toString(ConfigSource::Flag));

        c = load({fileArg}, withVar);
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->nats.url, QStringLiteral("nats://env.example:4222"));
        QCOMPARE(toString(c->sourceOf(QStringLiteral("nats/url"))), toString(ConfigSource::Environment));

        c = load({fileArg});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->nats.url, QStringLiteral("nats://ini.example:4222"));
        QCOMPARE(toString(c->sourceOf(QStringLiteral("nats/url"))), toString(ConfigSource::File));

        c = load({});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->nats.url, QString());
        QCOMPARE(toString(c->sourceOf(QStringLiteral("nats/url"))), toString(ConfigSource::Default));
    }

    void environmentNames()
    {
        QCOMPARE(ConfigLoader::environmentName(QStringLiteral("nats/url")), QStringLiteral("FLEETDECK_NATS_URL"));
        QCOMPARE(ConfigLoader::environmentName(QStringLiteral("worker/backends_dir")),
                 QStringLiteral("FLEETDECK_WORKER_BACKENDS_DIR"));
        QVERIFY(ConfigLoader::knownKeys().contains(QStringLiteral("worker/max_payload_bytes")));
    }

    void defaults()
    {
        const Result<ProcessConfig> c = load({}, {}, true);
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->configFile, QString());
        QCOMPARE(c->storeDriver, QString());
        QCOMPARE(c->storePort, 5432);
        QCOMPARE(c->worker.registerTimeoutS, 5);
        QCOMPARE(c->worker.registerBackoffInitialS, 2);
        QCOMPARE(c->worker.registerBackoffCapS, 30);
        QCOMPARE(c->worker.progressDebounceMs, 250);
        QCOMPARE(c->worker.shutdownWaitS, 30);
        QCOMPARE(c->worker.shutdownTotalS, 60);
        QCOMPARE(c->worker.cancelTombstoneS, 600);
        QCOMPARE(c->worker.maxPayloadBytes, qint64(1048576));
        QCOMPARE(c->worker.heartbeatIntervalS, 0);
        QVERIFY(c->sources.isEmpty());
        QVERIFY(!c->storeConfig().ok());
    }

    void unknownKeyIsNamed()
    {
        const QString ini = writeFile(QStringLiteral("unknown.conf"), "[nats]\nurll=nats://x:4222\n");
        const Result<ProcessConfig> c = load({QStringLiteral("--config"), ini});
        QVERIFY(!c.ok());
        QCOMPARE(c.error(), QStringLiteral("config ") + ini + QStringLiteral(": unknown key \"nats/urll\""));
    }

    void misspelledGroupIsReported()
    {
        const QString ini = writeFile(QStringLiteral("case.conf"), "[Nats]\nurl=nats://x:4222\n");
        const Result<ProcessConfig> c = load({QStringLiteral("--config"), ini});
        QVERIFY(!c.ok());
        QCOMPARE(c.error(), QStringLiteral("config ") + ini + QStringLiteral(": unknown key \"Nats/url\""));
    }

    void clusterKeyInIniIsRefusedWithHint()
    {
        const QString ini = writeFile(QStringLiteral("cluster.conf"), "[nats]\ntimeout_install_s=5\n");
        const Result<ProcessConfig> c = load({QStringLiteral("--config"), ini});
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(QStringLiteral("unknown key \"nats/timeout_install_s\"")), qPrintable(c.error()));
        QVERIFY2(c.error().contains(QStringLiteral("settings set")), qPrintable(c.error()));
    }

    void uiAndOtherGroupsAreNotChecked()
    {
        const QString ini = writeFile(QStringLiteral("ui.conf"),
                                      "[ui]\ngeometry=abc\nwhatever=1\n[nats]\nurl=tls://secure.example:4222\n");
        const Result<ProcessConfig> c = load({QStringLiteral("--config"), ini});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->nats.url, QStringLiteral("tls://secure.example:4222"));
    }

    void natsUrlList()
    {
        const QString ini = writeFile(QStringLiteral("natslist.conf"), "[nats]\nurl=nats://a:4222, tls://b:4222\n");
        Result<ProcessConfig> c = load({QStringLiteral("--config"), ini});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->nats.url, QStringLiteral("nats://a:4222,tls://b:4222"));
        c = load({}, env({{"FLEETDECK_NATS_URL", "nats://a:4222,nats://b:4222"}}));
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->nats.url, QStringLiteral("nats://a:4222,nats://b:4222"));
        QVERIFY(!load({QStringLiteral("--nats"), QStringLiteral("nats://a:4222,http://b")}).ok());
    }

    void wrongTypeIsNamed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("port") << QByteArray("[store]\nport=abc\n")
                              << QStringLiteral("invalid value for store/port: expected an integer");
        QTest::newRow("port range") << QByteArray("[store]\nport=70000\n")
                                    << QStringLiteral("invalid value for store/port: expected an integer between 1 and 65535, got 70000");
        QTest::newRow("driver") << QByteArray("[store]\ndriver=mysql\n")
                                << QStringLiteral("invalid value for store/driver: expected one of sqlite, postgres, got \"mysql\"");
        QTest::newRow("gpu vendor") << QByteArray("[worker]\ngpu_vendor=banana\n")
                                    << QStringLiteral("invalid value for worker/gpu_vendor: expected one of nvidia, amd, intel, apple, cpu, got \"banana\"");
        QTest::newRow("nats url") << QByteArray("[nats]\nurl=http://x:80\n")
                                  << QStringLiteral("invalid value for nats/url: expected a nats://HOST[:PORT] or tls://HOST[:PORT] URL, got \"http://x:80\"");
        QTest::newRow("list for scalar") << QByteArray("[store]\nhost=a, b\n")
                                         << QStringLiteral("invalid value for store/host: expected a single value, not a list");
        QTest::newRow("label") << QByteArray("[worker]\nlabels=gpu\n")
                               << QStringLiteral("invalid value for worker/labels: expected k=v, got \"gpu\"");
        QTest::newRow("constant") << QByteArray("[worker]\nshutdown_wait_s=-1\n")
                                  << QStringLiteral("invalid value for worker/shutdown_wait_s: expected an integer between 0 and 3600, got -1");
        QTest::newRow("node name") << QByteArray("[worker]\nname=-bad\n")
                                   << QStringLiteral("invalid value for worker/name: invalid node name \"-bad\"");
    }

    void wrongTypeIsNamed()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString ini = writeFile(QStringLiteral("wrong.conf"), content);
        const Result<ProcessConfig> c = load({QStringLiteral("--config"), ini}, {}, true);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().startsWith(QStringLiteral("config ") + ini + QStringLiteral(": ") + message), qPrintable(c.error()));
    }

    void wrongValueFromVariableOrFlagNamesItsOrigin()
    {
        Result<ProcessConfig> c = load({}, env({{"FLEETDECK_STORE_PORT", "abc"}}));
        QVERIFY(!c.ok());
        QCOMPARE(c.error(), QStringLiteral("environment variable FLEETDECK_STORE_PORT: invalid value for store/port: expected an integer"));

        c = load({QStringLiteral("--heartbeat-interval"), QStringLiteral("0")}, {}, true);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().startsWith(QStringLiteral("--heartbeat-interval: invalid value for worker/heartbeat_interval: ")),
                 qPrintable(c.error()));

        c = load({QStringLiteral("--nats"), QStringLiteral("localhost")});
        QVERIFY(!c.ok());
        QVERIFY2(c.error().startsWith(QStringLiteral("--nats: invalid value for nats/url")), qPrintable(c.error()));
    }

    void explicitConfigFileMustExist()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.conf"));
        const Result<ProcessConfig> c = load({QStringLiteral("--config"), missing});
        QVERIFY(!c.ok());
        QCOMPARE(c.error(), QStringLiteral("config ") + missing + QStringLiteral(": no such file"));

        // A default file (the GUI's) may be missing: it is where Connect… saves.
        const Result<ProcessConfig> d = load({}, {}, false, missing);
        QVERIFY2(d.ok(), qPrintable(d.error()));
        QCOMPARE(d->configFile, missing);
        QVERIFY(d->needsFirstStartChoice());
    }

    void storeFromKeysAndPasswordFile()
    {
        const QString pw = writeFile(QStringLiteral("pg.pw"), "hunter2\n");
        const QString ini = writeFile(QStringLiteral("pg.conf"),
                                      "[store]\ndriver=postgres\nhost=db.example\nport=6543\ndatabase=fleet\n"
                                      "user=app\npassword_file=" + pw.toUtf8() + "\n");
        const Result<ProcessConfig> c = load({QStringLiteral("--config"), ini});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        const Result<StoreConfig> s = c->storeConfig();
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(s->driver, StoreConfig::Driver::Postgres);
        QCOMPARE(s->host, QStringLiteral("db.example"));
        QCOMPARE(s->port, 6543);
        QCOMPARE(s->database, QStringLiteral("fleet"));
        QCOMPARE(s->user, QStringLiteral("app"));
        QCOMPARE(s->password, QStringLiteral("hunter2"));
        QVERIFY(!c->describe().contains(QStringLiteral("hunter2")));
        QVERIFY(c->hasStoreConfigured());
        QVERIFY(!c->hasNatsConfigured());
        QVERIFY(c->needsFirstStartChoice());
    }

    void missingPasswordFileIsNamed()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nope.pw"));
        const QProcessEnvironment e = env({{"FLEETDECK_STORE_PASSWORD_FILE", qPrintable(missing)}});
        const Result<ProcessConfig> c = load({QStringLiteral("--store"), QStringLiteral("postgresql://app@127.0.0.1:5433/fleet")}, e);
        QVERIFY2(c.ok(), qPrintable(c.error()));
        const Result<StoreConfig> s = c->storeConfig();
        QVERIFY(!s.ok());
        QVERIFY2(s.error().startsWith(QStringLiteral("store/password_file: cannot read \"") + missing + QLatin1Char('"')),
                 qPrintable(s.error()));
    }

    void storeDsnFlag()
    {
        // --store replaces every store/* key of the file but the password file.
        const QString ini = writeFile(QStringLiteral("dsn.conf"), "[store]\ndriver=sqlite\npath=/var/lib/x.sqlite\n");
        Result<ProcessConfig> c = load({QStringLiteral("--config"), ini, QStringLiteral("--store"),
                                        QStringLiteral("postgresql://app@pg.example:5433/fleet")});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        Result<StoreConfig> s = c->storeConfig();
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(s->driver, StoreConfig::Driver::Postgres);
        QCOMPARE(s->dsn(), QStringLiteral("postgresql://app@pg.example:5433/fleet"));
        QCOMPARE(s->password, QString());
        QCOMPARE(toString(c->sourceOf(QStringLiteral("store/driver"))), toString(ConfigSource::Flag));

        c = load({QStringLiteral("--store"), QStringLiteral("sqlite:/tmp/fleet.sqlite")});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        s = c->storeConfig();
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(s->driver, StoreConfig::Driver::Sqlite);
        QCOMPARE(s->path, QStringLiteral("/tmp/fleet.sqlite"));

        c = load({QStringLiteral("--store"), QStringLiteral("mysql://app@x/db")});
        QVERIFY(!c.ok());
        QVERIFY2(c.error().startsWith(QStringLiteral("--store: ")), qPrintable(c.error()));
    }

    void listsFromFlagsVariablesAndFile()
    {
        Result<ProcessConfig> c = load({QStringLiteral("--gallery"), QStringLiteral("https://a/index.json"),
                                        QStringLiteral("--gallery"), QStringLiteral("/srv/b.json")});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->galleryUrls, (QStringList{QStringLiteral("https://a/index.json"), QStringLiteral("/srv/b.json")}));

        c = load({}, env({{"FLEETDECK_GALLERY_URLS", "https://a/index.json, /srv/b.json"}}));
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->galleryUrls, (QStringList{QStringLiteral("https://a/index.json"), QStringLiteral("/srv/b.json")}));

        const QString ini = writeFile(QStringLiteral("lists.conf"), "[gallery]\nurls=https://a/index.json, /srv/b.json\n");
        c = load({QStringLiteral("--config"), ini});
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->galleryUrls, (QStringList{QStringLiteral("https://a/index.json"), QStringLiteral("/srv/b.json")}));
    }

    void workerFlagsAndKeys()
    {
        const QString ini = writeFile(QStringLiteral("worker.conf"),
                                      "[worker]\nbackends_dir=/ini/backends\nsystem_backends_dir=/usr/share/b\n"
                                      "progress_debounce_ms=100\nlabels=rack=r1\n[nats]\nurl=nats://bus:4222\n");
        const Result<ProcessConfig> c = load(
            {QStringLiteral("--config"), ini, QStringLiteral("--name"), QStringLiteral("gpu-a100-1"),
             QStringLiteral("--backends-dir"), QStringLiteral("/flag/backends"), QStringLiteral("--label"),
             QStringLiteral("gpu=a100"), QStringLiteral("--label"), QStringLiteral("rack=r2"),
             QStringLiteral("--gpu-vendor"), QStringLiteral("NVIDIA"), QStringLiteral("--allow-gallery"),
             QStringLiteral("https://gallery.example.org/"), QStringLiteral("--allow-file-root"), QStringLiteral("/srv/a"),
             QStringLiteral("--allow-file-root"), QStringLiteral("/srv/b"), QStringLiteral("--heartbeat-interval"),
             QStringLiteral("3"), QStringLiteral("--registration-token-file"), QStringLiteral("/etc/fleetdeck/token")},
            env({{"FLEETDECK_WORKER_SHUTDOWN_WAIT_S", "5"}}), true);
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->worker.name, QStringLiteral("gpu-a100-1"));
        QCOMPARE(c->worker.backendsDir, QStringLiteral("/flag/backends"));
        QCOMPARE(c->worker.systemBackendsDir, QStringLiteral("/usr/share/b"));
        QCOMPARE(c->worker.labels.size(), 2);
        QCOMPARE(c->worker.labels.value(QStringLiteral("rack")), QStringLiteral("r2"));
        QCOMPARE(c->worker.gpuVendor, QStringLiteral("nvidia"));
        QCOMPARE(c->worker.allowGallery, QStringList{QStringLiteral("https://gallery.example.org/")});
        QCOMPARE(c->worker.allowFileRoot, (QStringList{QStringLiteral("/srv/a"), QStringLiteral("/srv/b")}));
        QCOMPARE(c->worker.heartbeatIntervalS, 3);
        QCOMPARE(c->worker.registrationTokenFile, QStringLiteral("/etc/fleetdeck/token"));
        QCOMPARE(c->worker.progressDebounceMs, 100);
        QCOMPARE(c->worker.shutdownWaitS, 5);
        QCOMPARE(c->nats.url, QStringLiteral("nats://bus:4222"));
    }

    void secretFileTrimsTrailingNewline()
    {
        const QString path = writeFile(QStringLiteral("token"), "abc def\r\n");
        const Result<QString> s = readSecretFile(QStringLiteral("nats/token_file"), path);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(s.value(), QStringLiteral("abc def"));
    }

    void filePaths()
    {
        QVERIFY(ConfigLoader::defaultGuiConfigPath().endsWith(QStringLiteral("/fleetdeck/fleetdeck.conf")));
        const Result<QString> p = ConfigLoader::profileConfigPath(QStringLiteral("lab"));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QVERIFY(p->endsWith(QStringLiteral("/fleetdeck/profiles/lab.conf")));
        QVERIFY(!ConfigLoader::profileConfigPath(QStringLiteral("../etc")).ok());

        // ctl: --profile names a file that must exist; --config wins over it.
        const Result<ProcessConfig> missing = load({QStringLiteral("--profile"), QStringLiteral("nothere")}, {}, false, {}, true);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QStringLiteral("profiles/nothere.conf: no such file")), qPrintable(missing.error()));
        const QString ini = writeFile(QStringLiteral("ctl.conf"), "[nats]\nurl=nats://ctl:4222\n");
        const Result<ProcessConfig> c = load({QStringLiteral("--profile"), QStringLiteral("nothere"),
                                              QStringLiteral("--config"), ini}, {}, false, {}, true);
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c->nats.url, QStringLiteral("nats://ctl:4222"));
    }

    void firstStartChoice()
    {
        QVERIFY(load({})->needsFirstStartChoice());
        const Result<ProcessConfig> nats = load({}, env({{"FLEETDECK_NATS_URL", "nats://127.0.0.1:4222"}}));
        QVERIFY(nats->hasNatsConfigured());
        QVERIFY(!nats->hasStoreConfigured());
        QVERIFY(nats->needsFirstStartChoice());
        const Result<ProcessConfig> both = load({QStringLiteral("--store"), QStringLiteral("sqlite:/tmp/f.sqlite"),
                                                 QStringLiteral("--nats"), QStringLiteral("nats://127.0.0.1:4222")});
        QVERIFY(!both->needsFirstStartChoice());
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
