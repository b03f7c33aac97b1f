#include "bus/bus.h"

namespace fleetdeck {

QString toString(ConnectionState s)
{
    switch (s) {
    case ConnectionState::Connected: return QStringLiteral("connected");
    case ConnectionState::Disconnected: return QStringLiteral("disconnected");
    case ConnectionState::Reconnecting: return QStringLiteral("reconnecting");
    case ConnectionState::Closed: return QStringLiteral("closed");
    }
    return {};
}

bool subjectMatches(const QString &pattern, const QString &subject)
{
    const QStringList p = pattern.split(QLatin1Char('.'));
    const QStringList s = subject.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (p[i] == QLatin1String(">"))
            return s.size() > i;
        if (i >= s.size())
            return false;
        if (p[i] != QLatin1String("*") && p[i] != s[i])
            return false;
    }
    return p.size() == s.size();
}

} // namespace fleetdeck
