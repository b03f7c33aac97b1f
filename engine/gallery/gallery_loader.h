#pragma once
// Loads the cluster's galleries (docs/gallery.md#configuration): absolute paths, file:// and
// http(s):// URLs, 30 s timeout and 16 MiB cap each, in list order. A gallery that fails keeps its
// last good copy; the error and that copy's age are reported. Runs on the thread that owns the
// loader.
#include "gallery/gallery_catalog.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

class QNetworkAccessManager;

namespace fleetdeck {

class Clock;

struct GallerySourceState {
    QString url;
    QString error;          // empty when the last load succeeded
    qint64 loadedAt = 0;    // ms of the copy in use (0 = none)
};

class GalleryLoader final : public QObject {
    Q_OBJECT
public:
    GalleryLoader(GalleryCatalog *catalog, Clock *clock, QObject *parent = nullptr);

    void setTimeoutMs(qint64 ms) { m_timeoutMs = ms; }
    // Loads every url (in order) and replaces the catalog's indexes when done.
    void load(const QStringList &urls);
    QList<GallerySourceState> states() const;

    static constexpr qint64 kMaxBytes = 16LL * 1024 * 1024;

Q_SIGNALS:
    void loaded();

private:
    void fetch(const QString &url, std::function<void(const QByteArray &, const QString &)> done);
    void finishOne(int generation, int index, const QString &url, const QByteArray &data, const QString &error);

    GalleryCatalog *m_catalog;
    Clock *m_clock;
    QNetworkAccessManager *m_nam = nullptr;
    qint64 m_timeoutMs = 30'000;
    int m_generation = 0;
    int m_outstanding = 0;
    QStringList m_urls;
    QHash<QString, GalleryIndex> m_lastGood;
    QHash<QString, GallerySourceState> m_states;
};

} // namespace fleetdeck
