#pragma once
// Field access with the validation messages of docs/protocol.md#rules: the first problem found
// names the field.
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fleetdeck {

class JsonReader {
public:
    explicit JsonReader(const QJsonObject &obj, QString prefix = {}) : m_obj(obj), m_prefix(std::move(prefix)) {}

    QString requiredString(const char *key);
    QString optionalString(const char *key, const QString &def = {});
    std::optional<QString> nullableString(const char *key);
    bool requiredBool(const char *key);
    bool optionalBool(const char *key, bool def = false);
    qint64 requiredInt(const char *key);
    qint64 optionalInt(const char *key, qint64 def = 0);
    std::optional<qint64> nullableInt(const char *key);
    double requiredNumber(const char *key);
    QJsonObject optionalObject(const char *key);
    QJsonObject requiredObject(const char *key);
    QJsonArray optionalArray(const char *key);
    QJsonArray requiredArray(const char *key);

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &message);

private:
    QString field(const char *key) const;
    std::optional<QJsonValue> lookup(const char *key) const; // none when absent or null
    bool require(const std::optional<QJsonValue> &v, const char *key);
    QString stringOf(const QJsonValue &v, const char *key, const QString &def);
    bool boolOf(const QJsonValue &v, const char *key, bool def);
    qint64 intOf(const QJsonValue &v, const char *key, qint64 def);
    void typeError(const char *key, const char *expected);

    QJsonObject m_obj;
    QString m_prefix;
    QString m_error;
};

// Parses a payload into a JSON object: "payload too large…" / "invalid JSON at offset k: …" /
// "payload is not a JSON object".
std::optional<QJsonObject> parseJsonObject(const QByteArray &payload, qint64 maxBytes, QString *error);

} // namespace fleetdeck
