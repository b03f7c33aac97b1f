#pragma once
// Shared by the table pages' tests (docs/gui.md#tables): a page at the width a 1,120 px window
// gives it, in English, German or Spanish, shows every column without a horizontal scroll bar,
// and a column sized to its values shows each of them whole.
#include "scoped_language.h"

#include <QAbstractItemDelegate>
#include <QHeaderView>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTreeView>

namespace fleetdeck::test {

inline void addLanguageRows()
{
    QTest::addColumn<QString>("lang");
    for (const char *l : {"en", "de", "es"})
        QTest::newRow(l) << QString::fromLatin1(l);
}

// Shows `page` at the width a 1,120 px window gives it (the rail takes the rest), its table in
// front of the empty state (what a snapshot with rows switches to). Called before the rows are
// set: a shown page takes the clock's time, the rows then keep the test's.
inline void showAtPageWidth(QWidget &page, QTreeView *view)
{
    page.resize(980, 600);
    page.show();
    if (auto *stack = qobject_cast<QStackedWidget *>(view->parentWidget()))
        stack->setCurrentWidget(view);
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(view->isVisible());
}

// No horizontal scroll bar, the sections end inside the viewport, and every top-level cell of the
// `whole` columns is at least as wide as the delegate's size hint for it (nothing cut).
inline void verifyColumnsFit(QTreeView *view, const QList<int> &whole)
{
    QTest::qWait(50); // layouts and the header's section sizes settle
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    int total = 0;
    for (int c = 0; c < view->header()->count(); ++c)
        total += view->header()->sectionSize(c);
    QVERIFY2(total <= view->viewport()->width(), qPrintable(QStringLiteral("%1 > %2").arg(total).arg(view->viewport()->width())));
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int c : whole) {
            const QModelIndex index = model->index(row, c);
            QStyleOptionViewItem option;
            option.initFrom(view->viewport());
            option.rect = view->visualRect(index);
            const int need = view->itemDelegateForIndex(index)->sizeHint(option, index).width();
            // visualRect: the cell's own width (the tree's column loses its expand arrow's room).
            QVERIFY2(need <= option.rect.width(),
                     qPrintable(QStringLiteral("column %1 \"%2\": %3 px needed, %4 px given")
                                    .arg(c)
                                    .arg(index.data().toString())
                                    .arg(need)
                                    .arg(option.rect.width())));
        }
    }
}

} // namespace fleetdeck::test
