#pragma once
// Search and filters of the Backends page (docs/gui.md#backend-cards): text (name, description,
// tags), tag, installed / not installed, update available, development builds; sorted by name.
#include <QSortFilterProxyModel>

namespace fleetdeck::ui {

class BackendsProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Installed { Any, Installed, NotInstalled };
    explicit BackendsProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    void setTag(const QString &tag); // empty = any
    void setInstalled(Installed which);
    void setUpdatesOnly(bool on);
    void setShowDevelopment(bool on);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void changed();
    QString m_text;
    QString m_tag;
    Installed m_installed = Installed::Any;
    bool m_updatesOnly = false;
    bool m_showDevelopment = true;
};

} // namespace fleetdeck::ui
