// Cluster-wide settings (docs/architecture.md#configuration): one row per key, the value as compact
// JSON text.
#include "store/store_codec.h"
#include "store/store_impl.h"

namespace fleetdeck {

Result<QHash<QString, QJsonValue>> Store::settings()
{
    using R = Result<QHash<QString, QJsonValue>>;
    auto q = d->exec("settings", QStringLiteral("SELECT key, value FROM settings"));
    if (!q)
        return R::failure(q.error());
    QHash<QString, QJsonValue> out;
    while (q.value().next()) {
        const QString key = q.value().value(0).toString();
        const QJsonValue v = storecodec::jsonValue(q.value().value(1).toString());
        if (v.isUndefined()) {
            qCWarning(lcStore) << "settings: ignoring key" << key << "whose value is not JSON";
            continue;
        }
        out.insert(key, v);
    }
    return out;
}

Result<std::optional<QJsonValue>> Store::setting(const QString &key)
{
    using R = Result<std::optional<QJsonValue>>;
    const auto v = d->scalar("setting", QStringLiteral("SELECT value FROM settings WHERE key = :key"), {{"key", key}});
    if (!v)
        return R::failure(v.error());
    if (!v.value())
        return std::optional<QJsonValue>();
    const QJsonValue parsed = storecodec::jsonValue(v.value()->toString());
    if (parsed.isUndefined())
        return R::failure(QStringLiteral("setting: the value of %1 is not JSON").arg(key));
    return std::optional<QJsonValue>(parsed);
}

Status Store::setSetting(const QString &key, const QJsonValue &value, const QString &updatedBy)
{
    if (value.isUndefined())
        return Status::failure(QStringLiteral("setSetting: undefined value for %1").arg(key));
    auto q = d->exec("setSetting",
                     QStringLiteral("INSERT INTO settings (key, value, updated_at, updated_by) "
                                    "VALUES (:key, :value, :now, :by) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                                    "updated_at = excluded.updated_at, updated_by = excluded.updated_by"),
                     {{"key", key}, {"value", storecodec::jsonText(value)}, {"now", d->now()}, {"by", updatedBy}});
    if (!q)
        return Status::failure(q.error());
    return okStatus();
}

} // namespace fleetdeck
