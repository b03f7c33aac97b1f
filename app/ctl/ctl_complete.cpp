#include "ctl_complete.h"

#include "config/cluster_settings.h"
#include "core/clock.h"
#include "ctl_output.h"
#include "gallery/gallery_index.h"
#include "gallery/gallery_loader.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace fleetdeck::ctl {

namespace {

// The backends of a local gallery index; an http(s) gallery, or one that cannot be read, gives none.
QStringList localGalleryBackends(const QString &url)
{
    const QUrl u = url.startsWith(QLatin1Char('/')) ? QUrl::fromLocalFile(url) : QUrl(url);
    if (!u.isLocalFile())
        return {};
    QFile f(u.toLocalFile());
    if (f.size() > GalleryLoader::kMaxBytes || !f.open(QIODevice::ReadOnly))
        return {};
    const Result<GalleryIndex> index = GalleryIndex::parse(f.readAll(), url);
    QStringList names;
    if (index) {
        for (const GalleryEntry &e : index->entries)
            names << e.name;
    }
    return names;
}

QStringList backendNames(Store &store, const ProcessConfig &config)
{
    QStringList names;
    if (const auto ops = store.loadOpsForHydration(0))
        for (const Operation &op : ops.value())
            names << op.backend;
    if (const auto history = store.listHistory(100000))
        for (const HistoryEntry &e : history.value())
            names << e.backend;
    if (const auto pending = store.listPending())
        for (const PendingNodeOp &p : pending.value())
            names << p.backend;
    QStringList galleries = config.galleryUrls;
    if (galleries.isEmpty()) {
        if (const auto rows = store.settings())
            for (const GallerySource &g : ClusterSettings(rows.value()).galleries())
                galleries << g.url;
    }
    for (const QString &url : std::as_const(galleries))
        names << localGalleryBackends(url);
    return names;
}

} // namespace

int complete(const ProcessConfig &config, const QStringList &what)
{
    const QString kind = what.value(0);
    QStringList words;
    if (kind == QLatin1String("settings")) {
        for (const SettingSpec &spec : ClusterSettings::specs())
            words << QLatin1String(spec.key);
    } else if (kind == QLatin1String("nodes") || kind == QLatin1String("backends") || kind == QLatin1String("ops")) {
        // A shell waits for us: whatever blocks (a database that does not answer, a slow file
        // system) ends the process after 1 s with nothing printed.
        std::thread([] {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            std::_Exit(Unreachable);
        }).detach();
        const Result<StoreConfig> storeConfig = config.storeConfig();
        if (!storeConfig)
            return Usage;
        // A missing SQLite file stays missing: opening it would create an empty store.
        if (storeConfig->driver == StoreConfig::Driver::Sqlite && !QFileInfo(storeConfig->path).isFile())
            return Ok;
        auto store = Store::open(storeConfig.value(), SystemClock::instance(), QStringLiteral("ctl-complete"));
        if (!store)
            return Unreachable;
        Store &s = *store.value();
        if (kind == QLatin1String("nodes")) {
            if (const auto nodes = s.listNodes())
                for (const Node &n : nodes.value())
                    words << n.name;
        } else if (kind == QLatin1String("ops")) {
            if (const auto ops = s.loadOpsForHydration(0))
                for (const Operation &op : ops.value())
                    words << op.id;
        } else {
            words = backendNames(s, config);
        }
    } else {
        std::fprintf(stderr, "fleetdeckctl: __complete nodes|backends|ops|settings\n");
        return Usage;
    }
    words.removeAll(QString());
    words.removeDuplicates();
    words.sort();
    const QByteArray out = words.isEmpty() ? QByteArray() : words.join(QLatin1Char('\n')).toUtf8() + '\n';
    std::fwrite(out.constData(), 1, static_cast<size_t>(out.size()), stdout);
    std::fflush(stdout);
    return Ok;
}

} // namespace fleetdeck::ctl
