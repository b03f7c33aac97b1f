// Artifact download (SPEC §7.2 step 2) and the worker allow-lists (§6.7), against the loopback
// artifact server; no NATS.
#include "archive_builder.h"
#include "artifact_server.h"
#include "worker/artifact_fetcher.h"
#include "worker_test_env.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>
#include <thread>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

QByteArray pattern(qsizetype n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char((i * 131 + 7) & 0xff);
    return b;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class TestWorkerFetcher : public QObject {
    Q_OBJECT

    ArtifactServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init()
    {
        m_server.setRateBytesPerSec(0);
        m_server.resetCounts();
    }

    void http_download_hashes_while_streaming()
    {
        WorkerDisk disk;
        const QByteArray data = pattern(600 * 1024);
        m_server.setFile(QStringLiteral("/a/piper.tar.gz"), data);
        m_server.setRateBytesPerSec(4 << 20);
        QList<QPair<qint64, qint64>> ticks;
        const FetchResult r = ArtifactFetcher().fetch(m_server.url(QStringLiteral("/a/piper.tar.gz")), disk.root() + QStringLiteral("/out"),
                                                      nullptr, [&](qint64 c, qint64 t) { ticks.append({c, t}); });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.sha256Hex, sha256Hex(data));
        QCOMPARE(r.bytes, qint64(data.size()));
        QCOMPARE(readFile(disk.root() + QStringLiteral("/out")), data);
        QVERIFY(ticks.size() > 3);
        QCOMPARE(ticks.last(), qMakePair(qint64(data.size()), qint64(data.size())));
        for (qsizetype i = 1; i < ticks.size(); ++i)
            QVERIFY(ticks[i].first >= ticks[i - 1].first);
        QCOMPARE(m_server.getCount(QStringLiteral("/a/piper.tar.gz")), 1);
    }

    void http_error_status_names_code_and_uri()
    {
        WorkerDisk disk;
        const QString uri = m_server.url(QStringLiteral("/missing.tar.gz"));
        const FetchResult r = ArtifactFetcher().fetch(uri, disk.root() + QStringLiteral("/out"), nullptr, {});
        QCOMPARE(r.error, QStringLiteral("download failed: HTTP 404 for ") + uri);
        m_server.setFile(QStringLiteral("/boom"), "x");
        m_server.setStatus(QStringLiteral("/boom"), 500);
        const FetchResult r2 = ArtifactFetcher().fetch(m_server.url(QStringLiteral("/boom")), disk.root() + QStringLiteral("/out"), nullptr, {});
        QCOMPARE(r2.error, QStringLiteral("download failed: HTTP 500 for ") + m_server.url(QStringLiteral("/boom")));
    }

    void redirects_followed_up_to_five()
    {
        WorkerDisk disk;
        m_server.setFile(QStringLiteral("/final"), "payload");
        for (int i = 1; i <= 6; ++i)
            m_server.setRedirect(QStringLiteral("/r%1").arg(i), m_server.url(i == 1 ? QStringLiteral("/final") : QStringLiteral("/r%1").arg(i - 1)));
        const FetchResult five = ArtifactFetcher().fetch(m_server.url(QStringLiteral("/r5")), disk.root() + QStringLiteral("/out"), nullptr, {});
        QVERIFY2(five.ok, qPrintable(five.error));
        QCOMPARE(five.sha256Hex, sha256Hex("payload"));
        const QString six = m_server.url(QStringLiteral("/r6"));
        const FetchResult r6 = ArtifactFetcher().fetch(six, disk.root() + QStringLiteral("/out"), nullptr, {});
        QCOMPARE(r6.error, QStringLiteral("download failed: more than 5 redirects for ") + six);
    }

    void unsupported_scheme()
    {
        const FetchResult r = ArtifactFetcher().fetch(QStringLiteral("ftp://h/x.tar.gz"), QStringLiteral("/nonexistent/out"), nullptr, {});
        QCOMPARE(r.error, QStringLiteral("unsupported URI scheme \"ftp\""));
        const FetchResult r2 = ArtifactFetcher().fetch(QStringLiteral("oci://registry/x"), QStringLiteral("/nonexistent/out"), nullptr, {});
        QCOMPARE(r2.error, QStringLiteral("unsupported URI scheme \"oci\""));
    }

    void stall_detected_with_short_configured_time()
    {
        WorkerDisk disk;
        m_server.setFile(QStringLiteral("/stall"), pattern(100000));
        m_server.setStallAfter(QStringLiteral("/stall"), 1000);
        FetchOptions o;
        o.stallTimeoutMs = 300;
        QElapsedTimer t;
        t.start();
        const FetchResult r = ArtifactFetcher(o).fetch(m_server.url(QStringLiteral("/stall")), disk.root() + QStringLiteral("/out"), nullptr, {});
        QCOMPARE(r.error, QStringLiteral("download stalled: no data for 300 ms"));
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(ArtifactFetcher::stallMessage(60000), QStringLiteral("download stalled: no data for 60 s"));
    }

    void cancel_stops_a_throttled_download_within_1s()
    {
        WorkerDisk disk;
        m_server.setFile(QStringLiteral("/big"), pattern(20 << 20));
        m_server.setRateBytesPerSec(1 << 20);
        std::atomic<bool> abort{false};
        std::atomic<qint64> setAt{0};
        QElapsedTimer clock;
        clock.start();
        std::thread canceller([&]() {
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            setAt = clock.elapsed();
            abort = true;
        });
        qint64 got = 0;
        const FetchResult r = ArtifactFetcher().fetch(m_server.url(QStringLiteral("/big")), disk.root() + QStringLiteral("/out"), &abort,
                                                      [&](qint64 c, qint64) { got = c; });
        const qint64 returnedAt = clock.elapsed();
        canceller.join();
        QVERIFY(r.cancelled);
        QCOMPARE(r.error, QStringLiteral("cancelled by request"));
        QVERIFY(got > 0);
        QVERIFY2(returnedAt - setAt < 1000, qPrintable(QString::number(returnedAt - setAt)));
    }

    void size_cap_enforced()
    {
        WorkerDisk disk;
        m_server.setFile(QStringLiteral("/huge"), pattern(5000));
        FetchOptions o;
        o.maxBytes = 1000;
        const FetchResult r = ArtifactFetcher(o).fetch(m_server.url(QStringLiteral("/huge")), disk.root() + QStringLiteral("/out"), nullptr, {});
        QVERIFY(r.error.startsWith(QStringLiteral("download failed: artifact exceeds the size limit of 1000 bytes")));
        const QString uri = disk.putArtifact(QStringLiteral("huge.bin"), pattern(5000));
        o.allowedFileRoots = {disk.artifacts()};
        const FetchResult f = ArtifactFetcher(o).fetch(uri, disk.root() + QStringLiteral("/out"), nullptr, {});
        QVERIFY(f.error.startsWith(QStringLiteral("download failed: artifact exceeds the size limit of 1000 bytes")));
    }

    void file_uri_below_allowed_root()
    {
        WorkerDisk disk;
        const QByteArray data = pattern(3 << 20);
        const QString uri = disk.putArtifact(QStringLiteral("tool.tar.gz"), data);
        FetchOptions o;
        o.allowedFileRoots = {disk.artifacts()};
        int ticks = 0;
        const FetchResult r = ArtifactFetcher(o).fetch(uri, disk.root() + QStringLiteral("/out"), nullptr, [&](qint64, qint64 t) {
            QCOMPARE(t, qint64(data.size()));
            ++ticks;
        });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.sha256Hex, sha256Hex(data));
        QVERIFY(ticks >= 3);
    }

    // The demo's simulated links: one throttle per transfer, asked before every chunk with the
    // bytes so far; a false answer (the abort flag ended its wait) cancels the transfer.
    void file_throttle_is_asked_per_chunk_and_can_stop()
    {
        WorkerDisk disk;
        const QByteArray data = pattern(40'000);
        const QString uri = disk.putArtifact(QStringLiteral("paced.tar.gz"), data);
        FetchOptions o;
        o.allowedFileRoots = {disk.artifacts()};
        o.fileChunkBytes = 10'000;
        QStringList made;
        QList<qint64> asked;
        o.fileThrottle = [&](const QString &u) {
            made.append(u);
            return FetchOptions::FileThrottle([&](qint64 done, qint64 total, const std::atomic<bool> *) {
                asked.append(done);
                return total == qint64(data.size());
            });
        };
        const FetchResult r = ArtifactFetcher(o).fetch(uri, disk.root() + QStringLiteral("/out"), nullptr, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.sha256Hex, sha256Hex(data));
        QCOMPARE(made, QStringList{uri});
        QCOMPARE(asked, (QList<qint64>{0, 10'000, 20'000, 30'000, 40'000}));
        o.fileThrottle = [](const QString &) {
            return FetchOptions::FileThrottle([](qint64 done, qint64, const std::atomic<bool> *) { return done < 20'000; });
        };
        const FetchResult stopped = ArtifactFetcher(o).fetch(uri, disk.root() + QStringLiteral("/out"), nullptr, {});
        QVERIFY(stopped.cancelled);
        QCOMPARE(stopped.error, QStringLiteral("cancelled by request"));
    }

    void file_uri_outside_allowed_roots_refused()
    {
        WorkerDisk disk;
        const QString outside = disk.root() + QStringLiteral("/secret");
        QFile f(outside);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("secret");
        f.close();
        FetchOptions o;
        o.allowedFileRoots = {disk.artifacts()};
        const FetchResult r = ArtifactFetcher(o).fetch(QStringLiteral("file://") + outside, disk.root() + QStringLiteral("/out"), nullptr, {});
        QCOMPARE(r.error, QStringLiteral("file:// path %1 is not below an allowed root").arg(outside));
        // A symlink inside the root that resolves outside it is refused too (realpath).
        const QString link = disk.artifacts() + QStringLiteral("/link");
        QVERIFY(QFile::link(outside, link));
        const FetchResult viaLink = ArtifactFetcher(o).fetch(QStringLiteral("file://") + link, disk.root() + QStringLiteral("/out"), nullptr, {});
        QCOMPARE(viaLink.error, QStringLiteral("file:// path %1 is not below an allowed root").arg(link));
        // A dot-dot path that leaves the root lexically.
        const QString dotdot = disk.artifacts() + QStringLiteral("/../secret");
        const FetchResult viaDots = ArtifactFetcher(o).fetch(QStringLiteral("file://") + dotdot, disk.root() + QStringLiteral("/out"), nullptr, {});
        QVERIFY(!viaDots.ok);
        QVERIFY(viaDots.error.endsWith(QStringLiteral("is not below an allowed root")));
        // Without roots every file:// artifact is refused.
        const FetchResult none = ArtifactFetcher().fetch(QStringLiteral("file:///etc/shadow"), disk.root() + QStringLiteral("/out"), nullptr, {});
        QCOMPARE(none.error, QStringLiteral("file:// path /etc/shadow is not below an allowed root"));
        QVERIFY(!QFileInfo::exists(disk.root() + QStringLiteral("/out")));
    }

    void allow_gallery_prefixes()
    {
        const QStringList prefixes{QStringLiteral("https://gallery.example.org/")};
        const QJsonArray galleries{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                                               {QStringLiteral("url"), QStringLiteral("https://gallery.example.org/index.json")}}};
        QJsonObject entry{{QStringLiteral("name"), QStringLiteral("piper")},
                          {QStringLiteral("uri"), QStringLiteral("https://gallery.example.org/artifacts/piper.tar.gz")},
                          {QStringLiteral("gallery_url"), QStringLiteral("https://gallery.example.org/index.json")}};
        QVERIFY(checkAllowedGalleries(galleries, entry, prefixes).ok());
        QVERIFY(checkAllowedGalleries(galleries, entry, {}).ok());

        QJsonObject evil = entry;
        evil.insert(QStringLiteral("uri"), QStringLiteral("https://evil.example.net/x.tar.gz"));
        QCOMPARE(checkAllowedGalleries(galleries, evil, prefixes).error(),
                 QStringLiteral("gallery https://evil.example.net/x.tar.gz is not allowed on this node"));
        QVERIFY(checkAllowedGalleries(galleries, evil, {}).ok());

        QJsonObject otherGallery = entry;
        otherGallery.insert(QStringLiteral("gallery_url"), QStringLiteral("https://lab.example.net/index.json"));
        QCOMPARE(checkAllowedGalleries(galleries, otherGallery, prefixes).error(),
                 QStringLiteral("gallery https://lab.example.net/index.json is not allowed on this node"));

        const QJsonArray twoGalleries{galleries.first(), QJsonObject{{QStringLiteral("url"), QStringLiteral("file:///srv/g.json")}}};
        QCOMPARE(checkAllowedGalleries(twoGalleries, entry, prefixes).error(),
                 QStringLiteral("gallery file:///srv/g.json is not allowed on this node"));

        // A file:// artifact is governed by --allow-file-root, not by the gallery prefixes.
        QJsonObject fileEntry = entry;
        fileEntry.insert(QStringLiteral("uri"), QStringLiteral("file:///srv/artifacts/piper.tar.gz"));
        QVERIFY(checkAllowedGalleries(galleries, fileEntry, prefixes).ok());
    }
};

QTEST_GUILESS_MAIN(TestWorkerFetcher)
#include "tst_worker_fetcher.moc"
