// SingleInstance (app/fleetdeck/single_instance.h): one primary per key, a second start hands its
// arguments over and becomes secondary, distinct keys do not interfere, a stale lock (dead PID, left
// socket file) is recovered, and a live lock is never stolen, however old.
#include "single_instance.h"

#include <QDataStream>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetdeck;
using Role = SingleInstance::Role;

class TstSingleInstance final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void secondLaunchHandsArgumentsToFirst();
    void distinctKeysAreIndependent();
    void staleLockOfDeadProcessIsRecovered();
    void oldLockOfLiveProcessIsNotStolen();
    void liveLockWithoutServerFails();
    void primaryReleasesOnDestruction();
    void malformedMessageIsDropped();
};

namespace {

QStringList cmdline(std::initializer_list<const char *> args)
{
    QStringList out{QStringLiteral("fleetdeck")};
    for (const char *a : args)
        out << QString::fromUtf8(a);
    return out;
}

} // namespace

void TstSingleInstance::secondLaunchHandsArgumentsToFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SingleInstance first(QStringLiteral("fd-test"), dir.path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QCOMPARE(first.start(cmdline({})), Role::Primary);
    QVERIFY(first.isPrimary());
    QVERIFY(QFile::exists(first.lockFilePath()));

    SingleInstance second(QStringLiteral("fd-test"), dir.path());
    const QStringList args = cmdline({"--page", "nodes", "名前 with spaces"});
    QCOMPARE(second.start(args, 2000), Role::Secondary);
    QVERIFY(!second.isPrimary());
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toStringList(), args);

    SingleInstance third(QStringLiteral("fd-test"), dir.path());
    QCOMPARE(third.start(cmdline({"--third"}), 2000), Role::Secondary);
    QTRY_COMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).toStringList(), cmdline({"--third"}));
    QCOMPARE(first.role(), Role::Primary);
}

void TstSingleInstance::distinctKeysAreIndependent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SingleInstance a(QStringLiteral("fd-a"), dir.path());
    SingleInstance b(QStringLiteral("fd-b"), dir.path());
    QSignalSpy activatedA(&a, &SingleInstance::activationRequested);
    QSignalSpy activatedB(&b, &SingleInstance::activationRequested);
    QCOMPARE(a.start(cmdline({})), Role::Primary);
    QCOMPARE(b.start(cmdline({})), Role::Primary);
    QVERIFY(a.lockFilePath() != b.lockFilePath());
    QVERIFY(a.serverName() != b.serverName());

    SingleInstance toB(QStringLiteral("fd-b"), dir.path());
    QCOMPARE(toB.start(cmdline({"--for-b"}), 2000), Role::Secondary);
    QTRY_COMPARE(activatedB.count(), 1);
    QCOMPARE(activatedB.at(0).at(0).toStringList(), cmdline({"--for-b"}));
    QTest::qWait(50);
    QCOMPARE(activatedA.count(), 0);
}

void TstSingleInstance::staleLockOfDeadProcessIsRecovered()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SingleInstance probe(QStringLiteral("fd-stale"), dir.path());

    // A lock file as QLockFile writes it, naming a process that has exited (a crashed primary).
    QProcess dead;
    dead.start(QStringLiteral("/bin/true"), {});
    QVERIFY(dead.waitForStarted());
    const qint64 deadPid = dead.processId();
    QVERIFY(dead.waitForFinished());
    QByteArray contents;
    {
        QLockFile real(probe.lockFilePath());
        QVERIFY(real.tryLock(0));
        QFile f(probe.lockFilePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        contents = f.readAll();
    }
    QVERIFY(!QFile::exists(probe.lockFilePath()));
    contents = QByteArray::number(deadPid) + contents.mid(contents.indexOf('\n'));
    {
        QFile f(probe.lockFilePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }
    {
        QFile socketFile(probe.serverName()); // the dead primary's socket file, not removed
        QVERIFY(socketFile.open(QIODevice::WriteOnly));
    }

    SingleInstance next(QStringLiteral("fd-stale"), dir.path());
    QSignalSpy activated(&next, &SingleInstance::activationRequested);
    QCOMPARE(next.start(cmdline({}), 2000), Role::Primary);
    SingleInstance later(QStringLiteral("fd-stale"), dir.path());
    QCOMPARE(later.start(cmdline({"--later"}), 2000), Role::Secondary);
    QTRY_COMPARE(activated.count(), 1);
}

void TstSingleInstance::oldLockOfLiveProcessIsNotStolen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SingleInstance first(QStringLiteral("fd-old"), dir.path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QCOMPARE(first.start(cmdline({})), Role::Primary);
    // A primary that has run for a day. Its lock must hold: on a file system without flock()
    // QLockFile's default 30 s stale time alone would let the next launch take it.
    QFile lock(first.lockFilePath());
    QVERIFY(lock.open(QIODevice::ReadWrite));
    QVERIFY(lock.setFileTime(QDateTime::currentDateTimeUtc().addDays(-1), QFileDevice::FileModificationTime));
    lock.close();

    SingleInstance second(QStringLiteral("fd-old"), dir.path());
    QCOMPARE(second.start(cmdline({"--second"}), 2000), Role::Secondary);
    QTRY_COMPARE(activated.count(), 1);
}

void TstSingleInstance::liveLockWithoutServerFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SingleInstance probe(QStringLiteral("fd-mute"), dir.path());
    QLockFile held(probe.lockFilePath()); // held by this live process, nobody listening
    QVERIFY(held.tryLock(0));

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(probe.start(cmdline({}), 300), Role::Failed);
    QVERIFY(timer.elapsed() >= 250);
    QVERIFY(!probe.errorString().isEmpty());
    QVERIFY(held.isLocked());
    QVERIFY(QFile::exists(probe.lockFilePath()));
}

void TstSingleInstance::primaryReleasesOnDestruction()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString lockPath, socketPath;
    {
        SingleInstance first(QStringLiteral("fd-exit"), dir.path());
        QCOMPARE(first.start(cmdline({})), Role::Primary);
        lockPath = first.lockFilePath();
        socketPath = first.serverName();
        QVERIFY(QFile::exists(lockPath));
        QVERIFY(QFile::exists(socketPath));
    }
    QVERIFY(!QFile::exists(lockPath));
    QVERIFY(!QFile::exists(socketPath));
    SingleInstance next(QStringLiteral("fd-exit"), dir.path());
    QCOMPARE(next.start(cmdline({}), 500), Role::Primary);
}

void TstSingleInstance::malformedMessageIsDropped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SingleInstance first(QStringLiteral("fd-junk"), dir.path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QCOMPARE(first.start(cmdline({})), Role::Primary);

    QLocalSocket junk;
    junk.connectToServer(first.serverName());
    QVERIFY(junk.waitForConnected(1000));
    QDataStream out(&junk);
    out.setVersion(QDataStream::Qt_6_0);
    out << QStringLiteral("some-other-protocol/9") << QStringList{QStringLiteral("x")};
    QVERIFY(junk.waitForBytesWritten(1000));
    QTRY_COMPARE(junk.state(), QLocalSocket::UnconnectedState); // the primary hung up
    QCOMPARE(activated.count(), 0);

    SingleInstance second(QStringLiteral("fd-junk"), dir.path());
    QCOMPARE(second.start(cmdline({"--ok"}), 2000), Role::Secondary);
    QTRY_COMPARE(activated.count(), 1);
}

QTEST_GUILESS_MAIN(TstSingleInstance)
#include "tst_single_instance.moc"
