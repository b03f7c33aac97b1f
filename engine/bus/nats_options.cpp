#include "bus/nats_options.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

namespace fleetdeck {

namespace {

constexpr int kPingIntervalMs = 10000;      // docs/protocol.md#rules: ping every 10 s ...
constexpr int kMaxPingsOut = 2;             // ... at most 2 outstanding
constexpr int kReconnectBufferBytes = 8 << 20; // docs/protocol.md#rules: 8 MB of publishes buffered while reconnecting

bool isTlsUrl(const QString &url)
{
    return url.trimmed().startsWith(QLatin1String("tls://"), Qt::CaseInsensitive);
}

// Why a TCP connection to the first server of the URL fails, for "no server available" errors.
QString probeTcp(const QString &url)
{
    const QUrl u(url.section(QLatin1Char(','), 0, 0).trimmed());
    if (!u.isValid() || u.host().isEmpty())
        return QStringLiteral("invalid URL");
    QTcpSocket socket;
    socket.connectToHost(u.host(), static_cast<quint16>(u.port(4222)));
    if (socket.waitForConnected(2000)) {
        socket.abort();
        return {};
    }
    switch (socket.error()) {
    case QAbstractSocket::ConnectionRefusedError: return QStringLiteral("connection refused");
    case QAbstractSocket::HostNotFoundError: return QStringLiteral("host not found");
    case QAbstractSocket::SocketTimeoutError: return QStringLiteral("connection timed out");
    case QAbstractSocket::NetworkError: return QStringLiteral("network unreachable");
    default: return socket.errorString();
    }
}

} // namespace

QString natsAuthMethod(const NatsConfig &config)
{
    if (!config.credsFile.isEmpty())
        return QStringLiteral("creds");
    if (!config.user.isEmpty() || !config.passwordFile.isEmpty())
        return QStringLiteral("user/password");
    if (!config.tokenFile.isEmpty())
        return QStringLiteral("token");
    return QStringLiteral("none");
}

Result<QByteArray> readNatsSecret(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(QStringLiteral("cannot read %1 %2: %3").arg(what, path, f.errorString()));
    QByteArray secret = f.readAll();
    while (secret.endsWith('\n') || secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty())
        return Result<QByteArray>::failure(QStringLiteral("%1 %2 is empty").arg(what, path));
    return secret;
}

QString natsErrorText(natsStatus s)
{
    natsStatus last = NATS_OK;
    const char *text = nats_GetLastError(&last);
    QString t = text ? QString::fromUtf8(text) : QString();
    if (t.startsWith(QLatin1Char('('))) {
        const qsizetype end = t.indexOf(QLatin1String("): "));
        if (end > 0)
            t = t.mid(end + 3);
    }
    if (t.isEmpty() || last != s)
        t = QString::fromUtf8(natsStatus_GetText(s));
    return t;
}

QString natsConnectError(const NatsConfig &config, natsStatus s)
{
    QString reason = natsErrorText(s);
    // Short status phrases read better in lower case ("Authorization Violation"); details such
    // as certificate names are kept as they are.
    static const QRegularExpression phrase(QStringLiteral("^[A-Za-z ]+$"));
    if (phrase.match(reason).hasMatch())
        reason = reason.toLower();
    if (s == NATS_NO_SERVER) {
        const QString tcp = probeTcp(config.url);
        if (!tcp.isEmpty())
            reason = tcp + QLatin1String(" (") + reason + QLatin1Char(')');
    }
    return QStringLiteral("NATS %1: %2 (auth: %3)").arg(config.url, reason, natsAuthMethod(config));
}

Result<NatsOptionsPtr> buildNatsOptions(const NatsConfig &config, const NatsConnectionCallbacks &cb)
{
    using R = Result<NatsOptionsPtr>;
    const QString prefix = QStringLiteral("NATS %1: ").arg(config.url);
    if (config.url.trimmed().isEmpty())
        return R::failure(QStringLiteral("NATS: no server URL configured (nats/url, --nats)"));
    const int methods = int(!config.credsFile.isEmpty()) + int(!config.user.isEmpty() || !config.passwordFile.isEmpty())
                        + int(!config.tokenFile.isEmpty());
    if (methods > 1)
        return R::failure(prefix + QStringLiteral("give only one of creds, user/password and token"));
    if (config.user.isEmpty() != config.passwordFile.isEmpty())
        return R::failure(prefix + QStringLiteral("user/password needs both a user and a password file"));

    natsOptions *raw = nullptr;
    if (natsOptions_Create(&raw) != NATS_OK)
        return R::failure(prefix + QStringLiteral("cannot create options: ") + natsErrorText(NATS_NO_MEMORY));
    NatsOptionsPtr opts(raw);

    natsStatus s = natsOptions_SetURL(raw, config.url.trimmed().toUtf8().constData());
    if (s != NATS_OK)
        return R::failure(prefix + QStringLiteral("invalid URL: ") + natsErrorText(s));
    if (!config.name.isEmpty())
        natsOptions_SetName(raw, config.name.toUtf8().constData());

    if (!config.credsFile.isEmpty()) {
        s = natsOptions_SetUserCredentialsFromFiles(raw, config.credsFile.toUtf8().constData(), nullptr);
        if (s != NATS_OK)
            return R::failure(prefix + QStringLiteral("cannot use creds file %1: %2").arg(config.credsFile, natsErrorText(s)));
    } else if (!config.user.isEmpty()) {
        auto password = readNatsSecret(config.passwordFile, QStringLiteral("NATS password file"));
        if (!password)
            return R::failure(prefix + password.error());
        s = natsOptions_SetUserInfo(raw, config.user.toUtf8().constData(), password.value().constData());
        password.value().fill('\0');
        if (s != NATS_OK)
            return R::failure(prefix + QStringLiteral("cannot set user/password: ") + natsErrorText(s));
    } else if (!config.tokenFile.isEmpty()) {
        auto token = readNatsSecret(config.tokenFile, QStringLiteral("NATS token file"));
        if (!token)
            return R::failure(prefix + token.error());
        s = natsOptions_SetToken(raw, token.value().constData());
        token.value().fill('\0');
        if (s != NATS_OK)
            return R::failure(prefix + QStringLiteral("cannot set token: ") + natsErrorText(s));
    }

    if (!config.tlsCaFile.isEmpty() || isTlsUrl(config.url)) {
        s = natsOptions_SetSecure(raw, true);
        if (s == NATS_OK && !config.tlsCaFile.isEmpty())
            s = natsOptions_LoadCATrustedCertificates(raw, config.tlsCaFile.toUtf8().constData());
        if (s != NATS_OK)
            return R::failure(prefix + QStringLiteral("cannot set up TLS (CA file %1): %2")
                                           .arg(config.tlsCaFile.isEmpty() ? QStringLiteral("none") : config.tlsCaFile,
                                                natsErrorText(s)));
    }

    // docs/protocol.md#rules: one global delivery thread (pool size left at the library default of
    // 1) keeps the callbacks of all subscriptions in the order the connection received the
    // messages.
    s = natsOptions_UseGlobalMessageDelivery(raw, true);
    if (s == NATS_OK)
        s = natsOptions_SetPingInterval(raw, kPingIntervalMs);
    if (s == NATS_OK)
        s = natsOptions_SetMaxPingsOut(raw, kMaxPingsOut);
    if (s == NATS_OK)
        s = natsOptions_SetAllowReconnect(raw, true);
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(raw, -1);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectBufSize(raw, kReconnectBufferBytes);
    if (s == NATS_OK)
        s = natsOptions_SetRetryOnFailedConnect(raw, config.retryInitialConnect,
                                                config.retryInitialConnect ? cb.connected : nullptr, cb.closure);
    if (s == NATS_OK && config.noEcho)
        s = natsOptions_SetNoEcho(raw, true);
    if (s == NATS_OK && cb.disconnected)
        s = natsOptions_SetDisconnectedCB(raw, cb.disconnected, cb.closure);
    if (s == NATS_OK && cb.reconnected)
        s = natsOptions_SetReconnectedCB(raw, cb.reconnected, cb.closure);
    if (s == NATS_OK && cb.closed)
        s = natsOptions_SetClosedCB(raw, cb.closed, cb.closure);
    if (s == NATS_OK && cb.asyncError)
        s = natsOptions_SetErrorHandler(raw, cb.asyncError, cb.closure);
    if (s == NATS_OK && cb.reconnectDelay)
        s = natsOptions_SetCustomReconnectDelay(raw, cb.reconnectDelay, cb.closure);
    if (s != NATS_OK)
        return R::failure(prefix + QStringLiteral("cannot set connection options: ") + natsErrorText(s));
    return R(std::move(opts));
}

} // namespace fleetdeck
