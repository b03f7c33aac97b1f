#include "config/cluster_settings.h"

#include "config/config_log.h"
#include "config/settings_values.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>
#include <utility>

namespace fleetdeck {

static constexpr qint64 kDay = 86400;

const QList<SettingSpec> &ClusterSettings::specs()
{
    using T = SettingType;
    static const QList<SettingSpec> table = {
        {"cluster_id", T::ReadOnly},
        {"nodes/heartbeat_interval_s", T::Integer, 10, 1, 3600},
        {"nodes/registration_token", T::Token},
        {"nodes/auto_approve", T::Bool, 0},
        {"health/tick_s", T::Integer, 15, 1, 3600},
        {"health/stale_s", T::Integer, 60, 1, kDay},
        {"reconcile/tick_s", T::Integer, 30, 1, kDay},
        {"reconcile/pass_wait_s", T::Integer, 60, 1, 3600},
        {"reconcile/retry_parallel", T::Integer, 8, 1, 256},
        {"reconcile/backoff_base_s", T::Integer, 30, 1, kDay},
        {"reconcile/backoff_cap_s", T::Integer, 900, 1, 7 * kDay},
        {"reconcile/max_attempts", T::Integer, 10, 1, 1000},
        {"reconcile/pending_grace_s", T::Integer, 900, 1, 7 * kDay},
        {"ops/max_concurrent", T::Integer, 4, 1, 64},
        {"ops/fanout_parallel", T::Integer, 8, 1, 256},
        {"ops/claim_poll_s", T::Integer, 5, 1, 3600},
        {"ops/stale_age_s", T::Integer, 1800, 1, 7 * kDay},
        {"ops/reap_interval_s", T::Integer, 900, 1, kDay},
        {"ops/keepalive_s", T::Integer, 60, 1, 3600},
        {"ops/status_coalesce_ms", T::Integer, 250, 0, 60000},
        {"ops/progress_write_ms", T::Integer, 1000, 0, 60000},
        {"ops/history_size", T::Integer, 200, 1, 100000},
        {"ops/retention_s", T::Integer, 7 * kDay, 1, 365 * kDay},
        {"ops/status_linger_s", T::Integer, 600, 1, 7 * kDay},
        {"nats/timeout_install_s", T::Integer, 900, 1, kDay},
        {"nats/timeout_upgrade_s", T::Integer, 900, 1, kDay},
        {"nats/timeout_list_s", T::Integer, 30, 1, 3600},
        {"nats/timeout_delete_s", T::Integer, 120, 1, kDay},
        {"nats/timeout_cancel_s", T::Integer, 5, 1, 600},
        {"nats/max_payload_bytes", T::Integer, 1048576, 1024, 64 * 1024 * 1024},
        {"gui/stalled_s", T::Integer, 60, 1, kDay},
        {"gui/stale_s", T::Integer, 30, 1, 3600},
        {"upgrades/first_check_s", T::Integer, 10, 0, kDay},
        {"upgrades/period_s", T::Integer, 6 * 3600, 1, 30 * kDay},
        {"upgrades/auto", T::Bool, 0},
        {"gallery/refresh_s", T::Integer, 3600, 1, 7 * kDay},
        {"galleries", T::Galleries},
    };
    return table;
}

const SettingSpec *ClusterSettings::spec(const QString &key)
{
    for (const SettingSpec &s : specs()) {
        if (key == QLatin1String(s.key))
            return &s;
    }
    return nullptr;
}

QJsonValue ClusterSettings::defaultValue(const QString &key)
{
    const SettingSpec *s = spec(key);
    if (!s)
        return QJsonValue(QJsonValue::Undefined);
    switch (s->type) {
    case SettingType::Integer: return QJsonValue(s->defaultValue);
    case SettingType::Bool: return QJsonValue(s->defaultValue != 0);
    case SettingType::Galleries: return QJsonArray();
    case SettingType::Token:
    case SettingType::ReadOnly: return QString();
    }
    return {};
}

ClusterSettings::ClusterSettings(const Rows &rows)
{
    for (const SettingSpec &s : specs()) {
        const QString key = QLatin1String(s.key);
        QJsonValue v = defaultValue(key);
        if (rows.contains(key)) {
            QString reason;
            if (settings::isUsableStoredValue(s, rows.value(key), &reason))
                v = rows.value(key);
            else
                m_problems << key + QStringLiteral(": ") + reason + QStringLiteral("; using the default");
        }
        m_values.insert(key, v);
    }
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        if (!spec(it.key()))
            m_problems << it.key() + QStringLiteral(": unknown setting; ignored");
    }
    for (const QString &p : std::as_const(m_problems))
        qCWarning(lcConfig).noquote() << "settings:" << p;
}

Result<QJsonValue> ClusterSettings::validate(const QString &key, const QString &text)
{
    const SettingSpec *s = spec(key);
    if (!s) {
        QString message = QStringLiteral("unknown setting \"") + key + QLatin1Char('"');
        if (key.startsWith(QLatin1String("worker/")))
            message += QStringLiteral(" (worker/* keys are set in each worker's own configuration)");
        return Result<QJsonValue>::failure(message);
    }
    QString reason;
    const std::optional<QJsonValue> v = settings::parseSettingText(*s, text, &reason);
    if (!v)
        return Result<QJsonValue>::failure(QStringLiteral("invalid value for ") + key + QStringLiteral(": ") + reason);
    return *v;
}

QJsonObject ClusterSettings::toDisplayJson(const Rows &rows)
{
    return ClusterSettings(rows).toDisplayJson();
}

QJsonObject ClusterSettings::toDisplayJson() const
{
    QJsonObject out;
    for (const SettingSpec &s : specs()) {
        const QString key = QLatin1String(s.key);
        QJsonValue v = m_values.value(key);
        if (s.type == SettingType::Token && !v.toString().isEmpty())
            v = QStringLiteral("***");
        out.insert(key, v);
    }
    return out;
}

QString ClusterSettings::hashRegistrationToken(const QString &token)
{
    return QStringLiteral("sha256:")
           + QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool ClusterSettings::registrationTokenMatches(const QString &storedHash, const QString &token)
{
    const QByteArray expected = storedHash.toLatin1();
    const QByteArray actual = hashRegistrationToken(token).toLatin1();
    if (expected.size() != actual.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < actual.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ actual[i]);
    return diff == 0;
}

qint64 ClusterSettings::integer(const char *key) const
{
    return m_values.value(QLatin1String(key)).toInteger();
}

bool ClusterSettings::boolean(const char *key) const
{
    return m_values.value(QLatin1String(key)).toBool();
}

QString ClusterSettings::clusterId() const { return m_values.value(QStringLiteral("cluster_id")).toString(); }

int ClusterSettings::heartbeatIntervalS() const { return int(integer("nodes/heartbeat_interval_s")); }
qint64 ClusterSettings::healthTickMs() const { return integer("health/tick_s") * 1000; }
qint64 ClusterSettings::healthStaleMs() const { return integer("health/stale_s") * 1000; }
QString ClusterSettings::registrationTokenHash() const
{
    return m_values.value(QStringLiteral("nodes/registration_token")).toString();
}
bool ClusterSettings::autoApprove() const { return boolean("nodes/auto_approve"); }

qint64 ClusterSettings::reconcileTickMs() const { return integer("reconcile/tick_s") * 1000; }
qint64 ClusterSettings::passWaitMs() const { return integer("reconcile/pass_wait_s") * 1000; }
int ClusterSettings::retryParallel() const { return int(integer("reconcile/retry_parallel")); }
qint64 ClusterSettings::backoffBaseMs() const { return integer("reconcile/backoff_base_s") * 1000; }
qint64 ClusterSettings::backoffCapMs() const { return integer("reconcile/backoff_cap_s") * 1000; }
qint64 ClusterSettings::backoffMs(int attempt) const
{
    const qint64 cap = backoffCapMs();
    qint64 delay = backoffBaseMs();
    for (int a = 1; a < attempt && delay < cap; ++a)
        delay *= 2;
    return std::min(delay, cap);
}
int ClusterSettings::maxAttempts() const { return int(integer("reconcile/max_attempts")); }
qint64 ClusterSettings::pendingGraceMs() const { return integer("reconcile/pending_grace_s") * 1000; }

int ClusterSettings::opsMaxConcurrent() const { return int(integer("ops/max_concurrent")); }
int ClusterSettings::fanoutParallel() const { return int(integer("ops/fanout_parallel")); }
qint64 ClusterSettings::claimPollMs() const { return integer("ops/claim_poll_s") * 1000; }
qint64 ClusterSettings::staleAgeMs() const { return integer("ops/stale_age_s") * 1000; }
qint64 ClusterSettings::reapIntervalMs() const { return integer("ops/reap_interval_s") * 1000; }
qint64 ClusterSettings::keepaliveMs() const { return integer("ops/keepalive_s") * 1000; }
qint64 ClusterSettings::statusCoalesceMs() const { return integer("ops/status_coalesce_ms"); }
qint64 ClusterSettings::progressWriteMs() const { return integer("ops/progress_write_ms"); }
int ClusterSettings::historySize() const { return int(integer("ops/history_size")); }
qint64 ClusterSettings::retentionMs() const { return integer("ops/retention_s") * 1000; }
qint64 ClusterSettings::statusLingerMs() const { return integer("ops/status_linger_s") * 1000; }

qint64 ClusterSettings::timeoutMs(OpKind kind) const
{
    switch (kind) {
    case OpKind::Install: return integer("nats/timeout_install_s") * 1000;
    case OpKind::Upgrade: return integer("nats/timeout_upgrade_s") * 1000;
    case OpKind::Delete: return integer("nats/timeout_delete_s") * 1000;
    }
    return integer("nats/timeout_install_s") * 1000;
}
qint64 ClusterSettings::listTimeoutMs() const { return integer("nats/timeout_list_s") * 1000; }
qint64 ClusterSettings::cancelTimeoutMs() const { return integer("nats/timeout_cancel_s") * 1000; }
qint64 ClusterSettings::maxPayloadBytes() const { return integer("nats/max_payload_bytes"); }

qint64 ClusterSettings::stalledMs() const { return integer("gui/stalled_s") * 1000; }
qint64 ClusterSettings::staleMs() const { return integer("gui/stale_s") * 1000; }
qint64 ClusterSettings::firstCheckMs() const { return integer("upgrades/first_check_s") * 1000; }
qint64 ClusterSettings::upgradePeriodMs() const { return integer("upgrades/period_s") * 1000; }
bool ClusterSettings::autoUpgrade() const { return boolean("upgrades/auto"); }
qint64 ClusterSettings::galleryRefreshMs() const { return integer("gallery/refresh_s") * 1000; }

QList<GallerySource> ClusterSettings::galleries() const
{
    QList<GallerySource> out;
    const QJsonArray list = m_values.value(QStringLiteral("galleries")).toArray();
    for (const QJsonValue &g : list)
        out.append({g[QLatin1String("name")].toString(), g[QLatin1String("url")].toString()});
    return out;
}

} // namespace fleetdeck
