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

ArchiveGuard::Verdict &reject(ArchiveGuard::Verdict &v, const Reason &why)
{
    v.error = englishText(why);
    v.errorCode = why;
    return v;
}

} // namespace

Reason ArchiveGuard::escapeReason(const QString &name)
{
    return Reason::make("archive_escape", {{"entry", name}});
}

Reason ArchiveGuard::symlinkReason(const QString &name, const QString &target)
{
    return Reason::make("symlink_escape", {{"entry", name}, {"target", target}});
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
    if (kind == Kind::Other)
        return reject(v, Reason::make("archive_entry_unsupported", {{"entry", name}}));
    const std::optional<QStringList> parts = normalise(name);
    if (!parts)
        return reject(v, escapeReason(name));
    if (parts->isEmpty()) {
        if (kind == Kind::Dir)
            v.skip = true;
        else
            reject(v, escapeReason(name));
        return v;
    }
    v.rel = parts->join(QLatin1Char('/'));

    // Every parent must be a directory made by this extraction (or not exist yet: it is made as
    // one); a parent that is a symlink or a file would be written through.
    QString prefix;
    for (qsizetype i = 0; i + 1 < parts->size(); ++i) {
        prefix = i == 0 ? parts->at(0) : prefix + QLatin1Char('/') + parts->at(i);
        const auto it = m_known.constFind(prefix);
        if (it != m_known.constEnd() && it.value() != Kind::Dir)
            return reject(v, escapeReason(name));
    }
    // Replacing an in-archive symlink could make libarchive follow it.
    if (m_known.value(v.rel, Kind::Other) == Kind::Symlink)
        return reject(v, escapeReason(name));

    if (kind == Kind::Symlink) {
        const QString &t = linkTarget;
        if (t.isEmpty() || t.startsWith(QLatin1Char('/')) || hasForbiddenChars(t) || hasDrivePrefix(t))
            return reject(v, symlinkReason(name, t));
        qsizetype depth = parts->size() - 1; // the symlink's directory, counted from the tree root
        qsizetype minDepth = depth;
        for (const QString &c : t.split(QLatin1Char('/'))) {
            if (c.isEmpty() || c == QLatin1String("."))
                continue;
            depth += c == QLatin1String("..") ? -1 : 1;
            if (depth < 0)
                return reject(v, symlinkReason(name, t));
            minDepth = qMin(minDepth, depth);
        }
        if (minDepth == 0 && !m_collapseError.hasCode())
            m_collapseError = symlinkReason(name, t);
    } else if (kind == Kind::HardLink) {
        const std::optional<QStringList> target = normalise(linkTarget);
        if (!target || target->isEmpty())
            return reject(v, escapeReason(name));
        v.hardlinkRel = target->join(QLatin1Char('/'));
        if (m_known.value(v.hardlinkRel, Kind::Other) != Kind::File)
            return reject(v, Reason::make("archive_hardlink_invalid", {{"entry", name}, {"target", linkTarget}}));
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
