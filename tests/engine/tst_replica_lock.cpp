// SPEC §2.4: exactly one long-lived replica may use an SQLite file.
#include "store/replica_lock.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;

class TstReplicaLock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void second_long_lived_replica_is_refused()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("fleet.sqlite"));
        auto first = ReplicaLock::acquire(db);
        QVERIFY(first);
        // QLockFile is per process; a second acquire from this process sees the lock as held.
        auto second = ReplicaLock::acquire(db);
        QVERIFY(!second);
        QVERIFY2(second.error().startsWith(QStringLiteral("store %1 is already used by ").arg(db)), qPrintable(second.error()));
        QVERIFY(second.error().contains(QStringLiteral("(pid %1)").arg(QCoreApplication::applicationPid())));
        first = Result<std::shared_ptr<ReplicaLock>>::failure(QStringLiteral("released"));
        QVERIFY(ReplicaLock::acquire(db));
    }
};

QTEST_GUILESS_MAIN(TstReplicaLock)
#include "tst_replica_lock.moc"
