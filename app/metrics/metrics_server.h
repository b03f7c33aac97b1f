#pragma once
// The one HTTP surface of Fleetdeck (docs/architecture.md#programs): a read-only Prometheus
// endpoint, GET /metrics, served by Qt's HTTP server on the thread that creates it. `render` runs
// on that thread for every scrape and must not block; any other path answers 404, any other method
// 405.
#include "config/listen_address.h"
#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <functional>
#include <memory>

class QHttpServer;
class QTcpServer;

namespace fleetdeck::metrics {

class MetricsServer final : public QObject {
    Q_OBJECT
public:
    explicit MetricsServer(std::function<QByteArray()> render, QObject *parent = nullptr);
    ~MetricsServer() override;

    // Binds the address; the port actually bound (port 0 = a free one), or an error naming the
    // address and the reason ("cannot listen on 127.0.0.1:9464: The address is already in use").
    Result<quint16> listen(const ListenAddress &address);
    int scrapes() const { return m_scrapes; }

private:
    std::function<QByteArray()> m_render;
    std::unique_ptr<QHttpServer> m_http;
    int m_scrapes = 0;
};

} // namespace fleetdeck::metrics
