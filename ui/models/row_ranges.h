#pragma once
// Removing rows by diff, as contiguous ranges from the end so earlier rows keep their numbers
// (one beginRemoveRows per range, never a reset). Shared by the table models.
#include <functional>

namespace fleetdeck::ui {

// Calls remove(first, last) for every maximal run of rows in [0, count) that keep() refuses,
// last run first.
inline void forEachRemovedRange(int count, const std::function<bool(int)> &keep,
                                const std::function<void(int, int)> &remove)
{
    for (int last = count - 1; last >= 0;) {
        if (keep(last)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !keep(first - 1))
            --first;
        remove(first, last);
        last = first - 1;
    }
}

} // namespace fleetdeck::ui
