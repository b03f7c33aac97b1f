// fleetdeck-test-labels: nats;concurrency
// NatsBus connection handling against nats-servers of the test's own (SPEC §6.1 connection rules,
// §6.7 authentication and TLS): connect errors, user/password and token files, TLS with a CA file,
// retried initial connect, state signals and resubscription across a server restart, requests
// ended by a connection drop.
#include "bus/nats_bus.h"
#include "core/clock.h"
#include "nats_test_server.h"
#include "nats_test_util.h"
#include "test_util.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <optional>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {
QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &msg)
{
    g_log.append(msg);
}
} // namespace

class TstNatsConnect : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ConnectionState>(); }

    void cleanup()
    {
        // Every bus of the test is gone: nats.c must have released every subscription closure.
        QVERIFY2(waitUntil([] { return NatsBus::liveSubscriptionClosures() == 0; }, 5000),
                 qPrintable(QString::number(NatsBus::liveSubscriptionClosures())));
    }

    void connection_refused_names_url_and_auth()
    {
        auto bus = NatsBus::connect(natsConfigFor(QStringLiteral("nats://127.0.0.1:1")), SystemClock::instance());
        QVERIFY(!bus);
        QVERIFY2(bus.error().startsWith(QStringLiteral("NATS nats://127.0.0.1:1: connection refused")), qPrintable(bus.error()));
        QVERIFY2(bus.error().endsWith(QStringLiteral("(auth: none)")), qPrintable(bus.error()));
    }

    void user_password_file_accepted_and_wrong_password_rejected()
    {
        NatsTestServer server(QStringLiteral("authorization { user: alice, password: \"s3cret-pw\" }"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        NatsConfig config = natsConfigFor(server.url());
        config.user = QStringLiteral("alice");
        config.passwordFile = server.writeFile(QStringLiteral("pw"), "s3cret-pw\n");
        auto bus = connectNatsBus(config);
        QVERIFY(bus);
        QCOMPARE(bus->authMethod(), QStringLiteral("user/password"));
        QVERIFY(flushed(*bus));

        config.passwordFile = server.writeFile(QStringLiteral("wrong"), "guessed-pw\n");
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        auto refused = NatsBus::connect(config, SystemClock::instance());
        qInstallMessageHandler(previous);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("NATS %1: authorization violation (auth: user/password)").arg(server.url()));
        QVERIFY(!g_log.join(QLatin1Char('\n')).contains(QStringLiteral("guessed-pw")));

        config.passwordFile = server.filePath(QStringLiteral("missing"));
        auto missing = NatsBus::connect(config, SystemClock::instance());
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QStringLiteral("cannot read NATS password file")), qPrintable(missing.error()));
    }

    void retrying_bus_refused_by_the_server_reports_closed()
    {
        NatsTestServer server(QStringLiteral("authorization { user: alice, password: \"s3cret-pw\" }"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        NatsConfig config = natsConfigFor(server.url());
        config.user = QStringLiteral("alice");
        config.passwordFile = server.writeFile(QStringLiteral("wrong"), "guessed-pw\n");
        config.retryInitialConnect = true;
        auto bus = NatsBus::connect(config, SystemClock::instance());
        if (!bus) { // refused during connect(): the error names URL and method
            QCOMPARE(bus.error(), QStringLiteral("NATS %1: authorization violation (auth: user/password)").arg(server.url()));
            return;
        }
        // Refused after connect() returned: the connection ends Closed (a worker then exits 3).
        QSignalSpy spy(bus.value().get(), &Bus::connectionStateChanged);
        QVERIFY(waitUntil([&] { return !spy.isEmpty() && spy.last().first().value<ConnectionState>() == ConnectionState::Closed; },
                          15000));
        QCOMPARE(toString(bus.value()->connectionState()), toString(ConnectionState::Closed));
    }

    void token_file_accepted()
    {
        NatsTestServer server(QStringLiteral("authorization { token: \"t0ken-abc\" }"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        NatsConfig config = natsConfigFor(server.url());
        config.tokenFile = server.writeFile(QStringLiteral("token"), "t0ken-abc\r\n");
        auto bus = connectNatsBus(config);
        QVERIFY(bus);
        QCOMPARE(bus->authMethod(), QStringLiteral("token"));
        QVERIFY(flushed(*bus));

        config.tokenFile = server.writeFile(QStringLiteral("bad"), "nope\n");
        auto refused = NatsBus::connect(config, SystemClock::instance());
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(server.url()) && refused.error().endsWith(QStringLiteral("(auth: token)")),
                 qPrintable(refused.error()));

        NatsConfig none = natsConfigFor(server.url());
        auto anonymous = NatsBus::connect(none, SystemClock::instance());
        QVERIFY(!anonymous);
        QVERIFY2(anonymous.error().endsWith(QStringLiteral("(auth: none)")), qPrintable(anonymous.error()));
    }

    void tls_with_ca_file_verifies_the_server()
    {
        // scripts/test.sh installs the openssl CLI: its absence is a failure, not a skip.
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(), "openssl CLI not installed");
        QTemporaryDir dir;
        const QString error = makeTlsFiles(dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        NatsTestServer server(QStringLiteral("tls { cert_file: \"%1/server.pem\", key_file: \"%1/server.key\" }").arg(dir.path()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));

        NatsConfig config = natsConfigFor(server.url());
        config.tlsCaFile = dir.filePath(QStringLiteral("ca.pem"));
        auto bus = connectNatsBus(config);
        QVERIFY(bus);
        QVERIFY(flushed(*bus));
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".tls");
        QObject ctx;
        QByteArrayList got;
        QVERIFY(bus->subscribe(subject, &ctx, [&](const BusMessage &m) { got << m.data; }));
        QVERIFY(flushed(*bus));
        QVERIFY(bus->publish(subject, "secure"));
        QVERIFY(waitUntil([&] { return !got.isEmpty(); }));

        // tls:// without our CA: the server's certificate is not trusted.
        NatsConfig untrusted = natsConfigFor(QStringLiteral("tls://127.0.0.1:%1").arg(server.port()));
        auto refused = NatsBus::connect(untrusted, SystemClock::instance());
        QVERIFY(!refused);
        QVERIFY2(refused.error().startsWith(QStringLiteral("NATS tls://127.0.0.1:%1: ").arg(server.port())), qPrintable(refused.error()));

        NatsConfig badCa = config;
        badCa.tlsCaFile = dir.filePath(QStringLiteral("missing.pem"));
        auto noCa = NatsBus::connect(badCa, SystemClock::instance());
        QVERIFY(!noCa);
        QVERIFY2(noCa.error().contains(badCa.tlsCaFile), qPrintable(noCa.error()));
    }

    void retry_initial_connect_succeeds_once_the_server_starts()
    {
        NatsTestServer server; // port chosen, not started
        NatsConfig config = natsConfigFor(server.url());
        config.retryInitialConnect = true;
        auto bus = connectNatsBus(config);
        QVERIFY(bus);
        QCOMPARE(toString(bus->connectionState()), toString(ConnectionState::Reconnecting));
        QSignalSpy spy(bus.get(), &Bus::connectionStateChanged);
        QObject ctx;
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".early");
        QByteArrayList got;
        QVERIFY(bus->subscribe(subject, &ctx, [&](const BusMessage &m) { got << m.data; })); // before the server exists
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(waitUntil([&] { return bus->connectionState() == ConnectionState::Connected && !spy.isEmpty(); }, 15000));
        QCOMPARE(toString(spy.last().first().value<ConnectionState>()), toString(ConnectionState::Connected));
        QVERIFY(flushed(*bus));
        QVERIFY(bus->publish(subject, "late start"));
        QVERIFY(waitUntil([&] { return !got.isEmpty(); }));
    }

    void retrying_bus_without_server_times_out_requests_and_closes()
    {
        NatsConfig config = natsConfigFor(QStringLiteral("nats://127.0.0.1:%1").arg(NatsTestServer::freePort()));
        config.retryInitialConnect = true;
        auto bus = connectNatsBus(config);
        QVERIFY(bus);
        QCOMPARE(toString(bus->connectionState()), toString(ConnectionState::Reconnecting));
        const RequestResult r = requestAndWait(*bus, QStringLiteral("nodes.n1.backend.list"), "{}", 600000);
        QCOMPARE(r.outcome, RequestOutcome::Timeout);
        QObject ctx;
        int flushResult = -1;
        bus->flush(200, &ctx, [&](bool ok, const QString &) { flushResult = ok; });
        QVERIFY(waitUntil([&] { return flushResult >= 0; }));
        QCOMPARE(flushResult, 0);
        bus.reset(); // closes while nats.c is still trying to connect
    }

    void state_signals_and_resubscribe_on_server_restart()
    {
        NatsTestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        auto bus = connectNatsBus(natsConfigFor(server.url()));
        QVERIFY(bus);
        QSignalSpy spy(bus.get(), &Bus::connectionStateChanged);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".after");
        QObject ctx;
        QByteArrayList got;
        QVERIFY(bus->subscribe(subject, &ctx, [&](const BusMessage &m) { got << m.data; }));
        QVERIFY(flushed(*bus));

        server.stop();
        QVERIFY(waitUntil([&] { return bus->connectionState() == ConnectionState::Reconnecting && !spy.isEmpty(); }));
        QCOMPARE(toString(spy.first().first().value<ConnectionState>()), toString(ConnectionState::Reconnecting));
        QVERIFY(bus->publish(subject, "buffered")); // kept in the reconnect buffer (§6.1)
        QVERIFY(server.start());
        QVERIFY(waitUntil([&] { return bus->connectionState() == ConnectionState::Connected && spy.size() >= 2; }, 15000));
        QCOMPARE(toString(spy.last().first().value<ConnectionState>()), toString(ConnectionState::Connected));

        auto pub = connectNatsBus(natsConfigFor(server.url()));
        QVERIFY(pub);
        QVERIFY(flushed(*bus)); // the replayed SUB has reached the server
        QVERIFY(pub->publish(subject, "hello again"));
        QVERIFY(waitUntil([&] { return got.size() == 2; }));
        QCOMPARE(got, (QByteArrayList{"buffered", "hello again"}));
    }

    void outstanding_request_ends_with_timeout_when_connection_drops()
    {
        NatsTestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        auto bus = connectNatsBus(natsConfigFor(server.url()));
        QVERIFY(bus);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".backend.install");
        QObject ctx;
        bool received = false;
        QVERIFY(bus->subscribe(subject, &ctx, [&](const BusMessage &) { received = true; })); // never replies
        QVERIFY(flushed(*bus));
        std::optional<RequestResult> result;
        bus->request(subject, "{}", 600000, &ctx, [&](const RequestResult &r) { result = r; });
        QVERIFY(waitUntil([&] { return received; }));
        server.stop();
        QVERIFY(waitUntil([&] { return result.has_value(); }, 10000)); // not after 10 min
        QCOMPARE(result->outcome, RequestOutcome::Timeout);
        QCOMPARE(bus->pendingRequests(), 0);

        // While disconnected a new request is a Timeout at once as well.
        const RequestResult whileDown = requestAndWait(*bus, subject, "{}", 600000);
        QCOMPARE(whileDown.outcome, RequestOutcome::Timeout);
    }
};

QTEST_GUILESS_MAIN(TstNatsConnect)
#include "tst_nats_connect.moc"
