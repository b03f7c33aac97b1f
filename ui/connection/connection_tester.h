#pragma once
// "Test connection" of a profile: the store, NATS and each gallery, each checked on a worker thread
// (the GUI thread never waits), each reported on its own line with ✓ or ✗ and the error. The store
// is opened and read (schema version, cluster id), never migrated; a SQLite file that does not
// exist yet is not created. NATS: connect + flush with a 2 s timeout. A gallery: fetch + parse
// (docs/gallery.md#index-format).
#include "connection/profile_store.h"

#include <QObject>
#include <QStringList>

namespace fleetdeck::ui {

class ConnectionTester final : public QObject {
    Q_OBJECT
public:
    struct Line {
        QString text;
        bool ok = false;
        bool done = false;
    };

    explicit ConnectionTester(QObject *parent = nullptr);

    // Starts every check; lines() holds one line per part (store, NATS, galleries in order).
    // A new start() forgets the results of a previous run still in flight.
    void start(const ProfileRecord &profile, const ProfileSecrets &secrets);
    bool isRunning() const { return m_outstanding > 0; }
    const QList<Line> &lines() const { return m_lines; }
    // The lines as shown: "✓ Store …" / "✗ NATS …: <error>" / "… Gallery …: testing".
    QString report() const;
    bool allOk() const;

    // The checks themselves; blocking, for worker threads (tests call them directly too).
    static Line checkStore(const ProfileRecord &profile, const QString &password);
    static Line checkNats(const ProfileRecord &profile, const ProfileSecrets &secrets, qint64 flushTimeoutMs = 2000);
    static Line checkGallery(const QString &url, qint64 timeoutMs = 30000);

Q_SIGNALS:
    void lineChanged(int index);
    void finished(bool allOk);

private:
    void run(int index, std::function<Line()> check);

    QList<Line> m_lines;
    int m_outstanding = 0;
    int m_generation = 0;
};

} // namespace fleetdeck::ui
