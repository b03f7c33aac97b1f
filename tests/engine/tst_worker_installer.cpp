// One install/upgrade run of the worker (SPEC §7.2; A23, A30, A31, meta installs, commit
// rollback) against the loopback artifact server; no NATS.
#include "installer_harness.h"

#include <QtTest>
#include <sys/stat.h>

using namespace fleetdeck;
using namespace fleetdeck::test;
using Item = ArchiveItem;

class TestWorkerInstaller : public QObject, protected InstallerHarness {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startServer()); }
    void init() { resetHarness(); }
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
                              {QStringLiteral("op_id"), QStringLiteral("op-1")}, {QStringLiteral("gallery_url"), kTestGallery},
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
        const qint64 t0 = kInstallT0 + 5000;
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
        // docs/reason-codes.md: the code and the digests beside the text, in the reply too.
        const Reason why = Reason::make("sha256_mismatch", {{"backend", QStringLiteral("piper")},
                                                            {"expected", expected},
                                                            {"actual", sha256Hex(b2)}});
        QCOMPARE(r.errorCode, why);
        QCOMPARE(r.toJson(), (QJsonObject{{QStringLiteral("success"), false},
                                          {QStringLiteral("error"), r.error},
                                          {QStringLiteral("error_code"), why.code},
                                          {QStringLiteral("error_args"), why.args}}));
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
