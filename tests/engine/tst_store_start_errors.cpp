// Which store start failures are final (exit 3) and which a long-lived replica retries (SPEC
// §1.5, §2.4, §10.4, issue #14).
#include "store/store_start_errors.h"

#include <QtTest>

using namespace fleetdeck;

class TstStoreStartErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classification_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("isFinal");
        QTest::newRow("refused") << QStringLiteral("open postgresql://fleet@127.0.0.1:1/fleetdeck: connection to server at \"127.0.0.1\", "
                                                   "port 1 failed: Connection refused\n\tIs the server running on that host and "
                                                   "accepting TCP/IP connections?\nQPSQL: Unable to connect") << false;
        QTest::newRow("timeout") << QStringLiteral("open postgresql://f@10.0.0.9:5432/db: timeout expired QPSQL: Unable to connect") << false;
        QTest::newRow("starting up") << QStringLiteral("FATAL:  the database system is starting up") << false;
        QTest::newRow("no database") << QStringLiteral("FATAL:  database \"fleetdeck\" does not exist") << false;
        QTest::newRow("sqlite cannot open") << QStringLiteral("open sqlite:/nope/x.sqlite: unable to open database file") << false;
        QTest::newRow("password") << QStringLiteral("FATAL:  password authentication failed for user \"fleet\"") << true;
        QTest::newRow("no password") << QStringLiteral("fe_sendauth: no password supplied") << true;
        QTest::newRow("unknown role") << QStringLiteral("FATAL:  role \"nobody\" does not exist QPSQL: Unable to connect") << true;
        QTest::newRow("pg_hba") << QStringLiteral("FATAL:  no pg_hba.conf entry for host \"10.1.1.1\", user \"fleet\"") << true;
        QTest::newRow("newer major") << QStringLiteral("store schema version 2001 is newer than this build supports (1.x)") << true;
        QTest::newRow("migration lock") << QStringLiteral("migration lock held") << true;
    }
    void classification()
    {
        QFETCH(QString, error);
        QFETCH(bool, isFinal);
        QCOMPARE(isFinalStoreError(error), isFinal);
    }
};

QTEST_GUILESS_MAIN(TstStoreStartErrors)
#include "tst_store_start_errors.moc"
