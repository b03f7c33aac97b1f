#pragma once
// A value or an error message naming what went wrong, with its code when it has one
// (docs/reason-codes.md).
#include "core/reason.h"

#include <QString>
#include <optional>
#include <utility>

namespace fleetdeck {

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {} // NOLINT: implicit by design
    static Result failure(QString error) { Result r; r.m_error = std::move(error); return r; }
    // The error's text is the reason's English text; reason() keeps its code and args.
    static Result failure(const Reason &reason)
    {
        Result r;
        r.m_error = englishText(reason);
        r.m_reason = withCode(reason);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const QString &error() const { return m_error; }
    // The error's code and args; no code for an error made from a text alone.
    const Reason &reason() const { return m_reason; }
    // The error as a reason: its code, or its text as a plain reason.
    Reason errorReason() const { return codedOrPlain(m_reason, m_error); }

private:
    Result() = default;
    std::optional<T> m_value;
    QString m_error;
    Reason m_reason;
};

struct Ok {};
using Status = Result<Ok>;
inline Status okStatus() { return Ok{}; }

} // namespace fleetdeck
