#pragma once
// A stable code beside the English text of an error or reason the engine or a worker produces
// (docs/reason-codes.md): the code names what happened, `args` holds the values that word it. The
// English text is never written by hand next to a code: englishText() makes it from the one table
// in reason.cpp, so the text that logs, `fleetdeckctl` and old peers read and the code a window
// words in the admin's language can never disagree.
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <initializer_list>
#include <utility>

namespace fleetdeck {

struct Reason {
    QString code;     // docs/reason-codes.md; empty: no code (an old worker or row, a driver's text)
    QJsonObject args; // the values the code's text names; a nested reason is reasonToJson()'s object

    bool hasCode() const { return !code.isEmpty(); }
    bool operator==(const Reason &) const = default;

    // Reason::make("sha256_mismatch", {{"backend", name}, {"expected", want}, {"actual", got}}).
    // A code missing from the table is a programming error (asserted in debug builds).
    using Arg = std::pair<const char *, QJsonValue>;
    static Reason make(const char *code, std::initializer_list<Arg> args = {});
    // An English text without a code: {"text": …}, worded as it is. A field that holds one keeps no
    // code (withCode()), so it reads back from a message or a row as it was written.
    static Reason plain(const QString &text);
};

// The English text of `r`: its code's template filled from its args, or the plain text.
QString englishText(const Reason &r);

// The reason itself when it has a code, else no reason: what a field of a record keeps.
Reason withCode(const Reason &r);

// `coded` when it has a code, else `text` as a plain reason: a message's text field and its code.
Reason codedOrPlain(const Reason &coded, const QString &text);

// A reason nested in another's args: {"text": …, "code": …, "args": {…}}, code and args only when
// it has a code. Read back, an unknown code (a newer peer's) becomes its plain text.
QJsonObject reasonToJson(const Reason &r);
Reason reasonFromJson(const QJsonValue &v);

// The additive keys of a message or record beside its English text field: `<field>_code` and
// `<field>_args`, written only for a reason with a code. Reading a message without them (an old
// peer or worker) gives no reason; a malformed or unknown code is ignored the same way.
void insertReason(QJsonObject &o, QLatin1StringView field, const Reason &r);
Reason readReason(const QJsonObject &o, QLatin1StringView field);

// Every code of the table, in table order, and the arg keys its text names.
QStringList reasonCodes();
QStringList reasonArgKeys(const QString &code);
QString reasonTemplate(const QString &code); // the English template, docs/reason-codes.md's column
bool isKnownReasonCode(const QString &code);

} // namespace fleetdeck

Q_DECLARE_METATYPE(fleetdeck::Reason)
