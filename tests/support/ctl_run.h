#pragma once
// fleetdeckctl run as its own process by the integration tests, with `--json`.
#include "test_util.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace fleetdeck::test {

struct CtlRun {
    int exitCode = -1;
    QJsonObject json;
    QString stdErr;
    // For failure messages: stderr, then the JSON printed.
    QString describe() const { return stdErr + QString::fromUtf8(QJsonDocument(json).toJson()); }
};

// Runs `ctl base --json args` while this thread's event loop keeps serving (the test's artifact
// server answers the workers meanwhile).
inline CtlRun runCtl(const QString &ctl, const QStringList &base, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(ctl, base + QStringList{QStringLiteral("--json")} + args);
    CtlRun r;
    if (!p.waitForStarted() || !waitUntil([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.stdErr = QStringLiteral("fleetdeckctl %1 did not finish").arg(args.join(QLatin1Char(' ')));
        return r;
    }
    r.exitCode = p.exitCode();
    r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    r.stdErr = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace fleetdeck::test
