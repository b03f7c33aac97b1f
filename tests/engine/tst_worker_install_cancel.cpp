// Cancel, refusals and debounced progress of install runs (SPEC §7.2 steps 1–2, §7.4, §6.6; A11)
// against the loopback artifact server; no NATS.
#include "installer_harness.h"
#include "worker/progress_publisher.h"

#include <QElapsedTimer>
#include <QtTest>
#include <thread>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TestWorkerInstallCancel : public QObject, protected InstallerHarness {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startServer()); }
    void init() { resetHarness(); }
    void cleanup() { m_disk.reset(); }

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
                                               {QStringLiteral("error"), QStringLiteral("cancelled by request")},
                                               {QStringLiteral("error_code"), QStringLiteral("cancelled_by_request")}, {QStringLiteral("error_args"), QJsonObject()}}));
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
                      {QStringLiteral("uri"), uri}, {QStringLiteral("gallery_url"), kTestGallery}};
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

};

QTEST_GUILESS_MAIN(TestWorkerInstallCancel)
#include "tst_worker_install_cancel.moc"
