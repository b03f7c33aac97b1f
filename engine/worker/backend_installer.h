#pragma once
// One install, upgrade or delete run on a canonical backends directory (docs/worker.md#install,
// docs/worker.md#upgrade-delete-list).
//
// Threading: install() and remove() are synchronous and run on a worker job thread; the caller (the
// worker agent) holds the per-backend mutexes (docs/worker.md#start-and-concurrency) and owns the
// JobControl that its cancel handler uses. Downloads run an event loop local to that thread (see
// ArtifactFetcher). The backends directory must be canonical; the working directory does not
// matter. list() and recover() need no mutex.
#include "worker/archive_extractor.h"
#include "worker/artifact_fetcher.h"
#include "worker/worker_types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace fleetdeck {

class Clock;

struct InstallerConfig {
    QString backendsDir;       // canonical (realpath)
    QString systemBackendsDir; // worker/system_backends_dir, read-only; may be empty
    QStringList allowedGalleryPrefixes; // --allow-gallery
    FetchOptions fetch;                 // allowedFileRoots = --allow-file-root
    ExtractLimits extract;
};

// An install/upgrade request (docs/protocol.md#worker-messages) after validation.
struct InstallRequest {
    QString backend;      // differs from entry.name when it is a meta resolved for this node
    QJsonArray galleries; // the op's gallery list
    QJsonObject entry;    // name, version, uri, optional sha256 and size, gallery_url
    bool force = false;   // upgrade: always true
    QString opId;         // empty for reconciler retries
};

class BackendInstaller final {
public:
    // Test hook points: "commit:before-old-rename", "commit:before-tree-rename",
    // "delete:before-rename", "delete:after-rename".
    using PointHook = std::function<void(const QString &point)>;

    BackendInstaller(InstallerConfig config, Clock *clock);

    // Install (or, with force, upgrade/reinstall). Progress ticks go to progress (may be empty);
    // the final tick (100, extracting) is emitted after the commit.
    JobResult install(const InstallRequest &request, JobControl &control, const ProgressFn &progress = {}) const;
    // Delete (docs/worker.md#upgrade-delete-list): {"success":true} when not installed; system
    // backends are refused.
    JobResult remove(const QString &backend, JobControl &control) const;
    // List entries (docs/worker.md#upgrade-delete-list, docs/protocol.md#worker-messages), without
    // `jobs`.
    QJsonArray list() const;
    // Start-up recovery of .staging (docs/worker.md#start-and-concurrency).
    void recover() const;

    const InstallerConfig &config() const { return m_config; }
    void setPointHook(PointHook hook) { m_pointHook = std::move(hook); }
    void setAfterEntryHook(ArchiveExtractor::EntryHook hook) { m_afterEntry = std::move(hook); }

private:
    std::optional<Reason> commitTree(const QString &name, const QString &stagingRel, const struct BackendMetadata &meta) const;
    void hook(const char *point) const;

    InstallerConfig m_config;
    Clock *m_clock;
    PointHook m_pointHook;
    ArchiveExtractor::EntryHook m_afterEntry;
};

} // namespace fleetdeck
