#pragma once
// Shared set-up of the installer tests: a loopback artifact server, a manual clock (installed_at)
// and a fresh worker disk per test. Test classes inherit it after QObject.
#include "archive_builder.h"
#include "artifact_server.h"
#include "core/clock.h"
#include "worker/backend_installer.h"
#include "worker_test_env.h"

#include <QJsonArray>
#include <QJsonObject>
#include <memory>

namespace fleetdeck::test {

inline constexpr qint64 kInstallT0 = 1767225600123; // 2026-01-01T00:00:00.123Z
inline const QString kTestGallery = QStringLiteral("https://gallery.example.org/index.json");

class InstallerHarness {
protected:
    ArtifactServer m_server;
    ManualClock m_clock{kInstallT0};
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
                      {QStringLiteral("gallery_url"), kTestGallery}};
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
        r.galleries = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")}, {QStringLiteral("url"), kTestGallery}}};
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


    bool startServer() { return m_server.start(); }
    void resetHarness()
    {
        m_disk = std::make_unique<WorkerDisk>();
        m_server.setRateBytesPerSec(0);
        m_server.resetCounts();
        m_clock.setMs(kInstallT0);
    }
};

} // namespace fleetdeck::test
