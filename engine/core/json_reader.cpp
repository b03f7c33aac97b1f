#include "core/json_reader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace fleetdeck {

QString JsonReader::field(const char *key) const
{
    return m_prefix + QString::fromLatin1(key);
}

bool JsonReader::present(const char *key) const
{
    const QJsonValue v = m_obj.value(QLatin1String(key));
    return !v.isUndefined() && !v.isNull();
}

void JsonReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

void JsonReader::typeError(const char *key, const char *expected)
{
    fail(QStringLiteral("field \"%1\": expected %2").arg(field(key), QLatin1String(expected)));
}

QString JsonReader::requiredString(const char *key)
{
    if (!present(key)) {
        fail(QStringLiteral("missing required field \"%1\"").arg(field(key)));
        return {};
    }
    return optionalString(key);
}

QString JsonReader::optionalString(const char *key, const QString &def)
{
    if (!present(key))
        return def;
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isString()) {
        typeError(key, "string");
        return def;
    }
    return v.toString();
}

std::optional<QString> JsonReader::nullableString(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return optionalString(key);
}

bool JsonReader::requiredBool(const char *key)
{
    if (!present(key)) {
        fail(QStringLiteral("missing required field \"%1\"").arg(field(key)));
        return false;
    }
    return optionalBool(key);
}

bool JsonReader::optionalBool(const char *key, bool def)
{
    if (!present(key))
        return def;
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isBool()) {
        typeError(key, "boolean");
        return def;
    }
    return v.toBool();
}

qint64 JsonReader::requiredInt(const char *key)
{
    if (!present(key)) {
        fail(QStringLiteral("missing required field \"%1\"").arg(field(key)));
        return 0;
    }
    return optionalInt(key);
}

qint64 JsonReader::optionalInt(const char *key, qint64 def)
{
    if (!present(key))
        return def;
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        typeError(key, "integer");
        return def;
    }
    return static_cast<qint64>(std::floor(v.toDouble()));
}

std::optional<qint64> JsonReader::nullableInt(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return optionalInt(key);
}

double JsonReader::requiredNumber(const char *key)
{
    if (!present(key)) {
        fail(QStringLiteral("missing required field \"%1\"").arg(field(key)));
        return 0;
    }
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        typeError(key, "number");
        return 0;
    }
    return v.toDouble();
}

QJsonObject JsonReader::optionalObject(const char *key)
{
    if (!present(key))
        return {};
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isObject()) {
        typeError(key, "object");
        return {};
    }
    return v.toObject();
}

QJsonObject JsonReader::requiredObject(const char *key)
{
    if (!present(key)) {
        fail(QStringLiteral("missing required field \"%1\"").arg(field(key)));
        return {};
    }
    return optionalObject(key);
}

QJsonArray JsonReader::optionalArray(const char *key)
{
    if (!present(key))
        return {};
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isArray()) {
        typeError(key, "array");
        return {};
    }
    return v.toArray();
}

QJsonArray JsonReader::requiredArray(const char *key)
{
    if (!present(key)) {
        fail(QStringLiteral("missing required field \"%1\"").arg(field(key)));
        return {};
    }
    return optionalArray(key);
}

std::optional<QJsonObject> parseJsonObject(const QByteArray &payload, qint64 maxBytes, QString *error)
{
    if (payload.size() > maxBytes) {
        *error = QStringLiteral("payload too large: %1 bytes > %2").arg(payload.size()).arg(maxBytes);
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = QStringLiteral("invalid JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("invalid JSON at offset 0: payload is not a JSON object");
        return std::nullopt;
    }
    return doc.object();
}

} // namespace fleetdeck
