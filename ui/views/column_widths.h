#pragma once
// How a table's columns share its width (docs/gui.md#tables): a column whose values come from a
// short known set (statuses, kinds, "59 min ago", a button) is as wide as its longest value in the
// current language and font, or its header; the other columns share what is left by weight and
// elide, their full text in the tooltip. The shares follow the viewport's width, so every column
// shows without a horizontal scroll bar in a 1,120 px window, in every language.
#include <QObject>
#include <QStringList>

class QTreeView;

namespace fleetdeck::ui {

class ColumnWidths : public QObject {
    Q_OBJECT
public:
    explicit ColumnWidths(QTreeView *view);

    // The column is as wide as the widest of its header and `values` (texts the view's delegate
    // paints in a cell: the shape and text, or an action's label), plus `extraEm` of padding
    // beyond the cell's own (a button's frame).
    void fit(int column, const QStringList &values, double extraEm = 0);
    // The column takes `weight` parts of the width the fitted columns leave, never less than its
    // header or the widest of `minValues`.
    void share(int column, int weight, const QStringList &minValues = {});
    // Lays the columns out now (also done on every resize of the view).
    void apply();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Column {
        int column;
        int weight; // 0: fitted
        int width;  // fitted: its width; shared: its minimum
    };
    int textWidth(int column, const QStringList &values, double extraEm) const;

    QTreeView *m_view;
    QList<Column> m_columns;
};

} // namespace fleetdeck::ui
