#pragma once
// Cluster-wide settings (the keys of docs/architecture.md#settings, #configuration): rows of the
// store's `settings` table, key → compact JSON value. A ClusterSettings is an immutable snapshot
// built from those rows; a missing or unusable row reads as its default. validate() checks
// `settings set` input.
#include "core/op_types.h"
#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace fleetdeck {

struct GallerySource {
    QString name;
    QString url; // absolute path, file:// or http(s):// URL (docs/gallery.md#configuration)
    bool operator==(const GallerySource &) const = default;
};

enum class SettingType {
    Integer,   // JSON number within [min, max]
    Bool,      // JSON true/false
    Galleries, // JSON array of {name, url}
    Token,     // "" or "sha256:<64 hex>"; shown as "***"
    ReadOnly,  // cluster_id: written by the first migration only
};

struct SettingSpec {
    const char *key;
    SettingType type;
    qint64 defaultValue = 0; // Integer, Bool
    qint64 min = 0;
    qint64 max = 0;
};

class ClusterSettings final {
public:
    using Rows = QHash<QString, QJsonValue>;

    ClusterSettings() : ClusterSettings(Rows{}) {} // every key at its default
    explicit ClusterSettings(const Rows &rows);

    // Every cluster-wide key, in table order (cluster_id included).
    static const QList<SettingSpec> &specs();
    static const SettingSpec *spec(const QString &key);
    static bool isKnownKey(const QString &key) { return spec(key) != nullptr; }
    static QJsonValue defaultValue(const QString &key);

    // `settings set <key> <text>`: the JSON value to store, or "unknown setting \"<key>\"" /
    // "invalid value for <key>: <reason>". The registration token comes back hashed ("sha256:<hex>").
    static Result<QJsonValue> validate(const QString &key, const QString &text);

    // Every key with its effective value; a set registration token as "***".
    static QJsonObject toDisplayJson(const Rows &rows);
    QJsonObject toDisplayJson() const;

    static QString hashRegistrationToken(const QString &token);              // "sha256:<hex>"
    static bool registrationTokenMatches(const QString &storedHash, const QString &token); // constant time

    // The effective value of a key (the stored one when valid, else the default).
    QJsonValue value(const QString &key) const { return m_values.value(key); }
    // Rows that were present but unusable (wrong type, out of bounds, unknown key), for the log.
    const QStringList &problems() const { return m_problems; }

    QString clusterId() const;

    // nodes/*, health/*
    int heartbeatIntervalS() const;
    qint64 healthTickMs() const;
    qint64 healthStaleMs() const;
    QString registrationTokenHash() const; // "" when registration is open
    bool registrationOpen() const { return registrationTokenHash().isEmpty(); }
    bool autoApprove() const;

    // reconcile/*
    qint64 reconcileTickMs() const;
    qint64 passWaitMs() const;
    int retryParallel() const;
    qint64 backoffBaseMs() const;
    qint64 backoffCapMs() const;
    qint64 backoffMs(int attempt) const; // min(base × 2^(attempt−1), cap), attempt ≥ 1
    int maxAttempts() const;
    qint64 pendingGraceMs() const;

    // ops/*
    int opsMaxConcurrent() const;
    int fanoutParallel() const;
    qint64 claimPollMs() const;
    qint64 staleAgeMs() const;
    qint64 reapIntervalMs() const;
    qint64 keepaliveMs() const;
    qint64 statusCoalesceMs() const;
    qint64 progressWriteMs() const;
    int historySize() const;
    qint64 retentionMs() const;
    qint64 statusLingerMs() const;

    // nats/*
    qint64 timeoutMs(OpKind kind) const;
    qint64 listTimeoutMs() const;
    qint64 cancelTimeoutMs() const;
    qint64 maxPayloadBytes() const;

    // gui/*, upgrades/*, gallery/*
    qint64 stalledMs() const;
    qint64 staleMs() const;
    qint64 firstCheckMs() const;
    qint64 upgradePeriodMs() const;
    bool autoUpgrade() const;
    qint64 galleryRefreshMs() const;
    QList<GallerySource> galleries() const;

private:
    qint64 integer(const char *key) const;
    bool boolean(const char *key) const;

    Rows m_values;
    QStringList m_problems;
};

} // namespace fleetdeck
