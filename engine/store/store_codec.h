#pragma once
// Row <-> value conversions of the store (docs/architecture.md#store): column lists, JSON text
// columns, nullable binds, booleans as int.
#include "core/history_entry.h"
#include "core/node.h"
#include "core/operation.h"
#include "core/pending_node_op.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlQuery>
#include <QVariant>
#include <optional>

namespace fleetdeck::storecodec {

// Compact JSON text of any JSON value ("\"abc\"", "{}", "[1,2]", "true").
QString jsonText(const QJsonValue &v);
QString jsonText(const QJsonObject &o);
QString jsonText(const QJsonArray &a);
// Parses compact JSON text of any value; Undefined when it is not JSON.
QJsonValue jsonValue(const QString &text);
QJsonObject jsonObject(const QString &text);
QJsonArray jsonArray(const QString &text);

// Nullable binds: QVariant() (SQL NULL) for nullopt.
QVariant text(const std::optional<QString> &s);
QVariant int64(const std::optional<qint64> &v);
QVariant int32(const std::optional<int> &v);
inline QVariant flag(bool b) { return QVariant(b ? 1 : 0); }

std::optional<QString> optText(const QSqlQuery &q, int i);

// A reason's two columns (`<field>_code`, `<field>_args`): both NULL without a code. Read back, a
// NULL, malformed or unknown code is no reason (docs/reason-codes.md), and so is a code whose
// English text is not `text`, the row's text column: an older build that knows no codes wrote the
// text after a newer one wrote the code.
QVariant reasonCode(const Reason &r);
QVariant reasonArgs(const Reason &r);
Reason reasonFromColumns(const QSqlQuery &q, int codeColumn, const QString &text); // args in the next column
std::optional<qint64> optInt64(const QSqlQuery &q, int i);

// Column lists; the decoders read columns by position in exactly this order.
extern const char *const kOpColumns;
extern const char *const kNodeRowColumns;
extern const char *const kPendingColumns; // unqualified; prefix with "p." via pendingColumns("p.")
extern const char *const kNodeColumns;
extern const char *const kHistoryColumns;
QString pendingColumns(const QString &prefix);

Operation opFromRow(const QSqlQuery &q);
NodeProgress nodeRowFromRow(const QSqlQuery &q, int first = 0);
PendingNodeOp pendingFromRow(const QSqlQuery &q, int first = 0);
Node nodeFromRow(const QSqlQuery &q);
HistoryEntry historyFromRow(const QSqlQuery &q);

// `status IN ('success','error','cancelled')` etc., for building statements.
extern const char *const kActiveOpStates;   // ('queued','running','running_on_worker')
extern const char *const kTerminalOpStates; // ('success','failed','cancelled')
extern const char *const kTerminalRowStates; // ('success','error','cancelled')

} // namespace fleetdeck::storecodec
