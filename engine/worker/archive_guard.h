#pragma once
// The per-entry protections of docs/worker.md#install step 4, independent of libarchive: name
// normalisation, symlink and hard-link containment, no writes through symlinks, entry types. The
// extractor asks check() before writing an entry and record()s it once written.
#include "core/reason.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace fleetdeck {

class ArchiveGuard final {
public:
    enum class Kind { Dir, File, Symlink, HardLink, Other };

    struct Verdict {
        QString error;       // non-empty = reject the whole artifact
        Reason errorCode;    // error's code and args
        bool skip = false;   // the tree root itself ("./"): nothing to write
        QString rel;         // normalised path inside the tree
        QString hardlinkRel; // normalised hard-link target inside the tree
    };

    Verdict check(const QString &name, Kind kind, const QString &linkTarget);
    void record(const QString &rel, Kind kind);

    // The sole top-level directory when the archive held exactly one directory and nothing else.
    std::optional<QString> singleTopDir() const;
    // A symlink that stays inside the tree but reaches above the sole top-level directory would
    // escape once that directory becomes the tree root: its reason, if any (no code: none).
    const Reason &collapseError() const { return m_collapseError; }

    // Normalised components, or nullopt for absolute names, drive prefixes, backslashes, NUL
    // and ".." components. "." and empty components are dropped.
    static std::optional<QStringList> normalise(const QString &name);
    static Reason escapeReason(const QString &name);
    static Reason symlinkReason(const QString &name, const QString &target);

private:
    QHash<QString, Kind> m_known; // normalised path → what this extraction made there
    QStringList m_topLevel;
    Reason m_collapseError;
};

} // namespace fleetdeck
