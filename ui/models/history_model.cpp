#include "models/history_model.h"

#include "models/row_ranges.h"
#include "presentation/reason_text.h"
#include "widgets/format.h"

#include <QJsonObject>
#include <QSet>

namespace fleetdeck::ui {

struct HistoryModel::Item {
    HistoryEntry entry;
    QJsonArray nodes; // per-node results; a dead letter's one node
    int row = 0;
};

namespace {
QJsonArray nodesOf(const HistoryEntry &e)
{
    if (!e.nodes.isEmpty() || e.entryKind != QLatin1String("dead_letter"))
        return e.nodes;
    QJsonObject n{{QStringLiteral("node_id"), e.nodeId.value_or(QString())},
                  {QStringLiteral("node_name"), e.nodeName.value_or(QString())},
                  {QStringLiteral("status"), QStringLiteral("error")}};
    if (e.error)
        n.insert(QStringLiteral("error"), *e.error);
    return QJsonArray{n};
}

QString str(const QJsonValue &v, const char *key)
{
    return v.toObject().value(QLatin1String(key)).toString();
}

struct RowLook {
    QString shape, text;
    Tone tone;
};
RowLook nodeRowLook(const QString &status)
{
    if (status == QLatin1String("success"))
        return {QStringLiteral("●"), HistoryModel::tr("Done"), Tone::Ok};
    if (status == QLatin1String("error"))
        return {QStringLiteral("✖"), HistoryModel::tr("Failed"), Tone::Error};
    if (status == QLatin1String("cancelled"))
        return {QStringLiteral("■"), HistoryModel::tr("Cancelled"), Tone::Neutral};
    if (status == QLatin1String("running_on_worker"))
        return {QStringLiteral("◷"), HistoryModel::tr("Worker busy"), Tone::Warning};
    if (status == QLatin1String("queued"))
        return {QStringLiteral("○"), HistoryModel::tr("Queued"), Tone::Neutral};
    return {QStringLiteral("⟳"), status, Tone::Info};
}
} // namespace

HistoryModel::HistoryModel(QObject *parent) : TwoLevelModel(parent) {}
HistoryModel::~HistoryModel() = default;

QString HistoryModel::outcomeShape(const QString &outcome)
{
    if (outcome == QLatin1String("success"))
        return QStringLiteral("●");
    if (outcome == QLatin1String("failed"))
        return QStringLiteral("✖");
    if (outcome == QLatin1String("cancelled"))
        return QStringLiteral("■");
    return QStringLiteral("▲"); // dead_letter
}

QString HistoryModel::outcomeText(const QString &outcome)
{
    if (outcome == QLatin1String("success"))
        return tr("Succeeded");
    if (outcome == QLatin1String("failed"))
        return tr("Failed");
    if (outcome == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (outcome == QLatin1String("dead_letter"))
        return tr("Dead letter");
    return outcome;
}

Tone HistoryModel::outcomeTone(const QString &outcome)
{
    if (outcome == QLatin1String("success"))
        return Tone::Ok;
    if (outcome == QLatin1String("cancelled"))
        return Tone::Neutral;
    return Tone::Error;
}

bool HistoryModel::isRetryable(const HistoryEntry &e)
{
    if (e.outcome == QLatin1String("dead_letter"))
        return true;
    return (e.outcome == QLatin1String("failed") || e.outcome == QLatin1String("cancelled")) && e.opId
           && !e.opId->isEmpty();
}

QString HistoryModel::kindText(const HistoryEntry &e)
{
    if (e.kind == QLatin1String("install"))
        return e.params.value(QLatin1String("force")).toBool() ? tr("Reinstall") : tr("Install");
    if (e.kind == QLatin1String("upgrade"))
        return tr("Upgrade");
    if (e.kind == QLatin1String("delete"))
        return tr("Delete");
    return e.kind;
}

QString HistoryModel::retryText()
{
    return tr("Retry");
}

QString HistoryModel::nodeSummary(const HistoryEntry &e)
{
    if (e.entryKind == QLatin1String("dead_letter")) {
        const QString node = e.nodeName.value_or(QString());
        return e.attempts ? (*e.attempts == 1 ? tr("%1 · 1 attempt").arg(node) : tr("%1 · %2 attempts").arg(node).arg(*e.attempts)) : node;
    }
    int ok = 0, failed = 0, cancelled = 0, queued = 0, other = 0;
    for (const QJsonValue &n : e.nodes) {
        const QString s = str(n, "status");
        if (s == QLatin1String("success"))
            ++ok;
        else if (s == QLatin1String("error"))
            ++failed;
        else if (s == QLatin1String("cancelled"))
            ++cancelled;
        else if (s == QLatin1String("queued"))
            ++queued; // nodes not contacted (not healthy at contact time); the reconciler continues
        else
            ++other;
    }
    QStringList parts;
    if (ok)
        parts << tr("%1 ok").arg(ok);
    if (failed)
        parts << tr("%1 failed").arg(failed);
    if (cancelled)
        parts << tr("%1 cancelled").arg(cancelled);
    if (queued)
        parts << tr("%1 queued").arg(queued);
    if (other)
        parts << tr("%1 in progress").arg(other);
    return parts.join(QStringLiteral(", "));
}

void HistoryModel::renumber()
{
    for (size_t i = 0; i < m_items.size(); ++i)
        m_items[i]->row = int(i);
}

void HistoryModel::setHistory(const QList<HistoryEntry> &entries, qint64 nowMs)
{
    QSet<qint64> ids;
    for (const HistoryEntry &e : entries)
        ids.insert(e.id);
    forEachRemovedRange(
        int(m_items.size()), [&](int row) { return ids.contains(m_items[size_t(row)]->entry.id); },
        [&](int first, int last) {
            beginRemoveRows({}, first, last);
            for (int i = first; i <= last; ++i)
                m_byId.remove(m_items[size_t(i)]->entry.id);
            m_items.erase(m_items.begin() + first, m_items.begin() + last + 1);
            renumber();
            endRemoveRows();
        });
    // History rows never change once written; new ones arrive newest first, appended here (the
    // proxy sorts by time).
    QList<const HistoryEntry *> added;
    for (const HistoryEntry &e : entries)
        if (!m_byId.contains(e.id))
            added << &e;
    if (!added.isEmpty()) {
        const int first = int(m_items.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const HistoryEntry *e : added) {
            auto item = std::make_unique<Item>();
            item->entry = *e;
            item->nodes = nodesOf(*e);
            item->row = int(m_items.size());
            m_byId.insert(e->id, item.get());
            m_items.push_back(std::move(item));
        }
        endInsertRows();
    }
    setNow(nowMs);
}

void HistoryModel::setNow(qint64 nowMs)
{
    if (nowMs == m_now)
        return;
    m_now = nowMs;
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(int(m_items.size()) - 1, TimeColumn));
}

void HistoryModel::setActionsEnabled(bool enabled, const QString &reason)
{
    if (enabled == m_actionsEnabled && reason == m_disabledReason)
        return;
    m_actionsEnabled = enabled;
    m_disabledReason = reason;
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0, ActionsColumn), index(int(m_items.size()) - 1, ActionsColumn));
}

HistoryModel::Item *HistoryModel::itemOf(const QModelIndex &index) const
{
    return static_cast<Item *>(subtreeItem(index));
}

int HistoryModel::topLevelCount() const
{
    return int(m_items.size());
}

void *HistoryModel::topLevelItem(int row) const
{
    return m_items[size_t(row)].get();
}

int HistoryModel::rowOf(const void *item) const
{
    return static_cast<const Item *>(item)->row;
}

int HistoryModel::childRows(const void *item) const
{
    return int(static_cast<const Item *>(item)->nodes.size());
}

const HistoryEntry *HistoryModel::entryAt(const QModelIndex &index) const
{
    const Item *item = itemOf(index);
    return item ? &item->entry : nullptr;
}

int HistoryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags HistoryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return index.internalPointer() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren
                                   : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section == DurationColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OutcomeColumn: return tr("Outcome");
    case TimeColumn: return tr("Time");
    case KindColumn: return tr("Kind");
    case BackendColumn: return tr("Backend");
    case DurationColumn: return tr("Duration");
    case RequestedByColumn: return tr("Requested by");
    case NodesColumn: return tr("Nodes");
    case ErrorColumn: return tr("Error");
    case ActionsColumn: return tr("Actions");
    default: return {};
    }
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    const Item *item = itemOf(index);
    if (!item || index.column() >= ColumnCount)
        return {};
    const HistoryEntry &e = item->entry;
    switch (role) {
    case HistoryIdRole: return e.id;
    case OpIdRole: return e.opId.value_or(QString());
    case OutcomeRole: return e.outcome;
    case BackendRole: return e.backend;
    case RetryableRole: return isRetryable(e);
    case RetryByHistoryRole: return e.outcome == QLatin1String("dead_letter");
    default: break;
    }
    if (index.internalPointer())
        return nodeData(*item, index.row(), index.column(), role);
    return entryData(*item, index.column(), role);
}

QVariant HistoryModel::entryData(const Item &item, int column, int role) const
{
    const HistoryEntry &e = item.entry;
    const QString english = e.error.value_or(QString()); // "Copy error" copies the engine's words
    const QString error = reasonText(e.errorCode, english);
    switch (role) {
    case TableRole::Key: return e.id;
    case TableRole::RowKind: return int(EntryRow);
    case ErrorTextRole: return english;
    case Qt::AccessibleTextRole: {
        QString text = tr("%1 %2: %3, %4").arg(kindText(e), e.backend, outcomeText(e.outcome),
                                                relativeAge(m_now - e.finishedAt));
        const QString summary = nodeSummary(e);
        if (!summary.isEmpty())
            text += tr(", nodes: %1").arg(summary);
        if (!error.isEmpty())
            text += tr(", error: %1").arg(error);
        return text;
    }
    default: break;
    }
    switch (column) {
    case OutcomeColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole: return outcomeText(e.outcome);
        case TableRole::Shape: return outcomeShape(e.outcome);
        case TableRole::Tone: return int(outcomeTone(e.outcome));
        case TableRole::Sort: return e.outcome;
        }
        break;
    case TimeColumn:
        switch (role) {
        case Qt::DisplayRole: return relativeAge(m_now - e.finishedAt);
        case Qt::ToolTipRole: return exactTime(e.finishedAt);
        case TableRole::Sort: return e.finishedAt;
        }
        break;
    case KindColumn:
        if (role == Qt::DisplayRole || role == TableRole::Sort)
            return kindText(e);
        break;
    case BackendColumn:
        switch (role) {
        case Qt::DisplayRole:
        case TableRole::Sort: return e.backend;
        case Qt::ToolTipRole: return e.opId ? tr("%1 (op %2)").arg(e.backend, *e.opId) : e.backend;
        }
        break;
    case DurationColumn: {
        const qint64 ms = e.startedAt ? e.finishedAt - *e.startedAt : -1;
        switch (role) {
        case Qt::DisplayRole: return ms >= 0 ? duration(ms) : QVariant();
        case TableRole::Sort: return ms;
        case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    }
    case RequestedByColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == TableRole::Sort)
            return e.requestedBy;
        break;
    case NodesColumn:
        if (role == Qt::DisplayRole || role == TableRole::Sort || role == Qt::ToolTipRole)
            return nodeSummary(e);
        break;
    case ErrorColumn:
        switch (role) {
        case Qt::DisplayRole: return error.section(QLatin1Char('\n'), 0, 0);
        case Qt::ToolTipRole: return error.isEmpty() ? QVariant() : QVariant(error);
        case TableRole::Sort: return error;
        case TableRole::Tone: return error.isEmpty() ? QVariant() : QVariant(int(Tone::Error));
        }
        break;
    case ActionsColumn:
        if (role == TableRole::Actions && isRetryable(e)) {
            const QString tip = !m_actionsEnabled ? m_disabledReason
                                : e.outcome == QLatin1String("dead_letter")
                                    ? tr("Admit %1 again on %2").arg(e.backend, e.nodeName.value_or(QString()))
                                    : tr("Admit this operation again");
            return QVariantList{makeAction(QStringLiteral("retry"), retryText(), m_actionsEnabled, tip)};
        }
        break;
    default: break;
    }
    return {};
}

QVariant HistoryModel::nodeData(const Item &item, int row, int column, int role) const
{
    const QJsonObject n = item.nodes.at(row).toObject();
    const QString name = n.value(QLatin1String("node_name")).toString();
    const QString status = n.value(QLatin1String("status")).toString();
    const QString english = n.value(QLatin1String("error")).toString();
    const QString error = reasonText(readReason(n, QLatin1String("error")), english);
    const RowLook look = nodeRowLook(status);
    switch (role) {
    case TableRole::Key: return QString(QString::number(item.entry.id) + QLatin1Char('/') + name);
    case TableRole::RowKind: return int(NodeResultRow);
    case ErrorTextRole: return english;
    case Qt::AccessibleTextRole:
        return error.isEmpty() ? tr("%1 on %2: %3").arg(item.entry.backend, name, look.text)
                               : tr("%1 on %2: %3, %4").arg(item.entry.backend, name, look.text, error);
    default: break;
    }
    switch (column) {
    case OutcomeColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole: return look.text;
        case TableRole::Shape: return look.shape;
        case TableRole::Tone: return int(look.tone);
        }
        break;
    case TimeColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return name;
        break;
    case NodesColumn:
        if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) && item.entry.attempts)
            return (*item.entry.attempts == 1 ? tr("1 attempt") : tr("%1 attempts").arg(*item.entry.attempts));
        break;
    case ErrorColumn:
        switch (role) {
        case Qt::DisplayRole: return error.section(QLatin1Char('\n'), 0, 0);
        case Qt::ToolTipRole: return error.isEmpty() ? QVariant() : QVariant(error);
        case TableRole::Tone: return error.isEmpty() ? QVariant() : QVariant(int(Tone::Error));
        }
        break;
    default: break;
    }
    return {};
}

} // namespace fleetdeck::ui
