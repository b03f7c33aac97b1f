#pragma once
// The engine's reasons in the admin's language (issue #15 item 2, docs/reason-codes.md): every code
// of the table worded with tr() in one context, fleetdeck::ui::ReasonText, its args filled with the
// locale's numbers, sizes and durations, a nested reason worded the same way. A reason without a
// code (an old worker or row, a driver's text) or with a code this build does not know reads as the
// engine's English text. The English text itself stays a detail (tooltips, "Copy details").
#include "core/reason.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace fleetdeck::ui {

struct ReasonText {
    Q_DECLARE_TR_FUNCTIONS(fleetdeck::ui::ReasonText)
};

// `r` worded in the current language; `englishFallback` when it has no code or an unknown one
// (empty fallback: the reason's own plain text).
QString reasonText(const Reason &r, const QString &englishFallback = {});

// An optional English text and its code: the worded reason, or nullopt when there is no text.
std::optional<QString> reasonText(const Reason &r, const std::optional<QString> &englishFallback);

// A node status (the wire's word, "draining") where a sentence states it, verb included: "is
// draining", German "wird geleert", "ist offline". A language words the verb with the status, so
// "is" + a status word would read "ist wird geleert". An unknown status reads "is <status>".
QString nodeStatusPredicate(const QString &status);

} // namespace fleetdeck::ui
