#pragma once
// Roles shared by the table models (Nodes, Manage, Activity) and TableCellDelegate. Every role a
// delegate paints from also has its meaning in Qt::AccessibleTextRole (docs/gui.md#data-flow).
#include "theme/theme.h"

#include <QString>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

namespace fleetdeck::ui {

namespace TableRole {
enum : int {
    Tone = Qt::UserRole + 1, // int(ui::Tone) of the cell's status, absent when the cell has none
    Shape,                   // QString: the status shape (● ▲ ■ ◆ ○ …) drawn before the display text
    Chips,                   // QVariantList of chip maps (makeChip) drawn after the display text
    Actions,                 // QVariantList of action maps (makeAction) drawn as small buttons
    Sort,                    // value the proxy sorts by
    Key,                     // stable id of the row (node id, history id, backend name)
    RowKind,                 // int: model-specific kind of row (top-level item, child, placeholder)
    Spanned,                 // bool: a placeholder row whose first column spans the row
    User = Qt::UserRole + 32 // first model-specific role
};
}

inline QVariantMap makeChip(const QString &text, Tone tone, const QString &toolTip = {})
{
    return QVariantMap{{QStringLiteral("text"), text},
                       {QStringLiteral("tone"), int(tone)},
                       {QStringLiteral("toolTip"), toolTip}};
}

inline QVariantMap makeAction(const QString &id, const QString &text, bool enabled = true, const QString &toolTip = {})
{
    return QVariantMap{{QStringLiteral("id"), id},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("toolTip"), toolTip}};
}

} // namespace fleetdeck::ui
