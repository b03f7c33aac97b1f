// The engine's reasons in the admin's language (issue #15 item 2, docs/reason-codes.md): every
// code of the table has a German and a Spanish wording, its args filled in; a reason without a
// code (an old worker or row) reads as the engine's English text; the operations bar's failed
// line words a failed op's error in German under German; a store-error notice reaches the status bar
// worded.
#include "bridge/demo_starter.h"
#include "bridge/engine_host.h"
#include "engine.h"
#include "main_window.h"
#include "models/history_model.h"
#include "models/nodes_model.h"
#include "models/ops_model.h"
#include "presentation/reason_text.h"
#include "scoped_language.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QStatusBar>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {

// The format a code's template gives `key` ("size", "reason", …), or empty.
QString formatOf(const QString &code, const QString &key)
{
    const QRegularExpression re(QStringLiteral("\\{%1:(\\w+)\\}").arg(key));
    return re.match(reasonTemplate(code)).captured(1);
}

Reason nestedSample()
{
    return Reason::make("download_http_status", {{"status", 404}, {"uri", QStringLiteral("https://g.example/a.tar")}});
}

// A reason of `code` with every arg its text names.
Reason sample(const QString &code)
{
    Reason r{code, {}};
    const QJsonObject nested = reasonToJson(nestedSample());
    for (const QString &key : reasonArgKeys(code)) {
        const QString f = formatOf(code, key);
        if (f == QLatin1String("reason"))
            r.args.insert(key, nested);
        else if (f == QLatin1String("list"))
            r.args.insert(key, QJsonArray{QStringLiteral("gpu-a"), QStringLiteral("gpu-b")});
        else if (f == QLatin1String("node_errors"))
            r.args.insert(key, QJsonArray{QJsonObject{{QStringLiteral("node"), QStringLiteral("gpu-a")}, {QStringLiteral("error"), nested}}});
        else if (f == QLatin1String("node_states"))
            r.args.insert(key, QJsonArray{QJsonObject{{QStringLiteral("node"), QStringLiteral("gpu-a")}, {QStringLiteral("status"), QStringLiteral("offline")}}});
        else if (!f.isEmpty() || code == QLatin1String("reconcile_report") || key.contains(QLatin1String("attempt")) || key == QLatin1String("id")
                 || key == QLatin1String("limit") || key == QLatin1String("status"))
            r.args.insert(key, 1500);
        else if (key == QLatin1String("kind"))
            r.args.insert(key, QStringLiteral("install"));
        else
            r.args.insert(key, QString(QStringLiteral("x-") + key));
    }
    if (code == QLatin1String("node_deferred") || code == QLatin1String("node_left_before_confirm")
        || code == QLatin1String("pending_dropped") || code == QLatin1String("node_backends_unknown"))
        r.args.insert(QStringLiteral("status"), QStringLiteral("offline"));
    return r;
}

using Language = test::ScopedLanguage;

} // namespace

class TstReasonText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void every_code_is_worded_in_german_and_spanish_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("es") << QStringLiteral("es");
    }
    void every_code_is_worded_in_german_and_spanish()
    {
        QFETCH(QString, lang);
        const Language language(lang);
        const QRegularExpression leftover(QStringLiteral("%\\d|%n|\\{|\\}"));
        for (const QString &code : reasonCodes()) {
            const Reason r = sample(code);
            const QString english = englishText(r);
            const QString worded = reasonText(r, english);
            QVERIFY2(worded != english, qPrintable(code + QStringLiteral(": ") + worded));
            QVERIFY2(!worded.contains(leftover), qPrintable(code + QStringLiteral(": ") + worded));
            QVERIFY2(!worded.isEmpty(), qPrintable(code));
        }
    }

    void english_wording_matches_the_engine_text_for_plain_codes()
    {
        // No catalogue: the source texts, close to the engine's own.
        QCOMPARE(reasonText(Reason::make("heartbeat_stale"), QStringLiteral("heartbeat stale")), QStringLiteral("heartbeat stale"));
        QCOMPARE(reasonText(Reason::make("installed"), QStringLiteral("installed")), QStringLiteral("installed"));
        QCOMPARE(reasonText(Reason::make("installed", {{"version", QStringLiteral("b4120")}}), QString()), QStringLiteral("installed b4120"));
        // "%n op(s)" without a catalogue: the engine's English, which says "ops".
        const Reason report{QStringLiteral("reconcile_report"), sample(QStringLiteral("reconcile_report")).args};
        QCOMPARE(reasonText(report, englishText(report)), englishText(report));
    }

    void no_code_or_unknown_code_falls_back_to_english()
    {
        const Language language(QStringLiteral("de"));
        QCOMPARE(reasonText(Reason{}, QStringLiteral("boom from an old worker")), QStringLiteral("boom from an old worker"));
        QCOMPARE(reasonText(Reason::plain(QStringLiteral("driver says no")), QString()), QStringLiteral("driver says no"));
        QCOMPARE(reasonText(Reason{QStringLiteral("code_of_a_newer_peer"), {}}, QStringLiteral("newer text")), QStringLiteral("newer text"));
        QCOMPARE(reasonText(Reason{}, std::optional<QString>()), std::optional<QString>());
    }

    void nested_reasons_and_numbers_follow_the_language()
    {
        const Language language(QStringLiteral("de"));
        const Reason inner = Reason::make("sha256_mismatch", {{"backend", QStringLiteral("piper")}, {"expected", QStringLiteral("aa")}, {"actual", QStringLiteral("bb")}});
        const Reason combined = Reason::make("node_errors", {{"errors", QJsonArray{
            QJsonObject{{QStringLiteral("node"), QStringLiteral("gpu-a")}, {QStringLiteral("error"), reasonToJson(Reason::make("command_failed", {{"kind", QStringLiteral("install")}, {"error", reasonToJson(inner)}}))}},
            QJsonObject{{QStringLiteral("node"), QStringLiteral("gpu-b")}, {QStringLiteral("error"), reasonToJson(Reason::make("request_timeout"))}}}}});
        QCOMPARE(reasonText(combined, englishText(combined)),
                 QStringLiteral("gpu-a: Installation fehlgeschlagen: sha256-Abweichung bei piper: erwartet aa, erhalten bb; gpu-b: NATS: Zeitüberschreitung"));
        const Reason limit = Reason::make("dead_lettered", {{"attempts", 1200}});
        QCOMPARE(reasonText(limit, englishText(limit)), QStringLiteral("nach 1.200 Versuchen als Dead Letter abgelegt"));
    }

    void failed_op_line_in_german()
    {
        const Language language(QStringLiteral("de"));
        Operation op;
        op.id = QStringLiteral("op-1");
        op.backend = QStringLiteral("piper");
        op.state = OpState::Failed;
        const Reason why = Reason::make("sha256_mismatch", {{"backend", QStringLiteral("piper")}, {"expected", QStringLiteral("aa")}, {"actual", QStringLiteral("bb")}});
        op.setFailed(why);
        NodeProgress row;
        row.nodeId = row.nodeName = QStringLiteral("gpu-a");
        row.status = NodeRowStatus::Error;
        row.setError(Reason::make("command_failed", {{"kind", QStringLiteral("install")}, {"error", reasonToJson(why)}}));
        op.nodes = {row};
        const OpLine line = opLine(op, 0, 60'000, true);
        QVERIFY2(line.text.contains(QStringLiteral("(sha256-Abweichung bei piper: erwartet aa, erhalten bb)")), qPrintable(line.text));
        QVERIFY2(!line.text.contains(QStringLiteral("mismatch")), qPrintable(line.text));
        const NodeLine n = nodeLine(op, op.nodes.first(), 0, 60'000, true);
        QCOMPARE(n.fullError, QStringLiteral("Installation fehlgeschlagen: sha256-Abweichung bei piper: erwartet aa, erhalten bb"));
        QVERIFY2(n.details.contains(QStringLiteral("sha256 mismatch for piper")), qPrintable(n.details)); // the engine's words stay a detail
    }

    void nodes_reason_and_activity_error_in_german()
    {
        const Language language(QStringLiteral("de"));
        Node n;
        n.id = n.name = QStringLiteral("gpu-a");
        n.status = NodeStatus::Unhealthy;
        n.setStatusReason(Reason::make("heartbeat_stale"));
        NodesModel nodes;
        nodes.setNodes({n}, 0);
        const QModelIndex reason = nodes.index(0, NodesModel::ReasonColumn);
        QCOMPARE(reason.data().toString(), QStringLiteral("Heartbeat veraltet"));
        QCOMPARE(reason.data(Qt::ToolTipRole).toString(), QStringLiteral("heartbeat stale")); // the engine's words

        HistoryEntry e;
        e.id = 7;
        e.backend = QStringLiteral("piper");
        e.outcome = QStringLiteral("failed");
        e.finishedAt = 1;
        e.errorCode = Reason::make("download_stalled", {{"stall_ms", 60'000}});
        e.error = englishText(e.errorCode);
        HistoryModel history;
        history.setHistory({e}, 2);
        const QModelIndex error = history.index(0, HistoryModel::ErrorColumn);
        QVERIFY2(error.data().toString().startsWith(QStringLiteral("Download stockt: seit ")), qPrintable(error.data().toString()));
        QCOMPARE(error.data(HistoryModel::ErrorTextRole).toString(), QStringLiteral("download stalled: no data for 60 s"));
    }

    // A status stated in a sentence is worded with its verb: "ist offline", "wird geleert", never
    // "ist wird geleert" (is + the status word).
    void node_status_in_a_sentence_keeps_its_verb()
    {
        const Reason unknown = Reason::make("node_backends_unknown", {{"node", QStringLiteral("gpu-a")}, {"status", QStringLiteral("draining")}});
        QCOMPARE(reasonText(unknown), QStringLiteral("node gpu-a is draining; its backends are unknown"));
        const Reason dropped = Reason::make("pending_dropped", {{"status", QStringLiteral("offline")}});
        {
            const Language language(QStringLiteral("de"));
            QCOMPARE(reasonText(unknown), QStringLiteral("Node gpu-a wird geleert; seine Backends sind unbekannt"));
            QCOMPARE(reasonText(dropped), QStringLiteral("ausstehende Op verworfen: Node ist offline"));
            QCOMPARE(nodeStatusPredicate(QStringLiteral("pending")), QStringLiteral("wartet auf Freigabe"));
        }
        {
            const Language language(QStringLiteral("es"));
            QCOMPARE(reasonText(unknown), QStringLiteral("el nodo gpu-a se está drenando; sus backends son desconocidos"));
            QCOMPARE(nodeStatusPredicate(QStringLiteral("offline")), QStringLiteral("está sin conexión"));
        }
    }

    // A store write the admin should know about failed: the engine's notice travels as a code
    // through the feed to the window's status bar, worded there (not the engine's English).
    void store_error_notice_in_german()
    {
        const Language language(QStringLiteral("de"));
        EngineHost host(demoStarter(false));
        MainWindow window(&host);
        window.setConfirmQuit(false);
        window.show();
        host.start();
        QTRY_VERIFY_WITH_TIMEOUT(host.isStarted(), 30000);
        const Reason failed = Reason::make("store_unreachable", {{"detail", QStringLiteral("connection refused")}});
        QMetaObject::invokeMethod(
            host.engineOnEngineThread(), [&host, failed] { Q_EMIT host.engineOnEngineThread()->storeError(failed); }, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(), QStringLiteral("Store nicht erreichbar: connection refused"), 10000);
        bool stopped = false;
        host.stop([&] { stopped = true; });
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 10000);
    }
};

QTEST_MAIN(TstReasonText)
#include "tst_reason_text.moc"
