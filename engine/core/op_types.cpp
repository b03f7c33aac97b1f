#include "core/op_types.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fleetdeck {
namespace {

template <typename E, std::size_t N>
struct Names {
    std::array<const char *, N> names;
    QString of(E e) const { return QString::fromLatin1(names[static_cast<std::size_t>(e)]); }
    std::optional<E> parse(const QString &s) const
    {
        for (std::size_t i = 0; i < N; ++i)
            if (s == QLatin1String(names[i]))
                return static_cast<E>(i);
        return std::nullopt;
    }
};

constexpr Names<OpKind, 3> kKinds{{"install", "upgrade", "delete"}};
constexpr Names<OpState, 6> kStates{{"queued", "running", "running_on_worker", "success", "failed", "cancelled"}};
constexpr Names<NodeRowStatus, 8> kRowStatuses{
    {"queued", "downloading", "verifying", "extracting", "running_on_worker", "success", "error", "cancelled"}};
constexpr Names<NodeStatus, 5> kNodeStatuses{{"pending", "healthy", "unhealthy", "offline", "draining"}};

} // namespace

QString toString(OpKind k) { return kKinds.of(k); }
QString toString(OpState s) { return kStates.of(s); }
QString toString(NodeRowStatus s) { return kRowStatuses.of(s); }
QString toString(NodeStatus s) { return kNodeStatuses.of(s); }
std::optional<OpKind> opKindFromString(const QString &s) { return kKinds.parse(s); }
std::optional<OpState> opStateFromString(const QString &s) { return kStates.parse(s); }
std::optional<NodeRowStatus> nodeRowStatusFromString(const QString &s) { return kRowStatuses.parse(s); }
std::optional<NodeStatus> nodeStatusFromString(const QString &s) { return kNodeStatuses.parse(s); }

QString kindWord(OpKind k, bool force)
{
    if (k == OpKind::Install && force)
        return QStringLiteral("reinstall");
    return toString(k);
}

std::optional<NodeRowStatus> rowStatusForPhase(const QString &phase)
{
    if (phase == QLatin1String("resolving") || phase == QLatin1String("downloading"))
        return NodeRowStatus::Downloading;
    if (phase == QLatin1String("verifying"))
        return NodeRowStatus::Verifying;
    if (phase == QLatin1String("extracting"))
        return NodeRowStatus::Extracting;
    return std::nullopt;
}

int rowPercentage(double workerPercentage)
{
    return std::clamp(static_cast<int>(std::floor(workerPercentage)), 0, 100);
}

} // namespace fleetdeck
