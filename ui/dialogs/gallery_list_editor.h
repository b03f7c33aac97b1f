#pragma once
// The cluster's gallery list (setting `galleries`, docs/gallery.md#configuration) as a two-column
// table, Name and URL, with Add and Remove: names and paths may hold spaces, which a one-line
// format could not carry.
#include "config/cluster_settings.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace fleetdeck::ui {

class GalleryListEditor final : public QWidget {
    Q_OBJECT
public:
    explicit GalleryListEditor(QWidget *parent = nullptr);

    void setGalleries(const QList<GallerySource> &galleries);
    // The JSON text `settings set galleries` takes; rows with neither name nor URL are left out.
    QString toJson() const;
    // Accepts that JSON text (a malformed one clears the table).
    void setJson(const QString &json);
    static QString toJson(const QList<GallerySource> &galleries);

    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void changed();

private:
    void addRow(const QString &name, const QString &url);

    QTableWidget *m_table;
    QPushButton *m_remove;
};

} // namespace fleetdeck::ui
