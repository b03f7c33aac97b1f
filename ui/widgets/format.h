#pragma once
// Shared wording of times and sizes (docs/gui.md: relative times with the exact time in the
// tooltip; docs/gui.md#operations-bar "512.0 MiB of 1.2 GiB").
#include <QString>

namespace fleetdeck::ui {

QString relativeAge(qint64 ageMs);               // "just now", "12 s ago", "4 min ago", "2 h ago", "3 d ago"
QString duration(qint64 ms);                     // "812 ms", "4.2 s", "1 min 15 s", "2 h 3 min"
QString exactTime(qint64 epochMs);               // local "2026-11-26 22:47:46"
QString bytes(qint64 n);                         // "512.0 MiB" (QLocale::formattedDataSize)
QString bytesOf(qint64 current, qint64 total);   // "512.0 MiB of 1.2 GiB" / "512.0 MiB"
QString elideMiddle(const QString &s, int maxChars);

} // namespace fleetdeck::ui
