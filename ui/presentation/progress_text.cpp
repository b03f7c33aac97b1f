#include "presentation/progress_text.h"

#include "presentation/op_presentation.h"
#include "widgets/format.h"

#include <QLocale>
#include <QStringList>

namespace fleetdeck::ui {

namespace {
void addLine(QStringList &lines, const QString &text)
{
    if (!text.isEmpty() && !lines.contains(text))
        lines.append(text);
}
} // namespace

QString percentText(int percent)
{
    return OpPresentation::tr("%1 %", "percentage").arg(QLocale().toString(percent));
}

QString opProgressText(const Operation &op)
{
    const QString size = bytesOf(op.currentBytes, op.totalBytes);
    if (!op.fileName.isEmpty())
        return size.isEmpty() ? op.fileName : OpPresentation::tr("%1 · %2", "file name · bytes").arg(op.fileName, size);
    if (!size.isEmpty())
        return size;
    // No download: say what the rows do, in the order a worker does it.
    QStringList parts;
    for (const NodeRowStatus status : {NodeRowStatus::Downloading, NodeRowStatus::Verifying, NodeRowStatus::Extracting}) {
        const NodeProgress *first = nullptr;
        int count = 0;
        for (const NodeProgress &n : op.nodes) {
            if (n.status != status)
                continue;
            first = first ? first : &n;
            ++count;
        }
        if (!first)
            continue;
        const QString word = presentNodeRow(op, *first, 0, 0, false).word;
        if (op.targetNodeId)
            parts.append(word);
        else if (count == 1)
            parts.append(OpPresentation::tr("%1 on %2", "state on node").arg(word, first->nodeName));
        else
            parts.append(OpPresentation::tr("%1 on %n node(s)", "state on node count", count).arg(word));
    }
    return parts.join(QStringLiteral(", "));
}

QString workerBusyText(OpKind kind, const QString &nodeNames)
{
    if (nodeNames.isEmpty())
        return kind == OpKind::Delete ? OpPresentation::tr("the worker is still deleting; the reconciler will confirm")
                                      : OpPresentation::tr("the worker is still installing; the reconciler will confirm");
    return kind == OpKind::Delete
               ? OpPresentation::tr("the worker on %1 is still deleting; the reconciler will confirm").arg(nodeNames)
               : OpPresentation::tr("the worker on %1 is still installing; the reconciler will confirm").arg(nodeNames);
}

QString opDetails(const Operation &op, bool withNodes)
{
    QStringList lines;
    addLine(lines, op.message);
    if (op.error)
        addLine(lines, *op.error);
    if (withNodes)
        for (const NodeProgress &n : op.nodes)
            if (const QString d = nodeDetails(n); !d.isEmpty())
                lines.append(n.nodeName + QStringLiteral(": ") + QString(d).replace(QLatin1Char('\n'), QStringLiteral("; ")));
    return lines.join(QLatin1Char('\n'));
}

QString nodeDetails(const NodeProgress &row)
{
    QStringList lines;
    addLine(lines, row.message);
    if (row.error)
        addLine(lines, *row.error);
    return lines.join(QLatin1Char('\n'));
}

} // namespace fleetdeck::ui
