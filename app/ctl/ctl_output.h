#pragma once
// fleetdeckctl output (docs/architecture.md#programs): with --json exactly one JSON object on
// stdout; otherwise readable text. Progress lines and warnings always go to stderr.
#include <QJsonObject>
#include <QString>

namespace fleetdeck::ctl {

enum Exit { Ok = 0, Failed = 1, Usage = 2, Unreachable = 3, WaitTimeout = 4, Interrupted = 130 };

class Output {
public:
    explicit Output(bool json) : m_json(json) {}
    bool json() const { return m_json; }
    // The command's result: JSON as is, or `text` (falls back to indented JSON).
    void result(const QJsonObject &obj, const QString &text = {}) const;
    // {"error": message} on stdout with --json, "fleetdeckctl: message" on stderr otherwise.
    void error(const QString &message) const;
    static void warn(const QString &message);
    static void progress(const QString &line);

private:
    bool m_json;
};

} // namespace fleetdeck::ctl
