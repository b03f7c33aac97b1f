// The Engine's signals and queries that views use (docs/gui.md#data-flow): peers' broadcasts
// become the same signals as this replica's changes, each event once; a malformed broadcast is
// dropped with a warning; the broadcasts are subscribed to only once something listens (so
// --headless receives none of them). One replica on SQLite and the in-process bus, the peers played
// by publishing on the bus.
#include "bus/local_bus.h"
#include "bus/subjects.h"
#include "core/clock.h"
#include "engine.h"
#include "test_db.h"
#include "test_util.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::test;

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Lets queued deliveries run (LocalBus delivers with queued calls).
void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
}

} // namespace

class TstEngineSignals : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QString error;
        m_db = TestDatabase::create(Backend::Sqlite, &error);
        QVERIFY2(m_db, qPrintable(error));
        m_bus = std::make_unique<LocalBus>(SystemClock::instance());
        EngineConfig cfg;
        cfg.kind = QStringLiteral("headless");
        cfg.store = m_db->config();
        cfg.externalBus = m_bus.get();
        cfg.helloWindowMs = 200;
        m_engine = std::make_unique<Engine>(cfg);
        const Engine::StartError started = await(m_engine->start(), 20000);
        QVERIFY2(started.exitCode == 0, qPrintable(started.message));
    }

    void cleanup()
    {
        if (m_engine)
            await(m_engine->stop(), 20000);
        m_engine.reset();
        m_bus.reset();
        m_db.reset();
    }

    void broadcasts_subscribed_only_when_listened_to()
    {
        settle();
        const QStringList watched{subjects::nodesChanged(), subjects::historyAppended(), subjects::reconcileReport()};
        for (const QString &s : watched)
            QVERIFY2(!m_bus->log().contains(QStringLiteral("sub ") + s), qPrintable(s));
        QSignalSpy nodes(m_engine.get(), &Engine::nodesChanged);
        QSignalSpy history(m_engine.get(), &Engine::historyAppended);
        QSignalSpy reports(m_engine.get(), &Engine::peerReconcileReport);
        for (const QString &s : watched)
            QVERIFY2(waitUntil([&] { return m_bus->log().contains(QStringLiteral("sub ") + s); }), qPrintable(s));
        // A second listener subscribes nothing more.
        QSignalSpy nodes2(m_engine.get(), &Engine::nodesChanged);
        settle();
        QCOMPARE(m_bus->log().count(QStringLiteral("sub ") + subjects::nodesChanged()), 1);
    }

    void peers_broadcasts_become_signals()
    {
        QSignalSpy nodes(m_engine.get(), &Engine::nodesChanged);
        QSignalSpy history(m_engine.get(), &Engine::historyAppended);
        QSignalSpy peerReports(m_engine.get(), &Engine::peerReconcileReport);
        QSignalSpy ownReports(m_engine.get(), &Engine::reconcileReport);
        QVERIFY(waitUntil([&] { return m_bus->log().contains(QStringLiteral("sub ") + subjects::reconcileReport()); }));

        m_bus->publish(subjects::nodesChanged(),
                       json({{QStringLiteral("node_id"), QStringLiteral("n1")}, {QStringLiteral("status"), QStringLiteral("online")}}));
        QVERIFY(waitUntil([&] { return nodes.count() == 1; }));

        ReconcileReport peer;
        peer.lockAcquired = true;
        peer.confirmed = 3;
        peer.replicaId = QStringLiteral("peer-replica");
        m_bus->publish(subjects::reconcileReport(), json(peer.toJson()));
        QVERIFY(waitUntil([&] { return peerReports.count() == 1; }));
        const auto got = peerReports.at(0).at(0).value<ReconcileReport>();
        QCOMPARE(got.replicaId, QStringLiteral("peer-replica"));
        QCOMPARE(got.confirmed, 3);
        QCOMPARE(ownReports.count(), 0); // /metrics counts only this replica's passes

        // Malformed: dropped with a warning, no signal.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dropped malformed message on .*fleetdeck\\.reconcile\\.report.*invalid JSON")));
        m_bus->publish(subjects::reconcileReport(), QByteArrayLiteral("not json"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dropped malformed message on .*fleetdeck\\.reconcile\\.report.*empty object")));
        m_bus->publish(subjects::reconcileReport(), QByteArrayLiteral("{}"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dropped malformed message on .*fleetdeck\\.history\\.appended")));
        m_bus->publish(subjects::historyAppended(), QByteArrayLiteral("[1]"));
        settle();
        QCOMPARE(peerReports.count(), 1);
        QCOMPARE(history.count(), 0);

        // A peer's History entry, and a dead letter (announced only by its broadcast).
        m_bus->publish(subjects::historyAppended(),
                       json({{QStringLiteral("id"), 9001}, {QStringLiteral("entry_kind"), QStringLiteral("dead_letter")}}));
        QVERIFY(waitUntil([&] { return history.count() == 1; }));
        // This replica's entry is announced once: by OperationService, not again by its echo.
        Q_EMIT m_engine->ops()->historyAppended(9002);
        QCOMPARE(history.count(), 2);
        m_bus->publish(subjects::historyAppended(),
                       json({{QStringLiteral("id"), 9002}, {QStringLiteral("entry_kind"), QStringLiteral("operation")}}));
        settle();
        QCOMPARE(history.count(), 2);
    }

    void own_report_announced_once()
    {
        QSignalSpy peerReports(m_engine.get(), &Engine::peerReconcileReport);
        QSignalSpy ownReports(m_engine.get(), &Engine::reconcileReport);
        QVERIFY(waitUntil([&] { return m_bus->log().contains(QStringLiteral("sub ") + subjects::reconcileReport()); }));
        const ReconcileReport r = await(m_engine->reconcileNow(), 20000);
        QVERIFY(r.lockAcquired);
        QVERIFY(waitUntil([&] {
            return !m_bus->log().filter(QStringLiteral("pub ") + subjects::reconcileReport() + QLatin1Char(' ')).isEmpty();
        }));
        settle(); // the echo
        QCOMPARE(ownReports.count(), 1);
        QCOMPARE(peerReports.count(), 0);
    }

    void queries_read_parts_and_store()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(qAbs(m_engine->nowMs() - before) < 5000);
        QCOMPARE(m_engine->settings().fanoutParallel(), 8);
        QVERIFY(m_engine->listOps().isEmpty());
        const auto preview = await(m_engine->previewOps(m_engine->nowMs()));
        QVERIFY2(preview, qPrintable(preview.error()));
        QVERIFY(preview.value().isEmpty());
        const auto nodes = await(m_engine->listNodes());
        QVERIFY2(nodes, qPrintable(nodes.error()));
        QVERIFY(nodes.value().isEmpty());
        const auto history = await(m_engine->listHistory(10));
        QVERIFY2(history, qPrintable(history.error()));
        QVERIFY(history.value().isEmpty());
        QVERIFY(m_engine->gallery().isEmpty()); // no gallery configured
        QCOMPARE(int(m_engine->connectionStatus().state), int(ConnectionStatus::State::Live));
    }

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<LocalBus> m_bus;
    std::unique_ptr<Engine> m_engine;
};

QTEST_GUILESS_MAIN(TstEngineSignals)
#include "tst_engine_signals.moc"
