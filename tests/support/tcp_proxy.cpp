#include "tcp_proxy.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace fleetdeck::test {

// Lives on the proxy's thread.
class TcpProxyWorker final : public QObject {
public:
    TcpProxyWorker(QString host, quint16 port) : m_host(std::move(host)), m_targetPort(port) {}

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &TcpProxyWorker::onNewConnection);
        return m_server->listen(QHostAddress::LocalHost, 0) ? m_server->serverPort() : 0;
    }
    void setDown(bool down)
    {
        m_down = down;
        if (down)
            closeAll();
    }
    void setStalled(bool stalled)
    {
        m_stalled = stalled;
        if (stalled)
            return;
        for (const Pair &p : std::as_const(m_pairs)) {
            if (p.client && p.upstream && p.upstream->state() == QAbstractSocket::ConnectedState) {
                p.upstream->write(p.client->readAll());
                p.client->write(p.upstream->readAll());
            }
        }
    }
    void shutdown()
    {
        closeAll();
        delete m_server;
        m_server = nullptr;
    }
    std::atomic<int> refused{0};

private:
    struct Pair {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
    };

    void onNewConnection()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            if (m_down) {
                ++refused;
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *upstream = new QTcpSocket(this);
            client->setParent(this);
            m_pairs.append(Pair{client, upstream});
            // Bytes the client sends before the upstream is connected wait in the client's buffer.
            connect(upstream, &QTcpSocket::connected, this, [client, upstream]() { upstream->write(client->readAll()); });
            connect(client, &QTcpSocket::readyRead, this, [this, client, upstream]() {
                if (!m_stalled && upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->write(client->readAll());
            });
            connect(upstream, &QTcpSocket::readyRead, this, [this, client, upstream]() {
                if (!m_stalled)
                    client->write(upstream->readAll());
            });
            auto drop = [this, client]() {
                for (int i = 0; i < m_pairs.size(); ++i)
                    if (m_pairs[i].client == client) {
                        closePair(i);
                        return;
                    }
            };
            connect(client, &QTcpSocket::disconnected, this, drop);
            connect(upstream, &QTcpSocket::disconnected, this, drop);
            connect(upstream, &QTcpSocket::errorOccurred, this, drop);
            upstream->connectToHost(m_host, m_targetPort);
        }
    }

    void closePair(int index)
    {
        const Pair p = m_pairs.takeAt(index);
        for (QTcpSocket *s : {p.client.data(), p.upstream.data()}) {
            if (!s)
                continue;
            s->disconnect(this);
            s->abort();
            s->deleteLater();
        }
    }

    void closeAll()
    {
        while (!m_pairs.isEmpty())
            closePair(0);
    }

    QString m_host;
    quint16 m_targetPort;
    QTcpServer *m_server = nullptr;
    QList<Pair> m_pairs;
    bool m_down = false;
    bool m_stalled = false;
};

TcpProxy::TcpProxy(QString targetHost, quint16 targetPort) : m_host(std::move(targetHost)), m_targetPort(targetPort)
{
    m_thread.setObjectName(QStringLiteral("tcp-proxy"));
}

TcpProxy::~TcpProxy()
{
    if (m_worker) {
        QMetaObject::invokeMethod(m_worker, [w = m_worker]() { w->shutdown(); }, Qt::BlockingQueuedConnection);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    }
    m_thread.quit();
    m_thread.wait();
}

bool TcpProxy::start()
{
    m_worker = new TcpProxyWorker(m_host, m_targetPort);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [this]() { m_port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
    return m_port != 0;
}

QString TcpProxy::url(const QString &scheme) const
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_port);
}

void TcpProxy::setDown(bool down)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, down]() { w->setDown(down); }, Qt::BlockingQueuedConnection);
}

void TcpProxy::setStalled(bool stalled)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, stalled]() { w->setStalled(stalled); }, Qt::BlockingQueuedConnection);
}

int TcpProxy::refused() const
{
    return m_worker ? m_worker->refused.load() : 0;
}

} // namespace fleetdeck::test
