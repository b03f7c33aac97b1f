#include "config/settings_values.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace fleetdeck::settings {

static QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

static QString integerExpectation(const SettingSpec &spec)
{
    if (spec.min == 0)
        return QStringLiteral("expected a non-negative integer");
    if (spec.min == 1)
        return QStringLiteral("expected a positive integer");
    return QStringLiteral("expected an integer of at least ") + QString::number(spec.min);
}

static std::optional<QJsonValue> parseInteger(const SettingSpec &spec, const QString &text, QString *reason)
{
    bool ok = false;
    const qint64 n = text.trimmed().toLongLong(&ok);
    if (!ok || n < spec.min) {
        *reason = integerExpectation(spec) + QStringLiteral(", got ") + quoted(text);
        return std::nullopt;
    }
    if (n > spec.max) {
        *reason = QStringLiteral("expected at most ") + QString::number(spec.max) + QStringLiteral(", got ") + quoted(text);
        return std::nullopt;
    }
    return QJsonValue(n);
}

static std::optional<QJsonValue> parseBool(const QString &text, QString *reason)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on") || t == QLatin1String("1"))
        return QJsonValue(true);
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off") || t == QLatin1String("0"))
        return QJsonValue(false);
    *reason = QStringLiteral("expected true or false, got ") + quoted(text);
    return std::nullopt;
}

static bool isGalleryUrl(const QString &url)
{
    if (url.startsWith(QLatin1Char('/')) || (QDir::isAbsolutePath(url) && !url.contains(QLatin1String("://"))))
        return true;
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid())
        return false;
    if (u.scheme() == QLatin1String("file"))
        return !u.path().isEmpty();
    return (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https")) && !u.host().isEmpty();
}

bool checkGalleries(const QJsonValue &value, QString *reason)
{
    if (!value.isArray()) {
        *reason = QStringLiteral("expected a JSON array of {\"name\":…,\"url\":…} objects");
        return false;
    }
    QSet<QString> names;
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("galleries[") + QString::number(i) + QStringLiteral("]");
        if (!list[i].isObject()) {
            *reason = where + QStringLiteral(": expected an object with name and url");
            return false;
        }
        const QJsonObject g = list[i].toObject();
        for (auto it = g.begin(); it != g.end(); ++it) {
            if (it.key() != QLatin1String("name") && it.key() != QLatin1String("url")) {
                *reason = where + QStringLiteral(": unknown field ") + quoted(it.key());
                return false;
            }
        }
        const QString name = g.value(QLatin1String("name")).toString();
        const QString url = g.value(QLatin1String("url")).toString();
        if (!g.value(QLatin1String("name")).isString() || name.trimmed().isEmpty()) {
            *reason = where + QStringLiteral(".name: expected a non-empty string");
            return false;
        }
        if (names.contains(name)) {
            *reason = where + QStringLiteral(".name: duplicate gallery name ") + quoted(name);
            return false;
        }
        names.insert(name);
        if (!g.value(QLatin1String("url")).isString() || !isGalleryUrl(url)) {
            *reason = where + QStringLiteral(".url: expected an absolute path, a file:// URL or an http(s):// URL");
            return false;
        }
    }
    return true;
}

std::optional<QJsonValue> parseSettingText(const SettingSpec &spec, const QString &text, QString *reason)
{
    switch (spec.type) {
    case SettingType::ReadOnly:
        *reason = QLatin1String(spec.key) + QStringLiteral(" cannot be changed");
        return std::nullopt;
    case SettingType::Integer:
        return parseInteger(spec, text, reason);
    case SettingType::Bool:
        return parseBool(text, reason);
    case SettingType::Galleries: {
        QJsonParseError error;
        // Wrapping accepts any JSON value at the top level and still reports parse offsets.
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArrayLiteral("[") + text.toUtf8() + QByteArrayLiteral("]"), &error);
        if (error.error != QJsonParseError::NoError || doc.array().size() != 1) {
            *reason = QStringLiteral("invalid JSON: ") + (error.error != QJsonParseError::NoError ? error.errorString()
                                                                                                    : QStringLiteral("expected one value"));
            return std::nullopt;
        }
        const QJsonValue v = doc.array().first();
        if (!checkGalleries(v, reason))
            return std::nullopt;
        return v;
    }
    case SettingType::Token: {
        const QString token = text.trimmed();
        if (token.isEmpty())
            return QJsonValue(QString()); // registration open again
        if (token == QLatin1String("***")) {
            *reason = QStringLiteral("\"***\" is how the current token is shown, not a token");
            return std::nullopt;
        }
        return QJsonValue(ClusterSettings::hashRegistrationToken(token));
    }
    }
    *reason = QStringLiteral("unsupported setting type");
    return std::nullopt;
}

bool isUsableStoredValue(const SettingSpec &spec, const QJsonValue &value, QString *reason)
{
    switch (spec.type) {
    case SettingType::ReadOnly:
        if (value.isString())
            return true;
        *reason = QStringLiteral("expected a string");
        return false;
    case SettingType::Integer: {
        const qint64 n = value.toInteger(spec.min - 1);
        if (value.isDouble() && n >= spec.min && n <= spec.max && double(n) == value.toDouble())
            return true;
        *reason = QStringLiteral("expected an integer from ") + QString::number(spec.min) + QStringLiteral(" to ")
                  + QString::number(spec.max);
        return false;
    }
    case SettingType::Bool:
        if (value.isBool())
            return true;
        *reason = QStringLiteral("expected true or false");
        return false;
    case SettingType::Galleries:
        return checkGalleries(value, reason);
    case SettingType::Token: {
        static const QRegularExpression re(QStringLiteral("^sha256:[0-9a-f]{64}$"));
        if (value.isString() && (value.toString().isEmpty() || re.match(value.toString()).hasMatch()))
            return true;
        *reason = QStringLiteral("expected \"\" or \"sha256:<hex>\"");
        return false;
    }
    }
    *reason = QStringLiteral("unsupported setting type");
    return false;
}

} // namespace fleetdeck::settings
