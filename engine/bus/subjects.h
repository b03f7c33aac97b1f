#pragma once
// Subject names (docs/protocol.md#subjects) and token sanitisation (docs/protocol.md#rules).
#include <QString>

namespace fleetdeck::subjects {

// '.', '*', '>', space, tab, CR and LF become '-'. An empty token is an error: callers send nothing.
QString sanitizeToken(const QString &token);

QString opcacheStart();
QString opcacheEnd();
QString opProgress(const QString &opId);   // gallery.<id>.progress
QString opCancel(const QString &opId);     // gallery.<id>.cancel
inline QString opProgressAll() { return QStringLiteral("gallery.*.progress"); }
inline QString opCancelAll() { return QStringLiteral("gallery.*.cancel"); }
inline QString cacheInvalidateBackends() { return QStringLiteral("cache.invalidate.backends"); }
inline QString historyAppended() { return QStringLiteral("fleetdeck.history.appended"); }
inline QString nodesChanged() { return QStringLiteral("fleetdeck.nodes.changed"); }
inline QString settingsChanged() { return QStringLiteral("fleetdeck.settings.changed"); }
inline QString reconcileReport() { return QStringLiteral("fleetdeck.reconcile.report"); }
inline QString upgradesCheck() { return QStringLiteral("fleetdeck.upgrades.check"); }
inline QString upgradesResult() { return QStringLiteral("fleetdeck.upgrades.result"); }
inline QString clusterHello() { return QStringLiteral("fleetdeck.cluster.hello"); }
QString nodeCommand(const QString &nodeName, const char *command); // nodes.<n>.backend.<command>
QString nodeProgress(const QString &nodeName, const QString &opId);  // nodes.<n>.backend.install.<op>.progress
inline QString nodesRegister() { return QStringLiteral("nodes.register"); }
inline QString nodeHeartbeatAll() { return QStringLiteral("nodes.*.heartbeat"); }
QString nodeHeartbeat(const QString &nodeName);  // nodes.<n>.heartbeat
QString nodeReregister(const QString &nodeName); // nodes.<n>.reregister

} // namespace fleetdeck::subjects
