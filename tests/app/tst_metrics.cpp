// The Prometheus endpoint's parts (issue #14, docs/metrics.md): the text exposition of counters,
// gauges and histograms; metrics/listen (--metrics-listen, FLEETDECK_METRICS_LISTEN, INI) with its
// loopback default and its errors; the HTTP server on a real socket (GET /metrics, 404 elsewhere, a
// bind error naming the address). The process-level figures are in tst_metrics_process.
#include "config/config_loader.h"
#include "config/listen_address.h"
#include "metrics/metrics_registry.h"
#include "metrics/metrics_server.h"
#include "test_util.h"

#include <QCommandLineParser>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::metrics;
using fleetdeck::test::waitUntil;

namespace {

Result<ProcessConfig> load(const QStringList &args, const QProcessEnvironment &env = {}, bool metricsFlag = true)
{
    QCommandLineParser parser;
    ConfigLoader loader(env);
    loader.addCommonOptions(parser);
    if (metricsFlag)
        loader.addMetricsOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("fleetdeck")} + args))
        return Result<ProcessConfig>::failure(parser.errorText());
    return loader.load(parser);
}

struct Reply {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

Reply get(const QString &url, const QByteArray &verb = "GET")
{
    QNetworkAccessManager nam;
    QNetworkReply *r = nam.sendCustomRequest(QNetworkRequest(QUrl(url)), verb);
    Reply out;
    if (!waitUntil([&] { return r->isFinished(); }))
        return out;
    out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.contentType = r->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    out.body = r->readAll();
    delete r;
    return out;
}

} // namespace

class TstMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersTextExposition()
    {
        Registry r;
        Counter *c = r.counter(QStringLiteral("fleetdeck_things_total"), QStringLiteral("Things done.\nTwo lines."),
                               {QStringLiteral("kind"), QStringLiteral("outcome")});
        c->touch({QStringLiteral("install"), QStringLiteral("failed")});
        c->inc({QStringLiteral("install"), QStringLiteral("success")});
        c->inc({QStringLiteral("install"), QStringLiteral("success")}, 2);
        c->inc({QStringLiteral("install"), QStringLiteral("success")}, -5); // counters never go down
        Gauge *g = r.gauge(QStringLiteral("fleetdeck_level"), QStringLiteral("A level."));
        g->set(0.25);
        Gauge *quoted = r.gauge(QStringLiteral("fleetdeck_quoted"), QStringLiteral("Escapes."), {QStringLiteral("v")});
        quoted->set({QStringLiteral("a\"b\\c\nd")}, 1);
        r.gauge(QStringLiteral("fleetdeck_empty"), QStringLiteral("No sample: not rendered."), {QStringLiteral("x")});
        Histogram *h = r.histogram(QStringLiteral("fleetdeck_wait_seconds"), QStringLiteral("Waits."), {0.5, 1, 5});
        h->observe(0.2);
        h->observe(1);
        h->observe(7);
        const QByteArray expected = "# HELP fleetdeck_things_total Things done.\\nTwo lines.\n"
                                    "# TYPE fleetdeck_things_total counter\n"
                                    "fleetdeck_things_total{kind=\"install\",outcome=\"failed\"} 0\n"
                                    "fleetdeck_things_total{kind=\"install\",outcome=\"success\"} 3\n"
                                    "# HELP fleetdeck_level A level.\n"
                                    "# TYPE fleetdeck_level gauge\n"
                                    "fleetdeck_level 0.25\n"
                                    "# HELP fleetdeck_quoted Escapes.\n"
                                    "# TYPE fleetdeck_quoted gauge\n"
                                    "fleetdeck_quoted{v=\"a\\\"b\\\\c\\nd\"} 1\n"
                                    "# HELP fleetdeck_wait_seconds Waits.\n"
                                    "# TYPE fleetdeck_wait_seconds histogram\n"
                                    "fleetdeck_wait_seconds_bucket{le=\"0.5\"} 1\n"
                                    "fleetdeck_wait_seconds_bucket{le=\"1\"} 2\n"
                                    "fleetdeck_wait_seconds_bucket{le=\"5\"} 2\n"
                                    "fleetdeck_wait_seconds_bucket{le=\"+Inf\"} 3\n"
                                    "fleetdeck_wait_seconds_sum 8.2\n"
                                    "fleetdeck_wait_seconds_count 3\n";
        QCOMPARE(r.render(), expected);
        QCOMPARE(formatValue(1e20), QByteArray("1e+20"));
        QCOMPARE(formatValue(-3), QByteArray("-3"));
    }

    void parsesListenAddresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty: an error
        QTest::newRow("port only is loopback") << QStringLiteral("9464") << QStringLiteral("127.0.0.1:9464");
        QTest::newRow("ipv4") << QStringLiteral("0.0.0.0:9464") << QStringLiteral("0.0.0.0:9464");
        QTest::newRow("ipv6") << QStringLiteral("[::1]:9464") << QStringLiteral("[::1]:9464");
        QTest::newRow("localhost") << QStringLiteral("localhost:80") << QStringLiteral("127.0.0.1:80");
        QTest::newRow("free port") << QStringLiteral("127.0.0.1:0") << QStringLiteral("127.0.0.1:0");
        QTest::newRow("host name") << QStringLiteral("metrics.example.org:9464") << QString();
        QTest::newRow("port too big") << QStringLiteral("70000") << QString();
        QTest::newRow("no port") << QStringLiteral("127.0.0.1:") << QString();
        QTest::newRow("words") << QStringLiteral("yes") << QString();
        QTest::newRow("bare ipv6") << QStringLiteral("::1:9464") << QString();
        QTest::newRow("empty host") << QStringLiteral(":9464") << QString();
    }
    void parsesListenAddresses()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        const Result<ListenAddress> r = parseListenAddress(text);
        if (normalised.isEmpty()) {
            QVERIFY2(!r, qPrintable(text));
            QVERIFY2(r.error().contains(QLatin1Char('"') + text + QLatin1Char('"')), qPrintable(r.error())); // names the value
        } else {
            QVERIFY2(r, qPrintable(r.error()));
            QCOMPARE(r->toString(), normalised);
        }
    }

    void listenKeyFromFlagVariableAndFile()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("f.conf"));
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[metrics]\nlisten=0.0.0.0:9100\n");
        }
        auto off = load({});
        QVERIFY2(off, qPrintable(off.error()));
        QVERIFY(off->metricsListen.isEmpty()); // off by default

        auto file = load({QStringLiteral("--config"), ini});
        QVERIFY2(file, qPrintable(file.error()));
        QCOMPARE(file->metricsListen, QStringLiteral("0.0.0.0:9100"));

        QProcessEnvironment env;
        env.insert(QStringLiteral("FLEETDECK_METRICS_LISTEN"), QStringLiteral("9200"));
        auto variable = load({QStringLiteral("--config"), ini}, env);
        QVERIFY2(variable, qPrintable(variable.error()));
        QCOMPARE(variable->metricsListen, QStringLiteral("127.0.0.1:9200"));

        auto flag = load({QStringLiteral("--config"), ini, QStringLiteral("--metrics-listen"), QStringLiteral("9464")}, env);
        QVERIFY2(flag, qPrintable(flag.error()));
        QCOMPARE(flag->metricsListen, QStringLiteral("127.0.0.1:9464"));
        QVERIFY(flag->sourceOf(QStringLiteral("metrics/listen")) == ConfigSource::Flag);

        // fleetdeckctl has no such flag, and its file may carry the key (a known key).
        QVERIFY(!load({QStringLiteral("--metrics-listen"), QStringLiteral("9464")}, {}, false));
        QVERIFY(load({QStringLiteral("--config"), ini}, {}, false));
    }

    void badListenValuesNameKeyAndValue()
    {
        auto bad = load({QStringLiteral("--metrics-listen"), QStringLiteral("metrics.example.org:9464")});
        QVERIFY(!bad);
        QVERIFY2(bad.error().startsWith(QLatin1String("--metrics-listen: invalid value for metrics/listen: ")), qPrintable(bad.error()));
        QVERIFY2(bad.error().contains(QLatin1String("metrics.example.org")), qPrintable(bad.error()));

        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("f.conf"));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[metrics]\nlisten=9464\nport=1\n");
        f.close();
        auto unknown = load({QStringLiteral("--config"), ini});
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains(QLatin1String("unknown key \"metrics/port\"")), qPrintable(unknown.error()));
    }

    void servesMetricsOverHttp()
    {
        int renders = 0;
        MetricsServer server([&] {
            ++renders;
            return QByteArrayLiteral("# HELP x_total X.\n# TYPE x_total counter\nx_total 1\n");
        });
        const Result<quint16> port = server.listen(parseListenAddress(QStringLiteral("0")).value());
        QVERIFY2(port, qPrintable(port.error()));
        QVERIFY(port.value() != 0);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port.value());
        const Reply ok = get(base + QStringLiteral("/metrics"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(ok.body.endsWith("x_total 1\n"));
        QCOMPARE(renders, 1);
        QCOMPARE(get(base + QStringLiteral("/nope")).status, 404);
        QCOMPARE(get(base + QStringLiteral("/metrics"), "POST").status, 405);
        QCOMPARE(renders, 1);
        QCOMPARE(server.scrapes(), 1);
    }

    void bindErrorNamesTheAddress()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        MetricsServer server([] { return QByteArray(); });
        ListenAddress a{QHostAddress::LocalHost, taken.serverPort()};
        const Result<quint16> r = server.listen(a);
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(QStringLiteral("cannot listen on 127.0.0.1:%1: ").arg(taken.serverPort())), qPrintable(r.error()));
    }
};

QTEST_GUILESS_MAIN(TstMetrics)
#include "tst_metrics.moc"
