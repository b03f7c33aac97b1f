#pragma once
// Collects the per-item results of a bulk action (drain 3 nodes, upgrade all) and reports them in
// one line once every callback is in: "Drained 2 nodes; gpu-a100-2: node gpu-a100-2 is offline".
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace fleetdeck::ui {

class BatchReport final {
public:
    // `summary(okNames)` words the successes ("" when none); `done(text, anyFailed)` gets the line.
    static std::shared_ptr<BatchReport> start(int count, std::function<QString(const QStringList &)> summary,
                                              std::function<void(const QString &, bool)> done)
    {
        auto r = std::shared_ptr<BatchReport>(new BatchReport);
        r->m_remaining = count;
        r->m_summary = std::move(summary);
        r->m_done = std::move(done);
        return r;
    }

    void succeeded(const QString &name, const QString &detail = {})
    {
        m_ok << name;
        if (!detail.isEmpty())
            m_details << detail;
        finishOne();
    }
    void failed(const QString &name, const QString &error)
    {
        m_errors << QStringLiteral("%1: %2").arg(name, error);
        finishOne();
    }

private:
    BatchReport() = default;
    void finishOne()
    {
        if (--m_remaining > 0 || !m_done)
            return;
        QStringList parts;
        const QString s = m_ok.isEmpty() ? QString() : m_summary(m_ok);
        if (!s.isEmpty())
            parts << s;
        parts << m_details << m_errors;
        auto done = std::move(m_done);
        m_done = nullptr;
        done(parts.join(QStringLiteral("; ")), !m_errors.isEmpty());
    }

    int m_remaining = 0;
    QStringList m_ok, m_details, m_errors;
    std::function<QString(const QStringList &)> m_summary;
    std::function<void(const QString &, bool)> m_done;
};

} // namespace fleetdeck::ui
