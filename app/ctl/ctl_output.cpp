#include "ctl_output.h"

#include <QJsonDocument>
#include <cstdio>

namespace fleetdeck::ctl {

void Output::result(const QJsonObject &obj, const QString &text) const
{
    if (m_json || text.isEmpty()) {
        const QByteArray out = QJsonDocument(obj).toJson(m_json ? QJsonDocument::Compact : QJsonDocument::Indented);
        std::fwrite(out.constData(), 1, static_cast<size_t>(out.size()), stdout);
        if (m_json)
            std::fputc('\n', stdout);
    } else {
        std::fprintf(stdout, "%s\n", qPrintable(text));
    }
    std::fflush(stdout);
}

void Output::error(const QString &message) const
{
    if (m_json)
        result(QJsonObject{{QStringLiteral("error"), message}});
    else
        std::fprintf(stderr, "fleetdeckctl: %s\n", qPrintable(message));
}

void Output::warn(const QString &message)
{
    std::fprintf(stderr, "warning: %s\n", qPrintable(message));
}

void Output::progress(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

} // namespace fleetdeck::ctl
