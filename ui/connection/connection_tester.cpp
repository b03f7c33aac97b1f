#include "connection/connection_tester.h"

#include "bus/nats_bus.h"
#include "config/process_config.h"
#include "core/clock.h"
#include "gallery/gallery_catalog.h"
#include "gallery/gallery_loader.h"
#include "store/store.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace fleetdeck::ui {

namespace {

const QString kOk = QStringLiteral("✓ ");
const QString kFailed = QStringLiteral("✗ ");
const QString kPending = QStringLiteral("… ");

ConnectionTester::Line line(bool ok, const QString &text)
{
    return ConnectionTester::Line{text, ok, true};
}

// Engine errors name what failed ("NATS <url>: …", "open <dsn>: …", "gallery <url>: …"); the line
// already does.
QString withoutPrefix(QString error, const QString &prefix)
{
    if (error.startsWith(prefix))
        error.remove(0, prefix.size());
    return error;
}

} // namespace

ConnectionTester::ConnectionTester(QObject *parent) : QObject(parent) {}

void ConnectionTester::start(const ProfileRecord &profile, const ProfileSecrets &secrets)
{
    ++m_generation;
    m_lines.clear();
    m_outstanding = 0;
    const QString dsn = profile.storeDsn();
    m_lines << Line{tr("Store %1: testing…").arg(dsn)};
    m_lines << Line{tr("NATS %1: testing…").arg(profile.natsUrl)};
    for (const QString &url : profile.galleryUrls)
        m_lines << Line{tr("Gallery %1: testing…").arg(url)};
    if (profile.galleryUrls.isEmpty())
        m_lines << Line{tr("No gallery configured for this profile (the cluster's galleries apply)"), true, true};

    m_outstanding = profile.galleryUrls.isEmpty() ? 2 : int(m_lines.size());
    run(0, [profile, password = secrets.storePassword]() { return checkStore(profile, password); });
    run(1, [profile, secrets]() { return checkNats(profile, secrets); });
    for (int i = 0; i < profile.galleryUrls.size(); ++i)
        run(2 + i, [url = profile.galleryUrls.at(i)]() { return checkGallery(url); });
}

void ConnectionTester::run(int index, std::function<Line()> check)
{
    auto *watcher = new QFutureWatcher<Line>(this);
    const int generation = m_generation;
    connect(watcher, &QFutureWatcher<Line>::finished, this, [this, watcher, index, generation]() {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_lines[index] = watcher->result();
        Q_EMIT lineChanged(index);
        if (--m_outstanding == 0)
            Q_EMIT finished(allOk());
    });
    watcher->setFuture(QtConcurrent::run(std::move(check)));
}

QString ConnectionTester::report() const
{
    QStringList out;
    for (const Line &l : m_lines)
        out << (l.done ? (l.ok ? kOk : kFailed) : kPending) + l.text;
    return out.join(QLatin1Char('\n'));
}

bool ConnectionTester::allOk() const
{
    return std::all_of(m_lines.cbegin(), m_lines.cend(), [](const Line &l) { return l.done && l.ok; });
}

ConnectionTester::Line ConnectionTester::checkStore(const ProfileRecord &profile, const QString &password)
{
    const QString dsn = profile.storeDsn();
    StoreConfig config;
    if (profile.storeKind == ProfileRecord::StoreKind::Sqlite) {
        config.driver = StoreConfig::Driver::Sqlite;
        config.path = profile.sqlitePath;
        const QFileInfo file(config.path);
        if (!file.exists()) {
            // Testing must not create a store (docs/gui.md#first-start): check only that it could
            // be created.
            const QFileInfo dir(file.absolutePath());
            if (!dir.isDir() || !dir.isWritable())
                return line(false, tr("Store %1: the directory %2 does not exist or is not writable")
                                       .arg(dsn, QDir::toNativeSeparators(file.absolutePath())));
            return line(true, tr("Store %1: a new store is created there on connect").arg(dsn));
        }
    } else {
        config.driver = StoreConfig::Driver::Postgres;
        config.host = profile.pgHost;
        config.port = profile.pgPort;
        config.database = profile.pgDatabase;
        config.user = profile.pgUser;
        config.password = password;
        if (password.isEmpty() && !profile.storePasswordFile.isEmpty()) {
            auto secret = readSecretFile(QStringLiteral("store/password_file"), profile.storePasswordFile);
            if (!secret)
                return line(false, tr("Store %1: %2").arg(dsn, secret.error()));
            config.password = secret.value();
        }
    }
    const QString name = QStringLiteral("fleetdeck-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto opened = Store::open(config, SystemClock::instance(), name);
    if (!opened)
        return line(false, tr("Store %1: %2").arg(dsn, withoutPrefix(opened.error(), QStringLiteral("open ") + dsn + QStringLiteral(": "))));
    std::unique_ptr<Store> store = std::move(opened.value());
    QString text;
    bool ok = true;
    if (Status ping = store->ping(); !ping) {
        ok = false;
        text = tr("Store %1: %2").arg(dsn, ping.error());
    } else if (auto id = store->clusterId(); id && !id->isEmpty()) {
        const auto version = store->schemaVersion();
        text = tr("Store %1: connected, cluster %2, schema %3")
                   .arg(dsn, id.value(), version ? QString::number(version.value()) : version.error());
    } else {
        text = tr("Store %1: connected; no Fleetdeck schema yet (created on connect)").arg(dsn);
    }
    store.reset(); // closes the connection on this thread
    return line(ok, text);
}

ConnectionTester::Line ConnectionTester::checkNats(const ProfileRecord &profile, const ProfileSecrets &secrets,
                                                   qint64 flushTimeoutMs)
{
    NatsConfig config;
    config.url = profile.natsUrl.trimmed();
    config.tlsCaFile = profile.natsTlsCaFile.trimmed();
    config.name = QStringLiteral("fleetdeck-connection-test");
    QStringList scratch; // runtime files holding this test's secrets, removed below
    const auto secretFile = [&](const QString &secret, const QString &fallback, const char *what) -> Result<QString> {
        if (secret.isEmpty())
            return fallback;
        auto path = ProfileStore::writeRuntimeSecret(profile.name, QLatin1String(what), secret);
        if (path)
            scratch << path.value();
        return path;
    };
    Result<QString> file = QString();
    if (profile.auth == ProfileRecord::Auth::User) {
        config.user = profile.natsUser.trimmed();
        file = secretFile(secrets.natsPassword, profile.natsPasswordFile, "test-nats-password");
        if (file)
            config.passwordFile = file.value();
    } else if (profile.auth == ProfileRecord::Auth::Token) {
        file = secretFile(secrets.natsToken, profile.natsTokenFile, "test-nats-token");
        if (file)
            config.tokenFile = file.value();
    } else if (profile.auth == ProfileRecord::Auth::Creds) {
        config.credsFile = profile.natsCredsFile.trimmed();
    }
    Line result;
    if (!file) {
        result = line(false, tr("NATS %1: %2").arg(config.url, file.error()));
    } else if (auto bus = NatsBus::connect(config, SystemClock::instance()); !bus) {
        result = line(false, tr("NATS %1: %2").arg(config.url, withoutPrefix(bus.error(), QStringLiteral("NATS ") + config.url + QStringLiteral(": "))));
    } else {
        // This worker thread runs its own event loop until the flush answers.
        QEventLoop loop;
        QString error = tr("flush timed out");
        bool flushed = false;
        bus.value()->flush(flushTimeoutMs, &loop, [&](bool ok, const QString &message) {
            flushed = ok;
            error = message;
            loop.quit();
        });
        QTimer::singleShot(flushTimeoutMs + 1000, &loop, &QEventLoop::quit);
        loop.exec();
        result = flushed ? line(true, tr("NATS %1: connected (auth: %2)").arg(config.url, natsAuthMethod(config)))
                         : line(false, tr("NATS %1: %2").arg(config.url, withoutPrefix(error, QStringLiteral("NATS ") + config.url + QStringLiteral(": "))));
        bus.value().reset();
    }
    for (const QString &path : std::as_const(scratch))
        QFile::remove(path);
    return result;
}

ConnectionTester::Line ConnectionTester::checkGallery(const QString &url, qint64 timeoutMs)
{
    GalleryCatalog catalog;
    GalleryLoader loader(&catalog, SystemClock::instance());
    loader.setTimeoutMs(timeoutMs);
    QEventLoop loop;
    bool loaded = false;
    QObject::connect(&loader, &GalleryLoader::loaded, &loop, [&]() {
        loaded = true;
        loop.quit();
    });
    loader.load({url});
    if (!loaded) {
        QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const QList<GallerySourceState> states = loader.states();
    if (!loaded || states.isEmpty())
        return line(false, tr("Gallery %1: timed out").arg(url));
    if (!states.first().error.isEmpty())
        return line(false, tr("Gallery %1: %2").arg(url, withoutPrefix(states.first().error, QStringLiteral("gallery ") + url + QStringLiteral(": "))));
    const QList<GalleryIndex> indexes = catalog.indexes();
    const GalleryIndex index = indexes.value(0);
    return line(true, tr("Gallery %1: \"%2\", %n backend(s)", nullptr, int(index.entries.size())).arg(url, index.name));
}

} // namespace fleetdeck::ui
