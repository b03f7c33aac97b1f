#include "worker/archive_guard.h"

#include <QRegularExpression>

namespace fleetdeck {
namespace {

bool hasForbiddenChars(const QString &s)
{
    return s.contains(QLatin1Char('\\')) || s.contains(QChar(u'\0'));
}

bool hasDrivePrefix(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z]:"));
    return re.match(s).hasMatch();
}

} // namespace

QString ArchiveGuard::escapeMessage(const QString &name)
{
    return QStringLiteral("archive entry escapes target directory: %1").arg(name);
}

QString ArchiveGuard::symlinkMessage(const QString &name, const QString &target)
{
    return QStringLiteral("symlink escapes target directory: %1 -> %2").arg(name, target);
}

std::optional<QStringList> ArchiveGuard::normalise(const QString &name)
{
    if (name.startsWith(QLatin1Char('/')) || hasForbiddenChars(name) || hasDrivePrefix(name))
        return std::nullopt;
    QStringList parts;
    for (const QString &c : name.split(QLatin1Char('/'))) {
        if (c.isEmpty() || c == QLatin1String("."))
            continue;
        if (c == QLatin1String(".."))
            return std::nullopt;
        parts.append(c);
    }
    return parts;
}

ArchiveGuard::Verdict ArchiveGuard::check(const QString &name, Kind kind, const QString &linkTarget)
{
    Verdict v;
    if (kind == Kind::Other) {
        v.error = QStringLiteral("unsupported entry type: %1").arg(name);
        return v;
    }
    const std::optional<QStringList> parts = normalise(name);
    if (!parts) {
        v.error = escapeMessage(name);
        return v;
    }
    if (parts->isEmpty()) {
        if (kind == Kind::Dir)
            v.skip = true;
        else
            v.error = escapeMessage(name);
        return v;
    }
    v.rel = parts->join(QLatin1Char('/'));

    // Every parent must be a directory made by this extraction (or not exist yet: it is made as
    // one); a parent that is a symlink or a file would be written through.
    QString prefix;
    for (qsizetype i = 0; i + 1 < parts->size(); ++i) {
        prefix = i == 0 ? parts->at(0) : prefix + QLatin1Char('/') + parts->at(i);
        const auto it = m_known.constFind(prefix);
        if (it != m_known.constEnd() && it.value() != Kind::Dir) {
            v.error = escapeMessage(name);
            return v;
        }
    }
    // Replacing an in-archive symlink could make libarchive follow it.
    if (m_known.value(v.rel, Kind::Other) == Kind::Symlink) {
        v.error = escapeMessage(name);
        return v;
    }

    if (kind == Kind::Symlink) {
        const QString &t = linkTarget;
        if (t.isEmpty() || t.startsWith(QLatin1Char('/')) || hasForbiddenChars(t) || hasDrivePrefix(t)) {
            v.error = symlinkMessage(name, t);
            return v;
        }
        qsizetype depth = parts->size() - 1; // the symlink's directory, counted from the tree root
        qsizetype minDepth = depth;
        for (const QString &c : t.split(QLatin1Char('/'))) {
            if (c.isEmpty() || c == QLatin1String("."))
                continue;
            depth += c == QLatin1String("..") ? -1 : 1;
            if (depth < 0) {
                v.error = symlinkMessage(name, t);
                return v;
            }
            minDepth = qMin(minDepth, depth);
        }
        if (minDepth == 0 && m_collapseError.isEmpty())
            m_collapseError = symlinkMessage(name, t);
    } else if (kind == Kind::HardLink) {
        const std::optional<QStringList> target = normalise(linkTarget);
        if (!target || target->isEmpty()) {
            v.error = escapeMessage(name);
            return v;
        }
        v.hardlinkRel = target->join(QLatin1Char('/'));
        if (m_known.value(v.hardlinkRel, Kind::Other) != Kind::File) {
            v.error = QStringLiteral("hard link %1 -> %2 does not name an earlier regular file").arg(name, linkTarget);
            return v;
        }
    }
    return v;
}

void ArchiveGuard::record(const QString &rel, Kind kind)
{
    const QStringList parts = rel.split(QLatin1Char('/'));
    QString prefix;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        prefix = i == 0 ? parts.at(0) : prefix + QLatin1Char('/') + parts.at(i);
        if (!m_known.contains(prefix))
            m_known.insert(prefix, Kind::Dir); // made implicitly by libarchive
    }
    m_known.insert(rel, kind == Kind::HardLink ? Kind::File : kind);
    if (!m_topLevel.contains(parts.first()))
        m_topLevel.append(parts.first());
}

std::optional<QString> ArchiveGuard::singleTopDir() const
{
    if (m_topLevel.size() != 1 || m_known.value(m_topLevel.first(), Kind::Other) != Kind::Dir)
        return std::nullopt;
    return m_topLevel.first();
}

} // namespace fleetdeck
