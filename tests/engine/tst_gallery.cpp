// Gallery index rules (SPEC §8.2), resolution for admission (§3.2, D26) and loading (§8.1).
#include "artifact_server.h"
#include "core/clock.h"
#include "gallery/gallery_catalog.h"
#include "gallery/gallery_loader.h"
#include "test_util.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;

class TstGallery : public QObject {
    Q_OBJECT

    static QByteArray index(const QByteArray &backends, int version = 1)
    {
        return "{\"fleetdeck_gallery\":" + QByteArray::number(version) + ",\"name\":\"main\",\"backends\":[" + backends + "]}";
    }

private Q_SLOTS:
    void entries_are_validated_and_made_absolute()
    {
        const auto g = GalleryIndex::parse(index(R"({"name":"whisper","uri":"artifacts/w.tar.gz","sha256":"ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789","extra":1},
            {"name":"../evil","uri":"x"},
            {"name":"nouri"},
            {"name":"badsha","uri":"x","sha256":"123"},
            {"name":"badvendor","uri":"x","requires":{"gpu_vendor":["banana"]}},
            {"name":"whisper","uri":"second-wins-not"},
            {"name":"llama-cpp","capabilities":{"nvidia":"llama-cpp-cuda12","default":"whisper"}})"),
                                           QStringLiteral("https://gallery.example.org/index.json"));
        QVERIFY2(g, qPrintable(g.error()));
        QCOMPARE(g->entries.size(), 2);
        QCOMPARE(g->entries[0].uri, QStringLiteral("https://gallery.example.org/artifacts/w.tar.gz"));
        QCOMPARE(g->entries[0].sha256, QStringLiteral("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"));
        QVERIFY(g->entries[1].isMeta());
        QCOMPARE(g->warnings.size(), 5);
        QVERIFY(g->warnings.join(QLatin1Char('\n')).contains(QLatin1String("missing required field \"uri\"")));
        QVERIFY(g->warnings.join(QLatin1Char('\n')).contains(QLatin1String("field \"sha256\": expected 64 hex digits")));
        QVERIFY(g->warnings.join(QLatin1Char('\n')).contains(QLatin1String("unknown vendor \"banana\"")));
    }

    void unsupported_version_rejected()
    {
        const auto g = GalleryIndex::parse(index("", 2), QStringLiteral("/srv/g.json"));
        QVERIFY(!g);
        QCOMPARE(g.error(), QStringLiteral("gallery /srv/g.json: unsupported gallery format version 2"));
        const auto bad = GalleryIndex::parse("{\"fleetdeck_gallery\":", QStringLiteral("/srv/g.json"));
        QVERIFY(bad.error().startsWith(QLatin1String("gallery /srv/g.json: invalid JSON at offset")));
    }

    void first_gallery_listing_a_name_wins()
    {
        GalleryCatalog c;
        auto a = GalleryIndex::parse(index(R"({"name":"whisper","version":"1","uri":"a.tgz"})"), QStringLiteral("https://a.example/i.json"));
        auto b = GalleryIndex::parse(index(R"({"name":"whisper","version":"2","uri":"b.tgz"},{"name":"piper","uri":"p.tgz"})"),
                                     QStringLiteral("https://b.example/i.json"));
        c.setIndexes({a.value(), b.value()});
        QCOMPARE(c.resolve(QStringLiteral("whisper"))->entry.version, QStringLiteral("1"));
        QCOMPARE(c.resolve(QStringLiteral("piper"))->entry.galleryUrl, QStringLiteral("https://b.example/i.json"));
        QCOMPARE(c.resolve(QStringLiteral("nope")).error(), QStringLiteral("unknown backend \"nope\": not in any configured gallery"));
        // A stored gallery list (Retry) resolves in that list only.
        const QJsonArray onlyB{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")}, {QStringLiteral("url"), QStringLiteral("https://b.example/i.json")}}};
        QCOMPARE(c.resolve(QStringLiteral("whisper"), onlyB)->entry.version, QStringLiteral("2"));
    }

    void loader_keeps_the_last_good_copy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("g.json"));
        auto write = [&](const QByteArray &data) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(data);
        };
        write(index(R"({"name":"whisper","uri":"w.tgz"})"));
        GalleryCatalog catalog;
        ManualClock clock;
        GalleryLoader loader(&catalog, &clock);
        int loads = 0;
        connect(&loader, &GalleryLoader::loaded, this, [&] { ++loads; });
        loader.load({path});
        QVERIFY(test::waitUntil([&] { return loads == 1; }));
        QVERIFY(catalog.resolve(QStringLiteral("whisper")));
        QCOMPARE(catalog.resolve(QStringLiteral("whisper"))->entry.uri, QUrl::fromLocalFile(dir.filePath(QStringLiteral("w.tgz"))).toString());
        write("{ broken");
        loader.load({path});
        QVERIFY(test::waitUntil([&] { return loads == 2; }));
        QVERIFY(catalog.resolve(QStringLiteral("whisper"))); // last good copy kept
        QVERIFY(loader.states().at(0).error.startsWith(QStringLiteral("gallery %1: invalid JSON at offset").arg(path)));
        QVERIFY(loader.states().at(0).loadedAt > 0);
    }

    void loader_over_http()
    {
        test::ArtifactServer server;
        QVERIFY(server.start());
        server.setFile(QStringLiteral("/index.json"), index(R"({"name":"bark","uri":"artifacts/bark.tgz"})"));
        server.setStatus(QStringLiteral("/missing.json"), 404);
        GalleryCatalog catalog;
        GalleryLoader loader(&catalog, SystemClock::instance());
        bool done = false;
        connect(&loader, &GalleryLoader::loaded, this, [&] { done = true; });
        loader.load({server.url(QStringLiteral("/index.json")), server.url(QStringLiteral("/missing.json"))});
        QVERIFY(test::waitUntil([&] { return done; }));
        const auto bark = catalog.resolve(QStringLiteral("bark"));
        QVERIFY(bark);
        QCOMPARE(bark->entry.uri, server.url(QStringLiteral("/artifacts/bark.tgz")));
        QCOMPARE(loader.states().at(1).error, QStringLiteral("gallery %1: HTTP 404").arg(server.url(QStringLiteral("/missing.json"))));
    }
};

QTEST_GUILESS_MAIN(TstGallery)
#include "tst_gallery.moc"
