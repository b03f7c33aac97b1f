// Archive extraction and its protections (SPEC §7.2 step 4), on ArchiveExtractor directly.
#include "archive_builder.h"
#include "worker/archive_extractor.h"
#include "worker/archive_guard.h"
#include "worker_test_env.h"

#include <QtTest>
#include <sys/stat.h>

using namespace fleetdeck;
using namespace fleetdeck::test;
using Item = ArchiveItem;

namespace {

constexpr char kStagingRel[] = ".staging/piper-0badc0de";

struct Run {
    ExtractResult result;
    QString tree; // absolute
};

Run extractBytes(const WorkerDisk &disk, const QByteArray &bytes, ArtifactKind kind, ExtractLimits limits = {},
                 ArchiveExtractor::EntryHook hook = {}, const std::atomic<bool> *abort = nullptr)
{
    const QString staging = disk.backends() + QLatin1Char('/') + QLatin1String(kStagingRel);
    QDir().mkpath(staging);
    QFile f(staging + QStringLiteral("/artifact"));
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(bytes);
    f.close();
    ArchiveExtractor ex(disk.backends(), limits);
    ex.setAfterEntryHook(std::move(hook));
    ex.setAbortFlag(abort);
    Run r;
    r.result = ex.extract(QLatin1String(kStagingRel) + QStringLiteral("/artifact"), kind,
                          QLatin1String(kStagingRel) + QStringLiteral("/tree"), QStringLiteral("tool"));
    r.tree = staging + QStringLiteral("/tree");
    return r;
}

Run extractItems(const WorkerDisk &disk, const QList<Item> &items, ArchiveFormat fmt = ArchiveFormat::TarGz,
                 ExtractLimits limits = {})
{
    const ArtifactKind kind = artifactKindForUri(QStringLiteral("https://h/a") + archiveSuffix(fmt));
    return extractBytes(disk, buildArchive(fmt, items), kind, limits);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

mode_t modeOf(const QString &path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode;
}

// Every path outside the run's staging directory, to prove nothing was written there.
QStringList outsideStaging(const WorkerDisk &disk)
{
    QStringList out;
    for (const QString &line : disk.snapshot())
        if (!line.startsWith(QStringLiteral("/backends/.staging")))
            out.append(line);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(fleetdeck::test::ArchiveFormat)

class TestWorkerArchive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kind_by_uri_suffix_case_insensitive()
    {
        QCOMPARE(artifactKindForUri(QStringLiteral("https://h/x/a.tar.gz")), ArtifactKind::TarGz);
        QCOMPARE(artifactKindForUri(QStringLiteral("https://h/x/A.TGZ")), ArtifactKind::TarGz);
        QCOMPARE(artifactKindForUri(QStringLiteral("https://h/x/a.Tar.Zst?sig=1")), ArtifactKind::TarZst);
        QCOMPARE(artifactKindForUri(QStringLiteral("file:///srv/a.tzst")), ArtifactKind::TarZst);
        QCOMPARE(artifactKindForUri(QStringLiteral("https://h/a.tar")), ArtifactKind::Tar);
        QCOMPARE(artifactKindForUri(QStringLiteral("https://h/a.ZIP")), ArtifactKind::Zip);
        QCOMPARE(artifactKindForUri(QStringLiteral("https://h/a.gz")), ArtifactKind::Plain);
        QCOMPARE(artifactKindForUri(QStringLiteral("https://h/tool")), ArtifactKind::Plain);
        QCOMPARE(artifactFileName(QStringLiteral("https://h/dl/tool-x86_64?x=1")), QStringLiteral("tool-x86_64"));
    }

    void every_format_extracts_the_same_tree_data()
    {
        QTest::addColumn<ArchiveFormat>("format");
        QTest::newRow("tar.gz") << ArchiveFormat::TarGz;
        QTest::newRow("tar.zst") << ArchiveFormat::TarZst;
        QTest::newRow("tar") << ArchiveFormat::Tar;
        QTest::newRow("zip") << ArchiveFormat::Zip;
    }
    void every_format_extracts_the_same_tree()
    {
        QFETCH(ArchiveFormat, format);
        WorkerDisk disk;
        const Run r = extractItems(disk,
                                   {Item::dir(QStringLiteral("bin")), Item::file(QStringLiteral("bin/run"), "run", 0755),
                                    Item::file(QStringLiteral("lib/x.so"), "lib"), Item::symlink(QStringLiteral("lib/link"), QStringLiteral("x.so")),
                                    Item::file(QStringLiteral("README"), "hello")},
                                   format);
        QVERIFY2(r.result.ok, qPrintable(r.result.error));
        QCOMPARE(readFile(r.tree + QStringLiteral("/bin/run")), QByteArray("run"));
        QVERIFY(modeOf(r.tree + QStringLiteral("/bin/run")) & S_IXUSR);
        QCOMPARE(readFile(r.tree + QStringLiteral("/README")), QByteArray("hello"));
        QCOMPARE(QFileInfo(r.tree + QStringLiteral("/lib/link")).symLinkTarget(), r.tree + QStringLiteral("/lib/x.so"));
        QCOMPARE(readFile(r.tree + QStringLiteral("/lib/link")), QByteArray("lib"));
        QCOMPARE(r.result.entries, 5);
    }

    void single_top_level_directory_is_collapsed()
    {
        WorkerDisk disk;
        const Run r = extractItems(disk, {Item::dir(QStringLiteral("piper-b2")), Item::file(QStringLiteral("piper-b2/bin/run"), "x", 0755),
                                          Item::symlink(QStringLiteral("piper-b2/run"), QStringLiteral("bin/run"))});
        QVERIFY2(r.result.ok, qPrintable(r.result.error));
        QCOMPARE(readFile(r.tree + QStringLiteral("/bin/run")), QByteArray("x"));
        QCOMPARE(readFile(r.tree + QStringLiteral("/run")), QByteArray("x"));
        QVERIFY(!QFileInfo::exists(r.tree + QStringLiteral("/piper-b2")));
        QVERIFY(!QFileInfo::exists(r.tree + QStringLiteral(".collapse")));
    }

    void directory_beside_a_file_is_not_collapsed()
    {
        WorkerDisk disk;
        const Run r = extractItems(disk, {Item::file(QStringLiteral("top/a"), "a"), Item::file(QStringLiteral("README"), "r")});
        QVERIFY2(r.result.ok, qPrintable(r.result.error));
        QVERIFY(QFileInfo::exists(r.tree + QStringLiteral("/top/a")));
        QVERIFY(QFileInfo::exists(r.tree + QStringLiteral("/README")));
    }

    void single_top_level_file_is_not_collapsed()
    {
        WorkerDisk disk;
        const Run r = extractItems(disk, {Item::file(QStringLiteral("tool"), "t", 0755)});
        QVERIFY2(r.result.ok, qPrintable(r.result.error));
        QVERIFY(QFileInfo(r.tree + QStringLiteral("/tool")).isFile());
    }

    void collapse_refuses_a_symlink_that_would_then_escape()
    {
        WorkerDisk disk;
        const Run r = extractItems(disk, {Item::file(QStringLiteral("top/x"), "x"),
                                          Item::symlink(QStringLiteral("top/link"), QStringLiteral("../top/x"))});
        QCOMPARE(r.result.error, QStringLiteral("symlink escapes target directory: top/link -> ../top/x"));
    }

    void non_archive_is_stored_with_mode_0755()
    {
        WorkerDisk disk;
        const Run r = extractBytes(disk, "\x7f" "ELF binary", ArtifactKind::Plain);
        QVERIFY2(r.result.ok, qPrintable(r.result.error));
        QCOMPARE(readFile(r.tree + QStringLiteral("/tool")), QByteArray("\x7f" "ELF binary"));
        QCOMPARE(modeOf(r.tree + QStringLiteral("/tool")) & 07777, mode_t(0755));
    }

    void hostile_entries_are_rejected_data()
    {
        QTest::addColumn<QList<Item>>("items");
        QTest::addColumn<ArchiveFormat>("format");
        QTest::addColumn<QString>("error");
        const QString esc = QStringLiteral("archive entry escapes target directory: ");
        QTest::newRow("dotdot") << QList<Item>{Item::file(QStringLiteral("ok"), "1"), Item::file(QStringLiteral("../../etc/cron.d/x"), "evil")}
                                << ArchiveFormat::TarGz << esc + QStringLiteral("../../etc/cron.d/x");
        QTest::newRow("dotdot-zip") << QList<Item>{Item::file(QStringLiteral("../../etc/cron.d/x"), "evil")} << ArchiveFormat::Zip
                                    << esc + QStringLiteral("../../etc/cron.d/x");
        QTest::newRow("inner-dotdot") << QList<Item>{Item::file(QStringLiteral("a/../../b"), "evil")} << ArchiveFormat::Tar
                                      << esc + QStringLiteral("a/../../b");
        QTest::newRow("absolute") << QList<Item>{Item::file(QStringLiteral("/abs/file"), "evil")} << ArchiveFormat::TarGz
                                  << esc + QStringLiteral("/abs/file");
        QTest::newRow("drive") << QList<Item>{Item::file(QStringLiteral("C:/windows/x"), "evil")} << ArchiveFormat::Tar
                               << esc + QStringLiteral("C:/windows/x");
        QTest::newRow("backslash") << QList<Item>{Item::file(QStringLiteral("a\\..\\..\\x"), "evil")} << ArchiveFormat::Tar
                                   << esc + QStringLiteral("a\\..\\..\\x");
        QTest::newRow("symlink-up") << QList<Item>{Item::symlink(QStringLiteral("lib/evil"), QStringLiteral("../../../.."))}
                                    << ArchiveFormat::TarGz << QStringLiteral("symlink escapes target directory: lib/evil -> ../../../..");
        QTest::newRow("symlink-up-zst") << QList<Item>{Item::symlink(QStringLiteral("lib/evil"), QStringLiteral("../../../.."))}
                                        << ArchiveFormat::TarZst << QStringLiteral("symlink escapes target directory: lib/evil -> ../../../..");
        QTest::newRow("symlink-absolute") << QList<Item>{Item::symlink(QStringLiteral("passwd"), QStringLiteral("/etc/passwd"))}
                                          << ArchiveFormat::Zip << QStringLiteral("symlink escapes target directory: passwd -> /etc/passwd");
        QTest::newRow("write-through-symlink")
            << QList<Item>{Item::dir(QStringLiteral("sub")), Item::symlink(QStringLiteral("lnk"), QStringLiteral("sub")),
                           Item::file(QStringLiteral("lnk/file"), "evil")}
            << ArchiveFormat::TarGz << esc + QStringLiteral("lnk/file");
        QTest::newRow("replace-symlink") << QList<Item>{Item::symlink(QStringLiteral("lnk"), QStringLiteral("sub")), Item::file(QStringLiteral("lnk"), "x")}
                                         << ArchiveFormat::Tar << esc + QStringLiteral("lnk");
        QTest::newRow("through-file") << QList<Item>{Item::file(QStringLiteral("a"), "x"), Item::file(QStringLiteral("a/b"), "y")}
                                      << ArchiveFormat::Tar << esc + QStringLiteral("a/b");
        QTest::newRow("device") << QList<Item>{Item::device(QStringLiteral("dev/null"))} << ArchiveFormat::TarGz
                                << QStringLiteral("unsupported entry type: dev/null");
        QTest::newRow("fifo") << QList<Item>{Item::fifo(QStringLiteral("pipe"))} << ArchiveFormat::Tar
                              << QStringLiteral("unsupported entry type: pipe");
        QTest::newRow("hardlink-missing") << QList<Item>{Item::hardlink(QStringLiteral("b"), QStringLiteral("missing"))}
                                          << ArchiveFormat::Tar
                                          << QStringLiteral("hard link b -> missing does not name an earlier regular file");
        QTest::newRow("hardlink-later") << QList<Item>{Item::hardlink(QStringLiteral("b"), QStringLiteral("a")), Item::file(QStringLiteral("a"), "x")}
                                        << ArchiveFormat::Tar << QStringLiteral("hard link b -> a does not name an earlier regular file");
        QTest::newRow("hardlink-dir") << QList<Item>{Item::dir(QStringLiteral("d")), Item::hardlink(QStringLiteral("b"), QStringLiteral("d"))}
                                      << ArchiveFormat::Tar << QStringLiteral("hard link b -> d does not name an earlier regular file");
        QTest::newRow("hardlink-outside") << QList<Item>{Item::hardlink(QStringLiteral("b"), QStringLiteral("../../../etc/passwd"))}
                                          << ArchiveFormat::Tar << esc + QStringLiteral("b");
    }
    void hostile_entries_are_rejected()
    {
        QFETCH(QList<Item>, items);
        QFETCH(ArchiveFormat, format);
        QFETCH(QString, error);
        WorkerDisk disk;
        const QStringList before = outsideStaging(disk);
        const Run r = extractItems(disk, items, format);
        QVERIFY(!r.result.ok);
        QCOMPARE(r.result.error, error);
        // docs/reason-codes.md: every refusal has a code whose text is the error.
        QVERIFY(r.result.errorCode.hasCode());
        QCOMPARE(englishText(r.result.errorCode), error);
        if (error.startsWith(QLatin1String("archive entry escapes")))
            QCOMPARE(r.result.errorCode.code, QStringLiteral("archive_escape"));
        QCOMPARE(outsideStaging(disk), before);
    }

    void hard_link_to_an_earlier_file_is_extracted()
    {
        WorkerDisk disk;
        const Run r = extractItems(disk, {Item::file(QStringLiteral("bin/a"), "data", 0755), Item::hardlink(QStringLiteral("bin/b"), QStringLiteral("bin/a")),
                                          Item::file(QStringLiteral("README"), "r")},
                                   ArchiveFormat::Tar);
        QVERIFY2(r.result.ok, qPrintable(r.result.error));
        struct stat a, b;
        QCOMPARE(::stat(QFile::encodeName(r.tree + QStringLiteral("/bin/a")).constData(), &a), 0);
        QCOMPARE(::stat(QFile::encodeName(r.tree + QStringLiteral("/bin/b")).constData(), &b), 0);
        QCOMPARE(a.st_ino, b.st_ino);
        QCOMPARE(readFile(r.tree + QStringLiteral("/bin/b")), QByteArray("data"));
    }

    void setuid_setgid_sticky_are_dropped()
    {
        WorkerDisk disk;
        const Run r = extractItems(disk, {Item::dir(QStringLiteral("d"), 01777), Item::file(QStringLiteral("d/suid"), "x", 04755),
                                          Item::file(QStringLiteral("d/sgid"), "y", 02755), Item::file(QStringLiteral("top"), "z", 04644)});
        QVERIFY2(r.result.ok, qPrintable(r.result.error));
        QCOMPARE(modeOf(r.tree + QStringLiteral("/d/suid")) & 07000, mode_t(0));
        QVERIFY(modeOf(r.tree + QStringLiteral("/d/suid")) & S_IXUSR);
        QCOMPARE(modeOf(r.tree + QStringLiteral("/d/sgid")) & 07000, mode_t(0));
        QCOMPARE(modeOf(r.tree + QStringLiteral("/d")) & 07000, mode_t(0));
        QCOMPARE(modeOf(r.tree + QStringLiteral("/top")) & 07000, mode_t(0));
    }

    void entry_and_size_limits()
    {
        WorkerDisk disk;
        ExtractLimits few;
        few.maxEntries = 3;
        const Run r1 = extractItems(disk, {Item::file(QStringLiteral("a"), "1"), Item::file(QStringLiteral("b"), "2"),
                                           Item::file(QStringLiteral("c"), "3"), Item::file(QStringLiteral("d"), "4")},
                                    ArchiveFormat::TarGz, few);
        QCOMPARE(r1.result.error, QStringLiteral("archive exceeds extraction limits"));
        WorkerDisk disk2;
        ExtractLimits small;
        small.maxBytes = 100;
        const Run r2 = extractItems(disk2, {Item::file(QStringLiteral("a"), QByteArray(60, 'a')), Item::file(QStringLiteral("b"), QByteArray(60, 'b'))},
                                    ArchiveFormat::TarZst, small);
        QCOMPARE(r2.result.error, QStringLiteral("archive exceeds extraction limits"));
    }

    void abort_flag_stops_between_entries()
    {
        WorkerDisk disk;
        std::atomic<bool> abort{false};
        QStringList seen;
        const Run r = extractBytes(disk,
                                   buildArchive(ArchiveFormat::TarGz, {Item::file(QStringLiteral("a"), "1"), Item::file(QStringLiteral("b"), "2"),
                                                                       Item::file(QStringLiteral("c"), "3")}),
                                   ArtifactKind::TarGz, {},
                                   [&](const QString &entry, qint64) {
                                       seen.append(entry);
                                       abort = true;
                                   },
                                   &abort);
        QVERIFY(r.result.cancelled);
        QCOMPARE(r.result.error, QStringLiteral("cancelled by request"));
        QCOMPARE(seen, QStringList{QStringLiteral("a")});
    }

    void progress_reports_compressed_bytes()
    {
        WorkerDisk disk;
        QList<Item> items;
        for (int i = 0; i < 20; ++i)
            items.append(Item::file(QStringLiteral("f%1").arg(i), QByteArray(20000, char('a' + i))));
        const QByteArray bytes = buildArchive(ArchiveFormat::TarGz, items);
        const QString staging = disk.backends() + QLatin1Char('/') + QLatin1String(kStagingRel);
        QDir().mkpath(staging);
        QFile f(staging + QStringLiteral("/artifact"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        ArchiveExtractor ex(disk.backends());
        QList<QPair<qint64, qint64>> ticks;
        ex.setProgress([&](qint64 c, qint64 t) { ticks.append({c, t}); });
        const ExtractResult r = ex.extract(QLatin1String(kStagingRel) + QStringLiteral("/artifact"), ArtifactKind::TarGz,
                                           QLatin1String(kStagingRel) + QStringLiteral("/tree"), QStringLiteral("x"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(ticks.size() >= 2);
        for (const auto &t : ticks)
            QCOMPARE(t.second, qint64(bytes.size()));
        QCOMPARE(ticks.last().first, qint64(bytes.size()));
        for (qsizetype i = 1; i < ticks.size(); ++i)
            QVERIFY(ticks[i].first >= ticks[i - 1].first);
    }

    void mislabelled_or_corrupt_archives_fail()
    {
        WorkerDisk disk;
        const Run plainTar = extractBytes(disk, buildArchive(ArchiveFormat::Tar, {Item::file(QStringLiteral("a"), "1")}), ArtifactKind::TarGz);
        QVERIFY(!plainTar.result.ok);
        QVERIFY2(plainTar.result.error.startsWith(QStringLiteral("invalid archive artifact")), qPrintable(plainTar.result.error));
        WorkerDisk disk2;
        const Run garbage = extractBytes(disk2, QByteArray(4096, '\x42'), ArtifactKind::TarZst);
        QVERIFY(!garbage.result.ok);
        QVERIFY2(garbage.result.error.startsWith(QStringLiteral("invalid archive artifact")), qPrintable(garbage.result.error));
    }

    // Entries go below the canonical backends directory by absolute paths: the working directory
    // does not matter (several in-process workers of the demo share one), a non-canonical base is refused.
    void extracts_whatever_the_working_directory()
    {
        WorkerDisk disk;
        QDir::setCurrent(disk.root());
        const Run r = extractItems(disk, {Item::file(QStringLiteral("a"), "1")});
        QVERIFY2(r.result.ok, qPrintable(r.result.error));
        QCOMPARE(readFile(disk.backends() + QLatin1Char('/') + QLatin1String(kStagingRel) + QStringLiteral("/tree/a")), QByteArray("1"));
        QVERIFY(!QFileInfo::exists(disk.root() + QStringLiteral("/a")));
        QVERIFY(QFile::link(disk.backends(), disk.root() + QStringLiteral("/via-link")));
        ArchiveExtractor viaLink(disk.root() + QStringLiteral("/via-link"));
        const ExtractResult refused = viaLink.extract(QStringLiteral("x"), ArtifactKind::TarGz, QStringLiteral("t"), QStringLiteral("x"));
        QVERIFY(refused.error.startsWith(QStringLiteral("internal error: the backends directory")));
    }

    void guard_normalises_names()
    {
        QCOMPARE(ArchiveGuard::normalise(QStringLiteral("./a//b/./c")), std::optional<QStringList>({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(!ArchiveGuard::normalise(QStringLiteral("a/..")));
        QVERIFY(!ArchiveGuard::normalise(QStringLiteral("/a")));
        QVERIFY(!ArchiveGuard::normalise(QStringLiteral("c:x")));
        QVERIFY(!ArchiveGuard::normalise(QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b")));
        ArchiveGuard g;
        QVERIFY(g.check(QStringLiteral("./"), ArchiveGuard::Kind::Dir, {}).skip);
        QCOMPARE(g.check(QStringLiteral("a/b/link"), ArchiveGuard::Kind::Symlink, QStringLiteral("../..")).error, QString());
        QCOMPARE(g.check(QStringLiteral("a/b/link"), ArchiveGuard::Kind::Symlink, QStringLiteral("../../..")).error,
                 QStringLiteral("symlink escapes target directory: a/b/link -> ../../.."));
    }
};

QTEST_GUILESS_MAIN(TestWorkerArchive)
#include "tst_worker_archive.moc"
