#pragma once
// The operations bar's model (docs/operations.md#operations-list, docs/gui.md#operations-bar): one
// top-level row per list-read entry, one child row per node row. The text of each line is computed
// here (opLine / nodeLine) so that tests read exactly what the bar paints, from presentOp() and the
// op's fields (progress_text.h); the engine's message is only in Qt::ToolTipRole and DetailsRole.
// Updates are diffs by op id.
#include "bridge/snapshot.h"
#include "core/operation.h"
#include "theme/theme.h"

#include <QAbstractItemModel>
#include <QHash>
#include <limits>

namespace fleetdeck::ui {

enum class OpButton { None, Retry, Dismiss, Cancel, RetryNode };

struct OpLine {
    enum class Icon { Spinner, Error, Trash, Clock, Pause };
    Icon icon = Icon::Spinner;
    QString text;            // "Upgrading backend: llama-cpp-cuda12 (llama.tar.zst · 512.0 MiB of 1.2 GiB)"
    int progress = -1;       // shown with a bar when > 0
    QString nodesLabel;      // "3 nodes"
    QList<OpButton> buttons; // right edge, primary first
    bool stalled = false;
    bool warning = false;    // amber (running_on_worker, stalled)
};

struct NodeLine {
    QString label;           // "Downloading", "Worker busy", "Done", "Failed", "Stalled", …
    Tone tone = Tone::Info;  // the label's colour
    QString node;
    QString file;
    QString bytes;           // "512.0 MiB of 1.2 GiB"
    int percentage = 0;
    bool bar = false;        // a mini bar while 0 < pct < 100
    QString error;           // truncated to 120 characters; "the worker is still installing; …" on a busy row
    QString fullError;
    QString details;         // the engine's message and error (nodeDetails): tooltip and "Copy details" only
    bool retry = false;      // "Retry on this node"
    bool operator==(const NodeLine &) const = default;
};

OpLine opLine(const Operation &op, qint64 nowMs, qint64 stalledMs, bool live, const QString &targetNodeName = {});
NodeLine nodeLine(const Operation &op, const NodeProgress &n, qint64 nowMs, qint64 stalledMs, bool live);
QString opAccessibleText(const Operation &op, const OpLine &line);

class OpsModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        OpIdRole = Qt::UserRole + 1,
        IsNodeRole,
        OpLineRole,   // OpLine
        NodeLineRole, // NodeLine
        CancelBusyRole,
        InlineErrorRole,
        HighlightRole,
        NodeIdRole,
        DetailsRole, // the engine's own words (opDetails / nodeDetails), never in the line's text
    };
    explicit OpsModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void setOps(const QList<Operation> &ops, qint64 nowMs, qint64 stalledMs, bool live,
                const QHash<QString, QString> &nodeNames = {});
    // The snapshot's ops: when its last delta only changed ops in place (OpsChange), only their
    // rows and those whose time is due are recomputed; otherwise as setOps.
    void setSnapshot(const ClusterSnapshot &s, qint64 nowMs, qint64 stalledMs, bool live,
                     const QHash<QString, QString> &nodeNames = {});
    // GUI-only state of a Cancel in flight and the result shown inline (not op state).
    void setCancelBusy(const QString &opId, bool busy);
    void setInlineError(const QString &opId, const QString &error);
    void setHighlighted(const QString &opId);
    QModelIndex indexOf(const QString &opId) const;
    const Operation *op(const QString &opId) const;
    bool anySpinning() const;

private:
    struct Entry {
        Operation op;
        OpLine line;
        QList<NodeLine> nodes;
        bool cancelBusy = false;
        QString inlineError;
        // When the clock alone next changes this entry's lines (a stall begins, or a stalled
        // line's "no progress for …" moves on): docs/gui.md#stalled.
        qint64 timeDueMs = std::numeric_limits<qint64>::max();
    };
    Entry makeEntry(const Operation &op) const;
    void updateEntry(int row, Entry next);
    int rowOf(const QString &opId) const;
    void reindex();
    static bool sameOp(const Operation &a, const Operation &b);

    QList<Entry> m_entries;
    QHash<QString, int> m_rowById; // op id → row, rebuilt when rows move
    quint64 m_opsSeq = 0;          // the snapshot delta the rows show (OpsChange::seq)
    qint64 m_nowMs = 0;
    qint64 m_stalledMs = 60'000;
    bool m_live = true;
    QHash<QString, QString> m_nodeNames;
    QString m_highlighted;
};

} // namespace fleetdeck::ui

Q_DECLARE_METATYPE(fleetdeck::ui::OpLine)
Q_DECLARE_METATYPE(fleetdeck::ui::NodeLine)
