#include "gallery/gallery_loader.h"

#include "core/clock.h"

#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

Q_LOGGING_CATEGORY(lcGallery, "fleetdeck.engine.gallery")

namespace fleetdeck {

GalleryLoader::GalleryLoader(GalleryCatalog *catalog, Clock *clock, QObject *parent)
    : QObject(parent), m_catalog(catalog), m_clock(clock)
{
}

QList<GallerySourceState> GalleryLoader::states() const
{
    QList<GallerySourceState> out;
    for (const QString &url : m_urls)
        out.append(m_states.value(url, GallerySourceState{url, QStringLiteral("not loaded yet"), 0}));
    return out;
}

void GalleryLoader::load(const QStringList &urls)
{
    const int generation = ++m_generation;
    m_urls = urls;
    m_outstanding = static_cast<int>(urls.size());
    if (urls.isEmpty()) {
        m_catalog->setIndexes({});
        Q_EMIT loaded();
        return;
    }
    for (int i = 0; i < urls.size(); ++i) {
        const QString url = urls.at(i);
        fetch(url, [this, generation, i, url](const QByteArray &data, const QString &error) {
            finishOne(generation, i, url, data, error);
        });
    }
}

void GalleryLoader::fetch(const QString &url, std::function<void(const QByteArray &, const QString &)> done)
{
    const QUrl u = url.startsWith(QLatin1Char('/')) ? QUrl::fromLocalFile(url) : QUrl(url);
    if (u.isLocalFile()) {
        QFile f(u.toLocalFile());
        if (!f.open(QIODevice::ReadOnly)) {
            done({}, QStringLiteral("cannot read %1: %2").arg(u.toLocalFile(), f.errorString()));
            return;
        }
        if (f.size() > kMaxBytes) {
            done({}, QStringLiteral("gallery index larger than 16 MiB"));
            return;
        }
        done(f.readAll(), {});
        return;
    }
    if (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) {
        done({}, QStringLiteral("unsupported gallery URL \"%1\"").arg(url));
        return;
    }
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QNetworkRequest req(u);
    req.setTransferTimeout(static_cast<int>(m_timeoutMs));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_nam->get(req);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [reply, done]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::OperationCanceledError && reply->bytesAvailable() >= 0) {
            done({}, QStringLiteral("gallery index larger than 16 MiB or timed out"));
        } else if (status >= 400) {
            done({}, QStringLiteral("HTTP %1").arg(status));
        } else if (reply->error() != QNetworkReply::NoError) {
            done({}, reply->errorString());
        } else {
            done(reply->readAll(), {});
        }
    });
}

void GalleryLoader::finishOne(int generation, int, const QString &url, const QByteArray &data, const QString &fetchError)
{
    if (generation != m_generation)
        return;
    GallerySourceState &st = m_states[url];
    st.url = url;
    QString error = fetchError.isEmpty() ? QString() : QStringLiteral("gallery %1: %2").arg(url, fetchError);
    if (error.isEmpty()) {
        auto index = GalleryIndex::parse(data, url);
        if (index) {
            for (const QString &w : index->warnings)
                qCWarning(lcGallery).noquote() << w;
            m_lastGood.insert(url, index.value());
            st.loadedAt = m_clock->nowMs();
        } else {
            error = index.error();
        }
    }
    st.error = error;
    if (!st.error.isEmpty())
        qCWarning(lcGallery).noquote() << st.error << (m_lastGood.contains(url) ? "(keeping the last good copy)" : "");
    if (--m_outstanding > 0)
        return;
    QList<GalleryIndex> indexes;
    for (const QString &u : std::as_const(m_urls))
        if (m_lastGood.contains(u))
            indexes.append(m_lastGood.value(u));
    m_catalog->setIndexes(indexes);
    Q_EMIT loaded();
}

} // namespace fleetdeck
