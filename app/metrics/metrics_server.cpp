#include "metrics/metrics_server.h"

#include "metrics/metrics_registry.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTcpServer>

namespace fleetdeck::metrics {

MetricsServer::MetricsServer(std::function<QByteArray()> render, QObject *parent)
    : QObject(parent), m_render(std::move(render)), m_http(std::make_unique<QHttpServer>())
{
    m_http->route(QStringLiteral("/metrics"), [this](const QHttpServerRequest &request) {
        if (request.method() != QHttpServerRequest::Method::Get && request.method() != QHttpServerRequest::Method::Head)
            return QHttpServerResponse(QHttpServerResponder::StatusCode::MethodNotAllowed);
        ++m_scrapes;
        return QHttpServerResponse(QByteArray(Registry::kContentType), m_render());
    });
    m_http->route(QStringLiteral("/"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"),
                                   QByteArrayLiteral("Fleetdeck: Prometheus metrics are at /metrics\n"));
    });
}

MetricsServer::~MetricsServer() = default;

Result<quint16> MetricsServer::listen(const ListenAddress &address)
{
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(address.address, address.port))
        return Result<quint16>::failure(QStringLiteral("cannot listen on ") + address.toString() + QStringLiteral(": ")
                                        + tcp->errorString());
    const quint16 port = tcp->serverPort();
    tcp->setParent(m_http.get()); // goes with the HTTP server
    m_http->bind(tcp.release());
    return port;
}

} // namespace fleetdeck::metrics
