// One install/upgrade run of the worker (SPEC §7.2, §7.4; A11, A23, A30, A31) against the
// loopback artifact server; no NATS.
#include "archive_builder.h"
#include "artifact_server.h"
#include "core/clock.h"
#include "worker/backend_installer.h"
#include "worker/progress_publisher.h"
#include "worker_test_env.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>
#include <sys/stat.h>
#include <thread>

using namespace fleetdeck;
using namespace fleetdeck::test;
using Item = ArchiveItem;

namespace {
constexpr qint64 kT0 = 1767225600123; // 2026-01-01T00:00:00.123Z
const QString kGallery = QStringLiteral("https://gallery.example.org/index.json");
} // namespace

class TestWorkerInstaller : public QObject {
    Q_OBJECT

    ArtifactServer m_server;
    ManualClock m_clock{kT0};
    std::unique_ptr<WorkerDisk> m_disk;

    InstallerConfig config() const
    {
        InstallerConfig c;
        c.backendsDir = m_disk->backends();
        c.systemBackendsDir = m_disk->system();
        c.fetch.allowedFileRoots = {m_disk->artifacts()};
        return c;
    }
    // Serves bytes at /artifacts/<file>; returns the entry for it.
    QJsonObject serve(const QString &name, const QString &version, const QString &file, const QByteArray &bytes,
                      bool withSha = true)
    {
        m_server.setFile(QStringLiteral("/artifacts/") + file, bytes);
        QJsonObject e{{QStringLiteral("name"), name},
                      {QStringLiteral("version"), version},
                      {QStringLiteral("uri"), m_server.url(QStringLiteral("/artifacts/") + file)},
                      {QStringLiteral("size"), bytes.size()},
                      {QStringLiteral("gallery_url"), kGallery}};
        if (withSha)
            e.insert(QStringLiteral("sha256"), sha256Hex(bytes));
        return e;
    }
    QJsonObject serveBackend(const QString &name, const QString &version)
    {
        return serve(name, version, name + QLatin1Char('-') + version + QStringLiteral(".tar.gz"), backendArchive(name, version));
    }
    static InstallRequest request(const QJsonObject &entry, bool force = false, const QString &opId = {}, QString backend = {})
    {
        InstallRequest r;
        r.entry = entry;
        r.backend = backend.isEmpty() ? entry.value(QStringLiteral("name")).toString() : backend;
        r.galleries = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")}, {QStringLiteral("url"), kGallery}}};
        r.force = force;
        r.opId = opId;
        return r;
    }
    JobResult install(const InstallRequest &req, QList<ProgressTick> *ticks = nullptr)
    {
        JobControl control;
        const BackendInstaller installer(config(), &m_clock);
        return installer.install(req, control, [ticks](const ProgressTick &t) {
            if (ticks)
                ticks->append(t);
        });
    }
    QJsonObject listed(const QString &name) const
    {
        for (const QJsonValue &v : BackendInstaller(config(), nullptr).list())
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init()
    {
        m_disk = std::make_unique<WorkerDisk>();
        m_server.setRateBytesPerSec(0);
        m_server.resetCounts();
        m_clock.setMs(kT0);
    }
    void cleanup() { m_disk.reset(); }

    void install_commits_metadata_and_reports_phases()
    {
        const QJsonObject e = serveBackend(QStringLiteral("piper"), QStringLiteral("b1"));
        QList<ProgressTick> ticks;
        const JobResult r = install(request(e, false, QStringLiteral("op-1")), &ticks);
        QVERIFY2(r.success, qPrintable(r.error));
        const QString digest = QStringLiteral("sha256:") + e.value(QStringLiteral("sha256")).toString();
        QCOMPARE(r.toJson(), (QJsonObject{{QStringLiteral("success"), true},
                                          {QStringLiteral("installed"), QJsonObject{{QStringLiteral("version"), QStringLiteral("b1")},
                                                                                    {QStringLiteral("digest"), digest},
                                                                                    {QStringLiteral("installed_at"), QStringLiteral("2026-01-01T00:00:00.123Z")}}}}));
        QCOMPARE(m_disk->metadata(QStringLiteral("piper")),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("piper")}, {QStringLiteral("version"), QStringLiteral("b1")},
                              {QStringLiteral("uri"), e.value(QStringLiteral("uri"))}, {QStringLiteral("digest"), digest},
                              {QStringLiteral("installed_at"), QStringLiteral("2026-01-01T00:00:00.123Z")},
                              {QStringLiteral("op_id"), QStringLiteral("op-1")}, {QStringLiteral("gallery_url"), kGallery},
                              {QStringLiteral("size_bytes"), e.value(QStringLiteral("size"))},
                              {QStringLiteral("meta_backend_for"), QString()}}));
        // The single top-level directory was collapsed.
        QVERIFY(QFileInfo(m_disk->backends() + QStringLiteral("/piper/bin/run")).isFile());
        QVERIFY(m_disk->stagingEntries().isEmpty());
        const QJsonObject l = listed(QStringLiteral("piper"));
        QCOMPARE(l.size(), 10);
        QCOMPARE(l.value(QStringLiteral("is_system")).toBool(), false);
        QCOMPARE(l.value(QStringLiteral("is_meta")).toBool(), false);
        QCOMPARE(l.value(QStringLiteral("op_id")).toString(), QStringLiteral("op-1"));
        QCOMPARE(l.value(QStringLiteral("digest")).toString(), digest);

        QStringList phases;
        double last = -1;
        for (const ProgressTick &t : ticks) {
            if (phases.isEmpty() || phases.last() != t.phase)
                phases.append(t.phase);
            QVERIFY2(t.percentage >= last, qPrintable(QString::number(t.percentage)));
            last = t.percentage;
            QCOMPARE(t.fileName, QStringLiteral("piper-b1.tar.gz"));
            if (t.phase == QLatin1String("downloading"))
                QVERIFY(t.percentage <= 90);
            if (t.phase == QLatin1String("verifying"))
                QVERIFY(t.percentage == 90 || t.percentage == 93);
        }
        QCOMPARE(phases, (QStringList{QStringLiteral("resolving"), QStringLiteral("downloading"), QStringLiteral("verifying"),
                                      QStringLiteral("extracting")}));
        QCOMPARE(ticks.first().percentage, 0.0);
        QCOMPARE(ticks.last().percentage, 100.0);
        QCOMPARE(ticks.last().phase, QStringLiteral("extracting"));
        QVERIFY(ticks[ticks.size() - 2].percentage <= 99);
    }

    void idempotent_install_does_not_download()
    {
        const QJsonObject e = serveBackend(QStringLiteral("piper"), QStringLiteral("b1"));
        QVERIFY(install(request(e)).success);
        m_server.resetCounts();
        QList<ProgressTick> ticks;
        const JobResult r = install(request(e), &ticks);
        QVERIFY(r.success);
        QCOMPARE(r.installed->version, QStringLiteral("b1"));
        QCOMPARE(m_server.totalGets(), 0);
        QVERIFY(ticks.isEmpty());
    }

    void a23_force_reinstall_redownloads()
    {
        const QJsonObject e = serveBackend(QStringLiteral("piper"), QStringLiteral("b2"));
        QVERIFY(install(request(e, false, QStringLiteral("op-first"))).success);
        const qint64 t0 = kT0 + 5000;
        m_clock.setMs(t0);
        m_server.resetCounts();
        const JobResult re = install(request(e, true, QStringLiteral("op-reinstall")));
        QVERIFY2(re.success, qPrintable(re.error));
        QCOMPARE(m_server.getCount(QStringLiteral("/artifacts/piper-b2.tar.gz")), 1);
        const QJsonObject l = listed(QStringLiteral("piper"));
        QCOMPARE(l.value(QStringLiteral("op_id")).toString(), QStringLiteral("op-reinstall"));
        const QDateTime at = QDateTime::fromString(l.value(QStringLiteral("installed_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(at.toMSecsSinceEpoch() >= t0);
        // A plain install afterwards: no download, no progress event.
        m_server.resetCounts();
        QList<ProgressTick> ticks;
        QVERIFY(install(request(e, false, QStringLiteral("op-plain")), &ticks).success);
        QCOMPARE(m_server.totalGets(), 0);
        QVERIFY(ticks.isEmpty());
        QCOMPARE(listed(QStringLiteral("piper")).value(QStringLiteral("op_id")).toString(), QStringLiteral("op-reinstall"));
    }

    void a30_archive_path_traversal_rejected_data()
    {
        QTest::addColumn<QList<Item>>("items");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("error");
        const Item ok = Item::file(QStringLiteral("bin/run"), "b2", 0755);
        QTest::newRow("dotdot") << QList<Item>{ok, Item::file(QStringLiteral("../../etc/cron.d/x"), "* * * * * root evil")}
                                << QStringLiteral(".tar.gz") << QStringLiteral("archive entry escapes target directory: ../../etc/cron.d/x");
        QTest::newRow("absolute") << QList<Item>{ok, Item::file(QStringLiteral("/abs/file"), "evil")} << QStringLiteral(".tar.gz")
                                  << QStringLiteral("archive entry escapes target directory: /abs/file");
        QTest::newRow("symlink") << QList<Item>{ok, Item::symlink(QStringLiteral("lib/evil"), QStringLiteral("../../../.."))}
                                 << QStringLiteral(".tar.gz") << QStringLiteral("symlink escapes target directory: lib/evil -> ../../../..");
        QTest::newRow("through-symlink") << QList<Item>{ok, Item::symlink(QStringLiteral("lib"), QStringLiteral("bin")),
                                                        Item::file(QStringLiteral("lib/run"), "overwrite")}
                                         << QStringLiteral(".tar.gz") << QStringLiteral("archive entry escapes target directory: lib/run");
        QTest::newRow("dotdot-zip") << QList<Item>{ok, Item::file(QStringLiteral("../../etc/cron.d/x"), "evil")} << QStringLiteral(".zip")
                                    << QStringLiteral("archive entry escapes target directory: ../../etc/cron.d/x");
        QTest::newRow("symlink-zst") << QList<Item>{ok, Item::symlink(QStringLiteral("lib/evil"), QStringLiteral("../../../.."))}
                                     << QStringLiteral(".tar.zst") << QStringLiteral("symlink escapes target directory: lib/evil -> ../../../..");
    }
    void a30_archive_path_traversal_rejected()
    {
        QFETCH(QList<Item>, items);
        QFETCH(QString, suffix);
        QFETCH(QString, error);
        QVERIFY(install(request(serveBackend(QStringLiteral("piper"), QStringLiteral("b1")))).success);
        const QStringList before = m_disk->snapshot();
        const ArchiveFormat fmt = suffix == QLatin1String(".zip")       ? ArchiveFormat::Zip
                                  : suffix == QLatin1String(".tar.zst") ? ArchiveFormat::TarZst
                                                                        : ArchiveFormat::TarGz;
        const QJsonObject e = serve(QStringLiteral("piper"), QStringLiteral("b2"), QStringLiteral("piper-b2") + suffix, buildArchive(fmt, items));
        const JobResult r = install(request(e, true, QStringLiteral("op-a30")));
        QVERIFY(!r.success);
        QVERIFY(!r.cancelled);
        QCOMPARE(r.error, error);
        QCOMPARE(m_disk->snapshot(), before); // nothing written outside staging, staging removed
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        QCOMPARE(listed(QStringLiteral("piper")).value(QStringLiteral("version")).toString(), QStringLiteral("b1"));
    }

    void a31_sha256_mismatch()
    {
        QVERIFY(install(request(serveBackend(QStringLiteral("piper"), QStringLiteral("b1")))).success);
        const QByteArray b2 = backendArchive(QStringLiteral("piper"), QStringLiteral("b2"));
        QJsonObject e = serve(QStringLiteral("piper"), QStringLiteral("b2"), QStringLiteral("piper-b2.tar.gz"), b2);
        const QString expected = QStringLiteral("4be1f0c2d3e4a5b6c7d8e9f00112233445566778899aabbccddeeff001122334");
        e.insert(QStringLiteral("sha256"), expected);
        const JobResult r = install(request(e, true, QStringLiteral("op-a31")));
        QCOMPARE(r.error, QStringLiteral("sha256 mismatch for piper: expected %1, got %2").arg(expected, sha256Hex(b2)));
        QCOMPARE(r.toJson(), (QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("error"), r.error}}));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        QVERIFY(m_disk->stagingEntries().isEmpty());
    }

    void sha256_compare_is_case_insensitive()
    {
        QJsonObject e = serveBackend(QStringLiteral("piper"), QStringLiteral("b1"));
        const QString upper = e.value(QStringLiteral("sha256")).toString().toUpper();
        e.insert(QStringLiteral("sha256"), upper);
        const JobResult r = install(request(e));
        QVERIFY2(r.success, qPrintable(r.error));
        QCOMPARE(r.installed->digest, QStringLiteral("sha256:") + upper.toLower());
    }

    // A11 worker side: the download ticks every ~10 ms for ~1 s and verification then fails; the
    // publisher sends at most one message per 250 ms window plus the final flush, the last one
    // carrying the final percentage. Without an op id no publisher exists and nothing is sent.
    void a11_debounced_progress_flushed_on_failure()
    {
        for (const QString &opId : {QStringLiteral("op-a11"), QString()}) {
            m_disk = std::make_unique<WorkerDisk>();
            QJsonObject e = serve(QStringLiteral("piper"), QStringLiteral("b3"), QStringLiteral("piper-b3.tar.gz"), QByteArray(1 << 20, 'p'));
            e.insert(QStringLiteral("sha256"), QString(64, QLatin1Char('0')));
            m_server.setRateBytesPerSec(1 << 20);
            QObject engineThread;
            QList<QJsonObject> published;
            QMutex m;
            auto publisher = ProgressPublisher::forOp(
                SystemClock::instance(), &engineThread, {opId, QStringLiteral("node-1"), QStringLiteral("piper")},
                [&](const QByteArray &b) {
                    QMutexLocker l(&m);
                    published.append(QJsonDocument::fromJson(b).object());
                });
            QCOMPARE(bool(publisher), !opId.isEmpty());
            std::atomic<bool> done{false};
            std::atomic<int> ticks{0};
            JobResult result;
            QElapsedTimer clock;
            clock.start();
            const InstallRequest req = request(e, true, opId);
            std::thread job([&]() {
                JobControl control;
                const BackendInstaller installer(config(), &m_clock);
                result = installer.install(req, control, [&](const ProgressTick &t) {
                    ++ticks;
                    if (publisher)
                        publisher->tick(t);
                });
                if (publisher)
                    publisher->flush(); // the job's end: before the reply
                done = true;
            });
            while (!done)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            job.join();
            const qint64 elapsed = clock.elapsed();
            QCoreApplication::processEvents();
            QVERIFY(result.error.startsWith(QStringLiteral("sha256 mismatch for piper: expected 0000")));
            QVERIFY(ticks > 50);
            QMutexLocker l(&m);
            if (opId.isEmpty()) {
                QVERIFY(published.isEmpty());
                continue;
            }
            // ≤ one per 250 ms window plus the final flush (≤ 6 for a 1 s download).
            QVERIFY2(published.size() <= elapsed / 250 + 2, qPrintable(QStringLiteral("%1 in %2 ms").arg(published.size()).arg(elapsed)));
            QVERIFY(published.size() >= 2);
            QCOMPARE(published.last().value(QStringLiteral("phase")).toString(), QStringLiteral("verifying"));
            QCOMPARE(published.last().value(QStringLiteral("percentage")).toDouble(), 90.0);
            QCOMPARE(published.last().value(QStringLiteral("op_id")).toString(), opId);
        }
    }

    void cancel_stops_http_download_within_1s()
    {
        QVERIFY(install(request(serveBackend(QStringLiteral("piper"), QStringLiteral("b1")))).success);
        const QStringList before = m_disk->snapshot();
        const QJsonObject e = serve(QStringLiteral("piper"), QStringLiteral("b2"), QStringLiteral("piper-b2.tar.gz"), QByteArray(20 << 20, 'x'));
        m_server.setRateBytesPerSec(1 << 20);
        JobControl control;
        std::atomic<bool> downloading{false}, done{false};
        JobResult result;
        const InstallRequest req = request(e, true, QStringLiteral("op-cancel"));
        std::thread job([&]() {
            const BackendInstaller installer(config(), &m_clock);
            result = installer.install(req, control, [&](const ProgressTick &t) {
                if (t.phase == QLatin1String("downloading") && t.currentBytes > 0)
                    downloading = true;
            });
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&]() { return downloading.load(); }, 10000));
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        QCOMPARE(control.requestCancel(), JobControl::CancelOutcome::Cancelled);
        QVERIFY(QTest::qWaitFor([&]() { return done.load(); }, 10000));
        const qint64 took = sinceCancel.elapsed();
        job.join();
        QVERIFY2(took < 1000, qPrintable(QString::number(took)));
        QCOMPARE(result.toJson(), (QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("cancelled"), true},
                                               {QStringLiteral("error"), QStringLiteral("cancelled by request")}}));
        QCOMPARE(m_disk->snapshot(), before);
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
    }

    void cancel_before_start_and_too_late_after_commit()
    {
        const QJsonObject e = serveBackend(QStringLiteral("piper"), QStringLiteral("b1"));
        JobControl early;
        QCOMPARE(early.requestCancel(), JobControl::CancelOutcome::Cancelled);
        QVERIFY(BackendInstaller(config(), &m_clock).install(request(e), early).cancelled);
        QCOMPARE(m_server.totalGets(), 0);

        JobControl late;
        BackendInstaller installer(config(), &m_clock);
        JobControl::CancelOutcome outcome = JobControl::CancelOutcome::Cancelled;
        installer.setPointHook([&](const QString &point) {
            if (point == QLatin1String("commit:before-old-rename"))
                outcome = late.requestCancel();
        });
        const JobResult r = installer.install(request(e), late);
        QCOMPARE(outcome, JobControl::CancelOutcome::TooLate);
        QVERIFY2(r.success, qPrintable(r.error));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
    }

    void cancel_during_extraction_between_entries()
    {
        QVERIFY(install(request(serveBackend(QStringLiteral("piper"), QStringLiteral("b1")))).success);
        const QJsonObject e = serveBackend(QStringLiteral("piper"), QStringLiteral("b2"));
        JobControl control;
        BackendInstaller installer(config(), &m_clock);
        installer.setAfterEntryHook([&](const QString &, qint64) { control.requestCancel(); });
        const JobResult r = installer.install(request(e, true), control);
        QVERIFY(r.cancelled);
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        QVERIFY(m_disk->stagingEntries().isEmpty());
    }

    void resolving_and_download_refusals_leave_no_staging_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("error");
        QTest::newRow("outside-root") << QStringLiteral("file:///etc/passwd") << QStringLiteral("file:// path /etc/passwd is not below an allowed root");
        QTest::newRow("scheme") << QStringLiteral("s3://bucket/x.tar.gz") << QStringLiteral("unsupported URI scheme \"s3\"");
        QTest::newRow("404") << QStringLiteral("@/artifacts/missing.tar.gz") << QStringLiteral("download failed: HTTP 404 for @/artifacts/missing.tar.gz");
    }
    void resolving_and_download_refusals_leave_no_staging()
    {
        QFETCH(QString, uri);
        QFETCH(QString, error);
        uri.replace(QLatin1Char('@'), m_server.url({}));
        error.replace(QLatin1Char('@'), m_server.url({}));
        QJsonObject e{{QStringLiteral("name"), QStringLiteral("piper")}, {QStringLiteral("version"), QStringLiteral("b1")},
                      {QStringLiteral("uri"), uri}, {QStringLiteral("gallery_url"), kGallery}};
        const JobResult r = install(request(e, true));
        QCOMPARE(r.error, error);
        QVERIFY(m_disk->stagingEntries().isEmpty());
        QVERIFY(!QFileInfo::exists(m_disk->backends() + QStringLiteral("/piper")));
    }

    void allow_gallery_refusal()
    {
        QJsonObject e = serveBackend(QStringLiteral("piper"), QStringLiteral("b1"));
        e.insert(QStringLiteral("uri"), QStringLiteral("https://evil.example.net/x.tar.gz"));
        InstallerConfig c = config();
        c.allowedGalleryPrefixes = {QStringLiteral("https://gallery.example.org/")};
        JobControl control;
        const JobResult r = BackendInstaller(c, &m_clock).install(request(e), control);
        QCOMPARE(r.error, QStringLiteral("gallery https://evil.example.net/x.tar.gz is not allowed on this node"));
        QCOMPARE(m_server.totalGets(), 0);
    }

    void non_archive_stored_with_mode_0755()
    {
        const QJsonObject e = serve(QStringLiteral("piper"), QStringLiteral("b1"), QStringLiteral("piper-linux-amd64"), "\x7f" "ELF...");
        const JobResult r = install(request(e));
        QVERIFY2(r.success, qPrintable(r.error));
        const QString bin = m_disk->backends() + QStringLiteral("/piper/piper-linux-amd64");
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(bin).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0755));
        QCOMPARE(QDir(m_disk->backends() + QStringLiteral("/piper")).entryList(QDir::Files),
                 (QStringList{QStringLiteral("metadata.json"), QStringLiteral("piper-linux-amd64")}));
    }

    // §7.2 step 1 / A52: the concrete entry is installed, then <meta>/metadata.json naming it.
    void meta_install_writes_concrete_and_meta()
    {
        const QJsonObject e = serveBackend(QStringLiteral("llama-cpp-cuda12"), QStringLiteral("b4120"));
        const JobResult r = install(request(e, false, QStringLiteral("op-meta"), QStringLiteral("llama-cpp")));
        QVERIFY2(r.success, qPrintable(r.error));
        QCOMPARE(r.installed->version, QStringLiteral("b4120"));
        const QJsonObject concrete = listed(QStringLiteral("llama-cpp-cuda12"));
        QCOMPARE(concrete.value(QStringLiteral("is_meta")).toBool(), false);
        const QJsonObject meta = listed(QStringLiteral("llama-cpp"));
        QCOMPARE(meta.value(QStringLiteral("is_meta")).toBool(), true);
        QCOMPARE(meta.value(QStringLiteral("meta_backend_for")).toString(), QStringLiteral("llama-cpp-cuda12"));
        QCOMPARE(meta.value(QStringLiteral("version")).toString(), QStringLiteral("b4120"));
        QCOMPARE(meta.value(QStringLiteral("digest")).toString(), concrete.value(QStringLiteral("digest")).toString());
        QCOMPARE(QDir(m_disk->backends() + QStringLiteral("/llama-cpp")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("metadata.json")});
        QVERIFY(m_disk->stagingEntries().isEmpty());
        m_server.resetCounts();
        QVERIFY(install(request(e, false, QStringLiteral("op-meta-2"), QStringLiteral("llama-cpp"))).success);
        QCOMPARE(m_server.totalGets(), 0);
    }

    void upgrade_of_a_backend_not_installed_installs_it()
    {
        const JobResult r = install(request(serveBackend(QStringLiteral("whisper"), QStringLiteral("v2")), true, QStringLiteral("op-up")));
        QVERIFY2(r.success, qPrintable(r.error));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("whisper")), QStringLiteral("v2"));
    }

    void failed_second_rename_restores_previous()
    {
        QVERIFY(install(request(serveBackend(QStringLiteral("piper"), QStringLiteral("b1")))).success);
        BackendInstaller installer(config(), &m_clock);
        installer.setPointHook([&](const QString &point) {
            if (point == QLatin1String("commit:before-tree-rename")) { // make the rename of tree fail
                const QStringList ids = m_disk->stagingEntries();
                QCOMPARE(ids.size(), 1);
                QVERIFY(QDir(m_disk->staging() + QLatin1Char('/') + ids.first() + QStringLiteral("/tree")).removeRecursively());
            }
        });
        JobControl control;
        const JobResult r = installer.install(request(serveBackend(QStringLiteral("piper"), QStringLiteral("b2")), true), control);
        QVERIFY(r.error.startsWith(QStringLiteral("commit failed: ")));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        QVERIFY(QFileInfo(m_disk->backends() + QStringLiteral("/piper/bin/run")).isFile());
        QVERIFY(m_disk->stagingEntries().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkerInstaller)
#include "tst_worker_installer.moc"
