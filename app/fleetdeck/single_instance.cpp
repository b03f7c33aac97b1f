#include "single_instance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>

Q_LOGGING_CATEGORY(lcInstance, "fleetdeck.app.instance")

namespace fleetdeck {

namespace {

const QString kMagic = QStringLiteral("fleetdeck-activate/1");
constexpr qint64 kMaxMessageBytes = 1024 * 1024;
constexpr auto kStreamVersion = QDataStream::Qt_6_0;
constexpr int kRetryMs = 50;

} // namespace

SingleInstance::SingleInstance(const QString &key, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_key(key)
    , m_directory(directory.isEmpty() ? runtimeDirectory() : directory)
{
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file
    // m_lock's destructor removes the lock file when we hold it.
}

QString SingleInstance::defaultKey()
{
    return QStringLiteral("org.fleetdeck.Fleetdeck");
}

QString SingleInstance::runtimeDirectory()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return dir.isEmpty() ? QDir::tempPath() : dir;
}

QString SingleInstance::lockFilePath() const
{
    return QDir(m_directory).filePath(m_key + QStringLiteral(".lock"));
}

QString SingleInstance::serverName() const
{
#ifdef Q_OS_UNIX
    // A full path: the socket lives in the user's private runtime directory.
    return QDir(m_directory).filePath(m_key + QStringLiteral(".socket"));
#else
    // Named pipes share one namespace: the directory (per user) makes the name per user.
    const QByteArray hash = QCryptographicHash::hash(m_directory.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return m_key + QLatin1Char('-') + QString::fromLatin1(hash);
#endif
}

SingleInstance::Role SingleInstance::start(const QStringList &arguments, int timeoutMs)
{
    if (m_role != Role::None)
        return m_role;
    if (!QDir().mkpath(m_directory)) {
        m_error = tr("cannot create the directory %1").arg(m_directory);
        return m_role = Role::Failed;
    }
    m_lock = std::make_unique<QLockFile>(lockFilePath());
    // Never stale by age: a primary runs for days. A lock whose PID is gone is still recovered.
    m_lock->setStaleLockTime(0);

    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (m_lock->tryLock(0)) {
            if (!listen()) {
                m_lock->unlock();
                return m_role = Role::Failed;
            }
            qCDebug(lcInstance).noquote() << "primary instance, listening on" << serverName();
            return m_role = Role::Primary;
        }
        if (m_lock->error() != QLockFile::LockFailedError) {
            m_error = tr("cannot create the lock file %1").arg(lockFilePath());
            return m_role = Role::Failed;
        }
        // A live process holds the lock: hand it our arguments. Its socket may not be listening yet
        // (it has just taken the lock), or the process may be exiting: retry both until the deadline.
        if (sendToPrimary(arguments, int(deadline.remainingTime())))
            return m_role = Role::Secondary;
        if (deadline.hasExpired()) {
            m_error = tr("another instance holds %1 but does not answer on %2").arg(lockFilePath(), serverName());
            return m_role = Role::Failed;
        }
        QThread::msleep(kRetryMs);
    }
}

bool SingleInstance::listen()
{
    // We hold the lock, so a socket file left here belongs to a process that died.
    QLocalServer::removeServer(serverName());
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(serverName())) {
        m_error = tr("cannot listen on %1: %2").arg(serverName(), m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

bool SingleInstance::sendToPrimary(const QStringList &arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName());
    if (!socket.waitForConnected(qMax(timeoutMs, 0)))
        return false;
    QByteArray message;
    {
        QDataStream out(&message, QIODevice::WriteOnly);
        out.setVersion(kStreamVersion);
        out << kMagic << arguments;
    }
    socket.write(message);
    // No answer is awaited: the primary may be this very thread (tests), and a connected socket
    // with the whole message written is enough for it to read the message later.
    const QDeadlineTimer deadline(qMax(timeoutMs, 1000));
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(int(deadline.remainingTime()))) {
            qCWarning(lcInstance).noquote() << "could not send the arguments to" << serverName() << socket.errorString();
            return false;
        }
    }
    socket.disconnectFromServer();
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            readMessage(socket);
    }
}

void SingleInstance::readMessage(QLocalSocket *socket)
{
    QDataStream in(socket);
    in.setVersion(kStreamVersion);
    in.startTransaction();
    QString magic;
    QStringList arguments;
    in >> magic >> arguments;
    if (!in.commitTransaction()) {
        // Incomplete: wait for more, unless it is garbage or larger than any argument list.
        if (in.status() == QDataStream::ReadCorruptData || socket->bytesAvailable() > kMaxMessageBytes) {
            qCWarning(lcInstance) << "dropping a malformed activation message";
            socket->abort();
        }
        return;
    }
    if (magic != kMagic) {
        qCWarning(lcInstance) << "dropping an activation message of another protocol";
        socket->abort();
        return;
    }
    socket->disconnectFromServer();
    Q_EMIT activationRequested(arguments);
}

} // namespace fleetdeck
