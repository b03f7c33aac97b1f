// Reason codes (docs/reason-codes.md): the one table of codes and English texts, the JSON forms a
// code travels in, what a reader without codes (or with unknown ones) gets, and that the document
// lists every code with the very text the engine writes.
#include "core/operation.h"
#include "core/result.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace fleetdeck;

class TstReason : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void english_texts_are_the_engines_texts_data()
    {
        QTest::addColumn<Reason>("reason");
        QTest::addColumn<QString>("text");
        const Reason sha = Reason::make("sha256_mismatch", {{"backend", QStringLiteral("piper")},
                                                            {"expected", QStringLiteral("4be1")},
                                                            {"actual", QStringLiteral("9c07")}});
        QTest::newRow("sha256") << sha << QStringLiteral("sha256 mismatch for piper: expected 4be1, got 9c07");
        QTest::newRow("escape") << Reason::make("archive_escape", {{"entry", QStringLiteral("../x")}})
                                << QStringLiteral("archive entry escapes target directory: ../x");
        const Reason failed = Reason::make("command_failed", {{"kind", QStringLiteral("install")}, {"error", reasonToJson(sha)}});
        QTest::newRow("nested") << failed << QStringLiteral("install failed: sha256 mismatch for piper: expected 4be1, got 9c07");
        const QJsonArray errors{
            QJsonObject{{QStringLiteral("node"), QStringLiteral("a")}, {QStringLiteral("error"), reasonToJson(failed)}},
            QJsonObject{{QStringLiteral("node"), QStringLiteral("b")},
                        {QStringLiteral("error"), reasonToJson(Reason::plain(QStringLiteral("an old worker's text")))}}};
        QTest::newRow("node_errors") << Reason::make("node_errors", {{"errors", errors}})
                                     << QStringLiteral("a: install failed: sha256 mismatch for piper: expected 4be1, got 9c07; "
                                                       "b: an old worker's text");
        const QJsonArray states{QJsonObject{{QStringLiteral("node"), QStringLiteral("a")}, {QStringLiteral("status"), QStringLiteral("offline")}},
                                QJsonObject{{QStringLiteral("node"), QStringLiteral("b")}, {QStringLiteral("status"), QStringLiteral("cancelled")}}};
        QTest::newRow("no_node_accepted") << Reason::make("no_node_accepted", {{"nodes", states}})
                                          << QStringLiteral("no target node accepted the operation: a (offline), b (cancelled)");
        QTest::newRow("installed_version") << Reason::make("installed", {{"version", QStringLiteral("b4100")}})
                                           << QStringLiteral("installed b4100");
        QTest::newRow("installed_bare") << Reason::make("installed") << QStringLiteral("installed");
        QTest::newRow("dead_letter_message") << Reason::make("dead_lettered", {{"attempts", 10}})
                                             << QStringLiteral("dead-lettered after 10 attempts");
        QTest::newRow("dead_letter_row") << Reason::make("dead_lettered", {{"attempts", 10}, {"error", reasonToJson(Reason::make("request_timeout"))}})
                                         << QStringLiteral("dead-lettered after 10 attempts: nats: timeout");
        QTest::newRow("stall_s") << Reason::make("download_stalled", {{"stall_ms", 60000}}) << QStringLiteral("download stalled: no data for 60 s");
        QTest::newRow("stall_ms") << Reason::make("download_stalled", {{"stall_ms", 1500}}) << QStringLiteral("download stalled: no data for 1500 ms");
        QTest::newRow("sizes") << Reason::make("processing_file", {{"file", QStringLiteral("a.tar.zst")},
                                                                  {"total_bytes", qint64(2362232013)},
                                                                  {"current_bytes", qint64(644245094)}})
                               << QStringLiteral("processing file: a.tar.zst. Total: 2.2 GiB. Current: 614.4 MiB");
        QTest::newRow("list") << Reason::make("worker_still_installing", {{"backend", QStringLiteral("whisper")},
                                                                          {"nodes", QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}})
                              << QStringLiteral("backend whisper: worker still installing in background; reconciler will confirm "
                                                "completion (a, b)");
        QTest::newRow("age") << Reason::make("node_offline", {{"node", QStringLiteral("cpu-edge-1")}, {"heartbeat_age_ms", qint64(7'200'000)}})
                             << QStringLiteral("node cpu-edge-1 is offline (last heartbeat 2 h ago)");
        QTest::newRow("plain") << Reason::plain(QStringLiteral("anything")) << QStringLiteral("anything");
    }

    void english_texts_are_the_engines_texts()
    {
        QFETCH(Reason, reason);
        QFETCH(QString, text);
        QCOMPARE(englishText(reason), text);
    }

    void op_error_message_nests_the_error()
    {
        Operation op;
        op.setFailed(Reason::make("reaped"));
        QCOMPARE(op.error, std::optional<QString>(QStringLiteral("stale operation reaped (abandoned by a crashed or restarted replica)")));
        QCOMPARE(op.errorCode.code, QStringLiteral("reaped"));
        QCOMPARE(op.message, QStringLiteral("error: ") + *op.error);
        QCOMPARE(op.messageCode.code, QStringLiteral("op_error"));
        QCOMPARE(reasonFromJson(op.messageCode.args.value(QLatin1String("error"))), op.errorCode);
        // A text alone keeps no code: it reads back as it was written.
        op.setMessage(Reason::plain(QStringLiteral("x")));
        QCOMPARE(op.message, QStringLiteral("x"));
        QVERIFY(!op.messageCode.hasCode());
    }

    void message_keys_are_additive()
    {
        const Reason r = Reason::make("node_superseded", {{"op", QStringLiteral("op-2")}});
        QJsonObject o{{QStringLiteral("message"), englishText(r)}};
        insertReason(o, QLatin1StringView("message"), r);
        QCOMPARE(o.value(QLatin1String("message_code")).toString(), QStringLiteral("node_superseded"));
        QCOMPARE(o.value(QLatin1String("message_args")).toObject().value(QLatin1String("op")).toString(), QStringLiteral("op-2"));
        QCOMPARE(readReason(o, QLatin1StringView("message")), r);
        // Nothing is written without a code; nothing is read from a message without the keys.
        QJsonObject none{{QStringLiteral("message"), QStringLiteral("old text")}};
        insertReason(none, QLatin1StringView("message"), Reason::plain(QStringLiteral("old text")));
        QCOMPARE(none.size(), 1);
        QVERIFY(!readReason(none, QLatin1StringView("message")).hasCode());
        // A newer peer's code, a malformed one and malformed args are no code at all.
        QJsonObject newer{{QStringLiteral("error_code"), QStringLiteral("from_the_future")}, {QStringLiteral("error_args"), QJsonObject()}};
        QVERIFY(!readReason(newer, QLatin1StringView("error")).hasCode());
        QJsonObject badCode{{QStringLiteral("error_code"), 42}};
        QVERIFY(!readReason(badCode, QLatin1StringView("error")).hasCode());
        QJsonObject badArgs{{QStringLiteral("error_code"), QStringLiteral("reaped")}, {QStringLiteral("error_args"), QStringLiteral("x")}};
        QVERIFY(!readReason(badArgs, QLatin1StringView("error")).hasCode());
    }

    void nested_reasons_carry_their_text()
    {
        const Reason coded = Reason::make("request_timeout");
        QCOMPARE(reasonFromJson(reasonToJson(coded)), coded);
        QCOMPARE(reasonToJson(coded).value(QLatin1String("text")).toString(), QStringLiteral("nats: timeout"));
        const Reason plain = Reason::plain(QStringLiteral("some worker text"));
        QCOMPARE(reasonFromJson(reasonToJson(plain)), plain);
        // A nested code this build does not know is worded by the text beside it.
        const QJsonObject newer{{QStringLiteral("code"), QStringLiteral("from_the_future")}, {QStringLiteral("text"), QStringLiteral("later")}};
        QCOMPARE(reasonFromJson(newer), Reason::plain(QStringLiteral("later")));
    }

    void results_carry_the_reason_of_their_error()
    {
        const Reason r = Reason::make("node_draining", {{"node", QStringLiteral("mac-mini-m4")}});
        const auto refused = Result<int>::failure(r);
        QCOMPARE(refused.error(), QStringLiteral("node mac-mini-m4 is draining"));
        QCOMPARE(refused.reason(), r);
        QCOMPARE(refused.errorReason(), r);
        const auto text = Result<int>::failure(QStringLiteral("driver said no"));
        QVERIFY(!text.reason().hasCode());
        QCOMPARE(text.errorReason(), Reason::plain(QStringLiteral("driver said no")));
        QCOMPARE(Result<int>::failure(text.errorReason()).error(), QStringLiteral("driver said no"));
    }

    // docs/reason-codes.md lists every code with the text englishText() fills in, and names every
    // arg that text uses.
    void document_lists_every_code_with_its_text()
    {
        QFile doc(QStringLiteral(FLEETDECK_SOURCE_DIR "/docs/reason-codes.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        QStringList documented;
        static const QRegularExpression row(QStringLiteral("^\\| `([a-z0-9_]+)` \\| `([^`]*)` \\| (.*) \\|$"),
                                            QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QString code = m.captured(1);
            documented << code;
            QVERIFY2(isKnownReasonCode(code), qPrintable(code));
            QCOMPARE(m.captured(2), reasonTemplate(code));
            for (const QString &key : reasonArgKeys(code))
                QVERIFY2(m.captured(3).contains(QLatin1Char('`') + key + QLatin1Char('`')), qPrintable(code + QStringLiteral(": ") + key));
        }
        for (const QString &code : reasonCodes())
            QVERIFY2(documented.count(code) == 1, qPrintable(code));
        QCOMPARE(documented.size(), reasonCodes().size());
    }
};

QTEST_GUILESS_MAIN(TstReason)
#include "tst_reason.moc"
