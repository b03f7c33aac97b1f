#include "core/json_reader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace fleetdeck {

QString JsonReader::field(const char *key) const
{
    return m_prefix + QString::fromLatin1(key);
}

std::optional<QJsonValue> JsonReader::lookup(const char *key) const
{
    // One search of the object per field: every status message reads about 30 of them on the
    // engine thread (bench_live_latency), and a search plus a second one for the value was a
    // fifth of its decoding.
    QJsonValue v = m_obj.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return v;
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

bool JsonReader::require(const std::optional<QJsonValue> &v, const char *key)
{
    if (!v)
        fail(QStringLiteral("missing required field \"%1\"").arg(field(key)));
    return v.has_value();
}

QString JsonReader::stringOf(const QJsonValue &v, const char *key, const QString &def)
{
    if (!v.isString()) {
        typeError(key, "string");
        return def;
    }
    return v.toString();
}

bool JsonReader::boolOf(const QJsonValue &v, const char *key, bool def)
{
    if (!v.isBool()) {
        typeError(key, "boolean");
        return def;
    }
    return v.toBool();
}

qint64 JsonReader::intOf(const QJsonValue &v, const char *key, qint64 def)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        typeError(key, "integer");
        return def;
    }
    return static_cast<qint64>(std::floor(v.toDouble()));
}

QString JsonReader::requiredString(const char *key)
{
    const auto v = lookup(key);
    return require(v, key) ? stringOf(*v, key, {}) : QString();
}

QString JsonReader::optionalString(const char *key, const QString &def)
{
    const auto v = lookup(key);
    return v ? stringOf(*v, key, def) : def;
}

std::optional<QString> JsonReader::nullableString(const char *key)
{
    const auto v = lookup(key);
    if (!v)
        return std::nullopt;
    return stringOf(*v, key, {});
}

bool JsonReader::requiredBool(const char *key)
{
    const auto v = lookup(key);
    return require(v, key) && boolOf(*v, key, false);
}

bool JsonReader::optionalBool(const char *key, bool def)
{
    const auto v = lookup(key);
    return v ? boolOf(*v, key, def) : def;
}

qint64 JsonReader::requiredInt(const char *key)
{
    const auto v = lookup(key);
    return require(v, key) ? intOf(*v, key, 0) : 0;
}

qint64 JsonReader::optionalInt(const char *key, qint64 def)
{
    const auto v = lookup(key);
    return v ? intOf(*v, key, def) : def;
}

std::optional<qint64> JsonReader::nullableInt(const char *key)
{
    const auto v = lookup(key);
    if (!v)
        return std::nullopt;
    return intOf(*v, key, 0);
}

double JsonReader::requiredNumber(const char *key)
{
    const auto v = lookup(key);
    if (!require(v, key))
        return 0;
    if (!v->isDouble() || !std::isfinite(v->toDouble())) {
        typeError(key, "number");
        return 0;
    }
    return v->toDouble();
}

QJsonObject JsonReader::optionalObject(const char *key)
{
    const auto v = lookup(key);
    if (!v)
        return {};
    if (!v->isObject()) {
        typeError(key, "object");
        return {};
    }
    return v->toObject();
}

QJsonObject JsonReader::requiredObject(const char *key)
{
    return require(lookup(key), key) ? optionalObject(key) : QJsonObject();
}

QJsonArray JsonReader::optionalArray(const char *key)
{
    const auto v = lookup(key);
    if (!v)
        return {};
    if (!v->isArray()) {
        typeError(key, "array");
        return {};
    }
    return v->toArray();
}

QJsonArray JsonReader::requiredArray(const char *key)
{
    return require(lookup(key), key) ? optionalArray(key) : QJsonArray();
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
