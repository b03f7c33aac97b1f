#include "live_latency/raw_baseline.h"

#include <QUuid>
#include <nats/nats.h>

#include <thread>

namespace livelat {

namespace {

constexpr int kSeqDigits = 16; // the event's number, zero-padded, at the start of the payload

struct Receiver {
    std::vector<qint64> receivedNs;
    std::atomic<qint64> count{0};
};

void onMessage(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    const qint64 at = nowNs();
    auto *r = static_cast<Receiver *>(closure);
    if (natsMsg_GetDataLength(msg) >= kSeqDigits) {
        const qint64 seq = QByteArray(natsMsg_GetData(msg), kSeqDigits).toLongLong();
        if (seq >= 0 && seq < qint64(r->receivedNs.size()))
            r->receivedNs[size_t(seq)] = at;
    }
    natsMsg_Destroy(msg);
    r->count.fetch_add(1);
}

QString natsError(const char *what, natsStatus s)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QLatin1String(natsStatus_GetText(s)));
}

} // namespace

BaselineResult runBaseline(const QString &url, double rate, double seconds, int payloadBytes)
{
    BaselineResult out;
    const qint64 total = qint64(rate * seconds);
    Receiver receiver;
    receiver.receivedNs.assign(size_t(total), 0);
    std::vector<qint64> sentNs(size_t(total), 0);
    natsConnection *pub = nullptr, *sub = nullptr;
    natsSubscription *subscription = nullptr;
    const QByteArray u = url.toUtf8();
    const QByteArray subject = "livelat.baseline." + QUuid::createUuid().toString(QUuid::Id128).left(12).toUtf8();
    natsStatus s = natsConnection_ConnectTo(&pub, u.constData());
    if (s == NATS_OK)
        s = natsConnection_ConnectTo(&sub, u.constData());
    if (s == NATS_OK)
        s = natsConnection_Subscribe(&subscription, sub, subject.constData(), onMessage, &receiver);
    if (s == NATS_OK)
        s = natsConnection_FlushTimeout(sub, 5000); // the subscription is on the server
    if (s != NATS_OK) {
        out.error = natsError("baseline connect/subscribe", s);
    } else {
        QByteArray payload(std::max(payloadBytes, kSeqDigits + 1), 'x');
        out.paced = pace(rate, seconds, [&](qint64 i) {
            const QByteArray seq = QByteArray::number(i).rightJustified(kSeqDigits, '0');
            std::copy(seq.begin(), seq.end(), payload.begin());
            sentNs[size_t(i)] = nowNs();
            natsConnection_Publish(pub, subject.constData(), payload.constData(), int(payload.size()));
        });
        natsConnection_FlushTimeout(pub, 5000);
        for (int waited = 0; receiver.count.load() < out.paced.sent && waited < 3000; waited += 5)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (subscription) {
        // No callback may run once `receiver` is gone.
        if (natsSubscription_Drain(subscription) == NATS_OK)
            natsSubscription_WaitForDrainCompletion(subscription, 5000);
        natsSubscription_Destroy(subscription);
    }
    natsConnection_Destroy(pub);
    natsConnection_Destroy(sub);
    std::vector<double> ms;
    ms.reserve(size_t(out.paced.sent));
    for (qint64 i = 0; i < out.paced.sent; ++i)
        if (receiver.receivedNs[size_t(i)] > 0)
            ms.push_back(double(receiver.receivedNs[size_t(i)] - sentNs[size_t(i)]) / 1e6);
    out.received = qint64(ms.size());
    out.latency = summarize(std::move(ms));
    return out;
}

} // namespace livelat
