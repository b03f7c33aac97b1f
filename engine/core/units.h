#pragma once
// English renderings of sizes and ages shared by the reason texts (core/reason.cpp), the aggregate
// message and the node refusals.
#include <QString>

namespace fleetdeck {

// "1.2 GiB" style sizes (base 1024, one decimal).
QString humanSize(qint64 bytes);
// "12 s", "10 min", "2 h", "3 d" (refusal texts, logs).
QString formatAge(qint64 ms);

} // namespace fleetdeck
