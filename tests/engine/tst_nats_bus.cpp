// fleetdeck-test-labels: nats;concurrency
// NatsBus messaging against a real nats-server (SPEC §6.1): the shared CTest fixture, and a server
// of the test's own for max_payload. Connecting, auth, TLS and outages: tst_nats_connect.
#include "bus/nats_bus.h"
#include "core/clock.h"
#include "nats_test_server.h"
#include "nats_test_util.h"
#include "test_util.h"

#include <QThread>
#include <QtTest>
#include <atomic>
#include <optional>
#include <thread>

using namespace fleetdeck;
using namespace fleetdeck::test;

class TstNatsBus : public QObject {
    Q_OBJECT
    QString m_url;
    std::unique_ptr<NatsTestServer> m_ownShared;

private Q_SLOTS:
    void initTestCase()
    {
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
        auto bus = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(bus);
        QCOMPARE(toString(bus->connectionState()), toString(ConnectionState::Connected));
        QCOMPARE(bus->url(), m_url);
        QCOMPARE(bus->authMethod(), QStringLiteral("none"));
        QVERIFY(flushed(*bus));
        QVERIFY(!bus->publish(QString(), "x"));
    }

    void wildcards_star_and_greater_than()
    {
        auto sub = connectNatsBus(natsConfigFor(m_url));
        auto pub = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(sub && pub);
        const QString p = uniqueSubjectPrefix();
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
        auto a = connectNatsBus(natsConfigFor(m_url));
        auto b = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(a && b);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".heartbeat");
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
        auto responder = connectNatsBus(natsConfigFor(m_url));
        auto requester = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(responder && requester);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".backend.list");
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
        // The inbox subscription's last reference is released after the next sweep's flush.
        QVERIFY(waitUntil([&] { return requester->retiredSubscriptions() == 0; }));
    }

    void no_responders_is_distinct_from_timeout()
    {
        auto bus = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(bus);
        const QString p = uniqueSubjectPrefix();
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
        auto a = connectNatsBus(natsConfigFor(m_url));
        auto b = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(a && b);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".hello");
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
        auto worker = connectNatsBus(natsConfigFor(m_url));
        auto owner = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(worker && owner);
        const QString p = uniqueSubjectPrefix();
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
        auto bus = connectNatsBus(natsConfigFor(m_url));
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
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".x");
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
        auto sub = connectNatsBus(natsConfigFor(m_url));
        auto pub = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(sub && pub);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".flood");
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
        auto bus = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(bus);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".slow");
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
        NatsConfig config = natsConfigFor(server.url());
        config.maxPayloadBytes = 1 << 20;
        auto sub = connectNatsBus(config);
        auto pub = connectNatsBus(natsConfigFor(server.url()));
        QVERIFY(sub && pub);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".big");
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

    void no_echo_bus_does_not_receive_its_own_publications()
    {
        NatsConfig config = natsConfigFor(m_url);
        config.noEcho = true;
        auto worker = connectNatsBus(config);
        auto other = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(worker && other);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".echo");
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

    void destroying_the_bus_while_messages_flow_is_safe()
    {
        auto pub = connectNatsBus(natsConfigFor(m_url));
        QVERIFY(pub);
        const QString subject = uniqueSubjectPrefix() + QStringLiteral(".stream");
        for (int round = 0; round < 3; ++round) {
            auto bus = connectNatsBus(natsConfigFor(m_url));
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
