#include "artifact_server.h"

#include <QHash>
#include <QMetaObject>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

namespace fleetdeck::test {

struct ArtifactServer::Impl {
    QThread thread;
    QObject *ctx = nullptr; // lives on thread; owns the server and the connections
    QTcpServer *server = nullptr;
    quint16 port = 0;

    mutable QMutex mutex;
    QHash<QString, QByteArray> files;
    QHash<QString, int> statuses;
    QHash<QString, QString> redirects;
    QHash<QString, qint64> stallAfter;
    QHash<QString, int> gets;
    qint64 rate = 0;

    void onConnection(QTcpSocket *s);
    void respond(QTcpSocket *s, const QString &path);
};

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

QByteArray head(int status, qint64 length, const QByteArray &extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\nContent-Length: "
        + QByteArray::number(length) + "\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n" + extra
        + "\r\n";
}

} // namespace

void ArtifactServer::Impl::onConnection(QTcpSocket *s)
{
    auto buffer = std::make_shared<QByteArray>();
    QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer]() {
        if (s->property("answered").toBool()) {
            s->readAll();
            return;
        }
        buffer->append(s->readAll());
        if (!buffer->contains("\r\n\r\n"))
            return;
        s->setProperty("answered", true);
        const QList<QByteArray> line = buffer->left(buffer->indexOf("\r\n")).split(' ');
        QString path = line.size() >= 2 ? QString::fromLatin1(line.at(1)) : QString();
        path = path.section(QLatin1Char('?'), 0, 0);
        respond(s, path);
    });
    QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
}

void ArtifactServer::Impl::respond(QTcpSocket *s, const QString &path)
{
    QByteArray body;
    qint64 stall = -1;
    qint64 bytesPerSec = 0;
    {
        QMutexLocker lock(&mutex);
        gets[path] += 1;
        if (redirects.contains(path)) {
            s->write(head(302, 0, "Location: " + redirects.value(path).toUtf8() + "\r\n"));
            s->disconnectFromHost();
            return;
        }
        const int status = statuses.value(path, files.contains(path) ? 200 : 404);
        if (status != 200) {
            const QByteArray err = "error " + QByteArray::number(status) + '\n';
            s->write(head(status, err.size()) + err);
            s->disconnectFromHost();
            return;
        }
        body = files.value(path);
        stall = stallAfter.value(path, -1);
        bytesPerSec = rate;
    }
    s->write(head(200, body.size()));
    auto sent = std::make_shared<qint64>(0);
    auto *timer = new QTimer(s);
    timer->setInterval(10);
    const qint64 chunk = bytesPerSec > 0 ? qMax<qint64>(1, bytesPerSec / 100) : qint64(256 * 1024);
    QObject::connect(timer, &QTimer::timeout, s, [s, timer, body, sent, stall, chunk]() {
        if (s->bytesToWrite() > (1 << 20))
            return;
        qint64 limit = body.size();
        if (stall >= 0)
            limit = qMin(limit, stall);
        const qint64 n = qMin(chunk, limit - *sent);
        if (n > 0) {
            s->write(body.constData() + *sent, n);
            *sent += n;
        }
        if (*sent >= limit) {
            timer->stop();
            if (*sent >= body.size())
                s->disconnectFromHost(); // all written; a stalled response stays open
        }
    });
    timer->start();
}

ArtifactServer::ArtifactServer() : d(std::make_unique<Impl>())
{
    d->ctx = new QObject;
    d->ctx->moveToThread(&d->thread);
    d->thread.start();
}

ArtifactServer::~ArtifactServer()
{
    QObject *ctx = d->ctx;
    QMetaObject::invokeMethod(ctx, [ctx]() { delete ctx; }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

bool ArtifactServer::start()
{
    bool ok = false;
    QMetaObject::invokeMethod(
        d->ctx,
        [this, &ok]() {
            d->server = new QTcpServer(d->ctx);
            QObject::connect(d->server, &QTcpServer::newConnection, d->server, [this]() {
                while (QTcpSocket *s = d->server->nextPendingConnection())
                    d->onConnection(s);
            });
            ok = d->server->listen(QHostAddress::LocalHost, 0);
            d->port = d->server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

quint16 ArtifactServer::port() const
{
    return d->port;
}

QString ArtifactServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(d->port).arg(path);
}

void ArtifactServer::setFile(const QString &path, const QByteArray &data)
{
    QMutexLocker lock(&d->mutex);
    d->files.insert(path, data);
}

void ArtifactServer::setStatus(const QString &path, int status)
{
    QMutexLocker lock(&d->mutex);
    d->statuses.insert(path, status);
}

void ArtifactServer::setRedirect(const QString &path, const QString &location)
{
    QMutexLocker lock(&d->mutex);
    d->redirects.insert(path, location);
}

void ArtifactServer::setRateBytesPerSec(qint64 rate)
{
    QMutexLocker lock(&d->mutex);
    d->rate = rate;
}

void ArtifactServer::setStallAfter(const QString &path, qint64 bytes)
{
    QMutexLocker lock(&d->mutex);
    d->stallAfter.insert(path, bytes);
}

int ArtifactServer::getCount(const QString &path) const
{
    QMutexLocker lock(&d->mutex);
    return d->gets.value(path);
}

int ArtifactServer::totalGets() const
{
    QMutexLocker lock(&d->mutex);
    int n = 0;
    for (int c : d->gets)
        n += c;
    return n;
}

void ArtifactServer::resetCounts()
{
    QMutexLocker lock(&d->mutex);
    d->gets.clear();
}

} // namespace fleetdeck::test
