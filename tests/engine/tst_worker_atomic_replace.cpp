// Atomic replacement, start-up recovery, delete and listing of a worker's backends directory
// (SPEC §7.1, §7.2 step 5, §7.3; A38). Artifacts come from file:// URIs: no network, no NATS.
// The A38 kills run the installer in a forked child that SIGKILLs itself at a hook.
#include "archive_builder.h"
#include "core/clock.h"
#include "worker/backend_installer.h"
#include "worker/installed_backends.h"
#include "worker_test_env.h"

#include <QJsonArray>
#include <QThread>
#include <QtTest>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

// Runs fn in a forked child (which never returns into QtTest); returns its wait status, or -1
// when it had to be killed after 10 s.
int runInChild(const std::function<void()> &fn)
{
    fflush(stdout);
    fflush(stderr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        fn();
        ::_exit(0);
    }
    int status = 0;
    for (int i = 0; i < 1000; ++i) {
        if (::waitpid(pid, &status, WNOHANG) == pid)
            return status;
        QThread::msleep(10);
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return -1;
}

bool killedBySigkill(int status)
{
    return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(data);
}

} // namespace

class TestWorkerAtomicReplace : public QObject {
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<WorkerDisk> m_disk;

    InstallerConfig config() const
    {
        InstallerConfig c;
        c.backendsDir = m_disk->backends();
        c.systemBackendsDir = m_disk->system();
        c.fetch.allowedFileRoots = {m_disk->artifacts()};
        return c;
    }
    InstallRequest request(const QString &name, const QString &version, bool force) const
    {
        QList<ArchiveItem> items;
        const QString top = name + QLatin1Char('-') + version;
        for (int i = 0; i < 5; ++i)
            items.append(ArchiveItem::file(top + QStringLiteral("/lib/f%1").arg(i), version.toUtf8() + QByteArray(4096, char('a' + i))));
        const QByteArray bytes = buildArchive(ArchiveFormat::TarZst, items);
        InstallRequest r;
        r.backend = name;
        r.force = force;
        r.entry = QJsonObject{{QStringLiteral("name"), name},
                              {QStringLiteral("version"), version},
                              {QStringLiteral("uri"), m_disk->putArtifact(top + QStringLiteral(".tar.zst"), bytes)},
                              {QStringLiteral("sha256"), sha256Hex(bytes)}};
        return r;
    }
    JobResult install(const QString &name, const QString &version, bool force = false)
    {
        JobControl control;
        return BackendInstaller(config(), &m_clock).install(request(name, version, force), control);
    }
    QStringList listedNames()
    {
        QStringList names;
        for (const QJsonValue &v : BackendInstaller(config(), &m_clock).list())
            names.append(v.toObject().value(QStringLiteral("name")).toString());
        return names;
    }

private Q_SLOTS:
    void init() { m_disk = std::make_unique<WorkerDisk>(); }
    void cleanup() { m_disk.reset(); }

    void recovery_at_start()
    {
        QVERIFY(install(QStringLiteral("bark"), QStringLiteral("v1")).success);
        QVERIFY(install(QStringLiteral("piper"), QStringLiteral("b1")).success);
        // Crash between the two commit renames: piper sits in .staging/<id>/old, no live dir.
        const QString piperId = m_disk->staging() + QStringLiteral("/piper-0000abcd");
        QDir().mkpath(piperId + QStringLiteral("/tree"));
        QVERIFY(QDir().rename(m_disk->backends() + QStringLiteral("/piper"), piperId + QStringLiteral("/old")));
        // Crash after the second rename: bark is live, its old copy still in staging.
        writeFile(m_disk->staging() + QStringLiteral("/bark-12345678/old/metadata.json"), "{\"name\":\"bark\",\"version\":\"v0\"}");
        // A delete interrupted after its rename, a half extraction, and a stray file.
        writeFile(m_disk->staging() + QStringLiteral("/whisper-deadbeef/trash/metadata.json"), "{\"name\":\"whisper\"}");
        writeFile(m_disk->staging() + QStringLiteral("/vllm-0badf00d/tree/lib/x"), "partial");
        writeFile(m_disk->staging() + QStringLiteral("/stray"), "x");

        BackendInstaller(config(), &m_clock).recover();
        QVERIFY(m_disk->stagingEntries().isEmpty());
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        QCOMPARE(m_disk->installedVersion(QStringLiteral("bark")), QStringLiteral("v1"));
        QVERIFY(!QFileInfo::exists(m_disk->backends() + QStringLiteral("/whisper")));
        QCOMPARE(listedNames(), (QStringList{QStringLiteral("bark"), QStringLiteral("piper")}));
    }

    void listing_rules()
    {
        QVERIFY(install(QStringLiteral("piper"), QStringLiteral("b1")).success);
        // A renamed copy keeps metadata naming "piper": dropped.
        QVERIFY(QDir().mkpath(m_disk->backends() + QStringLiteral("/piper-copy")));
        QVERIFY(QFile::copy(m_disk->backends() + QStringLiteral("/piper/metadata.json"),
                            m_disk->backends() + QStringLiteral("/piper-copy/metadata.json")));
        writeFile(m_disk->backends() + QStringLiteral("/broken/metadata.json"), "{not json");
        writeFile(m_disk->backends() + QStringLiteral("/wrongtype/metadata.json"), "{\"name\":\"wrongtype\",\"version\":7}");
        QVERIFY(QDir().mkpath(m_disk->backends() + QStringLiteral("/nometa/bin")));
        writeFile(m_disk->backends() + QStringLiteral("/.hidden/metadata.json"), "{\"name\":\".hidden\"}");
        writeFile(m_disk->backends() + QStringLiteral("/loose-file"), "x");
        writeFile(m_disk->system() + QStringLiteral("/cuda-runtime/metadata.json"),
                  "{\"name\":\"cuda-runtime\",\"version\":\"12.4\",\"digest\":\"sha256:aa\"}");
        QVERIFY(QDir().mkpath(m_disk->system() + QStringLiteral("/bare-system/bin")));
        writeFile(m_disk->system() + QStringLiteral("/renamed-sys/metadata.json"), "{\"name\":\"other\"}");

        const QJsonArray list = BackendInstaller(config(), &m_clock).list();
        QStringList names;
        for (const QJsonValue &v : list)
            names.append(v.toObject().value(QStringLiteral("name")).toString());
        QCOMPARE(names, (QStringList{QStringLiteral("bare-system"), QStringLiteral("cuda-runtime"), QStringLiteral("piper")}));
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.size(), 10);
            QCOMPARE(o.value(QStringLiteral("is_system")).toBool(), o.value(QStringLiteral("name")).toString() != QLatin1String("piper"));
            QCOMPARE(o.value(QStringLiteral("is_meta")).toBool(), false);
        }
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("12.4"));
    }

    void delete_rules()
    {
        QVERIFY(install(QStringLiteral("piper"), QStringLiteral("b1")).success);
        BackendInstaller installer(config(), &m_clock);
        JobControl c1;
        QCOMPARE(installer.remove(QStringLiteral("piper"), c1).toJson(), (QJsonObject{{QStringLiteral("success"), true}}));
        QVERIFY(!QFileInfo::exists(m_disk->backends() + QStringLiteral("/piper")));
        QVERIFY(m_disk->stagingEntries().isEmpty());
        JobControl c2;
        QVERIFY(installer.remove(QStringLiteral("piper"), c2).success); // not installed
        QVERIFY(QDir().mkpath(m_disk->system() + QStringLiteral("/cuda-runtime")));
        JobControl c3;
        QCOMPARE(installer.remove(QStringLiteral("cuda-runtime"), c3).error,
                 QStringLiteral("backend cuda-runtime is a system backend and cannot be deleted"));
        QVERIFY(QFileInfo::exists(m_disk->system() + QStringLiteral("/cuda-runtime")));
        QVERIFY(install(QStringLiteral("bark"), QStringLiteral("v1")).success);
        JobControl c4;
        c4.requestCancel();
        QVERIFY(installer.remove(QStringLiteral("bark"), c4).cancelled);
        QCOMPARE(m_disk->installedVersion(QStringLiteral("bark")), QStringLiteral("v1"));
        JobControl c5;
        QCOMPARE(installer.remove(QStringLiteral("../etc"), c5).error, QStringLiteral("invalid backend name \"../etc\""));
    }

    // A38: SIGKILL while extracting b2 over b1 → after restart an empty .staging, b1 intact; the
    // next install succeeds.
    void a38_kill_during_extraction()
    {
        QVERIFY(install(QStringLiteral("piper"), QStringLiteral("b1")).success);
        const InstallRequest b2 = request(QStringLiteral("piper"), QStringLiteral("b2"), true);
        const int status = runInChild([&]() {
            BackendInstaller installer(config(), &m_clock);
            installer.setAfterEntryHook([](const QString &, qint64) { ::raise(SIGKILL); });
            JobControl control;
            installer.install(b2, control);
        });
        QVERIFY(killedBySigkill(status));
        QCOMPARE(m_disk->stagingEntries().size(), 1); // the interrupted run's staging
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        BackendInstaller(config(), &m_clock).recover();
        QVERIFY(m_disk->stagingEntries().isEmpty());
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        QVERIFY(install(QStringLiteral("piper"), QStringLiteral("b2"), true).success);
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b2"));
    }

    // A kill between the two commit renames: the old version is moved back at start.
    void a38_kill_between_commit_renames()
    {
        QVERIFY(install(QStringLiteral("piper"), QStringLiteral("b1")).success);
        const InstallRequest b2 = request(QStringLiteral("piper"), QStringLiteral("b2"), true);
        const int status = runInChild([&]() {
            BackendInstaller installer(config(), &m_clock);
            installer.setPointHook([](const QString &p) {
                if (p == QLatin1String("commit:before-tree-rename"))
                    ::raise(SIGKILL);
            });
            JobControl control;
            installer.install(b2, control);
        });
        QVERIFY(killedBySigkill(status));
        QVERIFY(!QFileInfo::exists(m_disk->backends() + QStringLiteral("/piper")));
        BackendInstaller(config(), &m_clock).recover();
        QVERIFY(m_disk->stagingEntries().isEmpty());
        QCOMPARE(m_disk->installedVersion(QStringLiteral("piper")), QStringLiteral("b1"));
        QCOMPARE(listedNames(), QStringList{QStringLiteral("piper")});
    }

    // A38 delete: killed before the rename to trash → intact; after it → absent, never resurrected.
    void a38_kill_during_delete()
    {
        for (const QString &point : {QStringLiteral("delete:before-rename"), QStringLiteral("delete:after-rename")}) {
            QVERIFY(install(QStringLiteral("piper"), QStringLiteral("b1")).success);
            const int status = runInChild([&]() {
                BackendInstaller installer(config(), &m_clock);
                installer.setPointHook([&](const QString &p) {
                    if (p == point)
                        ::raise(SIGKILL);
                });
                JobControl control;
                installer.remove(QStringLiteral("piper"), control);
            });
            QVERIFY(killedBySigkill(status));
            BackendInstaller(config(), &m_clock).recover();
            QVERIFY(m_disk->stagingEntries().isEmpty());
            const bool before = point == QLatin1String("delete:before-rename");
            QCOMPARE(QFileInfo::exists(m_disk->backends() + QStringLiteral("/piper")), before);
            QCOMPARE(listedNames(), before ? QStringList{QStringLiteral("piper")} : QStringList{});
            if (!before) {
                BackendInstaller(config(), &m_clock).recover(); // a second start changes nothing
                QVERIFY(!QFileInfo::exists(m_disk->backends() + QStringLiteral("/piper")));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkerAtomicReplace)
#include "tst_worker_atomic_replace.moc"
