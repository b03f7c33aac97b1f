#include "widgets/format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <array>
#include <utility>

namespace fleetdeck::ui {

namespace {
// lupdate takes the context of tr() from the class it is called on (Q_DECLARE_TR_FUNCTIONS's
// argument), not from a free helper: FormatText::tr() puts these strings under "Format" for both.
struct FormatText
{
    Q_DECLARE_TR_FUNCTIONS(Format)
};
} // namespace

QString relativeAge(qint64 ageMs)
{
    const qint64 s = std::max<qint64>(0, ageMs / 1000);
    if (s < 2)
        return FormatText::tr("just now");
    if (s < 60)
        return FormatText::tr("%1 s ago").arg(s);
    if (s < 3600)
        return FormatText::tr("%1 min ago").arg(s / 60);
    if (s < 86400)
        return FormatText::tr("%1 h ago").arg(s / 3600);
    return FormatText::tr("%1 d ago").arg(s / 86400);
}

QString duration(qint64 ms)
{
    if (ms < 1000)
        return FormatText::tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        return FormatText::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    if (s < 3600)
        return s % 60 ? FormatText::tr("%1 min %2 s").arg(s / 60).arg(s % 60) : FormatText::tr("%1 min").arg(s / 60);
    return FormatText::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString exactTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString bytes(qint64 n)
{
    // IEC units, one decimal, the locale's separators: "512.0 MiB", "512,0 MiB" in German.
    // Remembered per locale: every changed op's line, card and Manage cell word their sizes
    // (hundreds a frame at 20,000 events/s, bench_live_latency), and formattedDataSize asks the
    // system locale for each digit's form.
    struct Memo {
        QLocale locale;
        std::array<std::pair<qint64, QString>, 512> slots;
    };
    thread_local Memo memo{QLocale(), {}};
    const QLocale locale;
    if (!(locale == memo.locale)) {
        memo.locale = locale;
        memo.slots.fill({});
    }
    auto &slot = memo.slots[size_t(quint64(n) * 0x9E3779B97F4A7C15ULL >> 55)];
    if (slot.second.isEmpty() || slot.first != n)
        slot = {n, locale.formattedDataSize(n, 1)};
    return slot.second;
}

QString bytesOf(qint64 current, qint64 total)
{
    if (total <= 0)
        return current > 0 ? bytes(current) : QString();
    return FormatText::tr("%1 of %2").arg(bytes(current), bytes(total));
}

QString elideMiddle(const QString &s, int maxChars)
{
    if (s.size() <= maxChars || maxChars < 5)
        return s;
    const int head = (maxChars - 1) / 2;
    return s.left(head) + QChar(0x2026) + s.right(maxChars - head - 1);
}

} // namespace fleetdeck::ui
