#pragma once
// The simulated network link of one demo node (docs/architecture.md#demo-cluster): paces its
// file:// artifact reads so a transfer takes `transferMs` of the injected clock (gpu-a100-*:
// seconds, jetson-orin: 45 s), and lets the tour pause the transfers of one artifact (a stalled
// download, docs/gui.md#stalled). Transfers run on worker job threads; every member is safe from
// any thread.
#include "worker/artifact_fetcher.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace fleetdeck {

class Clock;

class DemoPacer final {
public:
    DemoPacer(Clock *clock, qint64 transferMs);

    qint64 transferMs() const { return m_transferMs; }
    // Transfers whose URI contains `match` make no progress from fromMs until untilMs (clock time).
    void pause(const QString &match, qint64 fromMs, qint64 untilMs);
    void resume(const QString &match);

    // A fresh throttle for one transfer (FetchOptions::fileThrottle).
    FetchOptions::FileThrottle throttle(const QString &uri);

private:
    struct Window {
        qint64 from = 0;
        qint64 until = 0;
    };
    // The end of the pause covering `now` for this URI, or 0.
    qint64 pausedUntil(const QString &uri, qint64 now) const;

    Clock *m_clock;
    qint64 m_transferMs;
    mutable QMutex m_mutex;
    QHash<QString, Window> m_pauses; // match → window
};

} // namespace fleetdeck
