// fleetdeck-test-labels: nats;concurrency
// NatsBus against a real nats-server (SPEC §6.1, §6.7): the shared CTest fixture for messaging,
// servers of the test's own (NatsTestServer) for max_payload, auth, stop/restart.
#include "bus/nats_bus.h"
#include "core/clock.h"
#include "nats_test_server.h"
#include "test_util.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace fleetdeck;
using fleetdeck::test::NatsTestServer;
using fleetdeck::test::waitUntil;

namespace {

QString uniquePrefix()
{
    return QStringLiteral("t") + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

NatsConfig configFor(const QString &url)
{
    NatsConfig c;
    c.url = url;
    c.name = QStringLiteral("tst_nats_bus");
    return c;
}

std::unique_ptr<NatsBus> connectBus(const NatsConfig &config)
{
    auto bus = NatsBus::connect(config, SystemClock::instance());
    if (!bus) {
        qWarning("connect failed: %s", qPrintable(bus.error()));
        return nullptr;
    }
    return std::move(bus.value());
}

// Waits for the server to have processed everything this bus sent (subscriptions included).
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

// A throw-away CA and a server certificate for 127.0.0.1 in dir (openssl CLI). Empty on success.
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

QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &msg)
{
    g_log.append(msg);
}

} // namespace

class TstNatsBus : public QObject {
    Q_OBJECT
    QString m_url;
    std::unique_ptr<NatsTestServer> m_ownShared;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ConnectionState>();
        m_url = NatsTestServer::sharedFixtureUrl();
        if (m_url.isEmpty()) { // run outside CTest: a server of our own
            m_ownShared = std::make_unique<NatsTestServer>();
            QVERIFY2(m_ownShared->start(), qPrintable(m_ownShared->errorString()));
            m_url = m_ownShared->url();
        }
    }

    void cleanup()
    {
        // Every bus of the test is gone: nats.c must have released every subscription closure.
        QVERIFY2(waitUntil([] { return NatsBus::liveSubscriptionClosures() == 0; }, 5000),
                 qPrintable(QString::number(NatsBus::liveSubscriptionClosures())));
    }

    void connects_to_the_fixture()
    {
        auto bus = connectBus(configFor(m_url));
        QVERIFY(bus);
        QCOMPARE(toString(bus->connectionState()), toString(ConnectionState::Connected));
        QCOMPARE(bus->url(), m_url);
        QCOMPARE(bus->authMethod(), QStringLiteral("none"));
        QVERIFY(flushed(*bus));
        QVERIFY(!bus->publish(QString(), "x"));
    }

    void connection_refused_names_url_and_auth()
    {
        auto bus = NatsBus::connect(configFor(QStringLiteral("nats://127.0.0.1:1")), SystemClock::instance());
        QVERIFY(!bus);
        QVERIFY2(bus.error().startsWith(QStringLiteral("NATS nats://127.0.0.1:1: connection refused")), qPrintable(bus.error()));
        QVERIFY2(bus.error().endsWith(QStringLiteral("(auth: none)")), qPrintable(bus.error()));
    }

    void wildcards_star_and_greater_than()
    {
        auto sub = connectBus(configFor(m_url));
        auto pub = connectBus(configFor(m_url));
        QVERIFY(sub && pub);
        const QString p = uniquePrefix();
        QObject ctx;
        QStringList star, rest;
        QVERIFY(sub->subscribe(p + QStringLiteral(".*.progress"), &ctx, [&](const BusMessage &m) { star << m.subject; }));
        QVERIFY(sub->subscribe(p + QStringLiteral(".>"), &ctx, [&](const BusMessage &m) { rest << m.subject; }));
        QVERIFY(flushed(*sub));
        for (const char *s : {".a.progress", ".a.b.progress", ".b.progress", ".b.cancel"})
            QVERIFY(pub->publish(p + QLatin1String(s), "{}"));
        QVERIFY(pub->publish(p, "{}")); // '>' needs at least one more token
        QVERIFY(waitUntil([&] { return rest.size() == 4 && star.size() == 2; }));
        QTest::qWait(100);
        QCOMPARE(star, (QStringList{p + QStringLiteral(".a.progress"), p + QStringLiteral(".b.progress")}));
        QCOMPARE(rest.size(), 4);
    }

    void queue_group_delivers_each_message_to_one_member()
    {
        auto a = connectBus(configFor(m_url));
        auto b = connectBus(configFor(m_url));
        QVERIFY(a && b);
        const QString subject = uniquePrefix() + QStringLiteral(".heartbeat");
        QObject ctx;
        int inA = 0, inB = 0, plain = 0;
        QVERIFY(a->queueSubscribe(subject, QStringLiteral("fleetdeck-x"), &ctx, [&](const BusMessage &) { ++inA; }));
        QVERIFY(b->queueSubscribe(subject, QStringLiteral("fleetdeck-x"), &ctx, [&](const BusMessage &) { ++inB; }));
        QVERIFY(b->subscribe(subject, &ctx, [&](const BusMessage &) { ++plain; }));
        QVERIFY(flushed(*a) && flushed(*b));
        for (int i = 0; i < 40; ++i)
            QVERIFY(a->publish(subject, QByteArray::number(i)));
        QVERIFY(waitUntil([&] { return inA + inB == 40 && plain == 40; }));
        QTest::qWait(100);
        QCOMPARE(inA + inB, 40);
    }

    void request_reply_round_trip()
    {
        auto responder = connectBus(configFor(m_url));
        auto requester = connectBus(configFor(m_url));
        QVERIFY(responder && requester);
        const QString subject = uniquePrefix() + QStringLiteral(".backend.list");
        QObject ctx;
        QVERIFY(responder->subscribe(subject, &ctx, [&](const BusMessage &m) {
            QVERIFY(!m.replyTo.isEmpty());
            responder->publish(m.replyTo, "echo:" + m.data);
        }));
        QVERIFY(flushed(*responder));
        const RequestResult r = requestAndWait(*requester, subject, "ping", 5000);
        QCOMPARE(r.outcome, RequestOutcome::Reply);
        QCOMPARE(r.data, QByteArray("echo:ping"));
        QCOMPARE(requester->pendingRequests(), 0);
    }

    void no_responders_is_distinct_from_timeout()
    {
        auto bus = connectBus(configFor(m_url));
        QVERIFY(bus);
        const QString p = uniquePrefix();
        const RequestResult none = requestAndWait(*bus, p + QStringLiteral(".nobody"), "{}", 5000);
        QCOMPARE(none.outcome, RequestOutcome::NoResponders);

        QObject ctx;
        QVERIFY(bus->subscribe(p + QStringLiteral(".silent"), &ctx, [](const BusMessage &) {}));
        QVERIFY(flushed(*bus));
        const RequestResult silent = requestAndWait(*bus, p + QStringLiteral(".silent"), "{}", 200);
        QCOMPARE(silent.outcome, RequestOutcome::Timeout);
        QCOMPARE(bus->pendingRequests(), 0);
    }

    void request_all_collects_every_reply_in_the_window()
    {
        auto a = connectBus(configFor(m_url));
        auto b = connectBus(configFor(m_url));
        QVERIFY(a && b);
        const QString subject = uniquePrefix() + QStringLiteral(".hello");
        QObject ctx;
        QVERIFY(a->subscribe(subject, &ctx, [&](const BusMessage &m) { a->publish(m.replyTo, "a"); }));
        QVERIFY(b->subscribe(subject, &ctx, [&](const BusMessage &m) { b->publish(m.replyTo, "b"); }));
        QVERIFY(flushed(*a) && flushed(*b));
        std::optional<QList<QByteArray>> replies;
        a->requestAll(subject, "{}", 300, &ctx, [&](const QList<QByteArray> &r) { replies = r; });
        QVERIFY(waitUntil([&] { return replies.has_value(); }));
        QList<QByteArray> sorted = *replies;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (QList<QByteArray>{"a", "b"}));

        std::optional<QList<QByteArray>> none;
        a->requestAll(subject + QStringLiteral(".nobody"), "{}", 60000, &ctx, [&](const QList<QByteArray> &r) { none = r; });
        QVERIFY(waitUntil([&] { return none.has_value(); })); // at once, not after 60 s
        QVERIFY(none->isEmpty());
    }

    void last_progress_tick_arrives_before_the_reply()
    {
        auto worker = connectBus(configFor(m_url));
        auto owner = connectBus(configFor(m_url));
        QVERIFY(worker && owner);
        const QString p = uniquePrefix();
        const QString command = p + QStringLiteral(".backend.install");
        const QString progress = p + QStringLiteral(".backend.install.op1.progress");
        QObject workerCtx;
        QVERIFY(worker->subscribe(command, &workerCtx, [&](const BusMessage &m) {
            for (int i = 1; i <= 100; ++i)
                worker->publish(progress, QByteArray::number(i));
            worker->publish(m.replyTo, "done");
        }));
        QVERIFY(flushed(*worker));
        QObject ownerCtx;
        QList<QByteArray> events;
        QVERIFY(owner->subscribe(progress, &ownerCtx, [&](const BusMessage &m) { events << m.data; }));
        QVERIFY(flushed(*owner));
        for (int round = 0; round < 5; ++round) {
            events.clear();
            bool replied = false;
            owner->request(command, "{}", 5000, &ownerCtx, [&](const RequestResult &r) {
                QCOMPARE(r.outcome, RequestOutcome::Reply);
                events << "reply";
                replied = true;
            });
            QVERIFY(waitUntil([&] { return replied; }));
            QCOMPARE(events.size(), 101);
            QCOMPARE(events.at(99), QByteArray("100"));
            QCOMPARE(events.last(), QByteArray("reply"));
            for (int i = 0; i < 100; ++i)
                QCOMPARE(events.at(i), QByteArray::number(i + 1));
        }
    }

    void handlers_run_on_the_context_thread()
    {
        auto bus = connectBus(configFor(m_url));
        QVERIFY(bus);
        QThread thread;
        // Wait until the thread's event dispatcher exists (an atomic TSan can see: its glib wakeup
        // fd is created in that thread, and Qt's own locks are invisible to TSan).
        std::atomic<bool> started{false};
        QObject::connect(&thread, &QThread::started, &thread, [&]() { started.store(true, std::memory_order_release); },
                         Qt::DirectConnection);
        QObject ctx;
        ctx.moveToThread(&thread);
        thread.start();
        QVERIFY(waitUntil([&] { return started.load(std::memory_order_acquire); }));
        std::atomic<QThread *> ranOn{nullptr};
        const QString subject = uniquePrefix() + QStringLiteral(".x");
        const SubscriptionId id = bus->subscribe(subject, &ctx, [&](const BusMessage &) { ranOn = QThread::currentThread(); });
        QVERIFY(flushed(*bus));
        QVERIFY(bus->publish(subject, "1"));
        QVERIFY(waitUntil([&] { return ranOn.load() != nullptr; }));
        QCOMPARE(ranOn.load(), &thread);
        bus->unsubscribe(id);
        thread.quit();
        thread.wait();
    }

    void no_handler_runs_after_unsubscribe()
    {
        auto sub = connectBus(configFor(m_url));
        auto pub = connectBus(configFor(m_url));
        QVERIFY(sub && pub);
        const QString subject = uniquePrefix() + QStringLiteral(".flood");
        QObject ctx;
        int handled = 0;
        SubscriptionId id = 0;
        id = sub->subscribe(subject, &ctx, [&](const BusMessage &) {
            ++handled;
            sub->unsubscribe(id); // more are already queued to this thread
        });
        QVERIFY(id);
        QVERIFY(flushed(*sub));
        for (int i = 0; i < 500; ++i)
            QVERIFY(pub->publish(subject, QByteArray::number(i)));
        QVERIFY(waitUntil([&] { return handled > 0; }));
        QVERIFY(flushed(*pub));
        QTest::qWait(300);
        QCOMPARE(handled, 1);
        sub->unsubscribe(id); // twice is harmless
    }

    void destroyed_context_gets_no_callback()
    {
        auto bus = connectBus(configFor(m_url));
        QVERIFY(bus);
        const QString subject = uniquePrefix() + QStringLiteral(".slow");
        QObject responderCtx;
        QVERIFY(bus->subscribe(subject, &responderCtx, [&](const BusMessage &m) { bus->publish(m.replyTo, "late"); }));
        QVERIFY(flushed(*bus));
        bool called = false;
        auto *ctx = new QObject;
        bus->request(subject, "{}", 200, ctx, [&](const RequestResult &) { called = true; });
        delete ctx;
        QTest::qWait(400);
        QVERIFY(!called);
    }

    void oversize_payload_is_dropped()
    {
        NatsTestServer server(QStringLiteral("max_payload: 4MB"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        NatsConfig config = configFor(server.url());
        config.maxPayloadBytes = 1 << 20;
        auto sub = connectBus(config);
        auto pub = connectBus(configFor(server.url()));
        QVERIFY(sub && pub);
        const QString subject = uniquePrefix() + QStringLiteral(".big");
        QObject ctx;
        QList<qsizetype> sizes;
        QVERIFY(sub->subscribe(subject, &ctx, [&](const BusMessage &m) { sizes << m.data.size(); }));
        QVERIFY(flushed(*sub));
        QVERIFY(pub->publish(subject, QByteArray(2 << 20, 'x')));
        QVERIFY(pub->publish(subject, QByteArray(1 << 20, 'y'))); // exactly the cap: kept
        QVERIFY(pub->publish(subject, "small"));
        QVERIFY(waitUntil([&] { return sizes.size() == 2; }));
        QTest::qWait(100);
        QCOMPARE(sizes, (QList<qsizetype>{1 << 20, 5}));
        QCOMPARE(sub->droppedOversize(), quint64(1));
    }

    void state_signals_and_resubscribe_on_server_restart()
    {
        NatsTestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        auto bus = connectBus(configFor(server.url()));
        QVERIFY(bus);
        QSignalSpy spy(bus.get(), &Bus::connectionStateChanged);
        const QString subject = uniquePrefix() + QStringLiteral(".after");
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

        auto pub = connectBus(configFor(server.url()));
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
        auto bus = connectBus(configFor(server.url()));
        QVERIFY(bus);
        const QString subject = uniquePrefix() + QStringLiteral(".backend.install");
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

    void user_password_file_accepted_and_wrong_password_rejected()
    {
        NatsTestServer server(QStringLiteral("authorization { user: alice, password: \"s3cret-pw\" }"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        NatsConfig config = configFor(server.url());
        config.user = QStringLiteral("alice");
        config.passwordFile = server.writeFile(QStringLiteral("pw"), "s3cret-pw\n");
        auto bus = connectBus(config);
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

    void token_file_accepted()
    {
        NatsTestServer server(QStringLiteral("authorization { token: \"t0ken-abc\" }"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        NatsConfig config = configFor(server.url());
        config.tokenFile = server.writeFile(QStringLiteral("token"), "t0ken-abc\r\n");
        auto bus = connectBus(config);
        QVERIFY(bus);
        QCOMPARE(bus->authMethod(), QStringLiteral("token"));
        QVERIFY(flushed(*bus));

        config.tokenFile = server.writeFile(QStringLiteral("bad"), "nope\n");
        auto refused = NatsBus::connect(config, SystemClock::instance());
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(server.url()) && refused.error().endsWith(QStringLiteral("(auth: token)")),
                 qPrintable(refused.error()));

        NatsConfig none = configFor(server.url());
        auto anonymous = NatsBus::connect(none, SystemClock::instance());
        QVERIFY(!anonymous);
        QVERIFY2(anonymous.error().endsWith(QStringLiteral("(auth: none)")), qPrintable(anonymous.error()));
    }

    void retry_initial_connect_succeeds_once_the_server_starts()
    {
        NatsTestServer server; // port chosen, not started
        NatsConfig config = configFor(server.url());
        config.retryInitialConnect = true;
        auto bus = connectBus(config);
        QVERIFY(bus);
        QCOMPARE(toString(bus->connectionState()), toString(ConnectionState::Reconnecting));
        QSignalSpy spy(bus.get(), &Bus::connectionStateChanged);
        QObject ctx;
        const QString subject = uniquePrefix() + QStringLiteral(".early");
        QByteArrayList got;
        QVERIFY(bus->subscribe(subject, &ctx, [&](const BusMessage &m) { got << m.data; })); // before the server exists
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(waitUntil([&] { return bus->connectionState() == ConnectionState::Connected && !spy.isEmpty(); }, 15000));
        QCOMPARE(toString(spy.last().first().value<ConnectionState>()), toString(ConnectionState::Connected));
        QVERIFY(flushed(*bus));
        QVERIFY(bus->publish(subject, "late start"));
        QVERIFY(waitUntil([&] { return !got.isEmpty(); }));
    }

    void tls_with_ca_file_verifies_the_server()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl CLI not installed");
        QTemporaryDir dir;
        const QString error = makeTlsFiles(dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        NatsTestServer server(QStringLiteral("tls { cert_file: \"%1/server.pem\", key_file: \"%1/server.key\" }").arg(dir.path()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));

        NatsConfig config = configFor(server.url());
        config.tlsCaFile = dir.filePath(QStringLiteral("ca.pem"));
        auto bus = connectBus(config);
        QVERIFY(bus);
        QVERIFY(flushed(*bus));
        const QString subject = uniquePrefix() + QStringLiteral(".tls");
        QObject ctx;
        QByteArrayList got;
        QVERIFY(bus->subscribe(subject, &ctx, [&](const BusMessage &m) { got << m.data; }));
        QVERIFY(flushed(*bus));
        QVERIFY(bus->publish(subject, "secure"));
        QVERIFY(waitUntil([&] { return !got.isEmpty(); }));

        // tls:// without our CA: the server's certificate is not trusted.
        NatsConfig untrusted = configFor(QStringLiteral("tls://127.0.0.1:%1").arg(server.port()));
        auto refused = NatsBus::connect(untrusted, SystemClock::instance());
        QVERIFY(!refused);
        QVERIFY2(refused.error().startsWith(QStringLiteral("NATS tls://127.0.0.1:%1: ").arg(server.port())), qPrintable(refused.error()));

        NatsConfig badCa = config;
        badCa.tlsCaFile = dir.filePath(QStringLiteral("missing.pem"));
        auto noCa = NatsBus::connect(badCa, SystemClock::instance());
        QVERIFY(!noCa);
        QVERIFY2(noCa.error().contains(badCa.tlsCaFile), qPrintable(noCa.error()));
    }

    void no_echo_bus_does_not_receive_its_own_publications()
    {
        NatsConfig config = configFor(m_url);
        config.noEcho = true;
        auto worker = connectBus(config);
        auto other = connectBus(configFor(m_url));
        QVERIFY(worker && other);
        const QString subject = uniquePrefix() + QStringLiteral(".echo");
        QObject ctx;
        int atWorker = 0, atOther = 0;
        QVERIFY(worker->subscribe(subject, &ctx, [&](const BusMessage &) { ++atWorker; }));
        QVERIFY(other->subscribe(subject, &ctx, [&](const BusMessage &) { ++atOther; }));
        QVERIFY(flushed(*worker) && flushed(*other));
        QVERIFY(worker->publish(subject, "own"));
        QVERIFY(other->publish(subject, "foreign"));
        QVERIFY(waitUntil([&] { return atOther == 2 && atWorker == 1; }));
        QTest::qWait(100);
        QCOMPARE(atWorker, 1);
    }

    void retrying_bus_without_server_times_out_requests_and_closes()
    {
        NatsConfig config = configFor(QStringLiteral("nats://127.0.0.1:%1").arg(NatsTestServer::freePort()));
        config.retryInitialConnect = true;
        auto bus = connectBus(config);
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

    void destroying_the_bus_while_messages_flow_is_safe()
    {
        auto pub = connectBus(configFor(m_url));
        QVERIFY(pub);
        const QString subject = uniquePrefix() + QStringLiteral(".stream");
        for (int round = 0; round < 3; ++round) {
            auto bus = connectBus(configFor(m_url));
            QVERIFY(bus);
            QObject ctx;
            std::atomic<int> handled{0};
            for (int s = 0; s < 4; ++s)
                QVERIFY(bus->subscribe(subject, &ctx, [&](const BusMessage &) { ++handled; }));
            QVERIFY(bus->subscribe(subject + QStringLiteral(".req"), &ctx, [](const BusMessage &) {})); // silent
            QVERIFY(flushed(*bus));
            std::optional<RequestResult> pending;
            bus->request(subject + QStringLiteral(".req"), "{}", 600000, &ctx, [&](const RequestResult &r) { pending = r; });
            std::atomic<bool> stop{false};
            std::thread publisher([&] {
                while (!stop.load())
                    pub->publish(subject, QByteArray(512, 'p'));
            });
            QVERIFY(waitUntil([&] { return handled.load() > 200; }));
            bus.reset(); // while nats.c is delivering
            const int atDestroy = handled.load();
            QTest::qWait(200);
            stop = true;
            publisher.join();
            QCOMPARE(handled.load(), atDestroy); // queued hops see their subscription gone
            QVERIFY(pending.has_value());
            QCOMPARE(pending->outcome, RequestOutcome::TransportError);
            QVERIFY2(pending->error.endsWith(QStringLiteral("connection closed")), qPrintable(pending->error));
        }
    }
};

QTEST_GUILESS_MAIN(TstNatsBus)
#include "tst_nats_bus.moc"
