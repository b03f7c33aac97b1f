#pragma once
// Enumerations of the data model (docs/architecture.md#store, docs/operations.md#states) and their
// wire/store spellings.
#include <QString>
#include <optional>

namespace fleetdeck {

enum class OpKind { Install, Upgrade, Delete };
enum class OpState { Queued, Running, RunningOnWorker, Success, Failed, Cancelled };
enum class NodeRowStatus { Queued, Downloading, Verifying, Extracting, RunningOnWorker, Success, Error, Cancelled };
enum class NodeStatus { Pending, Healthy, Unhealthy, Offline, Draining };

QString toString(OpKind k);
QString toString(OpState s);
QString toString(NodeRowStatus s);
QString toString(NodeStatus s);

std::optional<OpKind> opKindFromString(const QString &s);
std::optional<OpState> opStateFromString(const QString &s);
std::optional<NodeRowStatus> nodeRowStatusFromString(const QString &s);
std::optional<NodeStatus> nodeStatusFromString(const QString &s);

inline bool isTerminal(OpState s) { return s == OpState::Success || s == OpState::Failed || s == OpState::Cancelled; }
inline bool isActive(OpState s) { return !isTerminal(s); }
inline bool isTerminal(NodeRowStatus s)
{
    return s == NodeRowStatus::Success || s == NodeRowStatus::Error || s == NodeRowStatus::Cancelled;
}

// "install" / "reinstall" (install with force) / "upgrade" / "delete" as used in refusals
// (docs/operations.md#admission step 4).
QString kindWord(OpKind k, bool force);

// A worker job's phase (resolving | downloading | verifying | extracting) as the node row status
// it shows, in the fan-out (a progress tick) and in the reconcile pass (a listing's job); none
// for a phase that names no row status (docs/protocol.md#worker-messages).
std::optional<NodeRowStatus> rowStatusForPhase(const QString &phase);
// A worker's percentage as rows store and show it: floor, clamped to 0..100 (docs/protocol.md#worker-messages).
int rowPercentage(double workerPercentage);

} // namespace fleetdeck
