#pragma once
// Keeps our reference to closed nats.c subscriptions until the connection's read loop can no longer
// touch them, then releases it.
//
// Why: nats.c 3.4.1's read loop looks a subscription up under the connection's subscription lock,
// releases that lock and only then locks the subscription (fixed upstream in 3.6, nats.c #637/#638).
// Had our natsSubscription_Destroy dropped the last reference in that window, the read loop would
// lock freed memory (seen as a hang in tst_nats_bus). A closed subscription is no longer in the
// connection's table, so once a flush started after it was retired completes — the read loop has
// processed the PONG and therefore every message before it — or once the connection is closed and
// its read loop joined, releasing it is safe.
#include <nats/nats.h>

#include <QMutex>
#include <vector>

namespace fleetdeck {

class NatsRetiredSubs final {
public:
    NatsRetiredSubs() = default;
    ~NatsRetiredSubs();
    NatsRetiredSubs(const NatsRetiredSubs &) = delete;
    NatsRetiredSubs &operator=(const NatsRetiredSubs &) = delete;

    // Takes over our reference to a closed subscription (any thread).
    void retire(natsSubscription *sub);
    // Runs a blocking flush on conn and releases what was retired before it, if it succeeds.
    // Call from a helper thread; a no-op while another sweep runs.
    void sweep(natsConnection *conn, int timeoutMs);
    // The connection is closed and its read loop joined: release everything, now and later.
    void connectionClosed();
    int size() const;

private:
    static void release(std::vector<natsSubscription *> &subs);
    mutable QMutex m_mutex;
    std::vector<natsSubscription *> m_subs;
    bool m_sweeping = false;
    bool m_closed = false;
};

} // namespace fleetdeck
