#include "config/process_keys.h"

#include "config/listen_address.h"

#include <QRegularExpression>
#include <QUrl>

namespace fleetdeck::config {

const QList<KeySpec> &processKeys()
{
    static const QList<KeySpec> keys = {
        {"store/driver", ValueKind::Choice, nullptr, false, 0, 0, "sqlite|postgres"},
        {"store/path", ValueKind::Text},
        {"store/host", ValueKind::Text},
        {"store/port", ValueKind::Integer, nullptr, false, 1, 65535},
        {"store/database", ValueKind::Text},
        {"store/user", ValueKind::Text},
        {"store/password_file", ValueKind::Text},
        {"nats/url", ValueKind::NatsUrl, "nats"},
        {"nats/creds", ValueKind::Text, "nats-creds"},
        {"nats/tls_ca", ValueKind::Text, "nats-tls-ca"},
        {"nats/user", ValueKind::Text, "nats-user"},
        {"nats/password_file", ValueKind::Text, "nats-password-file"},
        {"nats/token_file", ValueKind::Text, "nats-token-file"},
        {"gallery/urls", ValueKind::List, "gallery"},
        {"worker/name", ValueKind::NodeName, "name", true},
        {"worker/backends_dir", ValueKind::Text, "backends-dir", true},
        {"worker/registration_token_file", ValueKind::Text, "registration-token-file", true},
        {"worker/labels", ValueKind::Labels, "label", true},
        {"worker/gpu_vendor", ValueKind::Choice, "gpu-vendor", true, 0, 0, "nvidia|amd|intel|apple|cpu"},
        {"worker/allow_gallery", ValueKind::List, "allow-gallery", true},
        {"worker/allow_file_root", ValueKind::List, "allow-file-root", true},
        {"worker/heartbeat_interval", ValueKind::Integer, "heartbeat-interval", true, 1, 3600},
        {"worker/system_backends_dir", ValueKind::Text},
        {"worker/register_timeout_s", ValueKind::Integer, nullptr, false, 1, 600},
        {"worker/register_backoff_initial_s", ValueKind::Integer, nullptr, false, 1, 3600},
        {"worker/register_backoff_cap_s", ValueKind::Integer, nullptr, false, 1, 86400},
        {"worker/progress_debounce_ms", ValueKind::Integer, nullptr, false, 0, 60000},
        {"worker/shutdown_wait_s", ValueKind::Integer, nullptr, false, 0, 3600},
        {"worker/shutdown_total_s", ValueKind::Integer, nullptr, false, 0, 3600},
        {"worker/cancel_tombstone_s", ValueKind::Integer, nullptr, false, 1, 86400},
        {"worker/max_payload_bytes", ValueKind::Integer, nullptr, false, 1024, 64 * 1024 * 1024},
        {"metrics/listen", ValueKind::ListenAddress, "metrics-listen"},
    };
    return keys;
}

const KeySpec *findProcessKey(const QString &key)
{
    for (const KeySpec &spec : processKeys()) {
        if (key == QLatin1String(spec.key))
            return &spec;
    }
    return nullptr;
}

bool isCheckedGroup(const QString &group)
{
    // Case-insensitive, so that a [Nats] section is reported instead of silently ignored.
    const QString g = group.toLower();
    return g == QLatin1String("store") || g == QLatin1String("nats") || g == QLatin1String("gallery")
           || g == QLatin1String("worker") || g == QLatin1String("metrics");
}

namespace {

bool checkInteger(const KeySpec &spec, const QString &text, qint64 *out, QString *reason)
{
    bool ok = false;
    const qint64 n = text.trimmed().toLongLong(&ok);
    if (!ok) {
        *reason = QStringLiteral("expected an integer");
        return false;
    }
    if (n < spec.min || n > spec.max) {
        *reason = QStringLiteral("expected an integer between ") + QString::number(spec.min) + QStringLiteral(" and ")
                  + QString::number(spec.max) + QStringLiteral(", got ") + QString::number(n);
        return false;
    }
    *out = n;
    return true;
}

bool checkChoice(const KeySpec &spec, const QString &text, QString *out, QString *reason)
{
    const QStringList choices = QString::fromLatin1(spec.choices).split(QLatin1Char('|'));
    const QString value = text.trimmed().toLower();
    if (!choices.contains(value)) {
        *reason = QStringLiteral("expected one of ") + choices.join(QStringLiteral(", ")) + QStringLiteral(", got \"")
                  + text + QLatin1Char('"');
        return false;
    }
    *out = value;
    return true;
}

// One URL or a comma-separated list of them (the servers of one NATS cluster).
bool checkNatsUrl(const QString &text, QString *normalized, QString *reason)
{
    QStringList urls;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QUrl url(part.trimmed(), QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || (scheme != QLatin1String("nats") && scheme != QLatin1String("tls")) || url.host().isEmpty()) {
            *reason = QStringLiteral("expected a nats://HOST[:PORT] or tls://HOST[:PORT] URL, got \"") + text + QLatin1Char('"');
            return false;
        }
        urls << part.trimmed();
    }
    *normalized = urls.join(QLatin1Char(','));
    return true;
}

bool checkNodeName(const QString &text, QString *reason)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"));
    if (!re.match(text).hasMatch()) {
        *reason = QStringLiteral("invalid node name \"") + text
                  + QStringLiteral("\": letters, digits, '_' and '-', at most 63, starting with a letter or digit");
        return false;
    }
    return true;
}

bool checkLabels(const QStringList &values, QMap<QString, QString> *out, QString *reason)
{
    static const QRegularExpression keyRe(QStringLiteral("^[A-Za-z0-9._/-]{1,63}$"));
    QMap<QString, QString> labels;
    for (const QString &item : values) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq < 0) {
            *reason = QStringLiteral("expected k=v, got \"") + item + QLatin1Char('"');
            return false;
        }
        const QString k = item.left(eq).trimmed();
        const QString v = item.mid(eq + 1).trimmed();
        if (!keyRe.match(k).hasMatch()) {
            *reason = QStringLiteral("invalid label key \"") + k + QLatin1Char('"');
            return false;
        }
        if (v.size() > 255) {
            *reason = QStringLiteral("the value of label \"") + k + QStringLiteral("\" is longer than 255 characters");
            return false;
        }
        labels.insert(k, v);
    }
    if (labels.size() > 64) {
        *reason = QStringLiteral("more than 64 labels");
        return false;
    }
    *out = labels;
    return true;
}

} // namespace

bool applyProcessKey(const KeySpec &spec, const QStringList &values, ProcessConfig &c, QString *reason)
{
    const QString key = QLatin1String(spec.key);
    const QString text = values.value(0);
    QString choice; // the normalised text of Choice and NatsUrl values
    qint64 n = 0;

    switch (spec.kind) {
    case ValueKind::Integer:
        if (!checkInteger(spec, text, &n, reason))
            return false;
        break;
    case ValueKind::Choice:
        if (!checkChoice(spec, text, &choice, reason))
            return false;
        break;
    case ValueKind::NatsUrl:
        if (!checkNatsUrl(values.join(QLatin1Char(',')), &choice, reason))
            return false;
        break;
    case ValueKind::NodeName:
        if (!checkNodeName(text, reason))
            return false;
        break;
    case ValueKind::Labels:
        return checkLabels(values, &c.worker.labels, reason);
    case ValueKind::ListenAddress: {
        const Result<ListenAddress> listen = parseListenAddress(text);
        if (!listen) {
            *reason = listen.error();
            return false;
        }
        choice = listen->toString();
        break;
    }
    case ValueKind::Text:
    case ValueKind::List:
        break;
    }
    const int i = int(n);

    if (key == QLatin1String("store/driver")) c.storeDriver = choice;
    else if (key == QLatin1String("store/path")) c.storePath = text;
    else if (key == QLatin1String("store/host")) c.storeHost = text;
    else if (key == QLatin1String("store/port")) c.storePort = i;
    else if (key == QLatin1String("store/database")) c.storeDatabase = text;
    else if (key == QLatin1String("store/user")) c.storeUser = text;
    else if (key == QLatin1String("store/password_file")) c.storePasswordFile = text;
    else if (key == QLatin1String("nats/url")) c.nats.url = choice;
    else if (key == QLatin1String("nats/creds")) c.nats.credsFile = text;
    else if (key == QLatin1String("nats/tls_ca")) c.nats.tlsCaFile = text;
    else if (key == QLatin1String("nats/user")) c.nats.user = text;
    else if (key == QLatin1String("nats/password_file")) c.nats.passwordFile = text;
    else if (key == QLatin1String("nats/token_file")) c.nats.tokenFile = text;
    else if (key == QLatin1String("gallery/urls")) c.galleryUrls = values;
    else if (key == QLatin1String("worker/name")) c.worker.name = text;
    else if (key == QLatin1String("worker/backends_dir")) c.worker.backendsDir = text;
    else if (key == QLatin1String("worker/registration_token_file")) c.worker.registrationTokenFile = text;
    else if (key == QLatin1String("worker/gpu_vendor")) c.worker.gpuVendor = choice;
    else if (key == QLatin1String("worker/allow_gallery")) c.worker.allowGallery = values;
    else if (key == QLatin1String("worker/allow_file_root")) c.worker.allowFileRoot = values;
    else if (key == QLatin1String("worker/heartbeat_interval")) c.worker.heartbeatIntervalS = i;
    else if (key == QLatin1String("worker/system_backends_dir")) c.worker.systemBackendsDir = text;
    else if (key == QLatin1String("worker/register_timeout_s")) c.worker.registerTimeoutS = i;
    else if (key == QLatin1String("worker/register_backoff_initial_s")) c.worker.registerBackoffInitialS = i;
    else if (key == QLatin1String("worker/register_backoff_cap_s")) c.worker.registerBackoffCapS = i;
    else if (key == QLatin1String("worker/progress_debounce_ms")) c.worker.progressDebounceMs = i;
    else if (key == QLatin1String("worker/shutdown_wait_s")) c.worker.shutdownWaitS = i;
    else if (key == QLatin1String("worker/shutdown_total_s")) c.worker.shutdownTotalS = i;
    else if (key == QLatin1String("worker/cancel_tombstone_s")) c.worker.cancelTombstoneS = i;
    else if (key == QLatin1String("worker/max_payload_bytes")) c.worker.maxPayloadBytes = n;
    else if (key == QLatin1String("metrics/listen")) c.metricsListen = choice;
    else {
        *reason = QStringLiteral("not a process key");
        return false;
    }
    return true;
}

} // namespace fleetdeck::config
