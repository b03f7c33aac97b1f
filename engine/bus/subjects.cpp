#include "bus/subjects.h"

namespace fleetdeck::subjects {

QString sanitizeToken(const QString &token)
{
    QString out = token;
    for (QChar &c : out) {
        if (c == QLatin1Char('.') || c == QLatin1Char('*') || c == QLatin1Char('>') || c == QLatin1Char(' ')
            || c == QLatin1Char('\t') || c == QLatin1Char('\r') || c == QLatin1Char('\n'))
            c = QLatin1Char('-');
    }
    return out;
}

QString opcacheStart() { return QStringLiteral("gallery.opcache.start"); }
QString opcacheEnd() { return QStringLiteral("gallery.opcache.end"); }
QString opProgress(const QString &opId) { return QStringLiteral("gallery.") + sanitizeToken(opId) + QStringLiteral(".progress"); }
QString opCancel(const QString &opId) { return QStringLiteral("gallery.") + sanitizeToken(opId) + QStringLiteral(".cancel"); }

QString nodeCommand(const QString &nodeName, const char *command)
{
    return QStringLiteral("nodes.") + sanitizeToken(nodeName) + QStringLiteral(".backend.") + QLatin1String(command);
}

QString nodeProgress(const QString &nodeName, const QString &opId)
{
    return QStringLiteral("nodes.") + sanitizeToken(nodeName) + QStringLiteral(".backend.install.") + sanitizeToken(opId)
        + QStringLiteral(".progress");
}

QString nodeHeartbeat(const QString &nodeName)
{
    return QStringLiteral("nodes.") + sanitizeToken(nodeName) + QStringLiteral(".heartbeat");
}

QString nodeReregister(const QString &nodeName)
{
    return QStringLiteral("nodes.") + sanitizeToken(nodeName) + QStringLiteral(".reregister");
}

} // namespace fleetdeck::subjects
