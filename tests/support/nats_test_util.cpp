#include "nats_test_util.h"

#include "core/clock.h"
#include "test_util.h"

#include <QFile>
#include <QProcess>
#include <QTest>
#include <QUuid>
#include <optional>

namespace fleetdeck::test {

QString uniqueSubjectPrefix()
{
    return QStringLiteral("t") + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

NatsConfig natsConfigFor(const QString &url)
{
    NatsConfig c;
    c.url = url;
    c.name = QStringLiteral("fleetdeck-test");
    return c;
}

std::unique_ptr<NatsBus> connectNatsBus(const NatsConfig &config)
{
    auto bus = NatsBus::connect(config, SystemClock::instance());
    if (!bus) {
        qWarning("connect failed: %s", qPrintable(bus.error()));
        return nullptr;
    }
    return std::move(bus.value());
}

bool flushed(Bus &bus)
{
    QObject ctx;
    int result = -1;
    bus.flush(5000, &ctx, [&](bool ok, const QString &) { result = ok ? 1 : 0; });
    return waitUntil([&] { return result >= 0; }) && result == 1;
}

RequestResult requestAndWait(Bus &bus, const QString &subject, const QByteArray &data, qint64 timeoutMs)
{
    QObject ctx;
    std::optional<RequestResult> result;
    int calls = 0;
    bus.request(subject, data, timeoutMs, &ctx, [&](const RequestResult &r) {
        ++calls;
        result = r;
    });
    if (!waitUntil([&] { return result.has_value(); }, 15000))
        return RequestResult{RequestOutcome::TransportError, {}, QStringLiteral("test: no callback")};
    QTest::qWait(50);
    if (calls != 1)
        return RequestResult{RequestOutcome::TransportError, {}, QStringLiteral("test: callback ran %1 times").arg(calls)};
    return *result;
}

QString makeTlsFiles(const QString &dir)
{
    const auto run = [&](const QStringList &args) -> QString {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return QStringLiteral("openssl %1: %2").arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAll()));
        return {};
    };
    QFile ext(dir + QStringLiteral("/san.ext"));
    if (!ext.open(QIODevice::WriteOnly) || ext.write("subjectAltName=IP:127.0.0.1\n") < 0)
        return QStringLiteral("cannot write san.ext");
    ext.close();
    const QString ec = QStringLiteral("ec");
    const QString curve = QStringLiteral("ec_paramgen_curve:prime256v1");
    for (const QStringList &args : {
             QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), ec, QStringLiteral("-pkeyopt"), curve,
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                         QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=fleetdeck test CA")},
             QStringList{QStringLiteral("req"), QStringLiteral("-newkey"), ec, QStringLiteral("-pkeyopt"), curve, QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")},
             QStringList{QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                         QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("san.ext")}}) {
        const QString error = run(args);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

} // namespace fleetdeck::test
