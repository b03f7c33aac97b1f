#pragma once
// Sends events at a steady rate from the calling thread: event i is due at i / rate seconds, and
// the loop sleeps 0.5 ms between catch-ups, so at 20 000/s about ten leave per wake-up. A sender
// that cannot keep up falls behind; the achieved rate is returned and printed.
#include <QtGlobal>

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>

namespace livelat {

struct Paced {
    qint64 sent = 0;
    double seconds = 0;
    double rate() const { return seconds > 0 ? double(sent) / seconds : 0; }
};

inline Paced pace(double rate, double seconds, const std::function<void(qint64 i)> &send)
{
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const qint64 total = qint64(rate * seconds);
    Paced p;
    while (p.sent < total) {
        const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
        const qint64 due = std::min(total, qint64(elapsed * rate) + 1);
        while (p.sent < due)
            send(p.sent++);
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    p.seconds = std::chrono::duration<double>(clock::now() - start).count();
    return p;
}

} // namespace livelat
