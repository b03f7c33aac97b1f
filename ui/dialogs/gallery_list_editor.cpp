#include "dialogs/gallery_list_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fleetdeck::ui {

GalleryListEditor::GalleryListEditor(QWidget *parent) : QWidget(parent)
{
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("URL or path")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    const int row = fontMetrics().height() * 2;
    m_table->verticalHeader()->setDefaultSectionSize(row);
    m_table->setMinimumHeight(row * 4);
    m_table->setMaximumHeight(row * 7);

    auto *add = new QPushButton(tr("&Add gallery"), this);
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setAccessibleName(tr("Remove the selected gallery"));
    m_remove->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this]() {
        addRow(QString(), QString());
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
        Q_EMIT changed();
    });
    connect(m_remove, &QPushButton::clicked, this, [this]() {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            Q_EMIT changed();
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, &GalleryListEditor::changed);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int current) { m_remove->setEnabled(current >= 0); });
}

void GalleryListEditor::addRow(const QString &name, const QString &url)
{
    const QSignalBlocker block(m_table);
    const int r = m_table->rowCount();
    m_table->insertRow(r);
    m_table->setItem(r, 0, new QTableWidgetItem(name));
    m_table->setItem(r, 1, new QTableWidgetItem(url));
}

void GalleryListEditor::setGalleries(const QList<GallerySource> &galleries)
{
    {
        const QSignalBlocker block(m_table);
        m_table->setRowCount(0);
    }
    for (const GallerySource &g : galleries)
        addRow(g.name, g.url);
    m_remove->setEnabled(false);
}

QString GalleryListEditor::toJson(const QList<GallerySource> &galleries)
{
    QJsonArray list;
    for (const GallerySource &g : galleries)
        list.append(QJsonObject{{QStringLiteral("name"), g.name}, {QStringLiteral("url"), g.url}});
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

QString GalleryListEditor::toJson() const
{
    QList<GallerySource> galleries;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString name = m_table->item(r, 0) ? m_table->item(r, 0)->text().trimmed() : QString();
        const QString url = m_table->item(r, 1) ? m_table->item(r, 1)->text().trimmed() : QString();
        if (!name.isEmpty() || !url.isEmpty())
            galleries.append(GallerySource{name, url});
    }
    return toJson(galleries);
}

void GalleryListEditor::setJson(const QString &json)
{
    QList<GallerySource> galleries;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        galleries.append(GallerySource{o.value(QLatin1String("name")).toString(), o.value(QLatin1String("url")).toString()});
    }
    setGalleries(galleries);
    Q_EMIT changed();
}

} // namespace fleetdeck::ui
