#pragma once
// The baseline of bench_live_latency: one raw nats.c hop, publish on one connection → a
// subscription callback on another, at the same rate and message size as the measured path, on
// the same server, in the same run. The receive time is taken in the callback (nats.c's delivery
// thread), before anything else is done with the message.
#include "live_latency/ledger.h"
#include "live_latency/pacer.h"

#include <QString>

namespace livelat {

struct BaselineResult {
    Paced paced;
    qint64 received = 0;
    Summary latency;
    QString error; // empty on success
};

BaselineResult runBaseline(const QString &url, double rate, double seconds, int payloadBytes);

} // namespace livelat
