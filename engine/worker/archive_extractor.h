#pragma once
// Extraction of an artifact into a staging tree (docs/worker.md#install step 4) with every
// protection made by this code before libarchive sees an entry: escaping names, escaping symlinks,
// hard links to anything but an earlier regular file, writes through symlinks, device/FIFO/socket
// entries, setuid/setgid/sticky bits, and the entry/size limits. Entries that pass are written by
// archive_write_disk below the canonical (absolute, symlink-free) backends directory, prefixed
// after the checks, with SECURE_NODOTDOT | SECURE_SYMLINKS and without ARCHIVE_EXTRACT_PERM; the
// guard's own refusal of absolute names replaces SECURE_NOABSOLUTEPATHS, which would refuse the
// prefix. No working directory is involved, so several workers can share a process (demo).
#include "core/result.h"

#include <QString>
#include <atomic>
#include <functional>

namespace fleetdeck {

enum class ArtifactKind { Plain, TarGz, TarZst, Tar, Zip };

// By the URI path suffix, case-insensitive: .tar.gz/.tgz, .tar.zst/.tzst, .tar, .zip; else Plain.
ArtifactKind artifactKindForUri(const QString &uri);
// The last path segment of the URI ("artifact" when it has none).
QString artifactFileName(const QString &uri);

struct ExtractLimits {
    qint64 maxEntries = 200'000;
    qint64 maxBytes = qint64(64) << 30; // unpacked bytes
};

struct ExtractResult {
    bool ok = false;
    bool cancelled = false;
    QString error;
    Reason errorCode; // error's code and args (docs/reason-codes.md)
    qint64 entries = 0;
    qint64 bytes = 0;
};

class ArchiveExtractor final {
public:
    using ProgressFn = std::function<void(qint64 consumed, qint64 total)>; // compressed bytes
    using EntryHook = std::function<void(const QString &entry, qint64 index)>;

    // baseDir: the canonical backends directory (realpath; anything else is refused).
    explicit ArchiveExtractor(QString baseDir, ExtractLimits limits = {});

    void setAbortFlag(const std::atomic<bool> *abort) { m_abort = abort; }
    void setProgress(ProgressFn fn) { m_progress = std::move(fn); }
    // Test hook, called after each extracted entry (a test may pause or kill the process there).
    void setAfterEntryHook(EntryHook fn) { m_afterEntry = std::move(fn); }

    // Extracts artifactRel (relative to baseDir) into treeRel (relative, created here). An archive
    // whose only top-level entry is a directory has that directory's content become the tree.
    // Plain artifacts are moved to treeRel/<fileName> with mode 0755.
    ExtractResult extract(const QString &artifactRel, ArtifactKind kind, const QString &treeRel,
                          const QString &fileName) const;

private:
    ExtractResult extractArchive(const QString &artifactRel, ArtifactKind kind, const QString &treeRel) const;
    ExtractResult storePlain(const QString &artifactRel, const QString &treeRel, const QString &fileName) const;

    QString m_baseDir;
    ExtractLimits m_limits;
    const std::atomic<bool> *m_abort = nullptr;
    ProgressFn m_progress;
    EntryHook m_afterEntry;
};

} // namespace fleetdeck
